"""Reading facts and agreement files: TOML or JSON, UTF-8, bounded in size, numbers kept exact."""

from __future__ import annotations

import json
import re
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any

from ._types import InputError

MAX_BYTES = 5 * 1024 * 1024
"""A facts or agreement file larger than this is refused: the real history fits in a few kilobytes."""


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number")


def parse_text(text: str, fmt: str, source: str) -> Any:
    """Parse TOML or JSON text; floats become exact Decimals so that money is never rounded."""
    try:
        if fmt == "json":
            return json.loads(text, parse_float=Decimal, parse_constant=_reject_constant)
        return tomllib.loads(text, parse_float=Decimal)
    except (json.JSONDecodeError, tomllib.TOMLDecodeError, ValueError) as error:
        kind = "JSON" if fmt == "json" else "TOML"
        where = _offending_line(text, str(error))
        raise InputError(
            f"{source}: ogiltig {kind}: {error}{where}",
            f"{source}: invalid {kind}: {error}{where}",
        ) from None


def _offending_line(text: str, message: str) -> str:
    # Parsers name the line but not what is on it; showing it names the field and the value to a person.
    match = re.search(r"line (\d+)", message)
    if not match:
        return ""
    lines = text.splitlines()
    number = int(match.group(1))
    if not 1 <= number <= len(lines):
        return ""
    content = lines[number - 1].strip()
    if len(content) > 100:
        content = content[:97] + "…"
    return f": {content!r}"


def read_document(path: Path, what: str) -> Any:
    """Read a ``.toml`` or ``.json`` file into plain data; InputError for every way it can be unreadable."""
    source = str(path)
    suffix = path.suffix.lower()
    if suffix not in (".toml", ".json"):
        raise InputError(
            f"{source}: filändelsen {suffix!r} känns inte igen; förväntade .toml eller .json ({what})",
            f"{source}: file extension {suffix!r} not recognised; expected .toml or .json ({what})",
        )
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(
                f"{source}: filen är {size} byte, mer än gränsen {MAX_BYTES} byte",
                f"{source}: the file is {size} bytes, more than the limit of {MAX_BYTES} bytes",
            )
        raw = path.read_bytes()
    except InputError:
        raise
    except OSError as error:
        raise InputError(
            f"{source}: filen kan inte läsas ({error.strerror})",
            f"{source}: the file cannot be read ({error.strerror})",
        ) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        bad = raw[error.start : error.end]
        raise InputError(
            f"{source}: byte {error.start} (rad {line}) {bad!r} är inte giltig UTF-8; spara filen som UTF-8",
            f"{source}: byte {error.start} (line {line}) {bad!r} is not valid UTF-8; save the file as UTF-8",
        ) from None
    data = parse_text(text.removeprefix("\ufeff"), suffix[1:], source)
    if not isinstance(data, dict):
        raise InputError(
            f"{source}: förväntade ett objekt/tabell överst, fick {type(data).__name__}",
            f"{source}: expected an object/table at the top level, got {type(data).__name__}",
        )
    return data
