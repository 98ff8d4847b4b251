"""The one place that opens database files: plain SQLite, or SQLCipher when encrypted.

Plain SQLite is the default.  A data folder holding the marker file ``encrypted`` keeps
its database and backups as SQLCipher 4 files.  Each file is keyed with a raw 256-bit key
derived from the passphrase by scrypt over that file's own salt (the first 16 bytes of a
SQLCipher file, stored in the clear), so one derivation per file and process is enough:
SQLCipher's own passphrase derivation (PBKDF2, most of a second) would run again on
every connection.  Whether a file is encrypted is read from its first bytes; the marker
only tells an encrypted database from a damaged plain one.

The passphrase of the open folder is held by this module (``unlock``) while a workspace
is open, so the backup, integrity and peewee code open files the same way without
passing it around.  A later PostgreSQL engine would get its own ``connect``.
"""

from __future__ import annotations

import os
import sqlite3
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlparse

import peewee

if TYPE_CHECKING:
    from cryptography.hazmat.primitives import serialization

from jipp_desktop.core import storage
from jipp_desktop.core.errors import JippError

MARKER = "encrypted"
SQLITE_MAGIC = b"SQLite format 3\x00"
SALT_BYTES = 16
# scrypt cost for a file's key: about 0.1 s and 32 MB, fixed (as for locked packages).
LOG2_N, R, P = 15, 8, 1
HMAC = "HMAC_SHA256"
PAGE_SIZE = 16384
PASSPHRASE_EXIT = 7

_state: dict[str, str | None] = {"passphrase": None}


class PassphraseError(JippError):
    exit_status = PASSPHRASE_EXIT

    def __init__(self, message_id: str, message_en: str) -> None:
        super().__init__()
        self.message_id = message_id
        self.message_en = message_en


def passphrase_needed(folder: Path) -> PassphraseError:
    return PassphraseError(
        f"Folder data {folder} terenkripsi. Berikan frasa sandinya (--passphrase-file F "
        "atau variabel lingkungan JIPP_PASSPHRASE).",
        f"The data folder {folder} is encrypted. Give its passphrase (--passphrase-file F "
        "or the JIPP_PASSPHRASE environment variable).",
    )


def wrong_passphrase(path: Path) -> PassphraseError:
    return PassphraseError(
        f"Frasa sandi salah untuk {path} (atau halaman pertamanya rusak). Tidak ada yang diubah.",
        f"Wrong passphrase for {path} (or its first page is damaged). Nothing was changed.",
    )


@cache
def _driver() -> Any:
    """sqlcipher3's DB-API module, imported only when an encrypted file is opened.

    Our files use HMAC-SHA256 for page authentication instead of SQLCipher 4's default
    SHA-512 (SHA-256 has instructions of its own on current laptop processors) and
    16 KiB pages instead of 4 KiB (a quarter of the per-page work): reading pages that
    are not cached then cost about 1-2x plain SQLite instead of 3-4x
    (bench/bench_crypto.py).  Set as the process defaults, so that files attached for a
    conversion get them too.
    """
    from sqlcipher3 import dbapi2

    setup = dbapi2.connect(":memory:")
    try:
        setup.execute(f"PRAGMA cipher_default_hmac_algorithm = {HMAC}")
        setup.execute(f"PRAGMA cipher_default_page_size = {PAGE_SIZE}")
    finally:
        setup.close()
    return dbapi2


def database_errors(*more: type[Exception]) -> tuple[type[Exception], ...]:
    """What a failing database raises, plain or encrypted (two unrelated classes)."""
    try:
        return (*more, sqlite3.DatabaseError, _driver().DatabaseError)
    except ImportError:
        return (*more, sqlite3.DatabaseError)


def integrity_errors() -> tuple[type[Exception], ...]:
    try:
        return (sqlite3.IntegrityError, _driver().IntegrityError)
    except ImportError:
        return (sqlite3.IntegrityError,)


def base_errors(*more: type[Exception]) -> tuple[type[Exception], ...]:
    """Every error either driver raises (each carries ``sqlite_errorcode``)."""
    try:
        return (*more, sqlite3.Error, _driver().Error)
    except ImportError:
        return (*more, sqlite3.Error)


def operational_errors() -> tuple[type[Exception], ...]:
    try:
        return (sqlite3.OperationalError, _driver().OperationalError)
    except ImportError:
        return (sqlite3.OperationalError,)


def unlock(passphrase: str | None) -> None:
    """Files opened from now on without an explicit key use ``passphrase`` (None: plain)."""
    _state["passphrase"] = passphrase


def passphrase() -> str | None:
    return _state["passphrase"]


def is_encrypted_folder(folder: Path) -> bool:
    return (folder / MARKER).exists()


def is_plain(path: Path) -> bool | None:
    """True for a plain SQLite file, False for anything else, None when missing or empty."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except FileNotFoundError:
        return None
    if not head:
        return None
    return head == SQLITE_MAGIC


def _salt_of(path: Path) -> bytes | None:
    try:
        with open(path, "rb") as handle:
            salt = handle.read(SALT_BYTES)
    except FileNotFoundError:
        return None
    return salt if len(salt) == SALT_BYTES else None


@cache
def _derive(secret: str, salt: bytes) -> bytes:
    # Imported here: cryptography costs a noticeable part of the window's start, and only
    # an encrypted folder needs it before the first sync.
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=32, n=1 << LOG2_N, r=R, p=P).derive(secret.encode("utf-8"))


def key_pragma(path: Path, secret: str) -> str:
    """SQLCipher's raw key (and salt) for ``path``: its own salt, or a new one for a new file."""
    salt = _salt_of(path) or os.urandom(SALT_BYTES)
    return f"x'{_derive(secret, salt).hex()}{salt.hex()}'"


