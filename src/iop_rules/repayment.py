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
- The cap is per grant year, across all cases on that year's funds (``year_share``): what fa has repaid on the
  year's cases is already back; the cases that are claimable or still to be assessed take their affected amounts
  less their repayments in the order they became known (case date, then id), each from what the earlier ones
  left, so together they never exceed the grant paid less what was repaid. Two cases of 150 000 kr on a
  200 000 kr grant take 150 000 kr and 50 000 kr.
- "avsedda ändamål" are the purposes and target group of §1: the first line quotes them.

The library never decides ``manifest``, (a) or (b): they are recorded determinations (``facts.MisuseCase``),
each with the body that made it when known. Until both are decided nothing says that the city may claim.

Claims add up, like payments, and a repayment pays towards what is claimed. Each claim is compared with what
could be claimed on its own day, after the repayments made by then: a claim of 30 000 kr made after a
repayment of 10 000 kr on a 30 000 kr case exceeds it by 10 000 kr. While the case awaits assessment that day,
the upper bound counts, so only a claim that no decision could justify is flagged; once the case is exempt or
not manifest, any claim still outstanding is excess in full. The right to claim survives the agreement's end.
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
    grant_left: Sek
    """What remains of that grant for this case: the grant paid, less what fa has repaid on the year's cases and
    the shares of the earlier cases on the year's funds that are claimable or still to be assessed (the cap is
    per grant year, across all its cases)."""
    repaid: Sek
    """What fa has already repaid on the case."""
    ceiling: Sek
    """What would be claimable if neither exemption applied: the affected amount less what was repaid on the
    case, capped at what remains of the grant paid (``grant_left``)."""
    claimable: Sek
    """What city may claim now: ``ceiling`` when the status is ``claimable``, otherwise 0."""
    claimed: Sek
    """What city has claimed on the case, in total."""
    excess_claimed: Sek | None = None
    """How much the claims outstanding exceed what could be claimed on the day of a claim (after the repayments
    made by then), at most; or, once the case is exempt or not manifest, the claims outstanding. Null when they
    do not."""
    message: Text
    """The outcome in a sentence, in Swedish and English."""
    lines: tuple[RepaymentLine, ...]
    """The steps, in order: manifest, the intended purposes (§1), (a), (b), the amounts, the claims."""
    evidence: tuple[Evidence, ...] = ()
    """The facts used."""


def _sek(amount: Decimal) -> tuple[str, str]:
    return format_sek(amount, "sv"), format_sek(amount, "en")


def _determination(letter: Letter, found: Determination | None) -> tuple[str, str]:
    label = f"({letter})"
    if found is None:
        return f"Undantag {label} är ännu inte avgjort.", f"Exemption {label} is not yet decided."
    day = found.date.isoformat()
    by_sv = f" av {found.body}" if found.body else ""
    by_en = f" by {found.body}" if found.body else ""
    if found.outcome == "established":
        return (
            f"Undantag {label} fastställdes {day}{by_sv}: återbetalning ska inte ske.",
            f"Exemption {label} was established on {day}{by_en}: there is to be no repayment.",
        )
    return f"Undantag {label} avslogs {day}{by_sv}.", f"Exemption {label} was rejected on {day}{by_en}."


def _status(case: MisuseCase) -> tuple[RepaymentStatus, tuple[Letter, ...], tuple[Undecided, ...]]:
    """The case's outcome from its recorded determinations: status, exemptions established, what is undecided."""
    determinations: tuple[tuple[Letter, Determination | None], ...] = (("a", case.care_shown), ("b", case.disproportionate))
    established = tuple(letter for letter, found in determinations if found is not None and found.outcome == "established")
    if case.manifest is False:
        return "not_manifest", established, ()
    if established:
        return "exempt", established, ()
    pending: list[Undecided] = ["manifest"] if case.manifest is None else []
    pending.extend(letter for letter, found in determinations if found is None)
    return ("needs_assessment" if pending else "claimable"), (), tuple(pending)


def _may_be_claimed(status: RepaymentStatus) -> bool:
    """Whether a case in this status takes a share of its year's grant: claimable, or still to be assessed."""
    return status in ("claimable", "needs_assessment")


def _order(case: MisuseCase) -> tuple[dt.date, str]:
    return (case.date, case.id)


class Share(BaseModel):
    """How a case shares the cap of its grant year with the other cases on that year's funds."""

    model_config = REPORT_CONFIG

    grant_paid: Sek
    """The grant paid for the year, as known on the day."""
    repaid_on_year: Sek
    """What fa has already repaid on the year's cases that are claimable or still to be assessed (this one
    included): money already back, which no case can claim again."""
    before: tuple[tuple[str, Sek], ...]
    """The earlier cases on the year's funds that take a share, in order (case date, then id), with their share."""
    left: Sek
    """What remains of the grant paid for this case: the grant paid, less those repayments and the earlier
    cases' shares (never below 0)."""
    ceiling: Sek
    """This case's share: its affected amount less what was repaid on it, capped at what remains."""


