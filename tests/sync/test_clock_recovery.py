"""A laptop whose clock ran weeks ahead recovers once the clock is corrected (issue 8, item 7).

The wall clock is injected into the workspace; one test moves it for real with faketime.
In the second run the laptop whose clock ran ahead (A) is a workstation of a PostgreSQL
database: the repair moves the stamps there, under the database's shared clock.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import subprocess
import sys
from pathlib import Path

import pytest
from sync_helpers import Fleet, Laptop, cli, db_dump_hash, seed, workstation_of

from jipp_desktop.core import clockfix
from jipp_desktop.core import models as m
from jipp_desktop.core.clock import MAX_DRIFT_MS, Stamp, now_ms
from jipp_desktop.core.registry import SYNCED_MODELS
from jipp_desktop.core.workspace import open_workspace
from jipp_desktop.sync import conflicts, digest, exporter, importer
from jipp_desktop.sync.errors import SyncError

DAY_MS = 24 * 3_600_000


def _ahead(days: int) -> int:
    return now_ms() + days * DAY_MS


def _edit_while_ahead(a: Laptop, days: int = 30) -> dict[str, str]:
    """Records created and edited while A's clock runs ``days`` ahead, then closed."""
    ws = open_workspace(a.folder, wall=lambda: _ahead(days))
    try:
        ids = seed(ws)
        ws.records.update("innovation", ids["innovation"], {"title": "Antrian Daring v2"})
        ws.records.delete("visit", ids["visit"])
        return ids
    finally:
        ws.close()


def _own_future_stamps(a: Laptop) -> set[str]:
    with a.open() as ws:
        return clockfix._Found.collect(ws.device_id, now_ms()).stamps


def test_corrected_clock_restamps_and_peers_accept(fleet: Fleet, tmp_path: Path) -> None:
    a, b = fleet.add("Laptop A", postgresql=fleet.mixed), fleet.add("Laptop B")
    fleet.trust_all()
    ids = _edit_while_ahead(a)
    # Exported while still ahead: B refuses, naming A, how far ahead and what to do.
    ws = open_workspace(a.folder, wall=lambda: _ahead(30))
    try:
        assert ws.clock_repair is None  # the stamps agree with this (wrong) clock
        exporter.export(ws, tmp_path / "early.jipp", full=True)
    finally:
        ws.close()
    with b.open() as ws, pytest.raises(SyncError) as refused:
        importer.import_package(ws, tmp_path / "early.jipp")
    assert refused.value.exit_status == 3
    assert "Laptop A" in refused.value.message_id and a.device_id in refused.value.message_id
    assert "29 hari" in refused.value.message_id or "30 hari" in refused.value.message_id
    assert "perbaiki tanggal dan jam" in refused.value.message_id.lower()
    assert "Laptop A" in refused.value.message_en and "days" in refused.value.message_en

    # The clock is corrected: the next start re-stamps A's own changes.
    with a.open() as ws:
        repair = ws.clock_repair
        assert repair is not None and repair.repaired
        assert repair.restamped >= 8 and repair.records == 4
        assert ws.clock.last.wall_ms - now_ms() < MAX_DRIFT_MS
        assert "30 hari" in repair.message("id") or "29 hari" in repair.message("id")
        history = ws.records.history("innovation", ids["innovation"])
        moved = [h for h in history if h["action"] == "restamp"]
        assert {h["field"] for h in moved} == {None, "title"}
        assert {h["workstation"] for h in moved} == {workstation_of(ws, "Laptop A")}
        for entry in moved:  # both times kept: the wrong one, about 30 days after the new one
            gap = _iso_ms(entry["old"]) - _iso_ms(entry["new"])
            assert 29 * DAY_MS < gap < 31 * DAY_MS
        exporter.export(ws, tmp_path / "fixed.jipp", full=True)
        before = ws.records.get("innovation", ids["innovation"])
    assert _own_future_stamps(a) == set()

    with b.open() as ws:
        report = importer.import_package(ws, tmp_path / "fixed.jipp")
        assert report.total.new >= 6
        assert ws.records.get("innovation", ids["innovation"])["title"] == "Antrian Daring v2"
        assert ws.records.get("visit", ids["visit"], include_deleted=True)["deleted"]
        after = ws.records.get("innovation", ids["innovation"])
        # updated_at is when this laptop wrote the row: local, not synced.
        assert {**after, "updated_at": None} == {**before, "updated_at": None}
        b_digest = report.digest
    with a.open() as ws:
        assert ws.clock_repair is None  # once repaired, a start finds nothing
        assert digest.dataset_digest() == b_digest


def _iso_ms(text: str) -> int:
    return int(dt.datetime.fromisoformat(text).timestamp() * 1000)


