"""Typed access to the open database for the sync modules (peewee itself is untyped).

``sql`` and ``executemany`` take SQL written with ``?`` placeholders and run it on either
engine (core/engine.py translates the placeholders for PostgreSQL); SQL that differs
between the engines belongs in core/engine_sqlite.py or core/engine_postgresql.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from jipp_desktop.core import engine
from jipp_desktop.core import models as m


def sql(query: str, params: Sequence[Any] = ()) -> Any:
    """Run one statement; returns the DB-API cursor (sqlite3 or psycopg)."""
    return engine.sql(query, params)


def executemany(query: str, rows: Sequence[Sequence[Any]]) -> None:
    engine.executemany(query, rows)


def connection() -> Any:
    """The raw DB-API connection (SQLite only: use sql()/executemany() on both engines)."""
    return m.database.connection()
