"""The report of one evaluation: the agreement's status and the findings, as stable, ordered values."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import lru_cache
from typing import Annotated, Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, JsonValue, PlainSerializer

from ._docstrings import field_docstrings
from ._json import dumps
from ._types import PartyKey, Responsible, Sek
from .catalogue import Msg

Status = Literal[
    "pending",
    "due",
    "open",
    "fulfilled",
    "fulfilled_late",
    "violated",
    "condition_not_met",
    "discharged",
    "needs_assessment",
    "available",
    "exercised",
    "expired",
    "noted",
]
"""A finding's lifecycle status.

Duties: ``pending`` (not yet due, beyond the horizon), ``due`` (due within the horizon), ``open`` (a duty with
no deadline, not yet done), ``fulfilled``, ``fulfilled_late`` (a breach that was cured), ``violated`` (past
due and not done, or a breach that happened), ``condition_not_met`` (a condition on which the agreement
continues was not met by its day: no party is at fault, it is never a breach; the §4 renegotiation cutoff),
``discharged`` (the agreement ended before the duty fell due),
``needs_assessment`` (a person must decide). Rights: ``available``, ``exercised``, ``expired``.
Notes: ``noted`` (something the parties should know that is neither a duty nor a right).
"""

Kind = Literal["duty", "right", "note"]
Severity = Literal["critical", "major", "minor", "info"]
SEVERITY_RANK: dict[str, int] = {"critical": 0, "major": 1, "minor": 2, "info": 3}

Day = Annotated[dt.date, PlainSerializer(lambda d: d.isoformat(), return_type=str, when_used="json")]
"""A calendar day in a report, written YYYY-MM-DD. Reports are built by the library itself, so their days take
pydantic's own date check rather than the facts' stricter, slower one (which refuses timestamps)."""

REPORT_CONFIG = ConfigDict(frozen=True, extra="forbid", json_schema_extra=field_docstrings, defer_build=True)


M = TypeVar("M", bound=BaseModel)
_new = object.__new__
_set = object.__setattr__


def trusted(model: type[M], **values: Any) -> M:
    """A report model built from values the library itself made and typed, without validating them again (as
    pydantic's ``model_construct``, at a fifth of its cost): every field must be given, already of its type.

    Used for the findings and their messages, about a hundred per evaluation; ``tests/test_models.py`` validates
    every finding of the example over the whole term, and of every scenario, against the model.
    """
    obj = _new(model)
    _set(obj, "__dict__", values)
    _set(obj, "__pydantic_fields_set__", set(values))
    _set(obj, "__pydantic_extra__", None)
    _set(obj, "__pydantic_private__", None)
    return obj


class Text(BaseModel):
    """A message for a person, in Swedish and in English, with the catalogue id and values it was written from."""

    model_config = REPORT_CONFIG

    sv: str
    """In Swedish."""
    en: str
    """In English."""
    id: str
    """The message id in the catalogues (``src/iop_rules/locale``), e.g. ``duty.by``: stable across wordings."""
    values: dict[str, JsonValue] = Field(default_factory=dict)
    """The message's named values: amounts as decimal strings, days as YYYY-MM-DD, nested messages as
    ``{"id", "values"}`` objects."""

    def get(self, lang: str) -> str:
        """The message in ``sv`` or ``en``."""
        return self.sv if lang == "sv" else self.en

    @classmethod
    def of(cls, message: Msg) -> Text:
        """The message written out in both languages from the catalogues."""
        sv, en, values = _written(message)
        # Built by the library from its own catalogues: no second validation (see ``trusted``). The cached dict of
        # values is copied, not handed out: one Text shared by every report with the same message would save about
        # 0.1 ms an evaluation, but a partner tool changing one report's values would change the others'.
        return trusted(cls, sv=sv, en=en, id=message.id, values=dict(values))


@lru_cache(maxsize=65536)
def _written(message: Msg) -> tuple[str, str, dict[str, Any]]:
    # A message is a value: the same duty's message on many days, or in many evaluations, is written once (one
    # hash of the message instead of one per language and one for its values).
    data = message.to_json()
    values = data["values"]
    assert isinstance(values, dict)
    return message.render("sv"), message.render("en"), values


class Evidence(BaseModel):
    """A fact a finding rests on: which record, of which kind, from which day, and what it showed."""

    model_config = REPORT_CONFIG

    fact: str
    """The kind of fact (the facts collection), e.g. ``grant_payments``, or ``agreement`` for agreement data."""
    id: str
    """The record's id in the facts, or the agreement field; or, for a summary of many records of one grant year
    (§8: more than ten payments, or more than ten earlier cases' shares), ``grant_year=<year>``."""
    date: Day | None = None
    """The record's day, if it has one (for a summary, the last record's day)."""
    detail: str = ""
    """What the record showed that mattered, e.g. ``amount 199999.99``."""


class Finding(BaseModel):
    """One duty, right or note of the agreement, with its status on the evaluation day."""

    model_config = REPORT_CONFIG

    id: str
    """A stable id: the same duty has the same id at every date and run, e.g. ``grant-payment/2026``."""
    kind: Kind
    """``duty`` (an obligation), ``right`` (a power a party may exercise) or ``note``."""
    status: Status
    """The lifecycle status on the evaluation day."""
    section: str
    """The agreement's section, ``"1"`` to ``"11"``."""
    party: Responsible
    """Who the duty lies with, who holds the right, or whom the note concerns."""
    due: Day | None
    """The deadline (inclusive), or null when the duty has none."""
    severity: Severity
    """How much it matters: ``critical``, ``major``, ``minor`` or ``info``."""
    message: Text
    """What it means, in Swedish and English."""
    quote: str
    """The Swedish words of the agreement it rests on."""
    evidence: tuple[Evidence, ...] = ()
    """The facts it used."""
    amount: Sek | None = None
    """An amount it concerns (missing, overpaid, claimable), exact in SEK; null when none."""
    settings: tuple[str, ...] = ()
    """The interpretation settings (I1–I16) its outcome depends on."""

    def days_left(self, as_of: dt.date) -> int | None:
        """Days from the evaluation day to the deadline (negative when past)."""
        return None if self.due is None else (self.due - as_of).days


AgreementState = Literal["not_started", "in_force", "notice_given", "ended"]
EndReason = Literal["expiry", "no_compensation_agreement", "notice"]


class AgreementStatus(BaseModel):
    """The agreement's standing on the evaluation day (§4)."""

    model_config = REPORT_CONFIG

    state: AgreementState
    """``not_started``, ``in_force``, ``notice_given`` (in force, end known) or ``ended``."""
    reason: EndReason | None
    """Why it ends or ended: expiry of the term, no agreement on compensation (§4), or notice."""
    last_day: Day | None
    """The last day in force, when known."""
    unsigned: tuple[PartyKey, ...] = ()
    """From the start date, the parties whose signature of the agreement is not recorded (§11): the agreement
    may not have been concluded. Not a breach: §11 creates no duty to sign."""
    message: Text
    """The status in words."""


class Report(BaseModel):
    """What the agreement asks on one day, given the facts known that day."""

    model_config = REPORT_CONFIG

    schema_version: Literal[1] = 1
    """The version of this report's JSON schema."""
    as_of: Day
    """The evaluation day."""
    horizon_days: int = Field(ge=0)
    """Duties due within this many days are listed as upcoming (I13)."""
    agreement: AgreementStatus
    """The agreement's status."""
    breaches: tuple[Finding, ...]
    """Duties broken: ``violated`` (unremedied) and ``fulfilled_late`` (cured), most severe first."""
    upcoming: tuple[Finding, ...]
    """Actions to take soon: duties ``due`` and rights ``available``, most important first."""
    obligations: tuple[Finding, ...]
    """Every duty with its status, by id."""
    rights: tuple[Finding, ...]
    """Every right of a party with its status (``available``, ``exercised``, ``expired``), by id."""
    notes: tuple[Finding, ...]
    """Other findings worth knowing (an invalid amendment, a notice without effect, an overpayment)."""
    settings: dict[str, str | int]
    """The interpretation settings the evaluation used (I1–I16)."""

    def findings(self) -> tuple[Finding, ...]:
        """Every distinct finding of the report, by id."""
        seen: dict[str, Finding] = {}
        for finding in (*self.obligations, *self.rights, *self.upcoming, *self.breaches, *self.notes):
            seen.setdefault(finding.id, finding)
        return tuple(seen[k] for k in sorted(seen))

    def finding(self, finding_id: str) -> Finding | None:
        """The finding with this id, if the report has it."""
        return next((f for f in self.findings() if f.id == finding_id), None)

    def unremedied_breaches(self) -> tuple[Finding, ...]:
        """Breaches not cured: status ``violated``."""
        return tuple(f for f in self.breaches if f.status == "violated")

    def to_json(self) -> str:
        """The report as JSON: keys sorted, two-space indent, UTF-8 text; byte-identical for the same input."""
        data = self.model_dump(mode="json")
        return dumps(data)


def money(amount: Decimal) -> Decimal:
    """An amount rounded to öre for a finding."""
    return amount.quantize(Decimal("0.01"))
