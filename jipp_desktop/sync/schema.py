"""Which tables and columns travel in a package, by table name."""

from __future__ import annotations

from functools import cache

import peewee

from jipp_desktop.core import models as m
from jipp_desktop.core.registry import RECORD_TYPES, SYNCED_MODELS, user_fields

# Attachment rows carry file facts that are no user field but must travel with the row.
_EXTRA: dict[type[m.SyncedModel], tuple[str, ...]] = {
    m.Attachment: ("record_type", "record_id", "sha256", "mime", "size"),
}

TABLES: dict[str, type[m.SyncedModel]] = {
    str(model._meta.table_name): model for model in SYNCED_MODELS
}
TABLE_ORDER: tuple[str, ...] = tuple(TABLES)


@cache
def synced_fields(table: str) -> tuple[str, ...]:
    """Columns of ``table`` merged field by field (user fields plus file facts)."""
    model = TABLES[table]
    names = [f.name for f in user_fields(model)]
    return (*_EXTRA.get(model, ()), *names)


@cache
def field_object(table: str, name: str) -> peewee.Field:
    found: peewee.Field = TABLES[table]._meta.fields[name]
    return found


@cache
def is_flag(table: str, name: str) -> bool:
    return isinstance(field_object(table, name), peewee.BooleanField)


@cache
def record_type_of(table: str) -> tuple[str, str | None]:
    """(record type, parent field) owning ``table``; parent field None for a top record."""
    for rt in RECORD_TYPES.values():
        if rt.table == table:
            return rt.name, None
        for spec in rt.children:
            if str(spec.model._meta.table_name) == table:
                return rt.name, spec.parent_field
    return "attachment", None


def stored(value: object) -> object:
    """A value as both engines store it: flags are 0/1 integers (PostgreSQL would refuse a
    boolean for its BIGINT flag columns; SQLite turns True into 1 itself)."""
    return int(value) if isinstance(value, bool) else value
