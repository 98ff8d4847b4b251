"""Recover from a wall clock that ran ahead: give this laptop's future stamps new ones.

A field laptop whose date was set weeks ahead stamps every edit weeks ahead, and its
hybrid clock keeps issuing stamps after the newest one once the date is corrected.  Other
laptops refuse stamps more than ``MAX_DRIFT_MS`` in their future (a stamp far ahead would
win every merge), so the laptop would be shut out until real time catches up.

The repair runs when this laptop's newest stamp is more than ``MAX_DRIFT_MS`` ahead of its
wall clock, at start and before every export.  It moves exactly the stamps of this device
that no peer with a right clock can have accepted: those more than ``MAX_DRIFT_MS`` after
the wall clock (a stamp a little ahead, made after receiving a peer's slightly fast stamp,
may already be held elsewhere and stays).  Every such stamp, wherever it is kept (creation
stamps, field stamps, field histories, conflicts, what peers hold of us), is replaced
through one mapping ``f``, applied once to the state found before the repair:

- a moved change stamp gets a new stamp from the restarted clock, in the old order;
- a stamp that is kept maps to itself;
- a moved stamp that is no change of its own (an "up to" entry of a vector) maps like the
  greatest moved change stamp not after it, or to the clock's restart point when there is
  none (every kept stamp of this device is at or before that point).

The restart point is after every stamp kept, and after the clock's floor (the last stamp
it issued before it leapt ahead, which the leap's changes may have overwritten everywhere
but which may have left this laptop: it is never issued again), so ``f`` is monotone
(strictly on change stamps) and no merge decision on this laptop changes; the new stamps
are newer than anything a peer holds of us, so the changes travel again in the next
package as new changes.  The new stamps may themselves lie after the wall clock, which
is why ``f`` is never applied to what the repair has already written.  The audit trail
records each correction with the old and the new time.

The wall clock itself may be the wrong one (a flat CMOS battery resets it to the past).
Then re-stamping would date the officer's work years back, so nothing is changed when the
wall clock is before ``WALL_FLOOR`` or when changes received from other laptops are also
far ahead of it; the officer is told to correct the date instead.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from jipp_desktop.core import engine
from jipp_desktop.core import models as m
from jipp_desktop.core.clock import MAX_DRIFT_MS, HybridClock, Stamp
from jipp_desktop.core.concurrency import shared_clock
from jipp_desktop.core.registry import RECORD_TYPES, SYNCED_MODELS
from jipp_desktop.core.services import Author, conflict_id

# No JIPP Desktop data predates this: a wall clock before it is wrong, not the stamps.
WALL_FLOOR = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
_CONFLICT_STAMPS = ("loser_stamp", "winner_stamp", "resolved_stamp", "stamp")
_LIFE = "_cl"  # the field name of a row's deletion and restoration


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
    clock: HybridClock, author: Author, backup: Callable[[], object] | None = None
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
        # On a shared database no other workstation issues stamps while they move.
        shared_clock(clock)
        found = _Found.collect(clock.device, wall + MAX_DRIFT_MS)
        mapping = _new_stamps(clock, found, wall)
        records = _rewrite(found, mapping, author, clock.device)
        _save_clock(clock)
    return ClockRepair(ahead, len(found.changes), records, True, wall)


def _sql(query: str, params: Iterable[Any] = ()) -> Any:
    """Run ``query`` on either engine; its numbered ``?1``, ``?2`` (this device, the cut)
    become plain ``?`` placeholders with their values repeated, as engine.sql takes them."""
    params = tuple(params)
    numbered = [int(n) for n in _NUMBERED.findall(query)]
    if numbered:
        assert query.count("?") == len(numbered), "numbered and plain placeholders mixed"
        query = _NUMBERED.sub("?", query)
        params = tuple(params[n - 1] for n in numbered)
    return engine.sql(query, params)


_NUMBERED = re.compile(r"\?(\d+)")


def _each(json_text: str) -> str:
    """A FROM item ``j`` over a JSON object's members (``j.value``), on either engine."""
    return f"{engine.json_members(json_text)} j"


def _future(column: str) -> str:
    """SQL: ``column`` is a stamp of this device (?1) after the cut (?2): one that moves."""
    return f"(substr({column}, 18) = ?1 AND substr({column}, 1, 16) > ?2)"


_LOSER_HISTORY = "coalesce(loser_vv, '{}')"


def _cut(limit_ms: int) -> str:
    return f"{limit_ms:012x}ffff"


def _tables() -> list[str]:
    return [str(model._meta.table_name) for model in SYNCED_MODELS]


