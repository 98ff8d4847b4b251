"""The Qt-free core: domain models, storage, validation, audit and search."""

import sys


def _import_peewee_without_psycopg() -> None:
    """peewee imports psycopg when it is installed (~0.1-0.2 s of every start, most of
    the core's import); only a ministry workstation on PostgreSQL uses it, and
    ``engine_postgresql.driver`` hands it to peewee then."""
    if "peewee" in sys.modules:
        return
    hidden = [n for n in ("psycopg", "psycopg2", "psycopg2cffi") if n not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # import raises ImportError
    try:
        import peewee  # noqa: F401
    finally:
        for name in hidden:
            del sys.modules[name]


_import_peewee_without_psycopg()
