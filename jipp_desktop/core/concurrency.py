"""Writes that must not interleave with another writer's, on either database engine.

A save that first compares what is stored with what the editor saw, then writes, is
only safe if nobody writes in between.  On SQLite the transaction takes the write lock
before it reads (``BEGIN IMMEDIATE``: a deferred transaction would read an old
snapshot and fail, or worse, when it upgrades).  On PostgreSQL several workstations
write at once, so the rows compared are locked as they are read (``FOR UPDATE``) and
held until the transaction ends.

The ministry's database is one sync peer: every workstation stamps its changes as the
same device.  Peers take a device's stamps to come in the order its changes were made
(a version vector says "everything of that device up to stamp S"), so two workstations
must never issue stamps out of commit order, nor the same stamp twice.  On PostgreSQL
every transaction that issues stamps first locks the database's clock row
(``shared_clock``): stamps are issued one writing transaction at a time, each after the
newest one any workstation issued, and the lock is released by the commit that saves
the new newest stamp.

Reads that must all see one moment (an export: rows, field histories, conflicts and the
vector its package claims) run in ``read_snapshot()``.

A package import holds the clock until it commits, which for a national package takes
minutes.  An officer's save does not wait for that: when the clock's holder is an import,
or another long write that announced itself (core/holders.py), the save is refused at
once, naming the work, its officer, its workstation and its start, and nothing is
written.  Only a short write (another officer's save) is waited for, at most
EDIT_WAIT_MS.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import peewee

from jipp_desktop.core import engine, holders
from jipp_desktop.core import models as m
from jipp_desktop.core.clock import HybridClock, is_stamp
from jipp_desktop.core.errors import JippError


def is_postgresql() -> bool:
    return engine.is_postgresql()


def write_transaction() -> Any:
    """A transaction (or a savepoint inside one) that holds the write lock from its start."""
    db: Any = m.database
    if db.transaction_depth() == 0 and not is_postgresql():
        return db.atomic(lock_type="IMMEDIATE")
    return db.atomic()


def for_update(query: Any) -> Any:
    """``query`` locking the rows it reads until the transaction ends (PostgreSQL);
    SQLite's immediate transaction already holds the whole file."""
    return query.for_update() if is_postgresql() else query


CLOCK_KEY = holders.CLOCK_KEY
# How long an officer's save waits for another workstation's writing transaction that is
# not a package import (those are refused at once) before being told; an import waits
# as long as it takes.
EDIT_WAIT_MS = 3_000
IN_USE_EXIT = 4  # docs/cli.md: in use by another instance or workstation
LOCK_NOT_AVAILABLE = "55P03"  # PostgreSQL's SQLSTATE for a lock_timeout that ran out
READ_ONLY_TRANSACTION = "25006"  # a write on a reading workstation's connection


class DatabaseBusy(JippError):
    """An officer's save found the shared clock held by another workstation's package
    import (``holder``), or by another long write for longer than EDIT_WAIT_MS; nothing
    was saved."""

    exit_status = IN_USE_EXIT

    def __init__(self, holder: holders.Holder | None = None) -> None:
        super().__init__()
        self.holder = holder
        if holder is not None:
            work_id, work_en = holder.work_label("id"), holder.work_label("en")
            self.message_id = (
                f"{work_id.capitalize()} oleh {holder.who} di workstation {holder.where} "
                f"sedang berjalan sejak {holder.since_text('id')}. Tidak ada yang disimpan. "
                f"Simpan lagi setelah {work_id} itu selesai."
            )
            self.message_en = (
                f"A {work_en} by {holder.who} at workstation {holder.where} has been "
                f"running since {holder.since_text('en')}. Nothing was saved. Save again "
                "when it has finished."
            )
            return
        seconds = EDIT_WAIT_MS / 1000
        self.message_id = (
            "Basis data sedang dipakai untuk perubahan besar dari workstation lain (misalnya "
            f"impor paket) lebih dari {seconds:g} detik. Tidak ada yang disimpan; simpan lagi "
            "sebentar lagi."
        )
        self.message_en = (
            "The database is busy with a large change from another workstation (a package "
            f"import, say) for more than {seconds:g} seconds. Nothing was saved; save again "
            "in a moment."
        )


