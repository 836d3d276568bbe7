"""Value types shared by the agreement and the facts: days, money in SEK and öre, party keys, input errors."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping
from decimal import Decimal
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, ConfigDict, PlainSerializer, WithJsonSchema

from ._docstrings import field_docstrings
from .catalogue import Msg, Named, money, msg

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

    def __init__(self, message_sv: str | Msg, message_en: str = "") -> None:
        # A catalogue message (``InputError(msg("error.…", …))``), or a (Swedish, English) pair of texts already
        # made from the catalogues (a workbook's lines, one per bad cell). Whatever the input held (a key with a
        # newline, an escape sequence) is shown escaped, never obeyed.
        self.id: str | None = None
        if isinstance(message_sv, Msg):
            self.id = message_sv.id
            sv, en = message_sv.render("sv"), message_sv.render("en")
        else:
            sv, en = message_sv, message_en
        sv, en = printable(sv), printable(en)
        super().__init__(f"{en} / {sv}")
        self.message_sv = sv
        self.message_en = en

    def message(self, lang: str = "en") -> str:
        """The message in one language (``sv`` or ``en``)."""
        return self.message_sv if lang == "sv" else self.message_en


def printable(text: str) -> str:
    """The text safe to print on a terminal: control and format characters (newline, ESC, bidi overrides) escaped.

    ``"a\\nb"`` → ``"a\\\\nb"``; every value from the input that a message shows goes through this.
    """
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


SEPARATOR = "\u2016"
"""Between the English and the Swedish text of a validation message (see ``bilingual``)."""


def bilingual(message: Msg) -> str:
    """A validation message from the catalogues in both languages, as one string (pydantic keeps a validator's
    error as text); the loaders split it again for the person reading."""
    return f"{message.render('en')}{SEPARATOR}{message.render('sv')}"


_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", re.ASCII)


def parse_day_value(value: object) -> dt.date:
    """A calendar day as a facts or agreement file writes it: the text ``YYYY-MM-DD`` or a TOML local date.

    Nothing else: not an ISO week date ("2026-W06-1"), not a timestamp, not "20260202". Raises ValueError with a
    ``bilingual`` message; every reader of days (files, ``parse_facts``, the command line, workbooks) uses this.
    """
    # datetime is a subclass of date; a timestamp is not a day in the agreement.
    if isinstance(value, dt.datetime | dt.time):
        raise ValueError(bilingual(msg("error.day.time_of_day")))
    if isinstance(value, dt.date):
        day = value
    elif isinstance(value, str) and _ISO_DAY.fullmatch(value):
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            raise ValueError(bilingual(msg("error.day.not_real"))) from None
    else:
        raise ValueError(bilingual(msg("error.day.format")))
    if not MIN_DAY <= day <= MAX_DAY:
        raise ValueError(bilingual(msg("error.day.range", first=MIN_DAY, last=MAX_DAY)))
    return day


Day = Annotated[
    dt.date,
    BeforeValidator(parse_day_value),
    PlainSerializer(lambda d: d.isoformat(), return_type=str, when_used="json"),
]
"""A calendar day (YYYY-MM-DD) between 1900-01-01 and 2100-12-31."""


def _whole_number(value: object) -> int:
    # bool is a subclass of int, and pydantic would read "12" or 12.0 as 12: a count is written as an integer.
    if type(value) is int:
        return value
    raise ValueError(bilingual(msg("error.count")))


Count = Annotated[int, BeforeValidator(_whole_number)]
"""A whole number as a file writes it: ``12``, never ``"12"``, ``12.0`` or ``true``."""


def _flag(value: object) -> bool:
    # pydantic would read "yes", "on", 1 and "true" as True: in the facts, yes and no are written true and false.
    if value is True or value is False:
        return value
    raise ValueError(bilingual(msg("error.flag")))


Flag = Annotated[bool, BeforeValidator(_flag)]
"""Yes or no as a file writes it: ``true`` or ``false``, never ``"yes"``, ``1`` or ``"true"``."""


def year_key(key: object, low: int = 1900, high: int = 2100) -> int:
    """A year used as a table key (``[grants.amounts] 2025 = ...``): four ASCII digits from ``low`` to ``high``."""
    if isinstance(key, int) and not isinstance(key, bool):
        year = key
    elif isinstance(key, str) and re.fullmatch(r"[0-9]{4}", key, re.ASCII):
        year = int(key)
    else:
        raise ValueError(bilingual(msg("error.year_key", key=printable(repr(key)))))
    if not low <= year <= high:
        raise ValueError(bilingual(msg("error.year_key.range", key=year, low=low, high=high)))
    return year


def year_keyed(value: Any, field: str) -> Any:
    """A table keyed by year (an amendment's or the agreement's grants) with its keys read by ``year_key``; an
    error names ``field``. Anything that is not a table is left for the model's own check."""
    if not isinstance(value, Mapping):
        return value
    out: dict[int, Any] = {}
    for key, amount in value.items():
        try:
            year = year_key(key)
        except ValueError as error:
            en, _, sv = str(error).partition(SEPARATOR)
            raise ValueError(bilingual(msg("error.year_key.field", field=field, reason=Named(sv, en)))) from None
        out[year] = amount
    return out


