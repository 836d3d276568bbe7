"""The contract with partner tools: the JSON Schemas of a facts file and of a report, shipped in the package.

``facts.schema.json`` and ``report.schema.json`` beside this module are generated from the models (``Facts``,
``Report``) with a ``$schema`` (JSON Schema 2020-12) and an ``$id``; a test keeps them equal to the models.
Read them with ``importlib.resources`` or ``schema_text``::

    from importlib import resources
    text = resources.files("iop_rules.schemas").joinpath("facts.schema.json").read_text(encoding="utf-8")

Regenerate them from a source checkout with ``PYTHONPATH=src python -m iop_rules.schemas``.
"""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from .._json import dumps

DIALECT = "https://json-schema.org/draft/2020-12/schema"
"""The JSON Schema version the schemas are written in."""

SCHEMA_VERSION = 1
"""Raised when a schema changes in a way a partner tool must follow (a field removed or its meaning changed)."""

SchemaName = Literal["facts", "report"]


def schema_id(name: SchemaName) -> str:
    """The schema's ``$id``: a name, not an address to fetch (the package carries the file)."""
    return f"urn:iop-rules:schema:{name}:v{SCHEMA_VERSION}"


def build(name: SchemaName) -> dict[str, Any]:
    """The schema as generated from the model now, with ``$schema`` and ``$id`` first."""
    from ..facts import Facts
    from ..report import Report

    model = Facts if name == "facts" else Report
    return {"$schema": DIALECT, "$id": schema_id(name), **model.model_json_schema()}


def render(name: SchemaName) -> str:
    """The schema file's text: keys sorted, two-space indent, UTF-8, newline at the end."""
    return dumps(build(name))


def schema_text(name: SchemaName) -> str:
    """The shipped schema file's text, read from the installed package."""
    return resources.files(__name__).joinpath(f"{name}.schema.json").read_text(encoding="utf-8")


def main() -> int:
    """Write the schema files beside this module (in a source checkout)."""
    here = Path(__file__).resolve().parent
    for name in ("facts", "report"):
        path = here / f"{name}.schema.json"
        path.write_text(render(name), encoding="utf-8", newline="\n")
        sys.stdout.write(f"wrote {path}\n")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
