"""Import a package: check everything, preview inside a rolled-back transaction, then apply.

The order is fixed: open and verify the whole file (package.py: listing, hashes,
signature), make sure the sender is trusted, then, inside one transaction, parse,
check, merge and write the change lines a chunk at a time (so a national package
fits in memory); a problem in any chunk rolls back what earlier chunks wrote.  A dry
run runs exactly the same code and rolls the transaction back, so the preview and
the import cannot disagree.  Any failure raises one SyncError and leaves the
database as it was.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import peewee

from jipp_desktop.core import backup, cipher, engine, storage
from jipp_desktop.core import models as m
from jipp_desktop.core.categories import Categories, Extension
from jipp_desktop.core.clock import MAX_DRIFT_MS, Stamp, now_ms
from jipp_desktop.core.concurrency import shared_clock
from jipp_desktop.core.services import Author, Cancelled, audit_text
from jipp_desktop.core.workspace import Workspace
from jipp_desktop.sync import (
    conflicts,
    db,
    digest,
    extensions,
    formats,
    identity,
    locks,
    package,
    revocation,
    status,
    undo,
    vectors,
)
from jipp_desktop.sync.clockahead import refuse_if_ahead
from jipp_desktop.sync.errors import InvalidRecords, UntrustedSender
from jipp_desktop.sync.exporter import ALL
from jipp_desktop.sync.held import Held
from jipp_desktop.sync.lines import ConflictChange, RowChange, conflict_change, row_change
from jipp_desktop.sync.merge import (
    FieldState,
    LifeState,
    Lost,
    Vector,
    field_state,
    history,
    implicit_vector,
    merge_field,
    merge_life,
    origin,
    unseen_edits,
)
from jipp_desktop.sync.records import RecordChecker
from jipp_desktop.sync.report import ImportReport, path_for, save, save_shared, shared_name
from jipp_desktop.sync.schema import TABLE_ORDER, is_flag, record_type_of, stored, synced_fields

Progress = Callable[[int, int], bool]
AskTrust = Callable[[str, str, str], bool]
"""Called as ask(name, device_id, fingerprint) for an unknown sender; True trusts it."""

_BATCH = 500
# Rows unpacked from a package take about this many times its (compressed) size.
IMPORT_GROWTH = 4
# Rows merged and written at a time: bounds memory on a national import.
_CHUNK = 5000


class _Rollback(Exception):
    """Raised inside the transaction of a dry run so nothing it wrote stays."""


@dataclass
class LocalRow:
    seq: int
    hlc: str
    stamps: dict[str, str]
    cl: int
    values: dict[str, Any]
    vectors: dict[str, tuple[str, Vector]]  # sync_field: stamp and vector as stored

    def holds(self, name: str, remote: FieldState) -> bool:
        """Exactly this cell is here already: the usual case for a package seen in another
        form (a relay, a newer full package), so it is checked without building states."""
        stamp = self.stamps.get(name, self.hlc)
        if remote.stamp != stamp or remote.value != self.values[name]:
            return False
        mine = history(stamp, self.vectors.get(name))
        if remote.vector is None:
            return mine is None or (len(mine) == 1 and mine.get(origin(stamp)) == stamp)
        return remote.vector == mine

    def field_state(self, name: str) -> FieldState:
        stamp = self.stamps.get(name, self.hlc)
        return field_state(self.values[name], stamp, history(stamp, self.vectors.get(name)))

    @property
    def life(self) -> LifeState:
        stamp = self.stamps.get(conflicts.LIFE)
        stored = self.vectors.get(conflicts.LIFE)
        vector = stored[1] if stored else ({} if stamp is None else implicit_vector(stamp))
        return LifeState(self.cl, stamp, vector)


@dataclass
class RowPlan:
    """What the merge decided for one row."""

    change: RowChange
    local: LocalRow | None
    values: dict[str, Any] = field(default_factory=dict)  # fields whose value/stamp changed
    stamps: dict[str, str] = field(default_factory=dict)  # the row's stamps after the merge
    vectors: dict[str, tuple[str, Vector]] = field(default_factory=dict)  # sync_field rows
    life: LifeState | None = None  # set when cl or its stamp changed
    lost: list[tuple[str, Lost]] = field(default_factory=list)


@contextmanager
def opened(path: Path, passphrase: str | None) -> Iterator[package.Package]:
    pkg = package.open_package(path, passphrase)
    try:
        yield pkg
    finally:
        pkg.close()


def import_package(
    ws: Workspace,
    path: Path,
    *,
    passphrase: str | None = None,
    dry_run: bool = False,
    trust: bool = False,
    ask_trust: AskTrust | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    with opened(path, passphrase) as pkg:
        manifest = pkg.manifest
        sender = pkg.sender
        fingerprint = identity.public_fingerprint(sender["public_key"])
        if sender.get("fingerprint", fingerprint) != fingerprint:
            raise package.damaged(
                "sidik jari di manifest tidak cocok dengan kuncinya",
                "the manifest's fingerprint does not match its key",
            )
        report = ImportReport(
            file=str(path),
            package_id=manifest["package_id"],
            sender_id=sender["id"],
            sender_name=sender["name"],
            fingerprint=fingerprint,
            seq=manifest["seq"],
            stream=manifest["stream"],
            created_at=manifest["created_at"],
            format_version=pkg.version,
            dry_run=dry_run,
        )
        if sender["id"] == ws.device_id:
            report.own_package = True
            return report
        statements = revocation.from_manifest(manifest)
        revocation.refuse_if_revoked(ws.data_dir, sender["name"], fingerprint)
        added = extensions.from_manifest(manifest)
        report.newly_trusted = _check_trust(sender, fingerprint, trust, ask_trust)
        # Checked and applied under one lock: a second import of the package (another
        # workstation of the same database) waits or is refused, then finds it applied.
        # A dry run writes nothing that lasts, so it needs none.
        guard = (
            nullcontext()
            if dry_run
            else locks.exclusive(locks.SYNC, work="import", author=ws.author())
        )
        with guard:
            return _apply_package(ws, pkg, path, report, statements, added, progress, dry_run)


def _apply_package(
    ws: Workspace,
    pkg: package.Package,
    path: Path,
    report: ImportReport,
    statements: list[revocation.Revocation],
    added: list[Extension],
    progress: Progress | None,
    dry_run: bool,
) -> ImportReport:
    if already_imported(report.package_id):
        report.already_applied = True
        return report
    if not dry_run and not ws.on_postgresql:
        # The backup before the import and the rows the package unpacks to (on
        # PostgreSQL both are the server's: its disk is watched by its administrators).
        needed = backup.space_needed(ws.db_path) + IMPORT_GROWTH * path.stat().st_size
        storage.require_space(ws.data_dir, needed)
    try:
        with m.database.atomic():
            # The shared clock before any row (core/concurrency.py): an edit saved on
            # another workstation meanwhile waits for this import's commit.
            shared_clock(ws.clock)
            # First, so the statements a package carries count for its own lines too.
            report.revoked = revocation.receive(ws.data_dir, statements)
            known = ws.categories.with_entries(e.category for e in added)
            _run(ws, pkg, report, known, progress, dry_run=dry_run)
            report.categories = [
                [c.code, c.label_id, c.label_en]
                for c in (e.category for e in extensions.receive(added))
            ]
            undo.remember(report.package_id, report.deleted_rows)
            if dry_run:
                raise _Rollback()
            if ws.on_postgresql:
                # Every workstation's staff see it: a row, committed with the import.
                save_shared(report, ws.author())
    except _Rollback:
        pass
    except cipher.integrity_errors() as exc:
        raise InvalidRecords(
            [(f"referensi tidak terselesaikan ({exc})", f"unresolved reference ({exc})")]
        ) from None
    if dry_run:
        return report
    if not ws.on_postgresql:
        save(report, ws.data_dir)  # a laptop's file, once the import is committed
    if report.categories:
        ws.reload_categories()
    return report


def _check_trust(
    sender: dict[str, str], fingerprint: str, trust: bool, ask: AskTrust | None
) -> bool:
    """Raise UntrustedSender unless trusted; True when the officer trusts it just now."""
    known = identity.known_key(sender["id"])
    key_changed = known is not None and known != fingerprint
    if identity.is_trusted(fingerprint) and not key_changed:
        return False
    if trust or (ask is not None and ask(sender["name"], sender["id"], fingerprint)):
        return True
    raise UntrustedSender(sender["name"], sender["id"], fingerprint, key_changed=key_changed)


def already_imported(package_id: str) -> bool:
    return (
        db.sql("SELECT 1 FROM sync_package WHERE package_id = ?", (package_id,)).fetchone()
        is not None
    )


def _row_chunks(
    pkg: package.Package, checker: RecordChecker, held: Held
) -> Iterator[list[RowChange]]:
    """The change lines parsed a chunk at a time, so a national import fits in memory,
    without the changes held back (sync/held.py)."""
    if pkg.version == 1:
        raw_rows: Iterator[dict[str, Any]] = formats.upgrade_v1_lines(pkg.lines(package.CHANGES))
    else:
        raw_rows = pkg.lines(package.CHANGES)
    chunk: list[RowChange] = []
    for number, line in enumerate(raw_rows, start=1):
        row = held.row(row_change(line, number, pkg.version), _exists)
        if row is None:
            continue
        if not checker.add_incoming(row):
            raise package.damaged(
                f"baris ganda untuk {row.table} {row.id}",
                f"duplicate line for {row.table} {row.id}",
            )
        chunk.append(row)
        if len(chunk) >= _CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _exists(table: str, row_id: str) -> bool:
    return db.sql(f"SELECT 1 FROM {table} WHERE id = ?", (row_id,)).fetchone() is not None


def _writes(plan: RowPlan) -> bool:
    return bool(plan.values or plan.life or plan.local is None or plan.vectors)


def _run(
    ws: Workspace,
    pkg: package.Package,
    report: ImportReport,
    known: Categories,
    progress: Progress | None,
    *,
    dry_run: bool,
) -> None:
    """Merge and write chunk by chunk inside the caller's transaction; any problem raises
    and the caller's rollback leaves the database as it was."""
    checker = RecordChecker(ws.regions, known, pkg, ws.attachments.has_blob)
    total = int(pkg.manifest.get("counts", {}).get("changes", 0) or 0)
    backed_up = dry_run  # a dry run writes nothing that lasts, so it needs no backup
    done = 0
    seen: Vector = {}  # origin -> newest stamp among the lines: bounds what we believe
    detected: list[ConflictChange] = []
    touched: set[str] = set()
    heads_touched: set[tuple[str, str]] = set()  # rows whose visible values changed
    held = Held(*revocation.cutoffs(ws.data_dir, ws.device_id))
    for chunk in _row_chunks(pkg, checker, held):
        for row in chunk:
            vectors.note(seen, row.stamps)
        refuse_if_ahead(max(seen.values()), pkg.sender)
        plan = _plan_rows(chunk, checker)
        if not backed_up and any(_writes(p) for p in plan):
            ws.backup("import")
            backed_up = True
        detected += _detected_conflicts(ws, plan)
        heads_touched |= {
            (p.change.table, p.change.id)
            for p in plan
            if p.local is not None and (p.values or p.vectors)
        }
        _apply_rows(ws, plan, report)
        _store_attachments(ws, pkg, plan, report, dry_run)
        touched |= {p.change.table for p in plan}
        done += len(chunk)
        if progress is not None and not progress(done, max(total, done)):
            raise Cancelled()
    found = [
        change
        for n, line in enumerate(pkg.lines(package.CONFLICTS), start=1)
        if held.conflict(change := conflict_change(line, n, pkg.version))
    ]
    problems = [p for line in found for p in checker.conflict(line)]
    problems += checker.unresolved()
    if problems:
        raise InvalidRecords(problems[:200])
    for conflict in found:
        vectors.note(seen, [conflict.stamp, *(conflict.resolution or ())[1:]])
    refuse_if_ahead(max(seen.values(), default=""), pkg.sender)
    pending = _merge_conflicts(ws, [*found, *detected])
    if pending and not backed_up:
        ws.backup("import")
    _apply_conflicts(pending, report)
    _drop_dominated(report, heads_touched | {(c.table, c.row_id) for c, _s, _e in pending})
    _check_foreign_keys(touched)
    _remember(ws, pkg, report, seen, held)
    warning = held.warning()
    if warning is not None:
        report.warnings.append(warning)
    if not dry_run:
        report.digest = digest.dataset_digest()


