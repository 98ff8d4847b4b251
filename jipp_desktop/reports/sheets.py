"""Spreadsheet writers (Qt-free): XLSX an officer can filter and print, CSV Excel can split.

A column says what kind of value it holds, so the XLSX gets real dates and numbers,
codes that stay text (a regency code 53.20 must never become the number 53.2, nor
an 18-digit NIP 1.98E+17), widths fitted to the content, a bold frozen header with
a filter, and a landscape print set-up that fits the columns to the page width and
repeats the header on every page.  CSV has no types: it gets the delimiter of the
officer's Excel (";" on Indonesian Windows, whose decimal mark is the comma) and
every cell a spreadsheet would read as a formula is neutralised, as in the XLSX.
"""

from __future__ import annotations

import csv
import datetime as dt
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties

# Value kinds a column can hold.
TEXT, CODE, NUMBER, DATE, DATETIME = "text", "code", "number", "date", "datetime"

DELIMITERS = {",": ",", ";": ";", "tab": "\t", "\\t": "\t", "\t": "\t"}
# Excel's paper codes: 9 is A4; 14 is "Folio 8 1/2 x 13 in" (216 x 330 mm), Indonesia's F4.
PAPER_CODES = {"a4": 9, "f4": 14}
_DATE_FORMATS = {"id": "dd/mm/yyyy", "en": "yyyy-mm-dd"}
_DATETIME_FORMATS = {"id": "dd/mm/yyyy hh:mm", "en": "yyyy-mm-dd hh:mm"}
_MIN_WIDTH, _MAX_WIDTH = 6, 40
# Character widths that fit across one landscape A4 page at 60 % scale (about 140 at 100 %).
READABLE_WIDTH = 230
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_BAD_TITLE = re.compile(r"[\[\]\*\?/\\:]")


@dataclass(frozen=True)
class SheetColumn:
    header: str
    kind: str = TEXT


def default_delimiter(lang: str) -> str:
    """Indonesian Excel splits CSV on ";" (its list separator); English Excel on ","."""
    return "," if lang == "en" else ";"


def delimiter_of(name: str | None, lang: str) -> str:
    """The delimiter for a --delimiter value (",", ";" or "tab"); None means the default."""
    if name is None or name == "":
        return default_delimiter(lang)
    try:
        return DELIMITERS[name]
    except KeyError:
        raise ValueError(name) from None