def _plain_text(value: object) -> object:
    # Free text is shown in reports and messages: a line break or an escape sequence in it could rewrite them.
    if isinstance(value, str) and any(unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") for c in value):
        raise ValueError(bilingual(msg("error.line")))
    return value


PlainText = Annotated[str, BeforeValidator(_plain_text)]
"""Free text on one line: no line breaks, tabs, escape sequences or invisible format characters."""


class FloatLiteral:
    """A number with a point or an exponent, as a TOML or JSON file wrote it (``200000.5``), kept unread.

    The file readers keep such a number as written instead of reading it as a float, so that an amount written
    as a number is refused with its canonical form suggested, never rounded; ``repr`` shows it as written.
    """

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text

    def __eq__(self, other: object) -> bool:
        return isinstance(other, FloatLiteral) and other.text == self.text

    def __hash__(self) -> int:
        return hash(self.text)


MAX_SEK = Decimal("1000000000000")
_CENT = Decimal("0.01")
_CANONICAL_SEK = re.compile(r"([0-9]+)(?:\.([0-9]{1,2}))?", re.ASCII)


def _amount_error(reason: Msg, suggestion: str | None = None) -> ValueError:
    if suggestion is not None:
        return ValueError(bilingual(msg("error.amount.suggestion", reason=reason, suggestion=suggestion)))
    return ValueError(bilingual(reason))


def canonical_guess(text: str) -> str | None:
    """The canonical form ("200000.00") of what an amount written another way most probably means, if clear.

    ``"200,000"`` and ``"200 000"`` → ``"200000.00"``, ``"1,5"`` → ``"1.50"``, ``"1e5"`` → ``"100000.00"``,
    ``"٢٠٠"`` → ``"200.00"``, ``"-0.00"`` → ``"0.00"``. None when the reading is unclear or not a valid amount.
    """
    if len(text) > 64:
        return None
    digits = "".join(str(unicodedata.decimal(c)) if unicodedata.category(c) == "Nd" else c for c in text)
    digits = re.sub(r"(?i)^\s*(sek|kr)\s*|\s*(sek|kr|:-)\.?\s*$", "", digits)
    digits = re.sub(r"[\s_'’]", "", digits)
    negative = digits.startswith("-")
    digits = digits.removeprefix("+").removeprefix("-")
    if re.fullmatch(r"[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?", digits):
        digits = digits.replace(",", "")
    elif re.fullmatch(r"[0-9]{1,3}(\.[0-9]{3}){2,}(,[0-9]+)?|[0-9]{1,3}\.[0-9]{3},[0-9]+", digits):
        digits = digits.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"[0-9]+,[0-9]{1,2}", digits):
        digits = digits.replace(",", ".")
    if not re.fullmatch(r"([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]{1,2})?", digits):
        return None
    amount = Decimal(digits)
    if not amount.is_finite() or amount > MAX_SEK or amount != amount.quantize(_CENT):
        return None
    if negative and amount != 0:
        return None
    return f"{amount.quantize(_CENT):f}"