# -- merging ---------------------------------------------------------------------------


def _load_local(table: str, ids: list[str]) -> dict[str, LocalRow]:
    fields = synced_fields(table)
    flags = [is_flag(table, f) for f in fields]
    columns = ", ".join(("id", "seq", "hlc", "stamps", "cl", *fields))
    out: dict[str, LocalRow] = {}
    for start in range(0, len(ids), _BATCH):
        part = ids[start : start + _BATCH]
        marks = ", ".join("?" * len(part))
        for row in db.sql(f"SELECT {columns} FROM {table} WHERE id IN ({marks})", tuple(part)):
            values = {
                n: (bool(v) if flag and v is not None else v)
                for n, v, flag in zip(fields, row[5:], flags, strict=True)
            }
            out[row[0]] = LocalRow(row[1], row[2], json.loads(row[3]), row[4], values, {})
        for row_id, name, stamp, vv in db.sql(
            "SELECT row_id, field, stamp, vv FROM sync_field "
            f"WHERE tbl = ? AND row_id IN ({marks})",
            (table, *part),
        ):
            if row_id in out:
                out[row_id].vectors[name] = (stamp, json.loads(vv))
    return out


def _plan_rows(rows: list[RowChange], checker: RecordChecker) -> list[RowPlan]:
    """Gate every cell this laptop does not hold exactly as sent (checked and normalised
    before the merge compares it), then merge; any invalid value refuses the package."""
    plan: list[RowPlan] = []
    problems: list[tuple[str, str]] = []
    by_table: dict[str, list[RowChange]] = {}
    for row in rows:
        by_table.setdefault(row.table, []).append(row)
    for table in TABLE_ORDER:
        changes = by_table.get(table, [])
        if not changes:
            continue
        local = _load_local(table, [c.id for c in changes])
        for change in changes:
            mine = local.get(change.id)
            held = () if mine is None else [n for n, s in change.fields.items() if mine.holds(n, s)]
            problems += checker.gate(change, mine is None, held)
            if len(problems) > 200:
                raise InvalidRecords(problems)
        if not problems:
            plan.extend(_merge_row(change, local.get(change.id)) for change in changes)
    if problems:
        raise InvalidRecords(problems)
    return plan


