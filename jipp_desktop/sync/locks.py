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
  who holds the lock (each connection names its officer and computer in
  ``application_name``) and since when.  A second thread of the same app waits for the
  first, as on SQLite, instead of being told that its own officer is busy.

The lock is re-entrant on one thread: a folder exchange holds it across the imports
and the export it makes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from jipp_desktop.core import concurrency
from jipp_desktop.sync import db
from jipp_desktop.sync.errors import IN_USE, SyncError

SYNC = "sync"
_LABELS = {SYNC: ("impor/ekspor paket", "package import/export")}

_local_locks: dict[str, threading.Lock] = {}
_local_guard = threading.Lock()
_held = threading.local()


class OperationBusy(SyncError):
    """Another workstation is running the same kind of work on this database."""

    exit_status = IN_USE

    def __init__(self, name: str, holder: str) -> None:
        label_id, label_en = _LABELS.get(name, (name, name))
        super().__init__(
            f"Basis data sedang dipakai untuk {label_id} oleh {holder}. Coba lagi setelah selesai.",
            f"The database is busy with a {label_en} by {holder}. Try again when it has finished.",
        )
        self.name = name
        self.holder = holder


def lock_key(name: str) -> int:
    """A stable signed 64-bit advisory-lock key for ``name`` (same on every workstation)."""
    digest = hashlib.sha256(f"jipp-desktop:{name}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


def _depths() -> dict[str, int]:
    depths: dict[str, int] | None = getattr(_held, "depths", None)
    if depths is None:
        depths = {}
        _held.depths = depths
    return depths


@contextmanager
def exclusive(name: str = SYNC, *, who: str = "") -> Iterator[None]:
    """Hold the database-wide lock ``name`` for the block; ``who`` names this officer to
    the others (PostgreSQL).  Raises OperationBusy when another workstation holds it."""
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
        release = _acquire_postgresql(name, who) if concurrency.is_postgresql() else None
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


def _acquire_postgresql(name: str, who: str) -> Any:
    key = lock_key(name)
    # What the others are told if they try meanwhile (PostgreSQL keeps 63 bytes of it).
    since = dt.datetime.now(dt.UTC).strftime("%H:%M UTC")
    me = f"{who or '?'} @ {socket.gethostname()}, {since}"
    db.sql(
        "SELECT set_config('application_name', ?, false)",
        (me.encode()[:63].decode(errors="ignore"),),
    )
    if not db.sql("SELECT pg_try_advisory_lock(?)", (key,)).fetchone()[0]:
        raise OperationBusy(name, _holder(key))

    def release() -> None:
        db.sql("SELECT pg_advisory_unlock(?)", (key,))

    return release


def _holder(key: int) -> str:
    """Who holds the advisory lock ``key``, from the server's own session list."""
    high, low = (key >> 32) & 0xFFFFFFFF, key & 0xFFFFFFFF
    row = db.sql(
        "SELECT a.application_name, coalesce(host(a.client_addr), '') "
        "FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
        "WHERE l.locktype = 'advisory' AND l.granted AND l.classid::bigint = ? "
        "AND l.objid::bigint = ? AND l.objsubid = 1",
        (high, low),
    ).fetchone()
    if row is None:
        return "?"
    name, address = row
    return str(name or "?") + (f" [{address}]" if address else "")
