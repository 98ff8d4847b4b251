"""The photos (image attachments) of a record, as files a report can embed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

IMAGE_TYPES = ("image/jpeg", "image/png", "image/gif", "image/bmp", "image/tiff", "image/webp")


def image_attachments(ctx: Any, type_name: str, record_id: str) -> list[tuple[Path, str]]:
    """(blob path, caption) of each image attached to the record, in the order every laptop
    lists attachments (core/models.synced_order)."""
    out = []
    for row in ctx.attachments.list(type_name, record_id):
        if str(row.get("mime") or "") not in IMAGE_TYPES:
            continue
        caption = row.get("caption") or row.get("filename") or ""
        out.append((ctx.attachments.blob_path(row["sha256"]), str(caption)))
    return out
