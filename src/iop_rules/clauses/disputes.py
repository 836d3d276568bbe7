"""§9 Tvist och lagar: disputes are resolved through dialogue; fa follows applicable laws.

"Vid tvist ska detta lösas genom dialog." — a recorded dispute is an open obligation of both parties until a
dialogue on it is recorded (no deadline in the text). It does not lapse with the agreement's end: a dispute may
concern a duty that survives it (the last account, repayment).

"Frälsningsarmén förbinder sig att följa tillämpliga lagar, författningar samt normer och föreskrifter som
utfärdas av statliga och kommunala myndigheter …" — a recorded authority finding against fa, dated while the
agreement is in force, is a breach by fa once it is final (laga kraft, the facts' ``final`` day) and concerns the
activities under this agreement (``concerns_activities``); the breach's day is the day it became final. Until
both are recorded it is a note to follow up; a finding recorded as not concerning the activities is a note.

Finding ids: ``dispute/{dispute}`` and ``authority-finding/{finding}``.
"""

from __future__ import annotations

from ..cadence import event_breach
from ..clause import Clause, Rule
from ..context import Candidate, Context
from ..facts import AuthorityFinding, Dispute
from ..messages import PARTY_EN, PARTY_SV, duty_message, fixed_text
from ..report import Evidence

SECTION = "9"


def dispute(ctx: Context, record: Dispute) -> Candidate:
    """One dispute's obligation of dialogue."""
    dialogues = sorted((d for d in ctx.facts.dialogues if d.dispute_id == record.id), key=lambda d: (d.date, d.id))
    done = dialogues[0].date if dialogues else None
    when = record.date.isoformat()

    def describe(status: str) -> tuple[str, str]:
        return duty_message(
            status,
            ctx,
            (
                f"Tvisten {when} ({record.id}, väckt av {PARTY_SV[record.raised_by]}) ska lösas genom dialog",
                f"The dispute of {when} ({record.id}, raised by {PARTY_EN[record.raised_by]}) must be resolved through dialogue",
            ),
            None,
            done,
        )

    return Candidate(
        id=f"dispute/{record.id}",
        kind="duty",
        section=SECTION,
        quote_key="dispute",
        party="both",
        severity="major",
        describe=describe,
        done=done,
        evidence=(
            Evidence(fact="disputes", id=record.id, date=record.date, detail=f"raised_by={record.raised_by}"),
            *(Evidence(fact="dialogues", id=d.id, date=d.date) for d in dialogues),
        ),
    )


def _authority_evidence(finding: AuthorityFinding) -> Evidence:
    final = finding.final.isoformat() if finding.final else "nej"
    concerns = {True: "ja", False: "nej", None: "ej bedömt"}[finding.concerns_activities]
    return Evidence(
        fact="authority_findings",
        id=finding.id,
        date=finding.date,
        detail=f"authority={finding.authority}; laga kraft={final}; rör verksamheten={concerns}",
    )


