"""Typed access to the open database for the sync modules (peewee itself is untyped)."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from jipp_desktop.core import models as m


def sql(query: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
    cursor: sqlite3.Cursor = m.database.execute_sql(query, params)  # type: ignore[no-untyped-call]
    return cursor


def connection() -> sqlite3.Connection:
    conn: sqlite3.Connection = m.database.connection()  # type: ignore[no-untyped-call]
    return conn