def test_edits_after_the_repair_travel_as_later_changes(fleet: Fleet, tmp_path: Path) -> None:
    a, b = fleet.add("Laptop A", postgresql=fleet.mixed), fleet.add("Laptop B")
    fleet.trust_all()
    ids = _edit_while_ahead(a)
    with a.open() as ws:
        assert ws.clock_repair is not None
        exporter.export(ws, tmp_path / "1.jipp", for_device=b.device_id)
    with b.open() as ws:
        importer.import_package(ws, tmp_path / "1.jipp")
        exporter.export(ws, tmp_path / "back.jipp", for_device=a.device_id)
    with a.open() as ws:
        importer.import_package(ws, tmp_path / "back.jipp")  # A learns what B holds
        ws.records.update("innovation", ids["innovation"], {"title": "Antrian Daring v3"})
        result = exporter.export(ws, tmp_path / "2.jipp", for_device=b.device_id)
        assert result.rows == 1  # only the new edit: the re-stamped changes reached B already
    with b.open() as ws:
        importer.import_package(ws, tmp_path / "2.jipp")
        assert ws.records.get("innovation", ids["innovation"])["title"] == "Antrian Daring v3"


def test_a_wall_clock_in_the_past_changes_nothing(fleet: Fleet) -> None:
    a = fleet.add("Laptop A", postgresql=fleet.mixed)
    with a.open() as ws:
        seed(ws)
    before = db_dump_hash(a.folder)
    flat_battery = 946_684_800_000  # 2000-01-01: a CMOS reset, not a corrected clock
    ws = open_workspace(a.folder, wall=lambda: flat_battery)
    try:
        repair = ws.clock_repair
        assert repair is not None and not repair.repaired
        assert "Tidak ada data yang diubah" in repair.message("id")
        assert "2000-01-01" in repair.message("en")
    finally:
        ws.close()
    assert db_dump_hash(a.folder) == before


def test_export_checks_the_clock_first(fleet: Fleet, tmp_path: Path) -> None:
    """The clock corrected while the app stays open: the export repairs before writing."""
    a, b = fleet.add("Laptop A", postgresql=fleet.mixed), fleet.add("Laptop B")
    fleet.trust_all()
    wall = [_ahead(30)]
    ws = open_workspace(a.folder, wall=lambda: wall[0])
    try:
        ids = seed(ws)
        wall[0] = now_ms()
        result = exporter.export(ws, tmp_path / "p.jipp", full=True)
        assert result.clock_repair is not None and result.clock_repair.repaired
    finally:
        ws.close()
    with b.open() as ws:
        importer.import_package(ws, tmp_path / "p.jipp")
        assert ws.records.get("agency", ids["agency"])["name"] == "Dinas Kominfo Banten"


def _run_cli(folder: Path, *argv: str, fake: str | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "jipp_desktop", "--data-dir", str(folder), *argv]
    if fake is not None:
        command = ["faketime", "-f", fake, *command]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


@pytest.mark.skipif(sys.platform == "win32", reason="faketime is a Linux (LD_PRELOAD) tool")
def test_faketime_cli_edit_ahead_then_export_after_correction(fleet: Fleet, tmp_path: Path) -> None:
    a, b = fleet.add("Laptop A", postgresql=fleet.mixed), fleet.add("Laptop B")
    fleet.trust_all()
    record = tmp_path / "agency.json"
    record.write_text(
        json.dumps({"name": "Dinas Masa Depan", "level": "province", "province_code": "36"}),
        encoding="utf-8",
    )
    added = _run_cli(a.folder, "record", "add", "agency", "--json", str(record), fake="+30d")
    assert added.returncode == 0, added.stderr
    agency_id = added.stdout.strip().split()[-1]

    target = tmp_path / "p.jipp"
    exported = _run_cli(a.folder, "--lang", "en", "sync", "export", "--full", "--to", str(target))
    assert exported.returncode == 0, exported.stderr
    assert "ahead of the real time" in exported.stderr
    assert "stamped again" in exported.stderr

    status = cli("--data-dir", str(b.folder), "sync", "import", str(target))
    assert status.status == 0, status.err
    shown = cli("--data-dir", str(b.folder), "record", "show", "agency", agency_id)
    assert json.loads(shown.out)["name"] == "Dinas Masa Depan"


