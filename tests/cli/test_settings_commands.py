"""``settings show`` / ``settings set``: report settings from the command line, checked
by the core before anything is stored."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from test_record_commands import cli

from jipp_desktop.cli import exit_codes


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    assert cli(data, "stats").status == exit_codes.OK
    return data


def shown(folder: Path) -> dict[str, str]:
    result = cli(folder, "settings", "show", "--json")
    assert result.status == exit_codes.OK, result.err
    return dict(json.loads(result.out))


def test_set_then_show_the_kop_officer_approval_and_paper(folder: Path) -> None:
    for key, value in (
        ("letterhead_title", "Pemerintah Kabupaten Belu"),
        ("letterhead_unit", "Bagian Organisasi"),
        ("officer_nip", "19860926 201505 1 001"),
        ("approval_name", "Dr. Yosef, M.M."),
        ("paper", "F4"),
        ("report_credit", "tidak"),
    ):
        result = cli(folder, "settings", "set", key, value)
        assert result.status == exit_codes.OK, result.err
    values = shown(folder)
    assert values["letterhead_title"] == "Pemerintah Kabupaten Belu"
    assert values["officer_nip"] == "198609262015051001"  # grouped as printed: same NIP
    assert values["paper"] == "f4"
    assert values["report_credit"] == "0"
    assert "device_id" not in values and "clock_last" not in values
    plain = cli(folder, "settings", "show").out
    assert (
        "letterhead_unit" in plain and "Bagian Organisasi" in plain and "(Kop: unit kerja)" in plain
    )


@pytest.mark.parametrize(
    ("key", "value", "message_id", "message_en"),
    [
        ("paper", "a5", "Pilihan: a4, f4", "Choose a4 or f4"),
        ("approval_nip", "12345", "harus 18 angka", "must be 18 digits"),
        ("province_code", "99", "kode provinsi '99' tidak dikenal", "unknown province code '99'"),
        ("officer_name", "  ", "wajib diisi", "is required"),
        ("colour", "red", "Pengaturan 'colour' tidak dikenal", "Unknown setting 'colour'"),
        ("logo_path", "/no/such/logo.png", "tidak ditemukan", "was not found"),
        ("report_credit", "maybe", "ya atau tidak", "yes or no"),
    ],
)
def test_bad_values_are_refused_in_both_languages_and_nothing_changes(
    folder: Path, key: str, value: str, message_id: str, message_en: str
) -> None:
    before = shown(folder)
    result = cli(folder, "settings", "set", key, value)
    assert result.status == exit_codes.INVALID_DATA
    assert key in result.err and message_id in result.err
    english = cli(folder, "--lang", "en", "settings", "set", key, value)
    assert english.status == exit_codes.INVALID_DATA and message_en in english.err
    assert shown(folder) == before


def test_demo_data_fills_a_kop_without_overwriting_the_officer(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert cli(data, "settings", "set", "officer_name", "Petugas Sendiri").status == 0
    assert cli(data, "demo-data").status == exit_codes.OK
    values = shown(data)
    assert values["letterhead_title"] == "Pemerintah Provinsi Nusa Tenggara Timur"
    assert values["approval_position"] == "Kepala Biro Organisasi"
    assert values["officer_name"] == "Petugas Sendiri"


def test_report_options_paper_credit_and_cover_letter(tmp_path: Path) -> None:
    data = tmp_path / "data"
    assert cli(data, "demo-data").status == exit_codes.OK
    commitment = json.loads(cli(data, "record", "list", "commitment", "--json").out)[0]["id"]
    pdf = tmp_path / "c.pdf"
    result = cli(data, "report", "commitment", commitment, "--out", str(pdf), "--paper", "f4",
                 "--no-credit")  # fmt: skip
    assert result.status == exit_codes.OK, result.err
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert "609.449 x 935.433 pts" in info  # 215 x 330 mm
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "JIPP Desktop" not in text and "Sidik data" in text
    letter = tmp_path / "letter.pdf"
    result = cli(data, "report", "cover-letter", "--for", "national", "--year", "2023",
                 "--number", "065/1/2025", "--addressee", "Deputi", "--with-report",
                 "--out", str(letter))  # fmt: skip
    assert result.status == exit_codes.OK, result.err
    text = subprocess.run(["pdftotext", str(letter), "-"], capture_output=True, text=True).stdout
    assert "065/1/2025" in text and "Rekapitulasi Nasional Tahun 2023" in text
    assert "REKAPITULASI NASIONAL SIMPUL INOVASI" in text
    bad = cli(data, "report", "cover-letter", "--for", "commitment", "--id", "nope",
              "--out", str(tmp_path / "x.pdf"))  # fmt: skip
    assert bad.status != exit_codes.OK and not (tmp_path / "x.pdf").exists()
