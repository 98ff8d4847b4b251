"""One import or export at a time per database (sync/locks.py): two imports of the same
package started at once on two threads of one app, each with its own connection, apply it
once; the second waits and finds it applied, on a SQLite laptop and on a PostgreSQL peer
(where the lock between workstations is an advisory lock, test_workstations.py)."""

from __future__ import annotations

import threading
from pathlib import Path

from sync_helpers import Fleet, seed

from jipp_desktop.core import engine
from jipp_desktop.core import models as m
from jipp_desktop.sync import exporter, importer, locks
from jipp_desktop.sync.report import ImportReport


def test_two_imports_of_one_package_at_once_apply_it_once(fleet: Fleet, tmp_path: Path) -> None:
    a, b = fleet.add("Laptop A"), fleet.add("Laptop B")
    fleet.trust_all()
    with a.open() as ws:
        seed(ws)
        exporter.export(ws, tmp_path / "a.jipp")
    reports: list[ImportReport] = []
    errors: list[BaseException] = []
    start = threading.Barrier(2)
    with b.open() as ws:

        def run() -> None:
            # Each thread has its own connection to the database, as two staff would.
            try:
                start.wait()
                reports.append(importer.import_package(ws, tmp_path / "a.jipp"))
            except BaseException as exc:
                errors.append(exc)
            finally:
                m.database.close()

        threads = [threading.Thread(target=run) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert not errors, errors
        assert sorted(r.already_applied for r in reports) == [False, True]
        assert ws.records.stats()["innovation"] == 1
        applied = engine.sql(
            "SELECT count(*) FROM sync_package WHERE sender = ?", (a.device_id,)
        ).fetchone()[0]
        assert applied == 1
        if ws.on_postgresql:  # both threads gave the advisory lock back
            held = engine.sql("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")
            assert held.fetchone()[0] == 0


def test_the_lock_is_reentrant_on_one_thread_and_held_against_others() -> None:
    held_elsewhere: list[bool] = []

    def other() -> None:
        lock = locks._local_locks[locks.SYNC]
        held_elsewhere.append(not lock.acquire(blocking=False))

    with locks.exclusive(), locks.exclusive():
        thread = threading.Thread(target=other)
        thread.start()
        thread.join()
    assert held_elsewhere == [True]
    thread = threading.Thread(target=other)
    thread.start()
    thread.join()
    locks._local_locks[locks.SYNC].release()  # taken by the second probe: it was free
    assert held_elsewhere == [True, False]


def test_every_workstation_computes_the_same_advisory_key() -> None:
    key = locks.lock_key(locks.SYNC)
    assert key == locks.lock_key("sync") and -(2**63) <= key < 2**63
    assert key != locks.lock_key("export")
