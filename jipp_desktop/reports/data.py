"""Read-only aggregates behind the reports (Qt-free, no PDF code).

Kept apart from the PDF layout so the GUI dashboard can show the same figures the
printed hub summary and national recap show.  Each function is one or a few
grouped SQL statements over the peewee models; deleted records never count, nor
do children of deleted visits or replications.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import peewee

from jipp_desktop.core import engine
from jipp_desktop.core import models as m
from jipp_desktop.core.dashboard import CLOSED_TASK_STATES, titles

_CHUNK = 500


@dataclass(frozen=True)
class Period:
    """An inclusive date range; either end may be open."""

    start: dt.date | None = None
    end: dt.date | None = None

    def where(self, column: Any) -> Any:
        """SQL condition on an ISO date column (text compares correctly as YYYY-MM-DD)."""
        cond = column.is_null(False)
        if self.start is not None:
            cond &= column >= self.start.isoformat()
        if self.end is not None:
            cond &= column <= self.end.isoformat()
        return cond

    @property
    def bounded(self) -> bool:
        return self.start is not None or self.end is not None

    def where_dated(self, column: Any) -> Any:
        """Rows dated in the period; for an unbounded period every row, dated or not."""
        return self.where(column) if self.bounded else peewee.SQL("1 = 1")

    def where_year(self, column: Any) -> Any:
        """Rows whose year (an integer column) falls in the period's years."""
        if not self.bounded:
            return peewee.SQL("1 = 1")
        cond = column.is_null(False)
        if self.start is not None:
            cond &= column >= self.start.year
        if self.end is not None:
            cond &= column <= self.end.year
        return cond

    def has_date(self, value: str | None) -> bool:
        """The same test as ``where_dated`` on one ISO date from a record dict."""
        if not self.bounded:
            return True
        if not value:
            return False
        day = str(value)[:10]
        return (self.start is None or day >= self.start.isoformat()) and (
            self.end is None or day <= self.end.isoformat()
        )

    def has_year(self, year: int | None) -> bool:
        if not self.bounded:
            return True
        if year is None:
            return False
        return (self.start is None or year >= self.start.year) and (
            self.end is None or year <= self.end.year
        )

    @property
    def as_of(self) -> dt.date:
        """The day "overdue" is judged on: the period's end, or today for a running one."""
        today = dt.date.today()
        return min(self.end, today) if self.end is not None else today


def agency_names(ids: Iterable[str | None]) -> dict[str, str]:
    return titles("agency", [i for i in ids if i])


def innovation_titles(ids: Iterable[str | None]) -> dict[str, str]:
    return titles("innovation", [i for i in ids if i])


def step_progress(replication_ids: Iterable[str]) -> dict[str, tuple[int, int]]:
    """replication id -> (action-plan steps done, steps in all), cancelled steps left out."""
    s = m.ReplicationStep
    wanted = list(dict.fromkeys(replication_ids))
    out: dict[str, tuple[int, int]] = {}
    done = peewee.fn.SUM(peewee.Case(None, [(s.status == "done", 1)], 0))
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        query = (
            s.select(s.replication_id, done, peewee.fn.COUNT(s.seq))
            .where(m.alive(s) & s.replication_id.in_(chunk) & (s.status != "cancelled"))
            .group_by(s.replication_id)
        )
        for rid, n_done, total in m.result_tuples(query):
            out[str(rid)] = (int(n_done or 0), int(total))
    return out


def _count_by(model: type[m.SyncedModel], column: Any, where: Any) -> dict[str, int]:
    query = model.select(column, peewee.fn.COUNT(model.seq)).where(where).group_by(column)
    return {("" if k is None else str(k)): int(n) for k, n in m.result_tuples(query)}


