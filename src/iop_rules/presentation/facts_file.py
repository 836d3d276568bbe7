"""A facts snapshot written back as a facts file: TOML (as a person writes it) or JSON.

Both read back through ``load_facts`` to the same snapshot. Fields at their defaults and empty collections are
left out, as a person would leave them out; amounts are written as exact text (``"200000.00"``), dates as dates.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

import tomli_w

from ..facts import Facts


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items() if v is not None}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def facts_data(facts: Facts) -> dict[str, Any]:
    """The snapshot as plain data: dates as dates, amounts as text, nothing at its default."""
    data: dict[str, Any] = _plain(facts.model_dump(exclude_defaults=True))
    return data


def facts_toml(facts: Facts) -> str:
    """The snapshot as TOML text."""
    return tomli_w.dumps(facts_data(facts))


def facts_json(facts: Facts) -> str:
    """The snapshot as JSON text (dates as YYYY-MM-DD), keys in the schema's order, ending in a newline."""

    def default(value: object) -> str:
        if isinstance(value, dt.date):
            return value.isoformat()
        raise TypeError(f"cannot write {type(value).__name__}")

    return json.dumps(facts_data(facts), ensure_ascii=False, indent=2, default=default) + "\n"
