"""The gate for arriving values: every cell a package would write passes the checks a
form applies, and is stored in the form the form would store.

Each value goes through the same Validator the forms use (core/validation.py), field by
field, and the normalised value replaces the one sent, before the merge compares it with
what this laptop holds: a flag sent as "yes" is stored as true on every laptop, whether it
arrives directly or relayed.  Cross-field rules (dates in order, regency inside province)
are not applied: two valid edits made on two laptops may merge into a pair the rule would
refuse, and refusing the package would stop the laptops from ever converging.  A reference
must resolve to a row in this database or in the package itself, alive or deleted (a
deleted row still exists as a tombstone).
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from jipp_desktop.core.categories import Categories
from jipp_desktop.core.errors import FieldError
from jipp_desktop.core.registry import record_type
from jipp_desktop.core.validation import Regions, Validator, valid_timestamp
from jipp_desktop.sync import db, package
from jipp_desktop.sync.lines import ConflictChange, RowChange
from jipp_desktop.sync.schema import TABLES, synced_fields

Problem = tuple[str, str]
# Each delete or restore adds one to a row's causal length; no officer deletes and restores
# one record a million times, and a bound keeps ``cl + 1`` far from SQLite's integer limit.
MAX_CAUSAL_LENGTH = 1_000_000
LIFE = "_cl"


def _problem(where: str, error: FieldError) -> Problem:
    return (
        f"{where}: {error.field}: {error.message_id}",
        f"{where}: {error.field}: {error.message_en}",
    )


class RecordChecker:
    """Checks rows a chunk at a time; a reference to a row later in the package is settled
    at the end (``unresolved``), when every incoming id is known."""

    def __init__(
        self,
        regions: Regions,
        categories: Categories,
        pkg: package.Package,
        has_blob: Callable[[str], bool],
    ) -> None:
        self.pkg = pkg
        self.has_blob = has_blob
        self.incoming: dict[str, set[str]] = {}
        self.known: dict[str, set[str]] = {}
        self.deferred: list[tuple[str, str, str]] = []
        self._pending: list[tuple[str, str]] = []
        self.validator = Validator(regions, self._ref_exists, categories)

    def add_incoming(self, row: RowChange) -> bool:
        """Note a row of the package; False when the package already had it."""
        ids = self.incoming.setdefault(row.table, set())
        if row.id in ids:
            return False
        ids.add(row.id)
        return True

    def _in_database(self, table: str, rid: str) -> bool:
        if table not in self.known:
            self.known[table] = {r for (r,) in db.sql(f"SELECT id FROM {table}")}
        return rid in self.known[table]

    def exists(self, table: str, rid: str) -> bool:
        return rid in self.incoming.get(table, ()) or self._in_database(table, rid)

    def _ref_exists(self, ref: str, rid: str) -> bool:
        table = record_type(ref).table
        if not self.exists(table, rid):
            self._pending.append((table, rid))
        return True

    def _defer(self, where: str, clean: dict[str, object]) -> None:
        """References not found yet, named by field: the package may hold them further on."""
        for table, rid in self._pending:
            name = next((n for n, v in clean.items() if v == rid), "")
            self.deferred.append((f"{where}: {name}", table, rid))
        self._pending = []

    def unresolved(self) -> list[Problem]:
        """References that point neither into this database nor into the package."""
        out: list[Problem] = []
        for where, table, rid in self.deferred:
            if rid in self.incoming.get(table, ()):
                continue
            if db.sql(f"SELECT 1 FROM {table} WHERE id = ?", (rid,)).fetchone() is None:
                out.append(
                    (
                        f"{where}: data {table} dengan id '{rid}' tidak ditemukan",
                        f"{where}: no {table} record with id '{rid}'",
                    )
                )
        return out

    def gate(self, change: RowChange, is_new: bool, held: Collection[str]) -> list[Problem]:
        """Check ``change`` and normalise its values in place; ``held`` names the cells this
        laptop holds already exactly as sent (nothing of them can reach the database)."""
        where = f"{change.table} {change.id}"
        problems = [
            (f"{where}: kolom '{name}' tidak dikenal", f"{where}: unknown field '{name}'")
            for name in change.unknown
        ]
        if change.created_at is not None and not valid_timestamp(change.created_at):
            problems.append(
                (
                    f"{where}: ca: waktu pembuatan '{change.created_at:.40}' tidak valid",
                    f"{where}: ca: invalid creation time '{change.created_at:.40}'",
                )
            )
        if change.life is not None and change.life.cl > MAX_CAUSAL_LENGTH:
            problems.append(
                (
                    f"{where}: cl: panjang kausal {change.life.cl} melebihi {MAX_CAUSAL_LENGTH}",
                    f"{where}: cl: causal length {change.life.cl} beyond {MAX_CAUSAL_LENGTH}",
                )
            )
        if is_new and (
            change.life is None or any(n not in change.fields for n in synced_fields(change.table))
        ):
            problems.append(
                (
                    f"{where}: data belum ada di laptop ini dan paket tidak memuatnya utuh "
                    "(minta paket lengkap, --full)",
                    f"{where}: the record is new to this laptop but the package does not "
                    "hold all of it (ask for a full package, --full)",
                )
            )
            return problems
        data = {n: s.value for n, s in change.fields.items() if n not in held}
        if data:
            problems += self._values(change, data, where)
        return problems

    def _values(self, change: RowChange, data: dict[str, object], where: str) -> list[Problem]:
        self.validator.errors = []
        clean = self.validator.clean_synced(TABLES[change.table], data)
        self._defer(where, clean)
        for name, value in clean.items():
            change.fields[name] = change.fields[name]._replace(value=value)
        out = [_problem(where, e) for e in self.validator.errors]
        if change.table == "attachment":
            out += self._attachment_file(change, where)
        return out

    def _attachment_file(self, change: RowChange, where: str) -> list[Problem]:
        state = change.fields.get("sha256")
        sha = state.value if state is not None else None
        # A removed attachment travels without its file: nobody can open it any more.
        if (
            isinstance(sha, str)
            and not (change.life is not None and change.life.deleted)
            and not (self.pkg.has_attachment(sha) or self.has_blob(sha))
        ):
            return [
                (
                    f"{where}: berkas lampiran {sha[:12]}… tidak ada di paket",
                    f"{where}: attachment file {sha[:12]}… is not in the package",
                )
            ]
        return []

    def conflict(self, line: ConflictChange) -> list[Problem]:
        """A conflict line names a synced field of a row that exists, and its kept value
        passes the field's gate (normalised in place)."""
        where = f"conflict {line.id}"
        if line.field != LIFE and line.field not in synced_fields(line.table):
            return [
                (
                    f"{where}: kolom '{line.field:.60}' tidak dikenal di {line.table}",
                    f"{where}: unknown field '{line.field:.60}' of {line.table}",
                )
            ]
        if not self.exists(line.table, line.row_id):
            return [
                (
                    f"{where}: data {line.table} dengan id '{line.row_id:.40}' tidak ditemukan",
                    f"{where}: no {line.table} record with id '{line.row_id:.40}'",
                )
            ]
        if line.field == LIFE:
            if line.loser_value is None:
                return []
            return [(f"{where}: _cl: nilai harus kosong", f"{where}: _cl: the value must be null")]
        self.validator.errors = []
        clean = self.validator.clean_synced(TABLES[line.table], {line.field: line.loser_value})
        self._defer(where, clean)
        line.loser_value = clean[line.field]
        return [_problem(where, e) for e in self.validator.errors]
