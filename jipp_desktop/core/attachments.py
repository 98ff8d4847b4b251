"""Attachments (photos, scans, PDFs): files stored once by SHA-256 in the data folder.

The database holds one synced ``attachment`` row per use of a file; the bytes
live under ``attachments/ab/abcdef…`` so the same scan attached twice, or
received twice through sync, is stored once.
"""

from __future__ import annotations

import hashlib
import mimetypes
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

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


class AttachmentStore:
    def __init__(self, folder: Path, records: RecordService) -> None:
        self.folder = folder
        self.records = records

    def blob_path(self, sha256: str) -> Path:
        return self.folder / sha256[:2] / sha256

    def has_blob(self, sha256: str) -> bool:
        return self.blob_path(sha256).is_file()

    def store_blob(self, source: Path) -> str:
        """Copy ``source`` into the store (once) and return its SHA-256."""
        sha = sha256_file(source)
        target = self.blob_path(sha)
        if not target.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = target.with_name(target.name + ".part")
            shutil.copyfile(source, partial)
            partial.replace(target)
        return sha

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
