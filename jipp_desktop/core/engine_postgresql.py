"""PostgreSQL: the ministry's national database (docs/architecture.md, "Engines").

Everything here is PostgreSQL-only SQL: the connection, the schema version table (there
is no PRAGMA user_version), the migrations under db/migrations/postgresql and the
full-text search fragments (the GIN indexes and functions of 0008_baseline.sql).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import peewee

from jipp_desktop.core.errors import JippError, SchemaTooNew
from jipp_desktop.paths import migrations_dir

NAME = "postgresql"
URL_SCHEMES = ("postgresql://", "postgres://")
# Exit status of a command whose database server cannot be reached (docs/cli.md).
UNREACHABLE_EXIT = 10
_MIGRATION = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")
# Serialises migrations of one database when several workstations start at once.
_MIGRATION_LOCK = 0x4A495050  # "JIPP"


class DatabaseUnreachable(JippError):
    exit_status = UNREACHABLE_EXIT

    def __init__(self, url: str, reason: str) -> None:
        super().__init__()
        shown = redact(url)
        self.message_id = (
            f"Basis data {shown} tidak dapat dihubungi: {reason}. Periksa alamat, jaringan, "
            "nama pengguna dan kata sandi (PGPASSWORD atau ~/.pgpass)."
        )
        self.message_en = (
            f"Cannot reach the database {shown}: {reason}. Check the address, the network, "
            "the user name and the password (PGPASSWORD or ~/.pgpass)."
        )


class SchemaNeedsOwner(JippError):
    """The workstation's role may not create or upgrade the schema (docs/ministry.md: the
    staff role has no DDL rights; the owner role runs one command after each upgrade)."""

    exit_status = UNREACHABLE_EXIT

    def __init__(self, versions: list[int], reason: str) -> None:
        super().__init__()
        target = versions[-1]
        self.message_id = (
            f"Skema basis data kementerian belum pada versi {target} yang dibutuhkan aplikasi "
            f"ini, dan peran basis data yang dipakai tidak berhak membuat atau "
            f"meningkatkannya ({reason}). Minta pengelola basis data menjalankan satu "
            "perintah sebagai peran pemilik skema (docs/ministry.md), lalu coba lagi. "
            "Tidak ada yang diubah."
        )
        self.message_en = (
            f"The ministry database's schema is not yet at version {target}, which this app "
            f"needs, and the database role in use may not create or upgrade it ({reason}). "
            "Ask the database administrator to run one command as the schema's owner role "
            "(docs/ministry.md), then try again. Nothing was changed."
        )


def redact(url: str) -> str:
    """``url`` without a password, for messages and logs."""
    return re.sub(r"(://[^:/@]+):[^@/]*@", r"\1:***@", url)


def is_url(text: str) -> bool:
    return text.startswith(URL_SCHEMES)


def driver() -> Any:
    """psycopg, imported on first use and handed to peewee.

    Importing psycopg costs about as much as the rest of the core (asyncio, its C
    binding, ~1,000 error classes), and a laptop on SQLite never needs it, so
    ``jipp_desktop.core`` imports peewee with psycopg hidden; this gives peewee what its
    own import would have found."""
    import psycopg
    from psycopg.pq import TransactionStatus
    from psycopg.types.json import Json, Jsonb

    if getattr(peewee, "psycopg", None) is None:
        vars(peewee).update(
            psycopg=psycopg, TransactionStatus=TransactionStatus, Json_pg3=Json, Jsonb_pg3=Jsonb
        )
        adapter: Any = peewee.Psycopg3Adapter
        adapter.txn_idle = TransactionStatus.IDLE
        adapter.txn_inerror = TransactionStatus.INERROR
        adapter.txn_unknown = TransactionStatus.UNKNOWN
    return psycopg


def _flags_as_integers(conn: Any) -> None:
    """Flags are 0/1 integers on both engines (SQLite has no boolean type), so Python's
    True and False are sent as integers and the same SQL compares them on both."""
    from psycopg.types.numeric import Int8BinaryDumper, Int8Dumper

    conn.adapters.register_dumper(bool, Int8Dumper)
    conn.adapters.register_dumper(bool, Int8BinaryDumper)


# A workstation that dies inside a transaction (power cut, cable pulled, frozen app) holds
# its locks, among them the shared clock row every save needs, until the server notices:
# with the system's TCP defaults about two hours.  Each session asks the server to probe a
# silent client after a minute (gone after about two) and to end a transaction left idle
# for five minutes; the app never waits for an officer inside a transaction.
SESSION_SETTINGS = {
    "idle_in_transaction_session_timeout": "5min",
    "tcp_keepalives_idle": "60",
    "tcp_keepalives_interval": "10",
    "tcp_keepalives_count": "6",
}


class Database(peewee.PostgresqlDatabase):
    """peewee's PostgreSQL database over psycopg 3, with flags sent as integers."""

    def __init__(self, url: str, *, read_only: bool = False, **kwargs: Any) -> None:
        driver()
        self.read_only = read_only
        settings = dict(SESSION_SETTINGS)
        if read_only:
            settings["default_transaction_read_only"] = "on"
        kwargs["options"] = " ".join(f"-c {name}={value}" for name, value in settings.items())
        super().__init__(url, prefer_psycopg3=True, **kwargs)

    def side_connection(self) -> Any:
        """A second psycopg connection (autocommit) with this one's parameters, for a
        short write that must not join, nor wait for, the open transaction."""
        params = {"conninfo": self.database, **self.connect_params}
        conn = driver().connect(autocommit=True, **params)
        _flags_as_integers(conn)
        return conn

    def _connect(self) -> Any:
        try:
            conn = super()._connect()  # type: ignore[misc]
        except driver().OperationalError as exc:
            raise DatabaseUnreachable(self.database, _first_line(exc)) from exc
        _flags_as_integers(conn)
        return conn

    def execute_sql(self, sql: Any, params: Any = None) -> Any:
        """A read outside any transaction survives a lost connection (a server restart,
        an idle connection cut by the network): it reconnects once and runs again.  In a
        transaction the error stands: the transaction is gone, and the caller's rollback
        path tells the officer (faults.translate names the server)."""
        try:
            return super().execute_sql(sql, params)  # type: ignore[no-untyped-call]
        except peewee.OperationalError:
            conn = None if self.is_closed() else self._state.conn  # type: ignore[attr-defined]
            if self.in_transaction() or conn is None or not conn.closed:
                raise
            self.close()
            self.connect()
            return super().execute_sql(sql, params)  # type: ignore[no-untyped-call]


