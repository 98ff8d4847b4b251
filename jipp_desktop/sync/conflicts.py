"""Values that lost to a concurrent change ("Perlu ditinjau"), kept until an officer decides.

A conflict is synced data: its id is derived from what lost (table, row, field,
stamp of the losing value), so two laptops that detect the same conflict store
one record; the officer's choice travels as a new change of the field plus the
conflict's resolution, last writer wins.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from jipp_desktop.core import models as m
from jipp_desktop.core.concurrency import shared_clock
from jipp_desktop.core.errors import FieldError, RecordNotFound, ValidationError
from jipp_desktop.core.registry import RECORD_TYPES, field_label
from jipp_desktop.core.services import audit_text, drop_own_conflicts, utc_now
from jipp_desktop.core.services import conflict_id as conflict_id  # the sync code's name
from jipp_desktop.core.workspace import Workspace
from jipp_desktop.sync import db
from jipp_desktop.sync.lines import ConflictChange
from jipp_desktop.sync.merge import Vector, dominated, history, implicit_vector
from jipp_desktop.sync.schema import TABLES, field_object, is_flag, record_type_of, synced_fields

LIFE = "_cl"
KEEP = ("current", "other")


@dataclass
class StoredConflict:
    loser_stamp: str  # fixed for a field; for a deletion, the newest edit it had not seen
    winner_stamp: str
    resolution: tuple[str, str] | None
    stamp: str


def load(ids: set[str]) -> dict[str, StoredConflict]:
    out: dict[str, StoredConflict] = {}
    chunk = sorted(ids)
    for start in range(0, len(chunk), 500):
        part = chunk[start : start + 500]
        cursor = db.sql(
            "SELECT id, loser_stamp, winner_stamp, resolution, resolved_stamp, stamp "
            f"FROM sync_conflict WHERE id IN ({', '.join('?' * len(part))})",
            tuple(part),
        )
        for cid, loser, winner, res, res_stamp, stamp in cursor:
            out[cid] = StoredConflict(
                loser, winner, None if res is None else (res, res_stamp), stamp
            )
    return out


def merged(old: StoredConflict | None, new: ConflictChange) -> StoredConflict:
    """The join of two versions of one conflict: newest winner, last resolution."""
    if old is None:
        return StoredConflict(new.loser_stamp, new.winner_stamp, new.resolution, new.stamp)
    resolution = old.resolution
    if new.resolution is not None and (resolution is None or new.resolution[1] > resolution[1]):
        resolution = new.resolution
    return StoredConflict(
        max(old.loser_stamp, new.loser_stamp),
        max(old.winner_stamp, new.winner_stamp),
        resolution,
        max(old.stamp, new.stamp),
    )


def restamp_needed(old: StoredConflict, new: ConflictChange, joined: StoredConflict) -> bool:
    """True when the join says more than the version whose stamp it keeps: a laptop that
    holds that version under that stamp would never be sent the join (packages carry what
    is newer than the receiver's stamps), so the join is a change of its own and needs a
    stamp newer than both."""
    if old.stamp >= new.stamp:
        newest = (old.loser_stamp, old.winner_stamp, old.resolution)
    else:
        newest = (new.loser_stamp, new.winner_stamp, new.resolution)
    return (joined.loser_stamp, joined.winner_stamp, joined.resolution) != newest


def write(change: ConflictChange, state: StoredConflict, exists: bool) -> None:
    resolution, res_stamp = state.resolution or (None, None)
    if exists:
        db.sql(
            "UPDATE sync_conflict SET loser_stamp = ?, winner_stamp = ?, resolution = ?, "
            "resolved_stamp = ?, stamp = ?, origin = ? WHERE id = ?",
            (
                state.loser_stamp,
                state.winner_stamp,
                resolution,
                res_stamp,
                state.stamp,
                state.stamp[17:],
                change.id,
            ),
        )
        return
    db.sql(
        "INSERT INTO sync_conflict (id, tbl, row_id, field, loser_value, loser_stamp, "
        "winner_stamp, resolution, resolved_stamp, stamp, origin, detected_at, loser_vv) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            change.id,
            change.table,
            change.row_id,
            change.field,
            json.dumps(change.loser_value, ensure_ascii=False),
            state.loser_stamp,
            state.winner_stamp,
            resolution,
            res_stamp,
            state.stamp,
            state.stamp[17:],
            utc_now(),
            None
            if change.loser_vector is None
            else json.dumps(change.loser_vector, sort_keys=True),
        ),
    )


def drop_dominated(rows: set[tuple[str, str]]) -> list[tuple[str, str]]:
    """Delete the field conflicts of ``rows`` that are no longer heads: their value was
    seen by the writer of the visible value or of another conflict (docs/sync-format.md,
    "Conflicts").  Returns the (id, table) of those deleted."""
    by_table: dict[str, list[str]] = {}
    for table, row_id in sorted(rows):
        by_table.setdefault(table, []).append(row_id)
    dropped: list[tuple[str, str]] = []
    for table, ids in by_table.items():
        for start in range(0, len(ids), 500):
            dropped += _drop_in(table, ids[start : start + 500])
    for start in range(0, len(dropped), 500):
        part = [cid for cid, _t in dropped[start : start + 500]]
        db.sql(f"DELETE FROM sync_conflict WHERE id IN ({', '.join('?' * len(part))})", part)
    return dropped


def _drop_in(table: str, ids: list[str]) -> list[tuple[str, str]]:
    marks = ", ".join("?" * len(ids))
    heads: dict[tuple[str, str], list[tuple[str, Vector, str | None]]] = {}
    for cid, row_id, name, stamp, vv in db.sql(
        "SELECT id, row_id, field, loser_stamp, loser_vv FROM sync_conflict "
        f"WHERE tbl = ? AND field != ? AND row_id IN ({marks})",
        (table, LIFE, *ids),
    ):
        vector = json.loads(vv) if vv else implicit_vector(stamp)
        heads.setdefault((row_id, name), []).append((stamp, vector, cid))
    if not heads:
        return []
    rows = {r for r, _n in heads}
    for row_id, hlc, stamps in db.sql(
        f"SELECT id, hlc, stamps FROM {table} WHERE id IN ({', '.join('?' * len(rows))})",
        tuple(rows),
    ):
        for (r, name), found in heads.items():
            if r == row_id:
                stamp = json.loads(stamps).get(name, hlc)
                found.append((stamp, implicit_vector(stamp), None))
    for row_id, name, stamp, vv in db.sql(
        f"SELECT row_id, field, stamp, vv FROM sync_field WHERE tbl = ? AND row_id IN ({marks})",
        (table, *ids),
    ):
        found_heads = heads.get((row_id, name))
        if found_heads is None:
            continue
        visible = found_heads[-1]
        if visible[2] is None:
            seen = history(visible[0], (stamp, json.loads(vv)))
            found_heads[-1] = (visible[0], seen or implicit_vector(visible[0]), None)
    out: list[tuple[str, str]] = []
    for found in heads.values():
        pairs = [(stamp, vector) for stamp, vector, _cid in found]
        for stamp, _vector, cid in found:
            if cid is not None and dominated(stamp, pairs):
                out.append((cid, table))
    return out


# -- reviewing -------------------------------------------------------------------------


def _label(table: str, field: str, lang: str) -> str:
    if field == LIFE:
        return "Dihapus" if lang == "id" else "Deleted"
    if field not in synced_fields(table):
        return field  # stored before conflict lines were checked: shown, never a crash
    return field_label(field_object(table, field), lang)


def _row(table: str, row_id: str) -> dict[str, Any] | None:
    cursor = db.sql(f"SELECT * FROM {table} WHERE id = ?", (row_id,))
    found = cursor.fetchone()
    if found is None:
        return None
    return dict(zip([d[0] for d in cursor.description], found, strict=True))


def _title(table: str, row: dict[str, Any]) -> str:
    type_name, _parent = record_type_of(table)
    rt = RECORD_TYPES.get(type_name)
    if rt is not None and rt.table == table:
        return str(row.get(rt.title_field) or row["id"])
    for key in ("name", "activity", "action", "description", "filename"):
        if row.get(key):
            return str(row[key])
    return str(row["id"])


def list_conflicts(*, include_resolved: bool = False, lang: str = "id") -> list[dict[str, Any]]:
    """Conflicts for review, newest first, with the current and the other value side by side."""
    sql = (
        "SELECT id, tbl, row_id, field, loser_value, loser_stamp, winner_stamp, resolution, "
        "detected_at FROM sync_conflict"
    )
    if not include_resolved:
        sql += " WHERE resolution IS NULL"
    out = []
    for cid, table, row_id, field, loser, loser_stamp, winner, res, detected in db.sql(
        sql + " ORDER BY detected_at DESC, id"
    ):
        row = _row(table, row_id) or {"id": row_id}
        type_name, _parent = record_type_of(table)
        if field == LIFE:
            current: Any = bool(row.get("deleted"))
            other: Any = not current
        else:
            current = row.get(field)
            other = json.loads(loser) if loser is not None else None
            if field in synced_fields(table) and is_flag(table, field):
                current = None if current is None else bool(current)
        out.append(
            {
                "id": cid,
                "record_type": type_name,
                "table": table,
                "record_id": row_id,
                "title": _title(table, row),
                "field": field,
                "label": _label(table, field, lang),
                "current": current,
                "other": other,
                "other_stamp": loser_stamp,
                "winner_stamp": winner,
                "resolution": res,
                "detected_at": detected,
            }
        )
    return out


def count_open() -> int:
    row = db.sql("SELECT count(*) FROM sync_conflict WHERE resolution IS NULL").fetchone()
    return int(row[0])


class ConflictNotFound(RecordNotFound):
    """No conflict (or no record) with that id; the command line exits with 3."""


def resolve(ws: Workspace, conflict: str, keep: str) -> bool:
    """Settle a conflict; keeping the other value writes it as a new change that travels.

    Returns True when a record changed.
    """
    if keep not in KEEP:
        raise ValueError(keep)
    with m.database.atomic():
        found = db.sql(
            "SELECT tbl, row_id, field, loser_value FROM sync_conflict WHERE id = ?", (conflict,)
        ).fetchone()
        if found is None:
            raise ConflictNotFound("conflict", conflict)
        table, row_id, field, loser = found
        row = _row(table, row_id)
        if row is None:
            raise ConflictNotFound(table, row_id)
        # An officer's choice: refused at once while another workstation imports.
        shared_clock(ws.clock, edit=True)
        stamp, now = ws.clock.now(), utc_now()
        changed = False
        if keep == "other":
            if field == LIFE:
                changed = _flip(ws, table, row, stamp, now)
            else:
                changed = _write(
                    ws, table, row, field, json.loads(loser) if loser else None, stamp, now
                )
        db.sql(
            "UPDATE sync_conflict SET resolution = ?, resolved_stamp = ?, stamp = ?, origin = ? "
            "WHERE id = ?",
            (keep, stamp, stamp, ws.device_id, conflict),
        )
        ws.settings.set("clock_last", str(ws.clock.last))
        return changed


def _audit(
    ws: Workspace, table: str, row: dict[str, Any], field: str, old: Any, new: Any, now: str
) -> None:
    type_name, parent = record_type_of(table)
    record_id = row[parent] if parent else row["id"]
    path = field if parent is None else f"{table}[{row['id']}].{field}"
    m.Audit.insert(
        at=now,
        device=ws.device_id,
        actor=ws.actor(),
        workstation=ws.workstation(),
        record_type=type_name,
        record_id=record_id,
        action="resolve",
        field=path,
        old=audit_text(old),
        new=audit_text(new),
    ).execute()


def _write(
    ws: Workspace, table: str, row: dict[str, Any], field: str, value: Any, stamp: str, now: str
) -> bool:
    if field not in synced_fields(table):
        raise ValidationError(
            [FieldError(field, "unknown_field", "Kolom tidak dikenal.", "Unknown field.")]
        )
    # The same gate as a form: a kept value is checked and normalised like a typed one.
    value = ws.records.clean_value(TABLES[table], field, value)
    current = row[field]
    if is_flag(table, field):
        current = None if current is None else bool(current)
    if current == value:
        return False
    stamps = json.loads(row["stamps"])
    stamps[field] = stamp
    db.sql(
        f"UPDATE {table} SET {field} = ?, stamps = ?, updated_at = ?, updated_by = ? WHERE id = ?",
        (value, json.dumps(stamps, sort_keys=True), now, ws.device_id, row["id"]),
    )
    _audit(ws, table, row, field, current, value, now)
    drop_own_conflicts(table, row["id"], [field], ws.device_id)
    return True


def _flip(ws: Workspace, table: str, row: dict[str, Any], stamp: str, now: str) -> bool:
    """Keeping the other side of a delete/edit conflict means undoing the deletion."""
    if not row["deleted"]:
        return False
    stamps = json.loads(row["stamps"])
    stamps[LIFE] = stamp
    cl = int(row["cl"]) + 1
    db.sql(
        f"UPDATE {table} SET cl = ?, deleted = ?, stamps = ?, updated_at = ?, updated_by = ? "
        "WHERE id = ?",
        (cl, cl % 2 == 0, json.dumps(stamps, sort_keys=True), now, ws.device_id, row["id"]),
    )
    _audit(ws, table, row, "deleted", True, False, now)
    return True
