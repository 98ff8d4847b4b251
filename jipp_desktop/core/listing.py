"""Reading lists of records: a ListQuery turned into SQL, rows turned into JSON-ready dicts.

Lists are the GUI's hot path (every keystroke in a search box, every scroll of a
100,000-row table), so rows are read straight from the cursor rather than
through peewee model instances, and the column list is compiled once per type.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import peewee

from jipp_desktop.core import engine, engine_postgresql
from jipp_desktop.core import models as m
from jipp_desktop.core.errors import FieldError, ValidationError
from jipp_desktop.core.fields import CategoryText, LongText, RefId, ShortText
from jipp_desktop.core.matching import normalise
from jipp_desktop.core.query import ListQuery, fts_expression, search_words
from jipp_desktop.core.registry import RECORD_TYPES, RecordType, user_fields

# peewee's stubs type a select by its model; ours mix models and raw SQL nodes.
Select = Any

# The field that a "year" filter looks at, per record type.
YEAR_FIELD = {
    "innovation": "year_started",
    "workplan": "year",
    "hub": "year_designated",
    "visit": "start_date",
    "commitment": "signed_on",
    "replication": "started_on",
}

_META = ("created_at", "updated_at", "updated_by", "deleted", "seq")


def record_dict(row: m.SyncedModel, *, meta: bool = True) -> dict[str, Any]:
    """A record as the JSON contract shows it: id, user fields, then when/who last changed it."""
    model = type(row)
    out: dict[str, Any] = {"id": row.id}
    for field in user_fields(model):
        value = getattr(row, field.name)
        out[field.name] = bool(value) if isinstance(field, peewee.BooleanField) else value
    if isinstance(row, m.Attachment):
        out.update(
            record_type=row.record_type,
            record_id=row.record_id,
            sha256=row.sha256,
            mime=row.mime,
            size=row.size,
        )
    if meta:
        out.update({name: getattr(row, name) for name in _META})
        out["deleted"] = bool(row.deleted)
    return out


def build_select(rt: RecordType, q: ListQuery, select: Select) -> Select:
    """Apply the query's trash flag, filters, year, search, order and page to ``select``."""
    return _ordered(rt, q, *_filtered(rt, q, select))


def compile_list(rt: RecordType, q: ListQuery, select: Select) -> tuple[str, list[Any]]:
    """build_select's SQL and parameters.  On PostgreSQL the first page of a search as
    you type (newest matches first) bounds its walk of the newest rows
    (engine_postgresql.newest_matches): at ten national years the plain query could test
    every row's text for a prefix that matches few."""
    filtered, ranked = _filtered(rt, q, select)
    if engine.is_postgresql() and ranked and _newest_first(q) and q.limit and not q.offset:
        sql, params = filtered.sql()
        return engine_postgresql.newest_matches(rt.table, sql, list(params), q.limit)
    sql, params = _ordered(rt, q, filtered, ranked).sql()
    return sql, list(params)


def _newest_first(q: ListQuery) -> bool:
    """The order of a search's preview: newest first, before the ranked answer."""
    return q.sort is None and not q.ranked


def _filtered(rt: RecordType, q: ListQuery, select: Select) -> tuple[Select, bool]:
    """``select`` with the query's trash flag, filters, year and search; True when the
    search can be ranked by relevance."""
    model: Any = rt.model
    select = select.where(model.deleted == q.deleted)
    fields = {f.name for f in user_fields(model)}
    for name, value in q.filters.items():
        if value is None:
            continue
        if name == "province_code" and name not in fields and "regency_code" in fields:
            # Records placed only by regency (visits) belong to its province: PP.RR.
            select = select.where(model.regency_code.startswith(f"{value}."))
        elif name in fields:
            select = select.where(getattr(model, name) == value)
        else:
            raise _unknown(name, f"Filter '{name}' tidak dikenal.", f"Unknown filter '{name}'.")
    if q.year is not None and rt.name in YEAR_FIELD:
        year_field = getattr(model, YEAR_FIELD[rt.name])
        if isinstance(year_field, peewee.IntegerField):
            select = select.where(year_field == q.year)
        else:
            select = select.where(year_field.startswith(f"{q.year:04d}-"))
    ranked = False
    if q.search:
        select, ranked = _search(rt, select, q.search)
    return select, ranked


def _ordered(rt: RecordType, q: ListQuery, select: Select, ranked: bool) -> Select:
    if q.sort != "":
        select = _order(rt, select, q, ranked)
    if q.limit is not None:
        select = select.limit(q.limit).offset(q.offset)
    return select


def list_select(model: type[m.SyncedModel]) -> Select:
    """SELECT of the list columns as one prebuilt SQL node.

    Compiling ~30 column nodes costs as much as running the query; peewee names
    the model's own table "t1" in every select, which the prebuilt list relies on.
    """
    return model.select(_column_sql(model))


def fetch_dicts(model: type[m.SyncedModel], sql: str, params: Any) -> list[dict[str, Any]]:
    """Rows as record_dict() would give them, straight from the cursor."""
    names, flags = _row_shape(model)
    cursor: Any = m.database.execute_sql(sql, params)
    rows = [dict(zip(names, row, strict=True)) for row in cursor]
    for row in rows:
        for name in flags:
            row[name] = bool(row[name])
    return rows


