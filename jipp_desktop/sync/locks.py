"""One import or export at a time per database, whichever engine holds it.

Two staff importing the same package at once would both find it new and both apply
it; two exports at once would give two packages the same sequence number.  So imports
and exports run inside ``with exclusive("sync"):``.

- SQLite (a hub laptop): only one process writes a data folder (the folder lock,
  core/lock.py), so the lock is a plain in-process lock: a second import on another
  thread of the same app waits for the first, then finds the package already applied.
- PostgreSQL (the ministry): every workstation writes the same database, so the lock is
  a session-level advisory lock, taken after the same in-process lock.  A second
  workstation is not made to wait behind an import of unknown length: it is told at once
  what the holder is doing, who, at which workstation and since when (the holding
  session announces it, core/holders.py); an officer's save is told the same
  (core/concurrency.py).  A second thread of the same app waits for the first, as on
  SQLite, instead of being told that its own officer is busy.

The lock is re-entrant on one thread: a folder exchange holds it across the imports
and the export it makes.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from jipp_desktop.core import concurrency, holders
from jipp_desktop.core.holders import lock_key
from jipp_desktop.core.services import Author
from jipp_desktop.sync import db
from jipp_desktop.sync.errors import IN_USE, SyncError

SYNC = holders.SYNC
NOBODY = Author("", "")  # a holder that did not say who (announced as "?")

_local_locks: dict[str, threading.Lock] = {}
_local_guard = threading.Lock()
_held = threading.local()


class OperationBusy(SyncError):
    """Another workstation is running the same kind of work on this database."""

    exit_status = IN_USE

    def __init__(self, name: str, holder: holders.Holder | None, raw: str = "?") -> None:
        if holder is not None:
            text_id, text_en = holder.describe("id"), holder.describe("en")
        else:  # a session that is not the app's: its name and address as the server has them
            text_id, text_en = f"pekerjaan lain oleh {raw}", f"other work by {raw}"
        super().__init__(
            f"Basis data sedang dipakai: {text_id}. Coba lagi setelah selesai.",
            f"The database is busy: {text_en}. Try again when it has finished.",
        )
        self.name = name
        self.holder = holder


def _depths() -> dict[str, int]:
    depths: dict[str, int] | None = getattr(_held, "depths", None)
    if depths is None:
        depths = {}
        _held.depths = depths
    return depths


@contextmanager
def exclusive(name: str = SYNC, *, work: str = "import", author: Author = NOBODY) -> Iterator[None]:
    """Hold the database-wide lock ``name`` for the block; ``work`` (a key of
    holders.WORKS) and ``author`` (officer and workstation) tell the others what this
    session does (PostgreSQL).  Raises OperationBusy when another workstation holds it."""
    depths = _depths()
    if depths.get(name):
        depths[name] += 1
        try:
            yield
        finally:
            depths[name] -= 1
        return
    release_local = _acquire_local(name)
    try:
        release = _acquire_postgresql(name, work, author) if concurrency.is_postgresql() else None
    except BaseException:
        release_local()
        raise
    depths[name] = 1
    try:
        yield
    finally:
        depths[name] = 0
        try:
            if release is not None:
                release()
        finally:
            release_local()


def _acquire_local(name: str) -> Any:
    with _local_guard:
        lock = _local_locks.setdefault(name, threading.Lock())
    lock.acquire()
    return lock.release


def _acquire_postgresql(name: str, work: str, author: Author) -> Any:
    key = lock_key(name)
    # What the others are told while this session holds the lock: said before it is
    # taken, so nobody finds the lock held by a session that has not said why.
    holders.announce(work, *author)
    if not db.sql("SELECT pg_try_advisory_lock(?)", (key,)).fetchone()[0]:
        holders.withdraw()
        raise OperationBusy(name, *holders.lock_holder(name))

    def release() -> None:
        db.sql("SELECT pg_advisory_unlock(?)", (key,))
        holders.withdraw()

    return release