def neutralise(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def sheet_title(text: str) -> str:
    """A worksheet name Excel accepts: no []*?/\\: and at most 31 characters."""
    return _BAD_TITLE.sub(" ", text)[:31] or "Data"


def csv_cell(value: Any) -> Any:
    """One CSV cell: dates in ISO form (every Excel reads them), formulas neutralised."""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    return neutralise(value)


def write_csv(
    path: Path,
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    delimiter: str = ",",
) -> None:
    # UTF-8 with a BOM: Excel on Windows then reads Indonesian names correctly.
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow([neutralise(h) for h in headers])
        for row in rows:
            writer.writerow([csv_cell(v) for v in row])


def column_widths(
    columns: Sequence[SheetColumn], rows: Sequence[Sequence[Any]], lang: str = "id"
) -> list[float]:
    """Widths in Excel's character units, from the longest value (headers wrap at spaces)."""
    widths = []
    for i, col in enumerate(columns):
        longest_word = max((len(w) for w in col.header.split()), default=0)
        longest = max((len(_shown(row[i], col.kind, lang)) for row in rows), default=0)
        widths.append(float(min(max(longest_word, longest, _MIN_WIDTH) + 2, _MAX_WIDTH)))
    return widths


def _shown(value: Any, kind: str, lang: str) -> str:
    if value is None:
        return ""
    if kind == DATE:
        return "00/00/0000"
    if kind == DATETIME:
        return "00/00/0000 00:00"
    # A long text wraps inside its column; its longest line decides nothing more.
    return max(str(value).splitlines() or [""], key=len)


def write_xlsx(
    path: Path,
    title: str,
    columns: Sequence[SheetColumn],
    rows: Sequence[Sequence[Any]],
    *,
    lang: str = "id",
    paper: str = "a4",
) -> None:
    """One sheet, ready to filter and to print; written in openpyxl's streaming mode."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(sheet_title(title))
    widths = column_widths(columns, rows, lang)
    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[_letter(i)].width = width
    _print_setup(sheet, widths, len(rows), paper)
    sheet.append(_header_cells(sheet, columns))
    styles = [
        _CellStyle(col.kind, lang, wrap=widths[i] >= _MAX_WIDTH) for i, col in enumerate(columns)
    ]
    wrapped = [i for i, style in enumerate(styles) if style.alignment is not None]
    for number, row in enumerate(rows, start=2):
        lines = _lines(row, wrapped, widths)
        if lines > 1:  # set before the row is streamed out; spreadsheets do not grow it
            sheet.row_dimensions[number].height = 15 * lines
        sheet.append([styles[i].cell(sheet, v) for i, v in enumerate(row)])
    book.save(path)


def _lines(row: Sequence[Any], wrapped: Sequence[int], widths: Sequence[float]) -> int:
    """Lines the tallest wrapped cell of a row needs (at most 4: a list is not a page)."""
    most = 1
    for i in wrapped:
        text = row[i]
        if isinstance(text, str) and text:
            need = sum(math.ceil(len(part) * 1.1 / widths[i]) or 1 for part in text.splitlines())
            most = max(most, need)
    return min(most, 4)


def _header_cells(sheet: Any, columns: Sequence[SheetColumn]) -> list[WriteOnlyCell]:
    bold = Font(bold=True, color="FFFFFF")
    fill = PatternFill("solid", fgColor="1F3A5F")
    wrap = Alignment(wrap_text=True, vertical="top")
    cells = []
    for col in columns:
        cell = WriteOnlyCell(sheet, value=neutralise(col.header))
        cell.font, cell.fill, cell.alignment = bold, fill, wrap
        cells.append(cell)
    return cells


def _print_setup(sheet: Any, widths: Sequence[float], nrows: int, paper: str) -> None:
    """Landscape, header on every page, fitted to the page width while the text stays
    readable; a wider list prints on several pages across, its first two columns (the ID
    and the record's name) repeated on each so every page can be read on its own."""
    sheet.freeze_panes = "A2"
    last = f"{_letter(max(len(widths), 1))}{nrows + 1}"
    sheet.auto_filter.ref = f"A1:{last}"
    sheet.print_title_rows = "1:1"
    setup = sheet.page_setup
    setup.orientation = "landscape"
    setup.paperSize = PAPER_CODES.get(paper, PAPER_CODES["a4"])
    across = pages_across(widths)
    if across > 1 and len(widths) > 2:
        sheet.print_title_cols = "A:B"
    setup.fitToWidth = across
    setup.fitToHeight = 0  # as many pages down as needed
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_options.gridLines = True


def pages_across(widths: Sequence[float]) -> int:
    """Landscape pages side by side so that the text prints at 60 % or more of its size."""
    return max(1, math.ceil(sum(widths) / READABLE_WIDTH))


class _CellStyle:
    """Turns one value of a column into a cell: plain values stay plain (fast), dates,
    codes and wrapped text get a styled cell."""

    def __init__(self, kind: str, lang: str, *, wrap: bool) -> None:
        self.kind = kind
        self.number_format = {
            DATE: _DATE_FORMATS.get(lang, _DATE_FORMATS["id"]),
            DATETIME: _DATETIME_FORMATS.get(lang, _DATETIME_FORMATS["id"]),
            CODE: "@",
        }.get(kind)
        self.alignment = Alignment(wrap_text=True, vertical="top") if wrap else None

    def cell(self, sheet: Any, value: Any) -> Any:
        if value is None or value == "":
            return None
        if self.kind == CODE:
            value = str(value)
        value = neutralise(value)
        if self.number_format is None and self.alignment is None:
            return value
        cell = WriteOnlyCell(sheet, value=value)
        if self.number_format is not None:
            cell.number_format = self.number_format
        if self.alignment is not None:
            cell.alignment = self.alignment
        return cell


def _letter(index: int) -> str:
    return str(get_column_letter(index))