def lost_connection(exc: BaseException, url: str) -> DatabaseUnreachable | None:
    """The named fault for a psycopg error that means the server went away, else None."""
    if "psycopg" not in sys.modules:
        return None  # no psycopg error without psycopg (and no import for SQLite's)
    psycopg = driver()
    if isinstance(exc, psycopg.OperationalError) and not isinstance(
        exc, psycopg.errors.QueryCanceled
    ):
        return DatabaseUnreachable(url, _first_line(exc))
    return None


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or ["?"])[0]


def connect(url: str) -> Any:
    """A plain psycopg connection (autocommit) for preparing the database."""
    psycopg = driver()
    try:
        conn = psycopg.connect(url, autocommit=True)
    except psycopg.OperationalError as exc:
        raise DatabaseUnreachable(url, _first_line(exc)) from exc
    _flags_as_integers(conn)
    return conn


# -- migrations -------------------------------------------------------------------------


@dataclass(frozen=True)
class Migration:
    version: int
    path: Path

    @property
    def sql(self) -> str:
        return self.path.read_text(encoding="utf-8")


def available() -> list[Migration]:
    """db/migrations/postgresql: a baseline at some version, then one file per version."""
    found = []
    for path in sorted((migrations_dir() / NAME).iterdir()):
        match = _MIGRATION.match(path.name)
        if match:
            found.append(Migration(int(match.group(1)), path))
    versions = [mig.version for mig in found]
    if not versions or versions != list(range(versions[0], versions[0] + len(versions))):
        raise RuntimeError(f"PostgreSQL migrations must be numbered without gaps: {versions}")
    return found


