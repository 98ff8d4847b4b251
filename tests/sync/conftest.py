"""Fixtures of the sync tests.

The fleet of the modules in ``BOTH_ENGINES`` runs twice: all laptops on SQLite, then with
every second laptop (the receiver ``b`` of most tests) a PostgreSQL peer such as the
ministry's database, so packages cross between the engines in both directions.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest
from pg_cluster import Cluster
from sync_helpers import Fleet, make_template

from jipp_desktop.core import models as m

SQLITE, POSTGRESQL = "sqlite", "postgresql"
# A representative subset on both engines (the whole of tests/sync twice would cost the
# suite's time budget): import and export, folders, conflicts, undo, revocation, order,
# the stale save and the hostile packages.  Two workstations on one PostgreSQL database
# are tested in test_workstations.py.
BOTH_ENGINES = {
    "test_child_order.py",
    "test_conflict_heads.py",
    "test_folder.py",
    "test_hostile_signed.py",
    "test_import.py",
    "test_revocation.py",
    "test_stale_import.py",
    "test_undo.py",
}
_numbers = itertools.count(1)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "fleet_engine" in metafunc.fixturenames:
        both = Path(str(metafunc.module.__file__)).name in BOTH_ENGINES
        metafunc.parametrize("fleet_engine", [SQLITE, POSTGRESQL] if both else [SQLITE])


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_template(tmp_path_factory.mktemp("template"))


@pytest.fixture
def pg_databases(pg_cluster: Cluster, pg_template: str) -> Iterator[Callable[[], str]]:
    """Makes fresh PostgreSQL databases (copies of the migrated template) for one test."""
    admin_url = pg_cluster.url("postgres")
    made: list[str] = []

    def new() -> str:
        name = f"peer_{os.getpid()}_{next(_numbers)}"
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f"CREATE DATABASE {name} TEMPLATE {pg_template}")
        made.append(name)
        return pg_cluster.url(name)

    yield new
    if not m.database.is_closed():
        m.database.close()
    with psycopg.connect(admin_url, autocommit=True) as admin:
        for name in made:
            admin.execute(f"DROP DATABASE {name} WITH (FORCE)")


@pytest.fixture
def fleet(
    tmp_path: Path, template_db: Path, fleet_engine: str, request: pytest.FixtureRequest
) -> Fleet:
    databases = request.getfixturevalue("pg_databases") if fleet_engine == POSTGRESQL else None
    return Fleet(tmp_path / "fleet", template_db, databases)


@pytest.fixture(scope="session")
def _qt_none_guard() -> None:
    """The app's guard against PySide6 builds that leak None and True (pyside_fix)."""
    from jipp_desktop.gui.pyside_fix import protect_singletons

    protect_singletons()
