"""§8 statistics: fa answers city's requests for the three figures within the response time.

"Frälsningsarmén ska kunna tillhandahålla och redovisa statistik över antal kontakter, stödsamtal samt över antal
personer som nåtts av det förebyggande arbetet i internetuppsöket."

- Each recorded request is a duty of fa, due the request's day plus I7 days, moved off non-working days under I2
  (``ctx.payment_deadline``'s rule: it is a hand-in deadline).
- A delivery fulfils it only with all three figures — contacts ("antal kontakter"), support talks
  ("stödsamtal") and persons reached ("antal personer som nåtts") — none of them negative. A delivery lacking
  one, or with a negative one, leaves the request open; the finding says what was missing.
- A request whose deadline falls after the agreement's end is discharged.

Finding id: ``statistics/{request}``.
"""

from __future__ import annotations

import datetime as dt

from ..clause import Clause, Rule
from ..context import Candidate, Context
from ..dates import move_deadline_explained
from ..facts import StatisticsDelivery, StatisticsRequest
from ..messages import duty_message
from ..report import Evidence

SECTION = "8"

FIGURES: tuple[tuple[str, str, str], ...] = (
    ("contacts", "antal kontakter", "contacts"),
    ("support_talks", "stödsamtal", "support talks"),
    ("persons_reached", "personer som nåtts", "persons reached"),
)
"""The three figures: field, Swedish words, English words."""


def shortcomings(delivery: StatisticsDelivery) -> tuple[list[str], list[str]]:
    """What keeps a delivery from fulfilling the request: missing or negative figures (Swedish, English)."""
    sv: list[str] = []
    en: list[str] = []
    for field, words_sv, words_en in FIGURES:
        value = getattr(delivery, field)
        if value is None:
            sv.append(f"{words_sv} saknas")
            en.append(f"{words_en} missing")
        elif value < 0:
            sv.append(f"{words_sv} är negativt ({value})")
            en.append(f"{words_en} is negative ({value})")
    return sv, en


def _detail(delivery: StatisticsDelivery) -> str:
    figures = "; ".join(f"{field}={getattr(delivery, field)}" for field, _, _ in FIGURES)
    lacks, _ = shortcomings(delivery)
    return figures + ("; uppfyller inte: " + ", ".join(lacks) if lacks else "")


def request_duty(ctx: Context, request: StatisticsRequest) -> Candidate:
    """One request's answer."""
    days = ctx.settings.I7
    written = request.date + dt.timedelta(days=days)
    due, moved = move_deadline_explained(written, ctx.settings.I2)
    deliveries = ctx.index.deliveries_by_request.get(request.id, ())
    complete = [d for d in deliveries if not shortcomings(d)[0]]
    done = complete[0].date if complete else None
    incomplete = [d for d in deliveries if shortcomings(d)[0] and (done is None or d.date <= done)]
    extra_sv = " ".join(
        f"Leveransen {d.date.isoformat()} ({d.id}) uppfyller inte begäran: {', '.join(shortcomings(d)[0])}." for d in incomplete
    )
    extra_en = " ".join(
        f"The delivery on {d.date.isoformat()} ({d.id}) does not fulfil the request: {', '.join(shortcomings(d)[1])}."
        for d in incomplete
    )
    reasoning = (
        (
            f"Begäran {request.date.isoformat()} + {days} dagar = {written.isoformat()} (I7)",
            f"Request {request.date.isoformat()} + {days} days = {written.isoformat()} (I7)",
        ),
        *moved,
    )

    def describe(status: str) -> tuple[str, str]:
        return duty_message(
            status,
            ctx,
            (
                f"Frälsningsarmén ska redovisa statistik (antal kontakter, stödsamtal, personer som nåtts) enligt begäran {request.date.isoformat()}",
                f"The Salvation Army must report statistics (contacts, support talks, persons reached) as requested on {request.date.isoformat()}",
            ),
            due,
            done,
            (extra_sv, extra_en) if status not in ("fulfilled",) else ("", ""),
            reading="I7, I2" if due != written else "I7",
        )

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
    rules=(
        Rule(
            "statistics/{request}",
            SECTION,
            "statistics",
            "fa answers each statistics request within I7 days (moved under I2) with all three figures, none "
            "negative; a delivery lacking one, or with a negative one, leaves the request open.",
            "Frälsningsarmén besvarar varje begäran om statistik inom I7 dagar (flyttat enligt I2) med alla tre "
            "uppgifterna, ingen negativ; en leverans som saknar någon, eller har en negativ, lämnar begäran öppen.",
            ("I2", "I7"),
        ),
    ),
    evaluate=evaluate,
)
