"""What an import did (or would do): counts by table, conflicts, warnings; and where it
is kept.

A laptop keeps each import's report as a file in its data folder (``sync-reports/``,
sealed when the folder is encrypted).  The ministry's workstations share one PostgreSQL
database but each has its own data folder, and the staff of every workstation check
incoming packages, so there the report is a row of ``sync_report``, written in the
import's own transaction and naming the officer and the workstation that imported.  A
list shows both kinds: a workstation that imported before its database kept reports
still lists the files in its folder.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from jipp_desktop.core import engine, sealed
from jipp_desktop.core.errors import JippError
from jipp_desktop.core.idformat import format_number
from jipp_desktop.core.services import Author

REPORT_DIR = "sync-reports"
NOT_FOUND_EXIT = 3  # docs/cli.md: invalid data (an unknown report name)
# More rows moved to the trash than this by one package, and the app asks before importing.
MASS_DELETION = 10


@dataclass
class Counts:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0
    deletions: int = 0

    @property
    def changed(self) -> int:
        return self.new + self.updated + self.conflicts + self.deletions


@dataclass
class ImportReport:
    file: str
    package_id: str
    sender_id: str
    sender_name: str
    fingerprint: str
    seq: int
    stream: str
    created_at: str
    format_version: int
    dry_run: bool = False
    already_applied: bool = False
    own_package: bool = False
    newly_trusted: bool = False
    imported_at: str | None = None
    digest: str | None = None
    attachments: int = 0
    counts: dict[str, Counts] = field(default_factory=dict)
    conflict_ids: list[str] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    # The report's name in lists (time, sender, stream, number) and, for a file, its path.
    report_name: str | None = None
    report_path: str | None = None
    # Who imported, on a shared database (a laptop has one officer and one computer).
    imported_by: str | None = None
    workstation: str | None = None
    # Keys this package's revocations shut out here: [fingerprint, revoked by (name)].
    revoked: list[list[str]] = field(default_factory=list)
    # KIPP categories the package added or relabelled here: [code, label_id, label_en].
    categories: list[list[str]] = field(default_factory=list)
    # (table, row id) of each row this import moved to the trash; kept in the database
    # (sync/undo.py), not in the report file.
    deleted_rows: list[tuple[str, str]] = field(default_factory=list, repr=False)

    def table(self, name: str) -> Counts:
        return self.counts.setdefault(name, Counts())

    @property
    def total(self) -> Counts:
        out = Counts()
        for c in self.counts.values():
            out.new += c.new
            out.updated += c.updated
            out.unchanged += c.unchanged
            out.conflicts += c.conflicts
            out.deletions += c.deletions
        return out

    @property
    def mass_deletion(self) -> bool:
        """Deletes more than a handful: the app asks before importing it."""
        return self.total.deletions > MASS_DELETION

    def deletion_text(self, lang: str = "id") -> str | None:
        """The deletions in words, shown before anything else ("akan memindahkan ...")."""
        n = self.total.deletions
        if not n:
            return None
        number = format_number(n, lang=lang)
        if lang == "id":
            verb = "akan memindahkan" if self.dry_run else "memindahkan"
            return f"Paket ini {verb} {number} data ke Sampah."
        verb = "would move" if self.dry_run else "moved"
        return f"This package {verb} {number} record{'s' if n != 1 else ''} to the Trash."

    @property
    def nothing_new(self) -> bool:
        return self.already_applied or self.own_package or self.total.changed == 0

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out.pop("deleted_rows")
        out["total"] = asdict(self.total)
        out["nothing_new"] = self.nothing_new
        out["warnings"] = [{"id": w[0], "en": w[1]} for w in self.warnings]
        return out

    def headline(self, lang: str = "id") -> str:
        t = self.total
        if self.own_package:
            return (
                "Ini paket laptop ini sendiri; tidak ada yang diimpor."
                if lang == "id"
                else "This is this laptop's own package; nothing was imported."
            )
        if self.already_applied:
            return (
                f"Paket {self.seq} dari {self.sender_name} sudah pernah diimpor; tidak ada "
                "yang berubah."
                if lang == "id"
                else f"Package {self.seq} from {self.sender_name} was already imported; nothing "
                "changed."
            )
        if t.changed == 0:
            return (
                f"Paket {self.seq} dari {self.sender_name}: tidak ada yang baru (sudah diterapkan)."
                if lang == "id"
                else f"Package {self.seq} from {self.sender_name}: nothing new (already applied)."
            )
        verb_id = "akan diimpor" if self.dry_run else "diimpor"
        verb_en = "would be imported" if self.dry_run else "imported"
        if lang == "id":
            return (
                f"Paket {self.seq} dari {self.sender_name} {verb_id}: {t.new} baru, "
                f"{t.updated} diperbarui, {t.unchanged} tetap, {t.conflicts} konflik, "
                f"{t.deletions} dihapus."
            )
        return (
            f"Package {self.seq} from {self.sender_name} {verb_en}: {t.new} new, "
            f"{t.updated} updated, {t.unchanged} unchanged, {t.conflicts} conflicts, "
            f"{t.deletions} deleted."
        )

    def text(self, lang: str = "id") -> str:
        """A plain-text report for the screen and the printer."""
        en = lang == "en"
        deletions = self.deletion_text(lang)
        lines = [deletions, ""] if deletions else []
        lines += [self.headline(lang), ""]
        lines.append(("Package" if en else "Paket") + f": {self.package_id}")
        lines.append(("File" if en else "Berkas") + f": {self.file}")
        lines.append(("Sender" if en else "Pengirim") + f": {self.sender_name} ({self.sender_id})")
        lines.append(("Fingerprint" if en else "Sidik jari") + f": {self.fingerprint}")
        lines.append(("Made at" if en else "Dibuat") + f": {self.created_at}")
        if self.imported_at:
            lines.append(("Imported at" if en else "Diimpor") + f": {self.imported_at}")
        if self.imported_by:
            where = f" ({self.workstation})" if self.workstation else ""
            lines.append(("Imported by" if en else "Diimpor oleh") + f": {self.imported_by}{where}")
        if self.digest:
            lines.append(("Dataset digest" if en else "Sidik data") + f": {self.digest}")
        if self.counts:
            lines.append("")
            head = (
                ("table", "new", "updated", "unchanged", "conflicts", "deleted")
                if en
                else ("tabel", "baru", "diperbarui", "tetap", "konflik", "dihapus")
            )
            lines.append(f"{head[0]:<22}" + "".join(f"{h:>11}" for h in head[1:]))
            for name, c in sorted(self.counts.items()):
                lines.append(
                    f"{name:<22}{c.new:>11}{c.updated:>11}{c.unchanged:>11}"
                    f"{c.conflicts:>11}{c.deletions:>11}"
                )
        for fingerprint, by in self.revoked:
            lines.append(
                f"! Trust in key {fingerprint} was withdrawn by {by}: its packages are refused."
                if en
                else f"! Kepercayaan pada kunci {fingerprint} dicabut oleh {by}: paketnya ditolak."
            )
        for code, label_id, label_en in self.categories:
            lines.append(
                f"+ KIPP category {code}: {label_en}"
                if en
                else f"+ Kategori KIPP {code}: {label_id}"
            )
        for warning in self.warnings:
            lines.append("! " + (warning[1] if en else warning[0]))
        return "\n".join(lines) + "\n"


class UnknownReport(JippError):
    exit_status = NOT_FOUND_EXIT

    def __init__(self, name: str) -> None:
        super().__init__()
        self.message_id = f"Tidak ada laporan impor bernama '{name}' (lihat: sync reports)."
        self.message_en = f"There is no import report named '{name}' (see: sync reports)."


@dataclass(frozen=True)
class Kept:
    """One kept report, as a list shows it: newest first by ``name``."""

    name: str
    path: Path | None = None  # a file's (None: a row of the shared database)
    imported_by: str | None = None
    workstation: str | None = None

    def label(self) -> str:
        if not self.imported_by:
            return self.name
        return f"{self.name} — {self.imported_by} ({self.workstation})"

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "path": None if self.path is None else str(self.path)}


def name_of(report: ImportReport) -> str:
    """The report's name: by time, sender, stream and number."""
    stamp = (report.imported_at or "").replace(":", "").replace("-", "").replace("+0000", "Z")
    return f"{stamp}-{report.sender_id[:8]}-{report.stream[:8]}-{report.seq}"


