"""§8 återbetalning: may city claim money back from fa on a misuse case ("felaktig medelsanvändning"), how much,
and why. The one computation of it, used by the §8 clause (``clauses/repayment.py``), the API and the command.

The agreement's words, step by step:

- "Om det skulle framkomma att Frälsningsarmén använt erhållna medel uppenbart utanför ramen för avsedda
  ändamål …, äger Helsingborgs stad rätt att framställa krav på återbetalning av det belopp som berörs":
  not manifest (``manifest`` false) → no right to claim (``not_manifest``); undecided → ``needs_assessment``.
- "Parterna är dock överens om att återbetalning inte ska ske om a) … omsorg … har iakttagits eller om b) …
  oproportionerligt …": either exemption established → ``exempt``, citing its letter. An established
  exemption settles the case even while ``manifest`` is undecided, since no decision on it could change the
  outcome. Either letter undecided (and none established) → ``needs_assessment``, naming what remains.
- Both exemptions rejected on a manifest case → ``claimable``: the affected amount, capped at the grant actually
  paid for that grant year (the §6 grant payments known on the day), less what fa has already repaid.

The library never decides ``manifest``, (a) or (b): they are recorded determinations (``facts.MisuseCase``).

Claims add up, like payments: city's claims on a case are compared, in total, with the most the case lets city
claim (the affected amount capped at the grant paid, before repayments; nothing when there is no right or an
exemption applies). While the case awaits assessment that most is the upper bound, so only a claim that no
decision could justify is flagged. The right to claim survives the agreement's end.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel

from ._types import Day, InputError, Sek, format_sek
from .agreement import Agreement
from .context import Context, context_for
from .facts import Determination, Facts, MisuseCase
from .report import REPORT_CONFIG, Evidence, Text, money

SECTION = "8"
GRANT_SECTION = "6"

RepaymentStatus = Literal["not_manifest", "exempt", "needs_assessment", "claimable"]
"""The outcome of a misuse case: no right to claim, exempt under (a) or (b), a person must decide, or claimable."""

Letter = Literal["a", "b"]
Undecided = Literal["manifest", "a", "b"]


class RepaymentLine(BaseModel):
    """One step of the assessment: the words of the agreement it rests on and what it found."""

    model_config = REPORT_CONFIG

    section: str
    """The agreement's section, ``"8"`` (or ``"6"`` for the grant paid)."""
    letter: Letter | None = None
    """The exemption's letter, ``a`` or ``b``, when the step is about one."""
    quote: str
    """The Swedish words of the agreement the step rests on."""
    text: Text
    """What the step found, in Swedish and English."""
    amount: Sek | None = None
    """The amount the step concerns, exact in SEK."""


class RepaymentAssessment(BaseModel):
    """The §8 assessment of one misuse case on one day."""

    model_config = REPORT_CONFIG

    case_id: str
    """The misuse case's id."""
    as_of: Day
    """The day of the assessment: facts dated later are not known."""
    grant_year: int
    """The grant year whose funds the case concerns."""
    status: RepaymentStatus
    """``not_manifest``, ``exempt``, ``needs_assessment`` or ``claimable``."""
    exempt_under: tuple[Letter, ...] = ()
    """The exemptions established, ``a`` and/or ``b``."""
    undecided: tuple[Undecided, ...] = ()
    """What a person must still decide (``manifest``, ``a``, ``b``) when the status is ``needs_assessment``."""
    affected: Sek
    """The amount affected by the misuse ("det belopp som berörs")."""
    grant_paid: Sek
    """The grant paid for the case's grant year, as known on the day."""
    repaid: Sek
    """What fa has already repaid on the case."""
    ceiling: Sek
    """What would be claimable if neither exemption applied: the affected amount, capped at the grant paid, less
    repayments."""
    claimable: Sek
    """What city may claim now: ``ceiling`` when the status is ``claimable``, otherwise 0."""
    claimed: Sek
    """What city has claimed on the case, in total."""
    excess_claimed: Sek | None = None
    """How much the claims exceed what the case lets city claim; null when they do not."""
    message: Text
    """The outcome in a sentence, in Swedish and English."""
    lines: tuple[RepaymentLine, ...]
    """The steps, in order: manifest, (a), (b), the amounts, the claims."""
    evidence: tuple[Evidence, ...] = ()
    """The facts used."""


