"""Which rows belong to a province, for ``sync export --province``.

A record is in scope when its own province (or regency) is; child rows and
attachments follow their record; and whatever an in-scope record points to is
added too, so the receiving laptop can resolve every reference.
"""

from __future__ import annotations

from jipp_desktop.core.fields import RefId
from jipp_desktop.core.registry import RECORD_TYPES, user_fields
from jipp_desktop.sync import db
from jipp_desktop.sync.schema import TABLES


def _ids(sql: str, params: tuple[object, ...]) -> set[str]:
    return {str(r[0]) for r in db.sql(sql, params)}


def province_ids(province: str) -> dict[str, set[str]]:
    """Row ids per table in the scope of ``province`` (a two-digit code)."""
    like = f"{province}.%"
    scoped: dict[str, set[str]] = {t: set() for t in TABLES}
    scoped["agency"] = _ids(
        "SELECT id FROM agency WHERE province_code = ? OR regency_code LIKE ?", (province, like)
    )
    for table in ("hub", "innovation", "commitment", "replication"):
        scoped[table] = _ids(f"SELECT id FROM {table} WHERE province_code = ?", (province,))
    scoped["visit"] = _ids(
        "SELECT id FROM visit WHERE regency_code LIKE ? OR hub_id IN "
        "(SELECT id FROM hub WHERE province_code = ?)",
        (like, province),
    )
    scoped["workplan"] = _ids(
        "SELECT id FROM workplan WHERE hub_id IN (SELECT id FROM hub WHERE province_code = ?)",
        (province,),
    )
    _close_references(scoped)
    for rt in RECORD_TYPES.values():
        for spec in rt.children:
            child = str(spec.model._meta.table_name)
            scoped[child] = _in(child, spec.parent_field, scoped[rt.table])
    every = set().union(*(scoped[t] for t in scoped if t != "attachment"))
    scoped["attachment"] = _in("attachment", "record_id", every)
    return scoped


def _in(table: str, column: str, ids: set[str]) -> set[str]:
    found: set[str] = set()
    chunk = sorted(ids)
    for start in range(0, len(chunk), 500):
        part = chunk[start : start + 500]
        marks = ", ".join("?" * len(part))
        found |= _ids(f"SELECT id FROM {table} WHERE {column} IN ({marks})", tuple(part))
    return found


def _close_references(scoped: dict[str, set[str]]) -> None:
    """Add what in-scope top-level records point to, until nothing new turns up."""
    changed = True
    while changed:
        changed = False
        for rt in RECORD_TYPES.values():
            refs = [f for f in user_fields(rt.model) if isinstance(f, RefId)]
            for field in refs:
                target = RECORD_TYPES[field.ref].table
                wanted = _targets(rt.table, field.name, scoped[rt.table])
                new = wanted - scoped[target]
                if new:
                    scoped[target] |= new
                    changed = True


def _targets(table: str, column: str, ids: set[str]) -> set[str]:
    found: set[str] = set()
    chunk = sorted(ids)
    for start in range(0, len(chunk), 500):
        part = chunk[start : start + 500]
        marks = ", ".join("?" * len(part))
        found |= _ids(
            f"SELECT {column} FROM {table} WHERE id IN ({marks}) AND {column} IS NOT NULL",
            tuple(part),
        )
    return found
