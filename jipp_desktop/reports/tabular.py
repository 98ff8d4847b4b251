"""Lists to XLSX/CSV in the officer's language (Qt-free).

Export writes what a list view shows: labels as column headers, vocabulary labels
instead of codes, names next to region codes and instead of record ids.  Values keep
their kind (see ``reports/sheets.py``): dates are dates, years are numbers, region
codes, NIP and phone numbers are text, and the last change is in the laptop's local
time.  An exported innovation list can be edited and imported back
(``reports/innovation_import.py``): the ID column matches the rows to update.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jipp_desktop.core import models as m
from jipp_desktop.core import vocab
from jipp_desktop.core.dashboard import titles
from jipp_desktop.core.fields import (
    CategoryText,
    DateText,
    EnumText,
    Flag,
    Number,
    RefId,
    RegionCode,
)
from jipp_desktop.core.idformat import format_nip
from jipp_desktop.core.query import ListQuery
from jipp_desktop.core.registry import field_label, record_type, user_fields
from jipp_desktop.core.services import Progress
from jipp_desktop.reports.errors import invalid
from jipp_desktop.reports.output import atomic_output
from jipp_desktop.reports.sheets import (
    CODE,
    DATE,
    DATETIME,
    NUMBER,
    TEXT,
    SheetColumn,
    delimiter_of,
    write_csv,
    write_xlsx,
)

FORMATS = (".xlsx", ".csv")
# Not a record type: every signatory of the live commitments, one row each.
SIGNATORIES = "signatory"
# Text that only looks like a number: a spreadsheet must not drop its zeros or digits.
_CODE_FIELDS = frozenset({"nip", "contact_phone", "phone"})
META_HEADERS = {"id": ("ID", "ID"), "updated_at": ("Diubah", "Last changed")}
CODE_SUFFIX = {"id": "kode", "en": "code"}


def _lang(lang: str) -> int:
    return 1 if lang == "en" else 0


def format_of(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise invalid(
            "out",
            "format",
            f"Berkas {path.name} harus berakhiran .xlsx atau .csv.",
            f"The file {path.name} must end in .xlsx or .csv.",
        )
    return suffix


@dataclass(frozen=True)
class Column:
    header: str
    key: str
    # "text", "code", "number", "date", "flag", "enum", "region", "region_name", "ref",
    # "nip", "updated"
    kind: str
    vocab: str = ""
    ref: str = ""

    @property
    def sheet_kind(self) -> str:
        return {
            "region": CODE,
            "code": CODE,
            "nip": CODE,
            "number": NUMBER,
            "date": DATE,
            "updated": DATETIME,
        }.get(self.kind, TEXT)


def export_columns(type_name: str, lang: str = "id") -> list[Column]:
    """The columns of a list export: id, every user field (regions with a name column)."""
    cols = [Column(META_HEADERS["id"][_lang(lang)], "id", "code")]
    cols += _field_columns(user_fields(record_type(type_name).model), lang)
    cols.append(Column(META_HEADERS["updated_at"][_lang(lang)], "updated_at", "updated"))
    return cols


def _field_columns(fields: Sequence[Any], lang: str) -> list[Column]:
    cols = []
    for f in fields:
        label = field_label(f, lang)
        if isinstance(f, RegionCode):
            cols += [
                Column(f"{label} ({CODE_SUFFIX[lang]})", f.name, "region"),
                Column(label, f.name, "region_name"),
            ]
        elif isinstance(f, RefId):
            cols.append(Column(label, f.name, "ref", ref=f.ref))
        elif isinstance(f, EnumText):
            cols.append(Column(label, f.name, "enum", vocab=f.vocab))
        elif isinstance(f, CategoryText):
            cols.append(Column(label, f.name, "category"))
        elif isinstance(f, Flag):
            cols.append(Column(label, f.name, "flag"))
        elif isinstance(f, Number):
            cols.append(Column(label, f.name, "number"))
        elif isinstance(f, DateText):
            cols.append(Column(label, f.name, "date"))
        elif f.name == "nip":
            cols.append(Column(label, f.name, "nip"))
        elif f.name in _CODE_FIELDS:
            cols.append(Column(label, f.name, "code"))
        else:
            cols.append(Column(label, f.name, "text"))
    return cols


def export_table(
    workspace: Any, type_name: str, query: ListQuery | None = None, lang: str = "id"
) -> tuple[list[Column], list[list[Any]]]:
    """Columns and rows of a list as typed values, ready for any spreadsheet writer."""
    if type_name == SIGNATORIES:
        return _signatory_table(workspace, query, lang)
    cols = export_columns(type_name, lang)
    rows = workspace.records.list(type_name, query or ListQuery())
    return cols, list(_values(workspace, cols, rows, lang))


def _values(
    workspace: Any, cols: Sequence[Column], rows: Sequence[dict[str, Any]], lang: str
) -> Iterator[list[Any]]:
    refs: dict[str, dict[str, str]] = {}
    for col in cols:
        if col.kind == "ref":
            refs[col.key] = titles(col.ref, (r.get(col.key) for r in rows))
    yes, no = ("Yes", "No") if lang == "en" else ("Ya", "Tidak")
    for r in rows:
        line: list[Any] = []
        for col in cols:
            value = r.get(col.key)
            if value is None or value == "":
                line.append(None)
                continue
            if col.kind == "enum":
                value = vocab.label(col.vocab, value, lang)
            elif col.kind == "category":
                value = workspace.categories.label(value, lang)
            elif col.kind == "flag":
                value = yes if value else no
            elif col.kind == "region_name":
                value = workspace.regions.name(value)
            elif col.kind == "ref":
                value = refs[col.key].get(value, value)
            elif col.kind == "date":
                value = _date(value)
            elif col.kind == "updated":
                value = local_time(value)
            elif col.kind == "nip":
                value = format_nip(value)
            line.append(value)
        yield line


def _date(text: str) -> dt.date | str:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return text


def local_time(stamp: str) -> dt.datetime | str:
    """A stored UTC time as the laptop's wall-clock time (spreadsheets have no zones)."""
    try:
        moment = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone().replace(tzinfo=None, microsecond=0)


