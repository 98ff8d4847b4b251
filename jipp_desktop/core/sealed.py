"""The files of an encrypted data folder that are not databases: attachments (photos,
scans) and sync reports, which hold names and NIP numbers as much as the database does.

They are sealed with AES-256-GCM under the folder's *file key*: 32 random bytes kept in
``file_key`` in the data folder, wrapped (AES-GCM again) under a key derived from the
passphrase by scrypt over the slot's own salt.  The file key is unwrapped once per
process and passphrase (about 0.1 s), so reading an attachment costs only AES.  Changing
the passphrase re-wraps the file key and leaves the files as they are.  The key file may
hold several slots: during a change of passphrase it is wrapped under both, so a crash
at any point leaves it open to whichever passphrase the database then takes.

A sealed file is ``MAGIC | nonce (12) | ciphertext | tag (16)``, the first 20 bytes
authenticated; it is written and read in chunks, never whole in memory.  Whether a file
is sealed is read from its first bytes, so a folder part way through a conversion (plain
and sealed files side by side) still reads every file.  Names stay as they are (an
attachment's name is the SHA-256 of its plain content).
"""

from __future__ import annotations

import io
import os
import struct
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import IO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from jipp_desktop.core import cipher
from jipp_desktop.core.errors import JippError

MAGIC = b"JIPPSEAL1\x00"
HEADER = struct.Struct(f">{len(MAGIC)}s12s")
TAG_BYTES = 16
CHUNK = 1 << 20
KEY_FILE = "file_key"
KEY_MAGIC = b"JIPPFKEY1\x00"
# One slot: scrypt salt, nonce, the wrapped 32-byte key and its tag.
SLOT = struct.Struct(">16s12s48s")
LOG2_N, R, P = 15, 8, 1
TEMP_SUFFIX = ".seal"


class SealedFileError(JippError):
    exit_status = 6

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.message_id = (
            f"Berkas terenkripsi {path} rusak atau bukan milik folder data ini; isinya "
            "tidak dapat dibaca."
        )
        self.message_en = (
            f"The encrypted file {path} is damaged or belongs to another data folder; its "
            "content cannot be read."
        )


