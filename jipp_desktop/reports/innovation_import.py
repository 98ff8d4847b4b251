"""The innovations import template and its importer (Qt-free).

Import reads the template back, and also an innovation list exported by
``reports/tabular.py`` and edited in a spreadsheet: a row with an ID updates that
innovation (only the cells that changed), a row without one creates a new innovation.
It is forgiving in the ways spreadsheets need: a header may be the field's key or its
Indonesian or English label; a value may be a code or its label in either language; an
agency may be given by name; a region code that Excel turned into a number (53.2) is
read back as the code it was (53.20).

Every row is checked before anything is written, through the same ``create_many`` and
``update`` the forms use (inside a savepoint that is rolled back), so the dry run reports
exactly the core's field messages with the file's line numbers.  The real import is one
transaction: all rows or none (or, with ``valid_only``, all the valid ones).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import peewee
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from jipp_desktop.core import models as m
from jipp_desktop.core import storage, vocab
from jipp_desktop.core.errors import FieldError, ValidationError
from jipp_desktop.core.fields import CategoryText, EnumText, Flag, Number, RefId, RegionCode
from jipp_desktop.core.registry import field_label, record_type, user_fields
from jipp_desktop.core.services import Progress
from jipp_desktop.reports.errors import invalid
from jipp_desktop.reports.output import atomic_output
from jipp_desktop.reports.sheets import write_csv
from jipp_desktop.reports.tabular import CODE_SUFFIX, META_HEADERS, format_of

IMPORT_TYPE = "innovation"
TEMPLATE_ROWS = 5000  # rows of the template that get the drop-down lists
_INDEX = re.compile(r"^\[(\d+)\]\.?(.*)$")
_YES = {"ya", "yes", "y", "true", "1", "benar"}
_NO = {"tidak", "no", "n", "false", "0", "salah", "t"}


def _lang(lang: str) -> int:
    return 1 if lang == "en" else 0


def _import_fields() -> list[peewee.Field]:
    return list(user_fields(record_type(IMPORT_TYPE).model))


def _must_fill(f: peewee.Field) -> bool:
    """Required and without a default (a blank stage becomes "Inisiatif", so it may be left)."""
    return bool(f.required) and f.default is None


def template_headers(lang: str = "id") -> list[str]:
    """Header cells of the template: each field's label, "*" marking those to fill."""
    return [field_label(f, lang) + (" *" if _must_fill(f) else "") for f in _import_fields()]


def _hint(f: peewee.Field, lang: str) -> str:
    en = lang == "en"
    if isinstance(f, EnumText):
        pairs = vocab.VOCABULARIES[f.vocab]
        return ", ".join(p[_lang(lang)] for p in pairs.values())
    if isinstance(f, Flag):
        return "Yes / No" if en else "Ya / Tidak"
    if isinstance(f, CategoryText):
        return (
            "A category of the list of the year started (sheet Categories), or Other: <text>"
            if en
            else "Kategori dari daftar tahun mulai (lembar Kategori), atau Lainnya: <teks>"
        )
    if isinstance(f, RegionCode):
        if f.level == "province":
            return (
                "Province code, e.g. 53 (sheet Regions)"
                if en
                else "Kode provinsi, mis. 53 (lembar Wilayah)"
            )
        return (
            "Regency/city code, e.g. 53.15 (sheet Regions)"
            if en
            else "Kode kabupaten/kota, mis. 53.15 (lembar Wilayah)"
        )
    if isinstance(f, RefId):
        return (
            "Agency name exactly as in the app, or its id"
            if en
            else "Nama instansi persis seperti di aplikasi, atau id-nya"
        )
    if isinstance(f, Number):
        low, high = f.minimum, f.upper_bound()
        return f"Year, {low}-{high}" if en else f"Tahun, {low}-{high}"
    limit = getattr(f, "max_length", None)
    if isinstance(limit, int):
        return f"Text, at most {limit} characters" if en else f"Teks, maksimal {limit} karakter"
    return "Text" if en else "Teks"


def write_template(workspace: Any, out: Path | str, lang: str = "id") -> Path:
    """Write the empty innovations template (XLSX with instructions, or a CSV header)."""
    target = Path(out)
    suffix = format_of(target)
    headers = template_headers(lang)
    with atomic_output(target) as temp:
        if suffix == ".csv":
            write_csv(temp, headers, [])
        else:
            _template_xlsx(temp, workspace, headers, lang)
    return target


