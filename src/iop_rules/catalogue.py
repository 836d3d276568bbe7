"""The message catalogues: every sentence a person reads, by message id, in Swedish and English.

A finding, a reasoning step or an error carries a :class:`Msg` (a message id and named values); this module turns
it into a sentence in one language. The sentences live in gettext ``.po`` files shipped inside the package
(``iop_rules/locale/<lang>/LC_MESSAGES/iop_rules.po``), one per language, so that a Swedish reviewer can
proofread them without reading Python. Each is compiled beside it into ``iop_rules.json``
(``scripts/compile_catalogues.py``; ``tests/test_catalogue.py`` fails when one is stale): Babel compiles the
``.po`` into gettext's ``.mo`` form, and gettext's table of it (the sentences, each plural message's forms and
the file's ``Plural-Forms`` rule, which gettext applies) is written as JSON, which the package reads at start
without parsing the ``.po`` (Babel) or the ``.mo`` (gettext's reader is pure Python: about 5 ms of every start).

It sits in the models layer, below everything that builds findings: the report's JSON carries both languages'
text, so the core must be able to write it without importing the presentation layer. Presentation reuses it.

Values are formatted by their type, the same in every message:

- ``int`` as written (years, counts: ``2026``, ``3``);
- ``Decimal`` as money, as CLDR writes it (``200 000,00 kr`` / ``SEK 200,000.00``; see ``Conventions``);
- ``datetime.date`` as YYYY-MM-DD (the form the spec fixes for both languages);
- ``str`` verbatim (an id, an amendment's name: never a sentence of its own);
- a nested :class:`Msg` rendered in the same language (a party, a status, a clause's "what");
- a tuple of values joined as a list, as CLDR writes it (``2027 och 2028`` / ``2027 and 2028``);
- a :class:`Named`: a name a library gives in each language (a public holiday's name from ``holidays``).

A plural message (``msgid_plural`` in the catalogue) picks its form by the value named ``n``.
"""

from __future__ import annotations

import datetime as dt
import gettext
import io
import json
import os
import sys
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal
from functools import cache, lru_cache
from importlib import resources
from typing import NamedTuple, Union

from ._json import dumps

LANGS: tuple[str, str] = ("sv", "en")
"""The languages every message is written in."""

DOMAIN = "iop_rules"
_LOCALE = {"sv": "sv_SE", "en": "en_GB"}

Value = Union[str, int, Decimal, dt.date, "Msg", "Named", tuple["Value", ...]]
"""A value a message can carry."""

JsonValue = Union[str, int, dict[str, "JsonValue"], list["JsonValue"]]  # noqa: UP007 (a recursive alias)


class Msg(NamedTuple):
    """A message for a person: its id in the catalogues and its named values, before it is put in a language.

    Immutable and hashable (the values are kept as sorted pairs), so that a sentence written once is reused:
    the same duty on many evaluation days is written once per language. A named tuple, so that hashing and
    comparing a message (and the messages nested in it) as a key of the rendering caches happens in C: as a frozen
    dataclass, that cost about a seventh of an evaluation."""

    id: str
    args: tuple[tuple[str, Value], ...] = ()

    @property
    def values(self) -> dict[str, Value]:
        """The named values."""
        return dict(self.args)

    def render(self, lang: str) -> str:
        """The message in ``sv`` or ``en``."""
        return render(self, lang)

    def with_values(self, **values: Value) -> Msg:
        """The same message with these values (for a message chosen from a table)."""
        return Msg(self.id, tuple(sorted(values.items())))

    def to_json(self) -> dict[str, JsonValue]:
        """The id and values as JSON (money as a decimal string, days as YYYY-MM-DD, nested messages as objects)."""
        return _to_json(self)


@lru_cache(maxsize=65536)
def _to_json(message: Msg) -> dict[str, JsonValue]:
    return {"id": message.id, "values": {k: _json(v) for k, v in message.args}}


@dataclass(frozen=True)
class Named:
    """A text already given in each language, e.g. a public holiday's name from a library ("juldagen" / "Christmas
    Day"), a workbook sheet's name, or an inner error's message already put in both languages. Never a sentence
    written in code: those belong in the catalogues."""

    sv: str
    en: str

    def get(self, lang: str) -> str:
        """The name in ``sv`` or ``en``."""
        return self.sv if lang == "sv" else self.en


def msg(message_id: str, /, **values: Value) -> Msg:
    """The message ``message_id`` with these values. Write the id as a literal: the completeness test reads it."""
    if len(values) < 2:
        # Half the messages of an evaluation carry one value or none: nothing to sort.
        return Msg(message_id, tuple(values.items()))
    return Msg(message_id, tuple(sorted(values.items())))


