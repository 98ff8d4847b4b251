"""Storage faults with names: what the disk or another program did, and what to do.

Low-level errors (``OSError`` from file writes, ``sqlite3`` errors, the same wrapped
by peewee) say "database or disk is full" or "[Errno 30]"; an officer needs to
hear which folder, what happened and what to do.  ``translate`` is the one place
that turns the former into the latter; the command line and the app call it on
anything they did not expect.
"""

from __future__ import annotations

import errno
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from jipp_desktop.core.errors import JippError

# SQLite primary result codes (sqlite3.Error.sqlite_errorcode & 0xFF).
SQLITE_PERM = 3
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26
# Windows: another program (often an antivirus scanner) holds the file.
WIN_SHARING_VIOLATION = 32
WIN_LOCK_VIOLATION = 33
WIN_DISK_FULL = 112


def megabytes(size: int) -> str:
    return f"{max(size, 0) / 1_000_000:,.1f} MB"


class StorageFault(JippError):
    """A file could not be written or read for a reason outside the app."""

    def __init__(self, folder: Path, message_id: str, message_en: str) -> None:
        super().__init__()
        self.folder = folder
        self.message_id = message_id
        self.message_en = message_en


class DiskFull(StorageFault):
    def __init__(self, folder: Path, needed: int | None = None, free: int | None = None) -> None:
        if needed is not None and free is not None:
            amount_id = f" Diperlukan {megabytes(needed)}, tersedia {megabytes(free)}."
            amount_en = f" {megabytes(needed)} is needed, {megabytes(free)} is free."
        else:
            amount_id = amount_en = ""
        super().__init__(
            folder,
            f"Disk untuk folder {folder} penuh.{amount_id} Kosongkan ruang (hapus atau "
            "pindahkan berkas yang tidak diperlukan), lalu ulangi. Data tidak berubah.",
            f"The disk holding {folder} is full.{amount_en} Free some space (delete or "
            "move files you do not need), then try again. The data was not changed.",
        )
        self.needed = needed
        self.free = free


class FolderReadOnly(StorageFault):
    def __init__(self, folder: Path) -> None:
        super().__init__(
            folder,
            f"Folder {folder} hanya bisa dibaca (read-only): data dapat dilihat dan "
            "dilaporkan, tetapi tidak diubah. Salin folder ke disk yang dapat ditulisi "
            "atau lepaskan proteksi tulis (kunci flashdisk), lalu ulangi.",
            f"The folder {folder} is read-only: the data can be viewed and reported on, "
            "but not changed. Copy the folder to a writable disk or remove the write "
            "protection (a memory stick's lock switch), then try again.",
        )


class PermissionDenied(StorageFault):
    def __init__(self, path: Path) -> None:
        super().__init__(
            path,
            f"Tidak ada izin untuk menulis atau membaca {path}. Jalankan JIPP Desktop "
            "sebagai pengguna pemilik folder itu, atau minta admin memperbaiki izinnya.",
            f"Permission denied for {path}. Run JIPP Desktop as the user who owns that "
            "folder, or ask an administrator to fix its permissions.",
        )


class FileLocked(StorageFault):
    def __init__(self, path: Path) -> None:
        super().__init__(
            path,
            f"Berkas {path} sedang dikunci oleh program lain (sering antivirus atau "
            "program pencadangan). Tunggu sebentar atau kecualikan folder data dari "
            "pemindaian antivirus, lalu ulangi.",
            f"The file {path} is locked by another program (often an antivirus or backup "
            "tool). Wait a moment or exclude the data folder from antivirus scanning, "
            "then try again.",
        )


@contextmanager
def writing_to(folder: Path) -> Iterator[None]:
    """Name the storage fault of a write into ``folder`` (a full target disk, say)."""
    from jipp_desktop.core import cipher

    try:
        yield
    except cipher.base_errors(OSError) as exc:
        named = translate(exc, folder)
        if named is None:
            raise
        raise named from exc


