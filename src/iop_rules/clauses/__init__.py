"""The explicit registry of clauses. Adding a clause: its module, its test, its agreement.toml section, one line here."""

from __future__ import annotations

from ..clause import Clause
from . import amendments, signatures, term

CLAUSES: tuple[Clause, ...] = (
    term.CLAUSE,
    amendments.CLAUSE,
    signatures.CLAUSE,
)
"""Every clause evaluated, in section order."""

__all__ = ["CLAUSES"]
