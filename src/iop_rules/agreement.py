"""The agreement as data: parties, term, grants, cadences, the interpretation register and the quoted sections.

Loaded from ``agreement.toml`` and validated: organisation numbers pass the Luhn check, the partnership meets
the IOP criteria of SOU 2019:56 (§6), and the dates agree with each other.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field, field_validator, model_validator

from ._io import check_depth, read_document
from ._types import (
    MODEL_CONFIG,
    SEPARATOR,
    Count,
    Day,
    FloatLiteral,
    InputError,
    PartyKey,
    PlainText,
    Sek,
    bilingual,
    printable,
    year_keyed,
)
from .catalogue import Msg, Named, Value, msg, render

INTERPRETATION_IDS = tuple(f"I{n}" for n in range(1, 17))


def luhn_valid(digits: str) -> bool:
    """Whether a Swedish organisation number's last digit is its Luhn check digit."""
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


class Party(BaseModel):
    """A party of the agreement (§3 Avtalsparter), named by organisation and signatory role only."""

    model_config = MODEL_CONFIG

    key: PartyKey
    """``city`` (Socialförvaltningen, Helsingborgs stad) or ``fa`` (Frälsningsarmén)."""
    name: PlainText = Field(min_length=1, max_length=200)
    """The organisation's name."""
    organisation_number: str
    """The Swedish organisation number, NNNNNN-NNNN, with a valid Luhn check digit."""
    kind: Literal["public", "non_profit"]
    """Public actor (offentlig aktör) or non-profit actor (idéburen aktör), as SOU 2019:56 asks."""
    signatory_role: PlainText = Field(min_length=1, max_length=200)
    """The role that signs for the party, e.g. "Socialdirektör"; never a person's name."""
    contributes: tuple[PlainText, ...] = ()
    """The resources the party contributes (§6); SOU 2019:56 asks that both contribute."""

    @field_validator("organisation_number")
    @classmethod
    def _organisation_number(cls, value: str) -> str:
        digits = re.sub(r"[\s\-–]", "", value)
        if not re.fullmatch(r"\d{10}", digits):
            raise ValueError(bilingual(msg("error.org_number.digits")))
        if not luhn_valid(digits):
            raise ValueError(bilingual(msg("error.org_number.luhn")))
        return f"{digits[:6]}-{digits[6:]}"

    @field_validator("signatory_role")
    @classmethod
    def _no_email(cls, value: str) -> str:
        if "@" in value:
            raise ValueError(bilingual(msg("error.signatory.email")))
        return value


class Term(BaseModel):
    """§4 Tid för överenskommelsen: the term, the mid-term evaluation, the renegotiation cutoff and notice."""

    model_config = MODEL_CONFIG

    start: Day
    """First day in force ("avser perioden [2025-01-01]")."""
    end: Day
    """Last day in force ("till och med [2028-12-31]")."""
    half_term_passes: Day
    """The day at whose end half the term has passed ("halva avtalstiden passerat (261231)")."""
    evaluation_months_before_half: Count = Field(ge=0, le=24)
    """How many months before half the term the mid-term evaluation is due ("Två månader innan")."""
    renegotiation_cutoff: Day
    """The last day to agree on the later years' grant ("omförhandlas senast 261231")."""
    renegotiated_grant_years: tuple[int, ...]
    """The grant years whose amounts are renegotiated ("Bidrag för 2027 och 2028")."""
    notice_months: Count = Field(ge=1, le=120)
    """Notice period for early termination in months ("12 månaders uppsägningstid")."""

    @model_validator(mode="after")
    def _consistent(self) -> Term:
        if self.end < self.start:
            raise ValueError(bilingual(msg("error.term.end_before_start", end=self.end, start=self.start)))
        if not self.start <= self.half_term_passes <= self.end:
            raise ValueError(bilingual(msg("error.term.half_outside", half_term_passes=self.half_term_passes)))
        if not self.start <= self.renegotiation_cutoff <= self.end:
            raise ValueError(bilingual(msg("error.term.cutoff_outside", renegotiation_cutoff=self.renegotiation_cutoff)))
        for year in self.renegotiated_grant_years:
            if not self.start.year <= year <= self.end.year:
                raise ValueError(bilingual(msg("error.term.grant_year_outside", year=year)))
        return self


