"""The comparison of interpretations as a person reads it: each setting's alternative and the findings it changes."""

from __future__ import annotations

from ..compare import FindingDifference, InterpretationComparison

_FIELD_SV = {
    "present": "finns",
    "kind": "slag",
    "status": "status",
    "party": "part",
    "due": "senast",
    "amount": "belopp",
    "severity": "allvar",
    "message": "meddelande",
    "agreement.state": "överenskommelsens läge",
    "agreement.reason": "skäl",
    "agreement.last_day": "sista dag",
}


def render_comparison(comparison: InterpretationComparison, lang: str = "sv") -> str:
    """The comparison as a person reads it: each setting's alternative and the findings it changes."""
    sv = lang == "sv"
    differing = comparison.differing()
    lines = [
        (
            f"Jämförelse av tolkningar per {comparison.as_of.isoformat()}: {len(differing)} av {len(comparison.comparisons)} alternativ ändrar utfallet."
            if sv
            else f"Interpretations compared as of {comparison.as_of.isoformat()}: {len(differing)} of {len(comparison.comparisons)} alternatives change the outcome."
        ),
        "",
    ]
    for item in comparison.comparisons:
        head = f"{item.setting} = {item.alternative} " + (f"(i stället för {item.default})" if sv else f"(instead of {item.default})")
        lines.append(head)
        lines.append(f"    {item.question_sv if sv else item.question}")
        if not item.differs:
            lines.append("    (inga skillnader)" if sv else "    (no differences)")
        for diff in item.agreement:
            label = _FIELD_SV.get(diff.field, diff.field) if sv else diff.field
            lines.append(f"  • {label}: {diff.default} → {diff.alternative}")
        for finding in item.differences:
            present = next((d for d in finding.fields if d.field == "present"), None)
            if present is not None:
                lines.append(f"  • {finding.id} (§{finding.section}): " + _only(finding, present.default == "true", sv))
                continue
            parts = []
            for diff in finding.fields:
                if diff.field == "message" and len(finding.fields) > 1:
                    continue  # the message follows from the other fields; shown only when nothing else differs
                label = _FIELD_SV.get(diff.field, diff.field) if sv else diff.field
                old, new = diff.default, diff.alternative
                if diff.field == "message":
                    old = _half(old, sv)
                    new = _half(new, sv)
                parts.append(f"{label} {old} → {new}")
            lines.append(f"  • {finding.id} (§{finding.section}): " + "; ".join(parts))
        lines.append("")
    return "\n".join(lines)


def _only(finding: FindingDifference, in_default: bool, sv: bool) -> str:
    details = ", ".join(
        f"{_FIELD_SV.get(d.field, d.field) if sv else d.field} {d.default if in_default else d.alternative}"
        for d in finding.fields
        if d.field != "present"
    )
    if sv:
        where = "bara med tolkningen i kraft" if in_default else "bara med alternativet"
    else:
        where = "only under the reading in force" if in_default else "only under the alternative"
    return f"{where} ({details})" if details else where


def _half(message: str | None, sv: bool) -> str | None:
    if message is None:
        return None
    swedish, _, english = message.partition(" / ")
    return f"”{swedish}”" if sv else f"“{english}”"
