"""Explaining one finding: the facts it used, each date and amount computed with the rule applied, the
interpretation settings it depends on, why it has its status on the evaluation day, and the agreement's words.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Mapping

from pydantic import BaseModel, ConfigDict

from ._docstrings import field_docstrings
from ._json import dumps
from ._types import InputError
from .agreement import Agreement, SettingValue
from .catalogue import Msg, msg
from .context import Candidate, Context, as_text, context_for
from .evaluate import all_candidates, report_for
from .facts import Facts
from .messages import day_count
from .report import AgreementStatus, Day, Finding, Report, Text

_CONFIG = ConfigDict(frozen=True, extra="forbid", json_schema_extra=field_docstrings)


class SettingUsed(BaseModel):
    """An interpretation setting a finding depends on, with the reading in force."""

    model_config = _CONFIG

    id: str
    """``I1`` to ``I16``."""
    value: SettingValue
    """The reading in force for this evaluation."""
    default: SettingValue
    """The register's default reading."""
    question: str
    """What is ambiguous."""
    question_sv: str
    """The same in Swedish."""
    meaning: str
    """What the reading in force means (from the register), when the register describes it."""


class Explanation(BaseModel):
    """How one finding came about on one evaluation day."""

    model_config = _CONFIG

    finding: Finding
    """The finding explained (with its evidence, the facts it used)."""
    as_of: Day
    """The evaluation day."""
    horizon_days: int
    """Days ahead within which a duty is listed as due (I13 unless given)."""
    horizon_end: Day
    """The last day of the horizon."""
    section_title: str
    """The Swedish title of the section the finding rests on."""
    period_start: Day | None = None
    """The first day of the period the duty is counted in or arises from (a term, a year, a request's day), or
    null when it has none; the duty covers ``period_start`` to its ``due`` day."""
    agreement: AgreementStatus
    """The agreement's standing on the evaluation day (its last day discharges later duties)."""
    steps: tuple[Text, ...]
    """Each date and amount computed, with the rule or setting applied, in order."""
    status_reason: Text
    """Why the finding has its status: done vs due vs the evaluation day vs the horizon."""
    settings: tuple[SettingUsed, ...]
    """The interpretation settings the finding depends on."""

    def to_json(self) -> str:
        """As JSON: keys sorted, two-space indent."""
        return dumps(self.model_dump(mode="json"))


def _reason(candidate: Candidate, finding: Finding, ctx: Context) -> Msg:
    due, done, as_of = candidate.due, candidate.done, ctx.as_of
    status = finding.status
    if status == "discharged":
        last = ctx.standing.last_day
        return msg("why.discharged.by", due=due, last=last) if due else msg("why.discharged", last=last)
    if status == "needs_assessment":
        return msg("why.needs_assessment")
    if status == "fulfilled" and done is not None and due is not None:
        return msg("why.fulfilled.by", done=done, due=due)
    if status == "fulfilled":
        return msg("why.fulfilled", done=done) if done else msg("why.fulfilled.undated")
    if status == "fulfilled_late" and done is not None and due is not None:
        return msg("why.fulfilled_late", done=done, due=due, late=day_count((done - due).days))
    if status == "condition_not_met" and due is not None:
        return msg("why.condition_not_met", due=due)
    if status == "violated" and candidate.event:
        return msg("why.violated.event")
    if status == "violated" and due is not None:
        return msg("why.violated", as_of=as_of, due=due, late=day_count((as_of - due).days))
    if status == "due" and due is not None:
        return msg("why.due", due=due, as_of=as_of, horizon=ctx.horizon_end, left=day_count((due - as_of).days))
    if status == "pending" and due is not None:
        return msg("why.pending", due=due, horizon=ctx.horizon_end)
    if status == "open":
        return msg("why.open")
    if status == "available":
        return msg("why.available")
    if status == "exercised":
        return msg("why.exercised")
    if status == "expired":
        return msg("why.expired")
    return msg("why.noted")


def _status_reason(candidate: Candidate, finding: Finding, ctx: Context) -> Text:
    return Text.of(_reason(candidate, finding, ctx))


def _default_steps(candidate: Candidate, ctx: Context) -> tuple[Text, ...]:
    # A clause that records no reasoning still has a deadline worth stating, and the agreement's end.
    steps: list[Text] = []
    if candidate.due is not None:
        steps.append(Text.of(msg("why.step.due", due=candidate.due)))
    if candidate.done is not None:
        steps.append(Text.of(msg("why.step.done", done=candidate.done)))
    return tuple(steps)


def close_ids(finding_id: str, ids: list[str], n: int = 5) -> list[str]:
    """Finding ids close to one that does not exist: similar spelling first, then the same kind (prefix)."""
    close = difflib.get_close_matches(finding_id, ids, n=n, cutoff=0.5)
    prefix = finding_id.split("/", 1)[0]
    close.extend(i for i in ids if i.split("/", 1)[0] == prefix and i not in close)
    return close[:n] if close else ids[:n]


def explain(
    agreement: Agreement,
    facts: Facts,
    finding_id: str,
    as_of: dt.date | None = None,
    settings: Mapping[str, object] | None = None,
    horizon_days: int | None = None,
) -> Explanation:
    """How one finding came about on ``as_of``. An id the evaluation does not produce raises InputError naming
    the closest ids."""
    ctx = context_for(agreement, facts, as_of, horizon_days, settings)
    found = all_candidates(ctx)
    by_id = {c.id: c for c in found}
    candidate = by_id.get(finding_id)
    if candidate is None:
        suggestions = ", ".join(close_ids(finding_id, sorted(by_id))) or "–"
        raise InputError(msg("error.explain.unknown", id=finding_id, as_of=ctx.as_of, closest=suggestions))
    report = report_for(ctx, found)
    finding = report.finding(finding_id)
    assert finding is not None
    return _explanation(agreement, ctx, report, candidate, finding)


def explain_all(
    agreement: Agreement,
    facts: Facts,
    as_of: dt.date | None = None,
    settings: Mapping[str, object] | None = None,
    horizon_days: int | None = None,
) -> tuple[Explanation, ...]:
    """How every finding of one evaluation came about on ``as_of``, by finding id: ``explain`` for each, from a
    single evaluation."""
    ctx = context_for(agreement, facts, as_of, horizon_days, settings)
    found = all_candidates(ctx)
    report = report_for(ctx, found)
    by_id = {c.id: c for c in found}
    return tuple(_explanation(agreement, ctx, report, by_id[f.id], f) for f in report.findings())


def _explanation(
    agreement: Agreement, ctx: Context, report: Report, candidate: Candidate, finding: Finding
) -> Explanation:
    steps = tuple(as_text(step) for step in candidate.steps()) or _default_steps(candidate, ctx)
    used = tuple(
        SettingUsed(
            id=key,
            value=getattr(ctx.settings, key),
            default=agreement.interpretations[key].default,
            question=agreement.interpretations[key].question,
            question_sv=agreement.interpretations[key].question_sv,
            meaning=agreement.interpretations[key].readings.get(str(getattr(ctx.settings, key)), ""),
        )
        for key in finding.settings
    )
    return Explanation(
        finding=finding,
        as_of=ctx.as_of,
        horizon_days=ctx.horizon_days,
        horizon_end=ctx.horizon_end,
        section_title=agreement.sections[finding.section].title,
        period_start=candidate.period_start,
        agreement=report.agreement,
        steps=steps,
        status_reason=_status_reason(candidate, finding, ctx),
        settings=used,
    )


__all__ = ["Explanation", "SettingUsed", "explain", "explain_all"]