def _places() -> list[str]:
    """SQL selecting, as ``s``, every stamp kept anywhere: the one list of places a stamp
    of this device can be, read to find the newest stamp that stays."""
    places = []
    for t in _tables():
        places += [
            f"SELECT hlc AS s FROM {t}",
            f"SELECT j.value AS s FROM {t}, {_each('stamps')}",
        ]
    places += [
        "SELECT stamp AS s FROM sync_field",
        f"SELECT j.value AS s FROM sync_field, {_each('vv')}",
        *(f"SELECT {c} AS s FROM sync_conflict" for c in _CONFLICT_STAMPS),
        f"SELECT j.value AS s FROM sync_conflict, {_each(_LOSER_HISTORY)}",
        "SELECT stamp AS s FROM sync_vector",
    ]
    return places


def _newest(condition: str, params: tuple[str, ...]) -> str | None:
    """The newest stamp kept anywhere that meets ``condition`` (a full scan: runs only on a
    repair)."""
    found = [
        str(value)
        for place in _places()
        for (value,) in _sql(f"SELECT max(s) FROM ({place}) AS kept WHERE {condition}", params)
        if value
    ]
    return max(found, default=None)


def _wall_plausible(wall: int, device: str) -> bool:
    """False when the wall clock, not the stamps, is the one that is wrong."""
    if wall < WALL_FLOOR.timestamp() * 1000:
        return False
    newest = _newest("substr(s, 18) != ?1", (device,))
    return newest is None or Stamp.parse(newest).wall_ms - wall <= MAX_DRIFT_MS


@dataclass
class _Row:
    table: str
    id: str
    hlc: str
    stamps: dict[str, str]
    owner: tuple[str, str]  # (record type, record id) the audit trail files it under


