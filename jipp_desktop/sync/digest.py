"""An order-independent fingerprint of all synced data, short enough to read aloud.

Two laptops that hold the same records, deletions and conflicts show the same code
whatever order their packages arrived in: rows are dumped in a canonical form
(sorted by table and id, local columns such as ``seq`` and ``updated_at`` left out)
and hashed.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from typing import Any

from jipp_desktop.sync import db
from jipp_desktop.sync.schema import TABLE_ORDER, is_flag, synced_fields

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
    """One JSON line per synced row and per conflict, in a fixed order."""
    for table in TABLE_ORDER:
        fields = synced_fields(table)
        columns = ", ".join(("id", "hlc", "cl", "stamps", *fields))
        cursor = db.sql(f"SELECT {columns} FROM {table} ORDER BY id")
        flags = [is_flag(table, f) for f in fields]
        for row in cursor:
            values: list[Any] = [
                bool(v) if flag else v for v, flag in zip(row[4:], flags, strict=True)
            ]
            stamps = json.loads(row[3])
            yield json.dumps(
                [table, row[0], row[1], row[2], stamps, values],
                ensure_ascii=False,
                sort_keys=True,
                separators=(",", ":"),
            )
    cursor = db.sql(f"SELECT {', '.join(_CONFLICT_COLUMNS)} FROM sync_conflict ORDER BY id")
    for row in cursor:
        yield json.dumps(["conflict", *row], ensure_ascii=False, separators=(",", ":"))


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