def test_a_repair_after_a_peer_ahead_sends_consistent_histories(
    fleet: Fleet, tmp_path: Path
) -> None:
    """The minimal case of the schedule the convergence test found: A holds a stamp of its
    own a little ahead of its wall clock (it made a change after receiving B's, whose clock
    is a minute fast), then edits while days ahead.  The repair must give that edit a
    history that covers its own new stamp, or B refuses A's package as damaged."""
    a, b = fleet.add("Laptop A", postgresql=fleet.mixed), fleet.add("Laptop B")
    fleet.trust_all()
    ws = open_workspace(b.folder, wall=lambda: now_ms() + 60_000)
    try:
        shared = ws.records.create("agency", {"name": "Dinas B", "level": "province"})
        exporter.export(ws, tmp_path / "b.jipp", full=True)
    finally:
        ws.close()
    with a.open() as ws:
        importer.import_package(ws, tmp_path / "b.jipp")
        ws.records.create("agency", {"name": "Dinas A", "level": "province"})
    ws = open_workspace(a.folder, wall=lambda: _ahead(3))
    try:
        ws.records.update("agency", shared, {"name": "Dinas B (ralat)"})
    finally:
        ws.close()
    with a.open() as ws:
        assert ws.clock_repair is not None and ws.clock_repair.repaired
        exporter.export(ws, tmp_path / "a.jipp", for_device=b.device_id)
        a_digest = digest.dataset_digest()
    with b.open() as ws:
        report = importer.import_package(ws, tmp_path / "a.jipp")
        assert ws.records.get("agency", shared)["name"] == "Dinas B (ralat)"
        assert report.digest == a_digest


def _stamp_places(device: str) -> dict[tuple[str, ...], str]:
    """Every stamp kept in the open database, by where it is (read here independently of
    core/clockfix.py, so the test checks the repair rather than repeating it)."""
    sql = m.database.execute_sql
    found: dict[tuple[str, ...], str] = {}
    for model in SYNCED_MODELS:
        table = str(model._meta.table_name)
        for rid, hlc, stamps in sql(f"SELECT id, hlc, stamps FROM {table}"):
            found[(table, rid, "hlc")] = hlc
            for name, stamp in json.loads(stamps).items():
                found[(table, rid, "stamps", name)] = stamp
    for tbl, rid, name, stamp, vv in sql("SELECT tbl, row_id, field, stamp, vv FROM sync_field"):
        found[("sync_field", tbl, rid, name)] = stamp
        for origin, seen in json.loads(vv).items():
            found[("sync_field", tbl, rid, name, "vv", origin)] = seen
    columns = "loser_stamp, winner_stamp, resolved_stamp, stamp"
    for tbl, rid, name, *stamps, vv in sql(
        f"SELECT tbl, row_id, field, {columns}, loser_vv FROM sync_conflict"
    ):
        for column, stamp in zip(columns.split(", "), stamps, strict=True):
            if stamp is not None:
                found[("sync_conflict", tbl, rid, name, column)] = stamp
        for origin, seen in json.loads(vv or "{}").items():
            found[("sync_conflict", tbl, rid, name, "loser_vv", origin)] = seen
    for peer, origin, stamp in sql("SELECT peer, origin, stamp FROM sync_vector"):
        found[("sync_vector", peer, origin)] = stamp
    return found


def _kind(place: tuple[str, ...]) -> tuple[str, ...]:
    """A place without its row ids: ("agency", "stamps", "name"), ("sync_field", "name")..."""
    skip = 3 if place[0] in ("sync_field", "sync_conflict") else 2
    return place[:1] + place[skip:]


