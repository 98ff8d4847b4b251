"""Optional passphrase protection for packages sent by e-mail.

The whole .jipp file is sealed with AES-256-GCM under a key derived by scrypt, so
nothing (not even the sender's name) is readable without the passphrase, and any
change to the sealed bytes makes opening fail.  GCM cannot tell a wrong passphrase
from a damaged file; the message says so.
"""

from __future__ import annotations

import os
import struct

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from jipp_desktop.sync.errors import BadPassphrase, NotAPackage

MAGIC = b"JIPPENC1"
# scrypt cost: about 0.1 s and 32 MB on a 2020 laptop; stored in the header so it can grow.
_LOG2_N, _R, _P = 15, 8, 1
_HEADER = struct.Struct(">8sBBB16s12s")


def is_sealed(head: bytes) -> bool:
    return head.startswith(MAGIC)


def _key(passphrase: str, salt: bytes, log2_n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=1 << log2_n, r=r, p=p).derive(passphrase.encode("utf-8"))


def seal(data: bytes, passphrase: str) -> bytes:
    salt, nonce = os.urandom(16), os.urandom(12)
    header = _HEADER.pack(MAGIC, _LOG2_N, _R, _P, salt, nonce)
    key = _key(passphrase, salt, _LOG2_N, _R, _P)
    # The header is authenticated too, so the cost parameters cannot be swapped.
    return header + AESGCM(key).encrypt(nonce, data, header)


def unseal(blob: bytes, passphrase: str | None) -> bytes:
    if passphrase is None or passphrase == "":
        raise BadPassphrase(
            "Paket ini dikunci dengan frasa sandi. Berikan frasa sandinya.",
            "This package is locked with a passphrase. Give the passphrase.",
        )
    if len(blob) < _HEADER.size + 16:
        raise NotAPackage("Paket terkunci ini terpotong.", "This locked package is truncated.")
    _magic, log2_n, r, p, salt, nonce = _HEADER.unpack_from(blob)
    if not (10 <= log2_n <= 20 and 1 <= r <= 16 and 1 <= p <= 4):
        raise NotAPackage("Kepala paket terkunci rusak.", "The locked package's header is damaged.")
    header = blob[: _HEADER.size]
    try:
        return AESGCM(_key(passphrase, salt, log2_n, r, p)).decrypt(
            nonce, blob[_HEADER.size :], header
        )
    except InvalidTag:
        raise BadPassphrase(
            "Frasa sandi salah (atau paket terkunci ini rusak). Tidak ada yang diimpor.",
            "Wrong passphrase (or this locked package is damaged). Nothing was imported.",
        ) from None
