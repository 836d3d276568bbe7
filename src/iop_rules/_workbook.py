"""The facts workbook: its sheets and columns, derived from the facts models, and reading a filled-in workbook.

A coordinator keeps the record in a spreadsheet (``.xlsx``): one sheet per kind of fact, one row per record. The
sheets and columns are derived here from the model they hold (``sheets(Facts)``), so the workbook cannot drift
from the schema: a field added to a model becomes a column, and a field of a type the workbook cannot hold makes
the derivation fail. Nested records (an amendment's grants, a misuse case's determinations, repayments and
claims) get their own sheet with a column naming their parent's id.

Reading goes through the same model and validation as TOML and JSON. Every error names the sheet, the row and the
column header as the workbook shows them, one line each. Amounts are read exactly: text as written, numbers from
the shortest decimal that gives the stored value, never more than two decimals.

This module takes the model as an argument rather than importing ``facts``, so that ``facts.load_facts`` can
call it without an import cycle.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import types
import typing
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ValidationError

from . import _workbook_words as words
from ._io import MAX_BYTES
from ._types import SEPARATOR, InputError, parse_amount, parse_day_value, printable
from .catalogue import format_value, msg

M = TypeVar("M", bound=BaseModel)

MAX_UNPACKED_BYTES = 50 * 1024 * 1024
"""A workbook is a zip: one that unpacks to more than this is refused before it is opened."""
MAX_PARTS = 500
MAX_ROWS = 20_000
"""Rows per sheet; the real history needs a few dozen."""
MAX_COLUMNS = 60
MAX_ERRORS = 50

REFERENCES = {"request_id": "statistics_requests", "dispute_id": "disputes"}
"""Fields that name another record by its id, and the collection that record is in."""

Kind = Literal["id", "text", "date", "amount", "int", "bool", "choice", "flag", "ref"]


@dataclass(frozen=True)
class Column:
    """One column of a sheet: the field it fills and how a cell is read."""

    key: str
    """The column's key in the words table (a field name, or ``grants.key`` and the like)."""
    field: str
    """The field the cell fills in the record."""
    kind: Kind
    required: bool
    choices: tuple[str, ...] = ()
    """The allowed values of a ``choice`` column; for a ``flag`` column, the one value it adds."""
    target: str | None = None
    """For a reference: the key of the sheet whose ids it names."""

    def header(self, lang: str) -> str:
        sv, en = words.HEADERS[self.key.partition(":")[0]]
        text = sv if lang == "sv" else en
        return text.format(choice=words.pick(words.CHOICES[self.choices[0]], lang)) if self.kind == "flag" else text

    def description(self, lang: str) -> str:
        return words.pick(words.DESCRIPTIONS[self.key.partition(":")[0]], lang)


@dataclass(frozen=True)
class Sheet:
    """One sheet of the workbook: a collection of records, or records nested in another sheet's records."""

    key: str
    shape: Literal["single", "records", "children", "mapping", "optional"]
    """single: the snapshot's own fields, one row; records: a top-level collection; children: a tuple of records
    nested in a parent record; mapping: a dict nested in a parent record (key and value columns); optional: the
    optional sub-records of a parent record, with a column saying which field each row fills."""
    columns: tuple[Column, ...]
    parent: str | None = None
    """The parent sheet's key, for nested sheets."""
    fields: tuple[str, ...] = ()
    """The parent record's field(s) a nested sheet fills."""

    def name(self, lang: str) -> str:
        return words.pick(words.SHEETS[self.key], lang)

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)


def _unwrap_optional(annotation: Any) -> tuple[Any, bool]:
    optional = False
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            annotation, optional = args[0], True
    # Day and Sek are Annotated types; the workbook reads the type beneath and leaves the checks to the model.
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation, optional


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _scalar_column(name: str, annotation: Any, required: bool) -> list[Column]:
    inner, _ = _unwrap_optional(annotation)
    origin = typing.get_origin(inner)
    if name == "id":
        return [Column(name, name, "id", required)]
    if name in REFERENCES:
        return [Column(name, name, "ref", required, target=REFERENCES[name])]
    if inner is dt.date:
        return [Column(name, name, "date", required)]
    if inner is Decimal:
        return [Column(name, name, "amount", required)]
    if inner is bool:
        return [Column(name, name, "bool", required)]
    if inner is int:
        return [Column(name, name, "int", required)]
    if inner is str:
        return [Column(name, name, "text", required)]
    if origin is Literal:
        return [Column(name, name, "choice", required, choices=typing.get_args(inner))]
    if origin is tuple and typing.get_origin(typing.get_args(inner)[0]) is Literal:
        # A set of parties cannot be one drop-down: one yes/no column per party.
        return [
            Column(f"{name}:{value}", name, "flag", False, choices=(value,))
            for value in typing.get_args(typing.get_args(inner)[0])
        ]
    raise TypeError(f"the workbook has no column for {name}: {annotation!r}")