def _sek(amount: Decimal) -> tuple[str, str]:
    return format_sek(amount, "sv"), format_sek(amount, "en")


def _determination(letter: Letter, found: Determination | None) -> tuple[str, str]:
    label = f"({letter})"
    if found is None:
        return f"Undantag {label} är ännu inte avgjort.", f"Exemption {label} is not yet decided."
    day = found.date.isoformat()
    if found.outcome == "established":
        return (
            f"Undantag {label} fastställdes {day}: återbetalning ska inte ske.",
            f"Exemption {label} was established on {day}: there is to be no repayment.",
        )
    return f"Undantag {label} avslogs {day}.", f"Exemption {label} was rejected on {day}."


def _evidence(ctx: Context, case: MisuseCase, amounts_used: bool) -> tuple[Evidence, ...]:
    detail = f"grant_year={case.grant_year}; amount {case.amount}; manifest={case.manifest}"
    for field in ("care_shown", "disproportionate"):
        found: Determination | None = getattr(case, field)
        detail += f"; {field}=" + (f"{found.outcome} {found.date.isoformat()}" if found else "undecided")
    out = [Evidence(fact="misuse_cases", id=case.id, date=case.date, detail=detail)]
    # The grant paid and the repayments matter only where an amount may be claimed.
    if amounts_used:
        out.extend(
            Evidence(fact="grant_payments", id=p.id, date=p.date, detail=f"amount {p.amount}")
            for p in ctx.facts.grant_payments
            if p.grant_year == case.grant_year
        )
        out.extend(Evidence(fact="repayments", id=r.id, date=r.date, detail=f"amount {r.amount}") for r in case.repayments)
    out.extend(Evidence(fact="claims", id=c.id, date=c.date, detail=f"amount {c.amount}") for c in case.claims)
    return tuple(sorted(out, key=lambda e: (e.date or dt.date.min, e.fact, e.id)))