def _search(rt: RecordType, select: Select, text: str) -> tuple[Select, bool]:
    model = rt.model
    if rt.fts_table:
        match = _text_match(rt, "t1", text)
        if match is None:
            return select, False
        category: Any = getattr(model, "category", None)
        codes = _category_codes(text) if isinstance(category, CategoryText) else []
        if codes:
            # The index holds the stored code, not its labels: "pendidikan" also finds the
            # records filed under a category so named. FTS5 refuses MATCH inside an OR,
            # so SQLite tests the index in a subquery; such a search comes unranked.
            if not engine.is_postgresql():
                match = peewee.SQL(
                    f"t1.seq IN (SELECT rowid FROM {rt.fts_table} WHERE {match.sql})",
                    match.params,
                )
            return select.where(match | category.in_(codes)), False
        if not engine.is_postgresql():
            fts: Any = peewee.Table(rt.fts_table, ["rowid", "rank"])
            select = select.join(fts, on=(fts.rowid == model.seq))
        return select.where(match), True
    # Types without a full-text index are smaller (hubs, replications...): match their
    # own text, and the full text of what they point to (a replication is found by
    # its innovation's title).
    term = text.strip()
    where = None
    for field in user_fields(model):
        clause = None
        if isinstance(field, RefId):
            target = RECORD_TYPES.get(field.ref)
            if target is not None and target.fts_table:
                found = _matching_ids(target, text)
                clause = field.in_(found) if found is not None else None
        elif isinstance(field, ShortText | LongText):
            clause = field.contains(term)
        if clause is not None:
            where = clause if where is None else where | clause
    return (select.where(where) if where is not None else select), False


def _category_codes(text: str) -> list[str]:
    """Codes of the categories whose Indonesian or English label has a word starting with
    each word of ``text`` ("pendid" -> every year's "Pendidikan"). The category table is a
    few dozen rows, so reading it per search costs far less than the full-text query."""
    words = normalise(text).split()
    if not words:
        return []
    rows = engine.sql("SELECT code, label_id, label_en FROM category").fetchall()
    return [
        code
        for code, label_id, label_en in rows
        if any(_prefixes(words, normalise(label).split()) for label in (label_id, label_en))
    ]


def _prefixes(words: list[str], label_words: list[str]) -> bool:
    return all(any(lw.startswith(w) for lw in label_words) for w in words)


def _text_match(rt: RecordType, alias: str, text: str) -> peewee.SQL | None:
    """The full-text condition on ``rt``'s rows (None when ``text`` has no words):
    FTS5's MATCH on SQLite, the tsvector GIN index on PostgreSQL."""
    if engine.is_postgresql():
        words = search_words(text)
        if words is None:
            return None
        return peewee.SQL(engine_postgresql.search_match(alias), [words])
    expr = fts_expression(text)
    if expr is None:
        return None
    return peewee.SQL(f"{rt.fts_table} MATCH ?", [expr])


def _matching_ids(target: RecordType, text: str) -> peewee.SQL | None:
    """A subquery of the ids of ``target``'s records whose full text matches ``text``."""
    if engine.is_postgresql():
        match = _text_match(target, "r", text)
        if match is None:
            return None
        return peewee.SQL(f"(SELECT r.id FROM {target.table} r WHERE {match.sql})", match.params)
    expr = fts_expression(text)
    if expr is None:
        return None
    return peewee.SQL(
        f"(SELECT r.id FROM {target.table} r JOIN {target.fts_table} f "
        f"ON f.rowid = r.seq WHERE {target.fts_table} MATCH ?)",
        [expr],
    )


def _order(rt: RecordType, select: Select, q: ListQuery, ranked: bool) -> Select:
    """Search results by relevance break ties on synced data (creation stamp, then id), as
    child rows do (models.synced_order), so two laptops with the same data list them the
    same; that costs nothing, as the ranking sorts every match anyway."""
    model = rt.model
    if q.sort is None and ranked:
        if engine.is_postgresql():
            if _newest_first(q):
                return select.order_by(model.seq.desc())
            rank = engine_postgresql.search_rank('"t1"')
            return select.order_by(
                peewee.SQL(f"{rank} DESC", [search_words(q.search or "")]), model.hlc, model.id
            )
        fts: Any = peewee.Table(str(rt.fts_table), ["rowid", "rank"])
        if _newest_first(q):
            # The preview shown while the officer types: the index's order lets the LIMIT
            # stop early, and the ranked answer replaces it once the keys pause.
            return select.order_by(fts.rowid.desc())
        return select.order_by(fts.rank, model.hlc, model.id)
    name = q.sort or rt.default_sort
    known = {f.name for f in user_fields(model)} | {"created_at", "updated_at"}
    if name not in known:
        raise _unknown(
            name, f"Urutan '{name}' tidak dikenal.", f"Cannot sort by unknown field '{name}'."
        )
    column = getattr(model, name)
    order = column.desc() if q.descending else column.asc()
    # Ties here stay on the local row number: the index of the sort column holds it, so
    # the whole list comes in index order; a synced tie-break made opening a 100,000-row
    # list 16-23% slower (a sort of every run of equal values).
    tie = model.seq.desc() if q.descending else model.seq.asc()
    return select.order_by(order, tie)


def _unknown(name: str, message_id: str, message_en: str) -> ValidationError:
    return ValidationError([FieldError(name, "unknown_field", message_id, message_en)])


@cache
def _list_columns(model: type[m.SyncedModel]) -> tuple[peewee.Field, ...]:
    """The columns of record_dict(row) in its order (lists skip the sync bookkeeping)."""
    return (model.id, *user_fields(model), *(getattr(model, n) for n in _META))


@cache
def _column_sql(model: type[m.SyncedModel]) -> peewee.SQL:
    return peewee.SQL(", ".join(f'"t1"."{f.column_name}"' for f in _list_columns(model)))


@cache
def _row_shape(model: type[m.SyncedModel]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The list columns' names, and those of them that hold booleans."""
    columns = _list_columns(model)
    names = tuple(f.name for f in columns)
    flags = tuple(f.name for f in columns if isinstance(f, peewee.BooleanField))
    return names, flags