def _repaid(case: MisuseCase) -> Decimal:
    return money(sum((r.amount for r in case.repayments), Decimal(0)))


def _own_share(case: MisuseCase, left: Decimal) -> Decimal:
    return money(min(max(money(case.amount) - _repaid(case), Decimal(0)), max(left, Decimal(0))))


def year_share(facts: Facts, case: MisuseCase) -> Share:
    """The case's share of its grant year's cap, from the facts known on a day.

    The cap is per grant year, across all cases on that year's funds: of the grant paid, what fa has already
    repaid on the year's cases is back, and the rest is shared by the cases that are claimable or still to be
    assessed, each taking its affected amount less its repayments, in the order the cases became known (case
    date, then id), from what the earlier ones left. Together what may be claimed never exceeds the grant paid
    less what was repaid. A case that is exempt or not manifest takes nothing; its own figure is what would be
    left for it.
    """
    year = case.grant_year
    paid = money(sum((p.amount for p in facts.grant_payments if p.grant_year == year), Decimal(0)))
    cases = sorted((c for c in facts.misuse_cases if c.grant_year == year), key=_order)
    sharing = [c for c in cases if _may_be_claimed(_status(c)[0])]
    repaid_on_year = money(sum((_repaid(c) for c in sharing), Decimal(0)))
    if case not in sharing:
        repaid_on_year = money(repaid_on_year + _repaid(case))
    left = paid - repaid_on_year
    before: list[tuple[str, Decimal]] = []
    for other in sharing:
        if _order(other) >= _order(case):
            break
        share = _own_share(other, left)
        before.append((other.id, share))
        left -= share
    left = money(max(left, Decimal(0)))
    return Share(
        grant_paid=paid, repaid_on_year=repaid_on_year, before=tuple(before), left=left, ceiling=_own_share(case, left)
    )


def _limit_on(ctx: Context, case: MisuseCase, day: dt.date) -> tuple[Decimal, RepaymentStatus]:
    """What could be claimed on the case on ``day`` (its share after the repayments made by then; the upper bound
    while it awaits assessment; nothing once exempt or not manifest), and its status that day."""
    known = ctx.facts.visible(day)
    then = next(c for c in known.misuse_cases if c.id == case.id)
    status = _status(then)[0]
    if not _may_be_claimed(status):
        return money(Decimal(0)), status
    return year_share(known, then).ceiling, status


def _purposes_line(ctx: Context) -> RepaymentLine:
    """ "avsedda ändamål": the purposes and target group of §1."""
    quote = " … ".join(ctx.quote("1", key) for key in ("target_group", "purpose_support", "purpose_prevention"))
    return RepaymentLine(
        section="1",
        quote=quote,
        text=Text(
            sv="De avsedda ändamålen är överenskommelsens syften och målgrupp enligt §1.",
            en="The intended purposes are the agreement's purposes and target group under §1.",
        ),
    )


def _evidence(ctx: Context, case: MisuseCase, share: Share | None) -> tuple[Evidence, ...]:
    detail = f"grant_year={case.grant_year}; amount {case.amount}; manifest={case.manifest}"
    for field in ("care_shown", "disproportionate"):
        found: Determination | None = getattr(case, field)
        if found is None:
            detail += f"; {field}=undecided"
        else:
            detail += f"; {field}={found.outcome} {found.date.isoformat()}" + (f" ({found.body})" if found.body else "")
    out = [Evidence(fact="misuse_cases", id=case.id, date=case.date, detail=detail)]
    # The grant paid, the other cases' shares and the repayments matter only where an amount may be claimed.
    if share is not None:
        out.extend(
            Evidence(fact="grant_payments", id=p.id, date=p.date, detail=f"amount {p.amount}")
            for p in ctx.facts.grant_payments
            if p.grant_year == case.grant_year
        )
        dates = {c.id: c.date for c in ctx.facts.misuse_cases}
        out.extend(
            Evidence(fact="misuse_cases", id=other, date=dates[other], detail=f"share of the {case.grant_year} grant {amount}")
            for other, amount in share.before
        )
        out.extend(Evidence(fact="repayments", id=r.id, date=r.date, detail=f"amount {r.amount}") for r in case.repayments)
    out.extend(Evidence(fact="claims", id=c.id, date=c.date, detail=f"amount {c.amount}") for c in case.claims)
    return tuple(sorted(out, key=lambda e: (e.date or dt.date.min, e.fact, e.id)))