def test_every_moved_stamp_goes_through_one_monotone_mapping(fleet: Fleet, tmp_path: Path) -> None:
    """Row stamps, child rows, field histories, conflicts (a field's and a deletion's) and
    what peers hold: after the repair each stamp is f(its old stamp) for one monotone f
    that moves only the stamps of this laptop a peer would refuse, and the peer accepts."""
    a, b = fleet.add("Laptop A", postgresql=fleet.mixed), fleet.add("Laptop B")
    fleet.trust_all()
    b_wall = lambda: now_ms() + 60_000  # noqa: E731  (B's clock is a minute fast)
    ws = open_workspace(b.folder, wall=b_wall)
    try:
        x = ws.records.create("agency", {"name": "Dinas X", "level": "province"})
        y = ws.records.create("agency", {"name": "Dinas Y", "level": "province"})
        exporter.export(ws, tmp_path / "b1.jipp", full=True)
    finally:
        ws.close()
    with a.open() as ws:  # A's own stamps now run a minute ahead of its wall clock
        importer.import_package(ws, tmp_path / "b1.jipp")
        ids = seed(ws)
        exporter.export(ws, tmp_path / "a1.jipp", for_device=b.device_id)
    ws = open_workspace(b.folder, wall=b_wall)
    try:
        importer.import_package(ws, tmp_path / "a1.jipp")
        ws.records.update("agency", x, {"name": "Dinas X (B)"})
        ws.records.update("agency", y, {"short_name": "DY"})
        exporter.export(ws, tmp_path / "b2.jipp", for_device=a.device_id)
    finally:
        ws.close()
    ws = open_workspace(a.folder, wall=lambda: _ahead(3))
    try:
        ws.records.update("agency", x, {"name": "Dinas X (A)"})
        ws.records.update("agency", x, {"name": "Dinas X (A2)", "short_name": "DX"})
        ws.records.delete("agency", y)
        ws.records.create("agency", {"name": "Dinas Baru", "level": "province"})
        visit = ws.records.get("visit", ids["visit"])
        ws.records.update(
            "visit", ids["visit"], {"obstacles": [*visit["obstacles"], {"description": "Banjir"}]}
        )
        importer.import_package(ws, tmp_path / "b2.jipp")  # B's: both concurrent with A's
        before = _stamp_places(a.device_id)
    finally:
        ws.close()
    limit = now_ms() + MAX_DRIFT_MS
    with a.open() as ws:
        assert ws.clock_repair is not None and ws.clock_repair.repaired
        after = _stamp_places(a.device_id)
        # A conflict's id follows the stamp that names it, as a peer would derive it.
        for cid, tbl, rid, name, loser, winner in m.database.execute_sql(
            "SELECT id, tbl, row_id, field, loser_stamp, winner_stamp FROM sync_conflict"
        ):
            key = winner if name == "_cl" else loser
            assert cid == conflicts.conflict_id(tbl, rid, name, key)
        exporter.export(ws, tmp_path / "a2.jipp", for_device=b.device_id)
    assert after.keys() == before.keys()
    mapping: dict[str, str] = {}
    for place, old in before.items():
        new = after[place]
        if Stamp.parse(old).device == a.device_id and Stamp.parse(old).wall_ms > limit:
            assert mapping.setdefault(old, new) == new, place
            assert Stamp.parse(new).wall_ms <= limit
        else:
            assert new == old, place
            mapping[old] = old
    moved = {_kind(place) for place, old in before.items() if mapping[old] != old}
    # The schedule reaches every kind of place: row, child row, field and deletion stamps,
    # histories, and both conflicts (the field's and the deletion's, named by A's stamp).
    assert {
        ("agency", "hlc"),
        ("agency", "stamps", "name"),
        ("agency", "stamps", "_cl"),
        ("visit_obstacle", "hlc"),
        ("sync_field", "name", "vv", a.device_id),
        ("sync_conflict", "name", "winner_stamp"),
        ("sync_conflict", "_cl", "winner_stamp"),
    } <= moved
    pairs = sorted(mapping.items())
    assert all(n1 <= n2 for (_o1, n1), (_o2, n2) in itertools.pairwise(pairs))
    assert len(set(mapping.values())) == len(mapping)  # no two stamps merged into one
    ws = open_workspace(b.folder, wall=b_wall)
    try:
        importer.import_package(ws, tmp_path / "a2.jipp")
        exporter.export(ws, tmp_path / "b3.jipp", for_device=a.device_id)
        b_digest = digest.dataset_digest()
        assert ws.records.get("agency", x)["name"] == "Dinas X (A2)"
    finally:
        ws.close()
    with a.open() as ws:
        importer.import_package(ws, tmp_path / "b3.jipp")
        assert digest.dataset_digest() == b_digest


def test_a_second_repair_never_issues_a_stamp_again(fleet: Fleet, tmp_path: Path) -> None:
    """The schedule the convergence test found next: the stamp the first repair gave an
    edit is overwritten by a second edit made while days ahead, so it is nowhere in the
    data when the second repair runs; the clock must still not issue it again (it may have
    left this laptop meanwhile), though the newest stamp kept is older."""
    a, b = fleet.add("Laptop A", postgresql=fleet.mixed), fleet.add("Laptop B")
    fleet.trust_all()
    ws = open_workspace(b.folder, wall=lambda: now_ms() + 60_000)
    try:
        shared = ws.records.create("agency", {"name": "Dinas B", "level": "province"})
        exporter.export(ws, tmp_path / "b.jipp", full=True)
    finally:
        ws.close()
    with a.open() as ws:
        importer.import_package(ws, tmp_path / "b.jipp")
    given = []
    for name in ("Dinas B (ralat)", "Dinas B (ralat 2)"):
        ws = open_workspace(a.folder, wall=lambda: _ahead(3))
        try:
            ws.records.update("agency", shared, {"name": name})
        finally:
            ws.close()
        with a.open() as ws:
            assert ws.clock_repair is not None and ws.clock_repair.repaired
            given.append(json.loads(m.Agency.get(m.Agency.id == shared).stamps)["name"])
    assert given[0] < given[1]