def _template_xlsx(path: Path, workspace: Any, headers: list[str], lang: str) -> None:
    en = lang == "en"
    fields = _import_fields()
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Innovations" if en else "Inovasi"
    sheet.append(headers)
    bold, fill = Font(bold=True, color="FFFFFF"), PatternFill("solid", fgColor="1F3A5F")
    for col, f in enumerate(fields, start=1):
        cell = sheet.cell(row=1, column=col)
        cell.font, cell.fill = bold, fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        letter = cell.column_letter
        sheet.column_dimensions[letter].width = 40 if f.name == "title" else 22
        if isinstance(f, RegionCode):
            # A text column: Excel must keep a typed 53.20 as "53.20", not the number 53.2.
            sheet.column_dimensions[letter].number_format = "@"
        choices = None
        if isinstance(f, EnumText):
            choices = [p[_lang(lang)] for p in vocab.VOCABULARIES[f.vocab].values()]
        elif isinstance(f, Flag):
            choices = ["Yes", "No"] if en else ["Ya", "Tidak"]
        if choices:
            rule = DataValidation(
                type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True
            )
            rule.add(f"{letter}2:{letter}{TEMPLATE_ROWS + 1}")
            sheet.add_data_validation(rule)
    sheet.freeze_panes = "A2"
    _guide_sheet(book, fields, lang)
    _regions_sheet(book, workspace, lang)
    _categories_sheet(book, workspace, lang)
    book.save(path)


def _guide_sheet(book: Workbook, fields: list[peewee.Field], lang: str) -> None:
    en = lang == "en"
    guide = book.create_sheet("Guide" if en else "Petunjuk")
    guide.append(
        ["Column", "Key", "Required", "Values"] if en else ["Kolom", "Kunci", "Wajib", "Isian"]
    )
    for f in fields:
        guide.append(
            [
                field_label(f, lang),
                f.name,
                ("yes" if en else "ya") if _must_fill(f) else "",
                _hint(f, lang),
            ]
        )
    guide.append([])
    guide.append(
        [
            "Start at row 2 of the first sheet; one innovation per row. Rows with a "
            "problem are listed with their line number before anything is imported. "
            "An innovation list exported from the app can be edited and imported back: "
            "rows with an ID update that innovation."
            if en
            else "Isi mulai baris 2 lembar pertama; satu inovasi per baris. Baris yang "
            "bermasalah ditampilkan dengan nomor barisnya sebelum ada yang diimpor. "
            "Daftar inovasi yang diekspor dari aplikasi dapat diubah lalu diimpor kembali: "
            "baris ber-ID memperbarui inovasi itu."
        ]
    )
    for letter, width in (("A", 28), ("B", 18), ("C", 8), ("D", 70)):
        guide.column_dimensions[letter].width = width


def _regions_sheet(book: Workbook, workspace: Any, lang: str) -> None:
    regions = book.create_sheet("Regions" if lang == "en" else "Wilayah")
    regions.append(["Code", "Name"] if lang == "en" else ["Kode", "Nama"])
    for code, name in sorted(workspace.regions.provinces.items()):
        regions.append([code, name])
        for rcode, rname in workspace.regions.regencies_of(code):
            regions.append([rcode, rname])
    regions.column_dimensions["B"].width = 40


def _categories_sheet(book: Workbook, workspace: Any, lang: str) -> None:
    """Every year's KIPP categories: the label is what to type (the code works too)."""
    en = lang == "en"
    sheet = book.create_sheet("Categories" if en else "Kategori")
    sheet.append(
        ["Year of list", "Category", "Code"] if en else ["Tahun daftar", "Kategori", "Kode"]
    )
    cats = workspace.categories
    for year in cats.years:
        for cat in cats.for_year(year):
            sheet.append([year, cat.label(lang), cat.code])
    sheet.append(["", "Other: <text>" if en else "Lainnya: <teks>", ""])
    sheet.column_dimensions["B"].width = 70
    sheet.column_dimensions["C"].width = 28


# -- import ---------------------------------------------------------------------------


@dataclass(frozen=True)
class RowProblem:
    """One reason one line of the file cannot be imported."""

    line: int
    field: str
    message_id: str
    message_en: str

    def message(self, lang: str = "id") -> str:
        if lang == "en":
            return f"Line {self.line}: {self.message_en}"
        return f"Baris {self.line}: {self.message_id}"


@dataclass
class ImportResult:
    rows: int = 0
    problems: list[RowProblem] = field(default_factory=list)
    imported: int = 0
    updated: int = 0
    ids: list[str] = field(default_factory=list)

    @property
    def bad_lines(self) -> list[int]:
        return sorted({p.line for p in self.problems})

    @property
    def valid(self) -> int:
        return self.rows - len(self.bad_lines)


