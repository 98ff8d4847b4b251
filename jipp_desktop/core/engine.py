"""Which database engine the open workspace runs on, and SQL that works on either.

A hub laptop keeps the embedded SQLite file in its data folder (or SQLCipher when the
folder is encrypted, core/cipher.py): the default, needing no server.  The ministry's
workstations share one PostgreSQL database, chosen by (first found wins):

1. ``--database postgresql://USER@HOST:PORT/DB`` on the command line,
2. the ``JIPP_DATABASE`` environment variable,
3. the file ``database.url`` in the workstation's data folder (one line: the URL).

The data folder still holds the workstation's logs, folder lock and caches.  Passwords
never go in the URL on a command line: libpq reads PGPASSWORD, ~/.pgpass or
``passfile=``; TLS options travel in the URL (``?sslmode=verify-full&sslrootcert=...``).

Core SQL is written once with ``?`` placeholders and SQL both engines share; ``sql()``
and ``executemany()`` adapt the placeholders.  What differs (full-text search, schema
versions) lives in engine_sqlite.py and engine_postgresql.py.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import Any

import peewee

from jipp_desktop.core import engine_postgresql as pg
from jipp_desktop.core import models as m
from jipp_desktop.core.errors import JippError
from jipp_desktop.core.folder import ENV_DATABASE, SETTING_FILE

SQLITE = "sqlite"
POSTGRESQL = pg.NAME
USAGE_EXIT = 2
# Exit status of a command that does not apply to a PostgreSQL database (docs/cli.md).
NOT_ON_POSTGRESQL_EXIT = 11

_state = {"kind": SQLITE}
# The command line's --database for this process (None: not given).
_chosen: dict[str, str | None] = {"url": None}


class BadDatabaseUrl(JippError):
    exit_status = USAGE_EXIT

    def __init__(self, url: str, where: str) -> None:
        super().__init__()
        self.message_id = (
            f"Alamat basis data dari {where} tidak dikenal: {pg.redact(url)}. Tulis "
            "postgresql://PENGGUNA@HOST:PORT/NAMA_BASIS_DATA (tanpa kata sandi)."
        )
        self.message_en = (
            f"Unknown database address from {where}: {pg.redact(url)}. Write "
            "postgresql://USER@HOST:PORT/DATABASE_NAME (without a password)."
        )


def choose(url: str | None) -> None:
    """What ``--database`` said for this process (None: the environment or folder decide)."""
    _chosen["url"] = url


def resolve_url(explicit: str | None, data_dir: Path) -> str | None:
    """The PostgreSQL URL this workstation uses, or None for the folder's SQLite file."""
    for url, where in (
        (explicit or _chosen["url"], "--database"),
        (os.environ.get(ENV_DATABASE), ENV_DATABASE),
        (_setting_file_url(data_dir), str(data_dir / SETTING_FILE)),
    ):
        if url:
            if not pg.is_url(url):
                raise BadDatabaseUrl(url, where)
            return url
    return None


def saved_setting(data_dir: Path) -> str | None:
    """The URL in the data folder's database.url (None when there is none)."""
    return _setting_file_url(data_dir)


def _setting_file_url(data_dir: Path) -> str | None:
    try:
        text = (data_dir / SETTING_FILE).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    lines = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return lines[0] if lines else None


# What the server does instead of the app, per command kind: (Indonesian, English).
SERVER_JOBS = {
    "backup": (
        "cadangannya dibuat di server dengan pg_dump",
        "it is backed up on the server with pg_dump",
    ),
    "restore": (
        "cadangannya dipulihkan di server dengan pg_restore",
        "its backups are restored on the server with pg_restore",
    ),
    "encrypt": (
        "enkripsinya diatur di server (enkripsi disk server, koneksi TLS dengan sslmode)",
        "its encryption is the server's (the server's disk encryption, TLS with sslmode)",
    ),
}


class ServerManaged(JippError):
    """A data-folder command (backups, encryption) on a workstation whose data live on
    the ministry's PostgreSQL server, which has its own tools for that."""

    exit_status = NOT_ON_POSTGRESQL_EXIT

    def __init__(self, url: str, job: str) -> None:
        super().__init__()
        shown = pg.redact(url)
        job_id, job_en = SERVER_JOBS[job]
        self.message_id = (
            f"Basis data ini ada di server PostgreSQL ({shown}): {job_id} (lihat "
            "docs/ministry.md), bukan oleh aplikasi ini. Tidak ada yang diubah."
        )
        self.message_en = (
            f"This database lives on a PostgreSQL server ({shown}): {job_en} (see "
            "docs/ministry.md), not by this app. Nothing was changed."
        )


