"""What a clause is: one section's rules as a module, registered explicitly, turning a Context into Candidates."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from .catalogue import Msg
from .context import Candidate, Context
from .report import Finding


@dataclass(frozen=True)
class Rule:
    """One rule of a clause in plain language, for the generated documentation and the coverage record."""

    id: str
    """The finding id it produces, with placeholders, e.g. ``grant-payment/{year}``."""
    section: str
    """The section it rests on."""
    quote_key: str
    """The quote of that section it cites."""
    text: Msg
    """What it checks, in plain language (a catalogue message ``rule.…``)."""
    settings: tuple[str, ...] = ()
    """The interpretation settings it depends on."""



@dataclass(frozen=True)
class Clause:
    """A clause module: its subject, the sections it encodes, its rules, and its evaluation entry point."""

    name: str
    """The module's subject, e.g. ``term``."""
    sections: tuple[str, ...]
    """The agreement's sections it encodes."""
    rules: tuple[Rule, ...]
    """Its rules, documented."""
    evaluate: Callable[[Context], Iterable[Candidate]]
    """Turns the context into candidates (duties, rights, notes)."""
    review: Callable[[Context, Sequence[Finding]], Iterable[Candidate]] | None = None
    """A second pass, for rules that rest on other duties' outcomes (§9: a right available while the other
    party has an unremedied breach). It sees every first-pass finding of the same evaluation."""