class Grants(BaseModel):
    """§6 Årligt bidrag: the fixed annual grants and the payment day."""

    model_config = MODEL_CONFIG

    payment_month: Count = Field(ge=1, le=12)
    """Month of the payment deadline ("senast den 31 januari respektive år")."""
    payment_day: Count = Field(ge=1, le=31)
    """Day of the payment deadline."""
    amounts: dict[int, Sek]
    """The grant per year fixed in the agreement (2025 and 2026: 200 000 kr)."""

    @field_validator("amounts", mode="before")
    @classmethod
    def _year_keys(cls, value: Any) -> Any:
        return year_keyed(value, "grants.amounts")

    @model_validator(mode="after")
    def _valid_day(self) -> Grants:
        try:
            dt.date(2001, self.payment_month, self.payment_day)
        except ValueError:
            day = f"{self.payment_month}/{self.payment_day}"
            raise ValueError(
                bilingual(msg("error.grants.payment_day", day=day))
            ) from None
        return self

    def deadline(self, year: int) -> dt.date:
        """The payment deadline of a grant year, as written (before I2)."""
        return dt.date(year, self.payment_month, self.payment_day)


class Cadence(BaseModel):
    """The recurring counts and windows of §6–§8."""

    model_config = MODEL_CONFIG

    working_group_meetings_per_term: Count = Field(ge=0, le=100)
    """§7 "minst två gånger per termin"."""
    follow_ups_per_year: Count = Field(ge=0, le=100)
    """§8 "följas upp av parterna två gånger per år"."""
    evaluations_per_year: Count = Field(ge=0, le=100)
    """§8 "Utvärdering av avtalet ska göras årligen"."""
    steering_group_within_days: Count = Field(ge=0, le=366)
    """§7 "i anslutning till": days after a working-group meeting within which the steering group meets (I5)."""
    attestations_per_year: Count = Field(ge=0, le=12)
    """§6: how often each qualitative duty is attested, per calendar year."""
    steering_group_meetings_per_term: Count = Field(ge=0, le=100)
    """§7 "Styrgruppen träffas i anslutning till att arbetsgruppen har haft sina möten": meetings per term (I5)."""
    account_deadline_month: Count = Field(ge=1, le=12)
    """§8 written account of grant year Y: month of Y+1 it is due in (I6 ``march_31_next_year``)."""
    account_deadline_day: Count = Field(ge=1, le=31)
    """§8 written account of grant year Y: day of that month (I6 ``march_31_next_year``)."""
    one_off_breach_ground_months: Count = Field(ge=1, le=120)
    """§9 / I16 ``twelve_months``: how many months from its day a one-off breach founds a demand for
    renegotiation."""

    @model_validator(mode="after")
    def _valid_account_day(self) -> Cadence:
        try:
            dt.date(2001, self.account_deadline_month, self.account_deadline_day)
        except ValueError:
            day = f"{self.account_deadline_month}/{self.account_deadline_day}"
            raise ValueError(
                bilingual(msg("error.cadence.account_day", day=day))
            ) from None
        return self


class ConfiguredTerm(BaseModel):
    """A term ("termin") with configured dates, used when I3 is set to ``configured``."""

    model_config = MODEL_CONFIG

    name: PlainText = Field(min_length=1, max_length=100)
    """A name for the term, e.g. "2025 spring"."""
    start: Day
    """First day of the term."""
    end: Day
    """Last day of the term."""

    @model_validator(mode="after")
    def _ordered(self) -> ConfiguredTerm:
        if self.end < self.start:
            raise ValueError(bilingual(msg("error.school_term.end_before_start", name=repr(self.name), end=self.end, start=self.start)))
        return self


class Interpretation(BaseModel):
    """One entry of the interpretation register: an ambiguous reading made an explicit setting."""

    model_config = MODEL_CONFIG

    question: PlainText = Field(min_length=1)
    """What is ambiguous, with the words it concerns (in English; the agreement's words in Swedish)."""
    question_sv: PlainText = Field(min_length=1)
    """The same question in Swedish."""
    setting: str | int
    """The reading in force."""
    default: str | int
    """The register's default reading."""
    readings: dict[str, PlainText]
    """Every reading the library implements, with what it means."""
    terms: tuple[ConfiguredTerm, ...] = ()
    """For I3 only: the configured terms."""


SettingValue = str | int