def is_damage(exc: Exception) -> bool:
    """True when SQLite says the file itself is bad, not that it could not reach it."""
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    if code:
        return code in (SQLITE_CORRUPT, SQLITE_NOTADB)
    text = str(exc)
    return "malformed" in text or "not a database" in text


def _chain(exc: BaseException) -> Iterator[BaseException]:
    """The error, what it wraps (peewee keeps the sqlite3 error as its first argument)
    and what it was raised while handling (a failed rollback hides the real cause)."""
    seen: set[int] = set()
    todo = [exc]
    while todo:
        current = todo.pop(0)
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        todo += [e for e in (current.__cause__, current.__context__) if e is not None]
        todo += [a for a in current.args[:1] if isinstance(a, BaseException)]


def _from_os_error(exc: OSError, folder: Path) -> StorageFault | None:
    where = Path(exc.filename) if exc.filename else folder
    winerror = getattr(exc, "winerror", None)
    # The folder of the file that failed: a target elsewhere, or the data folder itself.
    holder = where.parent if exc.filename else folder
    if exc.errno in (errno.ENOSPC, errno.EDQUOT) or winerror == WIN_DISK_FULL:
        return DiskFull(holder)
    if exc.errno == errno.EROFS:
        return FolderReadOnly(holder)
    if winerror in (WIN_SHARING_VIOLATION, WIN_LOCK_VIOLATION):
        return FileLocked(where)
    if exc.errno in (errno.EACCES, errno.EPERM):
        return PermissionDenied(where)
    return None


def _from_sqlite_error(exc: Exception, folder: Path, db_path: Path) -> JippError | None:
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    if code == SQLITE_FULL:
        return DiskFull(folder)
    if code in (SQLITE_READONLY, SQLITE_CANTOPEN, SQLITE_PERM):
        return _unwritable(folder, db_path)
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return FileLocked(db_path)
    if code == SQLITE_IOERR and _nearly_full(folder):
        # SQLite reports a full disk while growing its -shm index as an I/O error.
        return DiskFull(folder)
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
        from jipp_desktop.core import backup
        from jipp_desktop.core.errors import DatabaseDamaged

        return DatabaseDamaged(db_path, str(exc), backup.latest_good_backup(folder))
    return None


# storage and backup import this module for its faults, hence the imports inside.
def _nearly_full(folder: Path) -> bool:
    from jipp_desktop.core import storage

    try:
        return storage.free_space(folder) < storage.SPACE_MARGIN
    except OSError:
        return False


def _unwritable(folder: Path, db_path: Path) -> StorageFault | None:
    from jipp_desktop.core import storage

    if not storage.folder_writable(folder):
        probe = storage.why_unwritable(folder)
        return FolderReadOnly(folder) if probe == errno.EROFS else PermissionDenied(folder)
    if db_path.exists() and not storage.file_writable(db_path):
        return PermissionDenied(db_path)
    return None


def _from_postgresql_error(exc: BaseException) -> JippError | None:
    """The ministry's server went away mid-command: named, as at the start (exit 10)."""
    from jipp_desktop.core import engine_postgresql
    from jipp_desktop.core import models as m

    return engine_postgresql.lost_connection(exc, str(m.database.database))


def translate(exc: BaseException, folder: Path, db_path: Path | None = None) -> JippError | None:
    """The named fault behind ``exc`` (disk full, read-only, ...), or None."""
    from jipp_desktop.core import cipher

    db_path = db_path or folder / "jipp.sqlite3"
    for link in _chain(exc):
        found: JippError | None = None
        if isinstance(link, JippError):
            return link
        if isinstance(link, OSError):
            found = _from_os_error(link, folder)
        elif isinstance(link, cipher.base_errors()):  # an encrypted folder's too
            found = _from_sqlite_error(link, folder, db_path)
        elif type(link).__module__.startswith("psycopg"):
            found = _from_postgresql_error(link)
        if found is not None:
            return found
    return None
