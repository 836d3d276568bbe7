"""Explaining one finding: the facts it used, each date and amount computed with the rule applied, the
interpretation settings it depends on, why it has its status on the evaluation day, and the agreement's words.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
from collections.abc import Mapping

from pydantic import BaseModel, ConfigDict

from ._docstrings import field_docstrings
from ._types import InputError
from .agreement import Agreement, SettingValue
from .context import Candidate, Context, context_for
from .evaluate import all_candidates, report_for
from .facts import Facts
from .messages import days
from .report import AgreementStatus, Day, Finding, Text

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
        return json.dumps(self.model_dump(mode="json"), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _status_reason(candidate: Candidate, finding: Finding, ctx: Context) -> Text:
    due, done, as_of = candidate.due, candidate.done, ctx.as_of
    d = due.isoformat() if due else ""
    a = as_of.isoformat()
    h = ctx.horizon_end.isoformat()
    status = finding.status
    if status == "discharged":
        last = ctx.standing.last_day.isoformat()
        when_sv = f"förfaller {d}, efter" if due else "uppstår efter"
        when_en = f"falls due on {d}, after" if due else "arises after"
        return Text(
            sv=f"Bortfallet: åtagandet {when_sv} överenskommelsens sista dag {last}.",
            en=f"Discharged: the duty {when_en} the agreement's last day, {last}.",
        )
    if status == "needs_assessment":
        return Text(
            sv="Kräver bedömning: utfallet beror på ett beslut som en människa ännu inte har registrerat.",
            en="Needs assessment: the outcome depends on a decision a person has not yet recorded.",
        )
    if status == "fulfilled" and done is not None and due is not None:
        return Text(
            sv=f"Uppfyllt: gjort {done.isoformat()}, senast {d} (sista dagen räknas).",
            en=f"Fulfilled: done on {done.isoformat()}, on or before the deadline {d} (the last day counts).",
        )
    if status == "fulfilled":
        when = f" {done.isoformat()}" if done else ""
        return Text(sv=f"Uppfyllt: gjort{when}; ingen tidsgräns.", en=f"Fulfilled: done{' on' + when if when else ''}; no deadline.")
    if status == "fulfilled_late" and done is not None and due is not None:
        late = (done - due).days
        return Text(
            sv=f"Uppfyllt för sent: gjort {done.isoformat()}, {days(late, 'sv')} efter sista dagen {d}. En avhjälpt avvikelse.",
            en=f"Fulfilled late: done on {done.isoformat()}, {days(late, 'en')} after the deadline {d}. A breach that was cured.",
        )
    if status == "condition_not_met" and due is not None:
        return Text(
            sv=f"Villkoret ej uppfyllt: inte uppfyllt senast {d}. Ett villkor för att överenskommelsen ska fortsätta, "
            "inte ett åtagande: ingen part har brutit mot överenskommelsen.",
            en=f"Condition not met: not met by {d}. A condition for the agreement to continue, not a duty: no party "
            "is at fault.",
        )
    if status == "violated" and candidate.event:
        return Text(
            sv="Ej uppfyllt: en händelse som i sig bryter mot avtalet (den kan inte göras ogjord).",
            en="Not fulfilled: an event that in itself breaks the agreement (it cannot be undone).",
        )
    if status == "violated" and due is not None:
        late = (as_of - due).days
        return Text(
            sv=f"Ej uppfyllt: inte gjort, och utvärderingsdagen {a} är {days(late, 'sv')} efter sista dagen {d}.",
            en=f"Not fulfilled: not done, and the evaluation day {a} is {days(late, 'en')} after the deadline {d}.",
        )
    if status == "due" and due is not None:
        left = (due - as_of).days
        return Text(
            sv=f"Att göra: inte gjort; sista dagen {d} ligger inom horisonten {a}–{h} ({days(left, 'sv')} kvar).",
            en=f"Due: not done; the deadline {d} lies within the horizon {a}–{h} ({days(left, 'en')} left).",
        )
    if status == "pending" and due is not None:
        return Text(
            sv=f"Kommande: inte gjort; sista dagen {d} ligger efter horisontens slut {h}.",
            en=f"Pending: not done; the deadline {d} lies after the horizon's end {h}.",
        )
    if status == "open":
        return Text(sv="Öppet: inte gjort, och avtalet anger ingen tidsgräns.", en="Open: not done, and the agreement sets no deadline.")
    if status == "available":
        return Text(sv="Rätten kan utövas på utvärderingsdagen.", en="The right may be exercised on the evaluation day.")
    if status == "exercised":
        return Text(sv="Rätten har utövats.", en="The right has been exercised.")
    if status == "expired":
        return Text(sv="Rätten kan inte längre utnyttjas.", en="The right cannot be exercised (any longer).")
    return Text(
        sv="En notering: något parterna bör känna till, varken ett åtagande eller en rätt.",
        en="A note: something the parties should know, neither a duty nor a right.",
    )


def _default_steps(candidate: Candidate, ctx: Context) -> tuple[Text, ...]:
    # A clause that records no reasoning still has a deadline worth stating, and the agreement's end.
    steps: list[Text] = []
    if candidate.due is not None:
        steps.append(Text(sv=f"Sista dag: {candidate.due.isoformat()}.", en=f"Deadline: {candidate.due.isoformat()}."))
    if candidate.done is not None:
        steps.append(Text(sv=f"Gjort: {candidate.done.isoformat()}.", en=f"Done: {candidate.done.isoformat()}."))
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
        raise InputError(
            f"fyndet {finding_id!r} finns inte per {ctx.as_of.isoformat()}; närmast: {suggestions}",
            f"finding {finding_id!r} does not exist as of {ctx.as_of.isoformat()}; closest: {suggestions}",
        )
    report = report_for(ctx, found)
    finding = report.finding(finding_id)
    assert finding is not None
    steps = tuple(Text(sv=sv, en=en) for sv, en in candidate.steps()) or _default_steps(candidate, ctx)
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
        agreement=report.agreement,
        steps=steps,
        status_reason=_status_reason(candidate, finding, ctx),
        settings=used,
    )


__all__ = ["Explanation", "SettingUsed", "explain"]
