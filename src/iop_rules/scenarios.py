"""Scenario files: situations a lawyer writes down in TOML (a sentence, a day, the facts, the expected findings)
that the tests run against the rules, and that the generated documentation lists per section.

A file holds one or more ``[[scenario]]`` tables and, optionally, ``[facts]`` shared by every scenario in it.
Unknown keys are an error, so a misspelt expectation can never pass silently. See ``docs/scenarios.md``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, field_validator, model_validator

from ._io import read_document
from ._types import MODEL_CONFIG, Day, Responsible, Sek
from .agreement import Agreement, check_setting, validate_document
from .clause import Clause
from .coverage import rule_for
from .evaluate import evaluate
from .facts import parse_facts
from .report import AgreementState, Finding, Kind, Report, Severity, Status


class Expectation(BaseModel):
    """A finding the scenario expects: its id, and any of its section, status, party, due day, amount, severity."""

    model_config = MODEL_CONFIG

    id: str = Field(min_length=1)
    """The finding's id, e.g. ``grant-payment/2026``."""
    section: str | None = None
    """The section it must cite, ``"1"`` to ``"11"``."""
    status: Status | None = None
    """Its status, e.g. ``fulfilled``, ``violated``, ``due``."""
    kind: Kind | None = None
    """``duty``, ``right`` or ``note``."""
    party: Responsible | None = None
    """``city``, ``fa`` or ``both``."""
    due: Day | None = None
    """Its deadline."""
    amount: Sek | None = None
    """The amount it states, exact in SEK, e.g. ``"0.01"``."""
    severity: Severity | None = None
    """``critical``, ``major``, ``minor`` or ``info``."""

    def mismatches(self, finding: Finding) -> list[str]:
        """The expected fields the finding does not have, as ``field: expected X, got Y``."""
        out: list[str] = []
        for field in ("section", "status", "kind", "party", "due", "amount", "severity"):
            expected = getattr(self, field)
            if expected is None:
                continue
            actual = getattr(finding, field)
            if expected != actual:
                out.append(f"{field}: expected {_show(expected)}, got {_show(actual)}")
        return out


class Scenario(BaseModel):
    """One situation: named by a sentence, evaluated on ``as_of`` with the facts given."""

    model_config = MODEL_CONFIG

    name: str = Field(min_length=10)
    """A sentence saying what happens and what the agreement makes of it."""
    as_of: Day
    """The evaluation day."""
    facts: dict[str, Any] = Field(default_factory=dict)
    """The facts (the facts file's schema), added to the file's shared ``[facts]``."""
    settings: dict[str, str | int] = Field(default_factory=dict)
    """Interpretation settings overridden for this scenario, e.g. ``{ I1 = "bracket_date" }``."""
    horizon_days: int | None = Field(default=None, ge=0, le=3650)
    """Days ahead for upcoming actions (default I13)."""
    expect: tuple[Expectation, ...] = ()
    """The findings expected."""
    absent: tuple[str, ...] = ()
    """Finding ids that must not be in the report."""
    agreement_state: AgreementState | None = None
    """The agreement's state expected: ``not_started``, ``in_force``, ``notice_given`` or ``ended``."""
    agreement_last_day: Day | None = None
    """The agreement's last day in force expected."""

    @field_validator("settings")
    @classmethod
    def _settings(cls, value: dict[str, str | int]) -> dict[str, str | int]:
        for key, setting in value.items():
            check_setting(key, setting)
        return value

    @model_validator(mode="after")
    def _asserts_something(self) -> Scenario:
        if not (self.expect or self.absent or self.agreement_state or self.agreement_last_day):
            raise ValueError(f"scenario {self.name!r} expects nothing: give expect, absent or agreement_state")
        return self


class ScenarioFile(BaseModel):
    """A scenario file: optional facts shared by its scenarios, and the scenarios."""

    model_config = MODEL_CONFIG

    facts: dict[str, Any] = Field(default_factory=dict)
    """Facts every scenario of the file starts from (e.g. both signatures)."""
    scenario: tuple[Scenario, ...] = Field(min_length=1)
    """The scenarios."""


def load_scenario_file(path: Path) -> ScenarioFile:
    """Read and validate a scenario file; InputError names the field and value when it is malformed."""
    loaded: ScenarioFile = validate_document(ScenarioFile, read_document(path, what="scenarios"), path)
    return loaded


def scenario_files(directory: Path) -> list[Path]:
    """The scenario files of a directory, by name."""
    return sorted(directory.glob("*.toml")) if directory.is_dir() else []


