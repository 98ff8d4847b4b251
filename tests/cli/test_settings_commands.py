"""``settings show`` / ``settings set``: report settings from the command line, checked
by the core before anything is stored."""

from __future__ import annotations

import json
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
