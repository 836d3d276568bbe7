"""What every clause sees: the agreement, the facts known on the evaluation day, the settings in force, and
what the core derives once for all clauses (valid amendments, the compensation agreement, the effective end).

Clause modules import this, never each other.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from ._cached import cached_property
from ._types import MAX_DAY, MIN_DAY, InputError, PartyKey, Responsible
from .agreement import Agreement, Settings
from .catalogue import Msg, msg
from .dates import add_months
from .engine import EngineFact
from .facts import Amendment, Evaluation, Facts, TerminationNotice
from .indexes import FactIndex
from .report import (
    AgreementState,
    AgreementStatus,
    EndReason,
    Evidence,
    Finding,
    Kind,
    Severity,
    Status,
    Text,
    trusted,
)

PARTIES: tuple[PartyKey, PartyKey] = ("city", "fa")


def other(party: PartyKey) -> PartyKey:
    """The other party."""
    return "fa" if party == "city" else "city"


@dataclass(frozen=True)
class AmendmentCheck:
    """An amendment judged under §10: valid only in writing and signed by both parties."""

    amendment: Amendment
    missing: tuple[str, ...]
    """What it lacks: ``in_writing``, ``signed_by_city``, ``signed_by_fa``; empty when valid."""

    @property
    def valid(self) -> bool:
        """Whether it counts."""
        return not self.missing

    @property
    def in_effect_from(self) -> dt.date | None:
        """The day it took effect: its last signature, when valid."""
        if not self.valid:
            return None
        city, fa = self.amendment.signed_by_city, self.amendment.signed_by_fa
        assert city is not None and fa is not None
        return max(city, fa)


@dataclass(frozen=True)
class NoticeCheck:
    """A notice of early termination judged under §4."""

    notice: TerminationNotice
    last_day: dt.date | None
    """The last day in force it leads to (notice date + notice period, capped at the term's end); None when
    it has no effect."""
    capped: bool
    """Whether the term's end came before the notice period's end."""


@dataclass(frozen=True)
class Standing:
    """The agreement's standing on the evaluation day, derived from §4, §10 and the facts."""

    state: AgreementState
    reason: EndReason | None
    last_day: dt.date
    """The last day in force as known on the evaluation day (the term's end unless something ends it sooner)."""
    end_known: bool
    """Whether an end before the term's expiry is established (notice given, or the automatic end)."""


@dataclass(frozen=True)
class Context:
    """The evaluation of one snapshot on one day, as every clause sees it."""

    agreement: Agreement
    facts: Facts
    """The facts known on the evaluation day (later ones already left out)."""
    as_of: dt.date
    settings: Settings
    horizon_days: int
    amendments: tuple[AmendmentCheck, ...]
    compensation: AmendmentCheck | None
    """The valid amendment agreeing the renegotiated grants, signed by both by the §4 cutoff."""
    notices: tuple[NoticeCheck, ...]
    standing: Standing
    history: Callable[[dt.date], tuple[Finding, ...]] = field(default=lambda day: (), compare=False, repr=False)
    """First-pass findings of the same facts and settings on another day (for §9: "did the other party have
    a breach on the day of the demand?"). Set by the evaluation; a review pass only."""
    one_off_ids: frozenset[str] = field(default=frozenset(), compare=False, repr=False)
    """Ids of the first-pass duties whose breach is one-off (an event, or a period's count missed), which found
    a §9 demand only for a while after their day (I16). Set by the evaluation; a review pass only."""

    @cached_property
    def index(self) -> FactIndex:
        """The facts grouped and sorted once for this evaluation (payments by grant year, deliveries by request,
        meetings by body…), so that no clause scans a collection for every record."""
        return FactIndex(self.facts)

    @cached_property
    def engine_days(self) -> tuple[int, int]:
        """The evaluation day and the horizon's last day as the engine's day numbers."""
        return self.as_of.toordinal(), self.horizon_end.toordinal()

    @property
    def horizon_end(self) -> dt.date:
        """The last day of the horizon for upcoming actions."""
        return self.as_of + dt.timedelta(days=self.horizon_days)

    @property
    def valid_amendments(self) -> tuple[Amendment, ...]:
        """Amendments that count under §10."""
        return tuple(a.amendment for a in self.amendments if a.valid)

    def in_force_on(self, day: dt.date) -> bool:
        """Whether the agreement is (or was) in force on a day, as known on the evaluation day."""
        return self.agreement.term.start <= day <= self.standing.last_day

    def is_discharged(self, due: dt.date | None) -> bool:
        """Whether a duty falling due on ``due`` is discharged by the agreement's end (§4).

        Only when an end before the term's expiry is established. A duty that survives the end (the last
        account, repayment) does not ask.
        """
        if due is None:
            return False
        return due > self.standing.last_day

    def grant_amount(self, year: int) -> tuple[Decimal, str] | None:
        """The grant owed for a year and where it comes from (``agreement`` or an amendment's id), or None.

        A renegotiated year's grant comes from the newest valid amendment that sets it, once the parties have
        agreed on compensation by the §4 cutoff (or, under I14 ``continues_without_grant``, at any time).
        """
        fixed = self.agreement.fixed_grant(year)
        if fixed is not None:
            return fixed, "agreement"
        if self.compensation is None and self.settings.I14 == "ends":
            return None
        setting = [c for c in self.amendments if c.valid and year in c.amendment.grants]
        if not setting:
            return None
        newest = max(setting, key=lambda c: (c.in_effect_from or dt.date.min, c.amendment.id))
        return newest.amendment.grants[year], newest.amendment.id

    def one_off_ground_end(self, day: dt.date) -> dt.date | None:
        """§9 / I16: the last day a one-off breach on ``day`` founds a demand for renegotiation; None when it
        does so as long as the agreement is in force."""
        if self.settings.I16 == "while_in_force":
            return None
        months = self.agreement.cadence.one_off_breach_ground_months
        return add_months(day, months, "last_day_of_month")

    def reviews_compensation(self, evaluation: Evaluation) -> bool:
        """Whether an evaluation is, in substance, the §4 mid-term evaluation: it includes the review of the
        economic compensation and is dated in the year half the term passes (or is recorded as the mid-term
        one). The label alone never makes it one, and an evaluation without the review never is."""
        if not evaluation.includes_compensation_review:
            return False
        return evaluation.mid_term or evaluation.date.year == self.agreement.term.half_term_passes.year

    def mid_term_record(self) -> Evaluation | None:
        """The evaluation that is the §4 mid-term evaluation: the first one that is so in substance."""
        return self._mid_term_record

    @cached_property
    def _mid_term_record(self) -> Evaluation | None:
        # Found once per evaluation: clauses ask it for every evaluation record.
        found = [e for e in self.facts.evaluations if self.reviews_compensation(e)]
        return min(found, key=lambda e: (e.date, e.id)) if found else None

    def quote(self, section: str, key: str) -> str:
        """Swedish words of the agreement."""
        return self.agreement.quote(section, key)


Describe = Callable[[str], "Msg | Text"]
"""Given a status, the finding's message: a catalogue message, or one already written out from the catalogues."""

Step = Msg | Text
Steps = tuple[Step, ...]
Reasoning = Steps | Callable[[], Steps]
"""Reasoning steps, or a function that writes them when asked."""


def as_text(message: Msg | Text) -> Text:
    """A message written out in both languages."""
    return message if isinstance(message, Text) else Text.of(message)


@dataclass
class Candidate:
    """A duty, right or note a clause found, before the engine decides its status.

    A value that nothing changes once made (``dataclasses.replace`` makes a changed copy), but not a frozen
    dataclass: a frozen one's ``__init__`` sets each of its fields through ``object.__setattr__``, which made
    building the ~60 candidates of an evaluation cost a fifth of it."""

    id: str
    kind: Kind
    section: str
    quote_key: str
    party: Responsible
    severity: Severity
    describe: Describe
    due: dt.date | None = None
    done: dt.date | None = None
    """The day the duty was done (fulfilled), if it was."""
    period_start: dt.date | None = None
    """The first day of the period the duty is counted in or arises from (a term, a year, a request's day), when
    it has one; with ``due`` it is the stretch of the term the duty covers (the HTML report's timeline draws it)."""
    discharged: bool = False
    assess: bool = False
    """A person must decide before the duty's outcome is known."""
    event: bool = False
    """The candidate is an event that broke a duty (a fee charged, an absent party): always a breach."""
    available: bool = False
    exercised: bool = False
    evidence: tuple[Evidence, ...] = ()
    amount: Decimal | None = None
    settings: tuple[str, ...] = ()
    condition: bool = False
    """A condition on which the agreement continues (§4 "Om parterna inte är överens om ersättningen upphör
    överenskommelsen"), not a duty: past its day and not met it is ``condition_not_met``, never ``violated``."""
    one_off: bool = False
    """Its breach, once it happened, can never be remedied (a period's count missed); like an event, it founds
    a §9 demand only for a while after its day (I16)."""
    always_upcoming: bool = False
    """Listed among upcoming actions whatever the horizon, while not yet done (the §4 cutoff)."""
    extra_quote: tuple[str, ...] = field(default=())
    """Further quote keys of the same section appended to the quote."""
    reasoning: Reasoning = ()
    """How its dates and amounts were computed, step by step (for ``explain``), e.g. "2026-01-31 är en lördag →
    2026-02-02 (I2)"; or a function that writes them, so that a clause evaluated on many days builds them only
    when someone asks."""

    def steps(self) -> Steps:
        """The reasoning steps, written out."""
        return self.reasoning() if callable(self.reasoning) else self.reasoning

    def step_pairs(self) -> tuple[tuple[str, str], ...]:
        """The reasoning steps written out in (Swedish, English)."""
        return tuple((text.sv, text.en) for text in map(as_text, self.steps()))

    def engine_fact(self, ctx: Context) -> EngineFact:
        """The flat fact the engine classifies."""
        due, done = self.due, self.done
        return EngineFact(
            self.id,
            "breach" if self.event else self.kind,
            *ctx.engine_days,
            int(due is not None),
            due.toordinal() if due else 0,
            int(done is not None),
            done.toordinal() if done else 0,
            int(self.discharged),
            int(self.assess),
            int(self.available),
            int(self.exercised),
            int(self.condition),
        )

    def finding(self, status: Status, ctx: Context) -> Finding:
        """The finding, once the engine has decided the status."""
        message = as_text(self.describe(status))
        keys = (self.quote_key, *self.extra_quote) if self.extra_quote else (self.quote_key,)
        values = {
            "id": self.id,
            "kind": self.kind,
            "status": status,
            "section": self.section,
            "party": self.party,
            "due": self.due,
            "severity": self.severity,
            "message": message,
            "quote": " … ".join(ctx.quote(self.section, key) for key in keys),
            "evidence": tuple(sorted(self.evidence, key=_evidence_order)) if len(self.evidence) > 1 else self.evidence,
            "amount": self.amount,
            "settings": _settings_in_order(self.settings) if self.settings else (),
        }
        if self.amount is not None:
            # An amount goes through the money type's own check (exact öre), as everything did before.
            return Finding(**values)
        return trusted(Finding, **values)


def _evidence_order(evidence: Evidence) -> tuple[dt.date, str, str]:
    return (evidence.date or dt.date.min, evidence.fact, evidence.id)


def _setting_number(setting: str) -> int:
    return int(setting[1:])


@lru_cache(maxsize=1024)
def _settings_in_order(settings: tuple[str, ...]) -> tuple[str, ...]:
    # A few dozen distinct tuples, each asked on every evaluation: ordered once.
    return tuple(sorted(set(settings), key=_setting_number))


def check_amendment(amendment: Amendment) -> AmendmentCheck:
    """§10: "upprättas skriftligen och undertecknas av båda parter"."""
    missing: list[str] = []
    if not amendment.in_writing:
        missing.append("in_writing")
    if amendment.signed_by_city is None:
        missing.append("signed_by_city")
    if amendment.signed_by_fa is None:
        missing.append("signed_by_fa")
    return AmendmentCheck(amendment, tuple(missing))


def build_context(
    agreement: Agreement, facts: Facts, as_of: dt.date, settings: Settings, horizon_days: int
) -> Context:
    """Derive once what every clause needs: valid amendments, the compensation agreement and the standing."""
    visible = facts.visible(as_of)
    term = agreement.term
    checks = tuple(check_amendment(a) for a in sorted(visible.amendments, key=lambda a: (a.date, a.id)))
    renegotiated = set(term.renegotiated_grant_years)
    # §4 with §10: agreement on compensation counts only as a valid amendment signed by both by the cutoff.
    compensation = next(
        (
            c
            for c in sorted(
                (c for c in checks if c.valid and renegotiated & set(c.amendment.grants)),
                key=lambda c: (c.in_effect_from or dt.date.max, c.amendment.id),
            )
            if c.in_effect_from is not None and c.in_effect_from <= term.renegotiation_cutoff
        ),
        None,
    )
    last_day, end_known = term.end, False
    reason: EndReason = "expiry"
    if settings.I14 == "ends" and compensation is None and as_of > term.renegotiation_cutoff:
        last_day, reason, end_known = term.renegotiation_cutoff, "no_compensation_agreement", True
    notices: list[NoticeCheck] = []
    for notice in sorted(visible.termination_notices, key=lambda n: (n.date, n.id)):
        if notice.date > last_day:
            notices.append(NoticeCheck(notice, None, False))
            continue
        period_end = add_months(notice.date, term.notice_months, settings.I8)
        notice_last = min(period_end, last_day)
        notices.append(NoticeCheck(notice, notice_last, period_end > last_day))
        if notice_last < last_day or not end_known:
            last_day, reason, end_known = notice_last, "notice", True
    state: AgreementState
    if as_of < term.start:
        state = "not_started"
    elif as_of > last_day:
        state = "ended"
    elif reason == "notice":
        state = "notice_given"
    else:
        state = "in_force"
    standing = Standing(state, reason if state in ("ended", "notice_given") else None, last_day, end_known)
    return Context(
        agreement=agreement,
        facts=visible,
        as_of=as_of,
        settings=settings,
        horizon_days=horizon_days,
        amendments=checks,
        compensation=compensation,
        notices=tuple(notices),
        standing=standing,
    )


_STATE_TEXT = {
    "not_started": msg("agreement.not_started"),
    "in_force": msg("agreement.in_force"),
    "notice_given": msg("agreement.notice_given"),
    "ended": msg("agreement.ended"),
}
_REASON_TEXT = {
    "expiry": msg("agreement.reason.expiry"),
    "no_compensation_agreement": msg("agreement.reason.no_compensation_agreement"),
    "notice": msg("agreement.reason.notice"),
}
_PARTY = {"city": msg("party.city"), "fa": msg("party.fa")}


def unsigned_parties(ctx: Context) -> tuple[PartyKey, ...]:
    """The parties with no recorded signature of the agreement, from its start date on (§11); before the
    start date nothing is missing yet."""
    if ctx.as_of < ctx.agreement.term.start:
        return ()
    signed = {s.party for s in ctx.facts.signatures}
    return tuple(p for p in PARTIES if p not in signed)


def agreement_status(ctx: Context) -> AgreementStatus:
    """The report's view of the standing."""
    standing = ctx.standing
    term = ctx.agreement.term
    state = _STATE_TEXT[standing.state].with_values(start=term.start, last=standing.last_day)
    parts = [state]
    if standing.reason is not None:
        parts.append(
            _REASON_TEXT[standing.reason].with_values(
                cutoff=term.renegotiation_cutoff, years=tuple(term.renegotiated_grant_years)
            )
        )
    unsigned = unsigned_parties(ctx)
    if unsigned:
        who = msg("party.either") if len(unsigned) == len(PARTIES) else _PARTY[unsigned[0]]
        parts.append(msg("agreement.unsigned", who=who))
    message = parts[0]
    for part in parts[1:]:
        message = msg("sentences", first=message, second=part)
    return AgreementStatus(
        state=standing.state,
        reason=standing.reason,
        last_day=standing.last_day,
        unsigned=unsigned,
        message=Text.of(message),
    )


MAX_HORIZON_DAYS = 3650
"""The longest horizon accepted: ten years ahead, more than the agreement's whole term."""

STOCKHOLM = "Europe/Stockholm"
"""The agreement is Swedish: its days are Stockholm's days, whatever the time zone of the machine."""


def today_in_stockholm(now: dt.datetime | None = None) -> dt.date:
    """Today in Stockholm (the default evaluation day); ``now`` is an aware moment to ask about instead of now.

    A server elsewhere would otherwise evaluate on its own day: at 17:31 in Stockholm it is already tomorrow in
    UTC+14. The zone comes from the system, or from the ``tzdata`` package where the system has none.
    """
    from zoneinfo import ZoneInfo

    zone = ZoneInfo(STOCKHOLM)
    return (now.astimezone(zone) if now is not None else dt.datetime.now(zone)).date()


def resolve_as_of(facts: Facts, as_of: dt.date | None) -> dt.date:
    """The evaluation day: the one given, else the snapshot's ``as_of``, else today in Stockholm."""
    day = as_of or facts.as_of or today_in_stockholm()
    if not isinstance(day, dt.date) or isinstance(day, dt.datetime):
        raise InputError(msg("error.as_of.not_a_date", value=repr(day)))
    if not MIN_DAY <= day <= MAX_DAY:
        raise InputError(msg("error.as_of.out_of_range", value=day, first=MIN_DAY, last=MAX_DAY))
    return day


def context_for(
    agreement: Agreement,
    facts: Facts,
    as_of: dt.date | None = None,
    horizon_days: int | None = None,
    settings: Mapping[str, object] | None = None,
) -> Context:
    """The context every clause sees for this evaluation."""
    day = resolve_as_of(facts, as_of)
    resolved = agreement.settings(settings)
    horizon = resolved.I13 if horizon_days is None else horizon_days
    if isinstance(horizon, bool) or not isinstance(horizon, int) or not 0 <= horizon <= MAX_HORIZON_DAYS:
        # A huge integer is not printed whole: str() of one with thousands of digits raises.
        shown = repr(horizon)[:40] if not isinstance(horizon, int) or abs(horizon) < 10**12 else ("> 10^12" if horizon > 0 else "< -10^12")
        raise InputError(msg("error.horizon.range", value=shown, max=MAX_HORIZON_DAYS))
    return build_context(agreement, facts, day, resolved, horizon)
