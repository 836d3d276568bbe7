"""Evaluating a snapshot of facts against the agreement on one day."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace

from . import engine
from .agreement import Agreement
from .clauses import CLAUSES
from .context import Candidate, Context, build_context, context_for
from .facts import Facts
from .messages import agreement_status
from .report import SEVERITY_RANK, Finding, Report

_UPCOMING_DUTY = ("due", "needs_assessment")
"""Duty statuses listed among upcoming actions: due within the horizon, or waiting for a person's decision."""


def candidates(ctx: Context) -> list[Candidate]:
    """Every clause's first-pass candidates, in registry order."""
    return [candidate for clause in CLAUSES for candidate in clause.evaluate(ctx)]


def _classified(ctx: Context, found: list[Candidate]) -> dict[str, Finding]:
    """The candidates' findings by id, each status decided by the engine."""
    statuses = engine.classify([c.engine_fact(ctx) for c in found])
    return {c.id: c.finding(statuses[c.id], ctx) for c in found}  # type: ignore[arg-type]


def first_pass(ctx: Context) -> tuple[Finding, ...]:
    """The first-pass findings of a context (every clause's ``evaluate``), classified by the engine."""
    return tuple(sorted(_classified(ctx, candidates(ctx)).values(), key=lambda f: f.id))


def one_off_ids(found: list[Candidate]) -> frozenset[str]:
    """The ids of candidates whose breach is one-off (an event, or a period's count missed)."""
    return frozenset(c.id for c in found if c.event or c.one_off)


def _with_history(ctx: Context) -> Context:
    def history(day: dt.date) -> tuple[Finding, ...]:
        other = build_context(ctx.agreement, ctx.facts, day, ctx.settings, ctx.horizon_days)
        return first_pass(other)

    return replace(ctx, history=history)


@dataclass(frozen=True)
class _Passes:
    """Both passes of one evaluation: every candidate, each classified once, each finding built once."""

    candidates: list[Candidate]
    findings: dict[str, Finding]


def _run_passes(ctx: Context) -> _Passes:
    found = candidates(ctx)
    findings = _classified(ctx, found)
    reviewers = [clause for clause in CLAUSES if clause.review is not None]
    if reviewers:
        first = tuple(sorted(findings.values(), key=lambda f: f.id))
        reviewed = _with_history(replace(ctx, one_off_ids=one_off_ids(found)))
        extra: list[Candidate] = []
        for clause in reviewers:
            assert clause.review is not None
            extra.extend(clause.review(reviewed, first))
        if extra:
            # Ids are unique across both passes: the engine refuses a duplicate.
            clash = [c.id for c in extra if c.id in findings]
            if clash:
                raise engine.EngineError(f"review candidates repeat first-pass ids: {clash[:3]}")
            findings.update(_classified(ctx, extra))
            found = [*found, *extra]
    return _Passes(found, findings)


def all_candidates(ctx: Context) -> list[Candidate]:
    """Every candidate of both passes: the clauses' own, then the reviews over the first pass's findings."""
    return _run_passes(ctx).candidates


def _upcoming(finding: Finding, candidate: Candidate) -> bool:
    if finding.kind == "right":
        return finding.status == "available"
    if finding.kind != "duty":
        return False
    if finding.status in _UPCOMING_DUTY:
        return True
    return candidate.always_upcoming and finding.status == "pending"


def _urgency(finding: Finding) -> tuple[int, dt.date, str]:
    return (SEVERITY_RANK[finding.severity], finding.due or dt.date.max, finding.id)


def evaluate(
    agreement: Agreement,
    facts: Facts,
    as_of: dt.date | None = None,
    horizon_days: int | None = None,
    settings: Mapping[str, object] | None = None,
) -> Report:
    """What the agreement asks on ``as_of``, given the facts known that day.

    ``settings`` overrides interpretation settings (I1–I16) for this evaluation only. Findings are values:
    only bad input raises (InputError).
    """
    ctx = context_for(agreement, facts, as_of, horizon_days, settings)
    passes = _run_passes(ctx)
    return _assemble(ctx, passes.candidates, passes.findings)


def report_for(ctx: Context, found: list[Candidate]) -> Report:
    """Classify candidates with the engine and assemble the report."""
    return _assemble(ctx, found, _classified(ctx, found))


def _assemble(ctx: Context, found: list[Candidate], by_id: Mapping[str, Finding]) -> Report:
    pairs = sorted(((by_id[c.id], c) for c in found), key=lambda p: p[0].id)
    findings = [f for f, _ in pairs]
    obligations = tuple(f for f in findings if f.kind == "duty")
    breaches = tuple(
        sorted(
            (f for f in obligations if f.status in ("violated", "fulfilled_late")),
            key=lambda f: (f.status != "violated", *_urgency(f)),
        )
    )
    upcoming = tuple(sorted((f for f, c in pairs if _upcoming(f, c)), key=_urgency))
    rights = tuple(f for f in findings if f.kind == "right")
    notes = tuple(f for f in findings if f.kind == "note")
    return Report(
        as_of=ctx.as_of,
        horizon_days=ctx.horizon_days,
        agreement=agreement_status(ctx),
        breaches=breaches,
        upcoming=upcoming,
        obligations=obligations,
        rights=rights,
        notes=notes,
        settings=dict(ctx.settings.as_dict()),
    )
