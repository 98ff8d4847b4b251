"""The photos (image attachments) of a record, as files a report can embed."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path
from typing import Any

from jipp_desktop.core import sealed

IMAGE_TYPES = ("image/jpeg", "image/png", "image/gif", "image/bmp", "image/tiff", "image/webp")


def image_attachments(
    ctx: Any, type_name: str, record_id: str
) -> list[tuple[Path | io.BytesIO, str]]:
    """(photo, caption) of each image attached to the record, in the order every laptop
    lists attachments (core/models.synced_order).  A photo is its stored file, or its
    bytes unsealed in memory when the data folder is encrypted (never a plain copy on
    disk)."""
    out: list[tuple[Path | io.BytesIO, str]] = []
    for row in ctx.attachments.list(type_name, record_id):
        if str(row.get("mime") or "") not in IMAGE_TYPES:
            continue
        caption = row.get("caption") or row.get("filename") or ""
        path = ctx.attachments.blob_path(row["sha256"])
        photo: Path | io.BytesIO = path
        # A damaged one stays a path: the report says that photo cannot be read.
        with contextlib.suppress(sealed.SealedFileError):
            if sealed.is_sealed(path):
                photo = io.BytesIO(ctx.attachments.read(path))
        out.append((photo, str(caption)))
    return out