def shared_clock(clock: HybridClock, *, edit: bool = False) -> None:
    """Inside a transaction about to issue stamps: on PostgreSQL, lock the database's clock
    until the transaction ends and continue after the newest stamp stored (SQLite: one
    writer per folder, nothing to do).  Calling it again in the same transaction is cheap.
    An ``edit`` (an officer waiting for the save) is refused at once with DatabaseBusy
    when a package import holds the clock, and waits at most EDIT_WAIT_MS for any other
    holder."""
    if not is_postgresql():
        return
    try:
        row = _lock_clock(edit)
    except peewee.DatabaseError as exc:
        if edit and _sqlstate(exc) == LOCK_NOT_AVAILABLE:
            raise DatabaseBusy() from None
        driver_error = exc.__context__
        if _sqlstate(exc) == READ_ONLY_TRANSACTION and isinstance(driver_error, Exception):
            # A reading workstation: the driver's own error, as its writes raise it.
            raise driver_error from None
        raise
    if row is not None and is_stamp(row[0]):
        clock.catch_up(str(row[0]))


_LOCK_CLOCK = "SELECT value FROM setting WHERE key = ? FOR UPDATE"


def _lock_clock(edit: bool) -> Any:
    engine.sql(
        "INSERT INTO setting (key, value) VALUES (?, '') ON CONFLICT (key) DO NOTHING",
        (CLOCK_KEY,),
    )
    if edit:
        free, row = _try_clock()
        if free:
            return row
        holder = holders.clock_holder()
        if holder is not None:
            raise DatabaseBusy(holder)
        engine.sql(f"SET LOCAL lock_timeout = {int(EDIT_WAIT_MS)}")
    return engine.sql(_LOCK_CLOCK, (CLOCK_KEY,)).fetchone()


def _try_clock() -> tuple[bool, Any]:
    """(True, the clock row, now locked) if nobody holds it, else (False, None): a held
    row is skipped, not waited for, and the transaction goes on."""
    row = engine.sql(_LOCK_CLOCK + " SKIP LOCKED", (CLOCK_KEY,)).fetchone()
    return row is not None, row


def _sqlstate(exc: BaseException) -> str | None:
    """The SQLSTATE of the driver's error behind peewee's (the exception it wraps)."""
    for found in (*exc.args[:1], exc.__context__):
        state = getattr(found, "sqlstate", None)
        if state:
            return str(state)
    return None


@contextmanager
def read_snapshot() -> Iterator[None]:
    """Every read in the block sees the database as it was at its first read.

    PostgreSQL reads at READ COMMITTED by default: each statement sees the commits made
    before it, so a block of reads taken while other workstations save sees a different
    moment per statement (an export would carry half of another officer's transaction,
    or claim a vector its lines do not match).  The block is one REPEATABLE READ, READ
    ONLY transaction: one snapshot for all its statements, and any write in it fails
    instead of going out of step.  SERIALIZABLE READ ONLY DEFERRABLE would add nothing:
    it only guards against anomalies among SERIALIZABLE writers, and ours write at READ
    COMMITTED, ordered by the shared clock's row lock (every stamping transaction holds it
    until its commit), so a snapshot already sees a prefix of their commits in stamp
    order; DEFERRABLE would also make an export wait for a safe moment behind running
    writers.  Nothing is locked: saves go on meanwhile (the snapshot only keeps old row
    versions from being vacuumed until the block ends).

    SQLite: one process writes a data folder (the folder lock, core/lock.py), the export
    holds the sync lock and the app runs it behind a window-modal dialog (gui/tasks.py),
    so nothing commits under it; nothing to do (a read transaction there would only make
    a writer wait).
    """
    if not is_postgresql():
        yield
        return
    db: Any = m.database
    if db.transaction_depth():
        # An open transaction has taken its snapshot (and isolation) already.
        raise RuntimeError("read_snapshot() must start outside any transaction")
    with db.atomic(isolation_level="REPEATABLE READ"):
        engine.sql("SET TRANSACTION READ ONLY")
        yield