def current_version(conn: Any) -> int:
    if conn.execute("SELECT to_regclass('schema_version')").fetchone()[0] is None:
        return 0
    return int(conn.execute("SELECT version FROM schema_version").fetchone()[0])


def pending(conn: Any) -> list[Migration]:
    found = available()
    latest = found[-1].version
    version = current_version(conn)
    if version > latest:
        raise SchemaTooNew(version, latest)
    if version == 0:
        # A new database starts at the baseline (the first file), then every later one.
        return found
    return [mig for mig in found if mig.version > version]


def migrate(conn: Any) -> list[int]:
    """Apply pending migrations in one transaction; returns the versions applied.

    An advisory lock makes a second workstation starting at the same moment wait, then
    find nothing left to do.
    """
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
        todo = pending(conn)
        if not todo:
            return []
        try:
            for mig in todo:
                conn.execute(mig.sql)  # no parameters: several statements, '%' as it is
        except driver().errors.InsufficientPrivilege as exc:
            raise SchemaNeedsOwner([mig.version for mig in todo], str(exc).splitlines()[0]) from exc
        conn.execute("CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL)")
        conn.execute("DELETE FROM schema_version")
        conn.execute("INSERT INTO schema_version (version) VALUES (%s)", (todo[-1].version,))
    return [mig.version for mig in todo]


# -- full-text search (0008_baseline.sql, 0010_national_scale.sql) -------------------------


def search_match(alias: str) -> str:
    """SQL true for rows (of a table as ``alias``) matching the one search parameter; the
    stored ``search_vector`` is what the table's GIN index holds."""
    return f"{alias}.search_vector @@ jipp_prefix_query(%s)"


def search_rank(alias: str) -> str:
    """Relevance, higher first; divided by the log of the text's length (normalisation 1)
    so that, as with FTS5's bm25, a short title that matches ranks above a long text."""
    return f"ts_rank({alias}.search_vector, jipp_prefix_query(%s), 1)"


# How many of the newest rows search as you type tests one by one before asking the GIN
# index instead (newest_matches).
RECENT_ROWS = 5000


def newest_matches(
    table: str, select_sql: str, params: list[Any], limit: int
) -> tuple[str, list[Any]]:
    """The ``limit`` newest rows of ``select_sql`` (a ``SELECT ... FROM table AS "t1" WHERE
    ...`` with no ORDER BY or LIMIT, selecting ``seq``), newest first, in a time that does
    not depend on how many rows match.

    Ordered by ``seq`` alone, PostgreSQL walks the table newest first and tests every row
    until ``limit`` match: quick when many do, a walk of the whole table when few or none
    do, and it cannot tell which from a prefix query's statistics.  So the walk is bounded
    to the newest RECENT_ROWS rows; only when fewer than ``limit`` of them match (then the
    matches are rare) are the older rows read through the GIN index, as a set, and sorted.
    """
    head = f'FROM "{table}" AS "t1" WHERE '
    if head not in select_sql:
        raise ValueError(f"not a filtered select from {table}: {select_sql}")
    floor = f'(SELECT coalesce(max(seq), 0) - {RECENT_ROWS} FROM "{table}")'
    # OFFSET 0 keeps the filter outside the ordered scan: the scan cannot become a bitmap.
    newest = f'(SELECT * FROM "{table}" WHERE seq > {floor} ORDER BY seq DESC OFFSET 0)'
    recent = select_sql.replace(head, f'FROM {newest} AS "t1" WHERE ', 1)
    # The WHERE clause runs to the end of select_sql.  seq + 0 below is not the indexed
    # column, so the older rows cannot be walked in index order either.
    older = select_sql.replace(head, f'{head}"t1".seq <= {floor} AND (', 1) + ")"
    sql = (
        f'WITH recent AS MATERIALIZED ({recent} ORDER BY "t1".seq DESC LIMIT {limit}) '
        f"SELECT * FROM recent UNION ALL SELECT * FROM ({older} "
        f'ORDER BY "t1".seq + 0 DESC LIMIT {limit}) AS older '
        f"WHERE (SELECT count(*) FROM recent) < {limit} ORDER BY seq DESC LIMIT {limit}"
    )
    return sql, [*params, *params]
