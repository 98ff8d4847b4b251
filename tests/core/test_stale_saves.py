"""Two saves made from the same version of a record: the second never silently undoes the
first (core/staleness.py, RecordService.update(base=...))."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from jipp_desktop.core import models as m
from jipp_desktop.core import staleness
from jipp_desktop.core.staleness import StaleEdit
from jipp_desktop.core.workspace import Workspace


def _commitment(ws: Workspace) -> str:
    return ws.records.create(
        "commitment",
        {
            "kind": "replication",
            "signed_on": "2024-05-02",
            "place_regency_code": "36.01",
            "province_code": "36",
            "text": "Kami berkomitmen mereplikasi inovasi.",
            "signatories": [
                {"name": "Andi", "position": "Kepala Dinas", "institution": "Dinas A"},
                {"name": "Rina", "position": "Sekretaris", "institution": "Dinas B"},
            ],
        },
    )


def _as(ws: Workspace, officer: str) -> None:
    ws.settings.set("officer_name", officer)


def _audit_count() -> int:
    return int(m.Audit.select().count())


def test_a_field_saved_meanwhile_refuses_the_second_save_and_names_who(
    workspace: Workspace,
) -> None:
    rid = _commitment(workspace)
    _, seen_by_a = workspace.records.snapshot("commitment", rid)
    _, seen_by_b = workspace.records.snapshot("commitment", rid)
    _as(workspace, "Budi Santoso")
    assert workspace.records.update("commitment", rid, {"text": "Versi Budi."}, base=seen_by_a)
    _as(workspace, "Siti Aminah")
    before = _audit_count()
    with pytest.raises(StaleEdit) as caught:
        workspace.records.update(
            "commitment", rid, {"text": "Versi Siti.", "number": "7/2024"}, base=seen_by_b
        )
    assert caught.value.paths == ["text"]
    message_id, message_en = caught.value.message("id"), caught.value.message("en")
    assert "Isi Komitmen diubah oleh Budi Santoso pada " in message_id
    assert message_id.endswith("sejak Anda membukanya.")
    assert "Commitment text was changed by Budi Santoso on " in message_en
    # Nothing of the refused save was written: not even its other, harmless field.
    record = workspace.records.get("commitment", rid)
    assert (record["text"], record["number"]) == ("Versi Budi.", None)
    assert _audit_count() == before


def test_other_fields_and_the_same_value_are_no_conflict(workspace: Workspace) -> None:
    rid = _commitment(workspace)
    _, seen = workspace.records.snapshot("commitment", rid)
    workspace.records.update("commitment", rid, {"text": "Teks baru."})
    # Another field, and the very value already saved, overwrite nothing newer.
    assert workspace.records.update(
        "commitment", rid, {"number": "7/2024", "text": "Teks baru."}, base=seen
    )
    record = workspace.records.get("commitment", rid)
    assert (record["text"], record["number"]) == ("Teks baru.", "7/2024")


def test_child_rows_changed_or_added_meanwhile(workspace: Workspace) -> None:
    rid = _commitment(workspace)
    record, seen = workspace.records.snapshot("commitment", rid)
    andi, rina = (r["id"] for r in record["signatories"])
    workspace.records.update(
        "commitment",
        rid,
        {"signatories": [{"id": andi, "position": "Plt. Kepala Dinas"}, {"id": rina}]},
    )
    # Changing the same cell, or deleting the row somebody changed, is refused.
    with pytest.raises(StaleEdit) as caught:
        workspace.records.update(
            "commitment",
            rid,
            {"signatories": [{"id": andi, "position": "Kepala"}, {"id": rina}]},
            base=seen,
        )
    assert caught.value.paths == [f"signatories[{andi}].position"]
    assert "Penandatangan: Jabatan diubah oleh" in caught.value.message("id")
    with pytest.raises(StaleEdit) as caught:
        workspace.records.update("commitment", rid, {"signatories": [{"id": rina}]}, base=seen)
    assert caught.value.paths == [f"signatories[{andi}]"]
    # Another cell of that row is fine; a row added meanwhile is kept although this
    # save's list (made before it existed) leaves it out.
    _, seen = workspace.records.snapshot("commitment", rid)
    new_row = {"name": "Dewi", "position": "Kepala Bappeda", "institution": "Bappeda"}
    workspace.records.update(
        "commitment", rid, {"signatories": [{"id": andi}, {"id": rina}, new_row]}
    )
    workspace.records.update(
        "commitment",
        rid,
        {"signatories": [{"id": andi, "institution": "Dinas A1"}]},
        base=seen,
    )
    rows = workspace.records.get("commitment", rid)["signatories"]
    assert [(r["name"], r["institution"]) for r in rows] == [
        ("Andi", "Dinas A1"),
        ("Dewi", "Bappeda"),
    ]
    assert rows[0]["position"] == "Plt. Kepala Dinas"


def test_a_record_moved_to_the_trash_meanwhile(workspace: Workspace) -> None:
    rid = _commitment(workspace)
    _, seen = workspace.records.snapshot("commitment", rid)
    _as(workspace, "Budi Santoso")
    workspace.records.delete("commitment", rid)
    with pytest.raises(StaleEdit) as caught:
        workspace.records.update("commitment", rid, {"number": "1"}, base=seen)
    assert caught.value.found[0].deleted
    assert "dipindahkan ke tempat sampah oleh Budi Santoso" in caught.value.message("id")
    assert "was moved to the trash by Budi Santoso" in caught.value.message("en")


def test_a_save_on_another_connection_between_open_and_save(workspace: Workspace) -> None:
    """Another thread has its own SQLite connection: a second writer on the same file."""
    rid = _commitment(workspace)
    _, seen = workspace.records.snapshot("commitment", rid)
    errors: list[BaseException] = []

    def other_writer() -> None:
        try:
            workspace.records.update("commitment", rid, {"text": "Dari koneksi lain."})
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            m.database.close()

    thread = threading.Thread(target=other_writer)
    thread.start()
    thread.join()
    assert not errors
    with pytest.raises(StaleEdit):
        workspace.records.update("commitment", rid, {"text": "Dari form lama."}, base=seen)
    assert workspace.records.get("commitment", rid)["text"] == "Dari koneksi lain."


def test_a_version_travels_as_one_word() -> None:
    version: dict[str, Any] = {"": {"text": "0190000000000000-dev"}, "signatories[x]": {}}
    token = staleness.encode(version)
    assert token.startswith("v1.") and " " not in token
    assert staleness.decode(token) == version
    for junk in ("", "v1.", "v1.!!!", "v2.abc", staleness.encode({"": {}})[:-3] + "xyz"):
        with pytest.raises(ValueError):
            staleness.decode(junk)
