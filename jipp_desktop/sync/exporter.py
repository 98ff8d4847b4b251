"""Write this laptop's changes into a package: everything, or only what a peer lacks.

A change line carries a row's id and creation stamp, then per field
``[value]`` (unchanged since creation), ``[value, stamp]`` or
``[value, stamp, vector]`` (when the value has seen more than its own change),
and the causal length the same way.  A row new to the peer goes whole; a row the
peer has goes with only the fields it lacks.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jipp_desktop.core import concurrency, faults, storage
from jipp_desktop.core import models as m
from jipp_desktop.core import passphrase as passphrase_rules
from jipp_desktop.core.clockfix import ClockRepair
from jipp_desktop.core.workspace import Workspace
from jipp_desktop.sync import (
    db,
    extensions,
    identity,
    locks,
    package,
    revocation,
    state,
    status,
    vectors,
)
from jipp_desktop.sync.errors import ExportCancelled, SyncError, UnknownProvince
from jipp_desktop.sync.merge import Vector, history, implicit_vector, origin
from jipp_desktop.sync.schema import TABLE_ORDER, is_flag, synced_fields
from jipp_desktop.sync.scope import province_ids

Progress = Callable[[int, int], bool]
_BATCH = 500
ALL = "all"


@dataclass
class ExportResult:
    path: Path
    seq: int
    stream: str
    rows: int
    conflicts: int
    attachments: int
    full: bool
    sha256s: set[str] = field(default_factory=set)
    clock_repair: ClockRepair | None = None  # what the check before writing found


def _needed(stamp: str, base: Vector | None) -> bool:
    return base is None or stamp > base.get(origin(stamp), "")


def _vectors_for(table: str, ids: list[str] | None) -> dict[str, dict[str, tuple[str, Vector]]]:
    """Stored field vectors of rows (all rows of ``table`` when ``ids`` is None)."""
    out: dict[str, dict[str, tuple[str, Vector]]] = {}
    sql = "SELECT row_id, field, stamp, vv FROM sync_field WHERE tbl = ?"
    batches: Iterable[list[str] | None] = (
        [None] if ids is None else (ids[i : i + _BATCH] for i in range(0, len(ids), _BATCH))
    )
    for part in batches:
        params: tuple[Any, ...] = (table,)
        query = sql
        if part is not None:
            query += f" AND row_id IN ({', '.join('?' * len(part))})"
            params += tuple(part)
        for row_id, name, stamp, vv in db.sql(query, params):
            out.setdefault(row_id, {})[name] = (stamp, json.loads(vv))
    return out


def _cell(value: Any, stamp: str, hlc: str, vector: Vector | None) -> list[Any]:
    """The shortest cell for a value, its stamp and its history (docs/sync-format.md)."""
    implicit = vector is None or vector == implicit_vector(stamp)
    if stamp == hlc and implicit:
        return [value]
    if implicit:
        return [value, stamp]
    return [value, stamp, vector]


def _line(
    table: str,
    row: tuple[Any, ...],
    fields: tuple[str, ...],
    flags: list[bool],
    vectors: dict[str, tuple[str, Vector]],
    base: Vector | None,
) -> dict[str, Any] | None:
    rid, hlc, stamps_text, cl, created_at = row[:5]
    stamps: dict[str, str] = json.loads(stamps_text)
    whole = _needed(hlc, base)
    cells: dict[str, list[Any]] = {}
    for name, value, flag in zip(fields, row[5:], flags, strict=True):
        stamp = stamps.get(name, hlc)
        if whole or _needed(stamp, base):
            cells[name] = _cell(
                bool(value) if flag else value, stamp, hlc, history(stamp, vectors.get(name))
            )
    cl_stamp = stamps.get("_cl")
    line: dict[str, Any] = {"t": table, "id": rid, "hlc": hlc}
    if whole:
        line["ca"] = created_at
    if whole or (cl_stamp is not None and _needed(cl_stamp, base)):
        known = vectors.get("_cl")
        line["cl"] = (
            [cl]
            if cl_stamp is None
            else [cl, cl_stamp, known[1] if known else implicit_vector(cl_stamp)]
        )
    if not cells and "cl" not in line:
        return None
    line["f"] = cells
    return line


def origins(own_device: str) -> list[str]:
    """Devices whose rows this database may hold: every origin imported, and ourselves."""
    found = {str(o) for (o,) in db.sql("SELECT origin FROM sync_origin")}
    return sorted(found | {own_device})


def _candidate_ids(table: str, base: Vector, devices: list[str]) -> list[str]:
    """Rows with a creation or field change the peer may lack: range reads on indexes only."""
    ids: set[str] = set()
    for dev in devices:
        ids.update(
            r
            for (r,) in db.sql(
                f"SELECT id FROM {table} WHERE substr(hlc, 18) = ? AND hlc > ?",
                (dev, base.get(dev, "")),
            )
        )
    origins = [
        o for (o,) in db.sql("SELECT DISTINCT origin FROM sync_field WHERE tbl = ?", (table,))
    ]
    for dev in origins:
        ids.update(
            r
            for (r,) in db.sql(
                "SELECT row_id FROM sync_field WHERE tbl = ? AND origin = ? AND stamp > ?",
                (table, dev, base.get(dev, "")),
            )
        )
    return sorted(ids)


def change_lines(
    base: Vector | None,
    scope: dict[str, set[str]] | None,
    shas: set[str],
    counter: list[int],
    own_device: str,
) -> Iterator[bytes]:
    """The change lines of every table in dependency order; collects attachment hashes."""
    devices = origins(own_device) if base is not None else []
    for table in TABLE_ORDER:
        fields = synced_fields(table)
        flags = [is_flag(table, f) for f in fields]
        columns = ", ".join(("id", "hlc", "stamps", "cl", "created_at", *fields))
        if base is None:
            ids: list[str] | None = None
            rows: Iterable[tuple[Any, ...]] = db.sql(f"SELECT {columns} FROM {table} ORDER BY seq")
        else:
            ids = _candidate_ids(table, base, devices)
            rows = _rows_by_id(table, columns, ids)
        if scope is not None:
            rows = (r for r in rows if r[0] in scope[table])
        vectors = _vectors_for(table, ids)
        chunk: list[str] = []
        for row in rows:
            line = _line(table, row, fields, flags, vectors.get(row[0], {}), base)
            if line is None:
                continue
            if table == "attachment" and "sha256" in line["f"] and row[3] % 2 == 1:
                shas.add(line["f"]["sha256"][0])
            counter[0] += 1
            chunk.append(json.dumps(line, ensure_ascii=False, separators=(",", ":")))
            if len(chunk) >= _BATCH:
                yield ("\n".join(chunk) + "\n").encode("utf-8")
                chunk = []
        if chunk:
            yield ("\n".join(chunk) + "\n").encode("utf-8")


def _rows_by_id(table: str, columns: str, ids: list[str]) -> Iterator[tuple[Any, ...]]:
    for start in range(0, len(ids), _BATCH):
        part = ids[start : start + _BATCH]
        yield from db.sql(
            f"SELECT {columns} FROM {table} WHERE id IN ({', '.join('?' * len(part))})", tuple(part)
        )


def conflict_lines(
    base: Vector | None, scope: dict[str, set[str]] | None, counter: list[int]
) -> Iterator[bytes]:
    """Conflicts newer than ``base``; with a province scope only those of rows it holds (a
    receiver refuses a conflict about a row it has nowhere)."""
    cursor = db.sql(
        "SELECT id, tbl, row_id, field, loser_value, loser_stamp, winner_stamp, resolution, "
        "resolved_stamp, stamp, loser_vv FROM sync_conflict ORDER BY id"
    )
    for cid, tbl, row_id, name, loser, loser_stamp, winner, res, res_stamp, stamp, vv in cursor:
        if not _needed(stamp, base) or (scope is not None and row_id not in scope[tbl]):
            continue
        counter[0] += 1
        line = {
            "id": cid,
            "t": tbl,
            "row": row_id,
            "field": name,
            "loser": [
                json.loads(loser) if loser is not None else None,
                loser_stamp,
                *([json.loads(vv)] if vv else []),
            ],
            "winner": winner,
            "res": None if res is None else [res, res_stamp],
            "s": stamp,
        }
        yield (json.dumps(line, ensure_ascii=False, separators=(",", ":")) + "\n").encode()


def next_seq(stream: str) -> int:
    return int(state.get(f"seq:{stream}") or "0") + 1


@dataclass(frozen=True)
class _Request:
    """What an export was asked for (see ``export``)."""

    for_device: str | None
    full: bool
    province: str | None
    passphrase: str | None
    progress: Progress | None
    readers_hold: Vector | None

    @property
    def stream(self) -> str:
        return self.for_device if self.for_device else ALL


def export(
    ws: Workspace,
    target: Path,
    *,
    for_device: str | None = None,
    full: bool = False,
    province: str | None = None,
    passphrase: str | None = None,
    progress: Progress | None = None,
    readers_hold: Vector | None = None,
) -> ExportResult:
    """Write a package to ``target``: incremental for ``for_device`` unless ``full``.

    ``readers_hold`` (for a package anyone may import, e.g. in a shared folder) is what
    every expected reader holds: the package leaves that out, like a package for one device.
    """
    if province is not None and province not in ws.regions.provinces:
        raise UnknownProvince(province)
    if passphrase is not None:
        passphrase_rules.check(passphrase)
    # A package compresses to well under the database's size; check before writing
    # (a PostgreSQL database's size is the server's: the writing itself reports a full disk).
    if not ws.on_postgresql:
        storage.require_space(target.parent, ws.db_path.stat().st_size // 2)
    request = _Request(for_device, full, province, passphrase, progress, readers_hold)
    # One export at a time per database: each takes the stream's next sequence number.
    with locks.exclusive(locks.SYNC, work="export", author=ws.author()):
        return _export(ws, target, request)


def _export(ws: Workspace, target: Path, request: _Request) -> ExportResult:
    # Both may write, so before the snapshot: stamps far ahead of real time would make
    # every peer refuse the package, and the first export makes the peer's key.
    clock_repair = ws.recover_clock()
    key = identity.load_or_create(ws.data_dir)
    seq = next_seq(request.stream)  # the sync lock keeps it ours until it is saved below
    # One moment of the database for everything the package says and carries: on the
    # ministry's PostgreSQL database other workstations keep saving meanwhile.
    with concurrency.read_snapshot():
        result = _write(ws, target, key, seq, request)
    result.clock_repair = clock_repair
    with m.database.atomic():
        state.put(f"seq:{request.stream}", str(seq))
        status.mark_exchange()
    return result


def newest_own_stamp(ws: Workspace) -> str:
    """The newest stamp of this peer that the data read (in a snapshot) may hold.

    A laptop's own clock.  On PostgreSQL every workstation stamps as the same peer and
    saves the newest stamp issued with the changes (core/concurrency.py), so the stored
    value in the snapshot bounds what the snapshot holds, and every stamp committed after
    it is newer: claiming this workstation's clock instead would claim too little when
    another workstation saved since, or stamps not in the snapshot when this one's clock
    ran past what was committed."""
    if ws.on_postgresql:
        return ws.settings.get(concurrency.CLOCK_KEY)
    return str(ws.clock.last)


def _write(
    ws: Workspace, target: Path, key: identity.DeviceKey, seq: int, request: _Request
) -> ExportResult:
    """The package itself, read from the caller's snapshot."""
    for_device, province, progress = request.for_device, request.province, request.progress
    base: Vector | None = None
    if for_device and not request.full:
        known = vectors.load(for_device)
        base = known if known else None
    elif request.readers_hold and not request.full and not for_device:
        base = dict(request.readers_hold)
    scope = province_ids(province) if province else None
    manifest = {
        **package.base_manifest(key, ws.device_id, ws.device_name),
        "package_id": str(uuid.uuid4()),
        "created_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "seq": seq,
        "stream": request.stream,
        "scope": {"full": base is None and scope is None, "province": province, "for": for_device},
        "base": base or {},
        "carries": vectors.own(ws.device_id, newest_own_stamp(ws)),
    }
    revoked = revocation.for_export()
    if revoked:  # optional: readers before this field ignore it
        manifest["revocations"] = revoked
    added = extensions.for_export()
    if added:  # optional too: only a laptop that knows a category beyond the shipped lists
        manifest[extensions.FIELD] = added
    shas: set[str] = set()
    rows, conflicts = [0], [0]

    def changes() -> Iterator[bytes]:
        for done, chunk in enumerate(change_lines(base, scope, shas, rows, ws.device_id), start=1):
            if progress is not None and not progress(done, 0):
                raise ExportCancelled()
            yield chunk

    def members() -> Iterator[tuple[str, Iterable[bytes]]]:
        yield package.CHANGES, changes()
        yield package.CONFLICTS, conflict_lines(base, scope, conflicts)
        for sha in sorted(shas):
            if ws.attachments.has_blob(sha):
                # Plain in the package (an encrypted folder's files are unsealed here).
                blob = ws.attachments.blob_path(sha)
                yield package.ATTACHMENT_DIR + sha, ws.attachments.chunks(blob)

    try:
        package.write(
            target,
            manifest,
            members(),
            key,
            request.passphrase,
            late={
                "counts": lambda: {
                    "changes": rows[0],
                    "conflicts": conflicts[0],
                    "attachments": len(shas),
                }
            },
        )
    except OSError as exc:
        named = faults.translate(exc, target.parent)
        if named is not None:
            raise named from exc
        raise SyncError(
            f"Paket tidak dapat ditulis ke {target}: {exc.strerror}.",
            f"Cannot write the package to {target}: {exc.strerror}.",
        ) from None
    return ExportResult(
        target, seq, request.stream, rows[0], conflicts[0], len(shas), base is None, shas
    )
