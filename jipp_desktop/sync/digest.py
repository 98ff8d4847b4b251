"""An order-independent fingerprint of all synced data, short enough to read aloud.

Two laptops that hold the same records, deletions and conflicts show the same code
whatever order their packages arrived in, and then also list child rows and attachments
in the same order (that order, core/models.synced_order, is computed from sort_order,
hlc and id, all dumped here): rows are dumped in a canonical form
(sorted by table and id, local columns such as ``seq`` and ``updated_at`` left out)
and hashed.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from jipp_desktop.core import concurrency, engine
from jipp_desktop.core import engine_postgresql as pg
from jipp_desktop.core import models as m
from jipp_desktop.sync import db
from jipp_desktop.sync.schema import TABLE_ORDER, synced_fields

_CONFLICT_COLUMNS = (
    "id",
    "tbl",
    "row_id",
    "field",
    "loser_value",
    "loser_stamp",
    "winner_stamp",
    "resolution",
    "resolved_stamp",
)


# Rows are read and hashed this many at a time: few enough to keep memory flat on a
# national database, enough that the per-batch costs (a list, a join, one hash update)
# vanish.
BATCH_ROWS = 1000


def _queries() -> Iterator[tuple[str, str]]:
    """(line label, SELECT) for each part of the digest, in the digest's order."""
    for table in TABLE_ORDER:
        columns = ", ".join(("id", "hlc", "cl", "stamps", *synced_fields(table)))
        yield table, f"SELECT {columns} FROM {table} ORDER BY id"
    yield "conflict", f"SELECT {', '.join(_CONFLICT_COLUMNS)} FROM sync_conflict ORDER BY id"


def canonical_lines() -> Iterator[str]:
    """One line per synced row and per conflict, in a fixed order.

    The raw column values are written with ``repr``: every laptop stores the same values
    with the same types (flags as 0/1, ``stamps`` as sorted JSON), and ``repr`` is several
    times faster than JSON on a national dataset.
    """
    for label, query in _queries():
        for batch in engine.batches(query, BATCH_ROWS):
            for row in batch:
                yield f"{label}\t{row!r}"


def full_digest() -> str:
    """SHA-256 of every canonical line, each followed by a newline.

    The bytes hashed are exactly those of ``canonical_lines()`` (the digest is a contract
    between laptops and the ministry); they are only put together a batch of rows at a
    time, with one join, one encode and one hash update per batch instead of per line.
    """
    digest = hashlib.sha256()
    with _one_read():
        for label, query in _queries():
            head = f"{label}\t"
            between = "\n" + head
            for batch in engine.batches(query, BATCH_ROWS):
                digest.update(f"{head}{between.join(map(repr, batch))}\n".encode())
    return digest.hexdigest()


@contextmanager
def _one_read() -> Iterator[None]:
    """PostgreSQL: every table read in one snapshot (outside a transaction: a REPEATABLE
    READ, READ ONLY one; inside one, the caller's) and without JIT compilation, which
    these plain scans gain nothing from: compiling the wide tables' plans took about a
    quarter of the server's time at ten national years.  SQLite: nothing to do."""
    if not engine.is_postgresql():
        yield
        return
    database: Any = m.database
    if database.transaction_depth() == 0:
        with concurrency.read_snapshot():
            db.sql("SET LOCAL jit = off")
            yield
        return
    previous = db.sql("SELECT current_setting('jit')").fetchone()[0]
    db.sql("SELECT set_config('jit', 'off', true)")
    yield
    db.sql("SELECT set_config('jit', ?, true)", (previous,))


def short_code(hex_digest: str) -> str:
    """16 hex digits in groups of four: easy to compare over the phone."""
    head = hex_digest[:16].upper()
    return "-".join(head[i : i + 4] for i in range(0, 16, 4))


def dataset_digest() -> str:
    """The short code of all synced data in the open workspace, e.g. ``1A2B-3C4D-5E6F-7A8B``."""
    return short_code(full_digest())


# -- the digest cache ----------------------------------------------------------------
# Computing the digest reads every synced row (about 10 s on a laptop's national data,
# far more on the ministry's ten years), and every report prints it.  The cache keeps
# the last code keyed by the change marker that triggers move on every write to the
# digested tables (db/migrations/0007_change_marker.sql), so any write by any path
# invalidates it.  The computation above stays as it is; this only remembers its result.
#
# A laptop keeps it in a small file of its data folder.  On PostgreSQL it is one row of
# the shared database's ``setting`` table, so the workstation that computes it first
# serves every other one until the next write.

CACHE_FILE = "digest-cache.txt"
SHARED_KEY = "digest_cache"
# How long storing the shared code may wait for another workstation storing it.
STORE_WAIT_MS = 2000


