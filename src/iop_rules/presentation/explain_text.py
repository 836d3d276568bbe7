"""One finding's explanation as a person reads it: status and why, the computation, the facts, the readings, the
agreement's words."""

from __future__ import annotations

from ..catalogue import Msg, msg, render
from ..explain import Explanation
from .labels import amount_text, party_label, setting_text, status_label


def render_explanation(explanation: Explanation, lang: str = "sv") -> str:
    """The explanation as a person reads it. Setting ids and their values are shown here, beside their
    meaning: this is where a reviewer traces a finding back to the register."""

    def say(message: Msg) -> str:
        return render(message, lang)

    f = explanation.finding
    lines = [
        f"{f.id} — §{f.section} {explanation.section_title}",
        f"  {f.message.get(lang)}",
        "",
        say(msg("explain.status", status=status_label(f.status, lang), why=explanation.status_reason.get(lang))),
        say(msg("explain.party", party=party_label(f.party, lang))),
    ]
    if f.due is not None:
        lines.append(say(msg("explain.due", due=f.due)))
    if f.amount is not None:
        lines.append(say(msg("explain.amount", amount=amount_text(f.amount, lang))))
    lines.append(
        say(
            msg(
                "explain.day",
                as_of=explanation.as_of,
                horizon=msg("days", n=explanation.horizon_days),
                end=explanation.horizon_end,
            )
        )
    )
    lines.append(explanation.agreement.message.get(lang))
    lines.append("")
    lines.append(say(msg("explain.computation")))
    if not explanation.steps:
        lines.append("  " + say(msg("explain.computation.none")))
    for number, step in enumerate(explanation.steps, 1):
        lines.append(f"  {number}. {step.get(lang)}")
    lines.append("")
    lines.append(say(msg("explain.facts")))
    if not f.evidence:
        lines.append("  " + say(msg("report.none")))
    for evidence in f.evidence:
        when = f" {evidence.date.isoformat()}" if evidence.date else ""
        detail = f" — {evidence.detail}" if evidence.detail else ""
        lines.append(f"  • {evidence.fact} {evidence.id}{when}{detail}")
    lines.append("")
    lines.append(say(msg("explain.settings")))
    if not explanation.settings:
        lines.append("  " + say(msg("explain.settings.none")))
    for used in explanation.settings:
        marker = "" if used.value == used.default else " " + say(msg("explain.settings.not_default"))
        # The reading in words from the catalogues, in the reader's language (the register's text is English).
        meaning = f" — {setting_text(used.id, used.value, lang)}"
        lines.append(f"  • {used.id} = {used.value}{marker}{meaning}")
        lines.append(f"    {used.question_sv if lang == 'sv' else used.question}")
    lines.append("")
    lines.append(say(msg("explain.quote", section=f.section, quote=f.quote)))
    return "\n".join(lines) + "\n"
