"""Lists to XLSX/CSV, the innovations import template, and the importer (Qt-free).

Export writes what a list view shows, in the officer's language: labels as column
headers, vocabulary labels instead of codes, names next to region codes and instead
of record ids.  Import reads the template back, and is forgiving in the same way:
a header may be the field's key or its Indonesian or English label; a value may be
a code or its label in either language; an agency may be given by name.

Every row is checked before anything is written, through the same ``create_many``
the forms use (inside a savepoint that is rolled back), so the dry run reports
exactly the core's field messages with the file's line numbers.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import peewee
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from jipp_desktop.core import models as m
from jipp_desktop.core import vocab
from jipp_desktop.core.dashboard import titles
from jipp_desktop.core.errors import FieldError, ValidationError
from jipp_desktop.core.fields import EnumText, Flag, Number, RefId, RegionCode
from jipp_desktop.core.query import ListQuery
from jipp_desktop.core.registry import field_label, record_type, user_fields
from jipp_desktop.core.services import Progress
from jipp_desktop.reports.errors import invalid
from jipp_desktop.reports.output import atomic_output

FORMATS = (".xlsx", ".csv")
_INDEX = re.compile(r"^\[(\d+)\]\.?(.*)$")
_YES = {"ya", "yes", "y", "true", "1", "benar"}
_NO = {"tidak", "no", "n", "false", "0", "salah", "t"}


def _lang(lang: str) -> int:
    return 1 if lang == "en" else 0


def _format_of(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise invalid(
            "out",
            "format",
            f"Berkas {path.name} harus berakhiran .xlsx atau .csv.",
            f"The file {path.name} must end in .xlsx or .csv.",
        )
    return suffix


# -- export ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    header: str
    key: str
    kind: str  # "text", "number", "flag", "enum", "region", "region_name", "ref", "meta"
    vocab: str = ""
    ref: str = ""


def export_columns(type_name: str, lang: str = "id") -> list[Column]:
    """The columns of a list export: id, every user field (regions with a name column)."""
    cols = [Column("ID", "id", "meta")]
    for f in user_fields(record_type(type_name).model):
        label = field_label(f, lang)
        if isinstance(f, RegionCode):
            code = "kode" if lang == "id" else "code"
            cols += [
                Column(f"{label} ({code})", f.name, "region"),
                Column(label, f.name, "region_name"),
            ]
        elif isinstance(f, RefId):
            cols.append(Column(label, f.name, "ref", ref=f.ref))
        elif isinstance(f, EnumText):
            cols.append(Column(label, f.name, "enum", vocab=f.vocab))
        elif isinstance(f, Flag):
            cols.append(Column(label, f.name, "flag"))
        elif isinstance(f, Number):
            cols.append(Column(label, f.name, "number"))
        else:
            cols.append(Column(label, f.name, "text"))
    cols.append(Column("Diubah" if lang == "id" else "Last changed", "updated_at", "meta"))
    return cols


def export_table(
    workspace: Any, type_name: str, query: ListQuery | None = None, lang: str = "id"
) -> tuple[list[str], list[list[Any]]]:
    """Headers and rows of a list as plain values, ready for any spreadsheet writer."""
    cols = export_columns(type_name, lang)
    rows = workspace.records.list(type_name, query or ListQuery())
    refs: dict[str, dict[str, str]] = {}
    for col in cols:
        if col.kind == "ref":
            refs[col.key] = titles(col.ref, (r.get(col.key) for r in rows))
    yes, no = ("Yes", "No") if lang == "en" else ("Ya", "Tidak")
    out = []
    for r in rows:
        line: list[Any] = []
        for col in cols:
            value = r.get(col.key)
            if col.kind == "enum":
                value = vocab.label(col.vocab, value, lang)
            elif col.kind == "flag":
                value = yes if value else no
            elif col.kind == "region_name":
                value = workspace.regions.name(value)
            elif col.kind == "ref":
                value = refs[col.key].get(value or "", value or "")
            line.append("" if value is None else value)
        out.append(line)
    return [c.header for c in cols], out


def export_rows(
    workspace: Any,
    type_name: str,
    query: ListQuery | None,
    out: Path | str,
    lang: str = "id",
    progress: Progress | None = None,
) -> int:
    """Write the rows of a list (``RecordService.list`` with ``query``) to XLSX or CSV.

    The file is written atomically; returns the number of rows.
    """
    target = Path(out)
    suffix = _format_of(target)
    headers, rows = export_table(workspace, type_name, query, lang)
    if progress is not None:
        progress(1, 2)
    with atomic_output(target) as temp:
        if suffix == ".csv":
            _write_csv(temp, headers, rows)
        else:
            label = record_type(type_name).label[_lang(lang)]
            _write_xlsx(temp, label, headers, rows)
    if progress is not None:
        progress(2, 2)
    return len(rows)


def _write_csv(path: Path, headers: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    # UTF-8 with a BOM: Excel on Windows then reads Indonesian names correctly.
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(headers)
        writer.writerows(rows)


def _safe_cell(value: Any) -> Any:
    # A text cell that starts with "=" would become a formula when opened.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@") and len(value) > 1:
        return "'" + value
    return value


def _write_xlsx(
    path: Path, title: str, headers: Sequence[str], rows: Iterable[Sequence[Any]]
) -> None:
    book = Workbook(write_only=True)
    sheet = book.create_sheet(_sheet_title(title))
    sheet.freeze_panes = "A2"
    sheet.append(list(headers))
    for row in rows:
        sheet.append([_safe_cell(v) for v in row])
    book.save(path)


def _sheet_title(text: str) -> str:
    return re.sub(r"[\[\]\*\?/\\:]", " ", text)[:31]


# -- the import template --------------------------------------------------------------

IMPORT_TYPE = "innovation"


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
        return "Year, e.g. 2021" if en else "Tahun, mis. 2021"
    limit = getattr(f, "max_length", None)
    if isinstance(limit, int):
        return f"Text, at most {limit} characters" if en else f"Teks, maksimal {limit} karakter"
    return "Text" if en else "Teks"


def write_template(workspace: Any, out: Path | str, lang: str = "id") -> Path:
    """Write the empty innovations template (XLSX with instructions, or a CSV header)."""
    target = Path(out)
    suffix = _format_of(target)
    headers = template_headers(lang)
    with atomic_output(target) as temp:
        if suffix == ".csv":
            _write_csv(temp, headers, [])
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
        choices = None
        if isinstance(f, EnumText):
            choices = [p[_lang(lang)] for p in vocab.VOCABULARIES[f.vocab].values()]
        elif isinstance(f, Flag):
            choices = ["Yes", "No"] if en else ["Ya", "Tidak"]
        if choices:
            rule = DataValidation(
                type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True
            )
            rule.add(f"{letter}2:{letter}5000")
            sheet.add_data_validation(rule)
    sheet.freeze_panes = "A2"

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
            "problem are listed with their line number before anything is imported."
            if en
            else "Isi mulai baris 2 lembar pertama; satu inovasi per baris. Baris yang "
            "bermasalah ditampilkan dengan nomor barisnya sebelum ada yang diimpor."
        ]
    )
    for letter, width in (("A", 28), ("B", 18), ("C", 8), ("D", 70)):
        guide.column_dimensions[letter].width = width

    regions = book.create_sheet("Regions" if en else "Wilayah")
    regions.append(["Code", "Name"] if en else ["Kode", "Nama"])
    for code, name in sorted(workspace.regions.provinces.items()):
        regions.append([code, name])
        for rcode, rname in workspace.regions.regencies_of(code):
            regions.append([rcode, rname])
    regions.column_dimensions["B"].width = 40
    book.save(path)


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
    ids: list[str] = field(default_factory=list)

    @property
    def bad_lines(self) -> list[int]:
        return sorted({p.line for p in self.problems})

    @property
    def valid(self) -> int:
        return self.rows - len(self.bad_lines)


def _norm(text: str) -> str:
    return re.sub(r"[\s*]+", " ", text).strip().casefold()


def _header_map(headers: Sequence[Any]) -> dict[int, peewee.Field]:
    """Column index -> field; an unknown or repeated header stops the import."""
    by_name: dict[str, peewee.Field] = {}
    for f in _import_fields():
        for key in (f.name, f.label[0], f.label[1]):
            by_name[_norm(key)] = f
    out: dict[int, peewee.Field] = {}
    seen: set[str] = set()
    problems: list[FieldError] = []
    for i, raw in enumerate(headers):
        text = _norm(str(raw or ""))
        if not text:
            continue
        f = by_name.get(text)
        if f is None:
            problems.append(
                FieldError(
                    f"header[{i + 1}]",
                    "unknown_column",
                    f"Baris 1: kolom '{raw}' tidak dikenal. Pakai templat dari aplikasi.",
                    f"Line 1: unknown column '{raw}'. Use the template from the app.",
                )
            )
        elif f.name in seen:
            problems.append(
                FieldError(
                    f"header[{i + 1}]",
                    "repeated_column",
                    f"Baris 1: kolom '{raw}' muncul dua kali.",
                    f"Line 1: the column '{raw}' appears twice.",
                )
            )
        else:
            seen.add(f.name)
            out[i] = f
    for f in _import_fields():
        if _must_fill(f) and f.name not in seen:
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
    return out


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
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    out = []
    line = 1
    for row in reader:
        out.append((line, list(row)))
        line = reader.line_num + 1  # quoted cells may span lines
    return out


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
            value = _cell_text(cells[i]) if i < len(cells) else None
            if value is None or (isinstance(value, str) and not value.strip()):
                continue
            text = str(value).strip()
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


def _errors_by_index(errors: list[FieldError], count: int) -> dict[int, list[FieldError]]:
    out: dict[int, list[FieldError]] = {}
    for e in errors:
        match = _INDEX.match(e.field)
        if match:
            out.setdefault(int(match.group(1)), []).append(e)
        elif count == 1:
            out.setdefault(0, []).append(e)
    return out


def _validate(records: Any, items: list[dict[str, Any]]) -> list[FieldError]:
    """The core's own field messages for every item; nothing stays written."""
    if not items:
        return []
    try:
        with m.database.atomic() as savepoint:
            records.create_many(IMPORT_TYPE, items)
            savepoint.rollback()
    except ValidationError as exc:
        return list(exc.errors)
    return []


