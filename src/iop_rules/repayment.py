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
from bisect import bisect_left
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel

from ._types import Day, InputError, Sek
from .agreement import Agreement
from .catalogue import Msg, msg
from .context import Context, context_for
from .facts import Determination, Facts, GrantPayment, MisuseCase
from .indexes import FactIndex
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


def _determination(letter: Letter, found: Determination | None) -> Msg:
    if found is None:
        return msg("repayment.exemption.undecided", letter=letter)
    if found.outcome == "established":
        if found.body:
            return msg("repayment.exemption.established.by", letter=letter, day=found.date, body=found.body)
        return msg("repayment.exemption.established", letter=letter, day=found.date)
    if found.body:
        return msg("repayment.exemption.rejected.by", letter=letter, day=found.date, body=found.body)
    return msg("repayment.exemption.rejected", letter=letter, day=found.date)


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


LISTED = 10
"""How many records a §8 step or its evidence names one by one (the grant payments of a year, the earlier cases'
shares); beyond that they are given as a count and a total, so that an assessment keeps its size however many
cases share a grant year (each earlier case's share is explained in its own assessment)."""


class Share(BaseModel):
    """How a case shares the cap of its grant year with the other cases on that year's funds."""

    model_config = REPORT_CONFIG

    grant_paid: Sek
    """The grant paid for the year, as known on the day."""
    repaid_on_year: Sek
    """What fa has already repaid on the year's cases that are claimable or still to be assessed (this one
    included): money already back, which no case can claim again."""
    before: tuple[tuple[str, Sek], ...]
    """The earlier cases on the year's funds that take a share, in order (case date, then id), with their share,
    when there are at most ``LISTED`` of them; otherwise empty (``before_count`` and ``before_total`` say it)."""
    before_count: int
    """How many earlier cases on the year's funds take a share."""
    before_total: Sek
    """What the earlier cases take in all."""
    left: Sek
    """What remains of the grant paid for this case: the grant paid, less those repayments and the earlier
    cases' shares (never below 0)."""
    ceiling: Sek
    """This case's share: its affected amount less what was repaid on it, capped at what remains."""


def _repaid(case: MisuseCase) -> Decimal:
    return money(sum((r.amount for r in case.repayments), Decimal(0)))


def _net(case: MisuseCase) -> Decimal:
    """The case's affected amount less what was repaid on it (never below 0)."""
    return money(max(money(case.amount) - _repaid(case), Decimal(0)))


@dataclass(frozen=True)
class _YearFunds:
    """A grant year's funds as known on a day: the grant paid, and the cases that share it in order, with the
    running total of what they would take uncapped (so that any case's share is found without a scan)."""

    payments: tuple[GrantPayment, ...]
    paid: Decimal
    sharing: tuple[MisuseCase, ...]
    orders: tuple[tuple[dt.date, str], ...]
    nets: tuple[Decimal, ...]
    running: tuple[Decimal, ...]
    """``running[k]``: what the first ``k`` sharing cases would take with no cap."""
    repaid: Decimal
    """What was repaid on the sharing cases."""


def _funds(index: FactIndex, year: int) -> _YearFunds:
    def build() -> _YearFunds:
        payments = index.payments_by_grant_year.get(year, ())
        # Grouped by day, then id: the order the cases became known (``_order``).
        sharing = tuple(c for c in index.cases_by_grant_year.get(year, ()) if _may_be_claimed(_status(c)[0]))
        nets = tuple(_net(c) for c in sharing)
        running = [Decimal(0)]
        for net in nets:
            running.append(running[-1] + net)
        return _YearFunds(
            payments=payments,
            paid=money(sum((p.amount for p in payments), Decimal(0))),
            sharing=sharing,
            orders=tuple(_order(c) for c in sharing),
            nets=nets,
            running=tuple(running),
            repaid=money(sum((_repaid(c) for c in sharing), Decimal(0))),
        )

    return index.derived(("repayment.year_funds", year), build)