def path_of(target: str) -> Path:
    """The file a peewee database name refers to (a path, or a file: URI)."""
    if target.startswith("file:"):
        return Path(unquote(urlparse(target).path))
    return Path(target)


_AUTO = object()


def connect(path: Path, *, readonly: bool = False, key: Any = _AUTO, **params: Any) -> Any:
    """A DB-API connection to ``path``: plain unless keyed, read-only if asked.

    ``key`` is a passphrase, None for plain, or (by default) the unlocked folder's
    passphrase; a file that is plain SQLite on disk is always opened plain.
    """
    target = storage.reader_uri(path) if readonly else str(path)
    secret = passphrase() if key is _AUTO else key
    if secret is None:
        return sqlite3.connect(target, uri=readonly, **params)
    if is_plain(path):
        # Through sqlcipher3 all the same: its connections only copy (backup API) to and
        # from their own kind, and an encrypted folder may restore an old plain backup.
        return _driver().connect(target, uri=readonly, **params)
    return open_keyed(target, secret, uri=readonly, **params)


def open_keyed(target: str, secret: str, **params: Any) -> Any:
    driver = _driver()
    conn = driver.connect(target, **params)
    try:
        # A wrong key is reported to the user by us; SQLCipher would also log to stderr.
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f'PRAGMA key = "{key_pragma(path_of(target), secret)}"')
        conn.execute(f"PRAGMA cipher_hmac_algorithm = {HMAC}")
        conn.execute(f"PRAGMA cipher_page_size = {PAGE_SIZE}")
    except BaseException:
        conn.close()
        raise
    return conn


def check_key(path: Path, secret: str) -> None:
    """Raise PassphraseError unless ``secret`` opens the encrypted file ``path``."""
    conn = connect(path, readonly=True, key=secret)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except database_errors():
        raise wrong_passphrase(path) from None
    finally:
        conn.close()


class Database(peewee.SqliteDatabase):
    """peewee's SQLite database, opening SQLCipher connections while a key is unlocked."""

    def _connect(self) -> Any:
        secret = passphrase()
        if secret is None or is_plain(path_of(self.database)):
            return super()._connect()  # type: ignore[misc]
        timeout = self._timeout  # type: ignore[attr-defined]
        params = {"timeout": timeout, "isolation_level": None, **self.connect_params}
        conn = open_keyed(self.database, secret, **params)
        try:
            self._add_conn_hooks(conn)  # type: ignore[attr-defined]
        except Exception:
            conn.close()
            raise
        return conn


def open_folder(folder: Path, db_name: str, secret: str | None) -> None:
    """Unlock ``folder`` for this process: its passphrase if it is encrypted, else plain.

    Raises PassphraseError (exit 7) for an encrypted folder opened without its
    passphrase or with a wrong one.  A folder whose marker is there but whose database
    is plain (an ``encrypt`` stopped before its swap) is plain.
    """
    db_path = folder / db_name
    if not is_encrypted_folder(folder) or is_plain(db_path):
        unlock(None)
        return
    if not secret:
        raise passphrase_needed(folder)
    if is_plain(db_path) is False:
        check_key(db_path, secret)
    unlock(secret)


def pem_encryption() -> serialization.KeySerializationEncryption:
    """How a private key file is written: under the folder's passphrase when encrypted."""
    from cryptography.hazmat.primitives import serialization

    secret = passphrase()
    if secret is None:
        return serialization.NoEncryption()
    return serialization.BestAvailableEncryption(secret.encode("utf-8"))


def load_private_pem(data: bytes, secret: str | None = None) -> Any:
    """A private key from PEM bytes, unlocked with ``secret`` (default: the folder's)."""
    from cryptography.hazmat.primitives import serialization

    if b"ENCRYPTED" not in data:
        return serialization.load_pem_private_key(data, password=None)
    secret = passphrase() if secret is None else secret
    if secret is None:
        raise PassphraseError(
            "Kunci perangkat terenkripsi; berikan frasa sandi folder data.",
            "The device key is encrypted; give the data folder's passphrase.",
        )
    try:
        return serialization.load_pem_private_key(data, password=secret.encode("utf-8"))
    except ValueError:
        raise PassphraseError(
            "Frasa sandi salah untuk kunci perangkat.", "Wrong passphrase for the device key."
        ) from None


def open_plain_with_cipher_driver(path: Path) -> Any:
    """A plain file opened through sqlcipher3, whose SQL has ``sqlcipher_export``."""
    return _driver().connect(str(path), isolation_level=None)


def unlock_without_database(folder: Path, secret: str | None) -> None:
    """Unlock ``folder`` when its database may be missing or damaged (a restore).

    The passphrase cannot be checked against the database then; a wrong one shows as a
    backup that does not open.
    """
    if not is_encrypted_folder(folder):
        unlock(None)
        return
    if not secret:
        raise passphrase_needed(folder)
    unlock(secret)
