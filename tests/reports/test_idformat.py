"""Indonesian formatting helpers used by reports and the GUI."""

from __future__ import annotations

import datetime as dt

import pytest

from jipp_desktop.core import idformat as f


def test_dates_use_hard_coded_month_names() -> None:
    assert f.format_date(dt.date(2022, 9, 28)) == "28 September 2022"
    assert f.format_date("2008-02-05") == "5 Februari 2008"
    assert f.format_date("2023-08-17", "en") == "17 August 2023"
    assert f.format_date(None) == ""
    assert f.format_date(dt.date(2022, 9, 28), with_day=True) == "Rabu, 28 September 2022"
    assert [f.month_name(m) for m in (3, 5, 8, 12)] == ["Maret", "Mei", "Agustus", "Desember"]


def test_place_date_line_strips_region_prefix() -> None:
    line = f.place_date_line("Kabupaten Manggarai Barat", "2022-09-28")
    assert line == "Manggarai Barat, 28 September 2022"
    assert f.place_date_line("Kota Kupang", dt.date(2022, 9, 28)) == "Kupang, 28 September 2022"
    assert f.place_date_line("", "2022-09-28") == "28 September 2022"


def test_periods() -> None:
    assert f.format_period("2022-09-27", "2022-09-28") == "27–28 September 2022"
    assert f.format_period("2022-09-30", "2022-10-02") == "30 September – 2 Oktober 2022"
    assert f.format_period("2022-09-28", None) == "28 September 2022"


def test_nip_grouping() -> None:
    assert f.format_nip("198609262015051001") == "19860926 201505 1 001"
    assert f.format_nip("12345") == "12345"
    assert f.format_nip(None) == ""


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "nol"),
        (11, "sebelas"),
        (17, "tujuh belas"),
        (28, "dua puluh delapan"),
        (100, "seratus"),
        (1000, "seribu"),
        (1250000, "satu juta dua ratus lima puluh ribu"),
        (2022, "dua ribu dua puluh dua"),
        (111_111, "seratus sebelas ribu seratus sebelas"),
        (2_000_000_001, "dua miliar satu"),
    ],
)
def test_number_words(n: int, words: str) -> None:
    assert f.number_words(n) == words


def test_date_words() -> None:
    assert f.date_words("2022-09-28") == (
        "Rabu tanggal dua puluh delapan bulan September tahun dua ribu dua puluh dua"
    )


def test_money_and_numbers() -> None:
    assert f.format_rupiah(1250000) == "Rp1.250.000,00"
    assert f.format_rupiah(-1500.5, lang="en") == "-Rp1,500.50"
    assert f.format_number(1234567) == "1.234.567"
    assert f.format_percent(42.5, 1) == "42,5%"
    assert f.rupiah_words(1250000) == "satu juta dua ratus lima puluh ribu rupiah"
