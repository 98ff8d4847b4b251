"""The record service: the one way the GUI, command line, reports and sync change data.

Every public method is one transaction.  Validation runs before any write, so
bad input writes nothing; every write stamps the changed fields with the hybrid
clock (for field-by-field merges) and appends to the audit trail.
"""

from __future__ import annotations

import builtins
import datetime as dt
import hashlib
import json
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, NamedTuple

import peewee

from jipp_desktop.core import engine, holders, staleness
from jipp_desktop.core import models as m
from jipp_desktop.core.categories import Categories
from jipp_desktop.core.clock import HybridClock
from jipp_desktop.core.concurrency import for_update, shared_clock, write_transaction
from jipp_desktop.core.errors import FieldError, RecordNotFound, ValidationError
from jipp_desktop.core.listing import (
    build_select,
    compile_list,
    fetch_dicts,
    list_select,
    record_dict,
)
from jipp_desktop.core.query import ListQuery
from jipp_desktop.core.registry import (
    RECORD_TYPES,
    ChildSpec,
    RecordType,
    record_type,
    user_fields,
)
from jipp_desktop.core.staleness import RecordVersion, StaleEdit
from jipp_desktop.core.validation import Regions, Validator

Progress = Callable[[int, int], bool]
"""Called as progress(done, total); returning False cancels the work."""

_BATCH = 500
_COMPILED_KEEP = 64


class Author(NamedTuple):
    """Who made a change and where: the officer and the workstation the audit trail names
    (core/workspace.py, ``Workspace.author``)."""

    actor: str
    workstation: str


class Cancelled(Exception):
    """The caller's progress callback asked to stop; the transaction was rolled back."""