def _claim_lines(
    ctx: Context, case: MisuseCase, status: RepaymentStatus, q_repayment: str
) -> tuple[list[RepaymentLine], Decimal | None]:
    """Each claim against what could be claimed on its own day, after the repayments made by then.

    Claims add up like payments and a repayment pays towards what is claimed: the claims outstanding on a day are
    compared with what could be claimed that day. Once the case is exempt or not manifest, nothing may be claimed,
    so a claim still outstanding is excess in full.
    """
    events: list[tuple[dt.date, int, str, Decimal]] = [(r.date, 0, r.id, r.amount) for r in case.repayments]
    events.extend((c.date, 1, c.id, c.amount) for c in case.claims)
    outstanding = Decimal(0)
    excess: Decimal | None = None
    lines: list[RepaymentLine] = []
    for day, kind, record, amount in sorted(events):
        if kind == 0:
            outstanding = max(outstanding - amount, Decimal(0))
            continue
        outstanding += amount
        limit, then = _limit_on(ctx, case, day)
        amount_sv, amount_en = _sek(money(amount))
        out_sv, out_en = _sek(money(outstanding))
        lim_sv, lim_en = _sek(limit)
        when = day.isoformat()
        if then == "needs_assessment":
            basis = ("som högst skulle kunna bli aktuellt", "the most that could arise")
        else:
            basis = ("som fick krävas", "what could be claimed")
        lines.append(
            RepaymentLine(
                section=SECTION,
                quote=q_repayment,
                text=Text(
                    sv=f"Krav {record} {when}: {amount_sv}; obetalda krav på ärendet {out_sv}; {basis[0]} den dagen, efter "
                    f"återbetalningar dittills: {lim_sv}.",
                    en=f"Claim {record} on {when}: {amount_en}; claims outstanding on the case {out_en}; {basis[1]} that "
                    f"day, after the repayments made by then: {lim_en}.",
                ),
                amount=money(amount),
            )
        )
        if outstanding > limit:
            over = money(outstanding - limit)
            excess = over if excess is None else max(excess, over)
            ex_sv, ex_en = _sek(over)
            lines.append(
                RepaymentLine(
                    section=SECTION,
                    quote=q_repayment,
                    text=Text(
                        sv=f"Kravet överstiger det som fick krävas på ärendet den dagen ({lim_sv}) med {ex_sv}.",
                        en=f"The claims exceed what could be claimed on the case that day ({lim_en}) by {ex_en}.",
                    ),
                    amount=over,
                )
            )
    if not _may_be_claimed(status) and outstanding > 0:
        over = money(outstanding)
        if excess is None or over > excess:
            excess = over
            ex_sv, ex_en = _sek(over)
            lines.append(
                RepaymentLine(
                    section=SECTION,
                    quote=q_repayment,
                    text=Text(
                        sv=f"Ingen återbetalning får krävas på ärendet nu; obetalda krav {ex_sv} överstiger det med hela beloppet.",
                        en=f"No repayment may be claimed on the case now; the outstanding claims of {ex_en} exceed that in full.",
                    ),
                    amount=over,
                )
            )
    return lines, excess