def _merge_conflicts(
    ws: Workspace, found: list[ConflictChange]
) -> list[tuple[ConflictChange, conflicts.StoredConflict, bool]]:
    """Incoming and newly detected conflicts joined with the stored ones; only real news."""
    out = []
    stored = conflicts.load({c.id for c in found})
    for conflict in found:
        old = stored.get(conflict.id)
        new = conflicts.merged(old, conflict)
        if old is not None and conflicts.restamp_needed(old, conflict, new):
            # E.g. two laptops kept one loss with different winners: the newest winner
            # must reach the laptop whose version bears the newer stamp.
            shared_clock(ws.clock)
            ws.clock.observe(new.stamp)
            new = replace(new, stamp=ws.clock.now())
        if old is None or new != old:
            out.append((conflict, new, old is not None))
            stored[conflict.id] = new
    return out


def _merge_row(change: RowChange, local: LocalRow | None) -> RowPlan:
    if local is None:
        stamps = {n: s.stamp for n, s in change.fields.items() if s.stamp != change.hlc}
        # A value's history is kept whenever it is more than its own stamp (see merge.py).
        vectors_: dict[str, tuple[str, Vector]] = {
            n: (s.stamp, s.seen)
            for n, s in change.fields.items()
            if s.stamp != change.hlc or s.vector is not None
        }
        life = change.life or LifeState(1, None, {})
        if life.stamp is not None:
            stamps[conflicts.LIFE] = life.stamp
            vectors_[conflicts.LIFE] = (life.stamp, life.vector)
        plan = RowPlan(
            change, None, {n: s.value for n, s in change.fields.items()}, stamps, vectors_, life
        )
        return plan
    if local.hlc != change.hlc:
        raise InvalidRecords(
            [
                (
                    f"{change.table} {change.id}: cap waktu pembuatan berbeda",
                    f"{change.table} {change.id}: a different creation stamp",
                )
            ]
        )
    plan = RowPlan(change, local, stamps=dict(local.stamps))
    for name, remote in change.fields.items():
        if local.holds(name, remote):
            continue
        mine = local.field_state(name)
        result, lost = merge_field(mine, remote)
        if lost is not None:
            plan.lost.append((name, lost))
        if (result.value, result.stamp) != (mine.value, mine.stamp):
            plan.values[name] = result.value
        if result.stamp != mine.stamp or result.vector != mine.vector:
            if result.stamp != change.hlc:
                plan.stamps[name] = result.stamp
            else:
                plan.stamps.pop(name, None)
            if result.stamp != change.hlc or result.vector is not None:
                plan.vectors[name] = (result.stamp, result.seen)
    if change.life is not None:
        mine_life = local.life
        merged = merge_life(mine_life, change.life)
        if merged != mine_life and merged.stamp is not None:
            plan.life = merged
            plan.stamps[conflicts.LIFE] = merged.stamp
            plan.vectors[conflicts.LIFE] = (merged.stamp, merged.vector)
    return plan


