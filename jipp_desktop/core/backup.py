"""Compressed backups in generations, and restore from them.

A backup is taken with SQLite's online backup API, which copies a consistent
snapshot even while the app holds the database open (a plain file copy of a WAL
database does not), then gzip-compressed at its fastest level: a national
database of 800 MB becomes about 220 MB in seconds.  Beside each backup a small
JSON file records when, why, of which database and how many records, so
``backup list`` need not open every copy.  ``generations.choose`` decides which
backups stay.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from jipp_desktop.core import cipher, faults, generations, storage
from jipp_desktop.core.errors import BackupError
from jipp_desktop.core.lock import FolderLock

BACKUP_DIR = "backups"
SUFFIX = ".sqlite3"
COMPRESSED = ".sqlite3.gz"
META = ".json"
# All generations together stay within this many times the database's size.
BUDGET_FACTOR = 2
# gzip shrinks a JIPP database to about a quarter; plan for half to be safe.
COMPRESSED_SHARE = 0.5
CHUNK = 1 << 20
GZIP_MAGIC = b"\x1f\x8b"
_NAME = re.compile(r"^(?P<head>[a-z-]+?)-(?P<stamp>\d{8}-\d{6}-\d{6})(?:-(?P<tail>.+))?$")
RECORD_TABLES = ("hub", "agency", "innovation", "replication", "commitment", "visit", "workplan")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: dt.datetime
    reason: str
    size: int
    records: int | None
    database_id: str

    def as_dict(self) -> dict[str, object]:
        return {
            "path": str(self.path),
            "created": self.created.isoformat(timespec="seconds"),
            "reason": self.reason,
            "size": self.size,
            "records": self.records,
        }


def backup_folder(data_dir: Path) -> Path:
    return data_dir / BACKUP_DIR


def _stamp() -> str:
    return dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")


def copy_database(source: Path, target: Path) -> None:
    """Write a consistent, uncompressed copy of ``source`` to ``target`` (replaced atomically)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    storage.require_space(target.parent, source.stat().st_size)
    try:
        with faults.writing_to(target.parent):
            _snapshot(source, partial)
            storage.fail_if_simulated_full(partial)
            partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)
        partial.with_name(partial.name + "-journal").unlink(missing_ok=True)


def _snapshot(source: Path, target: Path) -> None:
    target.unlink(missing_ok=True)
    src = cipher.connect(source, readonly=True)
    # An encrypted folder's copies are encrypted with the same passphrase.
    dst = cipher.connect(target)
    try:
        src.backup(dst)
        # A copy is one self-contained file: no -wal beside it.
        dst.execute("PRAGMA journal_mode = DELETE")
    finally:
        dst.close()
        src.close()
    target.with_name(target.name + "-journal").unlink(missing_ok=True)


def _compress(source: Path, target: Path) -> None:
    partial = target.with_name(target.name + ".part")
    try:
        with source.open("rb") as raw, gzip.open(partial, "wb", compresslevel=1) as packed:
            shutil.copyfileobj(raw, packed, CHUNK)
            storage.fail_if_simulated_full(partial)
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)


def _describe(copy: Path) -> tuple[int, str]:
    """Live records and the device id of a plain database copy."""
    conn = cipher.connect(copy, readonly=True)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        records = sum(
            conn.execute(f'SELECT count(*) FROM "{t}" WHERE NOT deleted').fetchone()[0]
            for t in RECORD_TABLES
            if t in tables
        )
        row = (
            conn.execute("SELECT value FROM setting WHERE key = 'device_id'").fetchone()
            if "setting" in tables
            else None
        )
    finally:
        conn.close()
    return int(records), str(row[0]) if row else ""


def space_needed(db_path: Path) -> int:
    """Bytes a new backup needs while it is written: the plain copy and the compressed one."""
    size = db_path.stat().st_size
    return size + int(size * COMPRESSED_SHARE)


