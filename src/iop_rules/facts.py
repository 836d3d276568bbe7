"""The snapshot of facts: what happened under the agreement, as recorded by the parties, up to a date.

The schema holds what the rules need and nothing about the people helped: no names, no case details, only
dates, counts, amounts and which party did what. Unknown fields are rejected. Every record has an ``id``
unique in the snapshot, so that a finding can name the facts it used.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field, field_validator, model_validator

from ._io import read_document
from ._types import (
    MODEL_CONFIG,
    Count,
    Day,
    Flag,
    InputError,
    PartyKey,
    PlainText,
    Sek,
    bilingual,
    year_keyed,
)
from .catalogue import msg

FactId = str


def _check_id(value: str) -> str:
    if not value or len(value) > 64 or not all(c.isalnum() or c in "-_.:" for c in value):
        raise ValueError(bilingual(msg("error.id.format")))
    return value


class Record(BaseModel):
    """A recorded fact with an id and the day it happened."""

    model_config = MODEL_CONFIG

    id: FactId
    """An id unique in the snapshot, e.g. ``gp-2026-1``; findings cite it as evidence."""
    date: Day
    """The day it happened."""

    @field_validator("id")
    @classmethod
    def _valid_id(cls, value: str) -> str:
        return _check_id(value)


class Signature(Record):
    """§11 Underskrift: a party's signature of the agreement."""

    party: PartyKey
    """The party that signed."""
    signatory_role: PlainText | None = Field(default=None, max_length=200)
    """The role that signed, e.g. "Socialdirektör"; never a person's name."""


class Amendment(Record):
    """§10 Tillägg: an addition to or change of the agreement. ``date`` is the day it was drawn up."""

    in_writing: Flag
    """Whether it was drawn up in writing ("upprättas skriftligen")."""
    signed_by_city: Day | None = None
    """The day city signed it, if it did."""
    signed_by_fa: Day | None = None
    """The day fa signed it, if it did."""
    changes: PlainText = Field(min_length=1, max_length=500)
    """What it changes, in a few words (no personal data)."""
    grants: dict[int, Sek] = Field(default_factory=dict)
    """The grants it agrees, per year (the §4 compensation agreement for 2027 and 2028)."""

    @field_validator("grants", mode="before")
    @classmethod
    def _year_keys(cls, value: Any) -> Any:
        return year_keyed(value, "grants")

    @model_validator(mode="after")
    def _signed_after_drawn_up(self) -> Amendment:
        for field in ("signed_by_city", "signed_by_fa"):
            signed = getattr(self, field)
            if signed is not None and signed < self.date:
                raise ValueError(bilingual(msg("error.amendment.signed_before", field=field, signed=signed, date=self.date)))
        return self

    def signed_by(self, party: PartyKey) -> dt.date | None:
        """The day the party signed, if it did."""
        return self.signed_by_city if party == "city" else self.signed_by_fa


class TerminationNotice(Record):
    """§4: a notice of early termination ("sägas upp i förtid") given by a party on ``date``."""

    party: PartyKey
    """The party that gave notice."""


class Evaluation(Record):
    """§4 and §8: an evaluation of the agreement held by the parties."""

    mid_term: Flag = False
    """Recorded as the §4 mid-term evaluation ("utvärdera överenskommelsen"); the label alone does not fulfil it
    (see ``includes_compensation_review``)."""
    includes_compensation_review: Flag = False
    """Whether it included the review of the economic compensation ("översyn av den ekonomiska ersättningen").
    Any evaluation dated in the year half the term passes that includes it is the §4 mid-term evaluation,
    whether or not ``mid_term`` is set."""
    revision_needed: Flag = False
    """Whether it recorded that the agreement needs revising ("revidera den vid behov"): both parties must then
    revise it by a valid (§10) amendment dated after the evaluation."""


class FollowUp(Record):
    """§8: a follow-up of the agreement by the parties ("följas upp av parterna")."""


