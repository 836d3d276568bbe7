"""Field descriptions for the JSON Schemas, from the attribute docstrings under each field, read only when a
schema is generated.

pydantic's ``use_attribute_docstrings`` reads every model's source at import (tokenising and parsing it), which
was the largest single cost of starting the command line; the schemas are the only place the descriptions are
used. ``json_schema_extra=field_docstrings`` in a model's config gives the same schema, paid for only by
``model_json_schema``.
"""

from __future__ import annotations

from functools import cache
from typing import Any, cast

from pydantic import BaseModel


@cache
def _docstrings(model: type[BaseModel]) -> dict[str, str]:
    """Each field's docstring, the subclass's winning over its bases'."""
    # pydantic's own reader (the one ``use_attribute_docstrings`` uses), imported only when a schema is made.
    from pydantic._internal._docs_extraction import extract_docstrings_from_cls

    out: dict[str, str] = {}
    for cls in reversed(model.__mro__):
        if isinstance(cls, type) and issubclass(cls, BaseModel) and cls is not BaseModel:
            out.update(extract_docstrings_from_cls(cls, use_inspect=True))
    return out


def field_docstrings(schema: dict[str, Any], model: type[Any]) -> None:
    """Add each property's docstring as its ``description`` (where the field has none of its own)."""
    properties = schema.get("properties")
    if not isinstance(properties, dict):
        return
    docs = _docstrings(cast(type[BaseModel], model))
    for name, field in model.model_fields.items():
        key = field.alias or name
        if key in properties and name in docs and "description" not in properties[key]:
            properties[key]["description"] = docs[name]


def docstrings(model: type[BaseModel]) -> dict[str, str]:
    """Each field's docstring by field name (the facts workbook's column descriptions are these too)."""
    return _docstrings(model)
