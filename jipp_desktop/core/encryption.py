"""Turning a data folder's encryption on, off, or to another passphrase, in place.

Each database file (the database, then every backup) is exported to a new file beside
it, the new file is checked (integrity and row counts), then renamed over the old one:
the rename is the one moment a file changes, so a crash leaves either the old or the new
file in each place, both whole.  The database goes first, since its form decides whether
the folder is encrypted (see ``cipher.open_folder``); the marker is written before an
``encrypt`` and removed after a ``decrypt``.  The attachments and import reports follow
the backups, sealed or unsealed one by one the same way (core/sealed.py; a change of
passphrase only re-wraps their key), then the device key.  Running the command again
after a crash finishes the work: files already in the wanted form are skipped.
"""

from __future__ import annotations

import functools
import gzip
import os
import shutil
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jipp_desktop.core import backup, cipher, passphrase, sealed
from jipp_desktop.core.errors import JippError
from jipp_desktop.core.lock import FolderLock
from jipp_desktop.core.services import Cancelled, Progress

KeepGoing = Callable[[], bool]

KEY_FILE = "device_key.pem"  # the device's signing key (jipp_desktop.sync.identity)
ATTACHMENT_DIR = "attachments"  # core.attachments
SYNC_REPORT_DIR = "sync-reports"  # jipp_desktop.sync.report.REPORT_DIR
TEMP_SUFFIX = ".convert"
# Fault injection for the crash tests: the process dies at the named point.
CRASH_ENV = "JIPP_CRASH_AT"
# During a file's copy SQLite calls back every so many virtual-machine steps (counted
# per statement, and sqlcipher_export runs one short statement per table and index);
# Cancel is looked at no more often than every LOOK_EVERY seconds.
PROGRESS_EVERY = 1_000
LOOK_EVERY = 0.1


class ConversionFailed(JippError):
    exit_status = 6

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__()
        self.message_id = f"Konversi {path} gagal diperiksa ({detail}); berkas lama tetap dipakai."
        self.message_en = f"The converted {path} failed its check ({detail}); the old file stays."


@dataclass
class Converted:
    files: list[Path] = field(default_factory=list)  # database files converted
    skipped: list[Path] = field(default_factory=list)  # database files already converted
    sealed: list[Path] = field(default_factory=list)  # other files sealed or unsealed


def _crash_point(name: str) -> None:
    if os.environ.get(CRASH_ENV) == name:
        os._exit(86)


def convert(
    folder: Path,
    db_name: str,
    old: str | None,
    new: str | None,
    *,
    lock: FolderLock | None = None,
    progress: Progress | None = None,
) -> Converted:
    """Re-key every database file of ``folder`` from ``old`` to ``new`` (None: plain).

    ``lock`` is the folder lock the caller already holds (the app converts the folder
    it has open); without one the conversion takes the lock itself.  ``progress(done,
    total)`` is told how far the work is (in KiB of database files); when it returns
    False the conversion stops, turns the files already converted back, and raises
    ``services.Cancelled``: the folder is as it was.

    Raises PassphraseError when ``old`` does not open the database, WeakPassphrase for a
    ``new`` passphrase too short.
    """
    if new is not None:
        passphrase.check(new)
    db_path = folder / db_name
    if db_path.exists() and cipher.is_plain(db_path) is False:
        if old is None:
            raise cipher.passphrase_needed(folder)
        if not _opens(db_path, new):
            cipher.check_key(db_path, old)
    held = lock
    if held is None:
        held = FolderLock(folder)
        held.acquire()
    try:
        return _convert_locked(folder, db_path, old, new, progress or _carry_on)
    finally:
        if lock is None:
            held.release()


def _carry_on(done: int, total: int) -> bool:
    return True


def _convert_locked(
    folder: Path, db_path: Path, old: str | None, new: str | None, progress: Progress
) -> Converted:
    marker = folder / cipher.MARKER
    had_marker = marker.exists()
    had_file_key = (folder / sealed.KEY_FILE).exists()
    file_key = _open_file_key(folder, old, new)
    if new is not None:
        _write_marker(folder)
    sealed.remove_stale(folder)
    steps = [(path, True) for path in _database_files(folder, db_path)]
    steps += [(path, False) for path in personal_files(folder)]
    weights = [_kib(path) for path, _db in steps]
    total, so_far = sum(weights), 0
    done = Converted()
    try:
        for (path, is_db), weight in zip(steps, weights, strict=True):
            if not progress(so_far, total):
                raise Cancelled()
            if is_db:
                keep_going = functools.partial(progress, so_far, total)
                changed = _convert_file(path, old, new, keep_going)
                (done.files if changed else done.skipped).append(path)
            elif file_key is not None and sealed.convert(path, file_key, new is not None):
                done.sealed.append(path)
            so_far += weight
            _crash_point(f"after:{path.name}")
    except BaseException:
        # Cancelled, or a file that failed its check: what was converted goes back, so
        # the folder keeps one form (a crash instead is finished by running it again).
        _undo(done, old, new, file_key)
        _forget_file_key(folder, file_key, old, remove=not had_file_key)
        if not had_marker and new is not None and old is None:
            marker.unlink(missing_ok=True)
        raise
    progress(total, total)
    _rewrap_key(folder / KEY_FILE, old, new)
    _forget_file_key(folder, file_key, new, remove=True)
    if new is None:
        marker.unlink(missing_ok=True)
    return done


