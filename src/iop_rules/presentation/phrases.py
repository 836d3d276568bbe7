"""The fixed text the renderers and the command line put around the findings, from the message catalogues.

Every sentence lives in ``src/iop_rules/locale/<lang>/LC_MESSAGES/iop_rules.po``; this module only fetches it. Write
the message id as a literal (``phrase("report.cutoff", lang, …)``): the completeness test reads it from the source.
A choice among ids (a CSV column, a party) is a table of :func:`~iop_rules.catalogue.msg` literals instead.
"""

from __future__ import annotations

from ..catalogue import Msg, Value, msg, render


def phrase(message_id: str, lang: str, /, **values: Value) -> str:
    """The fixed text ``message_id`` in ``sv`` or ``en``, its named values filled in."""
    return render(Msg(message_id, tuple(sorted(values.items()))), lang)


def say(message: Msg, lang: str) -> str:
    """A message chosen from a table, in ``sv`` or ``en``."""
    return render(message, lang)


def days_left(left: int, lang: str) -> str:
    """How long is left to a deadline: "sista dagen i dag", "1 dag kvar", "10 dagar kvar"."""
    if left == 0:
        return phrase("report.left.today", lang)
    return render(msg("report.left", n=left), lang)


SECTION_TITLE: dict[str, Msg] = {
    "1": msg("section.title.1"),
    "2": msg("section.title.2"),
    "3": msg("section.title.3"),
    "4": msg("section.title.4"),
    "5": msg("section.title.5"),
    "6": msg("section.title.6"),
    "7": msg("section.title.7"),
    "8": msg("section.title.8"),
    "9": msg("section.title.9"),
    "10": msg("section.title.10"),
    "11": msg("section.title.11"),
}
"""The agreement's section headings: in Swedish the agreement's own (a test checks they match agreement.toml), in
English a translation."""