def _detected_conflicts(ws: Workspace, plan: list[RowPlan]) -> list[ConflictChange]:
    out: list[ConflictChange] = []
    stamp: str | None = None
    for row in plan:
        table, rid = row.change.table, row.change.id
        for name, lost in row.lost:
            if stamp is None:
                shared_clock(ws.clock)
                stamp = ws.clock.now()
            out.append(
                ConflictChange(
                    conflicts.conflict_id(table, rid, name, lost.stamp),
                    table,
                    rid,
                    name,
                    lost.value,
                    lost.stamp,
                    lost.winner_stamp,
                    None,
                    stamp,
                    lost.vector,
                )
            )
        if not (row.values or row.life or row.local is None):
            continue
        life = row.life or (row.local.life if row.local else LifeState(1, None, {}))
        edits = {n: s for n, s in row.stamps.items() if n != conflicts.LIFE}
        unseen = unseen_edits(life, edits)
        if unseen and life.stamp is not None:
            if stamp is None:
                shared_clock(ws.clock)
                stamp = ws.clock.now()
            out.append(
                ConflictChange(
                    conflicts.conflict_id(table, rid, conflicts.LIFE, life.stamp),
                    table,
                    rid,
                    conflicts.LIFE,
                    None,
                    unseen[-1],
                    life.stamp,
                    None,
                    stamp,
                )
            )
    return out