def import_innovations(
    workspace: Any,
    path: Path | str,
    *,
    dry_run: bool = False,
    valid_only: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """Check every row; import all of them, or none, or (``valid_only``) the good ones.

    File-level problems (unknown or missing columns, unreadable file) raise
    ValidationError; row problems are returned with their line numbers.
    """
    lines = read_table(Path(path))
    if not lines:
        raise invalid("file", "empty", "Berkas kosong.", "The file is empty.")
    columns = _header_map(lines[0][1])
    convert = _Converter(columns)
    result = ImportResult()
    items: list[dict[str, Any]] = []
    line_of: list[int] = []
    for line, cells in lines[1:]:
        if all(c is None or (isinstance(c, str) and not c.strip()) for c in cells):
            continue
        item, problems = convert.row(line, cells)
        items.append(item)
        line_of.append(line)
        result.problems += problems
    result.rows = len(items)
    if not items:
        raise invalid(
            "file",
            "no_rows",
            "Berkas tidak berisi baris data (mulai baris 2).",
            "The file has no data rows (start at line 2).",
        )
    for index, errs in sorted(
        _errors_by_index(_validate(workspace.records, items), len(items)).items()
    ):
        for e in errs:
            match = _INDEX.match(e.field)
            name = match.group(2) if match else e.field
            result.problems.append(RowProblem(line_of[index], name, e.message_id, e.message_en))
    result.problems.sort(key=lambda p: p.line)
    bad = set(result.bad_lines)
    if dry_run or (bad and not valid_only):
        return result
    good = [item for item, line in zip(items, line_of, strict=True) if line not in bad]
    if good:
        result.ids = workspace.records.create_many(IMPORT_TYPE, good, progress)
        result.imported = len(result.ids)
    return result
