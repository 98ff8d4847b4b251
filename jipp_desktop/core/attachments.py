"""Attachments (photos, scans, PDFs): files stored once by SHA-256.

The database holds one synced ``attachment`` row per use of a file; on a laptop the
bytes live under ``attachments/ab/abcdef…`` in the data folder, so the same scan
attached twice, or received twice through sync, is stored once.  In an encrypted data
folder they are sealed (core/sealed.py): read them through ``chunks``/``read``/``copy_out``.
On the ministry's PostgreSQL database the bytes live in the database (``attachment_blob``),
where every workstation reads them; ``blob_path`` then gives a copy in the workstation's
cache folder (``attachment-cache/``), written on first use.
"""

from __future__ import annotations

import hashlib
import mimetypes
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from jipp_desktop.core import engine, sealed
from jipp_desktop.core import models as m
from jipp_desktop.core.errors import FieldError, RecordNotFound, ValidationError
from jipp_desktop.core.listing import record_dict
from jipp_desktop.core.registry import record_type

if TYPE_CHECKING:
    from jipp_desktop.core.services import RecordService

MAX_BYTES = 50 * 1024 * 1024


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


CACHE_FOLDER = "attachment-cache"


class AttachmentStore:
    def __init__(self, folder: Path, records: RecordService, *, in_database: bool = False) -> None:
        self.folder = folder.parent / CACHE_FOLDER if in_database else folder
        self.records = records
        self.in_database = in_database

    def blob_path(self, sha256: str) -> Path:
        """The stored file (on PostgreSQL the workstation's cached copy, made on first use)."""
        path = self.folder / sha256[:2] / sha256
        if self.in_database and not path.is_file():
            found = engine.sql(
                "SELECT data FROM attachment_blob WHERE sha256 = ?", (sha256,)
            ).fetchone()
            if found is not None:
                path.parent.mkdir(parents=True, exist_ok=True)
                partial = path.with_name(path.name + ".part")
                partial.write_bytes(bytes(found[0]))
                partial.replace(path)
        return path

    def has_blob(self, sha256: str) -> bool:
        if self.in_database:
            found = engine.sql("SELECT 1 FROM attachment_blob WHERE sha256 = ?", (sha256,))
            return found.fetchone() is not None
        return self.blob_path(sha256).is_file()

    def store_blob(self, source: Path) -> str:
        """Copy ``source`` into the store (once) and return its SHA-256."""
        sha = sha256_file(source)
        if not self.has_blob(sha):
            with open(source, "rb") as stream:
                self.store_stream(sha, stream)
        return sha

    def store_stream(self, sha256: str, stream: IO[bytes]) -> None:
        """Store the bytes of ``stream`` as ``sha256``: sealed in an encrypted folder, in
        the database on PostgreSQL (inside the caller's transaction, if any)."""
        if self.in_database:
            engine.sql(
                "INSERT INTO attachment_blob (sha256, data) VALUES (?, ?) "
                "ON CONFLICT (sha256) DO NOTHING",
                (sha256, stream.read()),
            )
            return
        target = self.blob_path(sha256)
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".part")
        try:
            key = sealed.folder_key(self.folder.parent)
            if key is None:
                with open(partial, "wb") as sink:
                    shutil.copyfileobj(stream, sink, 1 << 20)
            else:
                sealed.seal_stream(stream, partial, key)
            partial.replace(target)
        finally:
            partial.unlink(missing_ok=True)

    def chunks(self, path: Path) -> Iterator[bytes]:
        """The plain bytes of a stored file (sealed or not), a chunk at a time."""
        return sealed.chunks(path, sealed.reading_key(self.folder.parent))

    def read(self, path: Path) -> bytes:
        """A stored file's plain bytes at once (a photo for a report or a thumbnail)."""
        return b"".join(self.chunks(path))

    def copy_out(self, path: Path, target: Path) -> None:
        """A plain copy of a stored file (for a viewer outside the app)."""
        sealed.copy_plain(path, target, sealed.reading_key(self.folder.parent))

    def add(
        self,
        type_name: str,
        record_id: str,
        source: Path,
        *,
        role: str | None = None,
        caption: str | None = None,
    ) -> str:
        """Attach the file ``source`` to a record; returns the attachment id."""
        record_type(type_name)
        source = Path(source)
        if not source.is_file():
            raise ValidationError(
                [
                    FieldError(
                        "filename",
                        "missing_file",
                        f"Berkas {source} tidak ditemukan.",
                        f"File {source} was not found.",
                    )
                ]
            )
        if source.stat().st_size > MAX_BYTES:
            raise ValidationError(
                [
                    FieldError(
                        "filename",
                        "too_big",
                        f"Berkas {source.name} lebih dari 50 MB.",
                        f"File {source.name} is larger than 50 MB.",
                    )
                ]
            )
        self.records.get(type_name, record_id)
        sha = self.store_blob(source)
        mime = mimetypes.guess_type(source.name)[0] or "application/octet-stream"
        return self.records.insert_attachment(
            type_name,
            record_id,
            {
                "sha256": sha,
                "filename": source.name,
                "mime": mime,
                "size": source.stat().st_size,
                "role": role,
                "caption": caption,
            },
        )

    def list(self, type_name: str, record_id: str) -> list[dict[str, Any]]:
        rows = (
            m.Attachment.select()
            .where(
                (m.Attachment.record_type == type_name)
                & (m.Attachment.record_id == record_id)
                & m.alive(m.Attachment)
            )
            .order_by(*m.synced_order(m.Attachment))
        )
        return [record_dict(r) for r in rows]

    def remove(self, attachment_id: str) -> None:
        row = m.Attachment.get_or_none(m.Attachment.id == attachment_id)
        if row is None or row.deleted:
            raise RecordNotFound("attachment", attachment_id)
        self.records.remove_attachment(row)
