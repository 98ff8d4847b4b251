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
from pathlib import Path

from jipp_desktop.core import engine
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


def canonical_lines() -> Iterator[str]:
    """One line per synced row and per conflict, in a fixed order.

    The raw column values are written with ``repr``: every laptop stores the same values
    with the same types (flags as 0/1, ``stamps`` as sorted JSON), and ``repr`` is several
    times faster than JSON on a national dataset.
    """
    for table in TABLE_ORDER:
        columns = ", ".join(("id", "hlc", "cl", "stamps", *synced_fields(table)))
        for row in db.sql(f"SELECT {columns} FROM {table} ORDER BY id"):
            yield f"{table}\t{row!r}"
    cursor = db.sql(f"SELECT {', '.join(_CONFLICT_COLUMNS)} FROM sync_conflict ORDER BY id")
    for row in cursor:
        yield f"conflict\t{row!r}"


def full_digest() -> str:
    digest = hashlib.sha256()
    for line in canonical_lines():
        digest.update(line.encode("utf-8"))
        digest.update(b"\n")
    return digest.hexdigest()


def short_code(hex_digest: str) -> str:
    """16 hex digits in groups of four: easy to compare over the phone."""
    head = hex_digest[:16].upper()
    return "-".join(head[i : i + 4] for i in range(0, 16, 4))


def dataset_digest() -> str:
    """The short code of all synced data in the open workspace, e.g. ``1A2B-3C4D-5E6F-7A8B``."""
    return short_code(full_digest())


# -- the digest cache ----------------------------------------------------------------
# Computing the digest reads every synced row (about 10 s on national data), and every
# report prints it.  The cache keeps the last code in a small file of the data folder,
# keyed by the change marker that triggers move on every write to the digested tables
# (db/migrations/0007_change_marker.sql), so any write by any path invalidates it.  The
# computation above stays as it is; this only remembers its result.

CACHE_FILE = "digest-cache.txt"


def change_marker() -> int:
    row = db.sql("SELECT counter FROM change_marker WHERE id = 1").fetchone()
    return int(row[0]) if row is not None else -1


def _cache_key() -> str:
    """The marker, with each table's row count and highest rowid: a database restored
    from a backup may carry the marker value of another state, never also its sizes."""
    parts = [str(change_marker())]
    for table in (*TABLE_ORDER, "sync_conflict"):
        count, top = db.sql(f"SELECT count(*), {engine.newest_row()} FROM {table}").fetchone()
        parts.append(f"{count}.{top}")
    return hashlib.sha256("|".join(parts).encode("ascii")).hexdigest()[:32]


def cached_dataset_digest(folder: Path) -> str:
    """``dataset_digest()``, read from the cache in ``folder`` while no write happened."""
    key = _cache_key()
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