@dataclass
class _Found:
    """What the repair reads before it writes anything: it writes ``f`` of exactly this."""

    device: str
    cut: str
    rows: list[_Row]
    # Every sync_field row holding a moving stamp, and every one of a row that moves (the
    # rows' triggers rewrite those; the repair puts back these, mapped).
    fields: dict[tuple[str, str, str], tuple[str, str, str]]
    conflicts: list[tuple[Any, ...]]
    vectors: list[tuple[str, str, str]]
    stamps: set[str]
    changes: set[tuple[str, str, str]]  # (table, row, field) whose own stamp moves

    @classmethod
    def collect(cls, device: str, limit_ms: int) -> _Found:
        params = (device, _cut(limit_ms))
        rows = [row for table in _tables() for row in _rows(table, params)]
        fields = _fields(rows, params)
        # A conflict keeps its stamps and the losing write's history (loser_vv).
        conflicts = list(
            _sql(
                f"SELECT id, tbl, row_id, field, {', '.join(_CONFLICT_STAMPS)}, loser_vv "
                "FROM sync_conflict WHERE "
                + " OR ".join(_future(c) for c in _CONFLICT_STAMPS)
                + f" OR EXISTS (SELECT 1 FROM {_each(_LOSER_HISTORY)} "
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
        found = cls(device, params[1], rows, fields, conflicts, vectors, set(), set())
        found._gather()
        return found

    def moves(self, stamp: str | None) -> bool:
        return stamp is not None and stamp[17:] == self.device and stamp[:16] > self.cut

    def _gather(self) -> None:
        """The moving stamps, and the changes they stamp."""
        for row in self.rows:
            for name, stamp in [("", row.hlc), *row.stamps.items()]:
                if self.moves(stamp):
                    self.stamps.add(stamp)
                    self.changes.add((row.table, row.id, name))
        seen = [
            s for stamp, _o, vv in self.fields.values() for s in (stamp, *json.loads(vv).values())
        ]
        for c in self.conflicts:
            seen += [*c[4:-1], *(json.loads(c[-1]).values() if c[-1] else [])]
        seen += [v[2] for v in self.vectors]
        self.stamps.update(s for s in seen if self.moves(s))


def _rows(table: str, params: tuple[str, str]) -> list[_Row]:
    type_name, parent = _owner_of(table)
    owner_column = parent or ("record_type || ' ' || record_id" if table == "attachment" else "id")
    cursor = _sql(
        f"SELECT id, hlc, stamps, {owner_column} FROM {table} WHERE {_future('hlc')} "
        f"OR EXISTS (SELECT 1 FROM {_each(table + '.stamps')} WHERE {_future('j.value')})",
        params,
    )
    out = []
    for rid, hlc, stamps, owner in cursor:
        owner_type, owner_id = (
            str(owner).split(" ", 1) if table == "attachment" else (type_name, str(owner))
        )
        out.append(_Row(table, str(rid), str(hlc), json.loads(stamps), (owner_type, owner_id)))
    return out


def _fields(
    rows: list[_Row], params: tuple[str, str]
) -> dict[tuple[str, str, str], tuple[str, str, str]]:
    columns = "SELECT tbl, row_id, field, stamp, origin, vv FROM sync_field"
    found = list(
        _sql(
            f"{columns} WHERE {_future('stamp')} OR EXISTS (SELECT 1 FROM {_each('vv')} "
            f"WHERE {_future('j.value')})",
            params,
        )
    )
    for row in rows:
        found += _sql(f"{columns} WHERE tbl = ? AND row_id = ?", (row.table, row.id))
    return {(t, r, f): (stamp, origin, vv) for t, r, f, stamp, origin, vv in found}


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
    """``f``: old stamp -> new stamp, total and monotone (see the module's docstring)."""

    def __init__(self, found: _Found, new: list[str], start: str) -> None:
        self._found = found
        self._old, self._new, self._start = sorted(found.stamps), new, start
        self.exact = dict(zip(self._old, new, strict=True))

    def __call__(self, stamp: str | None) -> str | None:
        if stamp is None or not self._found.moves(stamp):
            return stamp
        if stamp in self.exact:
            return self.exact[stamp]
        at = bisect.bisect_right(self._old, stamp)
        return self._new[at - 1] if at else self._start

    def vector(self, text: str) -> str:
        vector: dict[str, str] = json.loads(text)
        return json.dumps({o: self(s) for o, s in vector.items()}, sort_keys=True)


def _new_stamps(clock: HybridClock, found: _Found, wall: int) -> _Mapping:
    """Restart the clock after every stamp that stays, then one new stamp per moving one,
    in order.  What stays includes the clock's floor: the stamp it issued last before it
    leapt ahead, which the leap's changes may have overwritten everywhere but which may
    have left this laptop, so it must never be issued again.  A floor that itself ran
    ahead is dropped (a later leap records a new one)."""
    kept = _newest(f"s IS NOT NULL AND NOT {_future('s')}", (found.device, found.cut))
    floor = str(clock.floor) if clock.floor and not found.moves(str(clock.floor)) else None
    start = max(kept or "", floor or "", str(Stamp(wall, 0, clock.device)))
    clock.restart_from(start, floor)
    restarted = str(clock.last)
    new = [clock.now() for _ in found.stamps]
    return _Mapping(found, new, restarted)


def _rewrite(found: _Found, f: _Mapping, author: Author, device: str) -> int:
    """Write ``f`` of what was found, once; one audit row per moved change.  Returns the
    number of records touched."""
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    audits: list[tuple[Any, ...]] = []
    for row in found.rows:
        stamps = {k: str(f(v)) for k, v in row.stamps.items()}
        _sql(
            f"UPDATE {row.table} SET hlc = ?, stamps = ? WHERE id = ?",
            (f(row.hlc), json.dumps(stamps, sort_keys=True), row.id),
        )
        # The row's trigger rewrote its fields' vectors from half-moved data: they are
        # replaced below by what was there, mapped.
        _sql("DELETE FROM sync_field WHERE tbl = ? AND row_id = ?", (row.table, row.id))
        for name, old in [("", row.hlc), *row.stamps.items()]:
            if (row.table, row.id, name) in found.changes:
                audits.append((now, device, *author, *row.owner, _path(row, name), old, f(old)))
    for (tbl, rid, name), (stamp, origin, vv) in found.fields.items():
        _sql(
            "INSERT INTO sync_field (tbl, row_id, field, stamp, origin, vv) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (tbl, row_id, field) DO UPDATE SET "
            "stamp = excluded.stamp, origin = excluded.origin, vv = excluded.vv",
            (tbl, rid, name, f(stamp), origin, f.vector(vv)),
        )
    for cid, tbl, rid, name, *columns, vv in found.conflicts:
        sets = ", ".join(f"{c} = ?" for c in ("id", *_CONFLICT_STAMPS, "loser_vv"))
        history = f.vector(vv) if vv else None
        _sql(
            f"UPDATE sync_conflict SET {sets} WHERE id = ?",
            (_conflict_id(cid, tbl, rid, name, columns, f), *map(f, columns), history, cid),
        )
    for peer, origin, stamp in found.vectors:
        _sql(
            "UPDATE sync_vector SET stamp = ? WHERE peer = ? AND origin = ?",
            (f(stamp), peer, origin),
        )
    for audit in audits:
        _sql(
            "INSERT INTO audit (at, device, actor, workstation, record_type, record_id, field, "
            "old, new, action) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'restamp')",
            (*audit[:7], stamp_time(audit[7]), stamp_time(audit[8])),
        )
    return len({row.owner for row in found.rows})


def _conflict_id(
    cid: str, tbl: str, rid: str, name: str, columns: list[str | None], f: _Mapping
) -> str:
    """A conflict's id is derived from the stamp that names it (the losing value's, or the
    deletion's for ``_cl``); when that stamp moves, so does the id, as a peer would derive
    it from the new stamp."""
    loser, winner = columns[0], columns[1]
    key = winner if name == _LIFE else loser
    if key is None or conflict_id(tbl, rid, name, key) != cid:
        return cid
    return conflict_id(tbl, rid, name, str(f(key)))


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
    for key, value in (("clock_last", clock.last), ("clock_floor", clock.floor or "")):
        _sql(
            "INSERT INTO setting (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, str(value)),
        )
