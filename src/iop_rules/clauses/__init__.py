"""The explicit registry of clauses. Adding a clause: its module, its test, its agreement.toml section, one line here."""

from __future__ import annotations

from ..clause import Clause
from . import (
    accounts,
    amendments,
    city_duties,
    disputes,
    follow_up,
    free_of_charge,
    grants,
    joint_plan,
    organisation,
    renegotiation,
    repayment,
    signatures,
    statistics,
    term,
)

CLAUSES: tuple[Clause, ...] = (
    joint_plan.CLAUSE,
    term.CLAUSE,
    grants.CLAUSE,
    free_of_charge.CLAUSE,
    city_duties.CLAUSE,
    organisation.CLAUSE,
    repayment.CLAUSE,
    accounts.CLAUSE,
    statistics.CLAUSE,
    follow_up.CLAUSE,
    renegotiation.CLAUSE,
    disputes.CLAUSE,
    amendments.CLAUSE,
    signatures.CLAUSE,
)
"""Every clause evaluated, in section order."""

__all__ = ["CLAUSES"]
