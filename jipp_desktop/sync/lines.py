"""Parse and check change and conflict lines (format versions 2 and 3) into merge states.

Anything structurally wrong (a table we do not know, a stamp that is no stamp, a
cell that is not a list) means the package is damaged: the signer wrote it, but
not with this format.  Values are checked later, against the record schema.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from jipp_desktop.core.clock import is_stamp
from jipp_desktop.sync.merge import FieldState, LifeState, Vector, field_state, implicit_vector
from jipp_desktop.sync.package import FORMAT_VERSION, damaged
from jipp_desktop.sync.schema import TABLES, synced_fields

_UUID = re.compile(r"^[0-9a-fA-F-]{8,64}$")


@dataclass
class RowChange:
    table: str
    id: str
    hlc: str
    created_at: str | None
    life: LifeState | None
    fields: dict[str, FieldState]
    unknown: list[str]

    @property
    def stamps(self) -> list[str]:
        out = [self.hlc, *(f.stamp for f in self.fields.values())]
        if self.life is not None and self.life.stamp is not None:
            out.append(self.life.stamp)
        return out


@dataclass
class ConflictChange:
    id: str
    table: str
    row_id: str
    field: str
    loser_value: Any
    loser_stamp: str
    winner_stamp: str
    resolution: tuple[str, str] | None
    stamp: str
    loser_vector: Vector | None = None  # the losing write's history (None: only itself)


def _stamp(value: Any, where: str) -> str:
    # Only the canonical text form: another spelling of a stamp would sort as text in a
    # different place than its number says (see core/clock.py).
    if not is_stamp(value):
        raise damaged(f"cap waktu tidak valid di {where}", f"invalid stamp in {where}")
    assert isinstance(value, str)
    return value


def _vector(value: Any, where: str) -> Vector:
    if not isinstance(value, dict):
        raise damaged(f"vektor versi tidak valid di {where}", f"invalid version vector in {where}")
    out: Vector = {}
    for key, stamp in value.items():
        stamp = _stamp(stamp, where)
        if stamp[17:] != key:
            raise damaged(
                f"vektor versi tidak cocok di {where}", f"inconsistent version vector in {where}"
            )
        out[key] = stamp
    return out


def _history(value: Any, stamp: str, where: str) -> Vector | None:
    """A write's history as sent (it includes the write's own stamp), or None for only
    itself."""
    vector = _vector(value, where)
    vector.setdefault(stamp[17:], stamp)
    if vector[stamp[17:]] < stamp:
        raise damaged(
            f"vektor versi tidak cocok di {where}", f"inconsistent version vector in {where}"
        )
    return field_state(None, stamp, vector).vector


def _cell(value: Any, hlc: str, where: str, histories: bool) -> FieldState:
    if not isinstance(value, list) or not 1 <= len(value) <= 3:
        raise damaged(f"sel tidak valid di {where}", f"invalid cell in {where}")
    stamp = hlc if len(value) == 1 else _stamp(value[1], where)
    if len(value) < 3:
        return FieldState(value[0], stamp, None)
    vector = _history(value[2], stamp, where)
    # Before format 3 the vector was what the sending laptop had merged, not what the
    # writer had seen; taken as a history it could hide a real conflict, so it is dropped
    # (the value has seen only itself: at worst a conflict is kept that was not one).
    return FieldState(value[0], stamp, vector if histories else None)


def row_change(line: dict[str, Any], number: int, version: int = FORMAT_VERSION) -> RowChange:
    where = f"changes.jsonl:{number}"
    table, rid = line.get("t"), line.get("id")
    if not isinstance(table, str) or table not in TABLES:
        raise damaged(f"tabel tidak dikenal di {where}", f"unknown table in {where}")
    if not isinstance(rid, str) or not _UUID.match(rid):
        raise damaged(f"id tidak valid di {where}", f"invalid id in {where}")
    hlc = _stamp(line.get("hlc"), where)
    created = line.get("ca")
    if created is not None and not isinstance(created, str):
        raise damaged(f"ca tidak valid di {where}", f"invalid ca in {where}")
    life = None
    if "cl" in line:
        raw = line["cl"]
        if not (
            isinstance(raw, list)
            and 1 <= len(raw) <= 3
            and isinstance(raw[0], int)
            and not isinstance(raw[0], bool)
            and raw[0] >= 1
        ):
            raise damaged(f"cl tidak valid di {where}", f"invalid cl in {where}")
        if len(raw) == 1:
            if raw[0] != 1:
                raise damaged(f"cl tanpa cap waktu di {where}", f"cl without stamp in {where}")
            life = LifeState(1, None, {})
        else:
            stamp = _stamp(raw[1], where)
            vector = _vector(raw[2], where) if len(raw) == 3 else implicit_vector(stamp)
            life = LifeState(raw[0], stamp, vector)
    cells = line.get("f", {})
    if not isinstance(cells, dict):
        raise damaged(f"f tidak valid di {where}", f"invalid f in {where}")
    known = set(synced_fields(table))
    fields = {
        name: _cell(value, hlc, f"{where}.{name}", version >= 3)
        for name, value in cells.items()
        if name in known
    }
    for name, state in fields.items():
        if not isinstance(state.value, str | int | float | bool | None):
            raise damaged(
                f"nilai {name} bukan nilai tunggal di {where}",
                f"the value of {name} is not a single value in {where}",
            )
    return RowChange(
        table, rid, hlc, created, life, fields, sorted(n for n in cells if n not in known)
    )


def conflict_change(
    line: dict[str, Any], number: int, version: int = FORMAT_VERSION
) -> ConflictChange:
    where = f"conflicts.jsonl:{number}"
    try:
        cid, table, row_id, name = line["id"], line["t"], line["row"], line["field"]
        loser_value, loser_stamp, *loser_history = line["loser"]
        if len(loser_history) > 1:
            raise ValueError(line["loser"])
        res = line.get("res")
        resolution = None
        if res is not None:
            choice, res_stamp = res
            if choice not in ("current", "other"):
                raise ValueError(choice)
            resolution = (str(choice), _stamp(res_stamp, where))
        ok = all(isinstance(v, str) for v in (cid, table, row_id, name)) and table in TABLES
        ok = ok and isinstance(loser_value, str | int | float | bool | None)
    except (KeyError, TypeError, ValueError):
        ok = False
    if not ok:
        raise damaged(f"baris konflik tidak valid di {where}", f"invalid conflict line in {where}")
    loser_stamp = _stamp(loser_stamp, where)
    vector = _history(loser_history[0], loser_stamp, where) if loser_history else None
    return ConflictChange(
        cid,
        table,
        row_id,
        name,
        loser_value,
        loser_stamp,
        _stamp(line.get("winner"), where),
        resolution,
        _stamp(line.get("s"), where),
        vector if version >= 3 else None,
    )
