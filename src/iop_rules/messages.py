"""Standard wording of findings in Swedish and English, so every clause speaks the same way."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from .context import PARTIES, Context, unsigned_parties
from .report import AgreementStatus, Text

PARTY_SV = {"city": "staden (socialförvaltningen)", "fa": "Frälsningsarmén", "both": "båda parter"}
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
    reading: str | None = None,
) -> tuple[str, str]:
    """The message of a duty in a status: ``what`` names the duty ("Bidraget för 2026 ska betalas"),
    ``extra`` adds a sentence in each language. ``reading`` names the register reading(s) that set or moved the
    deadline (e.g. ``"I6"``): only a deadline written in the agreement is "som avtalat" / "as agreed"."""
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
        agreed_sv = f"enligt tolkning {reading}" if reading else "som avtalat"
        agreed_en = f"under reading {reading}" if reading else "as agreed"
        sv = f"{what_sv}: gjort{when_sv}" + (f", senast {d} {agreed_sv}." if due else ".")
        en = f"{what_en}: done{' on ' + done.isoformat() if done else ''}" + (f", by {d} {agreed_en}." if due else ".")
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


_STATE_TEXT = {
    "not_started": ("Överenskommelsen har inte börjat gälla; den gäller från {start}.", "The agreement is not yet in force; it starts on {start}."),
    "in_force": ("Överenskommelsen gäller till och med {last}.", "The agreement is in force until {last} inclusive."),
    "notice_given": (
        "Överenskommelsen är uppsagd och gäller till och med {last}.",
        "Notice has been given; the agreement is in force until {last} inclusive.",
    ),
    "ended": ("Överenskommelsen upphörde; sista dag var {last}.", "The agreement has ended; its last day was {last}."),
}
_REASON_TEXT = {
    "expiry": (" Avtalstiden gick ut.", " The term expired."),
    "no_compensation_agreement": (
        " Parterna var inte överens om ersättningen för {years_sv} senast {cutoff}; villkoret för att"
        " överenskommelsen skulle fortsätta uppfylldes därmed inte och den upphörde utan uppsägning (§4)."
        " Ingen part har brutit mot överenskommelsen.",
        " The parties had not agreed on the compensation for {years_en} by {cutoff}; the condition for the"
        " agreement to continue was therefore not met and it ended without notice (§4). No party is at fault.",
    ),
    "notice": (" Överenskommelsen sades upp i förtid (§4).", " Notice of early termination was given (§4)."),
}
_UNSIGNED_TEXT = (
    " Ingen underskrift av {who_sv} är registrerad: överenskommelsen kanske inte har ingåtts (§11).",
    " No signature of {who_en} is recorded: the agreement may not have been concluded (§11).",
)


def agreement_status(ctx: Context) -> AgreementStatus:
    """The report's view of the standing."""
    standing = ctx.standing
    sv, en = _STATE_TEXT[standing.state]
    term = ctx.agreement.term
    years = term.renegotiated_grant_years
    values = {
        "start": term.start.isoformat(),
        "last": standing.last_day.isoformat(),
        "cutoff": term.renegotiation_cutoff.isoformat(),
        "years_sv": years_text(years, "sv"),
        "years_en": years_text(years, "en"),
    }
    sv, en = sv.format(**values), en.format(**values)
    if standing.reason is not None:
        reason_sv, reason_en = _REASON_TEXT[standing.reason]
        sv, en = sv + reason_sv.format(**values), en + reason_en.format(**values)
    unsigned = unsigned_parties(ctx)
    if unsigned:
        if len(unsigned) == len(PARTIES):
            who_sv, who_en = "någon av parterna", "either party"
        else:
            who_sv, who_en = PARTY_SV[unsigned[0]], PARTY_EN[unsigned[0]]
        sv += _UNSIGNED_TEXT[0].format(who_sv=who_sv)
        en += _UNSIGNED_TEXT[1].format(who_en=who_en)
    return AgreementStatus(
        state=standing.state,
        reason=standing.reason,
        last_day=standing.last_day,
        unsigned=unsigned,
        message=Text(sv=sv, en=en),
    )