def _columns(model: type[BaseModel], skip: Iterable[str] = (), scope: str = "") -> list[Column]:
    out: list[Column] = []
    for name, info in model.model_fields.items():
        if name in skip:
            continue
        # A field whose meaning differs on this sheet (a determination's body is not a meeting's) has its own words.
        key = f"{scope}.{name}" if f"{scope}.{name}" in words.HEADERS else name
        columns = _scalar_column(name, info.annotation, info.is_required())
        out.extend(replace(c, key=key) if c.key == name else c for c in columns)
    return out


def _nested(model: type[BaseModel]) -> dict[str, Any]:
    """The fields of a record that hold other records or a mapping (they get sheets of their own)."""
    out: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        inner, _ = _unwrap_optional(info.annotation)
        origin = typing.get_origin(inner)
        if _is_model(inner) or origin is dict or (origin is tuple and _is_model(typing.get_args(inner)[0])):
            out[name] = inner
    return out


def _parent_column(key: str, parent: str) -> Column:
    return Column(key, "__parent__", "ref", True, target=parent)


@functools.cache
def sheets(model: type[BaseModel]) -> tuple[Sheet, ...]:
    """The workbook's sheets for a snapshot model, in order: the snapshot's own fields, then each collection
    followed by the sheets of its nested records."""
    out: list[Sheet] = []
    single: list[Column] = []
    for name, info in model.model_fields.items():
        record_type = typing.get_args(info.annotation)[0] if typing.get_origin(info.annotation) is tuple else None
        if not _is_model(record_type):
            single.extend(_scalar_column(name, info.annotation, False))
            continue
        assert isinstance(record_type, type) and issubclass(record_type, BaseModel)
        nested = _nested(record_type)
        out.append(Sheet(name, "records", tuple(_columns(record_type, skip=nested))))
        optional: dict[type[BaseModel], list[str]] = {}
        for field_name, inner in nested.items():
            origin = typing.get_origin(inner)
            if origin is tuple:
                child = typing.get_args(inner)[0]
                columns = _columns(child, scope=field_name)
                parent = _parent_column(f"{field_name}.parent", name)
                ordered = [columns[0], parent, *columns[1:]] if columns and columns[0].key == "id" else [parent, *columns]
                out.append(Sheet(f"{name}.{field_name}", "children", tuple(ordered), parent=name, fields=(field_name,)))
            elif origin is dict:
                key_type, value_type = typing.get_args(inner)
                key = _scalar_column(f"{field_name}.key", key_type, True)[0]
                value = _scalar_column(f"{field_name}.value", value_type, True)[0]
                parent = _parent_column(f"{field_name}.parent", name)
                out.append(Sheet(f"{name}.{field_name}", "mapping", (parent, key, value), parent=name, fields=(field_name,)))
            else:
                optional.setdefault(inner, []).append(field_name)
        for child, field_names in optional.items():
            group = re.sub(r"(?<!^)(?=[A-Z])", "_", child.__name__).lower() + "s"
            parent = _parent_column(f"{group}.parent", name)
            which = Column(f"{group}.which", "__which__", "choice", True, choices=tuple(field_names))
            out.append(
                Sheet(f"{name}.{group}", "optional", (parent, which, *_columns(child, scope=group)), parent=name, fields=tuple(field_names))
            )
    return (Sheet("snapshot", "single", tuple(single)), *out)


# --- reading ---------------------------------------------------------------------------------------------------


