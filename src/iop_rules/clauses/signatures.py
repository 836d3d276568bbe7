"""§11 Underskrift: whether both parties' signatures of the agreement are recorded.

"Avtalet upprättas i två likalydande exemplar varav parterna tagit del av varsitt." §11 creates no duty to sign,
so a missing signature is never a breach: from the start date, a party whose signature is not recorded is
something to check (``needs_assessment``, naming the party), and the report's header says the agreement may
not have been concluded. Before the start date it is an upcoming action. A recorded signature, on any day,
is ``fulfilled`` (there is no deadline to miss).
"""

from __future__ import annotations

import datetime as dt

from ..clause import Clause, Rule
from ..context import PARTIES, Candidate, Context
from ..messages import PARTY_EN, PARTY_SV, cap, days
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

        def describe(status: str, party: str = party, done: dt.date | None = done, role: str = role) -> tuple[str, str]:
            who_sv, who_en = cap(PARTY_SV[party]), cap(PARTY_EN[party])
            if status == "fulfilled" and done is not None:
                return (
                    f"{who_sv} har undertecknat överenskommelsen ({role}) {done.isoformat()}.",
                    f"{who_en} signed the agreement ({role}) on {done.isoformat()}.",
                )
            if status == "needs_assessment":
                return (
                    f"Ingen underskrift av {PARTY_SV[party]} ({role}) är registrerad. Kontrollera om överenskommelsen "
                    "har ingåtts; §11 ställer inget krav på underskrift före en viss dag, så det är ingen avvikelse.",
                    f"No signature of {PARTY_EN[party]} ({role}) is recorded. Check whether the agreement was "
                    "concluded; §11 sets no deadline to sign, so this is not a breach.",
                )
            left = (start - ctx.as_of).days
            return (
                f"Ingen underskrift av {PARTY_SV[party]} ({role}) är registrerad ännu; överenskommelsen gäller från "
                f"{start.isoformat()} ({days(left, 'sv')} kvar).",
                f"No signature of {PARTY_EN[party]} ({role}) is recorded yet; the agreement starts on "
                f"{start.isoformat()} ({days(left, 'en')} left).",
            )

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
                    (
                        f"§11 ställer inget krav på underskrift före en viss dag; från startdagen {start.isoformat()} "
                        "(term.start) kontrolleras att båda parters underskrifter finns",
                        f"§11 sets no deadline to sign; from the start date {start.isoformat()} (term.start) the "
                        "library checks that both parties' signatures are recorded",
                    ),
                    *(
                        ((f"Undertecknat {done.isoformat()} ({signed[0].id})", f"Signed on {done.isoformat()} ({signed[0].id})"),)
                        if done is not None
                        else ()
                    ),
                ),
            )
        )
    return out


CLAUSE = Clause(
    name="signatures",
    sections=(SECTION,),
    rules=(
        Rule(
            "signature/{party}",
            SECTION,
            "copies",
            "Each party's signature of the agreement: from the start date, one not recorded is something to check "
            "(needs_assessment, never a breach: §11 creates no duty to sign) and the report's header says the "
            "agreement may not have been concluded.",
            "Vardera partens underskrift av överenskommelsen: från startdagen är en underskrift som inte är "
            "registrerad något att kontrollera (kräver bedömning, aldrig en avvikelse: §11 ställer inget krav på "
            "underskrift) och rapportens inledning säger att överenskommelsen kanske inte har ingåtts.",
        ),
    ),
    evaluate=evaluate,
)