def shared_name(report: ImportReport) -> str:
    """The name of a report kept in the shared database: also the package's first
    characters, as two packages may share time, sender, stream and number (a sender that
    numbered again after restoring a backup) and the database keeps both."""
    return f"{name_of(report)}-{report.package_id[:8]}"


def path_for(report: ImportReport, data_dir: Path) -> Path:
    """Where a laptop keeps the report of an import."""
    return data_dir / REPORT_DIR / f"{name_of(report)}.json"


def save(report: ImportReport, data_dir: Path) -> Path:
    """Keep the report as a file (it names senders and records: sealed in an encrypted
    folder)."""
    path = path_for(report, data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    report.report_name = path.stem
    report.report_path = str(path)
    text = json.dumps(report.as_dict(), ensure_ascii=False, indent=1)
    sealed.write_bytes(path, text.encode("utf-8"), sealed.folder_key(data_dir))
    return path


def save_shared(report: ImportReport, author: Author) -> str:
    """Keep the report as a row of the shared database, inside the import's transaction
    (committed with it or not at all), naming the officer and the workstation as the
    audit trail does; returns its name."""
    officer = author.actor
    report.report_name = shared_name(report)
    report.imported_by = officer
    report.workstation = author.workstation
    engine.sql(
        "INSERT INTO sync_report (package_id, name, imported_at, officer, workstation, report) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (
            report.package_id,
            report.report_name,
            report.imported_at,
            officer,
            report.workstation,
            json.dumps(report.as_dict(), ensure_ascii=False),
        ),
    )
    return report.report_name


