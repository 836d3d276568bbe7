"""The words every renderer shares: statuses, parties, list headings and the interpretation settings in words.

All of them come from the catalogues (``src/iop_rules/locale``); this module only names them. The
``(Swedish, English)`` tables keep the shape renderers use (``pick(PARTY_LABEL["city"], lang)``); new code can call
:func:`status_label`, :func:`party_label` and :func:`setting_text` directly.
"""

from __future__ import annotations

from decimal import Decimal

from ..catalogue import Msg, money, msg, render

STATUS: dict[str, Msg] = {
    "pending": msg("status.pending"),
    "due": msg("status.due"),
    "open": msg("status.open"),
    "fulfilled": msg("status.fulfilled"),
    "fulfilled_late": msg("status.fulfilled_late"),
    "violated": msg("status.violated"),
    "condition_not_met": msg("status.condition_not_met"),
    "discharged": msg("status.discharged"),
    "needs_assessment": msg("status.needs_assessment"),
    "available": msg("status.available"),
    "exercised": msg("status.exercised"),
    "expired": msg("status.expired"),
    "noted": msg("status.noted"),
}
"""A finding's status in words: agreeing with "åtagandet" for duties, with "rätten" for rights."""

PARTY: dict[str, Msg] = {"city": msg("party.city"), "fa": msg("party.fa"), "both": msg("party.both")}
"""Who a finding concerns: "staden" / "the city", "Frälsningsarmén" / "the Salvation Army", "båda parter"."""

SEVERITY: dict[str, Msg] = {
    "critical": msg("severity.critical"),
    "major": msg("severity.major"),
    "minor": msg("severity.minor"),
    "info": msg("severity.info"),
}
"""How much a finding matters, in words (printed wherever it orders a list)."""

KIND: dict[str, Msg] = {"duty": msg("kind.duty"), "right": msg("kind.right"), "note": msg("kind.note")}
"""Duty, right or note, in words."""

HEADING: dict[str, Msg] = {
    "open_breaches": msg("heading.open_breaches"),
    "actions": msg("heading.actions"),
    "rights": msg("heading.rights"),
    "cured_breaches": msg("heading.cured_breaches"),
    "obligations": msg("heading.obligations"),
    "notes": msg("heading.notes"),
}
"""The report's list headings, in the order people act on them."""


def _pair(message: Msg) -> tuple[str, str]:
    return render(message, "sv"), render(message, "en")


STATUS_LABEL: dict[str, tuple[str, str]] = {k: _pair(v) for k, v in STATUS.items()}
PARTY_LABEL: dict[str, tuple[str, str]] = {k: _pair(v) for k, v in PARTY.items()}


def pick(pair: tuple[str, str], lang: str) -> str:
    """The Swedish or English one of a ``(Swedish, English)`` pair."""
    return pair[0] if lang == "sv" else pair[1]


def status_label(status: str | None, lang: str) -> str:
    """A status in words ("–" for none)."""
    if status is None:
        return "–"
    return render(STATUS[status], lang)


def party_label(party: str, lang: str) -> str:
    """A party in words."""
    return render(PARTY[party], lang)


_SETTING: dict[tuple[str, str], Msg] = {
    ("I1", "two_months_before_half"): msg("setting.I1.two_months_before_half"),
    ("I1", "bracket_date"): msg("setting.I1.bracket_date"),
    ("I2", "next_business_day"): msg("setting.I2.next_business_day"),
    ("I2", "no_move"): msg("setting.I2.no_move"),
    ("I3", "calendar_halves"): msg("setting.I3.calendar_halves"),
    ("I3", "configured"): msg("setting.I3.configured"),
    ("I4", "both_present"): msg("setting.I4.both_present"),
    ("I4", "either_present"): msg("setting.I4.either_present"),
    ("I5", "once_per_term"): msg("setting.I5.once_per_term"),
    ("I5", "after_every_meeting"): msg("setting.I5.after_every_meeting"),
    ("I6", "march_31_next_year"): msg("setting.I6.march_31_next_year"),
    ("I6", "december_31_same_year"): msg("setting.I6.december_31_same_year"),
    ("I8", "last_day_of_month"): msg("setting.I8.last_day_of_month"),
    ("I8", "first_day_of_next_month"): msg("setting.I8.first_day_of_next_month"),
    ("I9", "not_required"): msg("setting.I9.not_required"),
    ("I9", "proportional"): msg("setting.I9.proportional"),
    ("I11", "calendar_year"): msg("setting.I11.calendar_year"),
    ("I11", "twelve_months_from_start"): msg("setting.I11.twelve_months_from_start"),
    ("I12", "counts"): msg("setting.I12.counts"),
    ("I12", "does_not_count"): msg("setting.I12.does_not_count"),
    ("I14", "ends"): msg("setting.I14.ends"),
    ("I14", "continues_without_grant"): msg("setting.I14.continues_without_grant"),
    ("I15", "neither"): msg("setting.I15.neither"),
    ("I15", "both"): msg("setting.I15.both"),
    ("I16", "twelve_months"): msg("setting.I16.twelve_months"),
    ("I16", "while_in_force"): msg("setting.I16.while_in_force"),
}
_SETTING_NUMBER: dict[str, Msg] = {
    "I7": msg("setting.I7", n=0),
    "I10": msg("setting.I10", n=0),
    "I13": msg("setting.I13", n=0),
}


def setting_message(key: str, value: str | int) -> Msg:
    """An interpretation setting's reading in words, as a message."""
    if key in _SETTING_NUMBER and isinstance(value, int):
        return _SETTING_NUMBER[key].with_values(n=value)
    return _SETTING[(key, str(value))]


def setting_text(key: str, value: str | int, lang: str) -> str:
    """An interpretation setting's reading in words ("halvtidsutvärderingen ska vara klar två månader före
    halvtid"), never its id or value code: those stay in the JSON and in ``explain``."""
    return render(setting_message(key, value), lang)


def amount_text(amount: Decimal, lang: str) -> str:
    """An amount in SEK: "200 000,00 kr" / "SEK 200,000.00"."""
    return money(amount, lang)
