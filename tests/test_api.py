"""The public API partner tools import: small, typed, stable."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import iop_rules
from iop_rules import Report, evaluate, load_agreement, load_facts
from iop_rules.report import Report as ReportModel

from .conftest import EXAMPLE, ROOT


def test_public_names() -> None:
    for name in ("load_agreement", "load_facts", "evaluate", "Report", "Finding", "Facts", "Agreement", "InputError"):
        assert name in iop_rules.__all__
        assert hasattr(iop_rules, name)
    assert sorted(iop_rules.__all__) == list(iop_rules.__all__)


def test_package_is_typed() -> None:
    assert (Path(iop_rules.__file__).parent / "py.typed").exists()


def test_bundled_agreement_is_the_root_file() -> None:
    bundled = load_agreement()
    assert bundled == load_agreement(ROOT / "agreement.toml")


def test_evaluate_defaults_to_the_facts_as_of() -> None:
    facts = load_facts(EXAMPLE)
    report = evaluate(load_agreement(), facts)
    assert report.as_of == dt.date(2026, 11, 30)
    assert report.horizon_days == 60


def test_report_round_trips_through_json() -> None:
    report = evaluate(load_agreement(), load_facts(EXAMPLE))
    again = ReportModel.model_validate_json(report.to_json())
    assert again == report
    assert again.to_json() == report.to_json()


def test_findings_have_stable_ids_across_dates() -> None:
    agreement, facts = load_agreement(), load_facts(EXAMPLE)
    ids = [{f.id for f in evaluate(agreement, facts, as_of=dt.date(2026, 11, d)).obligations} for d in (1, 15, 30)]
    assert "mid-term-evaluation" in ids[0] & ids[1] & ids[2]
    assert "grant-payment/2026" in ids[2] or not any(i.startswith("grant-payment/") for i in ids[2])


def test_every_finding_cites_section_quote_party_and_bilingual_message() -> None:
    report: Report = evaluate(load_agreement(), load_facts(EXAMPLE))
    for finding in report.findings():
        assert finding.section in {str(n) for n in range(1, 12)}
        assert finding.quote.strip()
        assert finding.party in ("city", "fa", "both")
        assert finding.message.sv.strip() and finding.message.en.strip()
        assert finding.message.sv != finding.message.en


def test_json_keys_are_sorted_and_schema_is_published() -> None:
    report = evaluate(load_agreement(), load_facts(EXAMPLE))
    data = json.loads(report.to_json())
    assert list(data) == sorted(data)
    schema = ReportModel.model_json_schema()
    assert schema["properties"]["obligations"]