def merged_facts(shared: dict[str, Any], own: dict[str, Any]) -> dict[str, Any]:
    """The shared facts with a scenario's own added: lists are joined, anything else is replaced."""
    out: dict[str, Any] = dict(shared)
    for key, value in own.items():
        if isinstance(value, list) and isinstance(out.get(key), list):
            out[key] = [*out[key], *value]
        else:
            out[key] = value
    return out


def run_scenario(agreement: Agreement, scenario: Scenario, shared: dict[str, Any] | None = None) -> tuple[Report, list[str]]:
    """Evaluate a scenario: the report, and every way it differs from what the scenario expects (empty: it holds)."""
    facts = parse_facts(merged_facts(shared or {}, scenario.facts), source=f"scenario {scenario.name!r}")
    report = evaluate(
        agreement, facts, as_of=scenario.as_of, horizon_days=scenario.horizon_days, settings=scenario.settings
    )
    problems: list[str] = []
    if scenario.agreement_state is not None and report.agreement.state != scenario.agreement_state:
        problems.append(f"agreement state: expected {scenario.agreement_state}, got {report.agreement.state}")
    if scenario.agreement_last_day is not None and report.agreement.last_day != scenario.agreement_last_day:
        problems.append(f"agreement last day: expected {_show(scenario.agreement_last_day)}, got {_show(report.agreement.last_day)}")
    for expectation in scenario.expect:
        finding = report.finding(expectation.id)
        if finding is None:
            problems.append(f"{expectation.id}: expected, but the report has no such finding")
            continue
        problems.extend(f"{expectation.id}: {m}" for m in expectation.mismatches(finding))
    for finding_id in scenario.absent:
        if report.finding(finding_id) is not None:
            problems.append(f"{finding_id}: expected absent, but the report has it")
    return report, problems


def scenario_sections(scenario: Scenario, clauses: Iterable[Clause]) -> tuple[str, ...]:
    """The sections a scenario speaks to: those its expected findings cite (or whose rules they come from)."""
    found: set[str] = set()
    clauses = tuple(clauses)
    for expectation in scenario.expect:
        if expectation.section is not None:
            found.add(expectation.section)
            continue
        rule = rule_for(expectation.id, clauses)
        if rule is not None:
            found.add(rule.section)
    for finding_id in scenario.absent:
        rule = rule_for(finding_id, clauses)
        if rule is not None:
            found.add(rule.section)
    if scenario.agreement_state is not None or scenario.agreement_last_day is not None:
        found.add("4")
    return tuple(sorted(found, key=int))


def describe_failure(agreement: Agreement, scenario: Scenario, report: Report, problems: list[str]) -> str:
    """A failing scenario, for a person: what differs, the expected against the actual findings, and the Swedish
    words of the sections concerned."""
    lines = [f"Scenario: {scenario.name}", f"As of {scenario.as_of.isoformat()}; settings {report.settings}", ""]
    lines.append("What differs:")
    lines.extend(f"  - {p}" for p in problems)
    lines.append("")
    lines.append("Expected → actual:")
    for expectation in scenario.expect:
        wanted = expectation.model_dump(exclude_none=True, mode="json")
        finding = report.finding(expectation.id)
        lines.append(f"  expected {wanted}")
        lines.append(f"  actual   {_summary(finding) if finding else '(no such finding)'}")
    lines.append("")
    lines.append(f"Agreement: {report.agreement.state}, last day {_show(report.agreement.last_day)}")
    lines.append("All findings in the report:")
    lines.extend(f"  {_summary(f)}" for f in report.findings())
    sections: set[str] = set()
    for expectation in scenario.expect:
        actual = report.finding(expectation.id)
        sections.update(s for s in (expectation.section, actual.section if actual else None) if s)
    for number in sorted(sections, key=int):
        section = agreement.sections[number]
        lines.append("")
        lines.append(f"§{number} {section.title}:")
        lines.extend(f"  ”{text}”" for text in section.quotes.values())
    return "\n".join(lines)


def _summary(finding: Finding | None) -> str:
    if finding is None:
        return "(none)"
    parts = {
        "id": finding.id,
        "section": finding.section,
        "status": finding.status,
        "kind": finding.kind,
        "party": finding.party,
        "due": _show(finding.due),
        "amount": _show(finding.amount),
        "severity": finding.severity,
    }
    return "{" + ", ".join(f"{k}: {v}" for k, v in parts.items() if v != "–") + "}"


def _show(value: object) -> str:
    if value is None:
        return "–"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    return str(value)


__all__ = [
    "Expectation",
    "Scenario",
    "ScenarioFile",
    "describe_failure",
    "load_scenario_file",
    "merged_facts",
    "run_scenario",
    "scenario_files",
    "scenario_sections",
]