def personal_files(folder: Path) -> list[Path]:
    """The files besides the databases that hold personal data: attachments (photos and
    scans of signed statements) and the reports of imports (names of senders and
    records).  Sealed in an encrypted folder."""
    found = [
        path
        for path in sorted((folder / ATTACHMENT_DIR).glob("*/*"))
        if path.is_file() and path.suffix not in (".part", sealed.TEMP_SUFFIX)
    ]
    found += sorted(p for p in (folder / SYNC_REPORT_DIR).glob("*.json") if p.is_file())
    return found


def _open_file_key(folder: Path, old: str | None, new: str | None) -> bytes | None:
    """The file key for the conversion, stored under every passphrase that may open the
    folder while it runs (a crash must not leave sealed files nobody can read)."""
    secrets = [secret for secret in (old, new) if secret is not None]
    if not secrets:
        # A decrypt killed after its database: what is still sealed needs the passphrase.
        if any(sealed.is_sealed(path) for path in personal_files(folder)):
            raise cipher.passphrase_needed(folder)
        return None
    key = None
    for secret in secrets:
        key = key or sealed.read_key(folder, secret)
    if key is None:
        if old is not None and (folder / sealed.KEY_FILE).exists():
            raise cipher.wrong_passphrase(folder / sealed.KEY_FILE)
        key = sealed.new_key()
    if new is not None:
        sealed.write_key(folder, key, *secrets)
    return key


def _forget_file_key(folder: Path, key: bytes | None, keep: str | None, *, remove: bool) -> None:
    """Leave the file key wrapped under ``keep`` only; with none (the folder is plain
    now) the key file goes, if ``remove``."""
    if key is None:
        return
    if keep is not None:
        sealed.write_key(folder, key, keep)
    elif remove:
        (folder / sealed.KEY_FILE).unlink(missing_ok=True)


def _undo(done: Converted, old: str | None, new: str | None, file_key: bytes | None) -> None:
    for path in reversed(done.sealed):
        assert file_key is not None
        sealed.convert(path, file_key, new is None)
    for path in reversed(done.files):
        _convert_file(path, new, old, None)


def _kib(path: Path) -> int:
    """A file's weight in the progress count (KiB: a Qt int holds a national database)."""
    return max(1, path.stat().st_size >> 10)


def _database_files(folder: Path, db_path: Path) -> Iterator[Path]:
    if db_path.exists():
        yield db_path
    yield from backup.list_backups(folder)


def _write_marker(folder: Path) -> None:
    marker = folder / cipher.MARKER
    if not marker.exists():
        marker.write_text("sqlcipher4 scrypt-15-8-1\n", encoding="utf-8")


def _opens(path: Path, secret: str | None) -> bool:
    """Whether ``path`` is already in the form ``secret`` asks for (plain for None)."""
    if secret is None:
        return bool(cipher.is_plain(path))
    if cipher.is_plain(path):
        return False
    try:
        cipher.check_key(path, secret)
    except cipher.PassphraseError:
        return False
    return True


def _convert_file(
    path: Path, old: str | None, new: str | None, keep_going: KeepGoing | None
) -> bool:
    if _is_gzip(path):
        return _convert_packed(path, old, new, keep_going)
    if _opens(path, new):
        return False
    temp = path.with_name(path.name + TEMP_SUFFIX)
    temp.unlink(missing_ok=True)
    try:
        counts = _export(path, temp, old, new, keep_going)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    _crash_point("exported")
    _verify(temp, new, counts)
    _fsync(temp)
    _crash_point("verified")
    os.replace(temp, path)
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    _fsync_dir(path.parent)
    return True


