"""What a record made from another form's "New…" starts with."""

from __future__ import annotations

from jipp_desktop.core.linked import new_linked_values
from jipp_desktop.core.workspace import Workspace


def test_an_agency_from_a_hub_is_the_provinces_office(workspace: Workspace) -> None:
    hub_form = {"name": "Simpul Kalbar", "province_code": "61"}
    assert new_linked_values("hub", "agency", hub_form, workspace.regions) == {
        "province_code": "61",
        "level": "province",
    }


def test_an_agency_from_an_innovation_is_its_regency_or_city(workspace: Workspace) -> None:
    regions = workspace.regions
    in_regency = {"province_code": "53", "regency_code": "53.15"}
    assert new_linked_values("innovation", "agency", in_regency, regions) == {
        "province_code": "53",
        "regency_code": "53.15",
        "level": "regency",
    }
    in_city = {"province_code": "53", "regency_code": "53.71"}  # Kota Kupang
    assert new_linked_values("replication", "agency", in_city, regions)["level"] == "city"
    assert new_linked_values("innovation", "agency", {}, regions) == {}


def test_a_hub_from_a_visit_is_in_the_province_of_the_place(workspace: Workspace) -> None:
    visit_form = {"regency_code": "53.15", "province_code": None}
    assert new_linked_values("visit", "hub", visit_form, workspace.regions) == {
        "province_code": "53"
    }
    commitment_form = {"province_code": "12", "place_regency_code": "53.15"}
    assert new_linked_values("commitment", "hub", commitment_form, workspace.regions) == {
        "province_code": "12"
    }


def test_a_signatory_party_follows_the_institution() -> None:
    from jipp_desktop.core.linked import child_row_defaults, party_for

    assert party_for("Kementerian PANRB") == "kemenpanrb"
    assert party_for("Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi") == (
        "kemenpanrb"
    )
    assert party_for("Kementerian PPN/Bappenas") == "bappenas"
    assert party_for("Kementerian Dalam Negeri") == "kemendagri"
    assert party_for("USAID-ERAT") == "partner"
    assert party_for("Bappeda Provinsi Nusa Tenggara Timur") == "provincial_government"
    assert party_for("Pemerintah Kota Kupang") == "regional_government"
    assert party_for("Universitas Nusa Cendana") == "other"
    assert party_for("") is None
    assert child_row_defaults("signatories", {"institution": "Kemendagri"}) == {
        "party": "kemendagri"
    }
    # A party already chosen stays.
    assert child_row_defaults("signatories", {"institution": "Kemendagri", "party": "other"}) == {}
