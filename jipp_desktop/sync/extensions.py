"""Categories a package adds to the KIPP vocabulary (manifest ``categories``).

Every package carries every category its sender knows beyond the shipped lists (those
the ministry added with ``category add`` and those it received), so they travel as far
as records do. The receiver checks each entry like any value (status 3 when wrong),
checks the package's records against its own categories and the package's together, and
merges the entries in the import's transaction: a grow-only set keyed by code, the later
stamp's labels winning, a shipped code never overwritten (core/categories.py ``merge``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jipp_desktop.core import categories
from jipp_desktop.core.categories import Category, Extension
from jipp_desktop.core.clock import is_stamp
from jipp_desktop.sync.errors import InvalidRecords

FIELD = "categories"
_KEYS = {"year", "code", "label_id", "label_en", "stamp"}


def for_export() -> list[dict[str, Any]]:
    return [
        {
            "year": e.category.year,
            "code": e.category.code,
            "label_id": e.category.label_id,
            "label_en": e.category.label_en,
            "stamp": e.stamp,
        }
        for e in categories.extensions()
    ]


def from_manifest(manifest: Mapping[str, Any]) -> list[Extension]:
    """The entries a package carries, each checked; InvalidRecords names every bad one."""
    raw = manifest.get(FIELD, [])
    if not isinstance(raw, list):
        raise InvalidRecords([("manifest: categories bukan daftar", "manifest: not a list")])
    problems: list[tuple[str, str]] = []
    out = []
    for n, item in enumerate(raw, start=1):
        where = f"manifest: categories[{n}]"
        if not isinstance(item, dict) or set(item) != _KEYS:
            keys = ", ".join(sorted(_KEYS))
            problems.append((f"{where}: harus berisi {keys}", f"{where}: must hold {keys}"))
            continue
        errors = categories.entry_problems(
            item["year"], item["code"], item["label_id"], item["label_en"]
        )
        problems += [(f"{where}: {e.message_id}", f"{where}: {e.message_en}") for e in errors]
        if not is_stamp(item["stamp"]):
            problems.append((f"{where}: cap waktu tidak valid", f"{where}: invalid stamp"))
        if not errors and is_stamp(item["stamp"]):
            cat = Category(item["code"], item["year"], item["label_id"], item["label_en"])
            out.append(Extension(cat, item["stamp"]))
    if problems:
        raise InvalidRecords(problems)
    return out


def receive(entries: list[Extension]) -> list[Extension]:
    """Merge ``entries`` inside the import's transaction; those that added or changed one."""
    return categories.merge(entries)