def change_marker() -> int:
    row = db.sql("SELECT counter FROM change_marker WHERE id = 1").fetchone()
    return int(row[0]) if row is not None else -1


def _format_tag() -> str:
    """The canonical form's queries: an upgrade that digests another column must not
    take a code computed without it."""
    text = "\n".join(query for _, query in _queries())
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _cache_key(marker: int) -> str:
    """The marker and the canonical form.  SQLite adds each table's row count and highest
    rowid: a database file restored from a backup may carry the marker value of another
    state, never also its sizes.  PostgreSQL's marker is transactional and the shared
    cache lives in the same database, restored with it, so the counts (a second on
    national data) would add nothing there."""
    parts = [_format_tag(), str(marker)]
    if not engine.is_postgresql():
        for table in (*TABLE_ORDER, "sync_conflict"):
            query = f"SELECT count(*), {engine.newest_row()} FROM {table}"
            count, top = db.sql(query).fetchone()
            parts.append(f"{count}.{top}")
    return hashlib.sha256("|".join(parts).encode("ascii")).hexdigest()[:32]


def cached_dataset_digest(folder: Path) -> str:
    """``dataset_digest()``, read from the cache while no write happened."""
    if engine.is_postgresql():
        return _shared_cached_digest()
    key = _cache_key(change_marker())
    cache = folder / CACHE_FILE
    try:
        stored = cache.read_text(encoding="ascii").split()
    except (OSError, UnicodeDecodeError):
        stored = []
    if len(stored) == 2 and stored[0] == key:
        return stored[1]
    code = dataset_digest()
    _store(cache, f"{key} {code}\n")
    return code


def _store(cache: Path, text: str) -> None:
    """Write the cache atomically; a folder that cannot be written only costs speed."""
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{cache.name}.", dir=cache.parent)
    except OSError:
        return
    try:
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(text)
        os.replace(temp, cache)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temp)


# -- the shared cache (PostgreSQL) ---------------------------------------------------
# A stored code must belong to the state its key names.  The key and every digested row
# are read in one snapshot (outside a transaction: a REPEATABLE READ one; inside the
# caller's: its own, checked afterwards), and only a state other workstations can see
# (committed) is stored: the store runs on a second connection, so a rolled-back
# transaction's code could otherwise outlive it.


def _shared_cached_digest() -> str:
    database: Any = m.database
    if database.transaction_depth() == 0:
        with concurrency.read_snapshot():
            marker, key, code, fresh = _shared_look_up()
        committed = True
    else:
        marker, key, code, fresh = _shared_look_up()
        committed = _seen_committed_state(key)
    if fresh and committed and not database.read_only:
        _store_shared(database, f"{marker} {key} {code}", marker)
    return code


def _shared_look_up() -> tuple[int, str, str, bool]:
    """(marker, key, code, computed now) for the state this transaction sees."""
    marker = change_marker()
    key = _cache_key(marker)
    row = db.sql("SELECT value FROM setting WHERE key = ?", (SHARED_KEY,)).fetchone()
    stored = str(row[0]).split() if row is not None else []
    if len(stored) == 3 and stored[1] == key:
        return marker, key, stored[2], False
    return marker, key, dataset_digest(), True


def _seen_committed_state(key: str) -> bool:
    """Inside the caller's transaction: whether what was just read is one committed
    state.  It wrote nothing itself (no transaction id assigned yet), and the marker has
    not moved since the key was read: under READ COMMITTED each statement sees the
    latest commits, and every commit that writes a digested table moves the marker."""
    own = db.sql("SELECT txid_current_if_assigned()").fetchone()[0]
    return own is None and _cache_key(change_marker()) == key


# A newer marker's code is not replaced by an older one (a slower workstation finishing
# late); anything unreadable in the row is replaced.
_UPSERT = (
    "INSERT INTO setting (key, value) VALUES (%s, %s) ON CONFLICT (key) DO UPDATE "
    "SET value = excluded.value WHERE CASE WHEN setting.value ~ '^[0-9]{1,18} ' "
    "THEN split_part(setting.value, ' ', 1)::bigint <= %s ELSE true END"
)


def _store_shared(database: Any, value: str, marker: int) -> None:
    """Store the code on a connection of its own (autocommit), so that it neither joins
    nor waits for the caller's transaction (a report's long read); a busy row or a
    refused write only costs speed: the next report computes again."""
    psycopg = pg.driver()
    try:
        with database.side_connection() as conn:
            conn.execute(f"SET lock_timeout = {int(STORE_WAIT_MS)}")
            conn.execute(_UPSERT, (SHARED_KEY, value, marker))
    except psycopg.Error:
        return