def automatic_backup(db_path: Path, data_dir: Path, reason: str) -> Path | None:
    """Back up before risky work (start, migration, import, restore); thin old generations."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    folder = backup_folder(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    storage.require_space(folder, space_needed(db_path))
    stamp = _stamp()
    target = folder / f"auto-{stamp}-{reason}{COMPRESSED}"
    plain = folder / f".auto-{stamp}{SUFFIX}.part"
    try:
        _snapshot(db_path, plain)
        records, database_id = _describe(plain)
        _compress(plain, target)
    finally:
        plain.unlink(missing_ok=True)
        plain.with_name(plain.name + "-journal").unlink(missing_ok=True)
    meta = {"reason": reason, "records": records, "database_id": database_id}
    storage.write_text_atomic(_meta_path(target), json.dumps(meta))
    prune(data_dir, budget=BUDGET_FACTOR * db_path.stat().st_size)
    return target


def _stamp_time(stamp: str) -> dt.datetime:
    """The time in a backup's name (YYYYmmdd-HHMMSS-ffffff, as ``_stamp`` writes it).
    Sliced rather than strptime'd: the first strptime of a process builds its locale
    tables (tens of milliseconds), and every start reads the newest backup's time."""
    d = stamp.replace("-", "")
    return dt.datetime(
        int(d[0:4]),
        int(d[4:6]),
        int(d[6:8]),
        int(d[8:10]),
        int(d[10:12]),
        int(d[12:14]),
        int(d[14:20]),
    )


def _meta_path(backup: Path) -> Path:
    return backup.with_name(backup.name + META)


def _info(path: Path) -> BackupInfo:
    """What a backup's name and its JSON file say: auto-<stamp>-<reason>, <kind>-<stamp>."""
    meta: dict[str, object] = {}
    with suppress(OSError, ValueError):
        meta = json.loads(_meta_path(path).read_text(encoding="utf-8"))
    name = path.name.removesuffix(COMPRESSED).removesuffix(SUFFIX)
    match = _NAME.match(name)
    created = dt.datetime.fromtimestamp(path.stat().st_mtime)
    reason = name
    if match:
        created = _stamp_time(match["stamp"])
        reason = (match["tail"] or "") if match["head"] == "auto" else match["head"]
    records = meta.get("records")
    return BackupInfo(
        path=path,
        created=created,
        reason=str(meta.get("reason") or reason),
        size=path.stat().st_size,
        records=records if isinstance(records, int) else None,
        database_id=str(meta.get("database_id") or ""),
    )


def list_backups(data_dir: Path, *, automatic_only: bool = False) -> list[Path]:
    """Backups in the data folder (compressed or older plain ones), newest first."""
    return [info.path for info in backup_infos(data_dir, automatic_only=automatic_only)]


def backup_infos(data_dir: Path, *, automatic_only: bool = False) -> list[BackupInfo]:
    folder = backup_folder(data_dir)
    if not folder.is_dir():
        return []
    prefix = "auto-" if automatic_only else ""
    found = [
        p
        for p in folder.iterdir()
        if p.is_file()
        and p.name.startswith(prefix)
        and not p.name.startswith(".")
        and p.name.endswith((SUFFIX, COMPRESSED))
    ]
    infos = [_info(p) for p in found]
    return sorted(infos, key=lambda i: (i.created, i.path.name), reverse=True)


