"""Reading facts and agreement files: TOML or JSON, UTF-8, bounded in size and depth, numbers kept as written.

Every file reader of the project (facts, agreement, scenarios, later workbooks) goes through ``read_document``
or ``parse_text``, so that a file is refused the same way wherever it is read: never read past ``MAX_BYTES``
whatever kind of file it is (a FIFO or a device included), never nested deeper than ``MAX_DEPTH``, no key given
twice, and a number with a point or an exponent kept as a ``FloatLiteral`` for the models to refuse where an
exact amount is expected.
"""

from __future__ import annotations

import errno
import json
import json.decoder
import json.scanner
import os
import re
import select
import stat
import tomllib
from pathlib import Path
from typing import Any

from ._types import FloatLiteral, InputError, printable
from .catalogue import Msg, msg

MAX_BYTES = 5 * 1024 * 1024
"""A facts or agreement file larger than this is refused: the real history fits in a few kilobytes."""

MAX_DEPTH = 32
"""Deepest nesting of tables and lists accepted; the deepest the schemas use is 5 (a misuse case's claims)."""

PIPE_WAIT_SECONDS = 30.0
"""How long a FIFO or pipe may stay silent before reading it is given up, so that a command never hangs."""

_CHUNK = 64 * 1024


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number")


class _DuplicateKeyError(ValueError):
    def __init__(self, key: str, position: int | None = None) -> None:
        super().__init__(key)
        self.key = key
        self.position = position


def _unique_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # JSON itself allows a key twice and json.loads keeps the last silently: a whole list of payments could vanish.
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _DuplicateKeyError(key)
        out[key] = value
    return out


def _duplicate_position(text: str) -> int | None:
    """Where the second of two equal keys stands: the pure-Python scanner is used to learn the position."""
    decoder = json.JSONDecoder(parse_float=FloatLiteral, parse_constant=_reject_constant)

    def parse_object(s_and_end: tuple[str, int], *args: Any) -> tuple[dict[str, Any], int]:
        # Where each value of this object starts, in order: the scanner is called once per direct value.
        starts: list[int] = []

        def recording(s: str, index: int) -> Any:
            starts.append(index)
            return scan_once(s, index)

        pairs, end = json.decoder.JSONObject(s_and_end, True, recording, None, lambda p: p, {})  # type: ignore[attr-defined]
        seen: set[str] = set()
        for number, (key, _) in enumerate(pairs):
            if key in seen:
                raise _DuplicateKeyError(key, starts[number])
            seen.add(key)
        return dict(pairs), end

    decoder.parse_object = parse_object  # type: ignore[attr-defined]
    scan_once = json.scanner.py_make_scanner(decoder)  # type: ignore[attr-defined]
    try:
        scan_once(text, 0)
    except _DuplicateKeyError as error:
        return error.position
    except (ValueError, RecursionError, StopIteration):
        return None
    return None


def _line_and_column(text: str, position: int) -> tuple[int, int]:
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    return line, column


def parse_text(text: str, fmt: str, source: str) -> Any:
    """Parse TOML or JSON text into plain data; a number with a point or exponent becomes a ``FloatLiteral``.

    Raises InputError naming the line for bad syntax, a key given twice, or nesting deeper than ``MAX_DEPTH``.
    """
    kind = "JSON" if fmt == "json" else "TOML"
    shown_source = printable(source)
    _check_nesting_in_text(text, fmt, shown_source)
    try:
        if fmt == "json":
            data = json.loads(
                text, parse_float=FloatLiteral, parse_constant=_reject_constant, object_pairs_hook=_unique_pairs
            )
        else:
            data = tomllib.loads(text, parse_float=FloatLiteral)
    except _DuplicateKeyError as error:
        position = _duplicate_position(text)
        key = printable(repr(error.key))
        if position is None:
            raise InputError(msg("error.json.duplicate_key", source=shown_source, key=key)) from None
        line, column = _line_and_column(text, position)
        raise InputError(
            msg("error.json.duplicate_key.at", source=shown_source, key=key, line=line, column=column)
        ) from None
    except RecursionError:
        raise _too_deep(shown_source) from None
    except (json.JSONDecodeError, tomllib.TOMLDecodeError, ValueError) as error:
        if "integer string conversion" in str(error):
            # Python refuses to read an integer of more than 4300 digits; its advice is for programmers.
            raise InputError(msg("error.file.long_number", shown_source=shown_source, kind=kind)) from None
        where = _offending_line(text, str(error))
        message = printable(str(error))
        raise InputError(msg("error.file.syntax", shown_source=shown_source, kind=kind, message=message, where=where)) from None
    check_depth(data, shown_source)
    return data


def _too_deep(source: str, line: int | None = None, column: int | None = None) -> InputError:
    if line is None or column is None:
        return InputError(msg("error.file.too_deep", source=source, limit=MAX_DEPTH))
    return InputError(msg("error.file.too_deep.at", source=source, limit=MAX_DEPTH, line=line, column=column))


_STRUCTURE = re.compile(r"[\[\]{}\"'#\\\n]")
"""The only characters that open or close nesting, strings or comments; everything else is skipped at C speed."""