_CHOICES: dict[str, tuple[str, ...]] = {
    "I1": ("two_months_before_half", "bracket_date"),
    "I2": ("next_business_day", "no_move"),
    "I3": ("calendar_halves", "configured"),
    "I4": ("both_present", "either_present"),
    "I5": ("once_per_term", "after_every_meeting"),
    "I6": ("march_31_next_year", "december_31_same_year"),
    "I8": ("last_day_of_month", "first_day_of_next_month"),
    "I9": ("not_required", "proportional"),
    "I11": ("calendar_year", "twelve_months_from_start"),
    "I12": ("counts", "does_not_count"),
    "I14": ("ends", "continues_without_grant"),
    "I15": ("neither", "both"),
    "I16": ("twelve_months", "while_in_force"),
}
_NUMBERS: dict[str, tuple[int, int]] = {"I7": (1, 3650), "I10": (0, 100), "I13": (0, 3650)}


def check_setting(key: str, value: object) -> SettingValue:
    """A setting's value checked against the readings the library implements; raises InputError otherwise."""
    if key in _CHOICES:
        if isinstance(value, str) and value in _CHOICES[key]:
            return value
        expected = " | ".join(_CHOICES[key])
        raise InputError(msg("error.setting.choice", key=key, value=repr(value), expected=expected))
    if key in _NUMBERS:
        low, high = _NUMBERS[key]
        number: int | None = None
        if isinstance(value, int) and not isinstance(value, bool):
            number = value
        elif isinstance(value, str) and re.fullmatch(r"[0-9]{1,6}", value.strip(), re.ASCII):
            # ASCII only: "²".isdigit() is true, and int("²") raises.
            number = int(value.strip())
        if number is not None and low <= number <= high:
            return number
        raise InputError(msg("error.setting.number", key=key, value=repr(value), low=low, high=high))
    raise InputError(msg("error.setting.unknown", key=repr(key), ids=', '.join(INTERPRETATION_IDS)))


def alternatives(key: str) -> tuple[SettingValue, ...]:
    """The readings of a setting other than its default, for comparing interpretations."""
    if key in _CHOICES:
        return _CHOICES[key][1:]
    # A configurable number: one representative alternative, so comparisons show what the number moves.
    return {"I7": (14,), "I10": (2,), "I13": (30,)}[key]


class Settings(BaseModel):
    """The interpretation settings in force for one evaluation (I1–I16), typed."""

    model_config = MODEL_CONFIG

    I1: Literal["two_months_before_half", "bracket_date"]
    I2: Literal["next_business_day", "no_move"]
    I3: Literal["calendar_halves", "configured"]
    I4: Literal["both_present", "either_present"]
    I5: Literal["once_per_term", "after_every_meeting"]
    I6: Literal["march_31_next_year", "december_31_same_year"]
    I7: int
    I8: Literal["last_day_of_month", "first_day_of_next_month"]
    I9: Literal["not_required", "proportional"]
    I10: int
    I11: Literal["calendar_year", "twelve_months_from_start"]
    I12: Literal["counts", "does_not_count"]
    I13: int
    I14: Literal["ends", "continues_without_grant"]
    I15: Literal["neither", "both"]
    I16: Literal["twelve_months", "while_in_force"]

    def as_dict(self) -> dict[str, SettingValue]:
        """The settings as a plain mapping, I1 to I16 in order."""
        return {key: getattr(self, key) for key in INTERPRETATION_IDS}


class Section(BaseModel):
    """One numbered section of the agreement, with the Swedish words findings quote."""

    model_config = MODEL_CONFIG

    title: PlainText = Field(min_length=1)
    """The section's heading in Swedish."""
    quotes: dict[str, PlainText]
    """Named quotations, verbatim Swedish words of the section."""


class AgreementInfo(BaseModel):
    """The agreement's title and the common goal the IOP criteria ask for."""

    model_config = MODEL_CONFIG

    title: PlainText = Field(min_length=1)
    """The agreement's title in Swedish."""
    short_name: PlainText = Field(min_length=1)
    """A short name for reports."""
    public_benefit_goal: PlainText = Field(min_length=1)
    """The common public-benefit goal (SOU 2019:56, criterion 2)."""