def shown(value: object) -> str:
    """A cell's value as the person sees it, quoted and escaped, at most 80 characters."""
    if isinstance(value, dt.datetime):
        text = value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    elif isinstance(value, dt.date | dt.time):
        text = value.isoformat()
    elif isinstance(value, bool):
        text = "TRUE" if value else "FALSE"
    elif isinstance(value, float):
        text = repr(value)
    else:
        text = str(value)
    if len(text) > 80:
        text = text[:77] + "…"
    return json.dumps(text, ensure_ascii=False)


def bare(value: object) -> str:
    """A number or date as the cell shows it, unquoted (for messages that say it is a number or a date)."""
    return shown(value)[1:-1]


class _CellError(Exception):
    """A cell that cannot be read as its column asks; a value given as a pair is (Swedish, English)."""

    def __init__(self, key: str, **values: str | tuple[str, str]) -> None:
        super().__init__(key)
        self.sv = words.MESSAGES[key][0].format(**{k: v[0] if isinstance(v, tuple) else v for k, v in values.items()})
        self.en = words.MESSAGES[key][1].format(**{k: v[1] if isinstance(v, tuple) else v for k, v in values.items()})

    @classmethod
    def shared(cls, error: ValueError) -> _CellError:
        """The cell error for a ``bilingual`` ValueError of the parsers every facts file shares."""
        en, _, sv = str(error).partition(SEPARATOR)
        return cls("as_written", text=(sv or en, en))


@dataclass
class _Line:
    order: tuple[int, int, int]
    sv: str
    en: str


@dataclass
class _Row:
    """A data row as read: where it is, what each column held, and the record it gives."""

    sheet_index: int
    sheet_name: str
    number: int
    raw: dict[str, object] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    positions: dict[str, int] = field(default_factory=dict)
    values: dict[str, Any] = field(default_factory=dict)
    failed: set[str] = field(default_factory=set)


def _labels(value: str) -> tuple[str, ...]:
    if value in words.CHOICES:
        return (value, *words.CHOICES[value])
    return (value,)


def _names(choices: Iterable[str], lang: str) -> str:
    return ", ".join(words.pick(words.CHOICES[c], lang) if c in words.CHOICES else c for c in choices)


def _text(value: object) -> str:
    if isinstance(value, bool):
        raise _CellError("number_for_text", value=bare(value))
    if isinstance(value, dt.datetime | dt.date | dt.time):
        raise _CellError("excel_date", value=bare(value))
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        raise _CellError("number_for_text", value=bare(value))
    return str(value).strip()


def _yes_no(value: object) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        folded = value.strip().casefold()
        if folded in (*words.YES, "true", "sant"):
            return True
        if folded in (*words.NO, "false", "falskt"):
            return False
    raise _CellError("yes_no")


def _amount(value: object) -> Decimal:
    if isinstance(value, bool):
        raise _CellError("amount_type")
    if isinstance(value, dt.datetime | dt.date | dt.time):
        raise _CellError("excel_date", value=bare(value))
    if isinstance(value, float):
        # The file stores the decimal digits the person typed; repr gives back the shortest decimal that is this
        # float, which is those digits for every amount of up to 15 significant figures. parse_amount then takes
        # it only if it is exact to the öre.
        value = Decimal(repr(value))
    elif isinstance(value, str):
        value = value.strip()
    try:
        return parse_amount(value)
    except ValueError as error:
        raise _CellError.shared(error) from None


def _whole(value: object) -> int | str:
    if isinstance(value, bool):
        raise _CellError("whole_number")
    if isinstance(value, dt.datetime | dt.date | dt.time):
        raise _CellError("excel_date", value=bare(value))
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        raise _CellError("whole_number")
    text = str(value).strip()
    if not re.fullmatch(r"-?[0-9]{1,12}", text):
        raise _CellError("whole_number")
    return int(text)


def _date(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        if value.time() != dt.time():
            raise _CellError("date_with_time")
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool | int | float):
        raise _CellError("number_for_date", value=bare(value))
    try:
        return parse_day_value(str(value).strip())
    except ValueError as error:
        raise _CellError.shared(error) from None


def _choice(value: object, choices: tuple[str, ...]) -> str:
    if isinstance(value, str):
        folded = value.strip().casefold()
        for choice in choices:
            if folded in (label.casefold() for label in _labels(choice)):
                return choice
    raise _CellError("choice", names=(_names(choices, "sv"), _names(choices, "en")))


