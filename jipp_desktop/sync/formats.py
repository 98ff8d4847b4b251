"""Older package formats, converted on import into the current change lines.

Format 1 (the first field trials) wrote each row as
``{"table", "id", "hlc", "created_at", "cl", "cl_stamp", "values": {...}, "stamps": {...}}``
with no version vectors.  Its values become cells whose vector is the implicit one
(only the value's own change), which is exactly what format 1 knew.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any


def upgrade_v1_line(line: dict[str, Any]) -> dict[str, Any]:
    hlc = line.get("hlc")
    stamps = line.get("stamps") or {}
    values = line.get("values") or {}
    cells: dict[str, Any] = {}
    if isinstance(values, dict) and isinstance(stamps, dict):
        for name, value in values.items():
            stamp = stamps.get(name, hlc)
            cells[name] = [value] if stamp == hlc else [value, stamp]
    out: dict[str, Any] = {"t": line.get("table"), "id": line.get("id"), "hlc": hlc, "f": cells}
    if "created_at" in line:
        out["ca"] = line["created_at"]
    if "cl" in line:
        cl_stamp = line.get("cl_stamp")
        out["cl"] = [line["cl"]] if cl_stamp is None else [line["cl"], cl_stamp]
    return out


def upgrade_v1_lines(lines: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for line in lines:
        yield upgrade_v1_line(line)