def load(path: Path) -> ImportReport:
    data_dir = path.parent.parent
    report = _from_json(sealed.read_bytes(path, sealed.reading_key(data_dir)).decode("utf-8"))
    report.report_name, report.report_path = path.stem, str(path)
    return report


def _from_json(text: str) -> ImportReport:
    data = json.loads(text)
    counts = {k: Counts(**v) for k, v in data.pop("counts").items()}
    warnings = [(w["id"], w["en"]) for w in data.pop("warnings")]
    for key in ("total", "nothing_new"):
        data.pop(key, None)
    return ImportReport(**data, counts=counts, warnings=warnings)


def load_named(data_dir: Path, name: str) -> ImportReport:
    """The kept report ``name`` (see ``kept``): a row of the shared database, else a file
    of the data folder; UnknownReport when neither."""
    if engine.is_postgresql():
        row = engine.sql("SELECT report FROM sync_report WHERE name = ?", (name,)).fetchone()
        if row is not None:
            return _from_json(str(row[0]))
    path = data_dir / REPORT_DIR / f"{name}.json"
    if path.name != f"{name}.json" or not path.is_file():
        raise UnknownReport(name)
    return load(path)


def list_reports(data_dir: Path) -> list[Path]:
    """The report files of a data folder, newest first."""
    folder = data_dir / REPORT_DIR
    if not folder.is_dir():
        return []
    return sorted(folder.glob("*.json"), reverse=True)


def kept(data_dir: Path) -> list[Kept]:
    """Every report this workstation can show, newest first: the shared database's (every
    workstation's imports) and the files of its data folder."""
    found = [Kept(path.stem, path) for path in list_reports(data_dir)]
    if engine.is_postgresql():
        found += [
            Kept(str(name), None, str(officer), str(workstation))
            for name, officer, workstation in engine.sql(
                "SELECT name, officer, workstation FROM sync_report"
            )
        ]
    return sorted(found, key=lambda k: k.name, reverse=True)