def _norm(text: str) -> str:
    return re.sub(r"[\s*]+", " ", text).strip().casefold()


@dataclass
class _Columns:
    """What each column of the file holds: a field, the record's ID, or nothing to read."""

    fields: dict[int, peewee.Field]
    id_column: int | None


def _header_names() -> tuple[dict[str, peewee.Field], dict[str, peewee.Field], set[str]]:
    """Header text -> field, "(kode)" header text -> region field, and ignored headers."""
    plain: dict[str, peewee.Field] = {}
    coded: dict[str, peewee.Field] = {}
    for f in _import_fields():
        for key in (f.name, f.label[0], f.label[1]):
            plain[_norm(key)] = f
        if isinstance(f, RegionCode):
            for label, suffix in ((f.label[0], CODE_SUFFIX["id"]), (f.label[1], CODE_SUFFIX["en"])):
                coded[_norm(f"{label} ({suffix})")] = f
    ignored = {_norm(text) for text in META_HEADERS["updated_at"]}
    return plain, coded, ignored


def _header_map(headers: Sequence[Any]) -> _Columns:
    """Column index -> field; an unknown or repeated header stops the import.

    In an exported list a region has a code column ("Provinsi (kode)") and a name column
    ("Provinsi"); the code is read and the name, derived from it, is left alone.
    """
    plain, coded, ignored = _header_names()
    texts = [_norm(str(raw or "")) for raw in headers]
    has_code_column = {coded[t].name for t in texts if t in coded}
    id_names = {_norm(text) for text in META_HEADERS["id"]}
    out: dict[int, peewee.Field] = {}
    id_column: int | None = None
    seen: set[str] = set()
    problems: list[FieldError] = []
    for i, (raw, text) in enumerate(zip(headers, texts, strict=True)):
        f = coded.get(text) or plain.get(text)
        if not text or text in ignored:
            continue
        if text in id_names and id_column is None:
            id_column = i
            continue
        if f is not None and text not in coded and f.name in has_code_column:
            continue  # the region's name column of an export
        if f is None:
            problems.append(_header_problem(i, "unknown_column", raw))
        elif f.name in seen:
            problems.append(_header_problem(i, "repeated_column", raw))
        else:
            seen.add(f.name)
            out[i] = f
    for f in _import_fields():
        if _must_fill(f) and f.name not in seen and id_column is None:
            problems.append(
                FieldError(
                    f.name,
                    "missing_column",
                    f"Baris 1: kolom wajib '{f.label[0]}' tidak ada.",
                    f"Line 1: the required column '{f.label[1]}' is missing.",
                )
            )
    if problems:
        raise ValidationError(problems)
    return _Columns(out, id_column)


def _header_problem(index: int, code: str, raw: Any) -> FieldError:
    if code == "unknown_column":
        text_id = f"Baris 1: kolom '{raw}' tidak dikenal. Pakai templat dari aplikasi."
        text_en = f"Line 1: unknown column '{raw}'. Use the template from the app."
    else:
        text_id = f"Baris 1: kolom '{raw}' muncul dua kali."
        text_en = f"Line 1: the column '{raw}' appears twice."
    return FieldError(f"header[{index + 1}]", code, text_id, text_en)


def read_table(path: Path) -> list[tuple[int, list[Any]]]:
    """(line number, cells) of every line of the file, the header being line 1."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise invalid(
            "file",
            "missing_file",
            f"Berkas {path} tidak ditemukan.",
            f"The file {path} was not found.",
        )
    try:
        if suffix == ".xlsx":
            return _read_xlsx(path)
        if suffix == ".csv":
            return _read_csv(path)
    except (OSError, ValueError, KeyError, csv.Error) as exc:
        raise invalid(
            "file",
            "unreadable",
            f"Berkas {path.name} tidak dapat dibaca ({exc}).",
            f"Cannot read the file {path.name} ({exc}).",
        ) from exc
    raise invalid(
        "file",
        "format",
        f"Berkas {path.name} harus .xlsx atau .csv.",
        f"The file {path.name} must be .xlsx or .csv.",
    )


def _read_xlsx(path: Path) -> list[tuple[int, list[Any]]]:
    book = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = book.worksheets[0]
        return [(n, list(row)) for n, row in enumerate(sheet.iter_rows(values_only=True), 1)]
    finally:
        book.close()


def _read_csv(path: Path) -> list[tuple[int, list[Any]]]:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel on Windows saves "CSV" in the ANSI code page.
        text = raw.decode("cp1252", errors="replace")
    first = text.split("\n", 1)[0]
    counts = {sep: first.count(sep) for sep in (",", ";", "\t")}
    delimiter = max(counts, key=lambda sep: counts[sep])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    out = []
    line = 1
    for row in reader:
        out.append((line, [_unquote(cell) for cell in row]))
        line = reader.line_num + 1  # quoted cells may span lines
    return out


def _unquote(cell: str) -> str:
    """Undo the export's formula guard: "'=x" was written for the text "=x"."""
    if cell[:2] in ("'=", "'+", "'-", "'@", "'\t", "'\r"):
        return cell[1:]
    return cell


