"""Value types shared by the agreement and the facts: days, money in SEK and öre, party keys, input errors."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, ConfigDict, PlainSerializer

from ._docstrings import field_docstrings

PartyKey = Literal["city", "fa"]
"""A party of the agreement: ``city`` is Socialförvaltningen, Helsingborgs stad; ``fa`` is Frälsningsarmén."""

Responsible = Literal["city", "fa", "both"]
"""Who a finding is about: one party or both."""

MIN_DAY = dt.date(1900, 1, 1)
MAX_DAY = dt.date(2100, 12, 31)

MODEL_CONFIG = ConfigDict(
    extra="forbid",
    frozen=True,
    json_schema_extra=field_docstrings,
    defer_build=True,
    str_strip_whitespace=True,
)
"""Every input model is frozen, rejects unknown fields, and documents its fields from their docstrings (in its
JSON Schema, read when the schema is made)."""


class InputError(ValueError):
    """Bad input: a facts or agreement file, or an argument, that cannot be read as what the agreement needs.

    The message names the field, the value and what was expected, in Swedish and English.
    """

    def __init__(self, message_sv: str, message_en: str) -> None:
        super().__init__(f"{message_en} / {message_sv}")
        self.message_sv = message_sv
        self.message_en = message_en

    def message(self, lang: str = "en") -> str:
        """The message in one language (``sv`` or ``en``)."""
        return self.message_sv if lang == "sv" else self.message_en


SEPARATOR = "\u2016"
"""Between the English and the Swedish text of a validation message (see ``bilingual``)."""


def bilingual(en: str, sv: str) -> str:
    """A validation message in both languages; the loaders split it again for the person reading."""
    return f"{en}{SEPARATOR}{sv}"


def _parse_day(value: Any) -> dt.date:
    # datetime is a subclass of date; a timestamp is not a day in the agreement.
    if isinstance(value, dt.datetime):
        raise ValueError(bilingual("expected a date YYYY-MM-DD without a time of day", "förväntade ett datum ÅÅÅÅ-MM-DD utan klockslag"))
    if isinstance(value, dt.date):
        day = value
    elif isinstance(value, str):
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(bilingual("expected a real calendar date written YYYY-MM-DD", "förväntade ett verkligt datum skrivet ÅÅÅÅ-MM-DD")) from None
        if len(value) != 10:
            raise ValueError(bilingual("expected a date written YYYY-MM-DD", "förväntade ett datum skrivet ÅÅÅÅ-MM-DD"))
    else:
        raise ValueError(bilingual("expected a date written YYYY-MM-DD", "förväntade ett datum skrivet ÅÅÅÅ-MM-DD"))
    if not MIN_DAY <= day <= MAX_DAY:
        raise ValueError(bilingual("expected a date between 1900-01-01 and 2100-12-31", "förväntade ett datum mellan 1900-01-01 och 2100-12-31"))
    return day


Day = Annotated[
    dt.date,
    BeforeValidator(_parse_day),
    PlainSerializer(lambda d: d.isoformat(), return_type=str, when_used="json"),
]
"""A calendar day (YYYY-MM-DD) between 1900-01-01 and 2100-12-31."""


def _parse_sek(value: Any) -> Decimal:
    # Floats are refused: 0.1 + 0.2 is not 0.3, and money must be exact to the öre.
    if isinstance(value, bool):
        raise ValueError(bilingual("expected an amount in SEK, e.g. \"200000.00\"", "förväntade ett belopp i kronor, t.ex. \"200000.00\""))
    if isinstance(value, float):
        raise ValueError(bilingual("expected an exact amount in SEK as a string, e.g. \"199999.99\" (not a float)", "förväntade ett exakt belopp i kronor som text, t.ex. \"199999.99\" (inte ett flyttal)"))
    if isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, Decimal):
        amount = value
    elif isinstance(value, str):
        text = value.replace(" ", "").replace("\u00a0", "").replace(",", ".")
        try:
            amount = Decimal(text)
        except InvalidOperation:
            raise ValueError(bilingual("expected an amount in SEK, e.g. \"200000.00\"", "förväntade ett belopp i kronor, t.ex. \"200000.00\"")) from None
    else:
        raise ValueError(bilingual("expected an amount in SEK, e.g. \"200000.00\"", "förväntade ett belopp i kronor, t.ex. \"200000.00\""))
    if not amount.is_finite():
        raise ValueError(bilingual("expected a finite amount in SEK", "förväntade ett ändligt belopp i kronor"))
    if amount < 0:
        raise ValueError(bilingual("expected an amount of 0 SEK or more", "förväntade ett belopp på 0 kr eller mer"))
    exponent = amount.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2 and amount != amount.quantize(Decimal("0.01")):
        raise ValueError(bilingual("expected at most two decimals (öre)", "förväntade högst två decimaler (öre)"))
    if amount > Decimal("1000000000000"):
        raise ValueError(bilingual("expected an amount below 1 000 000 000 000 SEK", "förväntade ett belopp under 1 000 000 000 000 kr"))
    return amount.quantize(Decimal("0.01"))


Sek = Annotated[
    Decimal,
    BeforeValidator(_parse_sek),
    PlainSerializer(lambda d: f"{d:.2f}", return_type=str, when_used="json"),
]
"""An exact, non-negative amount in SEK with at most two decimals (öre), written e.g. ``"200000.00"``."""


def to_ore(amount: Decimal) -> int:
    """The amount in whole öre (1 SEK = 100 öre)."""
    return int(amount * 100)


def from_ore(ore: int) -> Decimal:
    """An amount in öre as exact SEK with two decimals."""
    return (Decimal(ore) / 100).quantize(Decimal("0.01"))


def format_sek(amount: Decimal, lang: str = "sv") -> str:
    """An amount as a person reads it: ``199 999,99 kr`` in Swedish, ``SEK 199,999.99`` in English."""
    whole, _, frac = f"{amount:.2f}".partition(".")
    sign = "-" if whole.startswith("-") else ""
    whole = whole.lstrip("-")
    groups = []
    while whole:
        groups.append(whole[-3:])
        whole = whole[:-3]
    if lang == "sv":
        return f"{sign}{' '.join(reversed(groups))},{frac} kr"
    return f"SEK {sign}{','.join(reversed(groups))}.{frac}"
