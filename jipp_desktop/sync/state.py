"""Small key/value facts of the sync machinery (sync_state table, migration 0003).

Kept apart from core settings because settings refuse unknown keys on purpose, and
these keys (one sequence counter per package stream) are open-ended.
"""

from __future__ import annotations

from jipp_desktop.sync import db

LAST_EXCHANGE = "last_exchange"


def get(key: str) -> str | None:
    row = db.sql("SELECT value FROM sync_state WHERE key = ?", (key,)).fetchone()
    return None if row is None else str(row[0])


def put(key: str, value: str) -> None:
    db.sql(
        "INSERT INTO sync_state (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )
