"""Copies of records: "Duplicate" (Ctrl+D) and a commitment copied to other hubs.

A copy is a new record made through the same gate as a typed one (validation, audit,
stamps): new ids for the record and for each of its child rows, every user field
carried over.  Attachments stay with the original (a scan of a signed page belongs to
one statement).  Each call is one transaction: all copies are written, or none.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from jipp_desktop.core.registry import record_type, user_fields
from jipp_desktop.core.services import RecordService

# Signatories who sign for their own hub's government; the others (the ministry's
# deputy, Bappenas, Kemendagri, a development partner) witness every hub's statement.
OWN_PARTIES = frozenset({"provincial_government", "regional_government"})


def copy_values(records: RecordService, type_name: str, record_id: str) -> dict[str, Any]:
    """The user fields and child rows of a record, without ids: the input of a copy."""
    rt = record_type(type_name)
    record = records.get(type_name, record_id)
    values: dict[str, Any] = {f.name: record.get(f.name) for f in user_fields(rt.model)}
    for spec in rt.children:
        names = [f.name for f in user_fields(spec.model) if f.name != spec.parent_field]
        values[spec.key] = [{n: row.get(n) for n in names} for row in record.get(spec.key, [])]
    return values


def duplicate(records: RecordService, type_name: str, record_ids: Sequence[str]) -> list[str]:
    """Copies of ``record_ids`` (all of one type), in one transaction; their new ids."""
    return records.create_many(type_name, [copy_values(records, type_name, r) for r in record_ids])


def copy_commitment_to_hubs(
    records: RecordService, commitment_id: str, numbers: Mapping[str, str | None]
) -> list[str]:
    """One copy of a commitment per hub in ``numbers`` (hub id -> that hub's statement
    number), keeping the kind, event, date, place, text and the shared signatories
    (witnesses); each copy is in its hub's province.  One transaction."""
    base = copy_values(records, "commitment", commitment_id)
    shared = [s for s in base["signatories"] if s.get("party") not in OWN_PARTIES]
    items = []
    for hub_id, number in numbers.items():
        hub = records.get("hub", hub_id)
        items.append(
            base
            | {
                "hub_id": hub_id,
                "province_code": hub["province_code"],
                "number": (number or "").strip() or None,
                "signatories": [s | {"sort_order": i} for i, s in enumerate(shared, 1)],
            }
        )
    return records.create_many("commitment", items)