def parse_amount(value: object) -> Decimal:
    """An exact, non-negative amount in SEK, as files, ``parse_facts`` and workbooks all read it.

    The one form is text of ASCII digits with an optional point and at most two decimals: ``"200000.00"``. A whole
    number may also be an integer (``200000``), and a ``Decimal`` given from Python is taken when it is exact to
    the öre. Refused, with the canonical form of what was probably meant: a comma, a space, an underscore, an
    exponent, a sign, non-ASCII digits, a float or a number with a point in a file, and negative zero.
    Raises ValueError with a ``bilingual`` message.
    """
    # Floats are refused: 0.1 + 0.2 is not 0.3, and money must be exact to the öre.
    if isinstance(value, bool):
        raise _amount_error(msg("error.amount.as_text"))
    if isinstance(value, float | FloatLiteral):
        text = repr(value) if isinstance(value, float) else value.text
        if text.lstrip("+-") in ("inf", "nan"):
            raise _amount_error(msg("error.amount.infinite.text"))
        raise _amount_error(msg("error.amount.float"), canonical_guess(text))
    if isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, Decimal):
        if not value.is_finite():
            raise _amount_error(msg("error.amount.infinite"))
        if value.is_signed() and value == 0:
            raise _amount_error(msg("error.amount.negative_zero"), "0.00")
        amount = value
        if abs(amount) <= MAX_SEK and amount != amount.quantize(_CENT):
            raise _amount_error(msg("error.amount.decimals"))
    elif isinstance(value, str):
        amount = _parse_amount_text(value)
    else:
        raise _amount_error(msg("error.amount.type"))
    if amount < 0:
        raise _amount_error(msg("error.amount.negative"))
    if amount > MAX_SEK:
        raise _amount_error(msg("error.amount.too_large"))
    return amount.quantize(_CENT)


def _parse_amount_text(text: str) -> Decimal:
    match = _CANONICAL_SEK.fullmatch(text)
    if match:
        if len(match.group(1)) > 13:
            raise _amount_error(msg("error.amount.too_large"))
        return Decimal(text)
    unsigned = text[1:] if text[:1] == "-" else None
    if unsigned is not None and _CANONICAL_SEK.fullmatch(unsigned):
        if Decimal(unsigned) == 0:
            raise _amount_error(msg("error.amount.negative_zero"), "0.00")
        raise _amount_error(msg("error.amount.negative"))
    if re.fullmatch(r"[0-9]{1,13}\.[0-9]{3,}", text, re.ASCII):
        raise _amount_error(msg("error.amount.decimals.example"), canonical_guess(text))
    raise _amount_error(msg("error.amount.characters"), canonical_guess(text))


SEK_JSON_SCHEMA: dict[str, object] = {
    "anyOf": [
        {"type": "string", "pattern": "^[0-9]{1,13}(\\.[0-9]{1,2})?$"},
        {"type": "integer", "minimum": 0, "maximum": 1000000000000},
    ],
    "examples": ["200000.00"],
}
"""The JSON Schema of an amount: the canonical text ("200000.00") or whole kronor as an integer.

Written out rather than left to pydantic, whose schema for a Decimal accepts floats and changes between
versions; this one says what ``parse_amount`` accepts."""

Sek = Annotated[
    Decimal,
    BeforeValidator(parse_amount),
    PlainSerializer(lambda d: f"{d:.2f}", return_type=str, when_used="json"),
    WithJsonSchema(SEK_JSON_SCHEMA),
]
"""An exact, non-negative amount in SEK with at most two decimals (öre), written e.g. ``"200000.00"``."""


def to_ore(amount: Decimal) -> int:
    """The amount in whole öre (1 SEK = 100 öre)."""
    return int(amount * 100)


def from_ore(ore: int) -> Decimal:
    """An amount in öre as exact SEK with two decimals."""
    return (Decimal(ore) / 100).quantize(Decimal("0.01"))


def format_sek(amount: Decimal, lang: str = "sv") -> str:
    """An amount as a person reads it: ``199 999,99 kr`` in Swedish, ``SEK 199,999.99`` in English (Babel, the
    same as every message: ``catalogue.money``)."""
    return money(amount, lang)