def refuse_on_postgresql(data_dir: Path, job: str) -> None:
    """Raise ServerManaged when this workstation uses PostgreSQL (``job``: SERVER_JOBS)."""
    url = resolve_url(None, data_dir)
    if url is not None:
        raise ServerManaged(url, job)


def save_setting(data_dir: Path, url: str | None) -> None:
    """Remember (or with None forget) this workstation's database in its data folder."""
    path = data_dir / SETTING_FILE
    if url is None:
        path.unlink(missing_ok=True)
        return
    check_url(url, "settings")
    path.write_text(url + "\n", encoding="utf-8")


def check_url(url: str, where: str) -> None:
    """Raise BadDatabaseUrl unless ``url`` is a PostgreSQL URL without a password."""
    if not pg.is_url(url) or pg.redact(url) != url:
        raise BadDatabaseUrl(url, where)


def use(kind: str, database: Any) -> None:
    """Bind the models to ``database`` (a peewee database of engine ``kind``)."""
    _state["kind"] = kind
    m.database.initialize(database)


def kind() -> str:
    return _state["kind"]


def is_postgresql() -> bool:
    return _state["kind"] == POSTGRESQL


@lru_cache(maxsize=512)
def _to_format_style(query: str) -> str:
    """``?`` placeholders as psycopg's ``%s`` (and a literal ``%`` as ``%%``), leaving
    question marks inside quoted strings and identifiers alone."""
    out: list[str] = []
    quote: str | None = None
    for char in query:
        if char == "%":
            out.append("%%")
            continue
        if quote is None and char == "?":
            out.append("%s")
            continue
        if quote is None and char in "'\"":
            quote = char
        elif char == quote:
            quote = None
        out.append(char)
    return "".join(out)


def translate(query: str) -> str:
    """``query`` (written with ``?`` placeholders) for the engine in use."""
    return _to_format_style(query) if is_postgresql() else query


def sql(query: str, params: Sequence[Any] = ()) -> Any:
    """Run one statement on the workspace's connection; returns the DB-API cursor."""
    return m.database.execute_sql(translate(query), tuple(params))


def batches(query: str, size: int) -> Iterator[list[tuple[Any, ...]]]:
    """The rows of ``query`` (no parameters) in lists of at most ``size``, read as they
    arrive.  psycopg's ordinary cursor would first hold the whole result in memory (over
    a gigabyte for a national table), and the server would finish its scan before the
    first row is used; a stream keeps both at work together.  Consume it to the end (or
    close it) before the next statement on the connection."""
    if is_postgresql():
        with m.database.cursor() as cursor:
            rows = cursor.stream(query, size=size)
            while batch := list(islice(rows, size)):
                yield batch
        return
    cursor = m.database.execute_sql(query)
    while batch := cursor.fetchmany(size):
        yield batch


def executemany(query: str, rows: Sequence[Sequence[Any]]) -> None:
    """One statement for many rows, bound natively (no SQL compiled per row)."""
    if is_postgresql():
        with m.database.cursor() as cursor:
            cursor.executemany(translate(query), rows)
    else:
        m.database.connection().executemany(query, rows)


def param() -> str:
    """The placeholder of the engine in use, for SQL fragments given to peewee."""
    return "%s" if is_postgresql() else "?"


def leading(column: Any, length: int) -> Any:
    """The first ``length`` characters of ``column`` (a date's year or month, a regency's
    province) as a peewee expression with literal bounds: PostgreSQL matches a GROUP BY
    expression to its SELECT only when they are the same text, not two bound parameters."""
    return peewee.fn.SUBSTR(column, peewee.SQL("1"), peewee.SQL(str(int(length))))


def newest_row() -> str:
    """SQL for a table's newest physical row: SQLite's ``max(rowid)``.  PostgreSQL has no
    rowid; its change marker is transactional and cannot be swapped under a running app
    with a backup file, so a constant does there."""
    return "0" if is_postgresql() else "max(rowid)"


def json_members(json_text: str) -> str:
    """A FROM item over the members of the JSON object in the text expression
    ``json_text``, with columns ``key`` and ``value`` (text) on both engines."""
    if is_postgresql():
        return f"jsonb_each_text(({json_text})::jsonb)"
    return f"json_each({json_text})"


def row_order() -> str:
    """SQL ordering a table's rows as they were stored: SQLite's rowid, PostgreSQL's
    physical position (for lists that keep the order of their source file)."""
    return "ctid" if is_postgresql() else "rowid"
