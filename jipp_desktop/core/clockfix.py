"""Recover from a wall clock that ran ahead: give this laptop's future stamps new ones.

A field laptop whose date was set weeks ahead stamps every edit weeks ahead, and its
hybrid clock keeps issuing stamps after the newest one once the date is corrected.  Other
laptops refuse stamps more than ``MAX_DRIFT_MS`` in their future (a stamp far ahead would
win every merge), so the laptop would be shut out until real time catches up.

The repair runs when this laptop's newest stamp is more than ``MAX_DRIFT_MS`` ahead of its
wall clock, at start and before every export.  Every stamp of this device later than the
wall clock, wherever it is kept (creation stamps, field stamps, field vectors, conflicts,
what peers hold of us), is replaced by a new stamp from the corrected clock.  The new
stamps keep the old order and are later than every stamp kept, so no merge decision on
this laptop changes; they are newer than anything a peer holds of us, so the changes
travel again in the next package as new changes.  The audit trail records each
correction with the old and the new time.

The wall clock itself may be the wrong one (a flat CMOS battery resets it to the past).
Then re-stamping would date the officer's work years back, so nothing is changed when the
wall clock is before ``WALL_FLOOR`` or when changes received from other laptops are also
far ahead of it; the officer is told to correct the date instead.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from jipp_desktop.core import models as m
from jipp_desktop.core.clock import MAX_DRIFT_MS, HybridClock, Stamp
from jipp_desktop.core.registry import RECORD_TYPES, SYNCED_MODELS

# No JIPP Desktop data predates this: a wall clock before it is wrong, not the stamps.
WALL_FLOOR = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
_CONFLICT_STAMPS = ("loser_stamp", "winner_stamp", "resolved_stamp", "stamp")


@dataclass(frozen=True)
class ClockRepair:
    """What the check found: how far ahead, and how many changes got new stamps."""

    ahead_ms: int
    restamped: int
    records: int
    repaired: bool
    wall_ms: int

    def message(self, lang: str = "id") -> str:
        ahead_id, ahead_en = duration_text(self.ahead_ms)
        if not self.repaired:
            shown = dt.datetime.fromtimestamp(self.wall_ms / 1000, dt.UTC)
            when = shown.strftime("%Y-%m-%d %H:%M UTC")
            if lang == "id":
                return (
                    f"Tanggal dan jam laptop ini tampaknya salah: sekarang tertulis {when}, "
                    f"{ahead_id} sebelum perubahan terbaru. Perbaiki tanggal dan jam laptop, "
                    "lalu buka JIPP Desktop lagi. Tidak ada data yang diubah."
                )
            return (
                f"This laptop's date and time look wrong: it now says {when}, {ahead_en} "
                "before the newest change. Correct the laptop's date and time, then open "
                "JIPP Desktop again. No data was changed."
            )
        if lang == "id":
            return (
                f"Jam laptop ini sempat {ahead_id} lebih cepat dari waktu sebenarnya. "
                f"{self.restamped} perubahan pada {self.records} data yang dibuat selama itu "
                "diberi cap waktu baru (waktu sekarang) agar laptop lain mau menerimanya. "
                "Tidak ada yang hilang; riwayat mencatat waktu lama dan barunya."
            )
        return (
            f"This laptop's clock was {ahead_en} ahead of the real time. "
            f"{self.restamped} changes to {self.records} records made meanwhile were stamped "
            "again at the current time so other laptops accept them. Nothing was lost; the "
            "history keeps the old and the new time."
        )


def duration_text(ms: int) -> tuple[str, str]:
    """A span in days and hours, in Indonesian and English ("30 hari 2 jam")."""
    hours = (ms + 1_800_000) // 3_600_000  # to the nearest hour
    days, hours = divmod(hours, 24)
    if days:
        return (
            f"{days} hari {hours} jam",
            f"{days} day{'s' if days != 1 else ''} {hours} hour{'s' if hours != 1 else ''}",
        )
    return f"{hours} jam", f"{hours} hour{'s' if hours != 1 else ''}"


def recover(
    clock: HybridClock, actor: str, backup: Callable[[], object] | None = None
) -> ClockRepair | None:
    """Check the clock; re-stamp in one transaction when it ran ahead.  None when it is fine."""
    wall = clock.wall_ms()
    ahead = clock.last.wall_ms - wall
    if ahead <= MAX_DRIFT_MS:
        return None
    if not _wall_plausible(wall, clock.device):
        return ClockRepair(ahead, 0, 0, False, wall)
    if backup is not None:
        backup()
    with m.database.atomic():
        found = _Found.collect(clock.device, wall)
        mapping = _new_stamps(clock, found.stamps, wall)
        records = _rewrite(found, mapping, actor, clock.device)
        _save_clock(clock)
    return ClockRepair(ahead, len(found.changes), records, True, wall)


def _sql(query: str, params: Iterable[Any] = ()) -> Any:
    return m.database.execute_sql(query, tuple(params))  # type: ignore[no-untyped-call]


def _future(column: str) -> str:
    """SQL: ``column`` is a stamp of this device (?1) later than the wall clock (?2)."""
    return f"(substr({column}, 18) = ?1 AND substr({column}, 1, 16) > ?2)"


def _cut(wall: int) -> str:
    return f"{wall:012x}ffff"


def _tables() -> list[str]:
    return [str(model._meta.table_name) for model in SYNCED_MODELS]


def _wall_plausible(wall: int, device: str) -> bool:
    """False when the wall clock, not the stamps, is the one that is wrong."""
    if wall < WALL_FLOOR.timestamp() * 1000:
        return False
    newest = _newest_foreign(device)
    return newest is None or Stamp.parse(newest).wall_ms - wall <= MAX_DRIFT_MS


def _newest_foreign(device: str) -> str | None:
    """The newest stamp received from other laptops (a full scan: runs only on a repair)."""
    found: list[str] = []
    queries = [f"SELECT max(hlc) FROM {t} WHERE substr(hlc, 18) != ?1" for t in _tables()]
    queries += [
        "SELECT max(stamp) FROM sync_field WHERE origin != ?1",
        "SELECT max(stamp) FROM sync_conflict WHERE origin != ?1",
        "SELECT max(stamp) FROM sync_vector WHERE origin != ?1",
    ]
    for query in queries:
        (value,) = _sql(query, (device,)).fetchone()
        if value:
            found.append(str(value))
    return max(found, default=None)


@dataclass
class _Row:
    table: str
    id: str
    hlc: str
    stamps: dict[str, str]
    owner: tuple[str, str]  # (record type, record id) the audit trail files it under


@dataclass
class _Found:
    rows: list[_Row]
    fields: list[tuple[Any, ...]]  # sync_field rows holding a future stamp
    conflicts: list[tuple[Any, ...]]
    vectors: list[tuple[str, str, str]]
    stamps: set[str]
    changes: set[tuple[str, str, str]]  # (table, row, field) whose own stamp moves

    @classmethod
    def collect(cls, device: str, wall: int) -> _Found:
        params = (device, _cut(wall))
        rows = [row for table in _tables() for row in _rows(table, params)]
        fields = list(
            _sql(
                "SELECT tbl, row_id, field, stamp, origin, vv FROM sync_field "
                f"WHERE {_future('stamp')} OR EXISTS (SELECT 1 FROM json_each(vv) j "
                f"WHERE {_future('j.value')})",
                params,
            )
        )
        # A conflict keeps its stamps and the losing write's history (loser_vv).
        conflicts = list(
            _sql(
                f"SELECT id, {', '.join(_CONFLICT_STAMPS)}, loser_vv FROM sync_conflict WHERE "
                + " OR ".join(_future(c) for c in _CONFLICT_STAMPS)
                + " OR EXISTS (SELECT 1 FROM json_each(coalesce(loser_vv, '{}')) j "
                f"WHERE {_future('j.value')})",
                params,
            )
        )
        vectors = [
            (str(p), str(o), str(s))
            for p, o, s in _sql(
                f"SELECT peer, origin, stamp FROM sync_vector WHERE {_future('stamp')}", params
            )
        ]
        stamps: set[str] = set()
        changes: set[tuple[str, str, str]] = set()
        for row in rows:
            for name, stamp in [("", row.hlc), *row.stamps.items()]:
                if _is_future(stamp, params):
                    stamps.add(stamp)
                    changes.add((row.table, row.id, name))
        for f in fields:
            stamps.update(s for s in [f[3], *json.loads(f[5]).values()] if _is_future(s, params))
        for c in conflicts:
            history = json.loads(c[-1]).values() if c[-1] else []
            stamps.update(s for s in [*c[1:-1], *history] if s and _is_future(s, params))
        stamps.update(v[2] for v in vectors)
        return cls(rows, fields, conflicts, vectors, stamps, changes)


def _is_future(stamp: str, params: tuple[str, str]) -> bool:
    return stamp[17:] == params[0] and stamp[:16] > params[1]


def _rows(table: str, params: tuple[str, str]) -> list[_Row]:
    type_name, parent = _owner_of(table)
    owner_column = parent or ("record_type || ' ' || record_id" if table == "attachment" else "id")
    cursor = _sql(
        f"SELECT id, hlc, stamps, {owner_column} FROM {table} WHERE {_future('hlc')} "
        f"OR EXISTS (SELECT 1 FROM json_each({table}.stamps) j WHERE {_future('j.value')})",
        params,
    )
    out = []
    for rid, hlc, stamps, owner in cursor:
        owner_type, owner_id = (
            str(owner).split(" ", 1) if table == "attachment" else (type_name, str(owner))
        )
        out.append(_Row(table, str(rid), str(hlc), json.loads(stamps), (owner_type, owner_id)))
    return out


def _owner_of(table: str) -> tuple[str, str | None]:
    for rt in RECORD_TYPES.values():
        if rt.table == table:
            return rt.name, None
        for spec in rt.children:
            if str(spec.model._meta.table_name) == table:
                return rt.name, spec.parent_field
    return "attachment", None


def _child_key(table: str) -> str | None:
    for rt in RECORD_TYPES.values():
        for spec in rt.children:
            if str(spec.model._meta.table_name) == table:
                return spec.key
    return None


class _Mapping:
    """Old future stamp -> new stamp; monotone, and total: a stamp not seen while
    collecting maps like the greatest collected stamp before it (vectors mean "up to")."""

    def __init__(self, old: list[str], new: list[str], base: str, device: str, cut: str) -> None:
        self._old, self._new, self._base = old, new, base
        self._device, self._cut = device, cut
        self.exact = dict(zip(old, new, strict=True))

    def __call__(self, stamp: str | None) -> str | None:
        if stamp is None or not _is_future(stamp, (self._device, self._cut)):
            return stamp
        if stamp in self.exact:
            return self.exact[stamp]
        at = bisect.bisect_right(self._old, stamp)
        return self._new[at - 1] if at else self._base

    def vector(self, text: str) -> str:
        vector: dict[str, str] = json.loads(text)
        return json.dumps({o: self(s) for o, s in vector.items()}, sort_keys=True)


def _new_stamps(clock: HybridClock, stamps: set[str], wall: int) -> _Mapping:
    """Restart the clock after every stamp kept, then one new stamp per old one, in order."""
    kept = max(_newest_foreign(clock.device) or "", str(Stamp(wall, 0, clock.device)))
    clock.restart_from(kept)
    old = sorted(stamps)
    new = [clock.now() for _ in old]
    return _Mapping(old, new, str(clock.last), clock.device, _cut(wall))


def _rewrite(found: _Found, f: _Mapping, actor: str, device: str) -> int:
    """Write the new stamps everywhere; one audit row per moved change.  Returns records."""
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    audits: list[tuple[Any, ...]] = []
    for row in found.rows:
        stamps = {k: str(f(v)) for k, v in row.stamps.items()}
        _sql(
            f"UPDATE {row.table} SET hlc = ?, stamps = ? WHERE id = ?",
            (f(row.hlc), json.dumps(stamps, sort_keys=True), row.id),
        )
        for name, old in [("", row.hlc), *row.stamps.items()]:
            if (row.table, row.id, name) in found.changes:
                audits.append((now, device, actor, *row.owner, _path(row, name), old, f(old)))
    # The rows' triggers rewrote the vectors of the moved fields from partly old data: put
    # back what was there, mapped, then map anything the triggers still left behind.
    for tbl, rid, name, stamp, origin, vv in found.fields:
        _sql(
            "INSERT OR REPLACE INTO sync_field (tbl, row_id, field, stamp, origin, vv) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (tbl, rid, name, f(stamp), origin, f.vector(vv)),
        )
    for tbl, rid, name, vv in list(
        _sql(
            "SELECT tbl, row_id, field, vv FROM sync_field WHERE EXISTS "
            f"(SELECT 1 FROM json_each(vv) j WHERE {_future('j.value')})",
            (device, f._cut),
        )
    ):
        _sql(
            "UPDATE sync_field SET vv = ? WHERE tbl = ? AND row_id = ? AND field = ?",
            (f.vector(vv), tbl, rid, name),
        )
    for cid, *columns, vv in found.conflicts:
        sets = ", ".join(f"{c} = ?" for c in (*_CONFLICT_STAMPS, "loser_vv"))
        history = f.vector(vv) if vv else None
        _sql(f"UPDATE sync_conflict SET {sets} WHERE id = ?", (*map(f, columns), history, cid))
    for peer, origin, stamp in found.vectors:
        _sql(
            "UPDATE sync_vector SET stamp = ? WHERE peer = ? AND origin = ?",
            (f(stamp), peer, origin),
        )
    for audit in audits:
        _sql(
            "INSERT INTO audit (at, device, actor, record_type, record_id, field, old, new, "
            "action) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'restamp')",
            (*audit[:6], stamp_time(audit[6]), stamp_time(audit[7])),
        )
    return len({row.owner for row in found.rows})


def _path(row: _Row, name: str) -> str | None:
    """The audit's field path, as record edits write it (child rows under their key)."""
    name = "deleted" if name == "_cl" else name  # as the import's audit names it
    key = "attachments" if row.table == "attachment" else _child_key(row.table)
    if key is None:
        return name or None
    return f"{key}[{row.id}]" + (f".{name}" if name else "")


def stamp_time(stamp: str | None) -> str | None:
    """A stamp's wall time as ISO text (what the history shows)."""
    if stamp is None:
        return None
    wall = Stamp.parse(stamp).wall_ms
    return dt.datetime.fromtimestamp(wall / 1000, dt.UTC).isoformat(timespec="seconds")


def _save_clock(clock: HybridClock) -> None:
    _sql(
        "INSERT INTO setting (key, value) VALUES ('clock_last', ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (str(clock.last),),
    )
