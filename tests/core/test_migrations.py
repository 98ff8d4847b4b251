"""Every earlier schema version upgrades to the latest without losing a row."""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path
from typing import Any

import pytest

from jipp_desktop.core import backup, migrations, regions
from jipp_desktop.core.errors import SchemaTooNew
from jipp_desktop.core.query import ListQuery
from jipp_desktop.core.workspace import DB_NAME, open_workspace

ROWS_PER_TABLE = 3
# Not filled with test rows: local settings, seeded regions and categories, and
# change_marker, a one-row table (CHECK id = 1) that its own migration fills.
LOCAL_TABLES = {"setting", "province", "regency", "change_marker", "category"}
# Values a migration converts on purpose: (table, column) -> (version, conversion).
# Version 9 made the category a vocabulary: free text that names no category is kept
# behind "Lainnya: " (tests/core/test_category_migration.py covers the mapping).
CONVERTED = {("innovation", "category"): (9, lambda old: f"Lainnya: {old}")}


def _converted(
    conn: sqlite3.Connection, table: str, rows: list[tuple[Any, ...]], version: int
) -> list[tuple[Any, ...]]:
    """``rows`` as the migrations after ``version`` leave them."""
    cols = [r[1] for r in conn.execute(f"PRAGMA table_info('{table}')")]
    out = [list(r) for r in rows]
    for (name, column), (since, convert) in CONVERTED.items():
        if name == table and version < since and column in cols:
            at = cols.index(column)
            for row in out:
                row[at] = convert(row[at])
    return sorted(tuple(r) for r in out)


def _user_tables(conn: sqlite3.Connection) -> list[str]:
    names = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    fts = {
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'"
        )
    }
    return [n for n in names if n not in fts and not any(n.startswith(f + "_") for f in fts)]


def _parents_first(conn: sqlite3.Connection, tables: list[str]) -> list[str]:
    deps = {
        t: {r[2] for r in conn.execute(f"PRAGMA foreign_key_list('{t}')")} - {t} for t in tables
    }
    ordered: list[str] = []
    while deps:
        ready = sorted(t for t, d in deps.items() if d <= set(ordered) | LOCAL_TABLES)
        assert ready, f"foreign-key cycle among {sorted(deps)}"
        ordered += ready
        for t in ready:
            del deps[t]
    return ordered


def _value(
    conn: sqlite3.Connection,
    table: str,
    col: dict[str, Any],
    i: int,
    fks: dict[str, tuple[str, str]],
) -> Any:
    name = col["name"]
    if name in fks:
        parent, key = fks[name]
        return conn.execute(
            f'SELECT "{key}" FROM "{parent}" ORDER BY rowid LIMIT 1 OFFSET ?', (i,)
        ).fetchone()[0]
    special = {
        "id": str(uuid.UUID(int=hash((table, i)) & (2**128 - 1))),
        "stamps": "{}",
        "cl": 1,
        "deleted": 0,
        "hlc": f"0183833fe0000000-{uuid.UUID(int=7)}",
    }
    if name in special:
        return special[name]
    if col["type"] == "INTEGER":
        return 2000 + i
    return f"{table}.{name} #{i}"


def fill(conn: sqlite3.Connection) -> dict[str, list[tuple[Any, ...]]]:
    """Insert a few rows into every table of whatever schema version this is."""
    tables = [t for t in _user_tables(conn) if t not in LOCAL_TABLES]
    for table in _parents_first(conn, tables):
        cols = [
            dict(zip(("cid", "name", "type", "notnull", "default", "pk"), r, strict=True))
            for r in conn.execute(f"PRAGMA table_info('{table}')")
        ]
        cols = [c for c in cols if not (c["pk"] and c["type"] == "INTEGER")]
        fks = {r[3]: (r[2], r[4]) for r in conn.execute(f"PRAGMA foreign_key_list('{table}')")}
        names = ", ".join(f'"{c["name"]}"' for c in cols)
        marks = ", ".join("?" for _ in cols)
        for i in range(ROWS_PER_TABLE):
            values = [_value(conn, table, c, i, fks) for c in cols]
            conn.execute(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', values)
    conn.commit()
    return snapshot(conn, tables)


def snapshot(conn: sqlite3.Connection, tables: list[str]) -> dict[str, list[tuple[Any, ...]]]:
    out = {}
    for table in tables:
        cols = [r[1] for r in conn.execute(f"PRAGMA table_info('{table}')")]
        out[table] = sorted(
            conn.execute(f'SELECT {", ".join(chr(34) + c + chr(34) for c in cols)} FROM "{table}"')
        )
    return out


@pytest.mark.parametrize("version", range(1, migrations.latest_version()))
def test_upgrade_from_every_earlier_version_keeps_every_row(tmp_path: Path, version: int) -> None:
    db = tmp_path / DB_NAME
    conn = sqlite3.connect(db)
    assert migrations.migrate(conn, target=version) == list(range(1, version + 1))
    regions.seed(conn)
    before = fill(conn)
    conn.close()

    with open_workspace(tmp_path) as ws:  # start-up applies the pending migrations
        conn = sqlite3.connect(db)
        assert migrations.current_version(conn) == migrations.latest_version()
        after = snapshot(conn, list(before))
        for table, rows in before.items():
            width = len(rows[0])
            # Columns added later come after the old ones; the old values must be intact.
            expected = _converted(conn, table, rows, version)
            assert [r[:width] for r in after[table]] == expected, table
        conn.close()
        # The upgraded data is usable through the services, search included.
        innovations = ws.records.list("innovation")
        assert len(innovations) == ROWS_PER_TABLE
        title = innovations[0]["title"]
        assert ws.records.count("innovation", ListQuery(search=title)) >= 1
    backups = list((tmp_path / "backups").glob("auto-*-migrate.sqlite3.gz"))
    assert len(backups) == 1, "a backup is taken before migrating"
    with backup.plain_copy(backups[0]) as plain:
        check = sqlite3.connect(plain)
        assert migrations.current_version(check) == version
        check.close()


def test_a_database_from_a_newer_app_is_refused(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / DB_NAME)
    conn.execute(f"PRAGMA user_version = {migrations.latest_version() + 1}")
    conn.close()
    with pytest.raises(SchemaTooNew) as caught:
        open_workspace(tmp_path)
    assert "lebih baru" in caught.value.message("id")
    # The refusal released the folder lock: once the file is fixed the folder opens.
    conn = sqlite3.connect(tmp_path / DB_NAME)
    conn.execute("PRAGMA user_version = 0")
    conn.close()
    with open_workspace(tmp_path) as ws:
        assert ws.records.stats()["innovation"] == 0


def test_a_failing_migration_leaves_the_database_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "migrations"
    folder.mkdir()
    for mig in migrations.available():
        (folder / mig.path.name).write_text(mig.sql)
    broken = migrations.latest_version() + 1
    (folder / f"{broken:04d}_broken.sql").write_text(
        "CREATE TABLE half_done (x INTEGER);\nINSERT INTO no_such_table VALUES (1);\n"
    )
    conn = sqlite3.connect(tmp_path / DB_NAME, isolation_level=None)
    migrations.migrate(conn)
    monkeypatch.setattr(migrations, "migrations_dir", lambda: folder)
    with pytest.raises(sqlite3.OperationalError):
        migrations.migrate(conn)
    assert migrations.current_version(conn) == broken - 1
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert "half_done" not in tables
    conn.close()
