"""Saves from a stale form: two editors opened on the same version must not lose a change.

When an editor opens a record it keeps the record's *version*: the per-field change
stamps of the record and of each of its child rows (``RecordVersion``).  Every write
of a field, by the record service, a sync import, a conflict choice or the clock
repair, gives that field a new stamp, so comparing the stamps a save would overwrite
with the ones the editor saw tells whether somebody else changed them meanwhile.  The
record service makes that comparison inside the transaction of the write
(``RecordService.update(..., base=version)``), and refuses the whole save with
``StaleEdit`` naming who changed what and when, from the audit trail.

Only what the save would really change is compared: a field the editor leaves as it
was, or sets to the value somebody else already wrote, is no conflict, and a child row
added by somebody else after the editor opened is kept, not deleted as "missing from
the list".
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from jipp_desktop.core import engine, idformat
from jipp_desktop.core import models as m
from jipp_desktop.core.errors import JippError
from jipp_desktop.core.registry import ChildSpec, RecordType, field_label, user_fields

# Row key -> that row's stamps (field -> stamp, "_cl" for delete/restore).  The record
# itself is under "", each live child row under "<child key>[<row id>]".
RecordVersion = dict[str, dict[str, str]]
RECORD = ""
_TOKEN_PREFIX = "v1."


def child_key(spec: ChildSpec, row_id: str) -> str:
    return f"{spec.key}[{row_id}]"


def version_of(
    row: m.SyncedModel, children: Mapping[ChildSpec, list[m.SyncedModel]]
) -> RecordVersion:
    """The version of a record read together with its live child rows."""
    version: RecordVersion = {RECORD: _stamps(row)}
    for spec, rows in children.items():
        for child in rows:
            version[child_key(spec, str(child.id))] = _stamps(child)
    return version


def _stamps(row: m.SyncedModel) -> dict[str, str]:
    stamps = json.loads(row.stamps)
    return {str(k): str(v) for k, v in stamps.items()}


def encode(version: RecordVersion) -> str:
    """A version as one short word for the command line (``record version``)."""
    raw = json.dumps(version, sort_keys=True, separators=(",", ":")).encode()
    return _TOKEN_PREFIX + base64.urlsafe_b64encode(zlib.compress(raw, 9)).decode().rstrip("=")


def decode(token: str) -> RecordVersion:
    """The version a token names; ValueError when it is not one ``encode`` wrote."""
    if not token.startswith(_TOKEN_PREFIX):
        raise ValueError("not a record version")
    body = token[len(_TOKEN_PREFIX) :]
    try:
        raw = zlib.decompress(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
        data = json.loads(raw)
    except (binascii.Error, zlib.error, ValueError) as exc:
        raise ValueError("not a record version") from exc
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and isinstance(v, dict) for k, v in data.items()
    ):
        raise ValueError("not a record version")
    return {k: {str(f): str(s) for f, s in v.items()} for k, v in data.items()}


@dataclass(frozen=True)
class Overwritten:
    """One thing a save would overwrite that changed since the editor opened the record."""

    path: str  # "title", "signatories[<id>].name", "signatories[<id>]" or "" (the record)
    label: tuple[str, str]  # what the officer calls it (Indonesian, English)
    actor: str  # the officer named by the audit trail (for a sync import: who imported)
    at: str  # when, ISO 8601 UTC as the audit trail keeps it
    deleted: bool = False  # the record or row went to the trash meanwhile
    sender: str | None = None  # the laptop whose package brought the change, if one did

    def line(self, lang: str) -> str:
        when = _when(self.at, lang)
        what = self.label[0] if lang == "id" else self.label[1]
        if lang == "id":
            verb = "dipindahkan ke tempat sampah" if self.deleted else "diubah"
            who = self.actor
            if self.sender is not None:
                who = f"paket dari {self.sender} (diimpor oleh {self.actor})"
            return f"{what} {verb} oleh {who} pada {when} sejak Anda membukanya."
        verb = "was moved to the trash" if self.deleted else "was changed"
        who = self.actor
        if self.sender is not None:
            who = f"a package from {self.sender} (imported by {self.actor})"
        return f"{what} {verb} by {who} on {when} since you opened it."


class StaleEdit(JippError):
    """A save from a form opened on an older version would overwrite someone's change;
    nothing was written (exit status 9)."""

    def __init__(self, type_name: str, record_id: str, found: list[Overwritten]) -> None:
        super().__init__()
        self.type_name = type_name
        self.record_id = record_id
        self.found = found
        self.message_id = "Perubahan Anda tidak disimpan:\n" + "\n".join(
            "- " + o.line("id") for o in found
        )
        self.message_en = "Your changes were not saved:\n" + "\n".join(
            "- " + o.line("en") for o in found
        )

    @property
    def paths(self) -> list[str]:
        return [o.path for o in self.found]


def _when(at: str, lang: str) -> str:
    try:
        moment = dt.datetime.fromisoformat(at)
    except ValueError:
        return at or "?"
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    local = moment.astimezone()
    return f"{idformat.format_datetime(local, lang)} {local.tzname() or ''}".rstrip()


# -- the check -------------------------------------------------------------------------


def overwritten(
    rt: RecordType,
    row: m.SyncedModel,
    children: Mapping[ChildSpec, list[m.SyncedModel]],
    changes: Mapping[str, Any],
    base: RecordVersion,
) -> list[Overwritten]:
    """What ``changes`` would overwrite among the things changed since ``base``.

    ``row`` is the record as it is now (in the trash, too) and ``children`` its live
    child rows, read inside the transaction that is about to write.
    """
    found: list[tuple[str, str]] = []  # (path, the field whose audit names the change)
    now = _stamps(row)
    seen = base.get(RECORD, {})
    if row.deleted:
        found.append(("", "_cl"))
    else:
        for name in (f.name for f in user_fields(type(row))):
            moved = name in changes and now.get(name) != seen.get(name)
            if moved and not _same(getattr(row, name), changes[name]):
                found.append((name, name))
        for spec in rt.children:
            if spec.key in changes:
                found += _child_overwrites(spec, children.get(spec, []), changes[spec.key], base)
    return [_named(rt, row, path, field) for path, field in found]


def _child_overwrites(
    spec: ChildSpec, live: list[m.SyncedModel], items: Any, base: RecordVersion
) -> list[tuple[str, str]]:
    if not isinstance(items, list):
        return []  # the validator names the problem
    current = {str(c.id): c for c in live}
    listed: set[str] = set()
    found: list[tuple[str, str]] = []
    for item in items:
        if not isinstance(item, Mapping) or not isinstance(item.get("id"), str):
            continue
        row_id = item["id"]
        listed.add(row_id)
        key = child_key(spec, row_id)
        if key not in base:
            continue  # not a row the editor saw: the validator says it is not ours
        child = current.get(row_id)
        if child is None:
            found.append((key, "_cl"))
            continue
        now, seen = _stamps(child), base[key]
        for name, value in item.items():
            moved = name != "id" and now.get(name) != seen.get(name)
            if moved and not _same(getattr(child, name, None), value):
                found.append((f"{key}.{name}", name))
    for row_id, child in current.items():
        key = child_key(spec, row_id)
        if row_id not in listed and key in base and _stamps(child) != base[key]:
            found.append((key, "*"))  # deleting a row somebody changed meanwhile
    return found


def unseen_rows(spec: ChildSpec, live: list[m.SyncedModel], base: RecordVersion) -> set[str]:
    """Live child rows the editor never saw (added since it opened): a save keeps them."""
    return {str(c.id) for c in live if child_key(spec, str(c.id)) not in base}


def _same(current: Any, new: Any) -> bool:
    """Whether the save would leave the value as somebody else already wrote it."""
    if isinstance(current, bool) or isinstance(new, bool):
        return bool(current) == bool(new)
    if isinstance(new, str) and not isinstance(current, str):
        return str(current if current is not None else "") == new.strip()
    if isinstance(new, str) and isinstance(current, str):
        return current == new.strip()
    return bool(current == new)


# -- who and when -------------------------------------------------------------------------


def _named(rt: RecordType, row: m.SyncedModel, path: str, field: str) -> Overwritten:
    record_id = str(row.id)
    audit_field = path if field != "*" else None
    entry = _last_change(record_id, path, audit_field)
    actor, at, sender = "?", "", None
    if entry is not None:
        actor, at = str(entry.actor), str(entry.at)
        if entry.action == "sync":
            sender = _peer_name(str(entry.device))
    return Overwritten(
        path=path,
        label=_label(rt, path),
        actor=actor,
        at=at,
        deleted=field == "_cl",
        sender=sender,
    )


def _last_change(record_id: str, path: str, field: str | None) -> Any:
    """The newest audit entry about ``path`` of the record (None if there is none).

    The record service files a child row's changes as ``signatories[<id>].name``, a
    sync import as ``commitment_signatory[<id>].name``: both hold the row id.
    """
    audit: Any = m.Audit
    query = audit.select().where(audit.record_id == record_id)
    if path == "":
        query = query.where(
            audit.action.in_(("delete", "restore"))
            | ((audit.action == "sync") & (audit.field == "deleted"))
        )
    elif field is not None and "[" not in path:
        query = query.where(audit.field == path)
    else:
        row_key = path.split("]")[0]  # "signatories[<id>" names the row's entries
        row_id = row_key.split("[")[1]
        query = query.where(audit.field.contains(row_id))
    return query.order_by(audit.id.desc()).first()


def _peer_name(device: str) -> str:
    cursor: Any = engine.sql("SELECT name FROM sync_peer WHERE device_id = ?", (device,))
    found = cursor.fetchone()
    return str(found[0]) if found else device


def _label(rt: RecordType, path: str) -> tuple[str, str]:
    if path == "":
        return (f"Data {rt.label[0]} ini", f"This {rt.label[1].lower()} record")
    if "[" not in path:
        field = next(f for f in user_fields(rt.model) if f.name == path)
        return (field_label(field, "id"), field_label(field, "en"))
    key, rest = path.split("[", 1)
    spec = next(s for s in rt.children if s.key == key)
    name = rest.split("].", 1)[1] if "]." in rest else ""
    if not name:
        return (f"Satu baris {spec.label[0]}", f"A row of {spec.label[1]}")
    field = next(f for f in user_fields(spec.model) if f.name == name)
    return (
        f"{spec.label[0]}: {field_label(field, 'id')}",
        f"{spec.label[1]}: {field_label(field, 'en')}",
    )
