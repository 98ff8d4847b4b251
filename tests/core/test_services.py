"""RecordService on both engines (SQLite data folder, PostgreSQL database): create, validate,
update, delete, search."""

from __future__ import annotations

from typing import Any

import pytest

from jipp_desktop.core import models as m
from jipp_desktop.core.errors import RecordNotFound, ValidationError
from jipp_desktop.core.query import ListQuery, fts_expression
from jipp_desktop.core.services import Cancelled
from jipp_desktop.core.workspace import Workspace


def _agency(ws: Workspace, name: str = "Biro Organisasi Setda Provinsi Banten") -> str:
    return ws.records.create("agency", {"name": name, "level": "province", "province_code": "36"})


def _innovation(ws: Workspace, **extra: Any) -> str:
    data = {
        "title": "Layanan Adminduk Keliling",
        "province_code": "36",
        "regency_code": "36.01",
        "problem": "Warga jauh dari kantor Dukcapil",
    }
    return ws.records.create("innovation", {**data, **extra})


def _table_counts() -> dict[str, int]:
    tables = [t for t in m.database.get_tables() if "fts" not in t]
    return {t: m.database.execute_sql(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}


def test_create_and_get_round_trip(workspace: Workspace) -> None:
    agency = _agency(workspace)
    rid = _innovation(workspace, agency_id=agency, is_digital="ya", year_started="2021")
    got = workspace.records.get("innovation", rid)
    assert got["title"] == "Layanan Adminduk Keliling"
    assert got["agency_id"] == agency
    assert got["is_digital"] is True and got["year_started"] == 2021
    assert got["stage"] == "initiative"  # the documented default
    assert got["updated_by"] == workspace.device_id and got["deleted"] is False


def test_bad_input_reports_every_field_in_both_languages_and_writes_nothing(
    workspace: Workspace,
) -> None:
    before = _table_counts()
    with pytest.raises(ValidationError) as caught:
        workspace.records.create(
            "innovation",
            {
                "title": " ",
                "province_code": "99",
                "regency_code": "53.15",
                "year_started": "tahun lalu",
                "agency_id": "missing-agency",
                "problem": "x" * 20_001,
                "colour": "red",
            },
        )
    errors = {e.field: e for e in caught.value.errors}
    assert set(errors) == {
        "title",
        "province_code",
        "year_started",
        "agency_id",
        "problem",
        "colour",
    }
    assert errors["title"].message_id == "Judul Inovasi wajib diisi."
    assert errors["title"].message_en == "Innovation title is required."
    assert "'99'" in errors["province_code"].message_id
    assert "20000" in errors["problem"].message_en
    assert _table_counts() == before


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("start_date", "2022-02-30", "date"),
        ("start_date", "28/09/2022", "date"),
        ("regency_code", "53.99", "region"),
        ("hub_id", "00000000-0000-0000-0000-000000000000", "dangling"),
    ],
)
def test_visit_rejects_impossible_values(
    workspace: Workspace, field: str, value: str, code: str
) -> None:
    hub = workspace.records.create("hub", {"province_code": "53", "name": "Simpul Inovasi NTT"})
    data = {"hub_id": hub, "start_date": "2022-09-27", "regency_code": "53.15", field: value}
    with pytest.raises(ValidationError) as caught:
        workspace.records.create("visit", data)
    assert [(e.field, e.code) for e in caught.value.errors] == [(field, code)]


def test_regency_must_lie_in_the_province(workspace: Workspace) -> None:
    with pytest.raises(ValidationError) as caught:
        _innovation(workspace, regency_code="53.15")
    assert caught.value.errors[0].code == "region_mismatch"


def test_end_date_before_start_date_is_refused(workspace: Workspace) -> None:
    hub = workspace.records.create("hub", {"province_code": "53", "name": "Simpul Inovasi NTT"})
    with pytest.raises(ValidationError) as caught:
        workspace.records.create(
            "visit",
            {
                "hub_id": hub,
                "start_date": "2022-09-28",
                "end_date": "2022-09-27",
                "regency_code": "53.15",
            },
        )
    assert caught.value.errors[0].message_id == "Tanggal Selesai tidak boleh sebelum Tanggal Mulai."


def test_nip_must_be_18_digits_with_a_birth_date(workspace: Workspace) -> None:
    base = {
        "kind": "hub_formation",
        "signed_on": "2022-09-28",
        "place_regency_code": "53.15",
        "province_code": "36",
        "text": "Kami berkomitmen membentuk simpul inovasi.",
    }
    bad = {
        "name": "Andi",
        "position": "Kepala Biro",
        "institution": "Pemprov Banten",
        "nip": "198613402015051001",
    }
    with pytest.raises(ValidationError) as caught:
        workspace.records.create("commitment", {**base, "signatories": [bad]})
    assert caught.value.errors[0].field == "signatories[0].nip"
    good = {**bad, "nip": "198609262015051001"}
    rid = workspace.records.create("commitment", {**base, "signatories": [good]})
    assert workspace.records.get("commitment", rid)["signatories"][0]["nip"] == good["nip"]