@dataclass
class HubFigures:
    """Everything the hub summary counts for one province and period."""

    province_code: str
    period: Period
    hubs: list[dict[str, Any]] = field(default_factory=list)
    innovations_by_stage: dict[str, int] = field(default_factory=dict)
    innovations_by_category: dict[str, int] = field(default_factory=dict)
    replications_by_status: dict[str, int] = field(default_factory=dict)
    replications_started: int = 0
    visits: int = 0
    followups_open: int = 0
    followups_overdue: int = 0
    followups_done: int = 0

    @property
    def innovations(self) -> int:
        return sum(self.innovations_by_stage.values())

    @property
    def replications(self) -> int:
        return sum(self.replications_by_status.values())


def _visit_in_province(province: str) -> Any:
    return m.Visit.regency_code.startswith(f"{province}.")


def hub_figures(province: str, period: Period) -> HubFigures:
    i, r, v, f = m.Innovation, m.Replication, m.Visit, m.VisitFollowUp
    out = HubFigures(province, period)
    out.hubs = list(
        m.Hub.select(m.Hub.id, m.Hub.name, m.Hub.status, m.Hub.year_designated)
        .where(m.alive(m.Hub) & (m.Hub.province_code == province))
        .order_by(m.Hub.name)
        .dicts()
    )
    # A period limits every figure: innovations by the year they started, replications by
    # their start date, visits by theirs.
    in_prov = m.alive(i) & (i.province_code == province) & period.where_year(i.year_started)
    out.innovations_by_stage = _count_by(i, i.stage, in_prov)
    out.innovations_by_category = _count_by(i, i.category, in_prov)
    rep_where = m.alive(r) & (r.province_code == province) & period.where_dated(r.started_on)
    out.replications_by_status = _count_by(r, r.status, rep_where)
    out.replications_started = r.select().where(rep_where & period.where(r.started_on)).count()
    visit_where = m.alive(v) & _visit_in_province(province) & period.where(v.start_date)
    out.visits = v.select().where(visit_where).count()
    fu = (
        f.select(f.status, f.due_date)
        .join(v, on=(v.id == f.visit_id))
        .where(m.alive(f) & m.alive(v) & _visit_in_province(province))
    )
    if period.end is not None:
        fu = fu.where(v.start_date <= period.end.isoformat())
    as_of = period.as_of.isoformat()
    for status, due in m.result_tuples(fu):
        if status == "done":
            out.followups_done += 1
        elif status not in CLOSED_TASK_STATES:
            out.followups_open += 1
            if due and str(due) < as_of:
                out.followups_overdue += 1
    return out


@dataclass(frozen=True)
class OpenFollowUp:
    visit_id: str
    visit_start: str
    action: str
    owner: str
    due_date: str
    status: str
    overdue: bool


def open_followups(province: str, period: Period) -> list[OpenFollowUp]:
    """Follow-ups not done or cancelled, from visits up to the period's end; by due date."""
    f, v = m.VisitFollowUp, m.Visit
    query = (
        f.select(f.visit_id, v.start_date, f.action, f.owner, f.due_date, f.status)
        .join(v, on=(v.id == f.visit_id))
        .where(
            m.alive(f)
            & m.alive(v)
            & _visit_in_province(province)
            & f.status.not_in(CLOSED_TASK_STATES)
        )
        .order_by(f.due_date.is_null(), f.due_date, f.hlc, f.id)
    )
    if period.end is not None:
        query = query.where(v.start_date <= period.end.isoformat())
    as_of = period.as_of.isoformat()
    return [
        OpenFollowUp(
            str(vid),
            str(start),
            str(action),
            owner or "",
            due or "",
            str(status),
            bool(due) and str(due) < as_of,
        )
        for vid, start, action, owner, due, status in m.result_tuples(query)
    ]


@dataclass(frozen=True)
class VisitLine:
    id: str
    start_date: str
    end_date: str | None
    regency_code: str
    place: str
    mentors: int
    participants: int
    obstacles: int
    followups: int