def _signatory_table(
    workspace: Any, query: ListQuery | None, lang: str
) -> tuple[list[Column], list[list[Any]]]:
    """Every signatory of the commitments of a list, in the list's order, with the
    commitment each one signed."""
    number = ("Nomor Komitmen", "Commitment number")[_lang(lang)]
    c = m.Commitment
    cols = [
        Column(number, "number", "text"),
        Column(field_label(c.signed_on, lang), "signed_on", "date"),
        Column(field_label(c.hub_id, lang), "hub_id", "ref", ref="hub"),
        Column(field_label(c.province_code, lang), "province_code", "region_name"),
        *_field_columns(
            [f for f in user_fields(m.CommitmentSignatory) if f.name != "commitment_id"], lang
        ),
    ]
    commitments = workspace.records.list("commitment", query or ListQuery())
    rows: list[dict[str, Any]] = []
    for start in range(0, len(commitments), 500):
        chunk = commitments[start : start + 500]
        signed = _signatories_of([str(row["id"]) for row in chunk])
        for row in chunk:
            rows += [{**row, **signatory} for signatory in signed.get(str(row["id"]), [])]
    return cols, list(_values(workspace, cols, rows, lang))


def _signatories_of(commitment_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    s = m.CommitmentSignatory
    query = (
        s.select()
        .where(s.commitment_id.in_(commitment_ids), m.alive(s))
        .order_by(*m.synced_order(s))
        .dicts()
    )
    out: dict[str, list[dict[str, Any]]] = {}
    for row in query:
        out.setdefault(str(row["commitment_id"]), []).append(row)
    return out


def export_rows(
    workspace: Any,
    type_name: str,
    query: ListQuery | None,
    out: Path | str,
    lang: str = "id",
    progress: Progress | None = None,
    *,
    delimiter: str | None = None,
) -> int:
    """Write the rows of a list (``RecordService.list`` with ``query``) to XLSX or CSV.

    ``delimiter`` (",", ";" or "tab") applies to CSV; by default ";" in Indonesian, the
    list separator of Indonesian Excel, and "," in English.  The file is written
    atomically; returns the number of rows.
    """
    target = Path(out)
    suffix = format_of(target)
    sep = _checked_delimiter(delimiter, lang)
    cols, rows = export_table(workspace, type_name, query, lang)
    if progress is not None:
        progress(1, 2)
    with atomic_output(target) as temp:
        if suffix == ".csv":
            write_csv(temp, [c.header for c in cols], rows, sep)
        else:
            write_xlsx(
                temp,
                _title(type_name, lang),
                [SheetColumn(c.header, c.sheet_kind) for c in cols],
                rows,
                lang=lang,
                paper=_paper(workspace),
            )
    if progress is not None:
        progress(2, 2)
    return len(rows)


def _checked_delimiter(name: str | None, lang: str) -> str:
    try:
        return delimiter_of(name, lang)
    except ValueError:
        raise invalid(
            "delimiter",
            "choice",
            f"Pemisah '{name}' tidak dikenal. Pilihan: ; , tab.",
            f"Unknown delimiter '{name}'. Choose one of: ; , tab.",
        ) from None


def _title(type_name: str, lang: str) -> str:
    if type_name == SIGNATORIES:
        return "Signatories" if lang == "en" else "Penandatangan"
    return record_type(type_name).label[_lang(lang)]


def _paper(workspace: Any) -> str:
    """The paper chosen in settings, for the sheet's print set-up."""
    return str(workspace.settings.get("paper")).lower()
