"""What the database's own triggers keep, the same on both engines: each changed field's
version vector (sync_field) and the change marker the digest cache reads."""

from __future__ import annotations

import json

import pytest

from jipp_desktop.core import engine
from jipp_desktop.core.workspace import Workspace
from jipp_desktop.sync import db


def _vectors(record_id: str) -> dict[str, tuple[str, dict[str, str]]]:
    rows = db.sql("SELECT field, stamp, vv FROM sync_field WHERE row_id = ?", (record_id,))
    return {field: (stamp, json.loads(vv)) for field, stamp, vv in rows}


def _marker() -> int:
    return int(db.sql("SELECT counter FROM change_marker WHERE id = 1").fetchone()[0])


def _stamps(ws: Workspace, record_id: str) -> dict[str, str]:
    row = db.sql("SELECT stamps FROM innovation WHERE id = ?", (record_id,)).fetchone()
    return dict(json.loads(row[0]))


def test_each_changed_field_gets_its_version_vector(workspace: Workspace, engine_name: str) -> None:
    assert engine.kind() == engine_name
    me = workspace.device_id
    rid = workspace.records.create("innovation", {"title": "Arsip Digital", "province_code": "53"})
    assert _vectors(rid) == {}
    workspace.records.update("innovation", rid, {"title": "Arsip Digital Desa"})
    first = _stamps(workspace, rid)["title"]
    assert _vectors(rid) == {"title": (first, {me: first})}
    workspace.records.update(
        "innovation", rid, {"title": "Arsip Desa", "category": "Lainnya: Tata Kelola"}
    )
    stamps = _stamps(workspace, rid)
    assert stamps["title"] > first
    assert _vectors(rid) == {
        "title": (stamps["title"], {me: stamps["title"]}),
        "category": (stamps["category"], {me: stamps["category"]}),
    }
    workspace.records.delete("innovation", rid)
    cl = _stamps(workspace, rid)["_cl"]
    assert _vectors(rid)["_cl"] == (cl, {me: cl})


def test_the_change_marker_moves_with_each_committed_write_only(workspace: Workspace) -> None:
    before = _marker()
    rid = workspace.records.create("innovation", {"title": "Arsip Digital", "province_code": "53"})
    after_create = _marker()
    assert after_create > before
    with pytest.raises(RuntimeError), workspace.records._db.atomic():
        workspace.records.update("innovation", rid, {"title": "Tidak Jadi"})
        raise RuntimeError("rolled back")
    assert _marker() == after_create
    assert workspace.records.get("innovation", rid)["title"] == "Arsip Digital"


def test_a_long_write_moves_the_marker_once_per_transaction(workspace: Workspace) -> None:
    """On PostgreSQL a row updated by every statement of a transaction made long imports
    quadratic; the marker only needs to differ after each committed write."""
    before = _marker()
    with workspace.records._db.atomic():
        for n in range(3):
            workspace.records.create("innovation", {"title": f"Arsip {n}", "province_code": "53"})
        inside = _marker()
    assert _marker() == inside > before
    if engine.is_postgresql():
        assert inside == before + 1
    workspace.records.create("innovation", {"title": "Arsip 3", "province_code": "53"})
    assert _marker() > inside
