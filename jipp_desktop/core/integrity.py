"""When start-up runs SQLite's full integrity check, and when a cheap one is enough.

A full ``PRAGMA quick_check`` reads every page: about a second per gigabyte,
paid on every start of a national-size database.  Damage comes from crashes,
power loss and failing disks, so the full check runs when the last session did
not close cleanly (its marker file is still there) and otherwise once a day;
every start still opens the file and reads its schema, which catches a file
that is not (or no longer) a database at all.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from jipp_desktop.core import backup, cipher, faults

OPEN_MARKER = "jipp.open"
CHECKED_STAMP = "integrity-checked"
FULL_CHECK_EVERY = dt.timedelta(hours=24)


def cheap_check(path: Path) -> str | None:
    """None when the file opens as SQLite and its schema reads, else what is wrong."""
    try:
        conn = cipher.connect(path, readonly=True)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            conn.execute("PRAGMA user_version").fetchone()
        finally:
            conn.close()
    except cipher.database_errors() as exc:
        if not faults.is_damage(exc):
            raise  # a full disk or a locked file is not damage; the caller names it
        return str(exc)
    return None


def full_check_due(folder: Path) -> bool:
    if (folder / OPEN_MARKER).exists():
        return True
    stamp = folder / CHECKED_STAMP
    if not stamp.exists():
        return True
    checked = dt.datetime.fromtimestamp(stamp.stat().st_mtime)
    return dt.datetime.now() - checked > FULL_CHECK_EVERY


def full_check(db_path: Path, folder: Path) -> str | None:
    """Read every page; remember a pass so the next starts today can skip it."""
    problem = backup.check_file(db_path)
    if problem is None:
        (folder / CHECKED_STAMP).touch()
    return problem


def mark_open(folder: Path) -> None:
    (folder / OPEN_MARKER).touch()


def mark_closed(folder: Path) -> None:
    (folder / OPEN_MARKER).unlink(missing_ok=True)
