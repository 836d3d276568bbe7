"""Shared fixtures: the bundled agreement, a facts builder, and evaluation on a day."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from iop_rules import Agreement, Facts, Report, cadence, context, dates, engine, evaluate, load_agreement, parse_facts

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "history-2026-11-30.toml"

settings.register_profile("fast", max_examples=60, deadline=None, derandomize=True)
settings.register_profile("thorough", max_examples=1000, deadline=None)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--thorough", action="store_true", help="run property tests with 1,000 examples each")


def pytest_configure(config: pytest.Config) -> None:
    settings.load_profile("thorough" if config.getoption("--thorough") else "fast")


@pytest.fixture(autouse=True)
def _empty_caches_under_mutation() -> None:
    """Under mutation testing (mutmut sets MUTANT_UNDER_TEST), every test starts with empty caches.

    mutmut records which tests reach each function and tries a mutant only against those. A warm cache (the terms,
    the calendar years, the holidays) hides the functions behind it from every test but the first, and their
    mutants would survive for want of tests, not of good ones. The same holds for the engine's ruleset.
    """
    if "MUTANT_UNDER_TEST" in os.environ:
        for module in (cadence, dates, context):
            for value in vars(module).values():
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()
        # The engine's ruleset is built once per process, by whichever test evaluates first: dropped here, every
        # test that evaluates builds it again and so reaches (and tests) the code that defines it.
        engine._host = None


SIGNED = {
    "signatures": [
        {"id": "sig-city", "party": "city", "date": "2024-12-10"},
        {"id": "sig-fa", "party": "fa", "date": "2024-12-12"},
    ]
}


def day(text: str) -> dt.date:
    """A date from YYYY-MM-DD."""
    return dt.date.fromisoformat(text)


@pytest.fixture(scope="session")
def agreement() -> Agreement:
    return load_agreement()


def make_facts(**collections: Any) -> Facts:
    """A signed snapshot with the given collections added (lists of dicts)."""
    data: dict[str, Any] = {**SIGNED, **collections}
    return parse_facts(data)


Check = Callable[..., Report]


@pytest.fixture()
def check(agreement: Agreement) -> Check:
    """Evaluate facts given as collections on a day: ``check("2026-11-30", grant_payments=[...])``."""

    def run(as_of: str, settings: Mapping[str, object] | None = None, horizon_days: int | None = None, **collections: Any) -> Report:
        return evaluate(agreement, make_facts(**collections), as_of=day(as_of), settings=settings, horizon_days=horizon_days)

    return run


def finding(report: Report, finding_id: str) -> Any:
    """The finding with this id; fails the test when the report lacks it."""
    found = report.finding(finding_id)
    assert found is not None, f"no finding {finding_id!r}; have {[f.id for f in report.findings()]}"
    return found
