"""This laptop's signing key and the list of senders the officer trusts.

The private key lives in the data folder (owner-only) and never leaves it; the
fingerprint of the public key is what officers compare by phone before trusting
a sender, so it is short and grouped.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import os
import re
import threading
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from jipp_desktop.core import cipher, engine
from jipp_desktop.core import models as m
from jipp_desktop.sync import db

KEY_FILE = "device_key.pem"
# Where a PostgreSQL database keeps its one key (sync_state; readable only by the roles
# that may sign for the ministry: docs/ministry.md).
DB_KEY = "device_private_key_pem"


@dataclass(frozen=True)
class DeviceKey:
    private: Ed25519PrivateKey

    @property
    def public_raw(self) -> bytes:
        return self.private.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )

    @property
    def public_b64(self) -> str:
        return base64.b64encode(self.public_raw).decode("ascii")

    @property
    def fingerprint(self) -> str:
        return fingerprint_of(self.public_raw)

    def sign(self, data: bytes) -> bytes:
        return self.private.sign(data)


def fingerprint_of(public_raw: bytes) -> str:
    """First 128 bits of SHA-256 of the raw public key, as eight groups of four hex digits."""
    head = hashlib.sha256(public_raw).hexdigest()[:32].upper()
    return "-".join(head[i : i + 4] for i in range(0, 32, 4))


def normalise_fingerprint(text: str) -> str | None:
    """Accept a fingerprint typed with any separators or case; None when it is not one."""
    digits = re.sub(r"[^0-9A-Fa-f]", "", text).upper()
    if len(digits) != 32 or re.sub(r"[\s:\-]", "", text).upper() != digits:
        return None
    return "-".join(digits[i : i + 4] for i in range(0, 32, 4))


# The folder lock keeps other processes out; within the app several threads (the GUI,
# the background reader, a task) may ask for the key at once, and two racing creators
# would each sign with a key of their own.
_create_lock = threading.Lock()


def load_or_create(data_dir: Path) -> DeviceKey:
    """This peer's key: the data folder's file on a laptop; on the ministry's PostgreSQL
    database the database's own, so every workstation signs as the same peer."""
    if engine.is_postgresql():
        with _create_lock:
            return _shared_key()
    return folder_key(data_dir)


def folder_key(data_dir: Path) -> DeviceKey:
    """The key kept in the data folder ``data_dir`` (a laptop's), made on first use."""
    with _create_lock:
        return _load_or_create(data_dir)


def _shared_key() -> DeviceKey:
    """The database's key, made by the first workstation that needs one.  A second
    workstation creating one at the same moment keeps the first one stored (the insert
    does nothing on a conflict), so both sign with the same key."""
    found = db.sql("SELECT value FROM sync_state WHERE key = ?", (DB_KEY,)).fetchone()
    if found is None:
        pem = Ed25519PrivateKey.generate().private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        with m.database.atomic():
            db.sql(
                "INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING",
                (DB_KEY, pem.decode("ascii")),
            )
        found = db.sql("SELECT value FROM sync_state WHERE key = ?", (DB_KEY,)).fetchone()
    key = serialization.load_pem_private_key(str(found[0]).encode("ascii"), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError("the database's device key is not an Ed25519 key")
    return DeviceKey(key)


def _load_or_create(data_dir: Path) -> DeviceKey:
    path = data_dir / KEY_FILE
    if path.exists():
        key = cipher.load_private_pem(path.read_bytes())
        if not isinstance(key, Ed25519PrivateKey):
            raise ValueError(f"{path} does not hold an Ed25519 key")
        return DeviceKey(key)
    key = Ed25519PrivateKey.generate()
    # In an encrypted folder the key is encrypted with the folder's passphrase.
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, cipher.pem_encryption()
    )
    partial = path.with_name(KEY_FILE + ".part")
    # Created owner-only from the start, so the key is never readable by others even briefly.
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(pem)
        handle.flush()
        os.fsync(handle.fileno())
    partial.replace(path)
    return DeviceKey(key)


def verify(public_b64: str, signature: bytes, data: bytes) -> bool:
    try:
        raw = base64.b64decode(public_b64, validate=True)
        Ed25519PublicKey.from_public_bytes(raw).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True


def public_fingerprint(public_b64: str) -> str:
    return fingerprint_of(base64.b64decode(public_b64, validate=True))


# -- trusted senders -------------------------------------------------------------------


def is_trusted(fingerprint: str) -> bool:
    row = db.sql("SELECT 1 FROM sync_trusted WHERE fingerprint = ?", (fingerprint,)).fetchone()
    return row is not None


def trust(fingerprint: str, name: str | None = None, device_id: str | None = None) -> None:
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    db.sql(
        "INSERT INTO sync_trusted (fingerprint, name, device_id, trusted_at) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (fingerprint) DO UPDATE SET "
        "name = coalesce(excluded.name, sync_trusted.name), "
        "device_id = coalesce(excluded.device_id, sync_trusted.device_id)",
        (fingerprint, name, device_id, now),
    )


def known_key(device_id: str) -> str | None:
    """The fingerprint a device signed its earlier packages with, if we imported any."""
    row = db.sql("SELECT fingerprint FROM sync_peer WHERE device_id = ?", (device_id,)).fetchone()
    return None if row is None else str(row[0])


def trusted_list() -> list[dict[str, str | None]]:
    cursor = db.sql(
        "SELECT fingerprint, name, device_id, trusted_at, role FROM sync_trusted "
        "ORDER BY trusted_at"
    )
    return [
        {"fingerprint": f, "name": n, "device_id": d, "trusted_at": t, "role": r}
        for f, n, d, t, r in cursor
    ]
