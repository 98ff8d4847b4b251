"""What a session doing long work on the shared database tells the others
(core/holders.py): its work, officer, workstation and start, in the 63 ASCII bytes
PostgreSQL keeps of an application_name."""

from __future__ import annotations

import datetime as dt

from jipp_desktop.core import holders

START = dt.datetime(2026, 12, 1, 1, 5, 42, tzinfo=dt.UTC)


def test_a_session_name_reads_back_as_its_holder() -> None:
    name = holders.session_name("import", " Siti Aminah ", "Meja Impor", START)
    assert name == "2026-12-01T01:05Z import Siti Aminah @ Meja Impor"
    assert holders.parse(name) == holders.Holder(
        "import", "Siti Aminah", "Meja Impor", START.replace(second=0)
    )


def test_accents_are_dropped_and_a_long_name_is_cut_at_the_end() -> None:
    name = holders.session_name("export", "Ni Luh Putu Ayu Wédarí", "Meja Verifikasi Kedua", START)
    assert name.isascii() and len(name.encode()) == 63
    holder = holders.parse(name)
    assert holder is not None
    assert (holder.who, holder.where) == ("Ni Luh Putu Ayu Wedari", "Meja Verifika")


def test_a_session_that_is_not_the_apps_names_no_holder() -> None:
    assert holders.parse("psql") is None
    assert holders.parse("") is None


def test_the_holder_is_described_in_both_languages() -> None:
    holder = holders.Holder("exchange", "Budi", "Meja 1", None)
    assert holder.describe("id") == (
        "pertukaran paket lewat folder oleh Budi di workstation Meja 1, sejak ?"
    )
    assert holder.describe("en") == (
        "package exchange through a folder by Budi at workstation Meja 1, since ?"
    )
