"""iop-rules: the partnership agreement (IOP) between Socialförvaltningen, Helsingborgs stad and Frälsningsarmén
against human trafficking and prostitution, 2025–2028, as executable, tested rules.

    >>> from iop_rules import load_agreement, load_facts, evaluate
    >>> report = evaluate(load_agreement(), load_facts("examples/history-2026-11-30.toml"))
"""

from __future__ import annotations

import sys
from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING, Any

from ._types import InputError

if TYPE_CHECKING:
    from .agreement import Agreement, Settings, load_agreement
    from .compare import InterpretationComparison, compare_interpretations
    from .evaluate import evaluate
    from .explain import Explanation, explain
    from .facts import Facts, load_facts, parse_facts
    from .repayment import RepaymentAssessment, assess_repayment
    from .report import AgreementStatus, Evidence, Finding, Report, Text
    from .timeline import StatusChange, timeline

__version__ = "0.4.0"

_EXPORTS = {
    "Agreement": "agreement",
    "Settings": "agreement",
    "load_agreement": "agreement",
    "InterpretationComparison": "compare",
    "compare_interpretations": "compare",
    "evaluate": "evaluate",
    "Explanation": "explain",
    "explain": "explain",
    "Facts": "facts",
    "load_facts": "facts",
    "parse_facts": "facts",
    "RepaymentAssessment": "repayment",
    "assess_repayment": "repayment",
    "AgreementStatus": "report",
    "Evidence": "report",
    "Finding": "report",
    "Report": "report",
    "Text": "report",
    "StatusChange": "timeline",
    "timeline": "timeline",
}
"""Where each name of the API lives. They are imported on first use (PEP 562), so that a command starts
without the modules it does not run (``explain``, ``compare``, ``timeline``…)."""


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})


class _Package(ModuleType):
    """The package: importing a submodule named like a function of the API (``evaluate``, ``explain``,
    ``timeline``) leaves ``iop_rules.evaluate`` the function, as it was when the package imported them all."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _EXPORTS and isinstance(value, ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


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
