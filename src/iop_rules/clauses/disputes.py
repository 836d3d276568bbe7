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
from ..catalogue import Msg, msg
from ..clause import Clause, Rule
from ..context import Candidate, Context
from ..facts import AuthorityFinding, Dispute
from ..messages import PARTY, duty, fixed
from ..report import Evidence

SECTION = "9"


def dispute(ctx: Context, record: Dispute) -> Candidate:
    """One dispute's obligation of dialogue."""
    dialogues = sorted((d for d in ctx.facts.dialogues if d.dispute_id == record.id), key=lambda d: (d.date, d.id))
    done = dialogues[0].date if dialogues else None
    what = msg("dispute.what", day=record.date, record=record.id, by=PARTY[record.raised_by])

    def describe(status: str) -> Msg:
        return duty(status, ctx, what, None, done)

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
    final = finding.final.isoformat() if finding.final else "none"
    concerns = {True: "true", False: "false", None: "undecided"}[finding.concerns_activities]
    return Evidence(
        fact="authority_findings",
        id=finding.id,
        date=finding.date,
        detail=f"authority={finding.authority}; final={final}; concerns_activities={concerns}",
    )


def authority_findings(ctx: Context) -> list[Candidate]:
    """ "Frälsningsarmén förbinder sig att följa tillämpliga lagar …": a finding against fa is a breach by fa once
    it is final (laga kraft) and concerns the activities under this agreement; until then a note to follow up."""
    out: list[Candidate] = []
    for finding in sorted(ctx.facts.authority_findings, key=lambda f: (f.date, f.id)):
        if finding.date < ctx.agreement.term.start:
            continue
        evidence = (_authority_evidence(finding),)
        if finding.final is not None and finding.concerns_activities:
            final = finding.final
            out.append(
                event_breach(
                    ctx,
                    id=f"authority-finding/{finding.id}",
                    section=SECTION,
                    quote_key="laws",
                    party="fa",
                    severity="major",
                    day=finding.final,
                    texts=msg(
                        "authority.breach", authority=finding.authority, day=finding.date, record=finding.id, final=final
                    ),
                    evidence=evidence,
                    reasoning=(msg("authority.step.final", final=final),),
                )
            )
            continue
        if finding.concerns_activities is False:
            text = msg("authority.not_concerned", authority=finding.authority, day=finding.date, record=finding.id)
            severity = "info"
        else:
            to_follow: list[Msg] = []
            if finding.final is None:
                to_follow.append(msg("authority.open.final"))
            if finding.concerns_activities is None:
                to_follow.append(msg("authority.open.concerns"))
            text = msg(
                "authority.follow_up",
                authority=finding.authority,
                day=finding.date,
                record=finding.id,
                open=tuple(to_follow),
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
                describe=fixed(text),
                evidence=evidence,
                reasoning=(msg("authority.step.rule"),),
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
        Rule("dispute/{dispute}", SECTION, "dispute", msg("rule.dispute")),
        Rule("authority-finding/{finding}", SECTION, "laws", msg("rule.authority-finding")),
    ),
    evaluate=evaluate,
)
