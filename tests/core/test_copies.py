"""Duplicates and a commitment copied to other hubs: new ids, same words, one transaction."""

from __future__ import annotations

import pytest

from jipp_desktop.core import models as m
from jipp_desktop.core.copies import copy_commitment_to_hubs, duplicate
from jipp_desktop.core.errors import ValidationError
from jipp_desktop.core.workspace import Workspace

WITNESSES = [
    {
        "name": "Diah Natalisa",
        "position": "Deputi Bidang Pelayanan Publik",
        "institution": "Kementerian PANRB",
        "party": "kemenpanrb",
    },
    {
        "name": "Wakil Bappenas",
        "position": "Direktur",
        "institution": "Kementerian PPN/Bappenas",
        "party": "bappenas",
    },
]
GOVERNOR = {
    "name": "Sekda NTT",
    "position": "Sekretaris Daerah",
    "institution": "Pemerintah Provinsi NTT",
    "party": "provincial_government",
}


@pytest.fixture
def hub(workspace: Workspace) -> str:
    return workspace.records.create("hub", {"province_code": "53", "name": "Simpul Inovasi NTT"})


def _commitment(ws: Workspace, hub: str) -> str:
    return ws.records.create(
        "commitment",
        {
            "kind": "hub_formation",
            "number": "001/NTT/2022",
            "signed_on": "2022-09-28",
            "event_name": "Lokakarya Peer to Peer Learning",
            "place_regency_code": "53.15",
            "province_code": "53",
            "hub_id": hub,
            "text": "Kami berkomitmen membentuk simpul inovasi.",
            "signatories": [GOVERNOR, *WITNESSES],
        },
    )


def test_a_duplicate_has_new_ids_for_the_record_and_its_rows(
    workspace: Workspace, hub: str
) -> None:
    original = _commitment(workspace, hub)
    (copy,) = duplicate(workspace.records, "commitment", [original])
    a = workspace.records.get("commitment", original)
    b = workspace.records.get("commitment", copy)
    assert copy != original
    for field in ("kind", "number", "signed_on", "place_regency_code", "text", "hub_id"):
        assert a[field] == b[field]
    assert [s["name"] for s in b["signatories"]] == [s["name"] for s in a["signatories"]]
    assert not {s["id"] for s in a["signatories"]} & {s["id"] for s in b["signatories"]}
    # The audit says the copy was created, like any new record.
    assert workspace.records.history("commitment", copy)


def test_copy_to_three_hubs_keeps_the_event_and_witnesses(workspace: Workspace, hub: str) -> None:
    original = _commitment(workspace, hub)
    hubs = {
        workspace.records.create("hub", {"province_code": p, "name": f"Simpul {p}"}): f"00{p}/2022"
        for p in ("12", "36", "61")
    }
    ids = copy_commitment_to_hubs(workspace.records, original, hubs)
    assert len(ids) == 3
    for new_id, (hub_id, number) in zip(ids, hubs.items(), strict=True):
        copy = workspace.records.get("commitment", new_id)
        assert copy["hub_id"] == hub_id and copy["number"] == number
        assert copy["province_code"] == workspace.records.get("hub", hub_id)["province_code"]
        assert (copy["signed_on"], copy["place_regency_code"]) == ("2022-09-28", "53.15")
        assert copy["event_name"] == "Lokakarya Peer to Peer Learning"
        # The governor signs for NTT only; the witnesses sign every statement.
        assert [s["party"] for s in copy["signatories"]] == ["kemenpanrb", "bappenas"]
        assert [s["sort_order"] for s in copy["signatories"]] == [1, 2]


def test_copies_are_all_or_nothing(workspace: Workspace, hub: str) -> None:
    original = _commitment(workspace, hub)
    good = workspace.records.create("hub", {"province_code": "12", "name": "Simpul Sumut"})
    before = m.Commitment.select().count()
    with pytest.raises(ValidationError):
        # The second number is longer than the field allows: nothing is written.
        copy_commitment_to_hubs(workspace.records, original, {good: "1", hub: "9" * 500})
    assert m.Commitment.select().count() == before
