"""§10 Tillägg: an amendment counts only if drawn up in writing and signed by both parties.

Validity is judged once in the core context (every clause must ignore an invalid amendment); this module
reports each amendment's standing so that an invalid one is never silently ignored.
"""

from __future__ import annotations

from ..clause import Clause, Rule
from ..context import AmendmentCheck, Candidate, Context
from ..messages import fixed_text
from ..report import Evidence

SECTION = "10"

_MISSING_SV = {"in_writing": "skriftlig form", "signed_by_city": "stadens underskrift", "signed_by_fa": "Frälsningsarméns underskrift"}
_MISSING_EN = {"in_writing": "written form", "signed_by_city": "the city's signature", "signed_by_fa": "the Salvation Army's signature"}


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
        texts = (
            f"Tillägget {amendment.id} ({amendment.changes}) är skriftligt och undertecknat av båda parter, men den sista "
            f"underskriften ({check.in_effect_from.isoformat()}) kom efter överenskommelsens sista dag {last.isoformat()}: "
            "tillägget har ingen verkan.",
            f"Amendment {amendment.id} ({amendment.changes}) is in writing and signed by both parties, but its last "
            f"signature ({check.in_effect_from.isoformat()}) came after the agreement's last day, {last.isoformat()}: "
            "it has no effect.",
        )
        party = "both"
        severity = "major"
    elif check.valid:
        assert check.in_effect_from is not None
        texts = (
            f"Tillägget {amendment.id} ({amendment.changes}) är giltigt från {check.in_effect_from.isoformat()}: skriftligt och undertecknat av båda parter.",
            f"Amendment {amendment.id} ({amendment.changes}) is valid from {check.in_effect_from.isoformat()}: in writing and signed by both parties.",
        )
        party = "both"
        severity = "info"
    else:
        lacks_sv = ", ".join(_MISSING_SV[m] for m in check.missing)
        lacks_en = ", ".join(_MISSING_EN[m] for m in check.missing)
        texts = (
            f"Tillägget {amendment.id} ({amendment.changes}) är inte giltigt och har ingen verkan: det saknar {lacks_sv}.",
            f"Amendment {amendment.id} ({amendment.changes}) is not valid and has no effect: it lacks {lacks_en}.",
        )
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
        describe=fixed_text(texts),
        evidence=evidence,
        reasoning=_reasoning(ctx, check, late),
    )


def _reasoning(ctx: Context, check: AmendmentCheck, late: bool) -> tuple[tuple[str, str], ...]:
    a = check.amendment
    steps = [
        (
            f"Skriftligt: {'ja' if a.in_writing else 'nej'}; staden undertecknade: {a.signed_by_city or 'nej'}; Frälsningsarmén undertecknade: {a.signed_by_fa or 'nej'}",
            f"In writing: {'yes' if a.in_writing else 'no'}; signed by city: {a.signed_by_city or 'no'}; signed by fa: {a.signed_by_fa or 'no'}",
        )
    ]
    if late and check.in_effect_from is not None:
        last = ctx.standing.last_day.isoformat()
        steps.append(
            (
                f"Sista underskriften {check.in_effect_from.isoformat()} kom efter överenskommelsens sista dag {last}: ingen verkan",
                f"The last signature, {check.in_effect_from.isoformat()}, came after the agreement's last day {last}: no effect",
            )
        )
    elif check.in_effect_from is not None:
        steps.append(
            (
                f"Giltigt från den sista underskriften: {check.in_effect_from.isoformat()}",
                f"Valid from the last signature: {check.in_effect_from.isoformat()}",
            )
        )
    else:
        steps.append(("Ogiltigt: har ingen verkan någonstans (§10)", "Not valid: it has no effect anywhere (§10)"))
    return tuple(steps)


def evaluate(ctx: Context) -> list[Candidate]:
    """A note for every amendment known on the evaluation day: valid from when, or why it has no effect (not
    valid, or signed by both only after the agreement's effective end)."""
    return [_candidate(ctx, check) for check in ctx.amendments]


CLAUSE = Clause(
    name="amendments",
    sections=(SECTION,),
    rules=(
        Rule(
            "amendment/{amendment}",
            SECTION,
            "amendment",
            "An amendment counts only if it is in writing and signed by both parties; one lacking either is "
            "reported as not valid and has no effect anywhere, the §4 compensation agreement included. One whose last "
            "signature falls after the agreement's effective end is reported as without effect.",
            "Ett tillägg gäller bara om det är skriftligt och undertecknat av båda parter; ett tillägg som saknar "
            "något av detta redovisas som ogiltigt och har ingen verkan någonstans, inte heller som §4-överenskommelse "
            "om ersättningen. Ett tillägg vars sista underskrift kom efter överenskommelsens sista dag redovisas som "
            "utan verkan.",
        ),
    ),
    evaluate=evaluate,
)