def _export(
    path: Path, temp: Path, old: str | None, new: str | None, keep_going: KeepGoing | None
) -> dict[str, int]:
    """Copy ``path`` into ``temp`` in the new form; returns its row counts for the check."""
    source = _raw(path, None if cipher.is_plain(path) else old)
    try:
        source.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        version = source.execute("PRAGMA user_version").fetchone()[0]
        counts = _counts(source)
        key = "''" if new is None else f'"{cipher.key_pragma(temp, new)}"'
        source.execute(f"ATTACH DATABASE ? AS target KEY {key}", (str(temp),))
        if keep_going is not None:
            # A big file takes a while: Cancel is heard during its copy too.
            source.set_progress_handler(_now_and_then(keep_going), PROGRESS_EVERY)
        try:
            source.execute("SELECT sqlcipher_export('target')")
        except cipher.operational_errors():
            if keep_going is not None and not keep_going():
                raise Cancelled() from None
            raise
        source.set_progress_handler(None, 0)
        source.execute(f"PRAGMA target.user_version = {int(version)}")
        source.execute("DETACH DATABASE target")
    finally:
        source.close()
    return counts


def _now_and_then(keep_going: KeepGoing) -> Callable[[], int]:
    """SQLite's progress handler: non-zero stops the statement (Cancel was pressed)."""
    last = [-LOOK_EVERY]
    answer = [True]

    def handler() -> int:
        now = time.monotonic()
        if now - last[0] >= LOOK_EVERY:
            last[0] = now
            answer[0] = keep_going()
        return 0 if answer[0] else 1

    return handler


def _is_gzip(path: Path) -> bool:
    with open(path, "rb") as handle:
        return handle.read(2) == backup.GZIP_MAGIC


def _convert_packed(
    path: Path, old: str | None, new: str | None, keep_going: KeepGoing | None
) -> bool:
    """A compressed backup: unpacked beside itself, converted, packed again, then swapped."""
    unpacked = path.with_name(path.name + ".unpacked")
    packed = path.with_name(path.name + TEMP_SUFFIX)
    try:
        with gzip.open(path, "rb") as source, open(unpacked, "wb") as sink:
            shutil.copyfileobj(source, sink, 1 << 20)
        if not _convert_file(unpacked, old, new, keep_going):
            return False
        with open(unpacked, "rb") as source, gzip.open(packed, "wb", compresslevel=1) as sink:
            shutil.copyfileobj(source, sink, 1 << 20)
        _fsync(packed)
        os.replace(packed, path)
        return True
    finally:
        unpacked.unlink(missing_ok=True)
        packed.unlink(missing_ok=True)


def _raw(path: Path, secret: str | None) -> Any:
    """A sqlcipher3 connection (it reads plain files too, and has sqlcipher_export)."""
    if secret is None:
        return cipher.open_plain_with_cipher_driver(path)
    return cipher.open_keyed(str(path), secret, isolation_level=None)


def _counts(conn: Any) -> dict[str, int]:
    names = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND sql NOT LIKE 'CREATE VIRTUAL%'"
        )
    ]
    return {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}


def _verify(temp: Path, secret: str | None, counts: dict[str, int]) -> None:
    conn = _raw(temp, secret)
    try:
        check = conn.execute("PRAGMA quick_check").fetchone()[0]
        found = _counts(conn)
    except cipher.database_errors() as exc:
        temp.unlink(missing_ok=True)
        raise ConversionFailed(temp, str(exc)) from None
    finally:
        conn.close()
    if check != "ok" or found != counts:
        temp.unlink(missing_ok=True)
        raise ConversionFailed(temp, "row counts differ" if check == "ok" else check)


def _rewrap_key(path: Path, old: str | None, new: str | None) -> None:
    if not path.exists():
        return
    data = path.read_bytes()
    if (b"ENCRYPTED" in data) == (new is not None) and (new is None or _pem_opens(data, new)):
        return
    from cryptography.hazmat.primitives import serialization

    key = cipher.load_private_pem(data, old)
    wrap: serialization.KeySerializationEncryption = (
        serialization.NoEncryption()
        if new is None
        else serialization.BestAvailableEncryption(new.encode("utf-8"))
    )
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, wrap)
    partial = path.with_name(path.name + TEMP_SUFFIX)
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(pem)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(partial, path)


def _pem_opens(data: bytes, secret: str) -> bool:
    try:
        cipher.load_private_pem(data, secret)
    except cipher.PassphraseError:
        return False
    return True


def _fsync(path: Path, flags: int = os.O_RDWR) -> None:
    fd = os.open(path, flags)  # Windows flushes only a handle open for writing
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # Windows cannot open a folder to flush it; NTFS logs the rename
        return
    _fsync(folder, os.O_RDONLY)
