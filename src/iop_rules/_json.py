"""How the library writes a JSON document: keys sorted, two-space indent, UTF-8 text, a newline at the end.

Every JSON the library writes (a report, a timeline, an explanation, a comparison, repayment assessments, the
published schemas) is byte-identical for the same input and is the text of ``json.dumps(data,
ensure_ascii=False, indent=2, sort_keys=True)``. That call takes the standard library's pure-Python encoder
(its C encoder writes no indent): about 4 ms of the ~0.25 s a ``check --format json`` takes. Here the keys are
sorted once in Python and pydantic-core's encoder writes the text, which gives the same bytes for the values
a document holds (strings, ints, bools, null, lists and objects with string keys): ``tests/test_json_writer.py``
compares the two over every document of every scenario and every code point. A value of any other kind (a
float, an int beyond 64 bits) takes the standard library's path, so the text never depends on which was taken.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic_core import to_json

_LIMIT = 2**63
"""pydantic-core writes ints within 64 bits as Python does; a bigger one takes the standard library's path."""


class _Other(Exception):
    """A value pydantic-core might write differently from the standard library."""


def _sorted(value: Any) -> Any:
    # Exact types only: a str or int subclass (an enum, a bool for int) could be written differently.
    kind = type(value)
    if kind is str:
        return value
    if kind is dict:
        for key in value:
            if type(key) is not str:
                raise _Other
        return {key: _sorted(value[key]) for key in sorted(value)}
    if kind is list or kind is tuple:
        return [_sorted(item) for item in value]
    if value is None or kind is bool:
        return value
    if kind is int and -_LIMIT <= value < _LIMIT:
        return value
    raise _Other


def dumps(data: Any) -> str:
    """``data`` as the library writes JSON: keys sorted, two-space indent, non-ASCII as is, newline at the end."""
    try:
        return to_json(_sorted(data), indent=2).decode("utf-8") + "\n"
    except (_Other, ValueError):
        # ValueError: pydantic-core refuses what the standard library writes, e.g. a lone surrogate.
        return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
