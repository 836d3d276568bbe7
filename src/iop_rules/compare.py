"""Comparing interpretations: what changes in the findings when one reading of the interpretation register
(I1–I16) is replaced by another, all else equal.

For each setting and each other reading the library implements, the same facts are evaluated on the same day
with only that setting changed, and every finding that differs is listed with the fields that differ.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from pydantic import BaseModel, ConfigDict

from ._docstrings import field_docstrings
from ._json import dumps
from ._types import Day
from .agreement import INTERPRETATION_IDS, Agreement, SettingValue, alternatives
from .context import resolve_as_of
from .evaluate import evaluate
from .facts import Facts
from .report import Finding, Report

COMPARED_FIELDS = ("kind", "status", "party", "due", "amount", "severity", "message")
"""The fields of a finding compared between two readings (the message in Swedish and English)."""

_CONFIG = ConfigDict(frozen=True, extra="forbid", json_schema_extra=field_docstrings)


class FieldDifference(BaseModel):
    """One field of a finding (or of the agreement's standing) that differs between two readings."""

    model_config = _CONFIG

    field: str
    """The field: ``present`` (whether the finding exists at all), ``status``, ``due``, ``amount``, …"""
    default: str | None
    """Its value under the reading in force."""
    alternative: str | None
    """Its value under the alternative reading."""


class FindingDifference(BaseModel):
    """A finding whose outcome depends on the setting compared."""

    model_config = _CONFIG

    id: str
    """The finding's id."""
    section: str
    """The agreement's section it rests on."""
    fields: tuple[FieldDifference, ...]
    """The fields that differ."""


class SettingComparison(BaseModel):
    """One setting, one alternative reading, and what it changes."""

    model_config = _CONFIG

    setting: str
    """The setting, ``I1`` to ``I16``."""
    question: str
    """What is ambiguous (from the interpretation register)."""
    question_sv: str
    """The same in Swedish."""
    default: SettingValue
    """The reading in force for this evaluation."""
    alternative: SettingValue
    """The reading compared."""
    agreement: tuple[FieldDifference, ...]
    """Differences in the agreement's standing (state, reason, last day)."""
    differences: tuple[FindingDifference, ...]
    """The findings that differ, by id."""

    @property
    def differs(self) -> bool:
        """Whether the alternative changes anything."""
        return bool(self.agreement or self.differences)


class InterpretationComparison(BaseModel):
    """Every setting of the register compared with each of its alternatives, on one day."""

    model_config = _CONFIG

    as_of: Day
    """The evaluation day."""
    settings: dict[str, SettingValue]
    """The settings in force (the baseline every alternative is compared with)."""
    comparisons: tuple[SettingComparison, ...]
    """One per setting and alternative, I1 first."""

    def differing(self) -> tuple[SettingComparison, ...]:
        """The comparisons where the alternative changes something."""
        return tuple(c for c in self.comparisons if c.differs)

    def for_setting(self, setting: str) -> tuple[SettingComparison, ...]:
        """The comparisons of one setting."""
        return tuple(c for c in self.comparisons if c.setting == setting)

    def to_json(self) -> str:
        """As JSON: keys sorted, two-space indent; byte-identical for the same input."""
        return dumps(self.model_dump(mode="json"))


def _value(finding: Finding, field: str) -> str | None:
    value = getattr(finding, field)
    if field == "message":
        return f"{value.sv} / {value.en}"
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def finding_differences(default: Report, alternative: Report) -> tuple[FindingDifference, ...]:
    """The findings that differ between two reports of the same facts and day, by id."""
    before = {f.id: f for f in default.findings()}
    after = {f.id: f for f in alternative.findings()}
    out: list[FindingDifference] = []
    for finding_id in sorted(before.keys() | after.keys()):
        old, new = before.get(finding_id), after.get(finding_id)
        if old is None or new is None:
            present = new if old is None else old
            assert present is not None
            fields = [FieldDifference(field="present", default=str(old is not None).lower(), alternative=str(new is not None).lower())]
            fields.extend(
                FieldDifference(
                    field=f,
                    default=_value(old, f) if old else None,
                    alternative=_value(new, f) if new else None,
                )
                for f in ("status", "due", "amount")
                if _value(present, f) is not None
            )
            out.append(FindingDifference(id=finding_id, section=present.section, fields=tuple(fields)))
            continue
        changed = tuple(
            FieldDifference(field=f, default=_value(old, f), alternative=_value(new, f))
            for f in COMPARED_FIELDS
            if _value(old, f) != _value(new, f)
        )
        if changed:
            out.append(FindingDifference(id=finding_id, section=old.section, fields=changed))
    return tuple(out)


def standing_differences(default: Report, alternative: Report) -> tuple[FieldDifference, ...]:
    """Differences in the agreement's standing between two reports."""
    out: list[FieldDifference] = []
    for field in ("state", "reason", "last_day"):
        old, new = getattr(default.agreement, field), getattr(alternative.agreement, field)
        if old != new:
            out.append(
                FieldDifference(
                    field=f"agreement.{field}",
                    default=None if old is None else str(old),
                    alternative=None if new is None else str(new),
                )
            )
    return tuple(out)


def compare_interpretations(
    agreement: Agreement,
    facts: Facts,
    as_of: dt.date | None = None,
    settings: Mapping[str, object] | None = None,
    horizon_days: int | None = None,
) -> InterpretationComparison:
    """For each setting I1–I16 and each of its other readings, the findings that differ from the reading in force.

    ``settings`` sets the baseline (the register's settings with these overrides); every other reading of each
    setting is then tried alone. Bad input raises InputError; findings are compared, never raised.
    """
    day = resolve_as_of(facts, as_of)
    baseline = agreement.settings(settings).as_dict()
    default_report = evaluate(agreement, facts, as_of=day, horizon_days=horizon_days, settings=baseline)
    comparisons: list[SettingComparison] = []
    for key in INTERPRETATION_IDS:
        register_default = agreement.interpretations[key].default
        readings = [register_default, *alternatives(key)]
        tried: list[SettingValue] = []
        for reading in readings:
            if reading == baseline[key] or reading in tried:
                continue
            tried.append(reading)
            report = evaluate(agreement, facts, as_of=day, horizon_days=horizon_days, settings={**baseline, key: reading})
            comparisons.append(
                SettingComparison(
                    setting=key,
                    question=agreement.interpretations[key].question,
                    question_sv=agreement.interpretations[key].question_sv,
                    default=baseline[key],
                    alternative=reading,
                    agreement=standing_differences(default_report, report),
                    differences=finding_differences(default_report, report),
                )
            )
    return InterpretationComparison(as_of=day, settings=baseline, comparisons=tuple(comparisons))


__all__ = [
    "FieldDifference",
    "FindingDifference",
    "InterpretationComparison",
    "SettingComparison",
    "compare_interpretations",
    "finding_differences",
]