def assess_case(ctx: Context, case: MisuseCase) -> RepaymentAssessment:
    """The §8 outcome of one misuse case known in the context."""
    q_repayment = ctx.quote(SECTION, "repayment")
    q_exemption = ctx.quote(SECTION, "exemption")
    year = case.grant_year
    affected = money(case.amount)
    grant_paid = money(sum((p.amount for p in ctx.facts.grant_payments if p.grant_year == year), Decimal(0)))
    repaid = money(sum((r.amount for r in case.repayments), Decimal(0)))
    claimed = money(sum((c.amount for c in case.claims), Decimal(0)))
    capped = min(affected, grant_paid)
    ceiling = money(max(capped - repaid, Decimal(0)))

    determinations: tuple[tuple[Letter, Determination | None], ...] = (
        ("a", case.care_shown),
        ("b", case.disproportionate),
    )
    established = tuple(letter for letter, found in determinations if found is not None and found.outcome == "established")
    status: RepaymentStatus
    undecided: tuple[Undecided, ...] = ()
    if case.manifest is False:
        status = "not_manifest"
    elif established:
        status = "exempt"
    else:
        pending: list[Undecided] = ["manifest"] if case.manifest is None else []
        pending.extend(letter for letter, found in determinations if found is None)
        undecided = tuple(pending)
        status = "needs_assessment" if undecided else "claimable"
    claimable = ceiling if status == "claimable" else money(Decimal(0))
    # The most the case lets city claim in total, repayments included (claims add up like payments).
    entitlement = capped if status in ("claimable", "needs_assessment") else Decimal(0)
    excess = money(claimed - entitlement) if claimed > entitlement else None

    lines: list[RepaymentLine] = []
    aff_sv, aff_en = _sek(affected)
    if case.manifest is True:
        text = Text(
            sv=f"Medel för {year} har använts uppenbart utanför ramen för avsedda ändamål; berört belopp {aff_sv}. Staden har rätt att kräva återbetalning.",
            en=f"Funds for {year} were manifestly used outside the intended purposes; amount affected {aff_en}. The city may claim repayment.",
        )
    elif case.manifest is False:
        text = Text(
            sv=f"Användningen av medel för {year} ({aff_sv}) var inte uppenbart utanför ramen för avsedda ändamål: staden har ingen rätt att kräva återbetalning.",
            en=f"The use of funds for {year} ({aff_en}) was not manifestly outside the intended purposes: the city has no right to claim repayment.",
        )
    else:
        text = Text(
            sv=f"Om medel för {year} ({aff_sv}) använts uppenbart utanför ramen för avsedda ändamål är ännu inte avgjort.",
            en=f"Whether funds for {year} ({aff_en}) were manifestly used outside the intended purposes is not yet decided.",
        )
    lines.append(RepaymentLine(section=SECTION, quote=q_repayment, text=text, amount=affected))

    if case.manifest is not False:
        for letter, found in determinations:
            sv, en = _determination(letter, found)
            quote = f"{q_exemption} … {letter}) {ctx.quote(SECTION, f'exemption_{letter}')}"
            lines.append(RepaymentLine(section=SECTION, letter=letter, quote=quote, text=Text(sv=sv, en=en)))

    if status in ("claimable", "needs_assessment"):
        paid_sv, paid_en = _sek(grant_paid)
        cap_sv, cap_en = _sek(capped)
        lines.append(
            RepaymentLine(
                section=GRANT_SECTION,
                quote=ctx.quote(GRANT_SECTION, "grant_payment"),
                text=Text(
                    sv=f"Utbetalt bidrag för {year} per {ctx.as_of.isoformat()}: {paid_sv}.",
                    en=f"Grant paid for {year} as of {ctx.as_of.isoformat()}: {paid_en}.",
                ),
                amount=grant_paid,
            )
        )
        lines.append(
            RepaymentLine(
                section=SECTION,
                quote=q_repayment,
                text=Text(
                    sv=f"Berört belopp {aff_sv}, högst det utbetalda bidraget {paid_sv}: {cap_sv}.",
                    en=f"Amount affected {aff_en}, capped at the grant paid {paid_en}: {cap_en}.",
                ),
                amount=capped,
            )
        )
        rep_sv, rep_en = _sek(repaid)
        lines.append(
            RepaymentLine(
                section=SECTION,
                quote=q_repayment,
                text=Text(sv=f"Redan återbetalt: {rep_sv}.", en=f"Already repaid: {rep_en}."),
                amount=repaid,
            )
        )
        ceil_sv, ceil_en = _sek(ceiling)
        if status == "claimable":
            text = Text(
                sv=f"Varken (a) eller (b) gäller: {cap_sv} − {rep_sv} = {ceil_sv} kan krävas.",
                en=f"Neither (a) nor (b) applies: {cap_en} − {rep_en} = {ceil_en} is claimable.",
            )
        else:
            text = Text(
                sv=f"Om varken (a) eller (b) gäller kan högst {cap_sv} − {rep_sv} = {ceil_sv} krävas.",
                en=f"If neither (a) nor (b) applies, at most {cap_en} − {rep_en} = {ceil_en} is claimable.",
            )
        lines.append(RepaymentLine(section=SECTION, quote=q_repayment, text=text, amount=ceiling))

    if case.claims:
        cl_sv, cl_en = _sek(claimed)
        lines.append(
            RepaymentLine(
                section=SECTION,
                quote=q_repayment,
                text=Text(sv=f"Staden har krävt sammanlagt {cl_sv}.", en=f"The city has claimed {cl_en} in all."),
                amount=claimed,
            )
        )
    if excess is not None:
        ex_sv, ex_en = _sek(excess)
        ent_sv, ent_en = _sek(money(entitlement))
        lines.append(
            RepaymentLine(
                section=SECTION,
                letter=established[0] if status == "exempt" else None,
                quote=q_repayment if status != "exempt" else f"{q_exemption} … {ctx.quote(SECTION, f'exemption_{established[0]}')}",
                text=Text(
                    sv=f"Kravet överstiger det som får krävas på ärendet ({ent_sv}) med {ex_sv}.",
                    en=f"The claims exceed what may be claimed on the case ({ent_en}) by {ex_en}.",
                ),
                amount=excess,
            )
        )

    outcome = _message(status, established, undecided, claimable, year)
    message = Text(
        sv=f"Ärende {case.id} (medel för {year}, berört belopp {aff_sv}) — {outcome.sv}",
        en=f"Case {case.id} (funds for {year}, amount affected {aff_en}) — {outcome.en}",
    )
    return RepaymentAssessment(
        case_id=case.id,
        as_of=ctx.as_of,
        grant_year=year,
        status=status,
        exempt_under=established,
        undecided=undecided,
        affected=affected,
        grant_paid=grant_paid,
        repaid=repaid,
        ceiling=ceiling,
        claimable=claimable,
        claimed=claimed,
        excess_claimed=excess,
        message=message,
        lines=tuple(lines),
        evidence=_evidence(ctx, case, status in ("claimable", "needs_assessment")),
    )


