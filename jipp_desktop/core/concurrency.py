"""Writes that must not interleave with another writer's, on either database engine.

A save that first compares what is stored with what the editor saw, then writes, is
only safe if nobody writes in between.  On SQLite the transaction takes the write lock
before it reads (``BEGIN IMMEDIATE``: a deferred transaction would read an old
snapshot and fail, or worse, when it upgrades).  On PostgreSQL several workstations
write at once, so the rows compared are locked as they are read (``FOR UPDATE``) and
held until the transaction ends.
"""

from __future__ import annotations

from typing import Any

import peewee

from jipp_desktop.core import models as m


def real_database() -> Any:
    """The database behind ``models.database`` (a proxy holds it in ``.obj``)."""
    db: Any = m.database
    return getattr(db, "obj", None) or db


def is_postgresql() -> bool:
    return isinstance(real_database(), peewee.PostgresqlDatabase)


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