def conflict_id(table: str, row_id: str, field: str, stamp: str) -> str:
    """A kept conflict's id, derived from what lost (or, for a deletion, from the deletion's
    stamp), so two laptops that detect the same conflict store one record."""
    text = f"{table}\x1f{row_id}\x1f{field}\x1f{stamp}"
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def drop_own_conflicts(table: str, row_id: str, fields: Sequence[str], device: str) -> None:
    """A new write of a field has seen every earlier write of this laptop, so this
    laptop's own values kept as conflicts of that field are conflicts no more: every
    receiver of the write drops them too (docs/sync-format.md, "Conflicts")."""
    marks = ", ".join("?" * len(fields))
    engine.sql(
        f"DELETE FROM sync_conflict WHERE tbl = ? AND row_id = ? AND field IN ({marks}) "
        "AND substr(loser_stamp, 18) = ?",
        (table, row_id, *fields, device),
    )


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def audit_text(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


class RecordService:
    def __init__(
        self,
        clock: HybridClock,
        regions: Regions,
        categories: Categories,
        author: Callable[[], Author],
    ) -> None:
        self.clock = clock
        self.regions = regions
        # Replaced (not changed in place) when a package adds categories.
        self.categories = categories
        self._author = author
        self._db = m.database
        # Compiled SQL of recent list queries (see _compile).
        self._compiled: dict[tuple[str, str, str], tuple[str, Any]] = {}

    # -- reading -------------------------------------------------------------------

    def get(
        self, type_name: str, record_id: str, *, include_deleted: bool = False
    ) -> dict[str, Any]:
        rt = record_type(type_name)
        row = self._row(rt.model, record_id, include_deleted=include_deleted, name=type_name)
        out = record_dict(row)
        for spec in rt.children:
            # The parent id is implicit inside the parent's JSON (and absent from its schema).
            out[spec.key] = [
                {k: v for k, v in record_dict(c, meta=False).items() if k != spec.parent_field}
                for c in self._children(spec, record_id)
            ]
        return out

    def snapshot(self, type_name: str, record_id: str) -> tuple[dict[str, Any], RecordVersion]:
        """The record as ``get`` gives it and its version, read together: what an editor
        opens, and later hands back to ``update(base=...)``."""
        with self._db.atomic():
            record = self.get(type_name, record_id)
            return record, self.version(type_name, record_id)

    def version(self, type_name: str, record_id: str) -> RecordVersion:
        """The change stamps of the record and its live child rows (core/staleness.py)."""
        rt = record_type(type_name)
        row = self._row(rt.model, record_id, include_deleted=False, name=type_name)
        children = {spec: self._children(spec, record_id) for spec in rt.children}
        return staleness.version_of(row, children)

    def list(self, type_name: str, query: ListQuery | None = None) -> builtins.list[dict[str, Any]]:
        rt = record_type(type_name)
        return fetch_dicts(rt.model, *self._compile(rt, query or ListQuery(), "rows"))

    def count(self, type_name: str, query: ListQuery | None = None) -> int:
        rt = record_type(type_name)
        sql, params = self._compile(rt, query or ListQuery(), "count")
        cursor: Any = m.database.execute_sql(sql, params)
        return int(cursor.fetchone()[0])

    def seqs(self, type_name: str, query: ListQuery | None = None) -> builtins.list[int]:
        """Local row keys in list order: what a big list view keeps in memory."""
        rt = record_type(type_name)
        sql, params = self._compile(rt, query or ListQuery(), "seqs")
        cursor: Any = m.database.execute_sql(sql, params)
        return [seq for (seq,) in cursor]

    def _compile(self, rt: RecordType, q: ListQuery, kind: str) -> tuple[str, Any]:
        """SQL for a list query, remembered for the query's next run.

        Compiling costs a third of a 200-row page, and lists re-run the same
        queries as the officer scrolls and sorts.
        """
        key = (rt.name, kind, repr(q))
        compiled = self._compiled.get(key)
        if compiled is None:
            model: Any = rt.model
            if kind == "rows":
                compiled = compile_list(rt, q, list_select(model))
            elif kind == "seqs":
                compiled = compile_list(rt, q, model.select(model.seq))
            else:
                bare = ListQuery(
                    search=q.search, filters=q.filters, year=q.year, sort="", deleted=q.deleted
                )
                inner, params = build_select(rt, bare, model.select(model.seq)).sql()
                compiled = (f"SELECT count(*) FROM ({inner}) AS matches", params)
            if len(self._compiled) >= _COMPILED_KEEP:
                self._compiled.pop(next(iter(self._compiled)))
            self._compiled[key] = compiled
        return compiled

    def rows_by_seq(self, type_name: str, seqs: Sequence[int]) -> builtins.list[dict[str, Any]]:
        """The rows for ``seqs``, in the same order (missing ones left out)."""
        model = record_type(type_name).model
        found: dict[int, dict[str, Any]] = {}
        for start in range(0, len(seqs), _BATCH):
            chunk = list(seqs[start : start + _BATCH])
            select = list_select(model).where(model.seq.in_(chunk))
            for row in fetch_dicts(model, *select.sql()):
                found[row["seq"]] = row
        return [found[s] for s in seqs if s in found]

    def history(self, type_name: str, record_id: str) -> builtins.list[dict[str, Any]]:
        rt = record_type(type_name)
        self._row(rt.model, record_id, include_deleted=True, name=type_name)
        audit: Any = m.Audit
        rows = audit.select().where(audit.record_id == record_id).order_by(audit.id).dicts()
        return [{k: v for k, v in r.items() if k != "id"} for r in rows]

    def stats(self) -> dict[str, int]:
        """Live (not deleted) records per type."""
        return {
            name: rt.model.select().where(m.alive(rt.model)).count()
            for name, rt in RECORD_TYPES.items()
        }

    # -- writing -------------------------------------------------------------------

    def create(self, type_name: str, data: Mapping[str, Any]) -> str:
        return self.create_many(type_name, [data])[0]

    def create_many(
        self, type_name: str, items: Iterable[Mapping[str, Any]], progress: Progress | None = None
    ) -> builtins.list[str]:
        """Validate every item, then insert them all in one transaction."""
        rt = record_type(type_name)
        items = list(items)
        validator = self._validator(cache=len(items) > 1)
        prepared = [
            self._prepare_new(rt, item, validator, "" if len(items) == 1 else f"[{i}].")
            for i, item in enumerate(items)
        ]
        if validator.errors:
            raise ValidationError(validator.errors)
        with self._db.atomic():
            if len(prepared) > 1:
                # Many rows hold the shared clock a while: other workstations' saves are
                # told who holds it rather than kept waiting (core/holders.py).
                holders.announce_for_transaction("batch", *self._author())
            shared_clock(self.clock, edit=True)
            ids = self._insert_prepared(rt, prepared, progress)
            self._save_clock()
        return ids

    def update(
        self,
        type_name: str,
        record_id: str,
        changes: Mapping[str, Any],
        *,
        base: RecordVersion | None = None,
    ) -> bool:
        """Apply a partial change; returns False when nothing actually changed.

        ``base`` is the version the change was made from (``snapshot``): if anything the
        change would overwrite was changed since, by anybody, nothing is written and
        ``StaleEdit`` says who changed what and when.  The comparison and the write are
        one transaction that no other writer can enter between them.
        """
        rt = record_type(type_name)
        with write_transaction() if base is not None else self._db.atomic():
            # The clock first, then the rows: every writer locks in this order, so two
            # workstations never wait for each other in a circle.
            shared_clock(self.clock, edit=True)
            row = self._row(
                rt.model, record_id, include_deleted=base is not None, name=type_name, lock=True
            )
            unseen: dict[str, set[str]] = {}
            if base is not None:
                live = {s: self._children(s, record_id, lock=True) for s in rt.children}
                found = staleness.overwritten(rt, row, live, changes, base)
                if found:
                    raise StaleEdit(type_name, record_id, found)
                unseen = {s.key: staleness.unseen_rows(s, rows, base) for s, rows in live.items()}
            validator = self._validator()
            child_keys = frozenset(s.key for s in rt.children)
            current = record_dict(row)
            values = validator.clean(
                rt.model, changes, partial=True, child_keys=child_keys, stored=current
            )
            validator.check_record(rt.model, {**current, **values})
            child_plans = [
                self._plan_children(spec, record_id, changes[spec.key], validator)
                for spec in rt.children
                if spec.key in changes
            ]
            if validator.errors:
                raise ValidationError(validator.errors)
            stamp, now = self.clock.now(), utc_now()
            changed = self._write_fields(rt.name, row, values, stamp, now)
            for spec, plan in child_plans:
                keep = unseen.get(spec.key, set())
                changed |= self._apply_children(rt.name, record_id, spec, plan, stamp, now, keep)
            if changed:
                self._touch(row, stamp, now)
                self._save_clock()
            return changed

    def delete(self, type_name: str, record_id: str) -> None:
        """Soft delete: the record goes to the trash and can be restored."""
        self.delete_many(type_name, [record_id])

    def restore(self, type_name: str, record_id: str) -> None:
        self.restore_many(type_name, [record_id])

    def delete_many(self, type_name: str, record_ids: Iterable[str]) -> None:
        """Move several records to the trash in one transaction: all or none."""
        with self._db.atomic():
            for record_id in record_ids:
                self._set_alive(type_name, record_id, alive=False)

    def restore_many(self, type_name: str, record_ids: Iterable[str]) -> None:
        """Bring several records back (an undone delete) in one transaction: all or none."""
        with self._db.atomic():
            for record_id in record_ids:
                self._set_alive(type_name, record_id, alive=True)

    def restore_rows(self, model: type[m.SyncedModel], ids: Iterable[str]) -> None:
        """Bring child rows or attachments back from the trash (undoing an import): each is
        a new change, audited under the record it belongs to."""
        ids = builtins.list(ids)
        with self._db.atomic():
            shared_clock(self.clock, edit=True)
            now = utc_now()
            for start in range(0, len(ids), 500):
                query: Any = model.select().where(
                    model.id.in_(ids[start : start + 500]),
                    model.deleted == True,  # noqa: E712
                )
                for row in query:
                    self._flip(row, self.clock.now(), now)
                    type_name, record_id, path = _owner_of(row)
                    self._log(now, type_name, record_id, "restore", path)
            self._save_clock()

    def insert_attachment(self, type_name: str, record_id: str, values: Mapping[str, Any]) -> str:
        """Record that a stored file belongs to a record (see core/attachments.py)."""
        with self._db.atomic():
            shared_clock(self.clock, edit=True)
            stamp, now = self.clock.now(), utc_now()
            aid = str(uuid.uuid4())
            row = {**values, "record_type": type_name, "record_id": record_id}
            m.Attachment.insert(_new_row(row, aid, stamp, now, self.clock.device)).execute()
            self._log(
                now,
                type_name,
                record_id,
                "attach",
                f"attachments[{aid}]",
                None,
                str(values["filename"]),
            )
            self._save_clock()
        return aid

    def remove_attachment(self, row: m.Attachment) -> None:
        with self._db.atomic():
            shared_clock(self.clock, edit=True)
            stamp, now = self.clock.now(), utc_now()
            self._flip(row, stamp, now)
            self._log(
                now,
                row.record_type,
                row.record_id,
                "detach",
                f"attachments[{row.id}]",
                row.filename,
                None,
            )
            self._save_clock()

    def clean_value(self, model: type[m.SyncedModel], name: str, value: Any) -> Any:
        """``value`` for field ``name`` as a form would store it, or ValidationError: the
        gate for a value chosen outside a form (a conflict resolution)."""
        validator = self._validator()
        clean = validator.clean_synced(model, {name: value})
        if validator.errors:
            raise ValidationError(validator.errors)
        return clean[name]

    # -- internals -----------------------------------------------------------------

    def _validator(self, cache: bool = False) -> Validator:
        if not cache:
            return Validator(self.regions, self._ref_exists, self.categories)
        known: dict[str, set[str]] = {}

        def cached(ref: str, rid: str) -> bool:
            if ref not in known:
                model: Any = record_type(ref).model
                known[ref] = {i for (i,) in model.select(model.id).where(m.alive(model)).tuples()}
            return rid in known[ref]

        return Validator(self.regions, cached, self.categories)

    def _ref_exists(self, ref: str, rid: str) -> bool:
        model = record_type(ref).model
        return bool(model.select().where((model.id == rid) & m.alive(model)).exists())

    def _row(
        self,
        model: type[m.SyncedModel],
        record_id: str,
        *,
        include_deleted: bool,
        name: str,
        lock: bool = False,
    ) -> m.SyncedModel:
        """The record; ``lock`` keeps other workstations from writing it until the
        transaction ends (a write that compares before it writes)."""
        query: Any = model.select().where(model.id == record_id)
        if not include_deleted:
            query = query.where(m.alive(model))
        row = (for_update(query) if lock else query).first()
        if row is None:
            raise RecordNotFound(name, record_id)
        return row  # type: ignore[no-any-return]

    def _children(
        self, spec: ChildSpec, parent_id: str, *, lock: bool = False
    ) -> builtins.list[m.SyncedModel]:
        model: Any = spec.model
        parent = getattr(model, spec.parent_field)
        query = (
            model.select()
            .where((parent == parent_id) & m.alive(model))
            .order_by(*m.synced_order(model))
        )
        return list(for_update(query) if lock else query)

    def _prepare_new(
        self, rt: RecordType, item: Mapping[str, Any], validator: Validator, prefix: str
    ) -> tuple[dict[str, Any], builtins.list[tuple[ChildSpec, builtins.list[dict[str, Any]]]]]:
        child_keys = frozenset(s.key for s in rt.children)
        values = validator.clean(
            rt.model, item, partial=False, prefix=prefix, child_keys=child_keys
        )
        validator.check_record(rt.model, values, prefix)
        children = []
        for spec in rt.children:
            raw = item.get(spec.key) or []
            rows = self._clean_child_list(spec, raw, validator, prefix, partial_ids=set())
            children.append((spec, [r for _, r in rows]))
        return values, children

    def _clean_child_list(
        self, spec: ChildSpec, raw: Any, validator: Validator, prefix: str, partial_ids: set[str]
    ) -> builtins.list[tuple[str | None, dict[str, Any]]]:
        """Clean a list of child rows; rows whose id is in ``partial_ids`` are partial updates."""
        path = prefix + spec.key
        if not isinstance(raw, list):
            validator.errors.append(
                FieldError(
                    path,
                    "not_list",
                    f"{spec.label[0]} harus berupa daftar.",
                    f"{spec.label[1]} must be a list.",
                )
            )
            return []
        out: builtins.list[tuple[str | None, dict[str, Any]]] = []
        for i, item in enumerate(raw):
            item_path = f"{path}[{i}]."
            if not isinstance(item, Mapping):
                validator.errors.append(
                    FieldError(
                        item_path.rstrip("."),
                        "not_object",
                        "Baris harus berupa objek.",
                        "A row must be an object.",
                    )
                )
                continue
            child_id = item.get("id")
            if child_id is not None and child_id not in partial_ids:
                validator.errors.append(
                    FieldError(
                        item_path + "id",
                        "child_not_found",
                        f"Baris dengan id '{child_id}' bukan milik data ini.",
                        f"Row id '{child_id}' does not belong to this record.",
                    )
                )
                continue
            values = validator.clean(
                spec.model,
                item,
                partial=child_id is not None,
                prefix=item_path,
                skip=frozenset({spec.parent_field}),
            )
            validator.check_record(spec.model, values, item_path)
            if values.get("sort_order") is None and child_id is None:
                values["sort_order"] = i + 1
            out.append((child_id, values))
        return out

    def _plan_children(
        self, spec: ChildSpec, parent_id: str, raw: Any, validator: Validator
    ) -> tuple[ChildSpec, builtins.list[tuple[str | None, dict[str, Any]]]]:
        existing = {c.id for c in self._children(spec, parent_id)}
        return spec, self._clean_child_list(spec, raw, validator, "", partial_ids=existing)

    def _insert_prepared(
        self, rt: RecordType, prepared: builtins.list[Any], progress: Progress | None
    ) -> builtins.list[str]:
        author, device = self._author(), self.clock.device
        ids: builtins.list[str] = []
        rows: builtins.list[dict[str, Any]] = []
        child_rows: dict[type[m.SyncedModel], builtins.list[dict[str, Any]]] = {}
        audits: builtins.list[dict[str, Any]] = []
        now = utc_now()
        total = len(prepared)
        for done, (values, children) in enumerate(prepared, start=1):
            rid = str(uuid.uuid4())
            ids.append(rid)
            rows.append(_new_row(values, rid, self.clock.now(), now, device))
            # One audit row per new record: its initial values are the record itself (and
            # the "old" side of later changes), so the trail names it rather than copying it.
            audits.append(
                _audit(
                    now,
                    device,
                    author,
                    rt.name,
                    rid,
                    "create",
                    None,
                    None,
                    _summary(rt.model, values),
                )
            )
            for spec, child_list in children:
                for child in child_list:
                    child[spec.parent_field] = rid
                    child_rows.setdefault(spec.model, []).append(
                        _new_row(child, str(uuid.uuid4()), self.clock.now(), now, device)
                    )
            if len(rows) >= _BATCH or done == total:
                self._flush(rt.model, rows, child_rows, audits)
                if progress is not None and not progress(done, total):
                    raise Cancelled()
        return ids

    def _flush(
        self,
        model: type[m.SyncedModel],
        rows: builtins.list[dict[str, Any]],
        child_rows: dict[type[m.SyncedModel], builtins.list[dict[str, Any]]],
        audits: builtins.list[dict[str, Any]],
    ) -> None:
        batches: list[tuple[Any, list[dict[str, Any]]]] = [
            (model, rows),
            *child_rows.items(),
            (m.Audit, audits),
        ]
        for table, batch in batches:
            if batch:
                _insert_rows(table, batch)
            batch.clear()

    def _write_fields(
        self,
        type_name: str,
        row: m.SyncedModel,
        values: Mapping[str, Any],
        stamp: str,
        now: str,
        path: str = "",
    ) -> bool:
        stamps = json.loads(row.stamps)
        updates: dict[str, Any] = {}
        changed = {name: new for name, new in values.items() if getattr(row, name) != new}
        if not changed:
            return False
        # Who and under which record: read once per row, not once per changed field.
        author, record_id = self._author(), self._audit_record_id(row, type_name)
        audits = []
        for name, new in changed.items():
            updates[name] = new
            stamps[name] = stamp
            audits.append(
                _audit(
                    now,
                    self.clock.device,
                    author,
                    type_name,
                    record_id,
                    "update",
                    path + name,
                    audit_text(getattr(row, name)),
                    audit_text(new),
                )
            )
        model = type(row)
        updates.update(
            stamps=json.dumps(stamps, sort_keys=True), updated_at=now, updated_by=self.clock.device
        )
        model.update(updates).where(model.seq == row.seq).execute()
        for name, value in updates.items():
            setattr(row, name, value)
        m.Audit.insert_many(audits).execute()
        drop_own_conflicts(str(model._meta.table_name), row.id, list(changed), self.clock.device)
        return True

    def _audit_record_id(self, row: m.SyncedModel, type_name: str) -> str:
        """Child rows are audited under their parent so a record's history is complete."""
        rt = RECORD_TYPES[type_name]
        if isinstance(row, rt.model):
            return str(row.id)
        for spec in rt.children:
            if isinstance(row, spec.model):
                return str(getattr(row, spec.parent_field))
        return str(row.id)

    def _apply_children(
        self,
        type_name: str,
        parent_id: str,
        spec: ChildSpec,
        plan: builtins.list[tuple[str | None, dict[str, Any]]],
        stamp: str,
        now: str,
        keep: set[str],
    ) -> bool:
        """Apply a child list: listed rows are written, rows left out are deleted, except
        the rows in ``keep`` (added by somebody else after the editor opened)."""
        existing = {c.id: c for c in self._children(spec, parent_id)}
        changed = False
        kept: set[str] = set()
        device = self.clock.device
        for child_id, values in plan:
            if child_id is None:
                cid = str(uuid.uuid4())
                values[spec.parent_field] = parent_id
                spec.model.insert(_new_row(values, cid, stamp, now, device)).execute()
                self._log(
                    now,
                    type_name,
                    parent_id,
                    "create",
                    f"{spec.key}[{cid}]",
                    None,
                    _summary(spec.model, values),
                )
                changed = True
                continue
            kept.add(child_id)
            changed |= self._write_fields(
                type_name, existing[child_id], values, stamp, now, f"{spec.key}[{child_id}]."
            )
        for cid, child in existing.items():
            if cid not in kept and cid not in keep:
                self._flip(child, stamp, now)
                self._log(now, type_name, parent_id, "delete", f"{spec.key}[{cid}]")
                changed = True
        return changed

    def _set_alive(self, type_name: str, record_id: str, *, alive: bool) -> None:
        rt = record_type(type_name)
        with self._db.atomic():
            row = self._row(rt.model, record_id, include_deleted=True, name=type_name)
            if bool(row.deleted) != alive:
                return
            if alive:
                self._check_parents_alive(rt, row)
            shared_clock(self.clock, edit=True)
            stamp, now = self.clock.now(), utc_now()
            self._flip(row, stamp, now)
            self._log(now, type_name, record_id, "restore" if alive else "delete")
            self._save_clock()

    def _check_parents_alive(self, rt: RecordType, row: m.SyncedModel) -> None:
        """A record can come back from the trash only if what it points to still exists."""
        validator = self._validator()
        for field in user_fields(rt.model):
            ref = getattr(field, "ref", None)
            value = getattr(row, field.name)
            if ref and value and not self._ref_exists(ref, value):
                validator.error(field.name, field, "dangling", value=value)
        if validator.errors:
            raise ValidationError(validator.errors)

    def _flip(self, row: m.SyncedModel, stamp: str, now: str) -> None:
        """Advance the causal length by one: alive <-> deleted."""
        stamps = json.loads(row.stamps)
        stamps["_cl"] = stamp
        cl = row.cl + 1
        model = type(row)
        model.update(
            cl=cl,
            deleted=cl % 2 == 0,
            stamps=json.dumps(stamps, sort_keys=True),
            updated_at=now,
            updated_by=self.clock.device,
        ).where(model.seq == row.seq).execute()

    def _touch(self, row: m.SyncedModel, stamp: str, now: str) -> None:
        model = type(row)
        model.update(updated_at=now, updated_by=self.clock.device).where(
            model.seq == row.seq
        ).execute()

    def _log(
        self,
        now: str,
        type_name: str,
        record_id: str,
        action: str,
        field: str | None = None,
        old: str | None = None,
        new: str | None = None,
    ) -> None:
        """Append one row to the audit trail, as this device, officer and workstation."""
        m.Audit.insert(
            _audit(
                now,
                self.clock.device,
                self._author(),
                type_name,
                record_id,
                action,
                field,
                old,
                new,
            )
        ).execute()

    def _save_clock(self) -> None:
        saved = [("clock_last", str(self.clock.last))]
        if self.clock.floor is not None:
            saved.append(("clock_floor", str(self.clock.floor)))
        for key, value in saved:
            m.Setting.insert(key=key, value=value).on_conflict(
                conflict_target=[m.Setting.key], update={m.Setting.value: value}
            ).execute()


def _owner_of(row: m.SyncedModel) -> tuple[str, str, str]:
    """(record type, record id, audit path) a child row or attachment is filed under."""
    if isinstance(row, m.Attachment):
        return str(row.record_type), str(row.record_id), f"attachments[{row.id}]"
    for rt in RECORD_TYPES.values():
        for spec in rt.children:
            if isinstance(row, spec.model):
                return rt.name, str(getattr(row, spec.parent_field)), f"{spec.key}[{row.id}]"
    raise TypeError(f"{type(row).__name__} is a record, not a child row")


def _summary(model: type[m.SyncedModel], values: Mapping[str, Any]) -> str | None:
    """What names a record in its audit trail: its first required text field."""
    for field in user_fields(model):
        if field.required and isinstance(field, peewee.CharField | peewee.TextField):
            text = values.get(field.name)
            if isinstance(text, str):
                return text[:200]
    return None


def _insert_rows(model: Any, rows: Sequence[Mapping[str, Any]]) -> None:
    """Bulk insert with one prepared statement.

    peewee's insert_many compiles SQL for every row's values, which was most of
    the cost of a national-size demo import; executemany binds them natively.
    """
    columns = [
        f.column_name for f in model._meta.sorted_fields if not isinstance(f, peewee.AutoField)
    ]
    defaults = {f.column_name: f.default for f in model._meta.sorted_fields}
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" for _ in columns)
    sql = f'INSERT INTO "{model._meta.table_name}" ({names}) VALUES ({marks})'
    params = [tuple(row.get(c, defaults[c]) for c in columns) for row in rows]
    engine.executemany(sql, params)


def _new_row(
    values: Mapping[str, Any], rid: str, stamp: str, now: str, device: str
) -> dict[str, Any]:
    return {
        **values,
        "id": rid,
        "hlc": stamp,
        "stamps": "{}",
        "cl": 1,
        "deleted": False,
        "created_at": now,
        "updated_at": now,
        "updated_by": device,
    }


def _audit(
    at: str,
    device: str,
    author: Author,
    record_type_name: str,
    record_id: str,
    action: str,
    field: str | None,
    old: str | None,
    new: str | None,
) -> dict[str, Any]:
    return {
        "at": at,
        "device": device,
        "actor": author.actor,
        "workstation": author.workstation,
        "record_type": record_type_name,
        "record_id": record_id,
        "action": action,
        "field": field,
        "old": old,
        "new": new,
    }
