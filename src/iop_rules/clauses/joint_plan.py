"""§1 Bakgrund och syfte: the joint plan for initial case handling and parallel support.

"Framtagandet av en gemensam plan för initial ärendehantering och parallellt stöd" — a deliverable of both
parties with no deadline in the text: an open obligation of both until a plan adopted by both parties is
recorded. When the agreement has ended with no plan, the obligation lapses (discharged). City's own part in it
("Medverka i framtagande …") is a §6 duty (``city_duties``).

Finding id: ``joint-plan``.
"""

from __future__ import annotations

from ..cadence import agreement_ended
from ..catalogue import Msg, msg
from ..clause import Clause, Rule
from ..context import Candidate, Context
from ..messages import PARTY, duty
from ..report import Evidence

SECTION = "1"


def evaluate(ctx: Context) -> list[Candidate]:
    """The joint plan's duty on the evaluation day."""
    plans = sorted(ctx.facts.joint_plans, key=lambda p: (p.date, p.id))
    adopted = [p for p in plans if set(p.adopted_by) == {"city", "fa"}]
    done = adopted[0].date if adopted else None
    partial = [p for p in plans if p not in adopted]
    extra: Msg | None = None
    if partial and done is None:
        first = partial[0]
        by = tuple(PARTY[p] for p in first.adopted_by)
        extra = msg("joint_plan.partial", record=first.id, day=first.date, by=by) if by else msg(
            "joint_plan.not_adopted", record=first.id, day=first.date
        )
    what = msg("joint_plan.what")

    def describe(status: str) -> Msg:
        return duty(status, ctx, what, None, done, extra)

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
            reasoning=(msg("joint_plan.step.no_deadline"),),
        )
    ]


CLAUSE = Clause(
    name="joint_plan",
    sections=(SECTION,),
    rules=(Rule("joint-plan", SECTION, "joint_plan", msg("rule.joint-plan")),),
    evaluate=evaluate,
)