def authority_findings(ctx: Context) -> list[Candidate]:
    """ "Frälsningsarmén förbinder sig att följa tillämpliga lagar …": a finding against fa is a breach by fa once
    it is final (laga kraft) and concerns the activities under this agreement; until then a note to follow up."""
    out: list[Candidate] = []
    for finding in sorted(ctx.facts.authority_findings, key=lambda f: (f.date, f.id)):
        if finding.date < ctx.agreement.term.start:
            continue
        when = finding.date.isoformat()
        evidence = (_authority_evidence(finding),)
        if finding.final is not None and finding.concerns_activities:
            final = finding.final.isoformat()
            out.append(
                event_breach(
                    ctx,
                    id=f"authority-finding/{finding.id}",
                    section=SECTION,
                    quote_key="laws",
                    party="fa",
                    severity="major",
                    day=finding.final,
                    texts=(
                        f"{finding.authority} fann {when} ({finding.id}) att Frälsningsarmén inte följt tillämpliga lagar "
                        f"eller föreskrifter i verksamheten enligt överenskommelsen; beslutet vann laga kraft {final}.",
                        f"{finding.authority} found on {when} ({finding.id}) that the Salvation Army did not follow "
                        f"applicable law or regulation in the activities under the agreement; the finding became final on {final}.",
                    ),
                    evidence=evidence,
                    reasoning=(
                        (
                            f"Beslutet vann laga kraft {final} och rör verksamheten enligt överenskommelsen: en avvikelse från den dagen",
                            f"The finding became final on {final} and concerns the activities under the agreement: a breach from that day",
                        ),
                    ),
                )
            )
            continue
        if finding.concerns_activities is False:
            texts = (
                f"{finding.authority} fann {when} ({finding.id}) att Frälsningsarmén inte följt tillämpliga lagar eller "
                "föreskrifter. Beslutet rör enligt registreringen inte verksamheten enligt överenskommelsen och är "
                "därför ingen avvikelse från den.",
                f"{finding.authority} found on {when} ({finding.id}) that the Salvation Army did not follow applicable "
                "law or regulation. As recorded, the finding does not concern the activities under the agreement, so "
                "it is not a breach of it.",
            )
            severity = "info"
        else:
            open_sv: list[str] = []
            open_en: list[str] = []
            if finding.final is None:
                open_sv.append("om beslutet har vunnit laga kraft")
                open_en.append("whether the finding has become final")
            if finding.concerns_activities is None:
                open_sv.append("om det rör verksamheten enligt överenskommelsen")
                open_en.append("whether it concerns the activities under the agreement")
            texts = (
                f"{finding.authority} fann {when} ({finding.id}) att Frälsningsarmén inte följt tillämpliga lagar eller "
                f"föreskrifter. Följ upp {' och '.join(open_sv)}: först då kan det vara en avvikelse från överenskommelsen.",
                f"{finding.authority} found on {when} ({finding.id}) that the Salvation Army did not follow applicable "
                f"law or regulation. Follow up {' and '.join(open_en)}: only then can it be a breach of the agreement.",
            )
            severity = "minor"
        out.append(
            Candidate(
                id=f"authority-finding/{finding.id}",
                kind="note",
                section=SECTION,
                quote_key="laws",
                party="fa",
                severity=severity,  # type: ignore[arg-type]
                describe=fixed_text(texts),
                evidence=evidence,
                reasoning=(
                    (
                        "En avvikelse först när beslutet vunnit laga kraft och rör verksamheten enligt överenskommelsen",
                        "A breach only once the finding is final and concerns the activities under the agreement",
                    ),
                ),
            )
        )
    return out


def evaluate(ctx: Context) -> list[Candidate]:
    """§9's disputes and authority findings on the evaluation day."""
    return [*(dispute(ctx, d) for d in sorted(ctx.facts.disputes, key=lambda d: (d.date, d.id))), *authority_findings(ctx)]


CLAUSE = Clause(
    name="disputes",
    sections=(SECTION,),
    rules=(
        Rule(
            "dispute/{dispute}",
            SECTION,
            "dispute",
            "A recorded dispute obliges both parties to resolve it through dialogue: open until a dialogue on it is "
            "recorded.",
            "En tvist förpliktar båda parter att lösa den genom dialog: öppen tills en dialog om den finns.",
        ),
        Rule(
            "authority-finding/{finding}",
            SECTION,
            "laws",
            "An authority finding against fa while the agreement is in force is a breach by fa once it is final (laga "
            "kraft) and concerns the activities under the agreement; until then, or if it does not concern them, a "
            "note to follow up.",
            "Ett myndighetsbeslut mot Frälsningsarmén medan överenskommelsen gäller är en avvikelse för Frälsningsarmén "
            "när det vunnit laga kraft och rör verksamheten enligt överenskommelsen; dessförinnan, eller om det inte "
            "rör verksamheten, en notering att följa upp.",
        ),
    ),
    evaluate=evaluate,
)
