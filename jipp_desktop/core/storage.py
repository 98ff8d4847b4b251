"""How the app reaches its files on disk: SQLite URIs, writable folders, free space.

Kept apart from the workspace so the rules for a read-only folder or a nearly
full disk live in one place, whatever database engine sits on top.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
import sys
import tempfile
from pathlib import Path

from jipp_desktop.core.faults import DiskFull

# Kept free beyond what a big write needs: SQLite's journal, the log, the OS itself.
SPACE_MARGIN = 1_000_000


# The data holds personal data (names, NIP, phone numbers): owner-only on Linux/macOS.
# On Windows the per-user folder's default rights already keep other users out.
PRIVATE_UMASK = 0o077


def keep_private() -> None:
    """Everything this process creates from now on is owner-only, whatever the umask."""
    if sys.platform != "win32":
        os.umask(PRIVATE_UMASK)


def make_private(folder: Path) -> None:
    """Owner-only modes for a data folder made by an older version or another tool."""
    if sys.platform == "win32":
        return
    keep_private()
    for path in [folder, *folder.rglob("*")]:
        if path.is_symlink():
            continue
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            path.chmod(mode & 0o700)


def folder_writable(folder: Path) -> bool:
    """False on a read-only mount or a folder without write permission."""
    return os.access(folder, os.W_OK | os.X_OK)


def reader_uri(db_path: Path) -> str:
    """A URI that opens ``db_path`` for reading only.

    In a folder that cannot be written SQLite cannot create the ``-shm`` index a WAL
    database needs, so the file is opened as immutable (no locks, no index); when
    the index is there (the folder was made read-only while open) it is used, so
    changes still in the WAL are read too.
    """
    uri = db_path.absolute().as_uri() + "?mode=ro"
    shm = db_path.with_name(db_path.name + "-shm")
    if not folder_writable(db_path.parent) and not shm.exists():
        uri += "&immutable=1"
    return uri


def why_unwritable(folder: Path) -> int | None:
    """The errno a write in ``folder`` fails with (EROFS, EACCES, ...), None if it works."""
    try:
        fd, name = tempfile.mkstemp(prefix=".probe-", dir=folder)
    except OSError as exc:
        return exc.errno
    os.close(fd)
    os.unlink(name)
    return None


def file_writable(path: Path) -> bool:
    return os.access(path, os.W_OK)


# The full-disk tests fill a small filesystem they mount (root only).  Without root they
# name a folder in this variable instead: files under it see a full disk (no free space,
# and writes fail with ENOSPC at the points below).  Read only while pytest runs a test
# (pytest sets PYTEST_CURRENT_TEST) and never in the installed bundle, so it cannot
# trigger for an officer.
TEST_FULL_DISK_ENV = "JIPP_TEST_FULL_DISK"


def simulated_full_disk(path: Path) -> bool:
    full = os.environ.get(TEST_FULL_DISK_ENV)
    if not full or "PYTEST_CURRENT_TEST" not in os.environ or getattr(sys, "frozen", False):
        return False
    return path.absolute().is_relative_to(Path(full).absolute())


def fail_if_simulated_full(path: Path) -> None:
    """Where a test's simulated full disk makes a write fail (see TEST_FULL_DISK_ENV)."""
    if simulated_full_disk(path):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))


def free_space(folder: Path) -> int:
    """Free bytes where ``folder`` is or will be (a folder not made yet: its parent's disk)."""
    if simulated_full_disk(folder):
        return 0
    existing = folder.absolute()
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    return shutil.disk_usage(existing).free


def require_space(folder: Path, needed: int) -> None:
    """Refuse a big write up front, saying how much it needs, rather than fail half-way."""
    free = free_space(folder)
    if free < needed + SPACE_MARGIN:
        raise DiskFull(folder, needed + SPACE_MARGIN, free)


def write_text_atomic(path: Path, text: str) -> None:
    partial = path.with_name(path.name + ".part")
    try:
        partial.write_text(text, encoding="utf-8")
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)


def unpacked_size(path: Path) -> int:
    """Size of ``path`` once decompressed (gzip keeps it modulo 4 GiB in its trailer)."""
    size = path.stat().st_size
    with path.open("rb") as handle:
        if handle.read(2) != b"\x1f\x8b":
            return size
        handle.seek(-4, os.SEEK_END)
        stored = int.from_bytes(handle.read(4), "little")
    # A copy larger than 4 GiB wraps; it is never smaller than its compressed form.
    while stored < size:
        stored += 1 << 32
    return stored