# -- writing ---------------------------------------------------------------------------


def _apply_rows(ws: Workspace, plan: list[RowPlan], report: ImportReport) -> None:
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    author = ws.author()
    audits: list[tuple[Any, ...]] = []
    field_rows: list[tuple[str, str, str, str, str, str]] = []
    inserts: dict[str, list[tuple[Any, ...]]] = {}
    for row in plan:
        change = row.change
        table = change.table
        counts = report.table(table)
        type_name, parent = record_type_of(table)
        if row.local is None:
            counts.new += 1
            inserts.setdefault(table, []).append(_insert_values(row, now))
            # Only the fact: a copy of every imported row's values in the audit trail would
            # double the size of a national import; the row itself holds them.
            audits.append(
                _audit_row(now, change, type_name, parent, row.values, author, "create", None, None)
            )
        elif row.values or row.life:
            counts.updated += 1
            if row.life is not None and row.life.deleted and not row.local.life.deleted:
                counts.deletions += 1
                report.deleted_rows.append((table, change.id))
            _update(row, now)
            for name, new in row.values.items():
                audits.append(
                    _audit_row(
                        now,
                        change,
                        type_name,
                        parent,
                        row.local.values,
                        author,
                        name,
                        audit_text(row.local.values[name]),
                        audit_text(new),
                    )
                )
            if row.life is not None:
                audits.append(
                    _audit_row(
                        now,
                        change,
                        type_name,
                        parent,
                        row.local.values,
                        author,
                        "deleted",
                        str(row.local.life.deleted).lower(),
                        str(row.life.deleted).lower(),
                    )
                )
        else:
            counts.unchanged += 1
            if row.vectors:
                _update_stamps(row)
        for name, (stamp, vector) in row.vectors.items():
            field_rows.append(
                (table, change.id, name, stamp, origin(stamp), json.dumps(vector, sort_keys=True))
            )
    db.executemany(
        "INSERT INTO sync_origin (origin) VALUES (?) ON CONFLICT (origin) DO NOTHING",
        [(o,) for o in sorted({origin(r.change.hlc) for r in plan if r.local is None})],
    )
    for table, values in inserts.items():
        fields = synced_fields(table)
        columns = (
            "id",
            "hlc",
            "stamps",
            "cl",
            "deleted",
            "created_at",
            "updated_at",
            "updated_by",
            *fields,
        )
        db.executemany(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
            values,
        )
    db.executemany(
        "INSERT INTO sync_field (tbl, row_id, field, stamp, origin, vv) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (tbl, row_id, field) DO UPDATE SET "
        "stamp = excluded.stamp, origin = excluded.origin, vv = excluded.vv",
        field_rows,
    )
    db.executemany(
        "INSERT INTO audit (at, device, actor, workstation, record_type, record_id, action, "
        "field, old, new) VALUES (?, ?, ?, ?, ?, ?, 'sync', ?, ?, ?)",
        audits,
    )


