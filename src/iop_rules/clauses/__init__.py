"""The explicit registry of clauses. Adding a clause: its module, its test, its agreement.toml section, one line here."""

from __future__ import annotations

from ..clause import Clause
from . import amendments, free_of_charge, grants, repayment, signatures, term

CLAUSES: tuple[Clause, ...] = (
    term.CLAUSE,
    grants.CLAUSE,
    free_of_charge.CLAUSE,
    repayment.CLAUSE,
    amendments.CLAUSE,
    signatures.CLAUSE,
)
"""Every clause evaluated, in section order."""

__all__ = ["CLAUSES"]
