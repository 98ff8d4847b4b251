"""Optional passphrase protection for packages sent by e-mail.

The whole .jipp file is sealed with AES-256-GCM under a key derived by scrypt, so
nothing (not even the sender's name) is readable without the passphrase, and any
change to the sealed bytes makes opening fail.  GCM cannot tell a wrong passphrase
from a damaged file; the message says so.

Sealed layout: an authenticated header (magic, scrypt log2 N, r, p, salt, nonce), the
ciphertext, the 16-byte GCM tag.  Both directions stream in chunks, so a package of any
size is sealed and unsealed in constant memory.  The scrypt cost is fixed by the format:
a header asking for any other cost is refused before a single derivation, so a 100-byte
file cannot make the reader spend minutes and gigabytes.
"""

from __future__ import annotations

import os
import struct
from typing import IO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from jipp_desktop.core import passphrase as passphrase_rules
from jipp_desktop.sync.errors import BadPassphrase, NotAPackage

MAGIC = b"JIPPENC1"
# scrypt cost: about 0.1 s and 32 MB on a 2020 laptop.  Written in the header, but the
# only cost a reader accepts (see module docstring).
LOG2_N, R, P = 15, 8, 1
HEADER = struct.Struct(">8sBBB16s12s")
TAG_BYTES = 16
CHUNK = 1 << 20


def is_sealed(head: bytes) -> bool:
    return head.startswith(MAGIC)


def _key(passphrase: str, salt: bytes) -> bytes:
    return Scrypt(salt=salt, length=32, n=1 << LOG2_N, r=R, p=P).derive(passphrase.encode("utf-8"))


def seal(source: IO[bytes], sink: IO[bytes], passphrase: str) -> None:
    """Write ``source`` (read from its current position to the end) sealed into ``sink``."""
    passphrase_rules.check(passphrase)
    salt, nonce = os.urandom(16), os.urandom(12)
    header = HEADER.pack(MAGIC, LOG2_N, R, P, salt, nonce)
    encryptor = Cipher(algorithms.AES(_key(passphrase, salt)), modes.GCM(nonce)).encryptor()
    # The header is authenticated too, so nothing in it can be swapped.
    encryptor.authenticate_additional_data(header)
    sink.write(header)
    while block := source.read(CHUNK):
        sink.write(encryptor.update(block))
    sink.write(encryptor.finalize())
    sink.write(encryptor.tag)


def unseal(source: IO[bytes], size: int, sink: IO[bytes], passphrase: str | None) -> None:
    """Write the content of the sealed file ``source`` (``size`` bytes) into ``sink``.

    ``sink`` must be thrown away when this raises: its bytes are only authentic once the
    tag has been checked, at the very end.
    """
    if passphrase is None or passphrase == "":
        raise BadPassphrase(
            "Paket ini dikunci dengan frasa sandi. Berikan frasa sandinya.",
            "This package is locked with a passphrase. Give the passphrase.",
        )
    if size < HEADER.size + TAG_BYTES:
        raise NotAPackage("Paket terkunci ini terpotong.", "This locked package is truncated.")
    source.seek(0)
    header = source.read(HEADER.size)
    _magic, log2_n, r, p, salt, nonce = HEADER.unpack(header)
    if (log2_n, r, p) != (LOG2_N, R, P):
        raise NotAPackage(
            "Kepala paket terkunci rusak atau tidak didukung (biaya scrypt "
            f"N=2^{log2_n}, r={r}, p={p}; format ini memakai N=2^{LOG2_N}, r={R}, p={P}).",
            "The locked package's header is damaged or unsupported (scrypt cost "
            f"N=2^{log2_n}, r={r}, p={p}; this format uses N=2^{LOG2_N}, r={R}, p={P}).",
        )
    source.seek(size - TAG_BYTES)
    tag = source.read(TAG_BYTES)
    source.seek(HEADER.size)
    decryptor = Cipher(algorithms.AES(_key(passphrase, salt)), modes.GCM(nonce, tag)).decryptor()
    decryptor.authenticate_additional_data(header)
    remaining = size - HEADER.size - TAG_BYTES
    while remaining > 0:
        block = source.read(min(CHUNK, remaining))
        if not block:
            raise NotAPackage("Paket terkunci ini terpotong.", "This locked package is truncated.")
        remaining -= len(block)
        sink.write(decryptor.update(block))
    try:
        sink.write(decryptor.finalize())
    except InvalidTag:
        raise BadPassphrase(
            "Frasa sandi salah (atau paket terkunci ini rusak). Tidak ada yang diimpor.",
            "Wrong passphrase (or this locked package is damaged). Nothing was imported.",
        ) from None