def _json(value: Value) -> JsonValue:
    if isinstance(value, Msg):
        return value.to_json()
    if isinstance(value, Named):
        return {"sv": value.sv, "en": value.en}
    if isinstance(value, tuple):
        return [_json(v) for v in value]
    if isinstance(value, bool):
        raise TypeError("a message value is never a bool")
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


class MissingMessage(KeyError):
    """A message id the catalogue of a language has no sentence for."""


@dataclass(frozen=True)
class Catalogue:
    """One language's sentences, read from its ``.po`` file."""

    lang: str
    ids: frozenset[str]
    plural: frozenset[str]
    templates: Mapping[str, str]
    """The sentence of every message that has no plural forms, by id."""
    forms: Mapping[str, tuple[str, ...]]
    """The forms of every plural message, by id, in the order the ``Plural-Forms`` rule numbers them."""
    rule: Callable[[int], int]
    """The ``Plural-Forms`` rule: which form a count takes, as gettext reads it."""

    def gettext(self, message_id: str) -> str:
        """The sentence of a message that has no plural forms."""
        return self.templates[message_id]

    def ngettext(self, message_id: str, n: int) -> str:
        """The form of a plural message that the count ``n`` takes."""
        return self.forms[message_id][self.rule(n)]


def compile_po(lang: str, text: bytes) -> bytes:
    """A ``.po`` catalogue compiled to gettext's binary ``.mo`` form with Babel (fuzzy and empty entries left out),
    in memory: the first step of :func:`compile_catalogue`."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    catalog = read_po(io.BytesIO(text), locale=_LOCALE[lang], domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def _table(mo: bytes) -> tuple[dict[object, str], str]:
    """gettext's table of a ``.mo`` (a singular entry under its id, a plural one under (id, form), the headers under
    "") and the file's ``Plural-Forms`` header."""
    translations = gettext.GNUTranslations(io.BytesIO(mo))
    table: dict[object, str] = translations._catalog  # type: ignore[attr-defined]
    return table, translations.info()["plural-forms"]


def compile_catalogue(lang: str, text: bytes) -> str:
    """A ``.po`` catalogue compiled to the JSON the package reads at start: what ``scripts/compile_catalogues.py``
    writes beside each ``.po`` as ``iop_rules.json``, and what a test compares it with.

    Babel compiles the ``.po`` to gettext's ``.mo`` (fuzzy and empty entries left out) and gettext reads it back,
    so the sentences and forms are exactly those gettext would give; they are written with the file's
    ``Plural-Forms`` header, keys sorted. Nothing names the Babel that compiled it, so every Babel supported writes
    the same text.
    """
    table, plural_forms = _table(compile_po(lang, text))
    messages = {key: value for key, value in table.items() if isinstance(key, str) and key}
    forms: dict[str, list[str]] = {}
    for (key, _), value in sorted((k, v) for k, v in table.items() if isinstance(k, tuple)):
        forms.setdefault(key, []).append(value)
    return dumps({"plural_forms": plural_forms, "messages": messages, "plurals": forms})


def _plural_rule(plural_forms: str) -> Callable[[int], int]:
    # The header as gettext reads it ("nplurals=2; plural=(n != 1);"): the expression after "plural=", compiled
    # by gettext's own reader of C plural expressions.
    return gettext.c2py(plural_forms.split(";")[1].split("plural=")[1])


def _from_json(lang: str, text: str) -> Catalogue:
    data = json.loads(text)
    # The ids a language has are those with every form written.
    templates = {key: value for key, value in data["messages"].items() if value}
    forms = {key: tuple(values) for key, values in data["plurals"].items()}
    plural = frozenset(key for key, values in forms.items() if all(values))
    return Catalogue(lang, frozenset(templates) | plural, plural, templates, forms, _plural_rule(data["plural_forms"]))


def _read(lang: str, text: bytes) -> Catalogue:
    return _from_json(lang, compile_catalogue(lang, text))


def po_path(lang: str) -> resources.abc.Traversable:
    """Where the catalogue of a language is (inside the installed package)."""
    return resources.files("iop_rules") / "locale" / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def compiled_path(lang: str) -> resources.abc.Traversable:
    """Where the compiled catalogue of a language is: the ``.po`` compiled by ``scripts/compile_catalogues.py``,
    read at start instead of parsing the ``.po`` (a test keeps it equal to compiling the ``.po``)."""
    return resources.files("iop_rules") / "locale" / lang / "LC_MESSAGES" / f"{DOMAIN}.json"


_lock = threading.Lock()


def _fresh_locks_in_child() -> None:
    # A process forked while another thread was reading a catalogue, or inside Babel's locale data (guarded by its
    # module-level lock, taken on every lookup), would wait on a lock no thread of the child will ever release.
    global _lock
    _lock = threading.Lock()
    localedata = sys.modules.get("babel.localedata")
    if localedata is not None and hasattr(localedata, "_cache_lock"):
        setattr(localedata, "_cache_lock", threading.RLock())  # noqa: B010 (a private name of Babel)


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_fresh_locks_in_child)