def visit_lines(province: str, period: Period) -> list[VisitLine]:
    """Visits in the province and period with the size of each child list."""
    v = m.Visit
    visits = m.result_tuples(
        v.select(v.id, v.start_date, v.end_date, v.regency_code, v.place)
        .where(m.alive(v) & _visit_in_province(province) & period.where(v.start_date))
        .order_by(v.start_date, *m.synced_order(v))
    )
    ids = [str(row[0]) for row in visits]
    counts: dict[type[m.SyncedModel], dict[str, int]] = {}
    for model in (m.VisitMentor, m.VisitParticipant, m.VisitObstacle, m.VisitFollowUp):
        per: dict[str, int] = {}
        for start in range(0, len(ids), _CHUNK):
            chunk = ids[start : start + _CHUNK]
            col = model.visit_id
            per.update(_count_by(model, col, m.alive(model) & col.in_(chunk)))
        counts[model] = per
    return [
        VisitLine(
            str(vid),
            str(start),
            end,
            str(regency),
            place or "",
            counts[m.VisitMentor].get(str(vid), 0),
            counts[m.VisitParticipant].get(str(vid), 0),
            counts[m.VisitObstacle].get(str(vid), 0),
            counts[m.VisitFollowUp].get(str(vid), 0),
        )
        for vid, start, end, regency, place in visits
    ]


@dataclass
class ProvinceLine:
    """One row of the national recap."""

    code: str
    name: str
    hubs: list[str] = field(default_factory=list)
    hub_status: str | None = None
    innovations: int = 0
    replications: int = 0
    replications_done: int = 0
    visits: int = 0
    commitments: int = 0
    followups_open: int = 0


def _year_of(column: Any, year: int | None) -> Any:
    if year is None:
        return peewee.SQL("1 = 1")  # a literal: a bound True would be a 0/1 flag (engine.py)
    if isinstance(column, peewee.IntegerField):
        return column == year
    return column.startswith(f"{year:04d}-")


def national_lines(year: int | None = None) -> list[ProvinceLine]:
    """One line per province that has a hub or any record, in code order."""
    i, r, v, c, f, h = m.Innovation, m.Replication, m.Visit, m.Commitment, m.VisitFollowUp, m.Hub
    lines: dict[str, ProvinceLine] = {
        str(code): ProvinceLine(str(code), str(name))
        for code, name in m.result_tuples(m.Province.select(m.Province.code, m.Province.name))
    }

    def line(code: Any) -> ProvinceLine:
        key = str(code)
        return lines.setdefault(key, ProvinceLine(key, key))

    for code, name, status in m.result_tuples(
        h.select(h.province_code, h.name, h.status).where(m.alive(h)).order_by(h.name)
    ):
        target = line(code)
        target.hubs.append(str(name))
        target.hub_status = target.hub_status or status
    for code, n in _count_by(
        i, i.province_code, m.alive(i) & _year_of(i.year_started, year)
    ).items():
        line(code).innovations = n
    rep_where = m.alive(r) & _year_of(r.started_on, year)
    for code, n in _count_by(r, r.province_code, rep_where).items():
        line(code).replications = n
    done_where = rep_where & (r.status == "completed")
    for code, n in _count_by(r, r.province_code, done_where).items():
        line(code).replications_done = n
    prov_of_visit = engine.leading(v.regency_code, 2)
    for code, n in _count_by(v, prov_of_visit, m.alive(v) & _year_of(v.start_date, year)).items():
        line(code).visits = n
    for code, n in _count_by(c, c.province_code, m.alive(c) & _year_of(c.signed_on, year)).items():
        line(code).commitments = n
    open_fu = (
        f.select(prov_of_visit, peewee.fn.COUNT(f.seq))
        .join(v, on=(v.id == f.visit_id))
        .where(
            m.alive(f)
            & m.alive(v)
            & f.status.not_in(CLOSED_TASK_STATES)
            & _year_of(v.start_date, year)
        )
        .group_by(prov_of_visit)
    )
    for code, n in m.result_tuples(open_fu):
        line(code).followups_open = int(n)
    return [
        ln
        for _, ln in sorted(lines.items())
        if ln.hubs or ln.innovations or ln.replications or ln.visits or ln.commitments
    ]


def hub_status_counts() -> dict[str, int]:
    return _count_by(m.Hub, m.Hub.status, m.alive(m.Hub))
