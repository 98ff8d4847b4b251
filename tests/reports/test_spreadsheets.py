"""Spreadsheets people can use: typed XLSX cells, print set-up, CSV for Indonesian Excel,
the signatories export, the template's text columns and the round trip of an export."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from report_sample import seed

from jipp_desktop.cli.main import run
from jipp_desktop.core.query import ListQuery
from jipp_desktop.core.workspace import Workspace, open_workspace
from jipp_desktop.reports.innovation_import import import_innovations, write_template
from jipp_desktop.reports.sheets import pages_across
from jipp_desktop.reports.tabular import export_rows


def cli(data_dir: Path, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(["--data-dir", str(data_dir), *args], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def _sheet_rows(path: Path) -> tuple[list[str], list[dict[str, object]]]:
    sheet = load_workbook(path).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    header = [str(h) for h in rows[0]]
    return header, [dict(zip(header, row, strict=True)) for row in rows[1:]]


def test_xlsx_cells_keep_their_kind_and_the_sheet_prints(
    workspace: Workspace, tmp_path: Path
) -> None:
    sample = seed(workspace, tmp_path)
    out = tmp_path / "replikasi.xlsx"
    assert export_rows(workspace, "replication", None, out) >= 1
    book = load_workbook(out)
    sheet = book.worksheets[0]
    header, rows = _sheet_rows(out)
    row = rows[0]
    assert isinstance(row["Tanggal Mulai"], dt.datetime), "a date is a date, not text"
    assert isinstance(row["Diubah"], dt.datetime)
    changed = workspace.records.get("replication", str(row["ID"]))["updated_at"]
    utc = dt.datetime.fromisoformat(changed.replace("Z", "+00:00"))
    if utc.tzinfo is None:
        utc = utc.replace(tzinfo=dt.UTC)
    assert row["Diubah"] == utc.astimezone().replace(tzinfo=None, microsecond=0), "local time"
    code_col = header.index("Provinsi (kode)") + 1
    code_cell = sheet.cell(row=2, column=code_col)
    assert code_cell.value == "53" and code_cell.number_format == "@"
    date_cell = sheet.cell(row=2, column=header.index("Tanggal Mulai") + 1)
    assert date_cell.number_format == "dd/mm/yyyy"

    assert sheet.freeze_panes == "A2"
    last = sheet.cell(row=1, column=len(header)).column_letter
    assert sheet.auto_filter.ref == f"A1:{last}{len(rows) + 1}"
    assert sheet.cell(row=1, column=1).font.b
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.fitToHeight == 0, "as many pages down as needed"
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == "$1:$1"
    widths = {
        h: sheet.column_dimensions[sheet.cell(row=1, column=i + 1).column_letter].width
        for i, h in enumerate(header)
    }
    assert widths["Inovasi Asal"] > widths["Provinsi (kode)"], "widths follow the content"
    assert all(6 <= w <= 42 for w in widths.values())
    assert sheet.page_setup.fitToWidth == pages_across(list(widths.values()))

    inno = tmp_path / "inovasi.xlsx"
    export_rows(workspace, "innovation", None, inno)
    _, irows = _sheet_rows(inno)
    first = next(r for r in irows if r["ID"] == sample.innovations[0])
    assert first["Tahun Mulai"] == 2021 and isinstance(first["Tahun Mulai"], int)
    assert first["Telepon Narahubung"] == "0812-3456-7890"
    wide = load_workbook(inno).worksheets[0]
    # Twenty-odd columns cannot print readably on one page: several pages across, each
    # starting with the ID and the title; a long text row is made tall enough to show it.
    assert wide.page_setup.fitToWidth > 1 and wide.print_title_cols == "$A:$B"
    tall = [d.height for d in wide.row_dimensions.values() if d.height]
    assert tall and max(tall) <= 60


def test_csv_defaults_to_semicolons_in_indonesian_and_neutralises_formulas(
    workspace: Workspace, tmp_path: Path
) -> None:
    seed(workspace, tmp_path)
    for title in ('=HYPERLINK("http://x")', "+62 layanan", "-minus", "@sum(1)"):
        workspace.records.create("innovation", {"title": title, "province_code": "53"})
    out = tmp_path / "inovasi.csv"
    export_rows(workspace, "innovation", ListQuery(filters={"province_code": "53"}), out)
    text = out.read_bytes().decode("utf-8-sig")
    table = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    titles = {r["Judul Inovasi"] for r in table}
    assert {'\'=HYPERLINK("http://x")', "'+62 layanan", "'-minus", "'@sum(1)"} <= titles
    assert all(not t.startswith(("=", "+", "-", "@")) for t in titles)
    regency = next(r for r in table if r["Kabupaten/Kota (kode)"])
    assert regency["Kabupaten/Kota (kode)"] in {"53.15", "53.71"}

    english = tmp_path / "en.csv"
    export_rows(workspace, "innovation", None, english, lang="en")
    assert english.read_bytes().decode("utf-8-sig").splitlines()[0].count(",") > 5


def test_cli_delimiter_option(data_dir: Path, tmp_path: Path) -> None:
    ws = open_workspace(data_dir)
    try:
        seed(ws, tmp_path)
    finally:
        ws.close()
    out = tmp_path / "tab.csv"
    code, _, err = cli(data_dir, "export", "innovation", "--delimiter", "tab", "--out", str(out))
    assert code == 0, err
    header = out.read_bytes().decode("utf-8-sig").splitlines()[0]
    assert header.startswith("ID\tJudul Inovasi\t")
    code, _, err = cli(data_dir, "export", "innovation", "--delimiter", "|", "--out", str(out))
    assert code == 2 and "--delimiter" in err


def test_signatories_export_keeps_nip_as_text(data_dir: Path, tmp_path: Path) -> None:
    ws = open_workspace(data_dir)
    try:
        seed(ws, tmp_path)
    finally:
        ws.close()
    out = tmp_path / "penandatangan.xlsx"
    code, stdout, err = cli(data_dir, "export", "signatory", "--out", str(out))
    assert code == 0 and "3 baris diekspor" in stdout, err
    sheet = load_workbook(out).worksheets[0]
    header, rows = _sheet_rows(out)
    assert header[:4] == ["Nomor Komitmen", "Tanggal", "Simpul Inovasi", "Provinsi"]
    assert [r["Nama"] for r in rows] == [
        "Dr. Diah Natalisa, M.B.A.",
        "Drs. Benediktus Polo Maing",
        "Thomas Ĉeh Željko",
    ], "in the statement's order"
    nip_cell = sheet.cell(row=3, column=header.index("NIP") + 1)
    assert nip_cell.value == "19651231 199003 1 015" and nip_cell.number_format == "@"
    assert rows[1]["Pihak"] == "Pemerintah Provinsi"
    assert rows[0]["Simpul Inovasi"] == "Lopo Inovasi Flobamorata"

    csv_out = tmp_path / "penandatangan.csv"
    assert cli(data_dir, "export", "signatory", "--out", str(csv_out))[0] == 0
    table = list(
        csv.DictReader(io.StringIO(csv_out.read_bytes().decode("utf-8-sig")), delimiter=";")
    )
    assert table[1]["NIP"] == "19651231 199003 1 015", "grouped: no spreadsheet makes it 1.9E+17"


def test_template_code_columns_are_text_and_messages_speak_indonesian(
    workspace: Workspace, tmp_path: Path
) -> None:
    seed(workspace, tmp_path)
    template = write_template(workspace, tmp_path / "t.xlsx")
    book = load_workbook(template)
    sheet = book.worksheets[0]
    header = [c.value for c in sheet[1]]
    province = header.index("Provinsi *") + 1
    regency = header.index("Kabupaten/Kota") + 1
    for column in (province, regency):
        letter = sheet.cell(row=1, column=column).column_letter
        assert sheet.column_dimensions[letter].number_format == "@", "typed codes stay text"
    stage = header.index("Tahapan") + 1
    year = header.index("Tahun Mulai") + 1
    sheet.cell(row=2, column=1, value="Salah Tahap")
    sheet.cell(row=2, column=province, value="53")
    sheet.cell(row=2, column=stage, value="Selesai")
    sheet.cell(row=2, column=year, value=2099)
    # What Excel makes of a regency code typed into a General cell: a number.
    sheet.cell(row=3, column=1, value="Kode Jadi Angka")
    sheet.cell(row=3, column=province, value=53)
    sheet.cell(row=3, column=regency, value=53.2)
    book.save(template)

    result = import_innovations(workspace, template, dry_run=True)
    messages = [p.message("id") for p in result.problems]
    assert result.bad_lines == [2], messages
    choice = next(m for m in messages if "Tahapan" in m)
    assert "Pilihan: Inisiatif, Uji Coba, Penerapan." in choice
    assert "initiative" not in choice
    english = next(p.message("en") for p in result.problems if p.field == "stage")
    assert "Initiative" in english
    this_year = dt.date.today().year
    assert f"Baris 2: Tahun Mulai harus di antara 1945 dan {this_year + 1}." in messages

    done = import_innovations(workspace, template, valid_only=True)
    assert done.imported == 1
    row = workspace.records.get("innovation", done.ids[0])
    assert (row["province_code"], row["regency_code"]) == ("53", "53.20")


def test_an_exported_list_imports_back_as_updates(workspace: Workspace, tmp_path: Path) -> None:
    sample = seed(workspace, tmp_path)
    out = tmp_path / "inovasi.xlsx"
    before = workspace.records.count("innovation")
    export_rows(workspace, "innovation", None, out)
    book = load_workbook(out)
    sheet = book.worksheets[0]
    header = [c.value for c in sheet[1]]
    col = {h: i + 1 for i, h in enumerate(header)}
    target = next(
        r
        for r in range(2, sheet.max_row + 1)
        if sheet.cell(row=r, column=col["ID"]).value == sample.innovations[0]
    )
    sheet.cell(row=target, column=col["Judul Inovasi"], value="Dukcapil Jemput Bola (revisi)")
    sheet.cell(row=target, column=col["Tahun Mulai"], value=2020)
    new_row = [None] * len(header)
    new_row[col["Judul Inovasi"] - 1] = "Inovasi Baru dari Excel"
    new_row[col["Provinsi (kode)"] - 1] = "53"
    new_row[col["Provinsi"] - 1] = "Nusa Tenggara Timur"
    sheet.append(new_row)
    book.save(out)

    dry = import_innovations(workspace, out, dry_run=True)
    assert dry.problems == [] and workspace.records.count("innovation") == before
    result = import_innovations(workspace, out)
    assert (result.imported, result.updated) == (1, 1), "unchanged rows change nothing"
    edited = workspace.records.get("innovation", sample.innovations[0])
    assert edited["title"] == "Dukcapil Jemput Bola (revisi)" and edited["year_started"] == 2020
    assert edited["agency_id"] == sample.agencies[1], "the agency name maps back to its id"
    assert workspace.records.count("innovation") == before + 1
    changes = [h["field"] for h in workspace.records.history("innovation", sample.innovations[0])]
    assert "title" in changes and "year_started" in changes

    unknown = tmp_path / "unknown.csv"
    unknown.write_text("ID;Judul Inovasi;Provinsi\nbukan-id;X;53\n", encoding="utf-8")
    refused = import_innovations(workspace, unknown, dry_run=True)
    assert refused.bad_lines == [2]
    assert "ID 'bukan-id' tidak ada di data ini" in refused.problems[0].message("id")


@pytest.mark.slow
def test_libreoffice_reads_the_xlsx_and_the_semicolon_csv(
    workspace: Workspace, tmp_path: Path
) -> None:
    assert shutil.which("soffice"), "scripts/test.sh installs libreoffice-calc"
    seed(workspace, tmp_path)
    xlsx, semicolons = tmp_path / "r.xlsx", tmp_path / "r.csv"
    export_rows(workspace, "replication", None, xlsx)
    export_rows(workspace, "replication", None, semicolons)
    out = tmp_path / "lo"
    profile = (tmp_path / "lo-profile").as_uri()
    # The XLSX back to CSV: LibreOffice sees the date as a date (written dd/mm/yyyy) and
    # the code as the text "53".
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):59,34,76,1",
            "--outdir",
            str(out),
            str(xlsx),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    text = (out / "r.csv").read_text(encoding="utf-8")
    table = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert table[0]["Provinsi (kode)"] == "53"
    assert re.fullmatch(r"\d\d/\d\d/\d{4}", table[0]["Tanggal Mulai"])
    # LibreOffice quotes text cells only: the code is text, the date is a number.
    second_line = text.splitlines()[1]
    assert ';"53";' in second_line and ';"' + table[0]["Tanggal Mulai"] not in second_line
    # The semicolon CSV into a workbook: the columns split where Indonesian Excel splits them.
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile}",
            "--headless",
            "--infilter=CSV:59,34,76,1",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out / "x"),
            str(semicolons),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    header2, rows = _sheet_rows(out / "x" / "r.xlsx")
    assert header2[:2] == ["ID", "Inovasi Asal"]
    assert rows[0]["Status"] and rows[0]["Provinsi"] == "Nusa Tenggara Timur"