def is_sealed(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(len(MAGIC)) == MAGIC
    except FileNotFoundError:
        return False


# -- the folder's file key ----------------------------------------------------------------


@cache
def _kek(secret: str, salt: bytes) -> bytes:
    return Scrypt(salt=salt, length=32, n=1 << LOG2_N, r=R, p=P).derive(secret.encode("utf-8"))


def _wrap(key: bytes, secret: str) -> bytes:
    salt, nonce = os.urandom(16), os.urandom(12)
    return SLOT.pack(salt, nonce, AESGCM(_kek(secret, salt)).encrypt(nonce, key, KEY_MAGIC))


@cache
def _unwrap(data: bytes, secret: str) -> bytes | None:
    if not data.startswith(KEY_MAGIC):
        return None
    body = data[len(KEY_MAGIC) :]
    for start in range(0, len(body) - SLOT.size + 1, SLOT.size):
        salt, nonce, wrapped = SLOT.unpack(body[start : start + SLOT.size])
        try:
            return AESGCM(_kek(secret, salt)).decrypt(nonce, wrapped, KEY_MAGIC)
        except InvalidTag:
            continue
    return None


def read_key(folder: Path, secret: str) -> bytes | None:
    """The folder's file key opened with ``secret`` (None: no key file, or not its one)."""
    try:
        data = (folder / KEY_FILE).read_bytes()
    except FileNotFoundError:
        return None
    return _unwrap(data, secret)


def write_key(folder: Path, key: bytes, *secrets: str) -> None:
    """Store ``key`` wrapped under each of ``secrets`` (atomically, owner-only)."""
    data = KEY_MAGIC + b"".join(_wrap(key, secret) for secret in secrets)
    path = folder / KEY_FILE
    partial = path.with_name(KEY_FILE + TEMP_SUFFIX)
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(partial, path)


def key_for(folder: Path, secret: str) -> bytes:
    """The file key under ``secret``, made (and stored) when the folder has none yet."""
    found = read_key(folder, secret)
    if found is not None:
        return found
    if (folder / KEY_FILE).exists():
        raise cipher.wrong_passphrase(folder / KEY_FILE)
    key = new_key()
    write_key(folder, key, secret)
    return key


def new_key() -> bytes:
    return AESGCM.generate_key(bit_length=256)


def folder_key(folder: Path) -> bytes | None:
    """The open folder's file key (None for a plain folder): new files are sealed with it."""
    secret = cipher.passphrase()
    if secret is None:
        return None
    return key_for(folder, secret)


def reading_key(folder: Path) -> bytes | None:
    """The key to read the open folder's files with, never writing one (a reader)."""
    secret = cipher.passphrase()
    return None if secret is None else read_key(folder, secret)


# -- sealed files -------------------------------------------------------------------------


def seal_stream(source: IO[bytes], target: Path, key: bytes) -> None:
    """Write ``source`` sealed into ``target`` (flushed to disk; the process's umask
    keeps it owner-only, storage.keep_private)."""
    nonce = os.urandom(12)
    header = HEADER.pack(MAGIC, nonce)
    encryptor = Cipher(algorithms.AES(key), modes.GCM(nonce)).encryptor()
    encryptor.authenticate_additional_data(header)
    with open(target, "wb") as sink:
        sink.write(header)
        while block := source.read(CHUNK):
            sink.write(encryptor.update(block))
        sink.write(encryptor.finalize())
        sink.write(encryptor.tag)
        sink.flush()
        os.fsync(sink.fileno())


def chunks(path: Path, key: bytes | None) -> Iterator[bytes]:
    """The plain content of ``path`` (sealed or not), a chunk at a time.

    A sealed file's chunks are only known authentic once the last one is read: a
    caller writing them somewhere must throw that away when this raises.
    """
    with open(path, "rb") as handle:
        head = handle.read(HEADER.size)
        if not head.startswith(MAGIC):
            yield head
            yield from iter(lambda: handle.read(CHUNK), b"")
            return
        if key is None:
            raise cipher.passphrase_needed(path.parent)
        size = os.fstat(handle.fileno()).st_size
        if size < HEADER.size + TAG_BYTES:
            raise SealedFileError(path)
        _magic, nonce = HEADER.unpack(head)
        handle.seek(size - TAG_BYTES)
        tag = handle.read(TAG_BYTES)
        handle.seek(HEADER.size)
        decryptor = Cipher(algorithms.AES(key), modes.GCM(nonce, tag)).decryptor()
        decryptor.authenticate_additional_data(head)
        remaining = size - HEADER.size - TAG_BYTES
        while remaining > 0:
            block = handle.read(min(CHUNK, remaining))
            if not block:
                raise SealedFileError(path)
            remaining -= len(block)
            yield decryptor.update(block)
        try:
            yield decryptor.finalize()
        except InvalidTag:
            raise SealedFileError(path) from None


def read_bytes(path: Path, key: bytes | None) -> bytes:
    """The whole plain content (for small files: a report, a photo for a PDF)."""
    return b"".join(chunks(path, key))


def copy_plain(path: Path, target: Path, key: bytes | None) -> None:
    """Write the plain content of ``path`` to ``target`` (removed again if it fails)."""
    try:
        with open(target, "wb") as sink:
            for block in chunks(path, key):
                sink.write(block)
    except BaseException:
        target.unlink(missing_ok=True)
        raise


def write_bytes(path: Path, data: bytes, key: bytes | None) -> None:
    """Write ``data`` to ``path`` atomically: sealed under ``key``, or plain for None."""
    partial = path.with_name(path.name + TEMP_SUFFIX)
    try:
        if key is None:
            with open(partial, "wb") as sink:
                sink.write(data)
        else:
            seal_stream(io.BytesIO(data), partial, key)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


def convert(path: Path, key: bytes, seal: bool) -> bool:
    """Seal (or unseal) ``path`` in place; False when it already was.  A crash leaves the
    old or the new file, both whole (written beside it, then renamed over it)."""
    if is_sealed(path) == seal:
        return False
    partial = path.with_name(path.name + TEMP_SUFFIX)
    try:
        if seal:
            with open(path, "rb") as source:
                seal_stream(source, partial, key)
        else:
            copy_plain(path, partial, key)
            _fsync(partial)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return True


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDWR)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_stale(folder: Path) -> None:
    """Half-written files of a conversion that was killed (never the files themselves)."""
    for partial in folder.rglob(f"*{TEMP_SUFFIX}"):
        partial.unlink(missing_ok=True)
