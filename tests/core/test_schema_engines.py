"""Both engines' migrated schemas match the peewee models and each other, so the SQLite
migrations (db/migrations) and the PostgreSQL ones (db/migrations/postgresql) cannot
drift apart: same tables, same columns, same nullability."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from pg_cluster import Cluster

from jipp_desktop.core import engine_postgresql as pg
from jipp_desktop.core import migrations
from jipp_desktop.core import models as m

# Tables one engine has for its own mechanics: FTS5 indexes (PostgreSQL indexes an
# expression instead), PostgreSQL's schema version (SQLite keeps PRAGMA user_version)
# and attachment contents (files in the data folder on SQLite).
SQLITE_ONLY_PREFIXES = ("innovation_fts", "visit_fts")
POSTGRESQL_ONLY = {"schema_version", "attachment_blob"}

Columns = dict[str, dict[str, bool]]  # table -> column -> nullable


def _sqlite_schema(path: Path) -> Columns:
    conn = sqlite3.connect(path)
    migrations.migrate(conn)
    names = [
        r[0]
        for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if not r[0].startswith(SQLITE_ONLY_PREFIXES) and not r[0].startswith("sqlite_")
    ]
    schema = {
        table: {
            # A primary key column is never null, whatever SQLite's table_info says.
            row[1]: not (row[3] or row[5])
            for row in conn.execute(f"PRAGMA table_info('{table}')")
        }
        for table in names
    }
    conn.close()
    return schema


def _postgresql_schema(url: str) -> Columns:
    conn = pg.connect(url)
    try:
        pg.migrate(conn)
        schema: Columns = {}
        for table, column, nullable in conn.execute(
            "SELECT table_name, column_name, is_nullable = 'YES' FROM information_schema.columns "
            "WHERE table_schema = current_schema()"
        ):
            if table not in POSTGRESQL_ONLY:
                schema.setdefault(table, {})[column] = nullable
        return schema
    finally:
        conn.close()


def _model_schema() -> Columns:
    models = [
        model
        for model in vars(m).values()
        if isinstance(model, type)
        and issubclass(model, m.BaseModel)
        and model not in (m.BaseModel, m.SyncedModel)
    ]
    return {
        model._meta.table_name: {
            f.column_name: bool(f.null) and not f.primary_key for f in model._meta.sorted_fields
        }
        for model in models
    }


@pytest.fixture(scope="module")
def schemas(tmp_path_factory: pytest.TempPathFactory, pg_cluster: Cluster) -> dict[str, Columns]:
    import psycopg

    with psycopg.connect(pg_cluster.url("postgres"), autocommit=True) as admin:
        admin.execute("CREATE DATABASE schema_check")
    return {
        "sqlite": _sqlite_schema(tmp_path_factory.mktemp("schema") / "check.sqlite3"),
        "postgresql": _postgresql_schema(pg_cluster.url("schema_check")),
    }


def test_both_engines_have_the_same_tables_columns_and_nullability(
    schemas: dict[str, Columns],
) -> None:
    assert schemas["postgresql"] == schemas["sqlite"]


@pytest.mark.parametrize("engine", ["sqlite", "postgresql"])
def test_every_model_matches_its_table(schemas: dict[str, Columns], engine: str) -> None:
    tables = schemas[engine]
    for table, columns in _model_schema().items():
        assert tables.get(table) == columns, f"{engine}: table {table}"


def test_postgresql_migrations_reach_the_sqlite_version() -> None:
    """A migration added for SQLite needs its PostgreSQL counterpart (same number)."""
    assert pg.available()[-1].version == migrations.latest_version()
