"""What a record created from another form's "New…" starts with.

An agency made from a hub's form belongs to the hub's province and is most likely its
provincial government; one made from an innovation in a regency is that regency's (or
city's) government.  The form that asked knows the context; these rules say what to
carry over, so every face (GUI, a future import) carries the same.
"""

from __future__ import annotations

from typing import Any

from jipp_desktop.core.matching import normalise
from jipp_desktop.core.validation import Regions


def _agency_level(regency: str | None, province: str | None, regions: Regions) -> str | None:
    if regency:
        return "city" if regions.name(regency).startswith("Kota ") else "regency"
    return "province" if province else None


def new_linked_values(
    parent_type: str, ref_type: str, parent: dict[str, Any], regions: Regions
) -> dict[str, Any]:
    """Initial values of a new ``ref_type`` record made from a ``parent_type`` form whose
    current (unsaved) values are ``parent``."""
    province = parent.get("province_code") or None
    # The place of a form that has no region of its own (a visit's regency) is not the
    # new record's: only the fields named as the record's region are carried over.
    regency = parent.get("regency_code") or None
    if ref_type == "agency":
        if parent_type == "hub":
            # A hub's coordinating agency is a provincial office (Bappeda, Biro Organisasi).
            regency = None
        out: dict[str, Any] = {"province_code": province, "regency_code": regency}
        level = _agency_level(regency, province, regions)
        if level:
            out["level"] = level
        return {k: v for k, v in out.items() if v}
    if ref_type == "hub":
        if not province and regency:
            province = regions.regency_province.get(regency)
        return {"province_code": province} if province else {}
    if ref_type == "commitment" and parent_type == "replication":
        out = {"kind": "replication", "province_code": province}
        return {k: v for k, v in out.items() if v}
    return {}


# Words in an institution's name that tell which party of a commitment it signs for,
# checked in this order (a provincial Bappeda is not Bappenas; "Kota" is a city).
_PARTY_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("kemenpanrb", ("panrb", "pendayagunaan aparatur")),
    ("bappenas", ("bappenas", "perencanaan pembangunan nasional")),
    ("kemendagri", ("kemendagri", "dalam negeri")),
    ("partner", ("usaid", "erat", "asia foundation", "icma", "giz", "undp", "bank dunia")),
    ("provincial_government", ("provinsi",)),
    ("regional_government", ("kabupaten", "kota", "pemkab", "pemkot")),
)


def party_for(institution: str | None) -> str | None:
    """The signatory party an institution's name points to; None when it says nothing."""
    words = f" {normalise(institution or '')} "
    if not words.strip():
        return None
    for party, needles in _PARTY_WORDS:
        if any(f" {needle} " in words or (" " in needle and needle in words) for needle in needles):
            return party
    return "other"


def child_row_defaults(child_key: str, row: dict[str, Any]) -> dict[str, Any]:
    """Values for the empty fields of a child row, from what the row already holds (a
    signatory typed by keyboard gets its party from the institution)."""
    if child_key == "signatories" and not row.get("party"):
        party = party_for(row.get("institution"))
        if party:
            return {"party": party}
    return {}


def follow_link(type_name: str, field: str, linked: dict[str, Any]) -> dict[str, Any]:
    """Fields of a ``type_name`` form that follow the record just chosen in ``field``: a
    commitment belongs to its hub's province, so the form asks for a province once."""
    if type_name == "commitment" and field == "hub_id" and linked.get("province_code"):
        return {"province_code": linked["province_code"]}
    return {}