def _cell(column: Column, value: object) -> Any:
    if column.kind in ("id", "text", "ref"):
        return _text(value)
    if column.kind == "date":
        return _date(value)
    if column.kind == "amount":
        return _amount(value)
    if column.kind == "int":
        return _whole(value)
    if column.kind in ("bool", "flag"):
        return _yes_no(value)
    return _choice(value, column.choices)


def _is_empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _open(path: Path) -> Any:
    """The workbook, opened read-only after the size checks; InputError when it is not a workbook."""
    source = str(path)
    try:
        size = path.stat().st_size
    except OSError as error:
        raise InputError(msg("error.file.unreadable", source=source, reason=str(error.strerror))) from None
    if size > MAX_BYTES:
        raise InputError(msg("error.file.too_large.size", source=source, size=size, limit=MAX_BYTES))

    def refuse(key: str, **values: str | int) -> InputError:
        return _refuse(source, key, **values)

    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError) as error:
        raise refuse("not_a_workbook", reason=str(error)) from None
    if len(parts) > MAX_PARTS:
        raise refuse("too_many_parts", count=len(parts), limit=MAX_PARTS)
    # Reading a part stops at its declared size (and fails on a mismatch), so the declared sizes bound the memory.
    unpacked = sum(part.file_size for part in parts)
    if unpacked > MAX_UNPACKED_BYTES:
        raise refuse("too_large_unpacked", size=unpacked, limit=MAX_UNPACKED_BYTES)
    import openpyxl

    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds (KeyError, ValueError, zip and XML errors) on bad files
        raise refuse("not_a_workbook", reason=f"{type(error).__name__}: {error}") from None


class WorkbookError(InputError):
    """Bad input in a workbook: one line per error, each naming the sheet, the row and the column.

    Each line is made safe to print as ``InputError`` makes a message (control characters escaped); only the
    line breaks between them are kept.
    """

    def __init__(self, lines_sv: list[str], lines_en: list[str]) -> None:
        super().__init__(lines_sv[0], lines_en[0])
        self.message_sv = "\n".join(printable(line) for line in lines_sv)
        self.message_en = "\n".join(printable(line) for line in lines_en)
        self.args = (f"{self.message_en} / {self.message_sv}",)


def _refuse(source: str, key: str, **values: str | int) -> InputError:
    return InputError(msg("error.at", source=source, reason=words.MESSAGE[key].with_values(**values)))