def _drop_dominated(report: ImportReport, rows: set[tuple[str, str]]) -> None:
    """Conflicts whose value another head's writer had seen are no conflicts (merge.py):
    drop them, wherever the visible value or a conflict changed."""
    dropped = conflicts.drop_dominated(rows)
    if not dropped:
        return
    for cid, table in dropped:
        if cid in report.conflict_ids:
            report.conflict_ids.remove(cid)
            report.table(table).conflicts -= 1


def _apply_conflicts(
    pending: list[tuple[ConflictChange, conflicts.StoredConflict, bool]], report: ImportReport
) -> None:
    for conflict, merged, exists in pending:
        conflicts.write(conflict, merged, exists)
        if not exists:
            report.table(conflict.table).conflicts += 1
            report.conflict_ids.append(conflict.id)


def _insert_values(row: RowPlan, now: str) -> tuple[Any, ...]:
    change = row.change
    life = row.life or LifeState(1, None, {})
    newest = max(row.stamps.values(), default=change.hlc)
    fields = synced_fields(change.table)
    return (
        change.id,
        change.hlc,
        json.dumps(row.stamps, sort_keys=True),
        life.cl,
        int(life.deleted),
        change.created_at or now,
        now,
        origin(max(newest, change.hlc)),
        *(stored(row.values[n]) for n in fields),
    )


def _update(row: RowPlan, now: str) -> None:
    sets = [f"{name} = ?" for name in row.values]
    params: list[Any] = [stored(v) for v in row.values.values()]
    if row.life is not None:
        sets += ["cl = ?", "deleted = ?"]
        params += [row.life.cl, int(row.life.deleted)]
    newest = max(row.stamps.values(), default=row.change.hlc)
    sets += ["stamps = ?", "updated_at = ?", "updated_by = ?"]
    params += [json.dumps(row.stamps, sort_keys=True), now, origin(newest)]
    db.sql(
        f"UPDATE {row.change.table} SET {', '.join(sets)} WHERE id = ?", (*params, row.change.id)
    )


def _update_stamps(row: RowPlan) -> None:
    """Only the vectors grew (the value had been seen already): keep stamps in step."""
    assert row.local is not None
    if row.stamps != row.local.stamps:
        db.sql(
            f"UPDATE {row.change.table} SET stamps = ? WHERE id = ?",
            (json.dumps(row.stamps, sort_keys=True), row.change.id),
        )


def _audit_row(
    now: str,
    change: RowChange,
    type_name: str,
    parent: str | None,
    values: dict[str, Any],
    author: Author,
    name: str,
    old: str | None,
    new: str | None,
) -> tuple[Any, ...]:
    record_id = values.get(parent) if parent else change.id
    path: str | None = None if name == "create" else name
    if parent:
        path = f"{change.table}[{change.id}]" + ("" if name == "create" else f".{name}")
    newest = max(change.stamps)
    return (now, origin(newest), *author, type_name, record_id or change.id, path, old, new)


def _store_attachments(
    ws: Workspace, pkg: package.Package, plan: list[RowPlan], report: ImportReport, dry_run: bool
) -> None:
    for row in plan:
        if row.change.table != "attachment":
            continue
        sha = row.values.get("sha256") or (row.local.values["sha256"] if row.local else None)
        if not sha or ws.attachments.has_blob(sha) or not pkg.has_attachment(sha):
            continue
        report.attachments += 1
        if dry_run:
            continue
        with pkg.open_attachment(sha) as stream:
            ws.attachments.store_stream(sha, stream)


