"""Undo what an imported package did: bring back what it moved to the trash.

Each import remembers the rows it deleted (sync_package_deletion, written in the import's
transaction).  Undoing restores those still deleted, parents before children (the order
of TABLE_ORDER), through the record service, so each restore is a new change with a new
stamp: it travels to the other laptops like any edit and the history shows it.  All of it
is one transaction: a record that cannot come back (it points at a record deleted since,
by someone else) refuses the whole undo with the record named, and nothing changes.
"""

from __future__ import annotations

from dataclasses import dataclass

from jipp_desktop.core import models as m
from jipp_desktop.core.registry import RECORD_TYPES
from jipp_desktop.core.workspace import Workspace
from jipp_desktop.sync import db
from jipp_desktop.sync.errors import INVALID_RECORDS, SyncError
from jipp_desktop.sync.schema import TABLE_ORDER, TABLES


class UnknownPackage(SyncError):
    exit_status = INVALID_RECORDS

    def __init__(self, text: str, matches: int) -> None:
        if matches:
            super().__init__(
                f"'{text}' cocok dengan {matches} paket; tulis id paket lebih panjang.",
                f"'{text}' matches {matches} packages; type more of the package id.",
            )
        else:
            super().__init__(
                f"Tidak ada paket yang diimpor dengan id '{text}'. Id paket tertera di "
                "laporan impor.",
                f"No imported package has the id '{text}'. The package id is shown in the "
                "import report.",
            )


@dataclass(frozen=True)
class UndoResult:
    package_id: str
    sender_name: str
    restored: int
    deleted: int  # what the package deleted here in all

    def message(self, lang: str = "id") -> str:
        if self.restored == 0:
            if lang == "id":
                return (
                    f"Paket {self.package_id} dari {self.sender_name}: tidak ada yang perlu "
                    "dikembalikan."
                )
            return f"Package {self.package_id} from {self.sender_name}: nothing to bring back."
        if lang == "id":
            return (
                f"{self.restored} data yang dipindahkan ke Sampah oleh paket {self.package_id} "
                f"dari {self.sender_name} dikembalikan. Pemulihan ini ikut terkirim dengan "
                "paket berikutnya."
            )
        return (
            f"{self.restored} records that package {self.package_id} from {self.sender_name} "
            "moved to the Trash were brought back. The restores travel with the next package."
        )


def remember(package_id: str, deleted: list[tuple[str, str]]) -> None:
    """Inside the import's transaction: the rows this package moved to the trash here."""
    db.executemany(
        "INSERT INTO sync_package_deletion (package_id, tbl, row_id) VALUES (?, ?, ?) "
        "ON CONFLICT (package_id, tbl, row_id) DO NOTHING",
        [(package_id, table, row_id) for table, row_id in deleted],
    )


def find_package(text: str) -> tuple[str, str]:
    """(package id, sender name) of the one imported package whose id starts with ``text``."""
    prefix = text.strip().lower()
    rows = db.sql(
        "SELECT p.package_id, coalesce(s.name, p.sender) FROM sync_package p "
        "LEFT JOIN sync_peer s ON s.device_id = p.sender "
        "WHERE p.package_id = ? OR (length(?) >= 8 AND substr(p.package_id, 1, length(?)) = ?)",
        (prefix, prefix, prefix, prefix),
    ).fetchall()
    if len(rows) != 1:
        raise UnknownPackage(text, len(rows))
    return str(rows[0][0]), str(rows[0][1])


def undo(ws: Workspace, text: str) -> UndoResult:
    package_id, sender_name = find_package(text)
    by_table: dict[str, list[str]] = {}
    for table, row_id in db.sql(
        "SELECT tbl, row_id FROM sync_package_deletion WHERE package_id = ? ORDER BY row_id",
        (package_id,),
    ):
        by_table.setdefault(str(table), []).append(str(row_id))
    total = sum(len(ids) for ids in by_table.values())
    restored = 0
    with m.database.atomic():
        for table in TABLE_ORDER:  # parents before children
            ids = _still_deleted(table, by_table.get(table, []))
            restored += len(ids)
            _restore(ws, table, ids)
    return UndoResult(package_id, sender_name, restored, total)


def _still_deleted(table: str, ids: list[str]) -> list[str]:
    out: list[str] = []
    for start in range(0, len(ids), 500):
        part = ids[start : start + 500]
        marks = ", ".join("?" * len(part))
        out += [
            str(r)
            for (r,) in db.sql(
                f"SELECT id FROM {table} WHERE deleted = 1 AND id IN ({marks}) ORDER BY seq",
                tuple(part),
            )
        ]
    return out


def _restore(ws: Workspace, table: str, ids: list[str]) -> None:
    top = {rt.table: name for name, rt in RECORD_TYPES.items()}
    if table in top:
        for record_id in ids:
            ws.records.restore(top[table], record_id)
    else:
        ws.records.restore_rows(TABLES[table], ids)