def _cell_text(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int | float):
        return str(value)
    return value


def region_text(value: Any, level: str) -> str:
    """A region code as typed; one that a spreadsheet made a number (53.2) back to 53.20."""
    if isinstance(value, float) and level == "regency":
        return f"{value:.2f}"
    if isinstance(value, float) and value.is_integer():
        return f"{int(value):02d}"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:02d}"
    text = str(value).strip()
    if level == "regency" and re.fullmatch(r"\d{2}\.\d", text):
        return text + "0"
    return text


class _Converter:
    """Turns one row of cells into a record dict; labels and names become stored values."""

    def __init__(self, columns: dict[int, peewee.Field]) -> None:
        self.columns = columns
        self.enums: dict[str, dict[str, str]] = {}
        for f in columns.values():
            if isinstance(f, EnumText):
                lookup = {}
                for code, (lid, len_) in vocab.VOCABULARIES[f.vocab].items():
                    lookup.update({_norm(code): code, _norm(lid): code, _norm(len_): code})
                self.enums[f.name] = lookup
        agencies = m.Agency.select(m.Agency.id, m.Agency.name, m.Agency.short_name).where(
            m.alive(m.Agency)
        )
        self.agencies: dict[str, str] = {}
        for a in agencies:
            self.agencies[_norm(a.id)] = a.id
            for name in (a.name, a.short_name):
                if name:
                    self.agencies.setdefault(_norm(name), a.id)

    def row(self, line: int, cells: Sequence[Any]) -> tuple[dict[str, Any], list[RowProblem]]:
        item: dict[str, Any] = {}
        problems: list[RowProblem] = []
        for i, f in self.columns.items():
            raw = cells[i] if i < len(cells) else None
            if raw is None or (isinstance(raw, str) and not raw.strip()):
                item[f.name] = None
                continue
            if isinstance(f, RegionCode):
                item[f.name] = region_text(raw, f.level)
                continue
            text = str(_cell_text(raw)).strip()
            if isinstance(f, EnumText):
                item[f.name] = self.enums[f.name].get(_norm(text), text)
            elif isinstance(f, Flag):
                low = _norm(text)
                item[f.name] = True if low in _YES else False if low in _NO else text
            elif isinstance(f, RefId) and f.ref == "agency":
                found = self.agencies.get(_norm(text))
                if found is None:
                    problems.append(
                        RowProblem(
                            line,
                            f.name,
                            f"{f.label[0]}: '{text}' tidak ditemukan. Tambahkan instansinya dulu.",
                            f"{f.label[1]}: '{text}' was not found. Add the agency first.",
                        )
                    )
                else:
                    item[f.name] = found
            else:
                item[f.name] = text
        return item, problems


@dataclass
class _Row:
    line: int
    item: dict[str, Any]
    record_id: str | None = None  # an innovation to update


def _errors_by_index(errors: list[FieldError], count: int) -> dict[int, list[FieldError]]:
    out: dict[int, list[FieldError]] = {}
    for e in errors:
        match = _INDEX.match(e.field)
        if match:
            out.setdefault(int(match.group(1)), []).append(e)
        elif count == 1:
            out.setdefault(0, []).append(e)
    return out


def _problems_of(row: _Row, errors: list[FieldError]) -> list[RowProblem]:
    out = []
    for e in errors:
        match = _INDEX.match(e.field)
        name = match.group(2) if match else e.field
        out.append(RowProblem(row.line, name, e.message_id, e.message_en))
    return out


def _check_new(records: Any, rows: list[_Row]) -> list[RowProblem]:
    """The core's own field messages for every new row; nothing stays written."""
    if not rows:
        return []
    items = [{k: v for k, v in r.item.items() if v is not None} for r in rows]
    try:
        with m.database.atomic() as savepoint:
            records.create_many(IMPORT_TYPE, items)
            savepoint.rollback()
    except ValidationError as exc:
        problems = []
        for index, errs in sorted(_errors_by_index(list(exc.errors), len(items)).items()):
            problems += _problems_of(rows[index], errs)
        return problems
    return []