_UNDECIDED_SV = {"manifest": "om användningen var uppenbart utanför ramen", "a": "undantag (a)", "b": "undantag (b)"}
_UNDECIDED_EN = {"manifest": "whether the use was manifestly outside the purposes", "a": "exemption (a)", "b": "exemption (b)"}


def _join(parts: list[str], lang: str) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + (" och " if lang == "sv" else " and ") + parts[-1]


def _message(
    status: RepaymentStatus, established: tuple[Letter, ...], undecided: tuple[Undecided, ...], claimable: Decimal, year: int
) -> Text:
    if status == "not_manifest":
        return Text(
            sv="Ingen rätt att kräva återbetalning: användningen var inte uppenbart utanför ramen (§8).",
            en="No right to claim repayment: the use was not manifestly outside the purposes (§8).",
        )
    if status == "exempt":
        letters_sv = _join([f"({x})" for x in established], "sv")
        letters_en = _join([f"({x})" for x in established], "en")
        return Text(
            sv=f"Återbetalning ska inte ske: undantaget i §8 {letters_sv} är fastställt.",
            en=f"No repayment: the exemption of §8 {letters_en} is established.",
        )
    if status == "needs_assessment":
        return Text(
            sv=f"Kräver bedömning: {_join([_UNDECIDED_SV[u] for u in undecided], 'sv')} måste avgöras (§8).",
            en=f"Needs assessment: {_join([_UNDECIDED_EN[u] for u in undecided], 'en')} must be decided (§8).",
        )
    sv, en = _sek(claimable)
    return Text(
        sv=f"Staden kan kräva återbetalning av {sv} (medel för {year}, §8).",
        en=f"The city may claim repayment of {en} (funds for {year}, §8).",
    )


def assess_all(ctx: Context) -> tuple[RepaymentAssessment, ...]:
    """Every misuse case known in the context, assessed, by id."""
    return tuple(assess_case(ctx, case) for case in sorted(ctx.facts.misuse_cases, key=lambda c: c.id))


def assess_repayment(
    agreement: Agreement, facts: Facts, case_id: str, as_of: dt.date | None = None
) -> RepaymentAssessment:
    """May city claim repayment on misuse case ``case_id``, how much, and why, as known on ``as_of``.

    ``as_of`` defaults to the snapshot's ``as_of``, else today. An unknown case id, or a case not yet known on
    that day, raises InputError naming it.
    """
    if not isinstance(case_id, str):
        raise InputError(
            f"case_id: {case_id!r} är inget ärende-id (text)", f"case_id: {case_id!r} is not a case id (text)"
        )
    ctx = context_for(agreement, facts, as_of)
    case = next((c for c in ctx.facts.misuse_cases if c.id == case_id), None)
    if case is not None:
        return assess_case(ctx, case)
    later = next((c for c in facts.misuse_cases if c.id == case_id), None)
    if later is not None:
        raise InputError(
            f"case_id: ärendet {case_id!r} är känt först från {later.date.isoformat()}, efter {ctx.as_of.isoformat()}",
            f"case_id: the case {case_id!r} is known only from {later.date.isoformat()}, after {ctx.as_of.isoformat()}",
        )
    known = ", ".join(sorted(c.id for c in ctx.facts.misuse_cases)) or "inga / none"
    raise InputError(
        f"case_id: inget ärende om felaktig medelsanvändning har id {case_id!r}; kända: {known}",
        f"case_id: no misuse case has the id {case_id!r}; known: {known}",
    )
