"""A temporary file for the zip inside a locked package, never on disk in the clear.

A locked package must be unsealed (or built, before sealing) somewhere seekable, since
zipfile needs random access, and it may be larger than the laptop's memory.  The spool
is an anonymous temporary file whose bytes are XORed with AES-CTR under a key that only
lives in this process: the data a passphrase protects never reaches the disk readable,
and reading any offset costs no more than reading it in the clear.
"""

from __future__ import annotations

import io
import os
import tempfile
from typing import IO

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

_BLOCK = 16


class _MaskedFile(io.RawIOBase):
    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile()  # noqa: SIM115 (closed by close())
        self._key = os.urandom(32)
        self._counter = int.from_bytes(os.urandom(_BLOCK), "big")

    def _mask(self, offset: int, data: bytes) -> bytes:
        counter = (self._counter + offset // _BLOCK) % (1 << 128)
        stream = Cipher(algorithms.AES(self._key), modes.CTR(counter.to_bytes(_BLOCK, "big")))
        masker = stream.encryptor()
        masker.update(bytes(offset % _BLOCK))
        return masker.update(data)

    def readable(self) -> bool:
        return True

    def writable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        offset = self._file.tell()
        data = self._file.read(len(buffer))
        buffer[: len(data)] = self._mask(offset, data)
        return len(data)

    def write(self, data: bytes) -> int:  # type: ignore[override]
        self._file.write(self._mask(self._file.tell(), bytes(data)))
        return len(data)

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        return self._file.seek(offset, whence)

    def tell(self) -> int:
        return self._file.tell()

    def close(self) -> None:
        self._file.close()
        super().close()


def spool() -> IO[bytes]:
    """A new, empty, seekable read-write temporary file (deleted when closed)."""
    return io.BufferedRandom(_MaskedFile(), buffer_size=256 * 1024)