class Agreement(BaseModel):
    """The whole agreement as validated data: what ``agreement.toml`` holds."""

    model_config = MODEL_CONFIG

    agreement: AgreementInfo
    """Title and common goal."""
    parties: tuple[Party, ...]
    """The parties (§3): one public and one non-profit actor."""
    term: Term
    """§4."""
    grants: Grants
    """§6 Årligt bidrag."""
    cadence: Cadence
    """§6–§8 counts and windows."""
    interpretations: dict[str, Interpretation]
    """The interpretation register I1–I16."""
    sections: dict[str, Section]
    """Sections 1–11 with their titles and quoted words."""

    @model_validator(mode="after")
    def _consistent(self) -> Agreement:
        keys = [p.key for p in self.parties]
        if sorted(keys) != ["city", "fa"]:
            raise ValueError(bilingual(msg("error.parties.keys", keys=str(keys))))
        # SOU 2019:56: a public and a non-profit actor, a common public-benefit goal, resources from both.
        kinds = {p.key: p.kind for p in self.parties}
        if kinds["city"] != "public" or kinds["fa"] != "non_profit":
            raise ValueError(
                bilingual(msg("error.parties.kinds", city=kinds['city'], fa=kinds['fa']))
            )
        for party in self.parties:
            if not party.contributes:
                raise ValueError(bilingual(msg("error.parties.contributes", key=party.key)))
        missing = [key for key in INTERPRETATION_IDS if key not in self.interpretations]
        extra = [key for key in self.interpretations if key not in INTERPRETATION_IDS]
        if missing or extra:
            raise ValueError(bilingual(msg("error.interpretations.ids", missing=str(missing), extra=str(extra), first=INTERPRETATION_IDS[0], last=INTERPRETATION_IDS[-1])))
        for key, entry in self.interpretations.items():
            for field in ("setting", "default"):
                try:
                    check_setting(key, getattr(entry, field))
                except InputError as error:
                    raise ValueError(
                        bilingual(msg("error.setting.field", key=key, field=field, reason=Named(error.message_sv, error.message_en)))
                    ) from None
        section_keys = sorted(self.sections, key=lambda s: int(s) if s.isdigit() else 0)
        if section_keys != [str(n) for n in range(1, 12)]:
            raise ValueError(bilingual(msg("error.sections.keys", section_keys=str(section_keys))))
        for year in self.term.renegotiated_grant_years:
            if year in self.grants.amounts:
                raise ValueError(bilingual(msg("error.grants.renegotiated_year", year=year)))
        for year in self.grants.amounts:
            if not self.term.start.year <= year <= self.term.end.year:
                raise ValueError(bilingual(msg("error.grants.year_outside", year=year)))
        return self

    def party(self, key: PartyKey) -> Party:
        """The party with this key."""
        return next(p for p in self.parties if p.key == key)

    def quote(self, section: str, key: str) -> str:
        """The Swedish words of a section under a quote key; KeyError names both when missing."""
        try:
            return self.sections[section].quotes[key]
        except KeyError:
            raise KeyError(f"§{section} has no quote {key!r} in agreement.toml") from None

    def settings(self, overrides: Mapping[str, object] | None = None) -> Settings:
        """The interpretation settings in force, with overrides for one evaluation applied."""
        values: dict[str, object] = {k: v.setting for k, v in self.interpretations.items()}
        for key, value in (overrides or {}).items():
            values[key] = check_setting(key, value)
        return Settings.model_validate({k: check_setting(k, v) for k, v in values.items()})

    def fixed_grant(self, year: int) -> Decimal | None:
        """The grant fixed in the agreement for a year, or None when it is renegotiated or outside the term."""
        return self.grants.amounts.get(year)


def _bundled_path() -> Path:
    # A wheel carries the root agreement.toml inside the package; a source checkout has it at the root.
    packaged = resources.files("iop_rules").joinpath("agreement.toml")
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "agreement.toml"


def load_agreement(path: str | Path | None = None) -> Agreement:
    """Load and validate an agreement file; without a path, the bundled ``agreement.toml``.

    Raises InputError naming the field, the value and what was expected.
    """
    source = Path(path) if path is not None else _bundled_path()
    data = read_document(source, what="agreement")
    agreement: Agreement = validate_document(Agreement, data, source)
    if path is not None:
        _check_quotes(agreement, source)
    return agreement


def _check_quotes(agreement: Agreement, source: Path) -> None:
    """Refuse an agreement file that lacks words the rules quote, at load rather than in the middle of a report.

    The rules quote the bundled agreement's words by section and key; every such key must be in the file too.
    """
    import tomllib

    bundled = tomllib.loads(_bundled_path().read_text(encoding="utf-8"))
    shown = printable(str(source))
    for section, entry in bundled["sections"].items():
        for key in entry.get("quotes", {}):
            if section not in agreement.sections or key not in agreement.sections[section].quotes:
                field = f"sections.{section}.quotes.{key}"
                raise InputError(msg("error.agreement.quote_missing", shown=shown, field=field, section=section, key=repr(key)))


