"""Backups with SQLite's online backup API, rotated in the data folder.

The backup API copies a consistent snapshot even while the app holds the
database open, which a plain file copy of a WAL database does not.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

from jipp_desktop.core import storage
from jipp_desktop.core.errors import BackupError
from jipp_desktop.core.lock import FolderLock

BACKUP_DIR = "backups"
KEEP_AUTOMATIC = 10
SUFFIX = ".sqlite3"


def backup_folder(data_dir: Path) -> Path:
    return data_dir / BACKUP_DIR


def copy_database(source: Path, target: Path) -> None:
    """Write a consistent copy of ``source`` to ``target`` (replaced atomically)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    partial.unlink(missing_ok=True)
    src = sqlite3.connect(storage.reader_uri(source), uri=True)
    dst = sqlite3.connect(partial)
    try:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode = DELETE")
    finally:
        dst.close()
        src.close()
    partial.replace(target)


def automatic_backup(db_path: Path, data_dir: Path, reason: str) -> Path | None:
    """Back up before risky work (start, migration, import) and keep the newest few."""
    if not db_path.exists() or db_path.stat().st_size == 0:
        return None
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = backup_folder(data_dir) / f"auto-{stamp}-{reason}{SUFFIX}"
    copy_database(db_path, target)
    for old in list_backups(data_dir, automatic_only=True)[KEEP_AUTOMATIC:]:
        old.unlink(missing_ok=True)
    return target


def list_backups(data_dir: Path, *, automatic_only: bool = False) -> list[Path]:
    """Backups in the data folder, newest first."""
    folder = backup_folder(data_dir)
    if not folder.is_dir():
        return []
    pattern = f"auto-*{SUFFIX}" if automatic_only else f"*{SUFFIX}"
    return sorted(folder.glob(pattern), key=lambda p: (p.stat().st_mtime, p.name), reverse=True)


def latest_backup_age(data_dir: Path) -> dt.timedelta | None:
    backups = list_backups(data_dir, automatic_only=True)
    if not backups:
        return None
    return dt.datetime.now() - dt.datetime.fromtimestamp(backups[0].stat().st_mtime)


def check_file(path: Path) -> str | None:
    """None when ``path`` is a healthy SQLite file, else what is wrong with it."""
    if not path.is_file():
        return "file not found"
    try:
        conn = sqlite3.connect(storage.reader_uri(path), uri=True)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    result = "; ".join(str(r[0]) for r in rows[:5])
    return None if result == "ok" else result


def latest_good_backup(data_dir: Path) -> Path | None:
    for candidate in list_backups(data_dir):
        if check_file(candidate) is None:
            return candidate
    return None


def verify_restorable(path: Path) -> None:
    """Refuse anything that is not a healthy JIPP Desktop database."""
    problem = check_file(path)
    if problem is not None:
        raise BackupError(
            f"Berkas cadangan {path} tidak dapat dipakai: {problem}.",
            f"The backup file {path} cannot be used: {problem}.",
        )
    conn = sqlite3.connect(storage.reader_uri(path), uri=True)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        conn.close()
    if not {"setting", "innovation", "audit"} <= tables:
        raise BackupError(
            f"Berkas {path} bukan cadangan JIPP Desktop.",
            f"The file {path} is not a JIPP Desktop backup.",
        )


def restore(data_dir: Path, source: Path, db_name: str = "jipp.sqlite3") -> Path | None:
    """Replace the data folder's database with the backup ``source``.

    Works when the current database is damaged (that is when it is needed most):
    the current files are first set aside byte for byte, so a restore can be undone.
    Returns where the previous state was saved, if there was one.
    """
    verify_restorable(source)
    lock = FolderLock(data_dir)
    lock.acquire()
    try:
        db_path = data_dir / db_name
        saved = None
        if db_path.exists():
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
            saved = backup_folder(data_dir) / f"before-restore-{stamp}{SUFFIX}"
            saved.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(db_path, saved)
            wal = Path(f"{db_path}-wal")
            if wal.exists():
                shutil.copy2(wal, Path(f"{saved}-wal"))
        for suffix in ("-wal", "-shm"):
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
        copy_database(source, db_path)
        return saved
    finally:
        lock.release()