def _amount_lines(
    ctx: Context, case: MisuseCase, status: RepaymentStatus, share: Share, q_repayment: str
) -> list[RepaymentLine]:
    """The amounts, line by line: the grant paid, how the year's cases share it, this case's share."""
    year = case.grant_year
    affected, repaid, ceiling = money(case.amount), _repaid(case), share.ceiling
    aff_sv, aff_en = _sek(affected)
    paid_sv, paid_en = _sek(share.grant_paid)
    left_sv, left_en = _sek(share.left)
    rep_sv, rep_en = _sek(repaid)
    net_sv, net_en = _sek(money(max(affected - repaid, Decimal(0))))
    ceil_sv, ceil_en = _sek(ceiling)
    lines = [
        RepaymentLine(
            section=GRANT_SECTION,
            quote=ctx.quote(GRANT_SECTION, "grant_payment"),
            text=Text(
                sv=f"Utbetalt bidrag för {year} per {ctx.as_of.isoformat()}: {paid_sv}.",
                en=f"Grant paid for {year} as of {ctx.as_of.isoformat()}: {paid_en}.",
            ),
            amount=share.grant_paid,
        )
    ]
    parts_sv: list[str] = []
    parts_en: list[str] = []
    if share.repaid_on_year > 0:
        year_sv, year_en = _sek(share.repaid_on_year)
        parts_sv.append(f"{year_sv} har redan återbetalats på årets ärenden")
        parts_en.append(f"{year_en} has already been repaid on the year's cases")
    if share.before:
        parts_sv.append("tidigare kända ärenden tar " + ", ".join(f"{i} {format_sek(a, 'sv')}" for i, a in share.before))
        parts_en.append("cases known earlier take " + ", ".join(f"{i} {format_sek(a, 'en')}" for i, a in share.before))
    if parts_sv:
        lines.append(
            RepaymentLine(
                section=SECTION,
                quote=q_repayment,
                text=Text(
                    sv="Taket gäller per bidragsår för årets alla ärenden tillsammans, i den ordning de blev kända: "
                    f"{' och '.join(parts_sv)}; kvar för detta ärende {left_sv}.",
                    en="The cap is per grant year, shared by all the year's cases in the order they became known: "
                    f"{' and '.join(parts_en)}; left for this case {left_en}.",
                ),
                amount=share.left,
            )
        )
    lines.append(
        RepaymentLine(
            section=SECTION,
            quote=q_repayment,
            text=Text(sv=f"Redan återbetalt på ärendet: {rep_sv}.", en=f"Already repaid on the case: {rep_en}."),
            amount=repaid,
        )
    )
    lines.append(
        RepaymentLine(
            section=SECTION,
            quote=q_repayment,
            text=Text(
                sv=f"Berört belopp {aff_sv} − återbetalt {rep_sv} = {net_sv}, högst det som återstår av bidraget "
                f"({left_sv}): {ceil_sv}.",
                en=f"Amount affected {aff_en} − repaid {rep_en} = {net_en}, capped at what remains of the grant "
                f"({left_en}): {ceil_en}.",
            ),
            amount=ceiling,
        )
    )
    if status == "claimable":
        text = Text(
            sv=f"Varken (a) eller (b) gäller: {ceil_sv} kan krävas.",
            en=f"Neither (a) nor (b) applies: {ceil_en} is claimable.",
        )
    else:
        text = Text(
            sv=f"Beloppstak för ärendet: {ceil_sv}. Återbetalning kan bli aktuell först om det avgjorts att varken "
            "(a) eller (b) gäller.",
            en=f"Upper limit for the case: {ceil_en}. Repayment can arise only once it is decided that neither (a) "
            "nor (b) applies.",
        )
    lines.append(RepaymentLine(section=SECTION, quote=q_repayment, text=text, amount=ceiling))
    return lines


def assess_case(ctx: Context, case: MisuseCase) -> RepaymentAssessment:
    """The §8 outcome of one misuse case known in the context."""
    q_repayment = ctx.quote(SECTION, "repayment")
    q_exemption = ctx.quote(SECTION, "exemption")
    year = case.grant_year
    affected = money(case.amount)
    share = year_share(ctx.facts, case)
    grant_paid = share.grant_paid
    repaid = money(sum((r.amount for r in case.repayments), Decimal(0)))
    claimed = money(sum((c.amount for c in case.claims), Decimal(0)))
    ceiling = share.ceiling
    status, established, undecided = _status(case)
    claimable = ceiling if status == "claimable" else money(Decimal(0))
    determinations: tuple[tuple[Letter, Determination | None], ...] = (("a", case.care_shown), ("b", case.disproportionate))

    lines: list[RepaymentLine] = []
    aff_sv, aff_en = _sek(affected)
    # Until (a) and (b) are decided nothing here says that the city may claim: the case needs assessment.
    if case.manifest is True:
        text = Text(
            sv=f"Medel för {year} har använts uppenbart utanför ramen för avsedda ändamål; berört belopp {aff_sv}.",
            en=f"Funds for {year} were manifestly used outside the intended purposes; amount affected {aff_en}.",
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
    lines.append(_purposes_line(ctx))

    if case.manifest is not False:
        for letter, found in determinations:
            sv, en = _determination(letter, found)
            quote = f"{q_exemption} … {letter}) {ctx.quote(SECTION, f'exemption_{letter}')}"
            lines.append(RepaymentLine(section=SECTION, letter=letter, quote=quote, text=Text(sv=sv, en=en)))

    if _may_be_claimed(status):
        lines.extend(_amount_lines(ctx, case, status, share, q_repayment))

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
    claim_lines, excess = _claim_lines(ctx, case, status, q_repayment)
    lines.extend(claim_lines)

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
        grant_left=share.left,
        repaid=repaid,
        ceiling=ceiling,
        claimable=claimable,
        claimed=claimed,
        excess_claimed=excess,
        message=message,
        lines=tuple(lines),
        evidence=_evidence(ctx, case, share if _may_be_claimed(status) else None),
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
