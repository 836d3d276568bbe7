"""The coverage record: for every section §1–§11 and every item the agreement lists, the rules that encode it,
or why it is not machine-checkable.

The record is data (``coverage.toml``, shipped in the package), one entry per quote key of ``agreement.toml``:
every quote names words of the agreement, so a quote without an entry is a part of the agreement nobody has
accounted for. ``check_coverage`` lists what is missing or wrong; the tests fail on any problem it reports.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, model_validator

from ._io import parse_text
from ._types import MODEL_CONFIG, InputError
from .agreement import Agreement, validate_document
from .catalogue import msg
from .clause import Clause, Rule

CoverageStatus = Literal["rules", "standing", "checked_on_load", "not_machine_checkable"]
"""How an item of the agreement is accounted for: ``rules`` (encoded by the rules named); ``standing`` (encoded in
the agreement's standing that every report states and every clause uses to discharge duties); ``checked_on_load``
(checked when ``agreement.toml`` is loaded: a bad agreement file is refused, so there is no finding); or
``not_machine_checkable`` (with the reason)."""

SECTION_NUMBERS = tuple(str(n) for n in range(1, 12))


class CoverageEntry(BaseModel):
    """One item of the agreement (a quote key of a section) and how the library accounts for it."""

    model_config = MODEL_CONFIG

    section: str = Field(pattern=r"^([1-9]|1[01])$")
    """The section, ``"1"`` to ``"11"``."""
    quote: str = Field(min_length=1)
    """The quote key under ``[sections.N.quotes]`` in ``agreement.toml`` whose words this entry accounts for."""
    status: CoverageStatus
    """``rules``, ``not_machine_checkable`` or ``checked_on_load``."""
    rules: tuple[str, ...] = ()
    """The Rule ids (as written in the clauses, with placeholders) that encode it; empty unless ``rules``."""
    reason_sv: str = ""
    """Why it is not machine-checkable, or what the rules leave unchecked, in Swedish."""
    reason_en: str = ""
    """The same in English."""

    @model_validator(mode="after")
    def _consistent(self) -> CoverageEntry:
        if self.status == "rules" and not self.rules:
            raise ValueError(f"§{self.section} {self.quote}: status 'rules' needs at least one rule id")
        if self.status != "rules" and self.rules:
            raise ValueError(f"§{self.section} {self.quote}: status {self.status!r} lists no rules")
        if self.status != "rules" and not (self.reason_sv and self.reason_en):
            raise ValueError(f"§{self.section} {self.quote}: status {self.status!r} needs reason_sv and reason_en")
        if bool(self.reason_sv) != bool(self.reason_en):
            raise ValueError(f"§{self.section} {self.quote}: give the reason in both Swedish and English")
        return self


class CoverageRecord(BaseModel):
    """The whole coverage record, as ``coverage.toml`` holds it."""

    model_config = MODEL_CONFIG

    entry: tuple[CoverageEntry, ...]
    """Every entry, in section order."""


def _bundled() -> Path:
    return Path(str(resources.files("iop_rules").joinpath("coverage.toml")))


def load_coverage(path: str | Path | None = None) -> tuple[CoverageEntry, ...]:
    """The coverage record; without a path, the bundled ``coverage.toml``. Raises InputError when malformed."""
    source = Path(path) if path is not None else _bundled()
    try:
        text = source.read_text(encoding="utf-8")
    except OSError as error:
        raise InputError(msg("error.file.unreadable", source=str(source), reason=str(error.strerror))) from None
    record: CoverageRecord = validate_document(CoverageRecord, parse_text(text, "toml", str(source)), source)
    return record.entry


def rule_pattern(rule_id: str, within_segment: bool = False) -> re.Pattern[str]:
    """A Rule id as a pattern of finding ids: each ``{placeholder}`` matches any non-empty text (or, with
    ``within_segment``, any non-empty text without a ``/``)."""
    return re.compile(re.sub(r"\\\{[^}]*\\\}", "[^/]+" if within_segment else ".+", re.escape(rule_id)))


def all_rules(clauses: Iterable[Clause]) -> tuple[Rule, ...]:
    """Every rule of the clauses, in registry order."""
    return tuple(rule for clause in clauses for rule in clause.rules)


def rule_for(finding_id: str, clauses: Iterable[Clause]) -> Rule | None:
    """The rule whose id pattern a finding id matches, if any."""
    rules = all_rules(clauses)
    # "attestation/{year}" would also match "attestation/2025/fa_staff": prefer a match segment by segment.
    exact = next((r for r in rules if rule_pattern(r.id, within_segment=True).fullmatch(finding_id)), None)
    return exact or next((r for r in rules if rule_pattern(r.id).fullmatch(finding_id)), None)


def entries_for_section(entries: Sequence[CoverageEntry], section: str) -> tuple[CoverageEntry, ...]:
    """The entries of one section."""
    return tuple(e for e in entries if e.section == section)


def check_coverage(entries: Sequence[CoverageEntry], clauses: Sequence[Clause], agreement: Agreement) -> list[str]:
    """Every problem of the record against the clauses and the agreement, one sentence each; empty when sound.

    Reported: a section with no entry; a quote key of ``agreement.toml`` with no entry (an item unaccounted
    for); an entry for a quote that does not exist, or listed twice; an entry naming a rule id no clause
    defines; a registered rule no entry covers; a rule citing no section, or a quote its section lacks.
    """
    problems: list[str] = []
    quotes = {(number, key) for number, section in agreement.sections.items() for key in section.quotes}
    for number in SECTION_NUMBERS:
        if number not in agreement.sections:
            problems.append(f"§{number}: the agreement file has no such section")
        if not entries_for_section(entries, number):
            problems.append(f"§{number}: no coverage entry accounts for this section")
    seen: set[tuple[str, str]] = set()
    for entry in entries:
        key = (entry.section, entry.quote)
        if key in seen:
            problems.append(f"§{entry.section} {entry.quote}: listed twice in the coverage record")
        seen.add(key)
        if key not in quotes:
            problems.append(f"§{entry.section} {entry.quote}: no such quote in agreement.toml")
    for number, quote_key in sorted(quotes - seen, key=lambda q: (int(q[0]), q[1])):
        problems.append(f"§{number} {quote_key}: unaccounted for (no coverage entry)")
    rules = all_rules(clauses)
    defined = {rule.id for rule in rules}
    named = {rule_id for entry in entries for rule_id in entry.rules}
    for entry in entries:
        for rule_id in entry.rules:
            if rule_id not in defined:
                problems.append(f"§{entry.section} {entry.quote}: names rule {rule_id!r}, which no clause defines")
    for rule in rules:
        if rule.id not in named:
            problems.append(f"rule {rule.id!r} (§{rule.section or '?'}): covered by no coverage entry")
        if rule.section not in SECTION_NUMBERS:
            problems.append(f"rule {rule.id!r}: cites no section of the agreement (section={rule.section!r})")
        elif rule.quote_key not in agreement.sections[rule.section].quotes:
            problems.append(f"rule {rule.id!r}: §{rule.section} has no quote {rule.quote_key!r}")
    return problems


__all__ = [
    "CoverageEntry",
    "CoverageStatus",
    "all_rules",
    "check_coverage",
    "entries_for_section",
    "load_coverage",
    "rule_for",
    "rule_pattern",
]
