"""Forward-only schema migrations from db/migrations, tracked in PRAGMA user_version.

``NNNN_name.sql`` brings the schema to version NNNN.  All pending files are
applied inside one transaction, so an upgrade either completes or leaves the
database exactly as it was.  A database newer than this app is refused.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from jipp_desktop.core.errors import SchemaTooNew
from jipp_desktop.paths import migrations_dir

_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


@dataclass(frozen=True)
class Migration:
    version: int
    path: Path

    @property
    def sql(self) -> str:
        return self.path.read_text(encoding="utf-8")


def available(folder: Path | None = None) -> list[Migration]:
    found = []
    for path in sorted((folder or migrations_dir()).iterdir()):
        match = _NAME.match(path.name)
        if match:
            found.append(Migration(int(match.group(1)), path))
    versions = [mig.version for mig in found]
    if versions != list(range(1, len(found) + 1)):
        raise RuntimeError(f"migrations must be numbered 1..N without gaps: {versions}")
    return found


def latest_version() -> int:
    return len(available())


def current_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def pending(conn: sqlite3.Connection, target: int | None = None) -> list[Migration]:
    migrations = available()
    latest = len(migrations)
    version = current_version(conn)
    if version > latest:
        raise SchemaTooNew(version, latest)
    target = latest if target is None else target
    return [mig for mig in migrations if version < mig.version <= target]


def migrate(conn: sqlite3.Connection, target: int | None = None) -> list[int]:
    """Apply pending migrations (up to ``target``) atomically; return the versions applied."""
    todo = pending(conn, target)
    if not todo:
        return []
    script = "".join(f"{mig.sql}\n;\n" for mig in todo)
    # executescript commits any open transaction first, then runs our own BEGIN..COMMIT.
    try:
        conn.executescript(
            f"BEGIN IMMEDIATE;\n{script}\nPRAGMA user_version = {todo[-1].version};\nCOMMIT;"
        )
    except BaseException:  # sqlite3 or sqlcipher3: either way, nothing half-applied
        if conn.in_transaction:
            conn.rollback()
        raise
    return [mig.version for mig in todo]
