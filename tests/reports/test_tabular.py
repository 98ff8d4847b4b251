"""Export of lists to XLSX/CSV; the innovations template and its importer."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from report_sample import seed

from jipp_desktop.cli.main import run
from jipp_desktop.core.errors import ValidationError
from jipp_desktop.core.query import ListQuery
from jipp_desktop.core.workspace import Workspace, open_workspace
from jipp_desktop.reports.innovation_import import (
    import_innovations,
    template_headers,
    write_template,
)
from jipp_desktop.reports.tabular import export_rows


def cli(data_dir: Path, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(["--data-dir", str(data_dir), *args], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_export_innovations_to_xlsx_and_csv(workspace: Workspace, tmp_path: Path) -> None:
    seed(workspace, tmp_path)
    query = ListQuery(filters={"province_code": "53"}, search="Kupang")
    n = export_rows(workspace, "innovation", query, tmp_path / "i.xlsx")
    assert n == 1
    sheet = load_workbook(tmp_path / "i.xlsx").worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    assert "Judul Inovasi" in header and "Provinsi (kode)" in header
    line = dict(zip(header, rows[1], strict=True))
    assert line["Judul Inovasi"] == "Kupang Smart Puskesmas"
    assert line["Tahapan"] == "Inisiatif" and line["Inovasi Digital"] == "Ya"
    assert (
        line["Provinsi"] == "Nusa Tenggara Timur" and line["Instansi"] == "Pemerintah Kota Kupang"
    )

    assert line["Kategori"] == "Lainnya: Kesehatan Digital"

    # Categories are exported as labels in the export's language, never as codes.
    assert export_rows(workspace, "innovation", None, tmp_path / "i.csv", lang="en") == 3
    raw = (tmp_path / "i.csv").read_bytes().decode("utf-8-sig")
    exported = {r["Innovation title"]: r["Category"] for r in csv.DictReader(io.StringIO(raw))}
    assert exported == {
        "Dukcapil Jemput Bola Desa Terpencil": "Governance",
        "Sekolah Lapang Iklim Petani Lahan Kering": "Public-institution effectiveness for the SDGs",
        "Kupang Smart Puskesmas": "Other: Kesehatan Digital",
    }

    assert export_rows(workspace, "visit", None, tmp_path / "v.csv", lang="en") == 1
    raw = (tmp_path / "v.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "a BOM so Excel reads UTF-8"
    table = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert table[0]["Innovation hub"] == "Lopo Inovasi Flobamorata"
    assert "Diskusi hambatan" in table[0]["Agenda"]


def _fill(template: Path, rows: list[list[object]]) -> Path:
    book = load_workbook(template)
    sheet = book.worksheets[0]
    for row in rows:
        sheet.append(row)
    out = template.with_name("filled.xlsx")
    book.save(out)
    return out


def _row(headers: list[str], **values: object) -> list[object]:
    keys = {h.rstrip(" *"): i for i, h in enumerate(headers)}
    row: list[object] = [None] * len(headers)
    for label, value in values.items():
        row[keys[label.replace("_", " ")]] = value
    return row


def test_template_dry_run_then_all_or_valid_only(workspace: Workspace, tmp_path: Path) -> None:
    seed(workspace, tmp_path)
    template = write_template(workspace, tmp_path / "template.xlsx")
    book = load_workbook(template)
    assert [s.title for s in book.worksheets] == ["Inovasi", "Petunjuk", "Wilayah", "Kategori"]
    # The choices of every year's list, as they are typed (the label) and stored.
    listed = [tuple(r) for r in book["Kategori"].iter_rows(min_row=2, values_only=True)]
    assert (2022, "Pelayanan Publik yang Inklusif dan Berkeadilan", "2022-inclusive_services") in (
        listed
    )
    assert listed[-1][1] == "Lainnya: <teks>"
    headers = template_headers("id")
    assert headers[0] == "Judul Inovasi *"
    filled = _fill(
        template,
        [
            _row(
                headers,
                **{
                    "Judul Inovasi": "Layanan Baik",
                    "Provinsi": "53",
                    "Tahapan": "Uji Coba",
                    "Instansi": "Pemerintah Kota Kupang",
                    "Tahun Mulai": 2022,
                    "Inovasi Digital": "Ya",
                },
            ),
            _row(headers, **{"Provinsi": "53", "Kategori": "Lainnya: Tanpa judul"}),
            _row(
                headers,
                **{"Judul Inovasi": "Salah Wilayah", "Provinsi": "99", "Tahapan": "Selesai Sekali"},
            ),
            [None] * len(headers),  # a blank line is skipped, not an error
            _row(
                headers,
                **{
                    "Judul Inovasi": "Instansi Tak Dikenal",
                    "Provinsi": "53",
                    "Instansi": "Dinas Entah",
                },
            ),
            _row(
                headers,
                **{
                    "Judul Inovasi": "Baik Juga",
                    "Provinsi": "53",
                    "Tahapan": "trial",
                    "Tahun Mulai": "2019",
                    "Kategori": "pendidikan",
                },
            ),
        ],
    )
    before = workspace.records.count("innovation")
    dry = import_innovations(workspace, filled, dry_run=True)
    assert workspace.records.count("innovation") == before
    assert dry.rows == 5 and dry.valid == 2
    assert dry.bad_lines == [3, 4, 6]
    messages = [p.message("id") for p in dry.problems]
    assert "Baris 3: Judul Inovasi wajib diisi." in messages
    assert any(m.startswith("Baris 4: Provinsi: kode wilayah '99'") for m in messages)
    assert any(m.startswith("Baris 4: Tahapan: nilai 'Selesai Sekali'") for m in messages)
    assert any("Baris 6: Instansi: 'Dinas Entah' tidak ditemukan" in m for m in messages)
    assert dry.problems[0].message("en") == "Line 3: Innovation title is required."

    refused = import_innovations(workspace, filled)
    assert refused.imported == 0 and workspace.records.count("innovation") == before
    partial = import_innovations(workspace, filled, valid_only=True)
    assert partial.imported == 2
    titles = {r["title"]: r for r in workspace.records.list("innovation")}
    assert titles["Layanan Baik"]["stage"] == "trial" and titles["Layanan Baik"]["is_digital"]
    assert titles["Baik Juga"]["year_started"] == 2019
    assert titles["Baik Juga"]["category"] == "2021-education"  # 2019 takes the 2021 list


def test_csv_with_semicolons_and_english_headers(workspace: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(
        "Innovation title;Province;Stage;Problem\n"
        'Pelayanan Cepat;53;Implementation;"Baris\npanjang"\n'
        ";53;;\n"
        "Pojok Baca Café;53;initiative;\n".encode("cp1252")
    )
    result = import_innovations(workspace, path, dry_run=True)
    assert result.bad_lines == [4], "line numbers count the lines inside quoted cells"
    assert import_innovations(workspace, path, valid_only=True).imported == 2
    names = {r["title"] for r in workspace.records.list("innovation")}
    assert names == {"Pelayanan Cepat", "Pojok Baca Café"}


def test_unknown_column_stops_the_import(workspace: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("Judul Inovasi,Provinsi,Warna Favorit\nA,53,biru\n", encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        import_innovations(workspace, path)
    assert "Warna Favorit" in info.value.message("id")


def test_cli_export_import_and_template(data_dir: Path, tmp_path: Path) -> None:
    ws = open_workspace(data_dir)
    try:
        seed(ws, tmp_path)
    finally:
        ws.close()
    code, out, _ = cli(
        data_dir, "export", "innovation", "--province", "53", "--out", str(tmp_path / "x.csv")
    )
    assert code == 0 and "3 baris diekspor" in out
    code, _, err = cli(data_dir, "export", "innovation", "--out", str(tmp_path / "x.pdf"))
    assert code == 3 and ".xlsx" in err
    code, out, _ = cli(
        data_dir, "--lang", "en", "import", "template", "--out", str(tmp_path / "t.csv")
    )
    assert code == 0 and "Template written" in out
    bad = tmp_path / "bad.csv"
    bad.write_text("Judul Inovasi,Provinsi\nA,53\n,53\n", encoding="utf-8")
    code, out, err = cli(data_dir, "import", "innovations", str(bad), "--dry-run")
    assert code == 3 and "Baris 3: Judul Inovasi wajib diisi." in err
    assert "1 baris valid, 1 baris bermasalah" in out
    code, out, err = cli(data_dir, "import", "innovations", str(bad))
    assert code == 3 and "Tidak ada yang diimpor" in out
    code, out, _ = cli(data_dir, "import", "innovations", str(bad), "--valid-only")
    assert code == 0 and "1 inovasi baru diimpor, 0 diperbarui; 1 baris dilewati" in out