def prune(data_dir: Path, budget: int) -> list[Path]:
    """Remove automatic backups the generations policy does not keep; returns them."""
    infos = backup_infos(data_dir, automatic_only=True)
    items = [
        generations.Generation(str(i.path), i.created, i.reason, i.size, i.database_id)
        for i in infos
    ]
    keep = generations.choose(items, budget)
    removed = [i.path for i in infos if str(i.path) not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
        _meta_path(path).unlink(missing_ok=True)
    return removed


def latest_backup_age(data_dir: Path) -> dt.timedelta | None:
    backups = backup_infos(data_dir, automatic_only=True)
    if not backups:
        return None
    return dt.datetime.now() - backups[0].created


@contextmanager
def plain_copy(path: Path) -> Iterator[Path]:
    """``path`` itself when it is a plain SQLite file, else a decompressed temporary copy."""
    with path.open("rb") as handle:
        compressed = handle.read(2) == GZIP_MAGIC
    if not compressed:
        yield path
        return
    with tempfile.TemporaryDirectory(prefix="jipp-check-") as tmp:
        plain = Path(tmp) / "check.sqlite3"
        with gzip.open(path, "rb") as packed, plain.open("wb") as out:
            shutil.copyfileobj(packed, out, CHUNK)
        yield plain


def check_file(path: Path) -> str | None:
    """None when ``path`` is a healthy SQLite file (plain or gzip), else what is wrong."""
    if not path.is_file():
        return "file not found"
    try:
        with plain_copy(path) as plain:
            return _quick_check(plain)
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        return str(exc)


def _quick_check(path: Path) -> str | None:
    try:
        conn = cipher.connect(path, readonly=True)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
        finally:
            conn.close()
    except cipher.database_errors() as exc:
        if not faults.is_damage(exc):
            raise  # a full disk or a locked file is not damage; the caller names it
        return str(exc)
    result = "; ".join(str(r[0]) for r in rows[:5])
    return None if result == "ok" else result


def latest_good_backup(data_dir: Path) -> Path | None:
    for candidate in list_backups(data_dir):
        if check_file(candidate) is None:
            return candidate
    return None


def verify_restorable(path: Path, shown: Path | None = None) -> None:
    """Refuse anything that is not a healthy JIPP Desktop database (plain file)."""
    shown = shown or path
    problem = _quick_check(path)
    if problem is not None:
        raise BackupError(
            f"Berkas cadangan {shown} tidak dapat dipakai: {problem}.",
            f"The backup file {shown} cannot be used: {problem}.",
        )
    conn = cipher.connect(path, readonly=True)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        conn.close()
    if not {"setting", "innovation", "audit"} <= tables:
        raise BackupError(
            f"Berkas {shown} bukan cadangan JIPP Desktop.",
            f"The file {shown} is not a JIPP Desktop backup.",
        )


def _stage(source: Path, staged: Path) -> None:
    """Put a plain copy of the backup ``source`` at ``staged``, whatever its form."""
    try:
        with source.open("rb") as handle:
            compressed = handle.read(2) == GZIP_MAGIC
        if compressed:
            with gzip.open(source, "rb") as packed, staged.open("wb") as out:
                shutil.copyfileobj(packed, out, CHUNK)
        else:
            _snapshot(source, staged)
    except cipher.database_errors(EOFError, gzip.BadGzipFile) as exc:
        raise BackupError(
            f"Berkas cadangan {source} tidak dapat dipakai: {exc}.",
            f"The backup file {source} cannot be used: {exc}.",
        ) from None


def set_aside(data_dir: Path, db_path: Path, label: str) -> Path | None:
    """Move the database and its -wal/-shm into backups/LABEL-<stamp>/, byte for byte."""
    parts = [db_path.with_name(db_path.name + s) for s in ("", "-wal", "-shm")]
    present = [p for p in parts if p.exists()]
    if not present:
        return None
    aside = backup_folder(data_dir) / f"{label}-{_stamp()}"
    aside.mkdir(parents=True, exist_ok=True)
    for part in present:
        shutil.move(str(part), aside / part.name)
    return aside


def restore(data_dir: Path, source: Path, db_name: str = "jipp.sqlite3") -> Path | None:
    """Replace the data folder's database with the backup ``source`` (plain or gzip).

    Works when the current database is damaged or missing (that is when it is needed
    most). A healthy current database is first backed up like any generation; a
    damaged one, or the -wal left behind by a missing one, is moved aside byte for
    byte. Returns where the previous state went, if there was one.
    """
    lock = FolderLock(data_dir)
    lock.acquire()
    db_path = data_dir / db_name
    staged = db_path.with_name(db_name + ".restore.part")
    try:
        storage.require_space(data_dir, storage.unpacked_size(source))
        _stage(source, staged)
        verify_restorable(staged, shown=source)
        saved: Path | None = None
        if db_path.exists() and check_file(db_path) is None:
            saved = automatic_backup(db_path, data_dir, "before-restore")
            for suffix in ("", "-wal", "-shm"):
                db_path.with_name(db_name + suffix).unlink(missing_ok=True)
        else:
            label = "damaged" if db_path.exists() else "leftover"
            saved = set_aside(data_dir, db_path, label)
        staged.replace(db_path)
        return saved
    finally:
        staged.unlink(missing_ok=True)
        lock.release()
