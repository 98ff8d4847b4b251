"""Fault injection: an import killed at a random moment leaves all or none of the package;
an import or export killed part way on a PostgreSQL peer leaves the database as it was and
unlocked.

The random kills run on SQLite laptops only (several seconds each); the PostgreSQL peer's
test kills at a chosen point inside the import's transaction instead."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import psycopg
import pytest
from sync_helpers import Fleet, cli, db_dump_hash

from jipp_desktop.core import engine
from jipp_desktop.core.lock import FolderLock
from jipp_desktop.core.workspace import open_workspace
from jipp_desktop.sync import digest, exporter, importer

ROOT = Path(__file__).resolve().parents[2]


def _digest(folder: Path) -> str:
    ws = open_workspace(folder)  # also runs the integrity check
    try:
        return digest.dataset_digest()
    finally:
        ws.close()


@pytest.mark.slow
def test_killed_import_leaves_all_or_nothing_and_can_be_redone(
    fleet: Fleet, tmp_path: Path
) -> None:
    a = fleet.add("Laptop A")
    with a.open() as ws:
        agencies = ws.records.create_many(
            "agency",
            [
                {"name": f"Dinas {i}", "level": "regency", "province_code": "36"}
                for i in range(2500)
            ],
        )
        ws.records.create_many(
            "innovation",
            [
                {
                    "title": f"Inovasi {i}",
                    "agency_id": agencies[i],
                    "province_code": "36",
                    "problem": "Masalah " * 40,
                }
                for i in range(2500)
            ],
        )
        pkg = exporter.export(ws, tmp_path / "big.jipp").path
        full = digest.dataset_digest()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    rng = random.Random(20241130)
    outcomes = set()
    for attempt in range(3):
        b = fleet.add(f"Laptop B{attempt}")
        empty = _digest(b.folder)
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "jipp_desktop",
                "--data-dir",
                str(b.folder),
                "sync",
                "import",
                str(pkg),
                "--trust",
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.4, 1.4))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        outcomes.add("finished" if proc.returncode == 0 else "killed")
        after_kill = _digest(b.folder)
        assert after_kill in (empty, full)
        redo = cli("--data-dir", str(b.folder), "sync", "import", str(pkg), "--trust")
        assert redo.status == 0, redo.err
        assert _digest(b.folder) == full
    assert "killed" in outcomes


def test_a_killed_import_into_postgresql_rolls_back_and_frees_the_lock(
    tmp_path: Path, template_db: Path, pg_databases: Callable[[], str]
) -> None:
    """The ministry's workstation dies (SIGKILL) in the middle of an import: the rows it
    wrote are rolled back by the server, the advisory lock goes with its session, and
    neither the database nor the workstation's folder is left locked.  To kill it part way
    for certain, the test holds a lock on the innovation table: the import writes its
    agencies, then waits at its first innovation inside its one transaction."""
    fleet = Fleet(tmp_path / "fleet", template_db, pg_databases)
    a = fleet.add("Laptop A")
    with a.open() as ws:
        agencies = ws.records.create_many(
            "agency",
            [{"name": f"Dinas {i}", "level": "regency", "province_code": "36"} for i in range(50)],
        )
        ws.records.create_many(
            "innovation",
            [{"title": f"Inovasi {i}", "agency_id": agencies[i], "province_code": "36"}
             for i in range(50)],
        )  # fmt: skip
        pkg = exporter.export(ws, tmp_path / "a.jipp").path
        full = digest.dataset_digest()
    ministry = fleet.add("Kementerian", postgresql=True)
    url = (ministry.folder / engine.SETTING_FILE).read_text().strip()
    before = db_dump_hash(ministry.folder)
    # The watcher reads the server's session list outside any transaction (a transaction
    # would see one snapshot of it).
    with psycopg.connect(url) as blocker, psycopg.connect(url, autocommit=True) as watch:
        blocker.execute("LOCK TABLE innovation IN EXCLUSIVE MODE")
        proc = _process(ministry.folder, url, "sync", "import", str(pkg), "--trust")
        backend = _wait_for_the_sync_lock_holder_to_wait(watch, proc, written=True)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        blocker.rollback()  # the dead session's server process finds its client gone, ends
        _wait_until_gone(watch, backend)
        assert _advisory_locks(watch) == 0
    assert proc.returncode == -signal.SIGKILL
    lock = FolderLock(ministry.folder)  # the OS released the dead process's folder lock
    lock.acquire()
    lock.release()
    assert db_dump_hash(ministry.folder) == before
    # Another workstation imports the same package at once: nothing holds it back.
    second = _process(tmp_path / "workstation-2", url, "sync", "import", str(pkg), "--trust")
    assert second.wait(timeout=120) == 0
    assert _digest(ministry.folder) == full


def test_a_killed_export_from_postgresql_leaves_no_package_and_frees_the_lock(
    tmp_path: Path, template_db: Path, pg_databases: Callable[[], str]
) -> None:
    """A workstation killed while it writes a package from the ministry's database: no
    package appears under its name (only the hidden partial file), the database is as it
    was, and the next export (another workstation's) runs and is complete.  The test holds
    the attachments' table so that the export waits there, after its change lines."""
    fleet = Fleet(tmp_path / "fleet", template_db, pg_databases)
    ministry = fleet.add("Kementerian", postgresql=True)
    url = (ministry.folder / engine.SETTING_FILE).read_text().strip()
    photo = tmp_path / "foto.png"
    photo.write_bytes(b"foto kunjungan di Kupang")
    with ministry.open() as ws:
        rid = ws.records.create("innovation", {"title": "Lopo Inovasi", "province_code": "53"})
        ws.attachments.add("innovation", rid, photo)
        full = digest.dataset_digest()
    before = db_dump_hash(ministry.folder)
    target = tmp_path / "outbox" / "kementerian.jipp"
    export = ["sync", "export", "--full", "--to", str(target)]
    with psycopg.connect(url) as blocker, psycopg.connect(url, autocommit=True) as watch:
        blocker.execute("LOCK TABLE attachment_blob IN ACCESS EXCLUSIVE MODE")
        proc = _process(tmp_path / "workstation-1", url, *export)
        backend = _wait_for_the_sync_lock_holder_to_wait(watch, proc, written=False)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        blocker.rollback()
        _wait_until_gone(watch, backend)
        assert _advisory_locks(watch) == 0
    assert proc.returncode == -signal.SIGKILL
    # Killed while writing: the partial file, which no exchange reads, and no package.
    assert sorted(p.name for p in target.parent.iterdir()) == [f".{target.name}.part"]
    assert db_dump_hash(ministry.folder) == before
    second = _process(tmp_path / "workstation-2", url, *export)
    assert second.wait(timeout=120) == 0
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name]
    laptop = fleet.add("Laptop NTT")
    with laptop.open() as ws:
        importer.import_package(ws, target, trust=True)
        (attached,) = ws.attachments.list("innovation", rid)
        assert ws.attachments.blob_path(attached["sha256"]).read_bytes() == photo.read_bytes()
        assert digest.dataset_digest() == full