def _check_updates(records: Any, rows: list[_Row]) -> list[RowProblem]:
    """Each update applied and rolled back, one savepoint per row, to collect its messages."""
    problems: list[RowProblem] = []
    for row in rows:
        try:
            with m.database.atomic() as savepoint:
                records.update(IMPORT_TYPE, row.record_id, row.item)
                savepoint.rollback()
        except ValidationError as exc:
            problems += _problems_of(row, list(exc.errors))
    return problems


def _match_ids(rows: list[_Row]) -> list[RowProblem]:
    """Every row with an ID must name a live innovation, once."""
    model = m.Innovation
    wanted = [r.record_id for r in rows if r.record_id]
    known: dict[str, bool] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        for rid, deleted in m.result_tuples(
            model.select(model.id, model.deleted).where(model.id.in_(chunk))
        ):
            known[str(rid)] = bool(deleted)
    problems: list[RowProblem] = []
    seen: set[str] = set()
    for r in rows:
        rid = r.record_id
        if not rid:
            continue
        if rid not in known:
            problems.append(
                RowProblem(
                    r.line,
                    "id",
                    f"ID '{rid}' tidak ada di data ini. Kosongkan ID untuk menambah inovasi baru.",
                    f"ID '{rid}' is not in this data. Leave the ID empty to add a new innovation.",
                )
            )
        elif known[rid]:
            problems.append(
                RowProblem(
                    r.line,
                    "id",
                    f"Inovasi dengan ID '{rid}' ada di Sampah. Pulihkan dulu.",
                    f"The innovation with ID '{rid}' is in the trash. Restore it first.",
                )
            )
        elif rid in seen:
            problems.append(
                RowProblem(
                    r.line,
                    "id",
                    f"ID '{rid}' muncul di lebih dari satu baris.",
                    f"ID '{rid}' appears on more than one line.",
                )
            )
        seen.add(rid)
    return problems


def _read_rows(path: Path) -> tuple[list[_Row], list[RowProblem]]:
    lines = read_table(path)
    if not lines:
        raise invalid("file", "empty", "Berkas kosong.", "The file is empty.")
    columns = _header_map(lines[0][1])
    convert = _Converter(columns.fields)
    rows: list[_Row] = []
    problems: list[RowProblem] = []
    for line, cells in lines[1:]:
        if all(c is None or (isinstance(c, str) and not c.strip()) for c in cells):
            continue
        item, found = convert.row(line, cells)
        record_id = None
        if columns.id_column is not None and columns.id_column < len(cells):
            raw_id = cells[columns.id_column]
            record_id = str(raw_id).strip() if raw_id is not None else None
        rows.append(_Row(line, item, record_id or None))
        problems += found
    if not rows:
        raise invalid(
            "file",
            "no_rows",
            "Berkas tidak berisi baris data (mulai baris 2).",
            "The file has no data rows (start at line 2).",
        )
    return rows, problems


def import_innovations(
    workspace: Any,
    path: Path | str,
    *,
    dry_run: bool = False,
    valid_only: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """Check every row; import all of them, or none, or (``valid_only``) the good ones.

    Rows with an ID update that innovation, the others create new ones.  File-level
    problems (unknown or missing columns, unreadable file) raise ValidationError; row
    problems are returned with their line numbers.
    """
    rows, problems = _read_rows(Path(path))
    result = ImportResult(rows=len(rows), problems=problems)
    result.problems += _match_ids(rows)
    bad_ids = set(result.bad_lines)
    new = [r for r in rows if not r.record_id]
    changed = [r for r in rows if r.record_id and r.line not in bad_ids]
    result.problems += _check_new(workspace.records, new)
    result.problems += _check_updates(workspace.records, changed)
    result.problems.sort(key=lambda p: p.line)
    bad = set(result.bad_lines)
    if dry_run or (bad and not valid_only):
        return result
    good_new = [r for r in new if r.line not in bad]
    good_changed = [r for r in changed if r.line not in bad]
    # Rows with their audit trail and search index take a few times the sheet's size.
    storage.require_space(workspace.data_dir, 4 * Path(path).stat().st_size)
    with m.database.atomic():
        if good_new:
            items = [{k: v for k, v in r.item.items() if v is not None} for r in good_new]
            result.ids = workspace.records.create_many(IMPORT_TYPE, items, progress)
            result.imported = len(result.ids)
        for r in good_changed:
            if workspace.records.update(IMPORT_TYPE, r.record_id, r.item):
                result.updated += 1
    return result