def read_workbook(path: str | Path, model: type[M]) -> M:
    """Read and validate a facts workbook as ``model`` (the snapshot); InputError with one line per error."""
    path = Path(path)
    source = str(path)
    specs = sheets(model)
    by_name: dict[str, Sheet] = {}
    for spec in specs:
        for lang in ("sv", "en"):
            by_name[spec.name(lang).casefold()] = spec
    ignored = {name.casefold() for name in (*words.INSTRUCTIONS_SHEET, *words.LISTS_SHEET)}
    lines: list[_Line] = []

    def error(order: tuple[int, int, int], where_sv: str, where_en: str, sv: str, en: str) -> None:
        lines.append(_Line(order, f"{source}: {where_sv}: {sv}", f"{source}: {where_en}: {en}"))

    def cell_place(row: _Row, key: str) -> tuple[str, str]:
        sv_row, en_row = words.MESSAGES["row"]
        header = row.headers.get(key)
        value = row.raw.get(key)
        tail = f", {header}" if header else ""
        tail += f": {shown(value)}" if not _is_empty(value) else ""
        return f"{row.sheet_name}, {sv_row} {row.number}{tail}", f"{row.sheet_name}, {en_row} {row.number}{tail}"

    def row_error(at: _Row, key: str | None, message: str, **values: str) -> None:
        sv, en = words.MESSAGES[message]
        place = cell_place(at, key) if key else cell_place(at, "")
        error((at.sheet_index, at.number, at.positions.get(key or "", 0)), *place, sv.format(**values), en.format(**values))

    workbook = _open(path)
    rows: dict[str, list[_Row]] = {spec.key: [] for spec in specs}
    seen_sheets: dict[str, str] = {}
    try:
        for index, worksheet in enumerate(workbook.worksheets):
            name = str(worksheet.title)
            if name.strip().casefold() in ignored:
                continue
            found = by_name.get(name.strip().casefold())
            title = bare(name)  # as shown in a message: one line, whatever the name holds
            if found is None:
                names = ", ".join(s.name("sv") for s in specs)
                names_en = ", ".join(s.name("en") for s in specs)
                sv, en = words.MESSAGES["unknown_sheet"]
                error((index, 0, 0), title, title, sv.format(sheet=shown(title), names=names), en.format(sheet=shown(title), names=names_en))
                continue
            if found.key in seen_sheets:
                other = shown(seen_sheets[found.key])
                sv, en = words.MESSAGES["sheet_twice"]
                error((index, 0, 0), title, title, sv.format(other=other), en.format(other=other))
                continue
            seen_sheets[found.key] = title
            try:
                _read_sheet(worksheet, found, index, title, rows[found.key], error)
            except Exception as problem:  # a sheet's XML that openpyxl cannot read: the file is not a workbook
                raise _refuse(source, "not_a_workbook", reason=f"{title}: {type(problem).__name__}: {problem}") from None
    finally:
        workbook.close()

    data, place_of = _assemble(specs, rows, row_error)
    _check_ids(specs, rows, row_error)
    try:
        result = model.model_validate(data)
    except ValidationError as problem:
        _validation_lines(problem, place_of, lines, error, source)
    else:
        if not lines:
            return result
    lines.sort(key=lambda line: line.order)
    unique: list[_Line] = []
    for line in lines:
        if not unique or (line.sv, line.en) != (unique[-1].sv, unique[-1].en):
            unique.append(line)
    if len(unique) > MAX_ERRORS:
        more_sv, more_en = words.MESSAGES["more"]
        rest = len(unique) - MAX_ERRORS
        unique = [*unique[:MAX_ERRORS], _Line((0, 0, 0), f"{source}: {more_sv.format(count=rest)}", f"{source}: {more_en.format(count=rest)}")]
    raise WorkbookError([line.sv for line in unique], [line.en for line in unique])


ErrorSink = typing.Callable[[tuple[int, int, int], str, str, str, str], None]
RowErrorSink = typing.Callable[..., None]


def _read_sheet(worksheet: Any, spec: Sheet, index: int, title: str, out: list[_Row], error: ErrorSink) -> None:
    header_of: dict[str, Column] = {}
    for column in spec.columns:
        for lang in ("sv", "en"):
            header_of[column.header(lang).casefold()] = column
        header_of[column.key.casefold()] = column
    columns: dict[int, Column] = {}
    headers: dict[str, str] = {}
    positions: dict[str, int] = {}
    sv_row, en_row = words.MESSAGES["row"]
    for number, cells in enumerate(worksheet.iter_rows(max_col=MAX_COLUMNS, values_only=True), start=1):
        if number == 1:
            for position, value in enumerate(cells, start=1):
                if _is_empty(value):
                    continue
                text = str(value).strip()
                named = header_of.get(text.casefold())
                if named is None:
                    sv, en = words.MESSAGES["unknown_header"]
                    error(
                        (index, 1, position),
                        f"{title}, {sv_row} 1",
                        f"{title}, {en_row} 1",
                        sv.format(header=shown(text), names=", ".join(c.header("sv") for c in spec.columns)),
                        en.format(header=shown(text), names=", ".join(c.header("en") for c in spec.columns)),
                    )
                elif named.key in headers:
                    sv, en = words.MESSAGES["header_twice"]
                    error((index, 1, position), f"{title}, {sv_row} 1", f"{title}, {en_row} 1", sv.format(header=shown(text)), en.format(header=shown(text)))
                else:
                    columns[position] = named
                    headers[named.key] = bare(text)
                    positions[named.key] = position
            continue
        if number > MAX_ROWS + 1:
            sv, en = words.MESSAGES["too_many_rows"]
            error((index, number, 0), title, title, sv.format(limit=MAX_ROWS), en.format(limit=MAX_ROWS))
            break
        if all(_is_empty(value) for value in cells):
            continue
        missing = [c for c in spec.columns if c.required and c.key not in headers]
        if missing:
            # Without the column every row would fail on it: one line for the header instead.
            for column in missing:
                sv, en = words.MESSAGES["missing_header"]
                error(
                    (index, 1, 0),
                    f"{title}, {sv_row} 1",
                    f"{title}, {en_row} 1",
                    sv.format(header=shown(column.header("sv"))),
                    en.format(header=shown(column.header("en"))),
                )
            return
        row = _Row(index, title, number, headers=headers, positions=positions)
        for position, value in enumerate(cells, start=1):
            if position not in columns:
                continue
            column = columns[position]
            row.raw[column.key] = value
            if _is_empty(value):
                continue
            try:
                row.values[column.key] = _cell(column, value)
            except _CellError as problem:
                row.failed.add(column.key)
                place_sv = f"{title}, {sv_row} {number}, {headers[column.key]}: {shown(value)}"
                place_en = f"{title}, {en_row} {number}, {headers[column.key]}: {shown(value)}"
                error((index, number, position), place_sv, place_en, problem.sv, problem.en)
        out.append(row)


