"""The words for status, party and list headings in Swedish and English, shared by every renderer."""

from __future__ import annotations

STATUS_LABEL = {
    "pending": ("kommande", "pending"),
    "due": ("att göra", "due"),
    "open": ("öppet", "open"),
    "fulfilled": ("uppfyllt", "fulfilled"),
    "fulfilled_late": ("uppfyllt för sent", "fulfilled late"),
    "violated": ("ej uppfyllt", "not fulfilled"),
    "condition_not_met": ("villkoret ej uppfyllt", "condition not met"),
    "discharged": ("bortfallet", "discharged"),
    "needs_assessment": ("kräver bedömning", "needs assessment"),
    "available": ("rätt att utöva", "right available"),
    "exercised": ("utövad", "exercised"),
    "expired": ("förfallen", "expired"),
    "noted": ("notering", "note"),
}
PARTY_LABEL = {"city": ("staden", "city"), "fa": ("Frälsningsarmén", "Salvation Army"), "both": ("båda", "both")}
HEADINGS = {
    "breaches": ("AVVIKELSER", "BREACHES"),
    "upcoming": ("KOMMANDE ÅTGÄRDER", "UPCOMING ACTIONS"),
    "obligations": ("ALLA ÅTAGANDEN", "ALL OBLIGATIONS"),
    "notes": ("NOTERINGAR", "NOTES"),
}



def pick(pair: tuple[str, str], lang: str) -> str:
    return pair[0] if lang == "sv" else pair[1]


def status_label(status: str | None, lang: str) -> str:
    if status is None:
        return "–"
    return pick(STATUS_LABEL[status], lang)