def test_update_children_by_id_and_history(workspace: Workspace) -> None:
    hub = workspace.records.create("hub", {"province_code": "53", "name": "Simpul Inovasi NTT"})
    rid = workspace.records.create(
        "visit",
        {
            "hub_id": hub,
            "start_date": "2022-09-27",
            "regency_code": "53.15",
            "obstacles": [
                {"description": "Anggaran terbatas", "category": "budget"},
                {"description": "SDM belum terlatih", "category": "human_resources"},
            ],
            "followups": [{"action": "Usulkan anggaran replikasi", "due_date": "2022-12-01"}],
        },
    )
    visit = workspace.records.get("visit", rid)
    first, second = visit["obstacles"]
    assert [first["sort_order"], second["sort_order"]] == [1, 2]
    changed = workspace.records.update(
        "visit",
        rid,
        {"findings": "Komitmen kuat", "obstacles": [{"id": first["id"], "severity": "high"}]},
    )
    assert changed
    visit = workspace.records.get("visit", rid)
    assert [o["id"] for o in visit["obstacles"]] == [first["id"]]
    assert visit["obstacles"][0]["severity"] == "high"
    assert visit["obstacles"][0]["description"] == "Anggaran terbatas"
    history = workspace.records.history("visit", rid)
    changes = {(h["action"], h["field"], h["old"], h["new"]) for h in history}
    assert ("update", "findings", None, "Komitmen kuat") in changes
    assert ("update", f"obstacles[{first['id']}].severity", "medium", "high") in changes
    assert ("delete", f"obstacles[{second['id']}]", None, None) in changes
    assert not workspace.records.update("visit", rid, {"findings": "Komitmen kuat"})


def test_update_refuses_a_child_of_another_record(workspace: Workspace) -> None:
    hub = workspace.records.create("hub", {"province_code": "53", "name": "Simpul Inovasi NTT"})
    base = {"hub_id": hub, "start_date": "2022-09-27", "regency_code": "53.15"}
    a = workspace.records.create("visit", {**base, "mentors": [{"name": "A", "institution": "X"}]})
    b = workspace.records.create("visit", base)
    foreign = workspace.records.get("visit", a)["mentors"][0]["id"]
    with pytest.raises(ValidationError) as caught:
        workspace.records.update("visit", b, {"mentors": [{"id": foreign, "name": "B"}]})
    assert caught.value.errors[0].code == "child_not_found"


def test_per_field_stamps_record_which_fields_changed(workspace: Workspace) -> None:
    rid = _innovation(workspace)
    row = m.Innovation.get(m.Innovation.id == rid)
    assert row.stamps == "{}"
    workspace.records.update("innovation", rid, {"title": "Adminduk Keliling Plus"})
    row = m.Innovation.get(m.Innovation.id == rid)
    import json

    stamps = json.loads(row.stamps)
    assert list(stamps) == ["title"] and stamps["title"] > row.hlc


def test_delete_goes_to_trash_and_restore_brings_it_back(workspace: Workspace) -> None:
    rid = _innovation(workspace)
    workspace.records.delete("innovation", rid)
    assert workspace.records.count("innovation") == 0
    assert [r["id"] for r in workspace.records.list("innovation", ListQuery(deleted=True))] == [rid]
    with pytest.raises(RecordNotFound):
        workspace.records.get("innovation", rid)
    with pytest.raises(RecordNotFound):
        workspace.records.update("innovation", rid, {"title": "x"})
    workspace.records.restore("innovation", rid)
    assert workspace.records.get("innovation", rid)["deleted"] is False
    row = m.Innovation.get(m.Innovation.id == rid)
    assert row.cl == 3  # created 1, deleted 2, restored 3
    actions = [h["action"] for h in workspace.records.history("innovation", rid)]
    assert actions == ["create", "delete", "restore"]


def test_restore_refuses_when_its_parent_is_gone(workspace: Workspace) -> None:
    agency = _agency(workspace)
    rid = _innovation(workspace, agency_id=agency)
    workspace.records.delete("innovation", rid)
    workspace.records.delete("agency", agency)
    with pytest.raises(ValidationError):
        workspace.records.restore("innovation", rid)


def test_full_text_search_prefix_and_injection_safe(workspace: Workspace) -> None:
    a = _innovation(workspace, title="Sistem Cepat Antar Akta Kelahiran")
    _innovation(workspace, title="Puskesmas Ramah Lansia", problem="Antrean panjang")
    found = workspace.records.list("innovation", ListQuery(search="akta kel"))
    assert [r["id"] for r in found] == [a]
    assert workspace.records.count("innovation", ListQuery(search="antre")) == 1
    for hostile in ('"', "NEAR(a b)", "title:akta", "AND OR NOT", "*", "a\"b'c"):
        workspace.records.list("innovation", ListQuery(search=hostile))
    assert fts_expression("  ") is None
    assert fts_expression('akta" OR x') == '"akta"* "OR"* "x"*'


