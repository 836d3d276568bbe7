"""The facts workbook a coordinator fills in: an instructions sheet, then one sheet per kind of fact.

The sheets and columns come from ``iop_rules._workbook.sheets`` (derived from the facts models), the words from
``iop_rules._workbook_words``. A workbook written here, empty or filled from a facts snapshot, reads back through
``load_facts`` to the same snapshot. The bytes are the same for the same input: the document's timestamps and
the zip entries' dates are fixed.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter
from pydantic import BaseModel

from .. import _workbook_words as words
from .._types import InputError
from .._workbook import Column, Sheet, sheets
from ..agreement import Agreement
from ..catalogue import Named, msg
from ..facts import Facts

PREPARED_ROWS = 500
"""Rows under the header that carry the drop-down lists and formats, ready to be filled in."""
FIXED_TIME = dt.datetime(2025, 1, 1)
"""The document's created and modified time: a fixed value keeps the file byte-identical for the same input."""
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
FORMATS = {"date": "yyyy-mm-dd", "amount": "#,##0.00", "int": "0", "id": "@", "text": "@", "ref": "@"}


def _label(value: str, lang: str) -> str:
    return words.pick(words.CHOICES[value], lang) if value in words.CHOICES else value


def _yes_no(value: bool, lang: str) -> str:
    return words.pick(words.YES if value else words.NO, lang)


def _cell_value(column: Column, value: Any, lang: str) -> Any:
    if value is None:
        return None
    if column.kind == "flag":
        return _yes_no(column.choices[0] in value, lang)
    if column.kind == "bool":
        return _yes_no(bool(value), lang)
    if column.kind == "choice":
        return _label(str(value), lang)
    if column.kind == "amount":
        return Decimal(value)
    return value


def _record_row(spec: Sheet, record: BaseModel, lang: str, parent_id: str | None = None, which: str | None = None) -> list[Any]:
    row: list[Any] = []
    for column in spec.columns:
        if column.field == "__parent__":
            row.append(parent_id)
        elif column.field == "__which__":
            row.append(_label(which or "", lang))
        else:
            row.append(_cell_value(column, getattr(record, column.field), lang))
    return row


def rows_for(spec: Sheet, facts: Facts, lang: str) -> list[list[Any]]:
    """The data rows of one sheet for a snapshot, as the cells hold them."""
    if spec.shape == "single":
        values = [_cell_value(c, getattr(facts, c.field), lang) for c in spec.columns]
        return [values] if any(v is not None for v in values) else []
    if spec.shape == "records":
        return [_record_row(spec, record, lang) for record in getattr(facts, spec.key)]
    assert spec.parent is not None
    out: list[list[Any]] = []
    for parent in getattr(facts, spec.parent):
        if spec.shape == "children":
            out.extend(_record_row(spec, child, lang, parent.id) for child in getattr(parent, spec.fields[0]))
        elif spec.shape == "mapping":
            value_column = spec.columns[2]
            for key, value in sorted(getattr(parent, spec.fields[0]).items()):
                out.append([parent.id, key, _cell_value(value_column, value, lang)])
        else:
            for name in spec.fields:
                sub = getattr(parent, name)
                if sub is not None:
                    out.append(_record_row(spec, sub, lang, parent.id, name))
    return out


class _Lists:
    """The hidden sheet that holds the drop-down lists' choices, one column per list."""

    def __init__(self, sheet: Worksheet) -> None:
        self.sheet = sheet
        self.ranges: dict[tuple[str, ...], str] = {}

    def formula(self, labels: tuple[str, ...]) -> str:
        if labels not in self.ranges:
            column = len(self.ranges) + 1
            letter = get_column_letter(column)
            for row, label in enumerate(labels, start=1):
                self.sheet.cell(row=row, column=column, value=label)
            self.ranges[labels] = f"{quote_sheetname(self.sheet.title)}!${letter}$1:${letter}${len(labels)}"
        return self.ranges[labels]


def _validation(column: Column, lang: str, lists: _Lists, names: dict[str, str], extent: int) -> DataValidation | None:
    if column.kind in ("bool", "flag"):
        formula = lists.formula((words.pick(words.YES, lang), words.pick(words.NO, lang)))
    elif column.kind == "choice":
        formula = lists.formula(tuple(_label(c, lang) for c in column.choices))
    elif column.kind == "ref" and column.target is not None:
        formula = f"{quote_sheetname(names[column.target])}!$A$2:$A${extent}"
    else:
        return None
    return DataValidation(
        type="list",
        formula1=formula,
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=words.pick(words.CHOOSE, lang),
        error=column.description(lang)[:255],
    )