def year_share(facts: Facts, case: MisuseCase) -> Share:
    """The case's share of its grant year's cap, from the facts known on a day.

    The cap is per grant year, across all cases on that year's funds: of the grant paid, what fa has already
    repaid on the year's cases is back, and the rest is shared by the cases that are claimable or still to be
    assessed, each taking its affected amount less its repayments, in the order the cases became known (case
    date, then id), from what the earlier ones left. Together what may be claimed never exceeds the grant paid
    less what was repaid. A case that is exempt or not manifest takes nothing; its own figure is what would be
    left for it.
    """
    return _share(FactIndex(facts), case)


def _share(index: FactIndex, case: MisuseCase) -> Share:
    funds = _funds(index, case.grant_year)
    repaid_on_year = funds.repaid
    if not _may_be_claimed(_status(case)[0]):
        repaid_on_year = money(repaid_on_year + _repaid(case))
    # Taken in turn, each earlier case takes its net amount from what is left, never below 0; so what is left after
    # the first k is the start less their uncapped total, never below 0, and needs no walk through them.
    start = funds.paid - repaid_on_year
    count = bisect_left(funds.orders, _order(case))
    before: tuple[tuple[str, Decimal], ...] = ()
    if count <= LISTED:
        before = tuple(
            (other.id, money(min(net, max(start - funds.running[k], Decimal(0)))))
            for k, (other, net) in enumerate(zip(funds.sharing[:count], funds.nets[:count], strict=True))
        )
    left = money(max(start - funds.running[count], Decimal(0)))
    return Share(
        grant_paid=funds.paid,
        repaid_on_year=repaid_on_year,
        before=before,
        before_count=count,
        before_total=money(min(funds.running[count], max(start, Decimal(0)))),
        left=left,
        ceiling=money(min(_net(case), left)),
    )


def _limit_on(ctx: Context, case: MisuseCase, day: dt.date) -> tuple[Decimal, RepaymentStatus]:
    """What could be claimed on the case on ``day`` (its share after the repayments made by then; the upper bound
    while it awaits assessment; nothing once exempt or not manifest), and its status that day."""
    known = ctx.index.on(day)
    then = known.cases_by_id[case.id]
    status = _status(then)[0]
    if not _may_be_claimed(status):
        return money(Decimal(0)), status
    return _share(known, then).ceiling, status