def test_filters_sort_year_and_paging(workspace: Workspace) -> None:
    for i, (prov, reg) in enumerate([("36", "36.01"), ("36", "36.02"), ("53", "53.15")]):
        workspace.records.create(
            "innovation",
            {
                "title": f"Inovasi {3 - i}",
                "province_code": prov,
                "regency_code": reg,
                "year_started": 2020 + i,
            },
        )
    rows = workspace.records.list("innovation", ListQuery(filters={"province_code": "36"}))
    assert [r["title"] for r in rows] == ["Inovasi 2", "Inovasi 3"]
    rows = workspace.records.list(
        "innovation", ListQuery(sort="year_started", descending=True, limit=2)
    )
    assert [r["year_started"] for r in rows] == [2022, 2021]
    assert workspace.records.count("innovation", ListQuery(year=2021)) == 1
    seqs = workspace.records.seqs("innovation", ListQuery(sort="title"))
    rows = workspace.records.rows_by_seq("innovation", list(reversed(seqs)))
    assert [r["title"] for r in rows] == ["Inovasi 3", "Inovasi 2", "Inovasi 1"]
    with pytest.raises(ValidationError):
        workspace.records.list("innovation", ListQuery(sort="password"))


def test_province_filter_reaches_records_that_only_have_a_regency(workspace: Workspace) -> None:
    hub = workspace.records.create("hub", {"province_code": "53", "name": "Simpul Inovasi NTT"})
    workspace.records.create(
        "visit",
        {
            "hub_id": hub,
            "start_date": "2022-09-27",
            "regency_code": "53.15",
            "agenda": "Rencana aksi",
        },
    )
    assert workspace.records.count("visit", ListQuery(filters={"province_code": "53"})) == 1
    assert workspace.records.count("visit", ListQuery(filters={"province_code": "36"})) == 0
    assert workspace.records.count("visit", ListQuery(search="rencana")) == 1


def test_create_many_is_all_or_nothing_and_cancellable(workspace: Workspace) -> None:
    items = [{"title": f"Inovasi {i}", "province_code": "36"} for i in range(1200)]
    with pytest.raises(ValidationError) as caught:
        workspace.records.create_many("innovation", [*items, {"title": "", "province_code": "36"}])
    assert caught.value.errors[0].field == "[1200].title"
    assert workspace.records.count("innovation") == 0
    with pytest.raises(Cancelled):
        workspace.records.create_many("innovation", items, progress=lambda done, total: done < 600)
    assert workspace.records.count("innovation") == 0
    seen: list[int] = []
    ids = workspace.records.create_many(
        "innovation", items, progress=lambda d, t: seen.append(d) is None
    )
    assert len(set(ids)) == 1200 and seen[-1] == 1200
    assert workspace.records.count("innovation") == 1200


def test_attachments_are_stored_once_by_hash(workspace: Workspace, tmp_path: Any) -> None:
    rid = _innovation(workspace)
    photo = tmp_path / "foto.jpg"
    photo.write_bytes(b"\xff\xd8 not really a jpeg")
    a1 = workspace.attachments.add("innovation", rid, photo, caption="Peluncuran")
    workspace.attachments.add("innovation", rid, photo)
    listed = workspace.attachments.list("innovation", rid)
    assert listed[0]["id"] == a1 and len(listed) == 2
    assert listed[0]["mime"] == "image/jpeg"
    if workspace.on_postgresql:
        # In the database, where every workstation reads it; files only as a cache.
        assert not (workspace.data_dir / "attachments").exists()
        assert m.database.execute_sql("SELECT count(*) FROM attachment_blob").fetchone()[0] == 1
    else:
        blobs = list((workspace.data_dir / "attachments").rglob("*"))
        assert len([b for b in blobs if b.is_file()]) == 1
    assert workspace.attachments.blob_path(listed[0]["sha256"]).read_bytes() == photo.read_bytes()
    workspace.attachments.remove(a1)
    assert len(workspace.attachments.list("innovation", rid)) == 1
    assert any(h["action"] == "detach" for h in workspace.records.history("innovation", rid))
    with pytest.raises(ValidationError):
        workspace.attachments.add("innovation", rid, tmp_path / "missing.png")


def test_list_rows_are_exactly_what_get_shows(workspace: Workspace) -> None:
    agency = _agency(workspace)
    rid = _innovation(workspace, agency_id=agency, is_digital=True, year_started=2022)
    listed = workspace.records.list("innovation", ListQuery(search="adminduk"))[0]
    by_seq = workspace.records.rows_by_seq("innovation", [listed["seq"]])[0]
    shown = workspace.records.get("innovation", rid)
    assert listed == by_seq == shown


def test_replications_are_found_by_their_innovations_text(workspace: Workspace) -> None:
    source = _innovation(workspace, title="Sistem Cepat Antar Akta Kelahiran")
    other = _innovation(workspace, title="Puskesmas Ramah Lansia")
    for innovation, notes in ((source, "Adopsi penuh"), (other, "Tahap persiapan")):
        workspace.records.create(
            "replication", {"innovation_id": innovation, "province_code": "53", "notes": notes}
        )
    found = workspace.records.list("replication", ListQuery(search="akta kel"))
    assert [r["innovation_id"] for r in found] == [source]
    assert workspace.records.count("replication", ListQuery(search="persiapan")) == 1