def validate_document(model: type[Any], data: object, source: Path | str) -> Any:
    """Validate parsed data against a model, turning the first validation error into an InputError."""
    from pydantic import ValidationError

    # Data given from Python (parse_facts) has not passed the file reader's depth check.
    check_depth(data, str(source))
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise InputError(_describe(error, source)) from None


_REASON_BY_TYPE: dict[str, Msg] = {
    "int_type": msg("error.value.int"),
    "int_parsing": msg("error.value.int"),
    "int_from_float": msg("error.value.int"),
    "bool_type": msg("error.value.bool"),
    "bool_parsing": msg("error.value.bool"),
    "string_type": msg("error.value.text"),
    "string_too_short": msg("error.value.too_short"),
    "string_too_long": msg("error.value.too_long"),
    "literal_error": msg("error.value.literal"),
    "tuple_type": msg("error.value.list"),
    "list_type": msg("error.value.list"),
    "dict_type": msg("error.value.table"),
    "model_type": msg("error.value.table"),
    "model_attributes_type": msg("error.value.table"),
    "greater_than_equal": msg("error.value.at_least"),
    "less_than_equal": msg("error.value.at_most"),
    "greater_than": msg("error.value.greater"),
    "less_than": msg("error.value.less"),
}
"""Pydantic's checks in Swedish, with the limits from the check's context; the English is pydantic's own."""

_CONTEXT = {"min_length": "limit", "max_length": "limit", "ge": "limit", "le": "limit", "gt": "limit", "lt": "limit"}


def reason_in_words(first: Any) -> Value:
    """Why pydantic refused a value (one of its errors), in both languages."""
    kind = first["type"]
    reason = str(first["msg"]).removeprefix("Value error, ")
    if SEPARATOR in reason:
        reason_en, _, reason_sv = reason.partition(SEPARATOR)
        return Named(reason_sv, reason_en)
    if kind == "extra_forbidden":
        return msg("error.value.unknown_field")
    if kind == "missing":
        return msg("error.value.missing")
    known = _REASON_BY_TYPE.get(kind)
    if known is None:
        return reason
    context = first.get("ctx") or {}
    values: dict[str, Value] = {_CONTEXT[k]: str(v) for k, v in context.items() if k in _CONTEXT}
    if kind == "literal_error":
        # Pydantic lists the allowed values as "'a', 'b' or 'c'": listed again, the Swedish way, by Babel.
        from babel.lists import format_list

        allowed = re.split(r", | or ", str(context.get("expected", "")))
        values["expected"] = format_list(allowed, style="or", locale="sv_SE")
    return Named(render(known.with_values(**values), "sv"), reason)


def _describe(error: Any, source: Path | str) -> Msg:
    first = error.errors()[0]
    location: Value = ".".join(str(part) for part in first["loc"]) or msg("error.document.whole")
    value = first.get("input")
    # A whole record or document is not worth showing: the reason names what in it is wrong.
    shown = "" if isinstance(value, dict) or first["type"] == "missing" else repr(_as_written(value))
    if len(shown) > 80:
        shown = shown[:77] + "…"
    value_text = f" = {shown}" if shown else ""
    count = error.error_count()
    if count > 1:
        return msg(
            "error.document.field.more", source=str(source), location=location, value=value_text, reason=reason_in_words(first), n=count - 1
        )
    return msg("error.document.field", source=str(source), location=location, value=value_text, reason=reason_in_words(first))


def _as_written(value: object) -> object:
    """A parsed value as the file wrote it: dates as YYYY-MM-DD and amounts as digits, not Python's reprs."""
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 200:
        # repr() of an integer of thousands of digits raises; its first digits are enough to recognise it.
        return FloatLiteral(f"<an integer of about {int(value.bit_length() * 0.30103) + 1} digits>")
    if isinstance(value, str) and len(value) > 200:
        return value[:200]
    if isinstance(value, list | tuple):
        return [_as_written(item) for item in value[:20]]
    if isinstance(value, dict):
        return {key: _as_written(item) for key, item in value.items()}
    return value