def _instructions(sheet: Worksheet, agreement: Agreement, specs: tuple[Sheet, ...], lang: str, file_name: str) -> None:
    text = words.INSTRUCTIONS
    city, fa = agreement.party("city").name, agreement.party("fa").name
    lines = [
        words.pick(text["title"], lang).format(title=agreement.agreement.title),
        words.pick(text["parties"], lang).format(city=city, fa=fa),
        words.pick(text["how"], lang),
        words.pick(text["ids"], lang),
        words.pick(text["values"], lang),
        words.pick(text["privacy"], lang),
        words.pick(text["run"], lang).format(file=file_name),
    ]
    for row, line in enumerate(lines, start=1):
        cell = sheet.cell(row=row, column=1, value=line)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if row == 1:
            cell.font = Font(bold=True, size=14)
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=3)
        # Spreadsheets do not fit a merged row's height to wrapped text: give it room for its lines.
        sheet.row_dimensions[row].height = 24 if row == 1 else 16 * (len(line) // 150 + 1)
    start = len(lines) + 2
    for column, key in enumerate(("sheet", "when", "words"), start=1):
        cell = sheet.cell(row=start, column=column, value=words.pick(text[key], lang))
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
    for offset, spec in enumerate(specs, start=1):
        when_sv, when_en, quotes = words.WHEN[spec.key]
        quoted = "\n".join(f"§{section}: ”{agreement.quote(section, key)}”" for section, key in quotes)
        for column, value in enumerate((spec.name(lang), when_sv if lang == "sv" else when_en, quoted), start=1):
            cell = sheet.cell(row=start + offset, column=column, value=value or None)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for letter, width in (("A", 28), ("B", 60), ("C", 90)):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = f"A{start + 1}"


def _fact_sheet(sheet: Worksheet, spec: Sheet, lang: str, lists: _Lists, names: dict[str, str], rows: list[list[Any]], extent: int) -> None:
    for position, column in enumerate(spec.columns, start=1):
        header = column.header(lang)
        cell = sheet.cell(row=1, column=position, value=header)
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        comment = Comment(column.description(lang), "iop-rules")
        comment.width, comment.height = 300, 120
        cell.comment = comment
        letter = get_column_letter(position)
        sheet.column_dimensions[letter].width = max(14, min(40, len(header) + 4))
        validation = _validation(column, lang, lists, names, extent)
        if validation is not None:
            sheet.add_data_validation(validation)
            validation.add(f"{letter}2:{letter}{extent}")
        number_format = FORMATS.get(column.kind)
        if number_format:
            # A column's style applies to every cell typed into it: text columns stay text (an id such as
            # 2025-1 is not turned into a date), dates show as dates, amounts with two decimals.
            sheet.column_dimensions[letter].number_format = number_format
    for row_number, values in enumerate(rows, start=2):
        for position, value in enumerate(values, start=1):
            if value is not None:
                if isinstance(value, str) and ILLEGAL_CHARACTERS_RE.search(value):
                    header = spec.columns[position - 1].header(lang)
                    sheet_name = Named(spec.name("sv"), spec.name("en"))
                    raise InputError(
                        msg("error.workbook.control_character", sheet=sheet_name, row=row_number, header=header, value=repr(value))
                    )
                cell = sheet.cell(row=row_number, column=position, value=value)
                if isinstance(value, str):
                    cell.data_type = "s"  # text that starts with "=" is text, never a formula
                number_format = FORMATS.get(spec.columns[position - 1].kind)
                if number_format:
                    cell.number_format = number_format
    sheet.freeze_panes = "A2"


def build_workbook(agreement: Agreement, lang: str = "sv", facts: Facts | None = None, file_name: str = "register.xlsx") -> bytes:
    """The workbook's bytes: empty (``facts`` None) or filled with a snapshot, headers and lists in ``lang``."""
    specs = sheets(Facts)
    names = {spec.key: spec.name(lang) for spec in specs}
    book = Workbook()
    instructions = book.active
    assert instructions is not None
    instructions.title = words.pick(words.INSTRUCTIONS_SHEET, lang)
    _instructions(instructions, agreement, specs, lang, file_name)
    lists_sheet = book.create_sheet(words.pick(words.LISTS_SHEET, lang))
    lists = _Lists(lists_sheet)
    rows = {spec.key: rows_for(spec, facts, lang) if facts is not None else [] for spec in specs}
    # The lists reach past the longest sheet's last row, so that a row added to a filled workbook has them too.
    extent = max(PREPARED_ROWS, *(len(r) + PREPARED_ROWS // 5 for r in rows.values())) + 1
    for spec in specs:
        _fact_sheet(book.create_sheet(spec.name(lang)), spec, lang, lists, names, rows[spec.key], extent)
    book.move_sheet(lists_sheet, offset=len(book.sheetnames) - 2)
    lists_sheet.sheet_state = "hidden"
    book.properties.creator = "iop-rules"
    book.properties.created = FIXED_TIME
    book.properties.modified = FIXED_TIME
    return _stable_zip(book)


def _stable_zip(book: Workbook) -> bytes:
    # openpyxl's save stamps the current time into the document and every zip entry; write through its
    # ExcelWriter and copy the entries with a fixed date so the same input gives the same bytes.
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).save()
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()