@cache
def _catalogue_cached(lang: str) -> Catalogue:
    with _lock:
        return _from_json(lang, compiled_path(lang).read_text(encoding="utf-8"))


def catalogue(lang: str) -> Catalogue:
    """The catalogue of ``sv`` or ``en``, read once (read-only afterwards, so safe to share between threads)."""
    if lang not in LANGS:
        raise ValueError(f"language {lang!r}: expected one of {', '.join(LANGS)}")
    return _catalogue_cached(lang)


def read_catalogue(lang: str, text: bytes) -> Catalogue:
    """A catalogue read from ``.po`` text (for the completeness checks on an edited copy)."""
    return _read(lang, text)


@dataclass(frozen=True)
class Conventions:
    """How a language writes money and lists, as CLDR says it through Babel for ``sv_SE`` and ``en_GB``: kept here
    so that writing a report does not load Babel's locale data (about 25 ms of the command line's start), and kept
    equal to Babel by ``tests/test_catalogue.py`` (every amount and list it draws is written as Babel writes it)."""

    group: str
    """Between groups of three digits (Babel's no-break space written as a plain space)."""
    decimal: str
    prefix: str
    """Before the number: the currency as the language writes it there, if it goes first."""
    suffix: str
    """After the number: the currency, if it goes last."""
    pair: str
    """Two items of a list, ``{0}`` and ``{1}``."""
    start: str
    middle: str
    end: str


CONVENTIONS: dict[str, Conventions] = {
    # sv_SE: "#,##0.00 ¤" with the symbol "kr"; lists "{0}, {1}" … "{0} och {1}".
    "sv": Conventions(" ", ",", "", " kr", "{0} och {1}", "{0}, {1}", "{0}, {1}", "{0} och {1}"),
    # en_GB writes the ISO code flush against the number ("SEK200,000.00"); the spec asks for a space.
    "en": Conventions(",", ".", "SEK ", "", "{0} and {1}", "{0}, {1}", "{0}, {1}", "{0} and {1}"),
}
"""Each language's conventions, by language."""

_CENT = Decimal("0.01")


@lru_cache(maxsize=4096)
def money(amount: Decimal, lang: str) -> str:
    """An amount in SEK as a person reads it: ``200 000,00 kr`` / ``SEK 200,000.00`` (rounded to the öre half to
    even, a negative amount with a hyphen-minus, as Babel writes them; the report is plain text, read and pasted).
    Nothing is never negative: where Babel writes ``-0,00 kr`` for a negative zero, this writes ``0,00 kr``, which
    also keeps the cache from answering ``0`` with what it wrote for ``-0`` (they are equal keys)."""
    way = CONVENTIONS[lang]
    exact = amount.quantize(_CENT, rounding=ROUND_HALF_EVEN)
    whole, _, cents = f"{abs(exact):f}".partition(".")
    digits = f"{int(whole):,}".replace(",", way.group)
    sign = "-" if exact < 0 else ""
    return f"{sign}{way.prefix}{digits}{way.decimal}{cents}{way.suffix}"


def _list(items: list[str], lang: str) -> str:
    """Items joined as a list is written: ``2027 och 2028``, ``a, b och c``."""
    if len(items) < 2:
        return items[0] if items else ""
    way = CONVENTIONS[lang]
    if len(items) == 2:
        return way.pair.format(*items)
    text = way.start.format(items[0], items[1])
    for item in items[2:-1]:
        text = way.middle.format(text, item)
    return way.end.format(text, items[-1])


def format_value(value: Value, lang: str) -> str:
    """One value as it reads in a sentence."""
    if isinstance(value, Msg):
        return render(value, lang)
    if isinstance(value, Named):
        return value.get(lang)
    if isinstance(value, tuple):
        return _list([format_value(v, lang) for v in value], lang)
    if isinstance(value, bool):
        raise TypeError("a message value is never a bool")
    if isinstance(value, Decimal):
        return money(value, lang)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


@lru_cache(maxsize=65536)
def render(message: Msg, lang: str) -> str:
    """The message in ``sv`` or ``en``: its sentence with the values filled in.

    Raises :class:`MissingMessage` for an id the language's catalogue lacks. Cached: a message is a value.
    """
    cat = catalogue(lang)
    template = cat.templates.get(message.id)
    if template is None:
        if message.id not in cat.plural:
            raise MissingMessage(f"{lang}: no message {message.id!r}")
        n = dict(message.args).get("n")
        if not isinstance(n, int):
            raise TypeError(f"{message.id}: a plural message needs an int value 'n'")
        template = cat.ngettext(message.id, n)
    return template.format(**{k: format_value(v, lang) for k, v in message.args})
