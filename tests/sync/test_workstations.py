"""Two workstations on the ministry's PostgreSQL database at once: workstation 1 in this
process, workstation 2 a real second process (the command line), each with its own data
folder and officer.  A save from a version the other changed since is refused naming the
other officer; each edit is audited with its own officer's name; the advisory lock stops a
second import while one runs; both stamp as one peer, in one order."""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from holding_import import TITLE, importing, saving_many
from sync_helpers import other_workstation as _second

from jipp_desktop.cli import exit_codes
from jipp_desktop.core import concurrency
from jipp_desktop.core import models as m
from jipp_desktop.core.clock import Stamp
from jipp_desktop.core.services import Author
from jipp_desktop.core.staleness import StaleEdit, encode
from jipp_desktop.core.workspace import Workspace, open_workspace
from jipp_desktop.sync import exporter, identity, importer, locks


@pytest.fixture
def first(tmp_path: Path, pg_url: str) -> Iterator[Workspace]:
    ws = open_workspace(tmp_path / "ws1", database=pg_url)
    ws.settings.set("officer_name", "Budi Santoso")
    yield ws
    ws.close()


def test_two_officers_save_the_same_record(first: Workspace, tmp_path: Path, pg_url: str) -> None:
    ws2 = tmp_path / "ws2"
    assert _second(ws2, pg_url, "settings", "set", "officer_name", "Siti Aminah").returncode == 0
    assert _second(ws2, pg_url, "settings", "set", "workstation_name", "Meja 2").returncode == 0
    first.settings.set_checked("workstation_name", "Meja 1", first.regions.provinces)
    rid = first.records.create("innovation", {"title": "Antrian Daring", "province_code": "36"})
    _, opened = first.records.snapshot("innovation", rid)

    # Workstation 2 saves the title (from the version it read itself).
    version = _second(ws2, pg_url, "record", "version", "innovation", rid).stdout.strip()
    change = json.dumps({"title": "Antrian Daring Terpadu"})
    saved = _second(ws2, pg_url, "record", "update", "innovation", rid, "--json", "-",
                    "--expect-version", version, stdin=change)  # fmt: skip
    assert saved.returncode == 0, saved.stderr

    # Workstation 1's form, opened before, cannot overwrite it; its other field saves.
    with pytest.raises(StaleEdit) as caught:
        first.records.update("innovation", rid, {"title": "Antrian Online"}, base=opened)
    assert "Judul Inovasi diubah oleh Siti Aminah pada" in caught.value.message("id")
    first.records.update("innovation", rid, {"category": "Lainnya: Pelayanan"}, base=opened)

    # The same refusal reaches workstation 2 from workstation 1's older version.
    stale = _second(ws2, pg_url, "--lang", "en", "record", "update", "innovation", rid,
                    "--json", "-", "--expect-version", encode(opened),
                    stdin=json.dumps({"category": "Lainnya: Kesehatan"}))  # fmt: skip
    assert stale.returncode == exit_codes.STALE
    assert "was changed by Budi Santoso on" in stale.stderr

    record = first.records.get("innovation", rid)
    assert (record["title"], record["category"]) == ("Antrian Daring Terpadu", "Lainnya: Pelayanan")
    actors = {e["field"]: e["actor"] for e in first.records.history("innovation", rid)}
    assert actors == {None: "Budi Santoso", "title": "Siti Aminah", "category": "Budi Santoso"}
    # ... and where: each workstation's own name, also in the command line's history.
    where = {e["field"]: e["workstation"] for e in first.records.history("innovation", rid)}
    assert where == {None: "Meja 1", "title": "Meja 2", "category": "Meja 1"}
    shown = _second(ws2, pg_url, "record", "history", "innovation", rid).stdout
    assert "Siti Aminah @ Meja 2  update" in shown and "Budi Santoso @ Meja 1  create" in shown
    # Each workstation keeps its officer in its own folder, not in the shared database.
    kept = json.loads((ws2 / "workstation.json").read_text())
    assert (kept["officer_name"], kept["workstation_name"]) == ("Siti Aminah", "Meja 2")
    assert first.settings.get("officer_name") == "Budi Santoso"


def test_both_workstations_stamp_as_one_peer_in_one_order(tmp_path: Path, pg_url: str) -> None:
    """Workstation 1's clock runs an hour behind: its next change is still stamped after
    workstation 2's, as every peer expects of one device's changes."""
    ws = open_workspace(tmp_path / "ws1", database=pg_url, wall=_hour_ago)
    try:
        rid = ws.records.create("innovation", {"title": "Satu", "province_code": "36"})
        done = _second(tmp_path / "ws2", pg_url, "record", "update", "innovation", rid,
                       "--json", "-", stdin=json.dumps({"title": "Dua"}))  # fmt: skip
        assert done.returncode == 0, done.stderr
        ws.records.update("innovation", rid, {"category": "Lainnya: Tiga"})
        version = ws.records.version("innovation", rid)[""]
    finally:
        ws.close()
    assert version["category"] > version["title"]
    assert Stamp.parse(version["category"]).device == Stamp.parse(version["title"]).device


def _hour_ago() -> int:
    return time.time_ns() // 1_000_000 - 3_600_000


