"""Check incoming rows against the record schema before anything is written.

Each value goes through the same Validator the forms use, field by field.
Cross-field rules (dates in order, regency inside province) are not applied:
two valid edits made on two laptops may merge into a pair the rule would refuse,
and refusing the package would stop the laptops from ever converging.
A reference must resolve to a row in this database or in the package itself,
alive or deleted (a deleted row still exists as a tombstone).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from jipp_desktop.core.registry import RECORD_TYPES, record_type, user_fields
from jipp_desktop.core.validation import Regions, Validator
from jipp_desktop.sync import db, package
from jipp_desktop.sync.lines import RowChange
from jipp_desktop.sync.schema import TABLES, synced_fields

_SHA = re.compile(r"^[0-9a-f]{64}$")
Problem = tuple[str, str]


class RecordChecker:
    """Checks rows a chunk at a time; a reference to a row later in the package is settled
    at the end (``unresolved``), when every incoming id is known."""

    def __init__(
        self, regions: Regions, pkg: package.Package, has_blob: Callable[[str], bool]
    ) -> None:
        self.pkg = pkg
        self.has_blob = has_blob
        self.incoming: dict[str, set[str]] = {}
        self.known: dict[str, set[str]] = {}
        self.deferred: list[tuple[str, str, str]] = []
        self._where = ""
        self.validator = Validator(regions, self._ref_exists)

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

    def _ref_exists(self, ref: str, rid: str) -> bool:
        table = record_type(ref).table
        if rid in self.incoming.get(table, ()) or self._in_database(table, rid):
            return True
        self.deferred.append((self._where, table, rid))
        return True

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

    def check(self, plan_rows: list[tuple[RowChange, bool]]) -> list[Problem]:
        problems: list[Problem] = []
        for change, is_new in plan_rows:
            where = f"{change.table} {change.id}"
            for name in change.unknown:
                problems.append(
                    (f"{where}: kolom '{name}' tidak dikenal", f"{where}: unknown field '{name}'")
                )
            if is_new:
                missing = [n for n in synced_fields(change.table) if n not in change.fields]
                if missing or change.life is None:
                    problems.append(
                        (
                            f"{where}: data belum ada di laptop ini dan paket tidak memuatnya utuh "
                            "(minta paket lengkap, --full)",
                            f"{where}: the record is new to this laptop but the package does not "
                            "hold all of it (ask for a full package, --full)",
                        )
                    )
                    continue
            problems.extend(self._values(change, where))
            if len(problems) > 200:
                break
        return problems

    def _values(self, change: RowChange, where: str) -> list[Problem]:
        model = TABLES[change.table]
        names = {f.name for f in user_fields(model)}
        data = {n: s.value for n, s in change.fields.items() if n in names}
        self._where = where
        self.validator.errors = []
        self.validator.clean(model, data, partial=True)
        out = [
            (f"{where}: {e.field}: {e.message_id}", f"{where}: {e.field}: {e.message_en}")
            for e in self.validator.errors
        ]
        if change.table == "attachment":
            out.extend(self._attachment(change, where))
        return out

    def _attachment(self, change: RowChange, where: str) -> list[Problem]:
        values: dict[str, Any] = {n: s.value for n, s in change.fields.items()}
        out: list[Problem] = []
        sha = values.get("sha256")
        if "sha256" in values and not (isinstance(sha, str) and _SHA.match(sha)):
            out.append((f"{where}: sha256 tidak valid", f"{where}: invalid sha256"))
        elif (
            isinstance(sha, str)
            # A removed attachment travels without its file: nobody can open it any more.
            and not (change.life is not None and change.life.deleted)
            and not (self.pkg.has_attachment(sha) or self.has_blob(sha))
        ):
            out.append(
                (
                    f"{where}: berkas lampiran {sha[:12]}… tidak ada di paket",
                    f"{where}: attachment file {sha[:12]}… is not in the package",
                )
            )
        size = values.get("size")
        if "size" in values and (not isinstance(size, int) or isinstance(size, bool) or size < 0):
            out.append((f"{where}: ukuran tidak valid", f"{where}: invalid size"))
        kind = values.get("record_type")
        if "record_type" in values and kind not in RECORD_TYPES:
            out.append(
                (
                    f"{where}: jenis data '{kind}' tidak dikenal",
                    f"{where}: unknown record type '{kind}'",
                )
            )
        for name in ("record_id", "mime"):
            if name in values and not (
                isinstance(values[name], str) and 0 < len(values[name]) <= 100
            ):
                out.append((f"{where}: {name} tidak valid", f"{where}: invalid {name}"))
        return out
