"""The contract with partner tools ships with the package (issue 11): the facts and report JSON Schemas are in the
installed package, carry ``$schema`` and ``$id``, match the models, and accept the example and its report.

The suite runs against the package installed non-editable (scripts/setup.sh), so reading the schema files with
``importlib.resources`` here proves that the wheel carries them.
"""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from importlib import resources
from typing import Any

import jsonschema
import pytest

import iop_rules
from iop_rules import evaluate, load_agreement, load_facts
from iop_rules.schemas import DIALECT, build, render, schema_id, schema_text

from .conftest import EXAMPLE


def _as_json(value: Any) -> Any:
    """TOML data as a JSON document holds it: dates as YYYY-MM-DD text."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_json(item) for item in value]
    return value


def _validator(name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads(schema_text(name))  # type: ignore[arg-type]
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("name", ["facts", "report"])
def test_the_shipped_schema_is_in_the_installed_package_with_schema_and_id(name: str) -> None:
    path = resources.files("iop_rules").joinpath("schemas", f"{name}.schema.json")
    assert path.is_file(), f"{name}.schema.json is not in the installed package {iop_rules.__file__}"
    schema = json.loads(path.read_text(encoding="utf-8"))
    assert schema["$schema"] == DIALECT == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == schema_id(name)  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["facts", "report"])
def test_the_shipped_schema_is_the_models_schema(name: str) -> None:
    """Stale when a model changed: regenerate with ``PYTHONPATH=src python -m iop_rules.schemas``."""
    assert schema_text(name) == render(name), "the shipped schema is stale"  # type: ignore[arg-type]
    assert json.loads(schema_text(name)) == build(name)  # type: ignore[arg-type]


def test_the_docs_schema_is_the_shipped_one() -> None:
    from iop_rules.presentation.docs import generate

    files = generate()
    assert files["schema/facts.schema.json"] == schema_text("facts")
    assert files["schema/report.schema.json"] == schema_text("report")


def test_the_example_facts_and_their_report_are_valid() -> None:
    facts_data = _as_json(tomllib.loads(EXAMPLE.read_text(encoding="utf-8")))
    _validator("facts").validate(facts_data)
    facts = load_facts(EXAMPLE)
    _validator("facts").validate(json.loads(facts.model_dump_json()))
    report = evaluate(load_agreement(), facts, as_of=dt.date(2026, 11, 30))
    _validator("report").validate(json.loads(report.to_json()))


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.update(clients=[{"name": "x"}]),
        lambda d: d["grant_payments"][0].pop("amount"),
        lambda d: d["grant_payments"][0].update(grant_year="2025"),
        lambda d: d["signatures"][0].update(party="someone"),
    ],
    ids=["unknown-field", "missing-amount", "year-as-text", "unknown-party"],
)
def test_the_facts_schema_refuses_what_the_loader_refuses(change: Any) -> None:
    data = _as_json(tomllib.loads(EXAMPLE.read_text(encoding="utf-8")))
    change(data)
    assert list(_validator("facts").iter_errors(data)), "the schema accepted a facts document the loader refuses"


def test_the_report_schema_refuses_an_unknown_status() -> None:
    report = json.loads(evaluate(load_agreement(), load_facts(EXAMPLE), as_of=dt.date(2026, 11, 30)).to_json())
    report["breaches"][0]["status"] = "maybe"
    assert list(_validator("report").iter_errors(report))
