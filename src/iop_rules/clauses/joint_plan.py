"""§1 Bakgrund och syfte: the joint plan for initial case handling and parallel support.

"Framtagandet av en gemensam plan för initial ärendehantering och parallellt stöd" — a deliverable of both
parties with no deadline in the text: an open obligation of both until a plan adopted by both parties is
recorded. When the agreement has ended with no plan, the obligation lapses (discharged). City's own part in it
("Medverka i framtagande …") is a §6 duty (``city_duties``).

Finding id: ``joint-plan``.
"""

from __future__ import annotations

from ..cadence import agreement_ended
from ..clause import Clause, Rule
from ..context import Candidate, Context
from ..messages import duty_message
from ..report import Evidence

SECTION = "1"


def evaluate(ctx: Context) -> list[Candidate]:
    """The joint plan's duty on the evaluation day."""
    plans = sorted(ctx.facts.joint_plans, key=lambda p: (p.date, p.id))
    adopted = [p for p in plans if set(p.adopted_by) == {"city", "fa"}]
    done = adopted[0].date if adopted else None
    partial = [p for p in plans if p not in adopted]
    extra = ("", "")
    if partial and done is None:
        first = partial[0]
        by = ",".join(first.adopted_by) or "-"
        extra = (
            f"Planen {first.id} ({first.date.isoformat()}) är bara antagen av {by}; den måste antas av båda parter.",
            f"Plan {first.id} ({first.date.isoformat()}) is adopted only by {by}; both parties must adopt it.",
        )

    def describe(status: str) -> tuple[str, str]:
        return duty_message(
            status,
            ctx,
            (
                "Parterna ska ta fram och anta en gemensam plan för initial ärendehantering och parallellt stöd",
                "The parties must develop and adopt a joint plan for initial case handling and parallel support",
            ),
            None,
            done,
            extra,
        )

    return [
        Candidate(
            id="joint-plan",
            kind="duty",
            section=SECTION,
            quote_key="joint_plan",
            party="both",
            severity="major",
            describe=describe,
            done=done,
            discharged=done is None and agreement_ended(ctx),
            evidence=tuple(
                Evidence(fact="joint_plans", id=p.id, date=p.date, detail=f"adopted_by={','.join(p.adopted_by) or '-'}")
                for p in plans
            ),
            reasoning=(
                (
                    "Ingen tidsgräns i texten: öppet tills en plan antagen av båda parter finns",
                    "No deadline in the text: open until a plan adopted by both parties is recorded",
                ),
            ),
        )
    ]


CLAUSE = Clause(
    name="joint_plan",
    sections=(SECTION,),
    rules=(
        Rule(
            "joint-plan",
            SECTION,
            "joint_plan",
            "Both parties develop a joint plan for initial case handling and parallel support: open until a plan "
            "adopted by both is recorded; it lapses when the agreement ends without one.",
            "Båda parter tar fram en gemensam plan för initial ärendehantering och parallellt stöd: öppet tills en "
            "plan antagen av båda finns; skyldigheten bortfaller om överenskommelsen upphör utan en plan.",
        ),
    ),
    evaluate=evaluate,
)