def _check_nesting_in_text(text: str, fmt: str, source: str) -> None:
    # Counted before parsing: the parsers recurse once per level and would fail with RecursionError on a
    # 1 KB file of brackets. Strings are skipped, so a bracket inside a quoted value does not count.
    depth = 0
    in_string: str | None = None
    escaped = False
    comment = False
    for match in _STRUCTURE.finditer(text):
        index, char = match.start(), match.group()
        if comment:
            comment = char != "\n"
            continue
        if in_string is not None:
            if escaped:
                escaped = False
            elif char == "\\" and in_string == '"':
                escaped = True
            elif char == in_string or (char == "\n" and in_string == "'"):
                in_string = None
            continue
        if char == '"' or (char == "'" and fmt == "toml"):
            in_string = char
        elif char == "#" and fmt == "toml":
            comment = True
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH + 1:
                raise _too_deep(source, *_line_and_column(text, index))
        elif char in "]}":
            depth = max(0, depth - 1)
        elif char == "\n" and fmt == "toml" and depth <= 2:
            # A TOML table header such as [[a]] opens and closes on its line; only inline values nest further.
            depth = 0


def check_depth(data: object, source: str) -> None:
    """Refuse data nested deeper than ``MAX_DEPTH`` (also for data given to ``parse_facts`` directly)."""
    stack: list[tuple[object, int]] = [(data, 0)]
    while stack:
        value, level = stack.pop()
        if level > MAX_DEPTH:
            raise _too_deep(printable(source))
        if isinstance(value, dict):
            stack.extend((item, level + 1) for item in value.values())
        elif isinstance(value, list | tuple):
            stack.extend((item, level + 1) for item in value)


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
    return f": {printable(repr(content))}"


def _unreadable(source: str, reason: str) -> InputError:
    return InputError(msg("error.file.unreadable", source=source, reason=reason))


def _too_large(source: str, size: int | None) -> InputError:
    if size is None:
        return InputError(msg("error.file.too_large", source=source, limit=MAX_BYTES))
    return InputError(msg("error.file.too_large.size", source=source, size=size, limit=MAX_BYTES))


def read_bytes_bounded(path: Path, source: str) -> bytes:
    """The bytes of a file, never more than ``MAX_BYTES`` read and never waiting forever.

    A regular file is read up to the limit; a FIFO or pipe (``<(...)``, ``/dev/stdin``) is read up to the limit
    and given up after ``PIPE_WAIT_SECONDS`` without data; a device (``/dev/zero``, a terminal), a directory or a
    socket is refused before any read. Opened non-blocking, so that opening a FIFO without a writer never blocks.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise _unreadable(source, reason) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISREG(info.st_mode):
            if info.st_size > MAX_BYTES:
                raise _too_large(source, info.st_size)
            os.set_blocking(fd, True)
            return _read_up_to_limit(fd, source, wait=None)
        if stat.S_ISFIFO(info.st_mode):
            return _read_up_to_limit(fd, source, wait=PIPE_WAIT_SECONDS)
        raise InputError(msg("error.file.not_regular", source=source, kind=_kind(info.st_mode)))
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise _unreadable(source, reason) from None
    finally:
        os.close(fd)


def _kind(mode: int) -> Msg:
    if stat.S_ISDIR(mode):
        return msg("file.kind.directory")
    if stat.S_ISCHR(mode):
        return msg("file.kind.character_device")
    if stat.S_ISBLK(mode):
        return msg("file.kind.block_device")
    if stat.S_ISSOCK(mode):
        return msg("file.kind.socket")
    return msg("file.kind.other")


def _read_up_to_limit(fd: int, source: str, wait: float | None) -> bytes:
    chunks: list[bytes] = []
    total = 0
    while True:
        if wait is not None:
            ready, _, _ = select.select([fd], [], [], wait)
            if not ready:
                raise InputError(msg("error.file.pipe_timeout", source=source, seconds=format(wait, '.0f')))
        try:
            chunk = os.read(fd, min(_CHUNK, MAX_BYTES + 1 - total))
        except BlockingIOError:
            continue
        except OSError as error:
            if error.errno == errno.EINTR:
                continue
            raise
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        if total > MAX_BYTES:
            raise _too_large(source, None)


def read_document(path: Path, what: str) -> Any:
    """Read a ``.toml`` or ``.json`` file into plain data; InputError for every way it can be unreadable."""
    source = printable(str(path))
    suffix = path.suffix.lower()
    if suffix not in (".toml", ".json"):
        shown = printable(repr(suffix))
        raise InputError(msg("error.file.extension", source=source, shown=shown, what=what))
    raw = read_bytes_bounded(path, source)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        bad = raw[error.start : error.end]
        raise InputError(msg("error.file.utf8", source=source, start=error.start, line=line, bad=repr(bad))) from None
    data = parse_text(text.removeprefix("\ufeff"), suffix[1:], source)
    if not isinstance(data, dict):
        raise InputError(msg("error.file.top_level", source=source, type=type(data).__name__))
    return data
