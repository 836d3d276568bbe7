"""The contract every clause's test inherits: what holds for every clause module alike.

Subclass ``ClauseContract`` in ``tests/clauses/test_<clause>.py`` and set ``clause``; the tests below then run
for that clause (the style of python-holidays' ``CommonCountryTests``).
"""

from __future__ import annotations

import datetime as dt
import re

from iop_rules import Agreement, load_agreement
from iop_rules.catalogue import Msg
from iop_rules.clause import Clause
from iop_rules.clauses import CLAUSES
from iop_rules.context import Context, as_text
from iop_rules.evaluate import candidates, context_for

from ..conftest import EXAMPLE, ROOT, make_facts

DAYS = [dt.date(2024, 12, 31), dt.date(2025, 1, 1), dt.date(2026, 11, 30), dt.date(2027, 1, 1), dt.date(2029, 1, 1)]


class ClauseContract:
    """Shared checks for one clause module."""

    clause: Clause

    def _contexts(self) -> list[Context]:
        agreement: Agreement = load_agreement()
        facts = make_facts()
        out = [context_for(agreement, facts, as_of=d) for d in DAYS]
        if EXAMPLE.exists():
            from iop_rules import load_facts

            example = load_facts(EXAMPLE)
            out.extend(context_for(agreement, example, as_of=d) for d in DAYS)
        return out

    def test_registered(self) -> None:
        assert self.clause in CLAUSES, f"clause {self.clause.name} is not in the registry"

    def test_module_has_test_file(self) -> None:
        assert (ROOT / "tests" / "clauses" / f"test_{self.clause.name}.py").exists()

    def test_rules_cite_sections_and_real_quotes(self) -> None:
        agreement = load_agreement()
        assert self.clause.rules, "a clause documents at least one rule"
        for rule in self.clause.rules:
            assert rule.section in self.clause.sections
            assert agreement.quote(rule.section, rule.quote_key)
            text = rule.text
            sv, en = (text.render("sv"), text.render("en")) if isinstance(text, Msg) else text
            assert sv and en
            for setting in rule.settings:
                assert re.fullmatch(r"I([1-9]|1[0-4])", setting)

    def test_candidates_cite_own_sections_and_existing_quotes(self) -> None:
        for ctx in self._contexts():
            for candidate in self.clause.evaluate(ctx):
                assert candidate.section in self.clause.sections, candidate.id
                assert ctx.agreement.quote(candidate.section, candidate.quote_key)
                patterns = [re.sub(r"\\\{[^}]*\\\}", ".+", re.escape(r.id)) for r in self.clause.rules]
                assert any(re.fullmatch(p, candidate.id) for p in patterns), (
                    f"{candidate.id} matches no documented rule id of {self.clause.name}"
                )

    def test_candidate_ids_unique_and_stable(self) -> None:
        for ctx in self._contexts():
            first = [c.id for c in self.clause.evaluate(ctx)]
            second = [c.id for c in self.clause.evaluate(ctx)]
            assert first == second
            assert len(first) == len(set(first))

    def test_messages_in_both_languages(self) -> None:
        for ctx in self._contexts():
            for candidate in candidates(ctx):
                if candidate.section not in self.clause.sections:
                    continue
                for status in ("pending", "due", "violated", "fulfilled", "fulfilled_late", "discharged", "open"):
                    text = as_text(candidate.describe(status))
                    assert text.sv.strip() and text.en.strip(), candidate.id
