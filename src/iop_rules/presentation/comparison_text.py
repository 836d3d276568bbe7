"""The comparison of interpretations as a person reads it: each setting's alternative and the findings it changes."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from ..catalogue import Msg, money, msg, render
from ..compare import FindingDifference, InterpretationComparison
from .labels import KIND, PARTY, SEVERITY, STATUS, setting_text

FIELD: dict[str, Msg] = {
    "present": msg("compare.field.present"),
    "kind": msg("compare.field.kind"),
    "status": msg("compare.field.status"),
    "party": msg("compare.field.party"),
    "due": msg("compare.field.due"),
    "amount": msg("compare.field.amount"),
    "severity": msg("compare.field.severity"),
    "message": msg("compare.field.message"),
    "agreement.state": msg("compare.field.agreement.state"),
    "agreement.reason": msg("compare.field.agreement.reason"),
    "agreement.last_day": msg("compare.field.agreement.last_day"),
}
"""A compared field in words."""

VALUE: dict[str, dict[str, Msg]] = {
    "status": STATUS,
    "party": PARTY,
    "kind": KIND,
    "severity": SEVERITY,
    "agreement.state": {
        "not_started": msg("state.not_started"),
        "in_force": msg("state.in_force"),
        "notice_given": msg("state.notice_given"),
        "ended": msg("state.ended"),
    },
    "agreement.reason": {
        "expiry": msg("reason.expiry"),
        "no_compensation_agreement": msg("reason.no_compensation_agreement"),
        "notice": msg("reason.notice"),
    },
}
"""The coded values of a compared field in words."""


def _field(name: str, lang: str) -> str:
    return render(FIELD[name], lang) if name in FIELD else name


def _shown(field: str, value: str | None, lang: str) -> str:
    if value is None:
        return "–"
    if field in VALUE and value in VALUE[field]:
        return render(VALUE[field][value], lang)
    if field == "amount":
        try:
            return money(Decimal(value), lang)
        except InvalidOperation:
            return value
    if field == "message":
        swedish, _, english = value.partition(" / ")
        return f"”{swedish}”" if lang == "sv" else f"“{english}”"
    return value


def _reading(setting: str, value: str | int, lang: str) -> str:
    try:
        return setting_text(setting, value, lang)
    except KeyError:
        return str(value)


def render_comparison(comparison: InterpretationComparison, lang: str = "sv") -> str:
    """The comparison as a person reads it: each setting's alternative, in words, and the findings it changes."""
    differing = comparison.differing()
    lines = [
        render(
            msg("compare.title", as_of=comparison.as_of, count=len(differing), total=len(comparison.comparisons)),
            lang,
        ),
        "",
    ]
    for item in comparison.comparisons:
        lines.append(f"{item.setting}: {_reading(item.setting, item.alternative, lang)}")
        lines.append("    " + render(msg("compare.instead_of", reading=_reading(item.setting, item.default, lang)), lang))
        lines.append(f"    {item.question_sv if lang == 'sv' else item.question}")
        if not item.differs:
            lines.append("    " + render(msg("compare.no_differences"), lang))
        for diff in item.agreement:
            old, new = _shown(diff.field, diff.default, lang), _shown(diff.field, diff.alternative, lang)
            lines.append(f"  • {_field(diff.field, lang)}: {old} → {new}")
        for finding in item.differences:
            present = next((d for d in finding.fields if d.field == "present"), None)
            if present is not None:
                lines.append(f"  • {finding.id} (§{finding.section}): " + _only(finding, present.default == "true", lang))
                continue
            parts = []
            for diff in finding.fields:
                if diff.field == "message" and len(finding.fields) > 1:
                    continue  # the message follows from the other fields; shown only when nothing else differs
                old, new = _shown(diff.field, diff.default, lang), _shown(diff.field, diff.alternative, lang)
                parts.append(f"{_field(diff.field, lang)} {old} → {new}")
            lines.append(f"  • {finding.id} (§{finding.section}): " + "; ".join(parts))
        lines.append("")
    return "\n".join(lines)


def _only(finding: FindingDifference, in_default: bool, lang: str) -> str:
    details = ", ".join(
        f"{_field(d.field, lang)} {_shown(d.field, d.default if in_default else d.alternative, lang)}"
        for d in finding.fields
        if d.field != "present"
    )
    where = render(msg("compare.only_in_force") if in_default else msg("compare.only_alternative"), lang)
    return f"{where} ({details})" if details else where
