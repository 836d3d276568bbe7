"""§10 Tillägg: an amendment counts only if drawn up in writing and signed by both parties.

Validity is judged once in the core context (every clause must ignore an invalid amendment); this module
reports each amendment's standing so that an invalid one is never silently ignored.
"""

from __future__ import annotations

from ..catalogue import Msg, msg
from ..clause import Clause, Rule
from ..context import AmendmentCheck, Candidate, Context
from ..messages import fixed
from ..report import Evidence

SECTION = "10"

MISSING: dict[str, Msg] = {
    "in_writing": msg("amendment.lacks.in_writing"),
    "signed_by_city": msg("amendment.lacks.signed_by_city"),
    "signed_by_fa": msg("amendment.lacks.signed_by_fa"),
}
"""What an amendment can lack, for a person."""


def _candidate(ctx: Context, check: AmendmentCheck) -> Candidate:
    amendment = check.amendment
    evidence = (
        Evidence(
            fact="amendments",
            id=amendment.id,
            date=amendment.date,
            detail=(
                f"in_writing={amendment.in_writing}; signed_by_city={amendment.signed_by_city}; "
                f"signed_by_fa={amendment.signed_by_fa}"
            ),
        ),
    )
    last = ctx.standing.last_day
    late = check.valid and check.in_effect_from is not None and check.in_effect_from > last
    if late:
        assert check.in_effect_from is not None
        text = msg("amendment.late", amendment=amendment.id, changes=amendment.changes, day=check.in_effect_from, last=last)
        party = "both"
        severity = "major"
    elif check.valid:
        assert check.in_effect_from is not None
        text = msg("amendment.valid", amendment=amendment.id, changes=amendment.changes, day=check.in_effect_from)
        party = "both"
        severity = "info"
    else:
        lacks = tuple(MISSING[m] for m in check.missing)
        text = msg("amendment.invalid", amendment=amendment.id, changes=amendment.changes, lacks=lacks)
        unsigned = [p for p in ("city", "fa") if f"signed_by_{p}" in check.missing]
        party = unsigned[0] if len(unsigned) == 1 and "in_writing" not in check.missing else "both"
        severity = "major"
    return Candidate(
        id=f"amendment/{amendment.id}",
        kind="note",
        section=SECTION,
        quote_key="amendment",
        party=party,  # type: ignore[arg-type]
        severity=severity,  # type: ignore[arg-type]
        describe=fixed(text),
        evidence=evidence,
        reasoning=_reasoning(ctx, check, late),
    )


def _reasoning(ctx: Context, check: AmendmentCheck, late: bool) -> tuple[Msg, ...]:
    a = check.amendment
    no = msg("word.no")
    steps = [
        msg(
            "amendment.step.form",
            in_writing=msg("word.yes") if a.in_writing else no,
            city=a.signed_by_city or no,
            fa=a.signed_by_fa or no,
        )
    ]
    if late and check.in_effect_from is not None:
        steps.append(msg("amendment.step.late", day=check.in_effect_from, last=ctx.standing.last_day))
    elif check.in_effect_from is not None:
        steps.append(msg("amendment.step.valid_from", day=check.in_effect_from))
    else:
        steps.append(msg("amendment.step.invalid"))
    return tuple(steps)


def evaluate(ctx: Context) -> list[Candidate]:
    """A note for every amendment known on the evaluation day: valid from when, or why it has no effect (not
    valid, or signed by both only after the agreement's effective end)."""
    return [_candidate(ctx, check) for check in ctx.amendments]


CLAUSE = Clause(
    name="amendments",
    sections=(SECTION,),
    rules=(Rule("amendment/{amendment}", SECTION, "amendment", msg("rule.amendment")),),
    evaluate=evaluate,
)
