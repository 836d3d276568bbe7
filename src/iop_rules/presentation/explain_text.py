"""One finding's explanation as a person reads it: status and why, the computation, the facts, the readings, the
agreement's words."""

from __future__ import annotations

from ..explain import Explanation


def render_explanation(explanation: Explanation, lang: str = "sv") -> str:
    """The explanation as a person reads it."""
    sv = lang == "sv"
    f = explanation.finding
    lines = [
        f"{f.id} — §{f.section} {explanation.section_title}",
        f"  {f.message.get(lang)}",
        "",
        f"Status: {f.status} — {explanation.status_reason.get(lang)}",
        ("Part: " if sv else "Party: ") + f.party,
    ]
    if f.due is not None:
        lines.append(("Senast: " if sv else "Due: ") + f.due.isoformat())
    if f.amount is not None:
        lines.append(("Belopp: " if sv else "Amount: ") + f"{f.amount} SEK")
    lines.append(
        (f"Utvärderingsdag {explanation.as_of.isoformat()}, horisont {explanation.horizon_days} dagar (till {explanation.horizon_end.isoformat()})")
        if sv
        else f"Evaluation day {explanation.as_of.isoformat()}, horizon {explanation.horizon_days} days (to {explanation.horizon_end.isoformat()})"
    )
    lines.append(explanation.agreement.message.get(lang))
    lines.append("")
    lines.append("Beräkning:" if sv else "Computation:")
    if not explanation.steps:
        lines.append("  (inga beräknade datum eller belopp)" if sv else "  (no computed dates or amounts)")
    for number, step in enumerate(explanation.steps, 1):
        lines.append(f"  {number}. {step.get(lang)}")
    lines.append("")
    lines.append("Fakta som använts:" if sv else "Facts used:")
    if not f.evidence:
        lines.append("  (inga)" if sv else "  (none)")
    for evidence in f.evidence:
        when = f" {evidence.date.isoformat()}" if evidence.date else ""
        detail = f" — {evidence.detail}" if evidence.detail else ""
        lines.append(f"  • {evidence.fact} {evidence.id}{when}{detail}")
    lines.append("")
    lines.append("Tolkningar:" if sv else "Interpretations:")
    if not explanation.settings:
        lines.append("  (beror inte på någon tolkning)" if sv else "  (depends on no interpretation setting)")
    for used in explanation.settings:
        marker = "" if used.value == used.default else (" (inte standard)" if sv else " (not the default)")
        meaning = f" — {used.meaning}" if used.meaning else ""
        lines.append(f"  • {used.id} = {used.value}{marker}{meaning}")
        lines.append(f"    {used.question_sv if sv else used.question}")
    lines.append("")
    lines.append(f"Avtalet §{f.section}: ”{f.quote}”" if sv else f"Agreement §{f.section} (Swedish): “{f.quote}”")
    return "\n".join(lines) + "\n"
