"""Read-only aggregates for the dashboard and the list filters (Qt-free).

The record service answers questions about one record type through a ``ListQuery``;
these functions answer the cross-cutting ones a dashboard asks (counts grouped by a
field, follow-ups coming due, visits per month) in one SQL statement each, so the
GUI never holds SQL.  Deleted records (and children of deleted visits) never count.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import peewee

from jipp_desktop.core import engine
from jipp_desktop.core import models as m
from jipp_desktop.core.listing import YEAR_FIELD
from jipp_desktop.core.regions import province_aliases
from jipp_desktop.core.registry import record_type

# Follow-ups in these states need no more attention.
CLOSED_TASK_STATES = ("done", "cancelled")


@dataclass(frozen=True)
class DueFollowUp:
    visit_id: str
    visit_start: str
    regency_code: str
    action: str
    owner: str | None
    due_date: str
    status: str
    overdue: bool


def count_by(type_name: str, field_name: str) -> dict[str | None, int]:
    """Live records of ``type_name`` per value of ``field_name`` (None for blanks)."""
    model = record_type(type_name).model
    column = getattr(model, field_name)
    rows = model.select(column, peewee.fn.COUNT(model.seq)).where(m.alive(model)).group_by(column)
    return {value: int(count) for value, count in m.result_tuples(rows)}


def replication_progress() -> dict[str, dict[str, int]]:
    """Replications per province code, then per status: {"53": {"preparation": 2, ...}}."""
    model = m.Replication
    rows = (
        model.select(model.province_code, model.status, peewee.fn.COUNT(model.seq))
        .where(m.alive(model))
        .group_by(model.province_code, model.status)
    )
    out: dict[str, dict[str, int]] = {}
    for province, status, count in m.result_tuples(rows):
        out.setdefault(str(province), {})[str(status)] = int(count)
    return out


def followups_due(today: dt.date | None = None, limit: int = 200) -> list[DueFollowUp]:
    """Open follow-ups that are overdue or due by the end of this month, oldest first."""
    today = today or dt.date.today()
    next_month = (today.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    f, v = m.VisitFollowUp, m.Visit
    rows = (
        f.select(f.visit_id, v.start_date, v.regency_code, f.action, f.owner, f.due_date, f.status)
        .join(v, on=(v.id == f.visit_id))
        .where(
            m.alive(f)
            & m.alive(v)
            & f.due_date.is_null(False)
            & (f.due_date < next_month.isoformat())
            & f.status.not_in(CLOSED_TASK_STATES)
        )
        .order_by(f.due_date, f.seq)
        .limit(limit)
    )
    return [
        DueFollowUp(
            str(vid),
            str(start),
            str(regency),
            str(action),
            owner,
            str(due),
            str(status),
            str(due) < today.isoformat(),
        )
        for vid, start, regency, action, owner, due, status in m.result_tuples(rows)
    ]


def visits_per_month(months: int = 12, today: dt.date | None = None) -> list[tuple[str, int]]:
    """(YYYY-MM, visits starting that month) for the last ``months`` months, oldest first."""
    today = today or dt.date.today()
    keys: list[str] = []
    year, month = today.year, today.month
    for _ in range(months):
        keys.append(f"{year:04d}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    keys.reverse()
    v = m.Visit
    month_of = engine.leading(v.start_date, 7)
    rows = (
        v.select(month_of, peewee.fn.COUNT(v.seq))
        .where(m.alive(v) & (v.start_date >= f"{keys[0]}-01"))
        .group_by(month_of)
    )
    found = {str(key): int(count) for key, count in m.result_tuples(rows)}
    return [(key, found.get(key, 0)) for key in keys]


def distinct_values(type_name: str, field_name: str, limit: int = 500) -> list[str]:
    """The values a filter can offer for free-text fields such as an innovation's category."""
    model = record_type(type_name).model
    column = getattr(model, field_name)
    rows = (
        model.select(column)
        .distinct()
        .where(m.alive(model) & column.is_null(False) & (column != ""))
        .order_by(column)
        .limit(limit)
    )
    return [str(value) for (value,) in m.result_tuples(rows)]


def years(type_name: str, field_name: str) -> list[int]:
    """The years present in a year or ISO-date field, newest first."""
    model = record_type(type_name).model
    column = getattr(model, field_name)
    expr = column if isinstance(column, peewee.IntegerField) else engine.leading(column, 4)
    rows = model.select(expr).distinct().where(m.alive(model) & column.is_null(False))
    found: set[int] = set()
    for (value,) in m.result_tuples(rows):
        try:
            found.add(int(value))
        except (TypeError, ValueError):
            continue
    return sorted(found, reverse=True)


def titles(type_name: str, ids: Iterable[str]) -> dict[str, str]:
    """id -> title of records (deleted ones too, so old links still read well)."""
    rt = record_type(type_name)
    model = rt.model
    wanted = list(dict.fromkeys(i for i in ids if i))
    out: dict[str, str] = {}
    title = getattr(model, rt.title_field)
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        for rid, text in m.result_tuples(model.select(model.id, title).where(model.id.in_(chunk))):
            out[str(rid)] = "" if text is None else str(text)
    return out


def choices(type_name: str, limit: int = 2000) -> list[tuple[str, str]]:
    """(id, title) of live records for a picker, by title; small types only."""
    rt = record_type(type_name)
    model = rt.model
    title = getattr(model, rt.title_field)
    rows = (
        model.select(model.id, title).where(m.alive(model)).order_by(title, model.seq).limit(limit)
    )
    return [(str(rid), "" if text is None else str(text)) for rid, text in m.result_tuples(rows)]


def choice_aliases(type_name: str) -> dict[str, str]:
    """Extra words a picker finds a record by: an agency's short name ("Bappenas"), a
    hub's province and its short forms ("sumut" finds Simpul Inovasi Sumatera Utara)."""
    if type_name == "hub":
        short = province_aliases()
        names = dict(m.result_tuples(m.Province.select(m.Province.code, m.Province.name)))
        hubs = m.Hub.select(m.Hub.id, m.Hub.province_code).where(m.alive(m.Hub))
        return {
            str(rid): ";".join(filter(None, (names.get(prov, ""), short.get(prov, ""))))
            for rid, prov in m.result_tuples(hubs)
        }
    if type_name != "agency":
        return {}
    rows = m.Agency.select(m.Agency.id, m.Agency.short_name).where(
        m.alive(m.Agency), m.Agency.short_name.is_null(False)
    )
    return {str(rid): str(short) for rid, short in m.result_tuples(rows) if short}


def last_changed(type_name: str) -> str | None:
    """The id of the live record of ``type_name`` created or changed last.

    By the audit trail's order, not ``updated_at``: that has whole seconds, and an
    officer who saves two records within one second still means the second."""
    model: type[m.SyncedModel] = record_type(type_name).model
    audit: Any = m.Audit
    rows = (
        audit.select(audit.record_id)
        .join(model, on=(model.id == audit.record_id))
        .where((audit.record_type == type_name) & m.alive(model))
        .order_by(audit.id.desc())
        .limit(1)
    )
    found = m.result_tuples(rows)
    return str(found[0][0]) if found else None


def year_field(type_name: str) -> str | None:
    """The field a list's year filter looks at (the same one ``ListQuery.year`` uses)."""
    return YEAR_FIELD.get(type_name)