def _check_foreign_keys(tables: set[str]) -> None:
    """Deferred keys are only checked at commit; a dry run never commits, so check now."""
    if engine.is_postgresql():
        _check_deferred_keys()
        return
    problems = []
    for table in sorted(tables):
        for found in db.sql(f"PRAGMA foreign_key_check({table})"):
            problems.append(
                (
                    f"{found[0]}: referensi ke {found[2]} tidak ditemukan",
                    f"{found[0]}: reference to {found[2]} not found",
                )
            )
    if problems:
        raise InvalidRecords(problems)


def _check_deferred_keys() -> None:
    """PostgreSQL checks every deferred key now when asked to make them immediate."""
    try:
        db.sql("SET CONSTRAINTS ALL IMMEDIATE")
    except peewee.IntegrityError as exc:
        detail = str(exc).strip().splitlines()[-1] if str(exc).strip() else "?"
        raise InvalidRecords(
            [(f"referensi tidak terselesaikan ({detail})", f"unresolved reference ({detail})")]
        ) from None
    db.sql("SET CONSTRAINTS ALL DEFERRED")


def covers_receiver(ws: Workspace, manifest: dict[str, Any]) -> bool:
    """Whether the package holds everything its sender held that this laptop lacks.

    True for a full package, and for one whose ``base`` (what it left out) this laptop
    already holds: an incremental package for this device, or a folder package written
    knowing this laptop.
    """
    scope = manifest.get("scope") or {}
    if scope.get("province") is not None:
        return False
    if scope.get("full"):
        return True
    held = vectors.own(ws.device_id, str(ws.clock.last))
    return vectors.covers(held, manifest.get("base") or {})


def _remember(
    ws: Workspace, pkg: package.Package, report: ImportReport, seen: Vector, holdback: Held
) -> None:
    """Record the package, the sender and what it (and now we) hold; advance the clock.

    ``seen`` is the newest stamp of each origin among the package's lines: what we record
    as held is bounded by it (or by what we held already), never taken from the claim alone,
    and stays below any change ``holdback`` left out.
    """
    manifest = pkg.manifest
    sender = pkg.sender
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    report.imported_at = now
    covering = covers_receiver(ws, manifest)
    kept = shared_name(report) if ws.on_postgresql else str(path_for(report, ws.data_dir))
    db.sql(
        "INSERT INTO sync_peer (device_id, name, fingerprint, public_key, first_seen, last_seen) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (device_id) DO UPDATE SET name = excluded.name, "
        "fingerprint = excluded.fingerprint, public_key = excluded.public_key, "
        "last_seen = excluded.last_seen",
        (sender["id"], sender["name"], report.fingerprint, sender["public_key"], now, now),
    )
    if report.newly_trusted:
        identity.trust(report.fingerprint, sender["name"], sender["id"])
    db.sql(
        'INSERT INTO sync_package (package_id, sender, stream, seq, "full", created_at, '
        "imported_at, report) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            report.package_id,
            sender["id"],
            report.stream,
            report.seq,
            # A covering package anyone may read (a folder's) replaces the previous one
            # there, so earlier numbers of that stream can no longer arrive nor matter.
            int(bool(manifest["scope"].get("full")) or (covering and report.stream == ALL)),
            report.created_at,
            now,
            kept,
        ),
    )
    carries: Vector = manifest["carries"]
    complete = manifest["scope"].get("province") is None
    if complete:
        # We now hold everything the sender held, if the package left out only what we had
        # (its base) and carried the rest: up to the newest stamp it actually showed.
        if covering:
            others = {k: v for k, v in carries.items() if k != ws.device_id}
            now_held = vectors.bounded(others, manifest["base"], seen)
            vectors.raise_to(ws.device_id, holdback.cap(now_held, vectors.load(ws.device_id)))
        # The sender holds what it showed or what we hold, and all of its own changes
        # (believing more about itself could only keep its own changes from it).
        held = vectors.own(ws.device_id, str(ws.clock.last))
        own_line = {sender["id"]: carries[sender["id"]]} if sender["id"] in carries else {}
        vectors.raise_to(sender["id"], {**vectors.bounded(carries, held, seen), **own_line})
    newest = max(seen.values(), default="")
    shared_clock(ws.clock)  # the clock saved below must not step back another's
    if newest and Stamp.parse(newest).wall_ms - now_ms() <= MAX_DRIFT_MS:
        ws.clock.observe(newest)
    ws.settings.set("clock_last", str(ws.clock.last))
    status.mark_exchange()
