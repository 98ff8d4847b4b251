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
# The modules whose fleets also run with PostgreSQL peers.  Where it matters which laptop
# is the PostgreSQL one, the test says so (the laptop whose clock is repaired, the
# ministry, the laptop whose Sync page is driven); a test in a listed module that exercises
# nothing engine-specific is marked ``sqlite_only`` with its reason, and a test whose cases
# are chosen per engine parametrises ``fleet_engine`` itself (test_hostile.py).  Elsewhere:
# two workstations on one PostgreSQL database in test_workstations.py, the random schedules
# in test_convergence_engines.py, the digest cache through ``engine_name``
# (test_digest_cache.py), and a process killed while it imports into PostgreSQL in
# test_crash.py.
#
# Left on SQLite only, each for its reason:
# - test_convergence.py: its random schedules run with PostgreSQL peers in
#   test_convergence_engines.py (the whole property test twice would cost the suite's time
#   budget); its merge-law tests touch no database.
# - test_crash.py's random kills: several seconds per kill; the PostgreSQL test kills at a
#   chosen point inside the import's transaction instead.
# - test_open_package_argument.py: the app started with a package's path opens the same
#   import as the Sync page's button, which test_sync_page.py drives on a PostgreSQL peer.
BOTH_ENGINES = {
    "test_category_packages.py",
    "test_child_order.py",
    "test_clock_gui.py",
    "test_clock_recovery.py",
    "test_conflict_heads.py",
    "test_files_and_seals.py",
    "test_folder.py",
    "test_format_doc.py",
    "test_hostile.py",
    "test_hostile_signed.py",
    "test_import.py",
    "test_locks.py",
    "test_revocation.py",
    "test_revocation_gui.py",
    "test_stale_import.py",
    "test_sync_page.py",
    "test_undo.py",
    "test_undo_gui.py",
}
_numbers = itertools.count(1)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "fleet_engine" not in metafunc.fixturenames or _chooses_engines(metafunc):
        return
    both = Path(str(metafunc.module.__file__)).name in BOTH_ENGINES
    both = both and metafunc.definition.get_closest_marker("sqlite_only") is None
    metafunc.parametrize("fleet_engine", [SQLITE, POSTGRESQL] if both else [SQLITE])


def _chooses_engines(metafunc: pytest.Metafunc) -> bool:
    """Whether the test parametrises ``fleet_engine`` itself (some cases on one engine)."""
    for mark in metafunc.definition.iter_markers("parametrize"):
        names = mark.args[0]
        names = names.split(",") if isinstance(names, str) else names
        if "fleet_engine" in [n.strip() for n in names]:
            return True
    return False


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