def _record(spec: Sheet, row: _Row) -> dict[str, Any]:
    record: dict[str, Any] = {}
    for column in spec.columns:
        if column.field.startswith("__"):
            continue
        if column.kind == "flag":
            chosen = record.setdefault(column.field, [])
            if row.values.get(column.key) is True:
                chosen.append(column.choices[0])
        elif column.key in row.values:
            record[column.field] = row.values[column.key]
        elif column.required and column.key not in row.failed:
            record.setdefault("__missing__", []).append(column.key)
    return record


Place = tuple[_Row, dict[str, str]]
"""A row and, for each model field it fills, the column key that holds it."""


def _assemble(specs: tuple[Sheet, ...], rows: dict[str, list[_Row]], row_error: RowErrorSink) -> tuple[dict[str, Any], dict[tuple[Any, ...], Place]]:
    """The plain data the model validates, and where in the workbook each record (by its model location) came from."""
    data: dict[str, Any] = {}
    place_of: dict[tuple[Any, ...], Place] = {}
    index_of: dict[str, dict[str, int]] = {}

    def fields(spec: Sheet) -> dict[str, str]:
        return {c.field: c.key for c in spec.columns}

    for spec in specs:
        if spec.shape == "single":
            found = [r for r in rows[spec.key]]
            for extra in found[1:]:
                row_error(extra, None, "one_row", row=str(found[0].number))
            if found:
                record = _record(spec, found[0])
                record.pop("__missing__", None)
                data.update(record)
                for column in spec.columns:
                    place_of[(column.field,)] = (found[0], {"": column.key})
        elif spec.shape == "records":
            items: list[dict[str, Any]] = []
            ids: dict[str, int] = {}
            for row in rows[spec.key]:
                record = _record(spec, row)
                for key in record.pop("__missing__", []):
                    row_error(row, key, "missing")
                    row.failed.add(key)
                place_of[(spec.key, len(items))] = (row, fields(spec))
                if isinstance(record.get("id"), str):
                    ids.setdefault(record["id"], len(items))
                items.append(record)
            data[spec.key] = items
            index_of[spec.key] = ids
        else:
            assert spec.parent is not None
            parents: list[dict[str, Any]] = data.get(spec.parent, [])
            parent_ids = index_of.get(spec.parent, {})
            parent_column = spec.columns[[c.field for c in spec.columns].index("__parent__")]
            given: dict[tuple[str, str], int] = {}
            for row in rows[spec.key]:
                record = _record(spec, row)
                for key in record.pop("__missing__", []):
                    row_error(row, key, "missing")
                    row.failed.add(key)
                parent_id = row.values.get(parent_column.key)
                if not isinstance(parent_id, str):
                    continue
                if parent_id not in parent_ids:
                    parent_sheet = next(s for s in specs if s.key == spec.parent)
                    target = parent_sheet.name(_lang_of(row.sheet_name, spec))
                    row_error(row, parent_column.key, "no_such_id", sheet=shown(target))
                    continue
                position = parent_ids[parent_id]
                parent = parents[position]
                if spec.shape == "children":
                    name = spec.fields[0]
                    children = parent.setdefault(name, [])
                    place_of[(spec.parent, position, name, len(children))] = (row, fields(spec))
                    children.append(record)
                elif spec.shape == "mapping":
                    name = spec.fields[0]
                    key_column, value_column = spec.columns[1], spec.columns[2]
                    if key_column.key not in row.values or value_column.key not in row.values:
                        continue
                    key = str(row.values[key_column.key])
                    mapping = parent.setdefault(name, {})
                    if (parent_id, key) in given:
                        row_error(row, key_column.key, "given_twice", what=shown(key), parent=shown(parent_id), row=str(given[(parent_id, key)]))
                        continue
                    given[(parent_id, key)] = row.number
                    mapping[key] = row.values[value_column.key]
                    for loc_key in (key, int(key)) if key.isdigit() else (key,):
                        place_of[(spec.parent, position, name, loc_key)] = (row, {"": value_column.key, "[key]": key_column.key})
                else:
                    which_column = spec.columns[1]
                    which = row.values.get(which_column.key)
                    if not isinstance(which, str):
                        continue
                    if (parent_id, which) in given:
                        what = shown(words.pick(words.CHOICES[which], _lang_of(row.sheet_name, spec)))
                        row_error(row, which_column.key, "given_twice", what=what, parent=shown(parent_id), row=str(given[(parent_id, which)]))
                        continue
                    given[(parent_id, which)] = row.number
                    parent[which] = record
                    place_of[(spec.parent, position, which)] = (row, fields(spec))
    return data, place_of


