"""Standard wording of findings in Swedish and English, so every clause speaks the same way."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from .context import Context

PARTY_SV = {"city": "staden (Socialförvaltningen)", "fa": "Frälsningsarmén", "both": "båda parter"}
PARTY_EN = {"city": "the city (social services)", "fa": "the Salvation Army", "both": "both parties"}


def days(n: int, lang: str) -> str:
    """A count of days in words."""
    if lang == "sv":
        return f"{n} dag" if n == 1 else f"{n} dagar"
    return f"{n} day" if n == 1 else f"{n} days"


def duty_message(
    status: str,
    ctx: Context,
    what: tuple[str, str],
    due: dt.date | None,
    done: dt.date | None = None,
    extra: tuple[str, str] = ("", ""),
) -> tuple[str, str]:
    """The message of a duty in a status: ``what`` names the duty ("Bidraget för 2026 ska betalas"),
    ``extra`` adds a sentence in each language."""
    what_sv, what_en = what
    d = due.isoformat() if due else ""
    if status in ("pending", "due") and due is not None:
        left = (due - ctx.as_of).days
        sv = f"{what_sv} senast {d} ({days(left, 'sv')} kvar)."
        en = f"{what_en} by {d} ({days(left, 'en')} left)."
    elif status == "violated" and due is not None:
        late = (ctx.as_of - due).days
        sv = f"{what_sv} senast {d}; det är inte gjort ({days(late, 'sv')} för sent)."
        en = f"{what_en} by {d}; it has not been done ({days(late, 'en')} overdue)."
    elif status == "violated":
        sv, en = f"{what_sv}: ej uppfyllt.", f"{what_en}: not fulfilled."
    elif status == "fulfilled":
        when_sv = f" {done.isoformat()}" if done else ""
        sv = f"{what_sv}: gjort{when_sv}" + (f", senast {d} som avtalat." if due else ".")
        en = f"{what_en}: done{' on ' + done.isoformat() if done else ''}" + (f", by {d} as agreed." if due else ".")
    elif status == "fulfilled_late" and due is not None and done is not None:
        late = (done - due).days
        sv = f"{what_sv} senast {d}; det gjordes {done.isoformat()}, {days(late, 'sv')} för sent."
        en = f"{what_en} by {d}; it was done on {done.isoformat()}, {days(late, 'en')} late."
    elif status == "discharged":
        last = ctx.standing.last_day.isoformat()
        sv = f"{what_sv}" + (f" senast {d}" if due else "") + f": bortfaller, överenskommelsen upphör {last}."
        en = f"{what_en}" + (f" by {d}" if due else "") + f": discharged, the agreement ends on {last}."
    elif status == "open":
        sv, en = f"{what_sv}: ännu inte gjort (ingen tidsgräns).", f"{what_en}: not yet done (no deadline)."
    elif status == "needs_assessment":
        sv, en = f"{what_sv}: kräver ett beslut.", f"{what_en}: needs a decision."
    else:
        sv, en = f"{what_sv}.", f"{what_en}."
    extra_sv, extra_en = extra
    return (f"{sv} {extra_sv}".strip(), f"{en} {extra_en}".strip())


def years_text(years: tuple[int, ...], lang: str) -> str:
    """Years joined as a person writes them: "2027 och 2028" / "2027 and 2028"."""
    parts = [str(y) for y in years]
    if len(parts) <= 1:
        return "".join(parts)
    joiner = " och " if lang == "sv" else " and "
    return ", ".join(parts[:-1]) + joiner + parts[-1]


def cap(text: str) -> str:
    """The text with its first letter upper-case, the rest untouched ("the Salvation Army" keeps its capitals)."""
    return text[:1].upper() + text[1:]


def fixed_text(texts: tuple[str, str]) -> Callable[[str], tuple[str, str]]:
    """A ``describe`` that says the same whatever the status (notes, events)."""

    def describe(status: str) -> tuple[str, str]:
        return texts

    return describe
