"""Standard wording of findings, so every clause speaks the same way: a duty's message in each status, parties,
counts of days. Clauses pass message ids and values (:func:`~iop_rules.catalogue.msg`); the sentences are in the
catalogues (``src/iop_rules/locale``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from .catalogue import Msg, msg
from .context import Context

PARTY: dict[str, Msg] = {"city": msg("party.city"), "fa": msg("party.fa"), "both": msg("party.both")}
"""A party inside a sentence: "staden", "Frälsningsarmén", "båda parter"."""
PARTY_START: dict[str, Msg] = {
    "city": msg("party.city.start"),
    "fa": msg("party.fa.start"),
    "both": msg("party.both.start"),
}
"""A party at the start of a sentence: "Staden", "Frälsningsarmén", "Båda parter"."""


def day_count(n: int) -> Msg:
    """A count of days in words, with its plural: "1 dag", "3 dagar"."""
    return msg("days", n=n)


def both(first: Msg, second: Msg | None) -> Msg:
    """Two sentences one after the other (a duty's status, then what the clause adds)."""
    return first if second is None else msg("sentences", first=first, second=second)


def sentences(first: Msg, *rest: Msg) -> Msg:
    """Sentences one after the other."""
    out = first
    for part in rest:
        out = msg("sentences", first=out, second=part)
    return out


def duty(
    status: str,
    ctx: Context,
    what: Msg,
    due: dt.date | None,
    done: dt.date | None = None,
    extra: Msg | None = None,
    agreed: bool = False,
) -> Msg:
    """The message of a duty in a status: ``what`` names the duty ("Staden ska betala bidraget för 2026"),
    ``extra`` adds a sentence. Only a deadline written in the agreement (``agreed``) is met "som avtalat" / "as
    agreed"; one set or moved by a reading of it says so in the clause's ``extra``."""
    if status in ("pending", "due") and due is not None:
        left = (due - ctx.as_of).days
        if left == 0:
            main = msg("duty.by.today", what=what, due=due)
        else:
            main = msg("duty.by", what=what, due=due, left=day_count(left))
    elif status == "violated" and due is not None:
        main = msg("duty.violated.by", what=what, due=due, late=day_count((ctx.as_of - due).days))
    elif status == "violated":
        main = msg("duty.violated", what=what)
    elif status == "fulfilled" and due is not None and done is not None and agreed:
        main = msg("duty.fulfilled.agreed", what=what, due=due, done=done)
    elif status == "fulfilled" and due is not None:
        main = msg("duty.fulfilled.by", what=what, due=due, done=done) if done else msg("duty.fulfilled.by.undated", what=what, due=due)
    elif status == "fulfilled":
        main = msg("duty.fulfilled", what=what, done=done) if done else msg("duty.fulfilled.undated", what=what)
    elif status == "fulfilled_late" and due is not None and done is not None:
        main = msg("duty.fulfilled_late", what=what, due=due, done=done, late=day_count((done - due).days))
    elif status == "discharged" and due is not None:
        main = msg("duty.discharged.by", what=what, due=due, last=ctx.standing.last_day)
    elif status == "discharged":
        main = msg("duty.discharged", what=what, last=ctx.standing.last_day)
    elif status == "open":
        main = msg("duty.open", what=what)
    elif status == "needs_assessment":
        main = msg("duty.needs_assessment", what=what)
    else:
        main = msg("duty.plain", what=what)
    return both(main, extra)


def fixed(message: Msg) -> Callable[[str], Msg]:
    """A ``describe`` that says the same whatever the status (notes, events)."""

    def describe(status: str) -> Msg:
        return message

    return describe


def days(n: int, lang: str) -> str:
    """A count of days in words in one language ("1 dag", "3 days"), from the catalogue."""
    return day_count(n).render(lang)
