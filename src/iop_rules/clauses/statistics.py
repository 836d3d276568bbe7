"""§8 statistics: fa answers city's requests for the three figures within the response time.

"Frälsningsarmén ska kunna tillhandahålla och redovisa statistik över antal kontakter, stödsamtal samt över antal
personer som nåtts av det förebyggande arbetet i internetuppsöket."

- Each recorded request is a duty of fa, due the request's day plus I7 days, moved off non-working days under I2
  (``dates.move_deadline_explained``'s rule: it is a hand-in deadline).
- A delivery fulfils it only with all three figures — contacts ("antal kontakter"), support talks
  ("stödsamtal") and persons reached ("antal personer som nåtts") — none of them negative. A delivery lacking
  one, or with a negative one, leaves the request open; the finding says what was missing.
- A request whose deadline falls after the agreement's end is discharged.

Finding id: ``statistics/{request}``.
"""

from __future__ import annotations

import datetime as dt

from ..catalogue import Msg, msg
from ..clause import Clause, Rule
from ..context import Candidate, Context
from ..dates import move_deadline_explained
from ..facts import StatisticsDelivery, StatisticsRequest
from ..messages import duty, sentences
from ..report import Evidence

SECTION = "8"

FIGURES: tuple[tuple[str, Msg], ...] = (
    ("contacts", msg("statistics.figure.contacts")),
    ("support_talks", msg("statistics.figure.support_talks")),
    ("persons_reached", msg("statistics.figure.persons_reached")),
)
"""The three figures: field, and its name for a person."""


def shortcomings(delivery: StatisticsDelivery) -> list[Msg]:
    """What keeps a delivery from fulfilling the request: missing or negative figures."""
    out: list[Msg] = []
    for field, name in FIGURES:
        value = getattr(delivery, field)
        if value is None:
            out.append(msg("statistics.figure.missing", figure=name))
        elif value < 0:
            out.append(msg("statistics.figure.negative", figure=name, value=value))
    return out


def _detail(delivery: StatisticsDelivery) -> str:
    return "; ".join(f"{field}={getattr(delivery, field)}" for field, _ in FIGURES)


def request_duty(ctx: Context, request: StatisticsRequest) -> Candidate:
    """One request's answer."""
    days = ctx.settings.I7
    written = request.date + dt.timedelta(days=days)
    due, moved = move_deadline_explained(written, ctx.settings.I2)
    deliveries = ctx.index.deliveries_by_request.get(request.id, ())
    complete = [d for d in deliveries if not shortcomings(d)]
    done = complete[0].date if complete else None
    incomplete = [d for d in deliveries if shortcomings(d) and (done is None or d.date <= done)]
    lacking = [
        msg("statistics.incomplete", day=d.date, record=d.id, lacks=tuple(shortcomings(d))) for d in incomplete
    ]
    # The deadline is the request's day plus a number of days the register sets (I7), not a day the agreement
    # writes: the message says so.
    reading = msg("statistics.reading", days=days)
    if due != written:
        reading = sentences(reading, msg("deadline.moved", written=written, due=due))
    extra = sentences(reading, *lacking)
    reasoning = (msg("statistics.step.deadline", day=request.date, days=days, written=written), *moved)
    what = msg("statistics.what", day=request.date)

    def describe(status: str) -> Msg:
        return duty(status, ctx, what, due, done, None if status == "fulfilled" else extra)
    return Candidate(
        id=f"statistics/{request.id}",
        kind="duty",
        section=SECTION,
        quote_key="statistics",
        party="fa",
        severity="minor",
        describe=describe,
        due=due,
        done=done,
        period_start=request.date,
        discharged=ctx.is_discharged(due),
        evidence=(
            Evidence(fact="statistics_requests", id=request.id, date=request.date),
            *(Evidence(fact="statistics_deliveries", id=d.id, date=d.date, detail=_detail(d)) for d in deliveries),
        ),
        settings=("I2", "I7"),
        reasoning=reasoning,
    )


def evaluate(ctx: Context) -> list[Candidate]:
    """One duty per statistics request known on the evaluation day."""
    return [request_duty(ctx, r) for r in ctx.index.sorted("statistics_requests")]


CLAUSE = Clause(
    name="statistics",
    sections=(SECTION,),
    rules=(Rule("statistics/{request}", SECTION, "statistics", msg("rule.statistics"), settings=("I2", "I7")),),
    evaluate=evaluate,
)
