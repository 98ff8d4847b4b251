"""The officer's profile: one gate for the first-run form and the Settings page."""

from __future__ import annotations

import pytest

from jipp_desktop.core.errors import ValidationError
from jipp_desktop.core.workspace import Workspace


def test_a_blank_profile_is_refused_whole_with_both_languages(workspace: Workspace) -> None:
    with pytest.raises(ValidationError) as caught:
        workspace.settings.save_profile(
            {"officer_name": "  ", "province_code": "", "device_name": "Laptop baru"},
            workspace.regions.provinces,
            finish_setup=True,
        )
    errors = caught.value.errors
    assert [(e.field, e.code) for e in errors] == [
        ("officer_name", "required"),
        ("province_code", "required"),
    ]
    assert errors[0].message("id") == "Nama petugas wajib diisi."
    assert errors[0].message("en") == "Officer name is required."
    assert errors[1].message("id") == "Provinsi simpul wajib dipilih."
    # Nothing half-written.
    assert workspace.settings.get("device_name") != "Laptop baru"
    assert workspace.settings.get("setup_done") == ""


def test_a_wrong_nip_or_unknown_province_is_named(workspace: Workspace) -> None:
    with pytest.raises(ValidationError) as caught:
        workspace.settings.save_profile(
            {"officer_name": "Maria", "officer_nip": "12345", "province_code": "99"},
            workspace.regions.provinces,
        )
    assert [(e.field, e.code) for e in caught.value.errors] == [
        ("officer_nip", "bad_nip"),
        ("province_code", "region"),
    ]
    assert "'99'" in caught.value.errors[1].message("en")


def test_a_complete_profile_finishes_set_up(workspace: Workspace) -> None:
    workspace.settings.save_profile(
        {"officer_name": "Maria Goreti", "officer_nip": "", "province_code": "53"},
        workspace.regions.provinces,
        finish_setup=True,
    )
    values = workspace.settings.all()
    assert (values["officer_name"], values["province_code"], values["setup_done"]) == (
        "Maria Goreti",
        "53",
        "1",
    )