def _process(folder: Path, url: str, *argv: str) -> subprocess.Popen[bytes]:
    """A workstation's command line in a process of its own."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop(engine.ENV_DATABASE, None)
    command = [sys.executable, "-m", "jipp_desktop", "--data-dir", str(folder),
               "--database", url, *argv]  # fmt: skip
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _wait_for_the_sync_lock_holder_to_wait(
    watch: psycopg.Connection, proc: subprocess.Popen[bytes], *, written: bool
) -> int:
    """The server process of the import or export once it holds the sync lock and waits
    for the test's table lock; ``written``: once it has written, too (it has a
    transaction id)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert proc.poll() is None, "the process ended before it reached the locked table"
        row = watch.execute(
            "SELECT a.pid FROM pg_stat_activity a JOIN pg_locks l ON l.pid = a.pid "
            "WHERE l.locktype = 'advisory' AND l.granted AND a.wait_event_type = 'Lock' "
            "AND (a.backend_xid IS NOT NULL OR NOT %s)",
            (written,),
        ).fetchone()
        if row is not None:
            return int(row[0])
        time.sleep(0.05)
    raise AssertionError("the process never waited for the locked table")


def _wait_until_gone(watch: psycopg.Connection, backend: int) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        gone = watch.execute("SELECT 1 FROM pg_stat_activity WHERE pid = %s", (backend,))
        if gone.fetchone() is None:
            return
        time.sleep(0.05)
    raise AssertionError(f"the killed import's server process {backend} is still there")


def _advisory_locks(watch: psycopg.Connection) -> int:
    row = watch.execute("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'").fetchone()
    return int(row[0]) if row is not None else -1
