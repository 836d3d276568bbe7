"""§11 Underskrift: whether both parties' signatures of the agreement are recorded.

"Avtalet upprättas i två likalydande exemplar varav parterna tagit del av varsitt." §11 creates no duty to sign,
so a missing signature is never a breach: from the start date, a party whose signature is not recorded is
something to check (``needs_assessment``, naming the party), and the report's header says the agreement may
not have been concluded. Before the start date it is an upcoming action. A recorded signature, on any day,
is ``fulfilled`` (there is no deadline to miss).
"""

from __future__ import annotations

import datetime as dt

from ..catalogue import Msg, msg
from ..clause import Clause, Rule
from ..context import PARTIES, Candidate, Context
from ..messages import PARTY, PARTY_START, day_count
from ..report import Evidence

SECTION = "11"


def evaluate(ctx: Context) -> list[Candidate]:
    """A signature check per party, from the start date."""
    start = ctx.agreement.term.start
    out: list[Candidate] = []
    for party in PARTIES:
        signed = sorted((s for s in ctx.facts.signatures if s.party == party), key=lambda s: (s.date, s.id))
        done = signed[0].date if signed else None
        role = ctx.agreement.party(party).signatory_role

        def describe(status: str, party: str = party, done: dt.date | None = done, role: str = role) -> Msg:
            if status == "fulfilled" and done is not None:
                return msg("signature.signed", party=PARTY_START[party], role=role, day=done)
            if status == "needs_assessment":
                return msg("signature.missing", party=PARTY[party], role=role)
            return msg("signature.not_yet", party=PARTY[party], role=role, start=start, left=day_count((start - ctx.as_of).days))

        out.append(
            Candidate(
                id=f"signature/{party}",
                kind="duty",
                section=SECTION,
                quote_key="copies",
                party=party,
                severity="major",
                describe=describe,
                # A signature has no deadline: the start date only says from when a missing one is checked.
                due=None if done is not None else start,
                done=done,
                assess=done is None and ctx.as_of >= start,
                evidence=tuple(Evidence(fact="signatures", id=s.id, date=s.date, detail=f"party={s.party}") for s in signed),
                reasoning=(
                    msg("signature.step.checked", start=start),
                    *((msg("signature.step.signed", day=done, record=signed[0].id),) if done is not None else ()),
                ),
            )
        )
    return out


CLAUSE = Clause(
    name="signatures",
    sections=(SECTION,),
    rules=(Rule("signature/{party}", SECTION, "copies", msg("rule.signature")),),
    evaluate=evaluate,
)