def _purposes_line(ctx: Context) -> RepaymentLine:
    """ "avsedda ändamål": the purposes and target group of §1."""
    quote = " … ".join(ctx.quote("1", key) for key in ("target_group", "purpose_support", "purpose_prevention"))
    return RepaymentLine(
        section="1",
        quote=quote,
        text=Text.of(msg("repayment.purposes")),
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
        year = case.grant_year
        funds = _funds(ctx.index, year)
        if len(funds.payments) <= LISTED:
            out.extend(
                Evidence(fact="grant_payments", id=p.id, date=p.date, detail=f"amount {p.amount}") for p in funds.payments
            )
        else:
            out.append(
                Evidence(
                    fact="grant_payments",
                    id=f"grant_year={year}",
                    date=funds.payments[-1].date,
                    detail=f"{len(funds.payments)} payments, total {funds.paid}",
                )
            )
        if share.before_count <= LISTED:
            cases = ctx.index.cases_by_id
            out.extend(
                Evidence(fact="misuse_cases", id=other, date=cases[other].date, detail=f"share of the {year} grant {amount}")
                for other, amount in share.before
            )
        else:
            out.append(
                Evidence(
                    fact="misuse_cases",
                    id=f"grant_year={year}",
                    date=funds.sharing[share.before_count - 1].date,
                    detail=f"{share.before_count} earlier cases' shares of the {year} grant, total {share.before_total}",
                )
            )
        out.extend(Evidence(fact="repayments", id=r.id, date=r.date, detail=f"amount {r.amount}") for r in case.repayments)
    out.extend(Evidence(fact="claims", id=c.id, date=c.date, detail=f"amount {c.amount}") for c in case.claims)
    return tuple(sorted(out, key=lambda e: (e.date or dt.date.min, e.fact, e.id)))


def _claim_lines(
    ctx: Context, case: MisuseCase, status: RepaymentStatus, q_repayment: str, steps: bool = True
) -> tuple[list[RepaymentLine], Decimal | None]:
    """Each claim against what could be claimed on its own day, after the repayments made by then; without
    ``steps``, only the excess (no line written).

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
        if steps:
            basis = msg("repayment.basis.at_most") if then == "needs_assessment" else msg("repayment.basis.may")
            text = msg(
                "repayment.claim",
                record=record,
                day=day,
                amount=money(amount),
                outstanding=money(outstanding),
                basis=basis,
                limit=limit,
            )
            lines.append(_line(q_repayment, text, money(amount)))
        if outstanding > limit:
            over = money(outstanding - limit)
            excess = over if excess is None else max(excess, over)
            if steps:
                lines.append(_line(q_repayment, msg("repayment.claim.excess", limit=limit, excess=over), over))
    if not _may_be_claimed(status) and outstanding > 0:
        over = money(outstanding)
        if excess is None or over > excess:
            excess = over
            if steps:
                lines.append(_line(q_repayment, msg("repayment.claim.none_now", excess=over), over))
    return lines, excess


def _line(quote: str, message: Msg, amount: Decimal) -> RepaymentLine:
    """A §8 step about an amount: the repayment clause's words, what the step found and the amount."""
    return RepaymentLine(section=SECTION, quote=quote, text=Text.of(message), amount=amount)


def _amount_lines(
    ctx: Context, case: MisuseCase, status: RepaymentStatus, share: Share, q_repayment: str
) -> list[RepaymentLine]:
    """The amounts, line by line: the grant paid, how the year's cases share it, this case's share."""
    year = case.grant_year
    affected, repaid, ceiling = money(case.amount), _repaid(case), share.ceiling
    lines = [
        RepaymentLine(
            section=GRANT_SECTION,
            quote=ctx.quote(GRANT_SECTION, "grant_payment"),
            text=Text.of(msg("repayment.grant_paid", year=year, day=ctx.as_of, paid=share.grant_paid)),
            amount=share.grant_paid,
        )
    ]
    parts: list[Msg] = []
    if share.repaid_on_year > 0:
        parts.append(msg("repayment.shared.repaid", amount=share.repaid_on_year))
    if share.before:
        taken = tuple(msg("repayment.taken", case=other, amount=amount) for other, amount in share.before)
        parts.append(msg("repayment.shared.before", taken=taken))
    elif share.before_count:
        parts.append(msg("repayment.shared.before.total", n=share.before_count, total=share.before_total))
    if parts:
        lines.append(_line(q_repayment, msg("repayment.shared", parts=tuple(parts), left=share.left), share.left))
    lines.append(_line(q_repayment, msg("repayment.repaid", repaid=repaid), repaid))
    net = money(max(affected - repaid, Decimal(0)))
    capped = msg("repayment.capped", affected=affected, repaid=repaid, net=net, left=share.left, ceiling=ceiling)
    lines.append(_line(q_repayment, capped, ceiling))
    if status == "claimable":
        text = msg("repayment.claimable_sum", ceiling=ceiling)
    else:
        text = msg("repayment.upper_limit", ceiling=ceiling)
    lines.append(_line(q_repayment, text, ceiling))
    return lines


def assess_case(ctx: Context, case: MisuseCase, *, steps: bool = True) -> RepaymentAssessment:
    """The §8 outcome of one misuse case known in the context.

    ``steps=False`` leaves the steps out (``lines`` empty) and changes nothing else: what the §8 clause needs on
    every evaluation day, without writing the sentences that only ``explain`` and the ``repayment`` command show
    (a step names the evaluation day, so writing them also tied the clause's result in the timeline to that one
    day, and the clause was evaluated again on 32 of the example's 67 computed days instead of 2).
    """
    q_repayment = ctx.quote(SECTION, "repayment")
    q_exemption = ctx.quote(SECTION, "exemption")
    year = case.grant_year
    affected = money(case.amount)
    share = _share(ctx.index, case)
    grant_paid = share.grant_paid
    repaid = _repaid(case)
    claimed = money(sum((c.amount for c in case.claims), Decimal(0)))
    ceiling = share.ceiling
    status, established, undecided = _status(case)
    claimable = ceiling if status == "claimable" else money(Decimal(0))
    determinations: tuple[tuple[Letter, Determination | None], ...] = (("a", case.care_shown), ("b", case.disproportionate))

    lines: list[RepaymentLine] = []
    if steps:
        # Until (a) and (b) are decided nothing here says that the city may claim: the case needs assessment.
        if case.manifest is True:
            text = msg("repayment.manifest", year=year, affected=affected)
        elif case.manifest is False:
            text = msg("repayment.not_manifest", year=year, affected=affected)
        else:
            text = msg("repayment.manifest_undecided", year=year, affected=affected)
        lines.append(_line(q_repayment, text, affected))
        lines.append(_purposes_line(ctx))

        if case.manifest is not False:
            for letter, found in determinations:
                quote = f"{q_exemption} … {letter}) {ctx.quote(SECTION, f'exemption_{letter}')}"
                lines.append(
                    RepaymentLine(section=SECTION, letter=letter, quote=quote, text=Text.of(_determination(letter, found)))
                )

        if _may_be_claimed(status):
            lines.extend(_amount_lines(ctx, case, status, share, q_repayment))

        if case.claims:
            lines.append(_line(q_repayment, msg("repayment.claimed", claimed=claimed), claimed))
    claim_lines, excess = _claim_lines(ctx, case, status, q_repayment, steps)
    lines.extend(claim_lines)

    message = Text.of(_case_message(case.id, year, affected, _message(status, established, undecided, claimable, year)))
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


_UNDECIDED: dict[str, Msg] = {
    "manifest": msg("repayment.undecided.manifest"),
    "a": msg("repayment.undecided.a"),
    "b": msg("repayment.undecided.b"),
}


def _message(
    status: RepaymentStatus, established: tuple[Letter, ...], undecided: tuple[Undecided, ...], claimable: Decimal, year: int
) -> Msg:
    if status == "not_manifest":
        return msg("repayment.outcome.not_manifest")
    if status == "exempt":
        return msg("repayment.outcome.exempt", letters=tuple(f"({x})" for x in established))
    if status == "needs_assessment":
        return msg("repayment.outcome.needs_assessment", undecided=tuple(_UNDECIDED[u] for u in undecided))
    return msg("repayment.outcome.claimable", amount=claimable, year=year)


def _case_message(case_id: str, year: int, affected: Decimal, outcome: Msg) -> Msg:
    return msg("repayment.case", case=case_id, year=year, affected=affected, outcome=outcome)


def case_message(assessment: RepaymentAssessment) -> Msg:
    """The assessment's outcome in a sentence, as a catalogue message (``assessment.message`` written out)."""
    outcome = _message(
        assessment.status, assessment.exempt_under, assessment.undecided, assessment.claimable, assessment.grant_year
    )
    return _case_message(assessment.case_id, assessment.grant_year, assessment.affected, outcome)


def assess_all(ctx: Context, *, steps: bool = True) -> tuple[RepaymentAssessment, ...]:
    """Every misuse case known in the context, assessed, by id (``steps`` as for ``assess_case``)."""
    return tuple(assess_case(ctx, case, steps=steps) for case in sorted(ctx.facts.misuse_cases, key=lambda c: c.id))


def assess_repayment(
    agreement: Agreement, facts: Facts, case_id: str, as_of: dt.date | None = None
) -> RepaymentAssessment:
    """May city claim repayment on misuse case ``case_id``, how much, and why, as known on ``as_of``.

    ``as_of`` defaults to the snapshot's ``as_of``, else today. An unknown case id, or a case not yet known on
    that day, raises InputError naming it.
    """
    if not isinstance(case_id, str):
        raise InputError(msg("error.repayment.not_an_id", value=repr(case_id)))
    ctx = context_for(agreement, facts, as_of)
    case = next((c for c in ctx.facts.misuse_cases if c.id == case_id), None)
    if case is not None:
        return assess_case(ctx, case)
    later = next((c for c in facts.misuse_cases if c.id == case_id), None)
    if later is not None:
        raise InputError(msg("error.repayment.later", id=case_id, known_from=later.date, as_of=ctx.as_of))
    known = tuple(sorted(c.id for c in ctx.facts.misuse_cases))
    if not known:
        raise InputError(msg("error.repayment.unknown.none", id=case_id))
    raise InputError(msg("error.repayment.unknown", id=case_id, known=", ".join(known)))