def _lang_of(title: str, spec: Sheet) -> str:
    """The language a sheet's name is in, so that a message names other sheets as this workbook does."""
    return "en" if title.strip().casefold() == spec.name("en").casefold() and spec.name("en") != spec.name("sv") else "sv"


def _check_ids(specs: tuple[Sheet, ...], rows: dict[str, list[_Row]], row_error: RowErrorSink) -> None:
    """Every id used once, and every reference naming an id on the sheet it refers to."""
    first: dict[str, _Row] = {}
    ids_by_sheet: dict[str, set[str]] = {}
    for spec in specs:
        for row in rows[spec.key]:
            value = row.values.get("id")
            if not isinstance(value, str) or not value:
                continue
            ids_by_sheet.setdefault(spec.key, set()).add(value)
            if value in first:
                earlier = first[value]
                row_error(row, "id", "id_twice", sheet=shown(earlier.sheet_name), row=str(earlier.number))
            else:
                first[value] = row
    names = {spec.key: spec for spec in specs}
    for spec in specs:
        for column in spec.columns:
            if column.kind != "ref" or column.field == "__parent__" or column.target is None:
                continue
            for row in rows[spec.key]:
                value = row.values.get(column.key)
                if isinstance(value, str) and value not in ids_by_sheet.get(column.target, set()):
                    target = names[column.target].name(_lang_of(row.sheet_name, spec))
                    row_error(row, column.key, "no_such_id", sheet=shown(target))


def _split(item: Any) -> tuple[str, str]:
    from .agreement import reason_in_words

    if item["type"] == "missing":
        return words.MESSAGES["missing"]
    reason = reason_in_words(item)
    return format_value(reason, "sv"), format_value(reason, "en")


def _validation_lines(
    problem: ValidationError, place_of: dict[tuple[Any, ...], Place], lines: list[_Line], error: ErrorSink, source: str
) -> None:
    sv_row, en_row = words.MESSAGES["row"]
    unplaced: list[tuple[str, str]] = []
    for item in problem.errors():
        loc = tuple(item["loc"])
        sv, en = _split(item)
        for cut in range(len(loc), 0, -1):
            if loc[:cut] in place_of:
                row, keys = place_of[loc[:cut]]
                rest = loc[cut:]
                break
        else:
            unplaced.append((sv, en))
            continue
        field_name = str(rest[0]) if rest else ""
        key = keys.get(field_name) or (keys.get("") if not rest else None)
        if key is not None and key in row.failed:
            continue  # its cell was already reported
        header = row.headers.get(key or "") if key else None
        value = row.raw.get(key or "") if key else None
        tail = f", {header}" if header else ""
        tail += f": {shown(value)}" if key and not _is_empty(value) else ""
        position = row.positions.get(key or "", 0)
        error((row.sheet_index, row.number, position), f"{row.sheet_name}, {sv_row} {row.number}{tail}", f"{row.sheet_name}, {en_row} {row.number}{tail}", sv, en)
    if not lines:
        for sv, en in unplaced:
            lines.append(_Line((0, 0, 0), f"{source}: {sv}", f"{source}: {en}"))