def test_the_advisory_lock_stops_a_second_import(
    first: Workspace, tmp_path: Path, pg_url: str
) -> None:
    first.close()
    laptop = open_workspace(tmp_path / "laptop")
    photo = tmp_path / "foto.png"
    photo.write_bytes(b"foto kunjungan di Serang")
    try:
        laptop.settings.set("device_name", "Laptop Banten")
        rid = laptop.records.create("innovation", {"title": "Dari Banten", "province_code": "36"})
        laptop.attachments.add("innovation", rid, photo)
        key = identity.load_or_create(laptop.data_dir)
        sender = laptop.device_id
        package = tmp_path / "banten.jipp"
        exporter.export(laptop, package)
    finally:
        laptop.close()
    ws = open_workspace(tmp_path / "ws1", database=pg_url)
    try:
        identity.trust(key.fingerprint, "Laptop Banten", sender)
        with locks.exclusive(locks.SYNC, work="export", author=Author("Budi Santoso", "Meja 1")):
            busy = _second(tmp_path / "ws2", pg_url, "sync", "import", str(package))
        assert busy.returncode == exit_codes.FOLDER_IN_USE, busy.stderr
        assert "sedang dipakai: ekspor paket oleh Budi Santoso di workstation Meja 1" in busy.stderr
        assert ws.records.count("innovation") == 0
        done = _second(tmp_path / "ws2", pg_url, "sync", "import", str(package))
        assert done.returncode == 0, done.stderr
        again = importer.import_package(ws, package)
        assert again.already_applied
        assert ws.records.count("innovation") == 1
        # The photo came in through workstation 2 and is in the database for everyone.
        (attached,) = ws.attachments.list("innovation", rid)
        assert ws.attachments.blob_path(attached["sha256"]).read_bytes() == photo.read_bytes()
    finally:
        ws.close()


def test_a_save_during_another_workstations_import_is_refused_at_once(
    first: Workspace, tmp_path: Path, pg_url: str
) -> None:
    """Workstation 2 (a real process) is importing a package and holds the shared clock
    until it commits: an officer's save here and on the command line of a third
    workstation is refused at once, naming the import, its officer, workstation and start,
    and nothing is saved; once the import has committed the same save goes through."""
    rid = first.records.create("innovation", {"title": "Antrian", "province_code": "36"})
    before = dt.datetime.now(dt.UTC)
    with importing(pg_url, tmp_path / "ws2", "Siti Aminah", "Meja Impor"):
        with pytest.raises(concurrency.DatabaseBusy) as caught:
            first.records.update("innovation", rid, {"title": "Antrian Daring"})
        said = caught.value.message("id")
        holder = caught.value.holder
        assert holder is not None and holder.since is not None
        # The import's own start (to the minute), in this computer's time zone.
        assert before.replace(second=0, microsecond=0) <= holder.since <= dt.datetime.now(dt.UTC)
        assert said == (
            "Impor paket oleh Siti Aminah di workstation Meja Impor sedang berjalan sejak "
            f"{holder.since_text('id')}. Tidak ada yang disimpan. Simpan lagi setelah impor "
            "paket itu selesai."
        )
        assert caught.value.message("en").startswith(
            "A package import by Siti Aminah at workstation Meja Impor has been running since "
        )
        refused = _second(tmp_path / "ws3", pg_url, "record", "update", "innovation", rid,
                          "--json", "-", stdin=json.dumps({"title": "Antrian Baru"}))  # fmt: skip
        assert refused.returncode == exit_codes.FOLDER_IN_USE
        assert "Impor paket oleh Siti Aminah di workstation Meja Impor sedang" in refused.stderr
        assert first.records.get("innovation", rid)["title"] == "Antrian"
    first.records.update("innovation", rid, {"title": "Antrian Daring"})
    assert first.records.get("innovation", rid)["title"] == "Antrian Daring"
    assert [r["title"] for r in first.records.list("innovation")].count(TITLE) == 1


def test_a_save_during_another_workstations_batch_is_refused_at_once(
    first: Workspace, tmp_path: Path, pg_url: str
) -> None:
    """Many records saved at once (a spreadsheet import) hold the clock a while too, and
    say so: a save meanwhile is refused at once naming them."""
    rid = first.records.create("innovation", {"title": "Antrian", "province_code": "36"})
    with saving_many(pg_url, tmp_path / "ws2", "Rina Marlina", "Meja Lembar"):
        with pytest.raises(concurrency.DatabaseBusy) as caught:
            first.records.delete("innovation", rid)
        assert caught.value.message("id").startswith(
            "Penyimpanan banyak data sekaligus oleh Rina Marlina di workstation Meja Lembar "
            "sedang berjalan sejak "
        )
        assert first.records.count("innovation") == 1
    first.records.delete("innovation", rid)
    assert first.records.count("innovation") == 3


def test_a_save_waits_a_bounded_time_for_another_long_write(
    first: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another connection holds the shared clock without being an import (a long write
    of the app's own): an officer's save waits a bounded time, then is told, and nothing
    is saved."""
    rid = first.records.create("innovation", {"title": "Antrian", "province_code": "36"})
    monkeypatch.setattr(concurrency, "EDIT_WAIT_MS", 300)
    holding, release = threading.Event(), threading.Event()

    def long_import() -> None:
        try:
            with m.database.atomic():
                concurrency.shared_clock(first.clock)
                holding.set()
                release.wait(30)
        finally:
            m.database.close()

    thread = threading.Thread(target=long_import)
    thread.start()
    try:
        assert holding.wait(30)
        with pytest.raises(concurrency.DatabaseBusy) as caught:
            first.records.update("innovation", rid, {"title": "Antrian Daring"})
        assert "Tidak ada yang disimpan" in caught.value.message("id")
    finally:
        release.set()
        thread.join()
    assert first.records.get("innovation", rid)["title"] == "Antrian"
    first.records.update("innovation", rid, {"title": "Antrian Daring"})
    assert first.records.get("innovation", rid)["title"] == "Antrian Daring"
