"""iop-rules: the partnership agreement (IOP) between Socialförvaltningen, Helsingborgs stad and Frälsningsarmén
against human trafficking and prostitution, 2025–2028, as executable, tested rules.

    >>> from iop_rules import load_agreement, load_facts, evaluate
    >>> report = evaluate(load_agreement(), load_facts("examples/history-2026-11-30.toml"))
"""

from __future__ import annotations

from ._types import InputError
from .agreement import Agreement, Settings, load_agreement
from .compare import InterpretationComparison, compare_interpretations
from .evaluate import evaluate
from .explain import Explanation, explain
from .facts import Facts, load_facts, parse_facts
from .repayment import RepaymentAssessment, assess_repayment
from .report import AgreementStatus, Evidence, Finding, Report, Text
from .timeline import StatusChange, timeline

__version__ = "0.1.0"

__all__ = [
    "Agreement",
    "AgreementStatus",
    "Evidence",
    "Explanation",
    "Facts",
    "Finding",
    "InputError",
    "InterpretationComparison",
    "RepaymentAssessment",
    "Report",
    "Settings",
    "StatusChange",
    "Text",
    "__version__",
    "assess_repayment",
    "compare_interpretations",
    "evaluate",
    "explain",
    "load_agreement",
    "load_facts",
    "parse_facts",
    "timeline",
]
