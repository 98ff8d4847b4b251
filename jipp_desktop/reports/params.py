"""Checking report parameters typed by the officer (dates, periods, years)."""

from __future__ import annotations

import datetime as dt

from jipp_desktop.core import idformat
from jipp_desktop.reports.data import Period
from jipp_desktop.reports.errors import invalid


def parse_date(value: str | dt.date | None, field: str) -> dt.date | None:
    """An ISO date (YYYY-MM-DD); a wrong one is a ValidationError naming the field."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise invalid(
            field,
            "date",
            f"'{value}' bukan tanggal yang valid (format TTTT-BB-HH, mis. 2022-09-28).",
            f"'{value}' is not a valid date (format YYYY-MM-DD, e.g. 2022-09-28).",
        ) from None


def make_period(start: str | dt.date | None, end: str | dt.date | None) -> Period:
    """A period from optional ends; one whose start is after its end is empty and refused."""
    first, last = parse_date(start, "from"), parse_date(end, "to")
    if first is not None and last is not None and first > last:
        raise invalid(
            "from",
            "empty_period",
            f"Periode kosong: tanggal awal {idformat.format_date(first)} sesudah tanggal akhir "
            f"{idformat.format_date(last)}.",
            f"Empty period: the start date {idformat.format_date(first, 'en')} is after the "
            f"end date {idformat.format_date(last, 'en')}.",
        )
    return Period(first, last)


def check_year(year: int | None) -> int | None:
    if year is not None and not 1945 <= year <= 2100:
        raise invalid(
            "year",
            "range",
            f"Tahun {year} harus di antara 1945 dan 2100.",
            f"The year {year} must be between 1945 and 2100.",
        )
    return year


def describe_period(period: Period, lang: str) -> str:
    if period.start is None and period.end is None:
        return "Seluruh periode" if lang == "id" else "All dates"
    if period.start is None:
        assert period.end is not None
        word = "s.d." if lang == "id" else "up to"
        return f"{word} {idformat.format_date(period.end, lang)}"
    if period.end is None:
        word = "sejak" if lang == "id" else "from"
        return f"{word} {idformat.format_date(period.start, lang)}"
    return idformat.format_period(period.start, period.end, lang)
