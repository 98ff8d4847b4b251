"""Both engines' migrated schemas match the peewee models and each other, so the SQLite
migrations (db/migrations) and the PostgreSQL ones (db/migrations/postgresql) cannot
drift apart: same tables, same columns, same nullability."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import psycopg
import pytest
from pg_cluster import Cluster

from jipp_desktop.core import engine_postgresql as pg
from jipp_desktop.core import migrations
from jipp_desktop.core import models as m
from jipp_desktop.core.errors import SchemaTooNew
from jipp_desktop.core.workspace import open_workspace

# Tables one engine has for its own mechanics: FTS5 indexes (PostgreSQL stores a search
# vector column instead), PostgreSQL's schema version (SQLite keeps PRAGMA user_version),
# attachment contents and import reports (files in the data folder on SQLite).
SQLITE_ONLY_PREFIXES = ("innovation_fts", "visit_fts")
POSTGRESQL_ONLY = {"schema_version", "attachment_blob", "sync_report"}
POSTGRESQL_ONLY_COLUMNS = {("innovation", "search_vector"), ("visit", "search_vector")}

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
            if table not in POSTGRESQL_ONLY and (table, column) not in POSTGRESQL_ONLY_COLUMNS:
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


def _fresh(pg_cluster: Cluster, name: str) -> str:
    with psycopg.connect(pg_cluster.url("postgres"), autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    return pg_cluster.url(name)


def test_a_failing_postgresql_migration_leaves_the_database_as_it_was(
    pg_cluster: Cluster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "migrations" / pg.NAME
    folder.mkdir(parents=True)
    for mig in pg.available():
        (folder / mig.path.name).write_text(mig.sql)
    broken = pg.available()[-1].version + 1
    (folder / f"{broken:04d}_broken.sql").write_text(
        "CREATE TABLE half_done (x BIGINT);\nINSERT INTO no_such_table VALUES (1);\n"
    )
    conn = pg.connect(_fresh(pg_cluster, "failing_migration"))
    try:
        assert pg.migrate(conn) == [mig.version for mig in pg.available()]
        monkeypatch.setattr(pg, "migrations_dir", lambda: tmp_path / "migrations")
        with pytest.raises(psycopg.errors.UndefinedTable):
            pg.migrate(conn)
        assert pg.current_version(conn) == broken - 1
        assert conn.execute("SELECT to_regclass('half_done')").fetchone()[0] is None
    finally:
        conn.close()


def test_a_postgresql_database_from_a_newer_app_is_refused(
    pg_cluster: Cluster, tmp_path: Path
) -> None:
    url = _fresh(pg_cluster, "newer_schema")
    conn = pg.connect(url)
    try:
        pg.migrate(conn)
        conn.execute("UPDATE schema_version SET version = version + 1")
    finally:
        conn.close()
    with pytest.raises(SchemaTooNew):
        open_workspace(tmp_path / "data", database=url)
    # The refusal released the workstation's folder lock and changed nothing.
    conn = pg.connect(url)
    try:
        conn.execute("UPDATE schema_version SET version = version - 1")
    finally:
        conn.close()
    with open_workspace(tmp_path / "data", database=url) as ws:
        assert ws.records.stats()["innovation"] == 0


CATEGORY_TEXTS = [
    "Pendidikan",
    "  KESEHATAN ",
    "Tata Kelola Pemerintahan",
    "Pelayanan Kesehatan",
    "Pelayanan Publik yang Inklusif dan Berkeadilan",
    "pemberdayaan masyarakat",
    "Économie locale",
    "Sistem antrean",
    "",
    None,
]


def _innovation_rows() -> list[tuple[object, ...]]:
    return [
        (f"id-{n}", "Inovasi", "53", "trial", text, "h", "t", "t", "d")
        for n, text in enumerate(CATEGORY_TEXTS)
    ]


_INSERT = (
    "INSERT INTO innovation (id, title, province_code, stage, category, hlc, created_at, "
    "updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def test_version_9_maps_old_categories_alike_on_both_engines(
    pg_cluster: Cluster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sqlite_conn = sqlite3.connect(tmp_path / "v8.sqlite3")
    migrations.migrate(sqlite_conn, target=8)
    sqlite_conn.execute("INSERT INTO province (code, name) VALUES ('53', 'NTT')")
    sqlite_conn.executemany(_INSERT, _innovation_rows())
    sqlite_conn.commit()
    migrations.migrate(sqlite_conn)
    on_sqlite = sqlite_conn.execute("SELECT id, category FROM innovation ORDER BY id").fetchall()
    sqlite_conn.close()

    conn = pg.connect(_fresh(pg_cluster, "categories_upgrade"))
    try:
        baseline = [mig for mig in pg.available() if mig.version == 8]
        monkeypatch.setattr(pg, "available", lambda: baseline)
        pg.migrate(conn)
        conn.execute("INSERT INTO province (code, name) VALUES ('53', 'NTT')")
        with conn.cursor() as cursor:
            cursor.executemany(_INSERT.replace("?", "%s"), _innovation_rows())
        monkeypatch.undo()
        assert pg.migrate(conn) == list(range(9, migrations.latest_version() + 1))
        on_postgresql = conn.execute("SELECT id, category FROM innovation ORDER BY id").fetchall()
    finally:
        conn.close()
    assert on_postgresql == on_sqlite
    assert dict(on_sqlite)["id-0"] == "2021-education"
    assert dict(on_sqlite)["id-7"] == "Lainnya: Sistem antrean"


def test_postgresql_search_vectors_are_stored_in_their_rows(
    schemas: dict[str, Columns], pg_cluster: Cluster
) -> None:
    """Out-of-line (TOAST) vectors made a ranked search over many matches about four times
    slower (0010_national_scale.sql); ``schemas`` migrated the schema_check database."""
    assert "innovation" in schemas["postgresql"]
    conn = pg.connect(pg_cluster.url("schema_check"))
    try:
        storage = conn.execute(
            "SELECT attrelid::regclass::text, attstorage FROM pg_attribute "
            "WHERE attname = 'search_vector' AND attrelid IN ('innovation'::regclass, "
            "'visit'::regclass) ORDER BY 1"
        ).fetchall()
    finally:
        conn.close()
    assert storage == [("innovation", "m"), ("visit", "m")]