class GrantPayment(Record):
    """§6: a payment of the annual grant from city to fa, on ``date``."""

    grant_year: Count = Field(ge=1900, le=2100)
    """The grant year the payment is for."""
    amount: Sek
    """The amount paid, exact in SEK."""


class AnnualAccount(Record):
    """§8: fa's written account of how a year's grant was used ("skriftliga redogörelser"), handed in on ``date``."""

    grant_year: Count = Field(ge=1900, le=2100)
    """The grant year it accounts for."""


class StatisticsRequest(Record):
    """§8: city's request for the statistics fa must be able to provide."""


class StatisticsDelivery(Record):
    """§8: fa's delivery of statistics in answer to a request. A missing or negative figure does not fulfil it."""

    request_id: FactId
    """The id of the request it answers."""
    contacts: Count | None = None
    """Number of contacts ("antal kontakter")."""
    support_talks: Count | None = None
    """Number of support talks ("stödsamtal")."""
    persons_reached: Count | None = None
    """Number of persons reached by the preventive internet outreach ("antal personer som nåtts")."""


class Meeting(Record):
    """§6 and §7: a meeting of the working group, steering group, network or core group."""

    body: Literal["working_group", "steering_group", "network", "core_group"]
    """Which body met: arbetsgrupp, styrgrupp, nätverk or kärngrupp."""
    convener: Literal["city", "fa", "other"]
    """Who convened it ("sammankallande")."""
    present: tuple[PartyKey, ...]
    """The parties with representatives present."""

    @field_validator("present")
    @classmethod
    def _unique(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if len(set(value)) != len(value):
            raise ValueError(bilingual(msg("error.party.twice")))
        return tuple(sorted(value))


class PrincipledDecision(Record):
    """§7: a principled decision on the partnership's work ("principiella beslut")."""

    body: Literal["steering_group", "working_group", "network", "core_group", "other"]
    """The body that took it; only the steering group may."""


class OutreachSession(Record):
    """§6 and §1: an internet-outreach session ("internetuppsök")."""

    city_present: Flag
    """Whether city took part."""


class JointPlan(Record):
    """§1 and §6: the joint plan for initial case handling and parallel support, adopted on ``date``."""

    adopted_by: tuple[PartyKey, ...]
    """The parties that adopted it."""
    city_participated: Flag
    """Whether city took part in developing it ("Medverka i framtagande")."""

    @field_validator("adopted_by")
    @classmethod
    def _unique(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        # Sorted, as for a meeting's parties present: the order they were written in must not change a report.
        if len(set(value)) != len(value):
            raise ValueError(bilingual(msg("error.party.twice")))
        return tuple(sorted(value))


AttestationItem = Literal[
    "fa_staff",
    "fa_support",
    "fa_volunteers",
    "fa_outreach_coordination",
    "fa_statistics_coordination",
    "fa_premises",
    "fa_administration",
    "fa_civil_society",
    "city_inform_residents",
    "city_identify",
    "city_staff_awareness",
    "city_marketing",
    "city_inform_fa",
]
"""The qualitative §6 duties attested once a year; the prefix names the responsible party."""


class Attestation(Record):
    """§6 and §8: an attestation, at a follow-up, that a qualitative duty was met during a calendar year."""

    year: Count = Field(ge=1900, le=2100)
    """The calendar year attested."""
    item: AttestationItem
    """The duty attested (a quote key of §6)."""


class FeeCharged(Record):
    """§6: a fee charged to an individual for fa's advice or support, which must be free ("kostnadsfri")."""

    amount: Sek
    """The fee charged, exact in SEK."""


class Determination(BaseModel):
    """A person's recorded decision on one of the §8 exemptions, with the day it was made."""

    model_config = MODEL_CONFIG

    outcome: Literal["established", "rejected"]
    """Whether the exemption was found to apply."""
    date: Day
    """The day it was decided."""
    body: PlainText | None = Field(default=None, min_length=1, max_length=200)
    """The body that made it, when known, e.g. "Socialnämnden" or "delegat enligt socialnämndens
    delegationsordning"; never a person's name."""


class Repayment(Record):
    """§8: money fa repaid on a misuse case."""

    amount: Sek
    """The amount repaid."""


class Claim(Record):
    """§8: a claim for repayment that city made on a misuse case ("krav på återbetalning")."""

    amount: Sek
    """The amount claimed."""


class MisuseCase(Record):
    """§8: a case of funds used outside the intended purposes ("felaktig medelsanvändning"), known from ``date``."""

    grant_year: Count = Field(ge=1900, le=2100)
    """The grant year whose funds are concerned."""
    amount: Sek
    """The amount affected ("det belopp som berörs")."""
    manifest: Flag | None = None
    """Whether the use was manifestly outside the purposes ("uppenbart"); None while undecided."""
    care_shown: Determination | None = None
    """Exemption (a): fa showed the care that could reasonably be required; None while undecided."""
    disproportionate: Determination | None = None
    """Exemption (b): insisting on repayment would be disproportionate; None while undecided."""
    repayments: tuple[Repayment, ...] = ()
    """What fa has repaid on this case."""
    claims: tuple[Claim, ...] = ()
    """The claims city has made on this case."""


class RenegotiationDemand(Record):
    """§9: a party's demand for renegotiation ("kräva omförhandling")."""

    party: PartyKey
    """The party demanding."""
    ground: Literal["non_fulfilment", "unforeseen_circumstances"]
    """The other party does not fulfil its commitments, or circumstances arose that could not be foreseen."""
    concluded: Day | None = None
    """The day the renegotiation was concluded, if it was."""

    @model_validator(mode="after")
    def _order(self) -> RenegotiationDemand:
        if self.concluded is not None and self.concluded < self.date:
            raise ValueError(bilingual(msg("error.renegotiation.concluded_before", concluded=self.concluded, date=self.date)))
        return self


class Dispute(Record):
    """§9: a dispute between the parties ("tvist"), raised on ``date``."""

    raised_by: PartyKey
    """The party that raised it."""


class Dialogue(Record):
    """§9: a dialogue held to resolve a dispute ("lösas genom dialog")."""

    dispute_id: FactId
    """The id of the dispute it concerns."""


class AuthorityFinding(Record):
    """§9: a finding by a state or municipal authority that fa did not follow applicable law or regulation."""

    authority: PlainText = Field(min_length=1, max_length=200)
    """The authority, e.g. "IVO"."""
    final: Day | None = None
    """The day the finding became final ("vann laga kraft"), if it has; None while it can still be appealed or
    while that is not known. Known only from that day."""
    concerns_activities: Flag | None = None
    """Whether the finding concerns the activities under this agreement; None while not assessed. Only a final
    finding that concerns them is a breach by fa (§9); any other is a note to follow up."""

    @model_validator(mode="after")
    def _final_after(self) -> AuthorityFinding:
        if self.final is not None and self.final < self.date:
            raise ValueError(
                bilingual(msg("error.authority.final_before", final=self.final, date=self.date))
            )
        return self


_COLLECTIONS = (
    "signatures",
    "amendments",
    "termination_notices",
    "evaluations",
    "follow_ups",
    "grant_payments",
    "annual_accounts",
    "statistics_requests",
    "statistics_deliveries",
    "meetings",
    "principled_decisions",
    "outreach_sessions",
    "joint_plans",
    "attestations",
    "fees_charged",
    "misuse_cases",
    "renegotiation_demands",
    "disputes",
    "dialogues",
    "authority_findings",
)


class Facts(BaseModel):
    """A snapshot of what happened under the agreement. Facts dated after the evaluation day are invisible to it."""

    model_config = MODEL_CONFIG

    as_of: Day | None = None
    """The day the snapshot describes; evaluation uses it unless told another day."""
    signatures: tuple[Signature, ...] = ()
    """§11: signatures of the agreement."""
    amendments: tuple[Amendment, ...] = ()
    """§10: amendments, valid or not."""
    termination_notices: tuple[TerminationNotice, ...] = ()
    """§4: notices of early termination."""
    evaluations: tuple[Evaluation, ...] = ()
    """§4 and §8: evaluations held."""
    follow_ups: tuple[FollowUp, ...] = ()
    """§8: follow-ups held."""
    grant_payments: tuple[GrantPayment, ...] = ()
    """§6: grant payments made."""
    annual_accounts: tuple[AnnualAccount, ...] = ()
    """§8: written accounts handed in."""
    statistics_requests: tuple[StatisticsRequest, ...] = ()
    """§8: requests for statistics."""
    statistics_deliveries: tuple[StatisticsDelivery, ...] = ()
    """§8: statistics delivered."""
    meetings: tuple[Meeting, ...] = ()
    """§6 and §7: meetings held."""
    principled_decisions: tuple[PrincipledDecision, ...] = ()
    """§7: principled decisions taken."""
    outreach_sessions: tuple[OutreachSession, ...] = ()
    """§6: internet-outreach sessions held."""
    joint_plans: tuple[JointPlan, ...] = ()
    """§1: adoptions of the joint plan."""
    attestations: tuple[Attestation, ...] = ()
    """§6: attestations of the qualitative duties."""
    fees_charged: tuple[FeeCharged, ...] = ()
    """§6: fees charged to individuals."""
    misuse_cases: tuple[MisuseCase, ...] = ()
    """§8: cases of funds used outside the intended purposes."""
    renegotiation_demands: tuple[RenegotiationDemand, ...] = ()
    """§9: demands for renegotiation."""
    disputes: tuple[Dispute, ...] = ()
    """§9: disputes raised."""
    dialogues: tuple[Dialogue, ...] = ()
    """§9: dialogues held on disputes."""
    authority_findings: tuple[AuthorityFinding, ...] = ()
    """§9: authority findings against fa."""

    @model_validator(mode="after")
    def _ids_and_references(self) -> Facts:
        ids: list[str] = []
        for name in _COLLECTIONS:
            for record in getattr(self, name):
                ids.append(record.id)
                if isinstance(record, MisuseCase):
                    ids.extend(r.id for r in record.repayments)
                    ids.extend(c.id for c in record.claims)
        duplicated = sorted(k for k, n in Counter(ids).items() if n > 1)
        if duplicated:
            raise ValueError(bilingual(msg("error.id.twice", id=repr(duplicated[0]))))
        requests = {r.id: r for r in self.statistics_requests}
        for delivery in self.statistics_deliveries:
            request = requests.get(delivery.request_id)
            if request is None:
                raise ValueError(
                    bilingual(msg("error.statistics.no_request", id=repr(delivery.id), request_id=repr(delivery.request_id)))
                )
            if delivery.date < request.date:
                raise ValueError(
                    bilingual(msg("error.statistics.before_request", id=repr(delivery.id), date=delivery.date, request_date=request.date))
                )
        disputes = {d.id: d for d in self.disputes}
        for dialogue in self.dialogues:
            dispute = disputes.get(dialogue.dispute_id)
            if dispute is None:
                raise ValueError(bilingual(msg("error.dialogue.no_dispute", id=repr(dialogue.id), dispute_id=repr(dialogue.dispute_id))))
            if dialogue.date < dispute.date:
                raise ValueError(bilingual(msg("error.dialogue.before_dispute", id=repr(dialogue.id), date=dialogue.date, dispute_date=dispute.date)))
        for case in self.misuse_cases:
            for item in (*case.repayments, *case.claims):
                if item.date < case.date:
                    raise ValueError(
                        bilingual(msg("error.misuse.item_before_case", id=repr(case.id), item_id=repr(item.id), date=item.date, case_date=case.date))
                    )
            for field in ("care_shown", "disproportionate"):
                determination = getattr(case, field)
                if determination is not None and determination.date < case.date:
                    raise ValueError(
                        bilingual(msg("error.misuse.determination_before_case", id=repr(case.id), field=field, date=determination.date, case_date=case.date))
                    )
        return self

    def visible(self, as_of: dt.date) -> Facts:
        """The snapshot as it was known at the end of ``as_of``: everything dated later is left out.

        Signatures of an amendment, exemption determinations, repayments, claims, concluded renegotiations and
        the day an authority finding became final carry their own dates and are left out on their own.
        """

        def seen(records: tuple[Any, ...]) -> tuple[Any, ...]:
            return tuple(r for r in records if r.date <= as_of)

        def amendment(a: Amendment) -> Amendment:
            city = a.signed_by_city if a.signed_by_city and a.signed_by_city <= as_of else None
            fa = a.signed_by_fa if a.signed_by_fa and a.signed_by_fa <= as_of else None
            if (city, fa) == (a.signed_by_city, a.signed_by_fa):
                return a
            return a.model_copy(update={"signed_by_city": city, "signed_by_fa": fa})

        def case(c: MisuseCase) -> MisuseCase:
            care = c.care_shown if c.care_shown and c.care_shown.date <= as_of else None
            dis = c.disproportionate if c.disproportionate and c.disproportionate.date <= as_of else None
            return c.model_copy(
                update={
                    "care_shown": care,
                    "disproportionate": dis,
                    "repayments": seen(c.repayments),
                    "claims": seen(c.claims),
                }
            )

        def finding(f: AuthorityFinding) -> AuthorityFinding:
            if f.final is not None and f.final > as_of:
                return f.model_copy(update={"final": None})
            return f

        def demand(d: RenegotiationDemand) -> RenegotiationDemand:
            if d.concluded is not None and d.concluded > as_of:
                return d.model_copy(update={"concluded": None})
            return d

        update: dict[str, Any] = {name: seen(getattr(self, name)) for name in _COLLECTIONS}
        update["amendments"] = tuple(amendment(a) for a in update["amendments"])
        update["misuse_cases"] = tuple(case(c) for c in update["misuse_cases"])
        update["renegotiation_demands"] = tuple(demand(d) for d in update["renegotiation_demands"])
        update["authority_findings"] = tuple(finding(f) for f in update["authority_findings"])
        update["as_of"] = as_of
        return self.model_copy(update=update)

    def record_count(self) -> int:
        """How many records the snapshot holds (nested repayments and claims included)."""
        total = 0
        for name in _COLLECTIONS:
            for record in getattr(self, name):
                total += 1
                if isinstance(record, MisuseCase):
                    total += len(record.repayments) + len(record.claims)
        return total


def load_facts(path: str | Path) -> Facts:
    """Load and validate a facts file (``.toml``, ``.json`` or an ``.xlsx`` workbook).

    Raises InputError naming the field, the value and what was expected (for a workbook: the sheet, the row and
    the column, one line per error).
    """
    from .agreement import validate_document

    source = Path(path)
    if source.suffix.lower() not in (".toml", ".json", ".xlsx"):
        raise InputError(msg("error.facts.extension", source=str(source), suffix=repr(source.suffix.lower())))
    if source.suffix.lower() == ".xlsx":
        from ._workbook import read_workbook

        return read_workbook(source, Facts)
    data = read_document(source, what="facts")
    facts: Facts = validate_document(Facts, data, source)
    return facts


def parse_facts(data: object, source: str = "facts") -> Facts:
    """Validate already parsed data (a mapping) as a facts snapshot."""
    from .agreement import validate_document

    if not isinstance(data, dict):
        raise InputError(msg("error.facts.not_an_object", source=source))
    facts: Facts = validate_document(Facts, data, source)
    return facts
