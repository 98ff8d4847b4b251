"""Shared fixtures: every test gets real data folders under tmp_path, never the user's."""

from __future__ import annotations

import os

# Without a display Qt aborts the whole process, so tests always run offscreen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import itertools
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from pg_cluster import Cluster, ClusterError

from jipp_desktop.core import engine, regions
from jipp_desktop.core import engine_postgresql as pg
from jipp_desktop.core import models as m
from jipp_desktop.core.workspace import Workspace, open_workspace

TEMPLATE_DB = "jipp_template"
_database_numbers = itertools.count(1)


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point the default data folder and Qt settings at the test's own folder."""
    monkeypatch.setenv("JIPP_DATA_DIR", str(tmp_path / "default-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


@pytest.fixture
def workspace(data_dir: Path) -> Iterator[Workspace]:
    ws = open_workspace(data_dir)
    try:
        yield ws
    finally:
        ws.close()


# -- PostgreSQL ---------------------------------------------------------------------------


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    """One throwaway cluster for the whole run, started on first use.  A run that cannot
    start it fails (never skips): the PostgreSQL tests are part of the suite."""
    cluster = Cluster()
    try:
        cluster.start()
    except (ClusterError, OSError) as exc:
        cluster.stop()
        pytest.exit(f"PostgreSQL tests cannot run: {exc}", returncode=1)
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture(scope="session")
def pg_template(pg_cluster: Cluster) -> str:
    """A database migrated and seeded once; each test copies it (CREATE DATABASE ...
    TEMPLATE), which costs a file copy instead of running the migrations again."""
    with psycopg.connect(pg_cluster.url("postgres"), autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {TEMPLATE_DB}")
    url = pg_cluster.url(TEMPLATE_DB)
    conn = pg.connect(url)
    try:
        pg.migrate(conn)
    finally:
        conn.close()
    engine.use(engine.POSTGRESQL, pg.Database(url))
    try:
        regions.seed()
    finally:
        m.database.close()
        engine.use(engine.SQLITE, m.sqlite_database)
    return TEMPLATE_DB


@pytest.fixture
def pg_url(pg_cluster: Cluster, pg_template: str) -> Iterator[str]:
    """A fresh PostgreSQL database for one test, as a URL."""
    name = f"t_{os.getpid()}_{next(_database_numbers)}"
    admin_url = pg_cluster.url("postgres")
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name} TEMPLATE {pg_template}")
    try:
        yield pg_cluster.url(name)
    finally:
        if not m.database.is_closed():
            m.database.close()
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE {name} WITH (FORCE)")


@pytest.fixture(params=[engine.SQLITE, engine.POSTGRESQL])
def engine_name(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Runs a test once per engine: on PostgreSQL, JIPP_DATABASE points every workspace
    the test opens (directly, through the CLI or the GUI) at a fresh database."""
    if request.param == engine.POSTGRESQL:
        monkeypatch.setenv(engine.ENV_DATABASE, request.getfixturevalue("pg_url"))
    return str(request.param)
