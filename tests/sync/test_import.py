"""Export and import between simulated laptops: summaries, conflicts, deletions, relays."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from sync_helpers import Fleet, cli, db_dump_hash, seed, workstation_of

from jipp_desktop.core import models as m
from jipp_desktop.core.clock import now_ms
from jipp_desktop.core.services import Cancelled
from jipp_desktop.sync import conflicts, digest, exporter, identity, importer, peers
from jipp_desktop.sync import report as sync_report
from jipp_desktop.sync.errors import BadPassphrase, ExportCancelled, UntrustedSender


def _pair(fleet: Fleet) -> tuple:
    a, b = fleet.add("Laptop A"), fleet.add("Laptop B")
    fleet.trust_all()
    return a, b


def test_device_key_is_owner_only_and_stable(fleet: Fleet) -> None:
    a = fleet.add("Laptop A")
    key_file = a.folder / identity.KEY_FILE
    assert stat.S_IMODE(os.stat(key_file).st_mode) == 0o600
    with a.open() as ws:
        assert identity.load_or_create(ws.data_dir).fingerprint == a.fingerprint
    assert identity.normalise_fingerprint(a.fingerprint.lower().replace("-", " ")) == a.fingerprint
    assert identity.normalise_fingerprint("not a fingerprint") is None


def test_full_export_import_same_digest_and_dry_run_agrees(fleet: Fleet, tmp_path: Path) -> None:
    a, b = _pair(fleet)
    with a.open() as ws:
        ids = seed(ws)
        ws.records.update("agency", ids["agency"], {"short_name": "Kominfo"})
        exporter.export(ws, tmp_path / "a.jipp", full=True)
        expected = digest.dataset_digest()
    with b.open() as ws:
        preview = importer.import_package(ws, tmp_path / "a.jipp", dry_run=True)
        assert digest.dataset_digest() != expected  # the dry run left nothing behind
        report = importer.import_package(ws, tmp_path / "a.jipp")
        assert preview.as_dict()["counts"] == report.as_dict()["counts"]
        assert report.total.new == 6 and report.total.conflicts == 0
        assert digest.dataset_digest() == expected
        assert ws.records.get("agency", ids["agency"])["short_name"] == "Kominfo"
        assert sync_report.load_named(ws.data_dir, str(report.report_name)).digest == expected
        # A laptop keeps it as a file; the ministry's database as a row every workstation
        # lists (test_import_reports.py).
        assert (report.report_path is None) == ws.on_postgresql
        history = ws.records.history("agency", ids["agency"])
        assert {h["action"] for h in history} == {"sync"}
        # Applied here: the audit names the laptop that imported the package.
        assert {h["workstation"] for h in history} == {workstation_of(ws, "Laptop B")}
        again = importer.import_package(ws, tmp_path / "a.jipp")
        assert again.already_applied and again.nothing_new


def test_concurrent_edits_keep_the_loser_as_a_conflict_and_resolution_travels(
    fleet: Fleet, tmp_path: Path
) -> None:
    a, b = _pair(fleet)
    with a.open() as ws:
        ids = seed(ws)
        exporter.export(ws, tmp_path / "a0.jipp")
    with b.open() as ws:
        importer.import_package(ws, tmp_path / "a0.jipp")
        ws.records.update("agency", ids["agency"], {"name": "Nama dari B"})
        exporter.export(ws, tmp_path / "b1.jipp", for_device=a.device_id)
    with a.open() as ws:
        ws.records.update("agency", ids["agency"], {"name": "Nama dari A"})
        report = importer.import_package(ws, tmp_path / "b1.jipp")
        assert report.total.conflicts == 1
        winner = ws.records.get("agency", ids["agency"])["name"]
        (found,) = conflicts.list_conflicts()
        assert {found["current"], found["other"]} == {"Nama dari A", "Nama dari B"}
        assert found["current"] == winner
        exporter.export(ws, tmp_path / "a1.jipp", for_device=b.device_id)
    with b.open() as ws:
        importer.import_package(ws, tmp_path / "a1.jipp")
        assert ws.records.get("agency", ids["agency"])["name"] == winner
        (same,) = conflicts.list_conflicts()
        assert same["id"] == found["id"]
        assert conflicts.resolve(ws, same["id"], "other")
        assert ws.records.get("agency", ids["agency"])["name"] == found["other"]
        exporter.export(ws, tmp_path / "b2.jipp", for_device=a.device_id)
        expected = digest.dataset_digest()
    with a.open() as ws:
        importer.import_package(ws, tmp_path / "b2.jipp")
        assert ws.records.get("agency", ids["agency"])["name"] == found["other"]
        assert conflicts.list_conflicts() == []
        assert digest.dataset_digest() == expected


def test_deliberate_overwrite_is_no_conflict(fleet: Fleet, tmp_path: Path) -> None:
    a, b = _pair(fleet)
    with a.open() as ws:
        ids = seed(ws)
        exporter.export(ws, tmp_path / "a0.jipp")
    with b.open() as ws:
        importer.import_package(ws, tmp_path / "a0.jipp")
        ws.records.update("hub", ids["hub"], {"name": "Simpul Banten (B)"})
        exporter.export(ws, tmp_path / "b1.jipp")
    with a.open() as ws:
        report = importer.import_package(ws, tmp_path / "b1.jipp")
        assert report.total.conflicts == 0 and report.total.updated == 1
        assert ws.records.get("hub", ids["hub"])["name"] == "Simpul Banten (B)"


def test_delete_concurrent_with_edit_stays_deleted_and_is_reviewed(
    fleet: Fleet, tmp_path: Path
) -> None:
    a, b = _pair(fleet)
    with a.open() as ws:
        ids = seed(ws)
        exporter.export(ws, tmp_path / "a0.jipp")
    with b.open() as ws:
        importer.import_package(ws, tmp_path / "a0.jipp")
        ws.records.delete("innovation", ids["innovation"])
        exporter.export(ws, tmp_path / "b1.jipp")
    with a.open() as ws:
        ws.records.update("innovation", ids["innovation"], {"problem": "Antrian panjang"})
        report = importer.import_package(ws, tmp_path / "b1.jipp")
        assert report.total.deletions == 1 and report.total.conflicts == 1
        row = ws.records.get("innovation", ids["innovation"], include_deleted=True)
        assert row["deleted"] and row["problem"] == "Antrian panjang"
        (found,) = conflicts.list_conflicts()
        assert found["field"] == conflicts.LIFE
        conflicts.resolve(ws, found["id"], "other")
        assert not ws.records.get("innovation", ids["innovation"])["deleted"]
        exporter.export(ws, tmp_path / "a1.jipp")
    with b.open() as ws:
        importer.import_package(ws, tmp_path / "a1.jipp")
        assert ws.records.get("innovation", ids["innovation"])["problem"] == "Antrian panjang"


def test_incremental_export_holds_only_what_the_peer_lacks(fleet: Fleet, tmp_path: Path) -> None:
    a, b = _pair(fleet)
    with a.open() as ws:
        ids = seed(ws)
        exporter.export(ws, tmp_path / "a0.jipp")
    with b.open() as ws:
        importer.import_package(ws, tmp_path / "a0.jipp")
        exporter.export(ws, tmp_path / "b0.jipp", for_device=a.device_id)
    with a.open() as ws:
        importer.import_package(ws, tmp_path / "b0.jipp")
        ws.records.update("hub", ids["hub"], {"portal_name": "portal.bantenprov.go.id"})
        small = exporter.export(ws, tmp_path / "a1.jipp", for_device=b.device_id)
        assert small.rows == 1 and not small.full
        full = exporter.export(ws, tmp_path / "a2.jipp", full=True)
        assert full.rows == 6
    with b.open() as ws:
        report = importer.import_package(ws, tmp_path / "a1.jipp")
        assert report.total.updated == 1
        stale = importer.import_package(ws, tmp_path / "a0.jipp")
        assert stale.already_applied


def test_relay_and_gaps(fleet: Fleet, tmp_path: Path) -> None:
    a, b = _pair(fleet)
    c = fleet.add("Laptop C")
    fleet.trust_all()
    with c.open() as ws:
        exporter.export(ws, tmp_path / "c0.jipp")
    with a.open() as ws:
        importer.import_package(ws, tmp_path / "c0.jipp")  # now A knows what C holds
        ids = seed(ws)
        exporter.export(ws, tmp_path / "a1.jipp")
        ws.records.update("hub", ids["hub"], {"notes": "kedua"})
        exporter.export(ws, tmp_path / "a2-for-c.jipp", for_device=c.device_id)
        ws.records.update("hub", ids["hub"], {"notes": "ketiga"})
        exporter.export(ws, tmp_path / "a3-for-c.jipp", for_device=c.device_id)
    with b.open() as ws:
        importer.import_package(ws, tmp_path / "a1.jipp")
        exporter.export(ws, tmp_path / "b1.jipp")
    with c.open() as ws:
        importer.import_package(ws, tmp_path / "b1.jipp")  # A's records relayed by B
        assert ws.records.get("hub", ids["hub"])["name"] == "Simpul Inovasi Banten"
        importer.import_package(ws, tmp_path / "a3-for-c.jipp")
        assert ws.records.get("hub", ids["hub"])["notes"] == "ketiga"
        (gap,) = peers.gaps(ws)
        assert gap.seq == 1 and "Laptop A" in gap.message("en")
        late = importer.import_package(ws, tmp_path / "a2-for-c.jipp")
        assert late.nothing_new
        assert ws.records.get("hub", ids["hub"])["notes"] == "ketiga"
        assert peers.gaps(ws) == []


def test_untrusted_sender_is_refused_before_anything(fleet: Fleet, tmp_path: Path) -> None:
    a, b = fleet.add("Laptop A"), fleet.add("Laptop B")
    with a.open() as ws:
        seed(ws)
        exporter.export(ws, tmp_path / "a.jipp")
    before = db_dump_hash(b.folder)
    with b.open() as ws, pytest.raises(UntrustedSender) as caught:
        importer.import_package(ws, tmp_path / "a.jipp")
    assert caught.value.fingerprint == a.fingerprint and caught.value.sender_name == "Laptop A"
    assert db_dump_hash(b.folder) == before
    asked: list[tuple[str, str, str]] = []
    with b.open() as ws:
        report = importer.import_package(
            ws, tmp_path / "a.jipp", ask_trust=lambda *who: asked.append(who) or True
        )
        assert report.newly_trusted and report.total.new == 6
        assert identity.is_trusted(a.fingerprint)
    assert asked == [("Laptop A", a.device_id, a.fingerprint)]


def test_passphrase(fleet: Fleet, tmp_path: Path) -> None:
    a, b = _pair(fleet)
    with a.open() as ws:
        seed(ws)
        exporter.export(ws, tmp_path / "a.jipp", passphrase="kopi tubruk 2024")
    with b.open() as ws:
        with pytest.raises(BadPassphrase):
            importer.import_package(ws, tmp_path / "a.jipp")
        with pytest.raises(BadPassphrase):
            importer.import_package(ws, tmp_path / "a.jipp", passphrase="teh manis")
        assert (
            importer.import_package(
                ws, tmp_path / "a.jipp", passphrase="kopi tubruk 2024"
            ).total.new
            == 6
        )


def test_province_scope_carries_references(fleet: Fleet, tmp_path: Path) -> None:
    a, b = _pair(fleet)
    with a.open() as ws:
        ids = seed(ws)
        other = ws.records.create("hub", {"name": "Simpul NTT", "province_code": "53"})
        exporter.export(ws, tmp_path / "banten.jipp", province="36")
    with b.open() as ws:
        importer.import_package(ws, tmp_path / "banten.jipp")
        assert ws.records.get("visit", ids["visit"])["mentors"][0]["name"] == "Budi"
        assert m.Hub.get_or_none(m.Hub.id == other) is None


def test_attachments_travel(fleet: Fleet, tmp_path: Path) -> None:
    a, b = _pair(fleet)
    photo = tmp_path / "foto.jpg"
    photo.write_bytes(b"\xff\xd8 not really a jpeg " * 100)
    with a.open() as ws:
        ids = seed(ws)
        ws.attachments.add("visit", ids["visit"], photo, caption="Rapat")
        result = exporter.export(ws, tmp_path / "a.jipp")
        assert result.attachments == 1
    with b.open() as ws:
        report = importer.import_package(ws, tmp_path / "a.jipp")
        assert report.attachments == 1
        (att,) = ws.attachments.list("visit", ids["visit"])
        assert ws.attachments.blob_path(att["sha256"]).read_bytes() == photo.read_bytes()
    other = tmp_path / "scan.pdf"
    other.write_bytes(b"%PDF-1.4 removed before anyone saw it")
    c = fleet.add("Laptop C")
    fleet.trust_all()
    with a.open() as ws:
        removed = ws.attachments.add("visit", ids["visit"], other)
        ws.attachments.remove(removed)
        result = exporter.export(ws, tmp_path / "a2.jipp")
        assert result.attachments == 1  # the photo; the removed scan travels without its file
    with c.open() as ws:
        assert importer.import_package(ws, tmp_path / "a2.jipp").total.new == 8


def test_cli_round_trip_and_conflict_commands(fleet: Fleet, tmp_path: Path) -> None:
    a, b = fleet.add("Laptop A"), fleet.add("Laptop B")
    with a.open() as ws:
        ids = seed(ws)
    pkg = tmp_path / "a.jipp"
    assert cli("--data-dir", str(a.folder), "sync", "export", "--to", str(pkg)).status == 0
    untrusted = cli("--data-dir", str(b.folder), "sync", "import", str(pkg))
    assert untrusted.status == 5 and a.fingerprint in untrusted.err
    shown = json.loads(cli("--data-dir", str(a.folder), "device", "--json").out)
    assert shown["fingerprint"] == a.fingerprint
    assert cli("--data-dir", str(b.folder), "device", "trust", a.fingerprint).status == 0
    dry = cli("--data-dir", str(b.folder), "sync", "import", str(pkg), "--dry-run", "--json")
    assert dry.status == 0 and json.loads(dry.out)["total"]["new"] == 6
    assert cli("--data-dir", str(b.folder), "sync", "import", str(pkg)).status == 0
    again = cli("--data-dir", str(b.folder), "--lang", "en", "sync", "import", str(pkg))
    assert again.status == 0 and "already imported" in again.out
    status_a = json.loads(cli("--data-dir", str(a.folder), "sync", "status", "--json").out)
    status_b = json.loads(cli("--data-dir", str(b.folder), "sync", "status", "--json").out)
    assert status_a["digest"] == status_b["digest"]
    assert [p["name"] for p in status_b["peers"]] == ["Laptop A"]
    with b.open() as ws:
        ws.records.update("hub", ids["hub"], {"notes": "B"})
    with a.open() as ws:
        ws.records.update("hub", ids["hub"], {"notes": "A"})
    assert (
        cli(
            "--data-dir",
            str(b.folder),
            "sync",
            "export",
            "--to",
            str(tmp_path / "b.jipp"),
            "--for",
            a.device_id,
        ).status
        == 0
    )
    assert (
        cli(
            "--data-dir", str(a.folder), "sync", "import", str(tmp_path / "b.jipp"), "--trust"
        ).status
        == 0
    )
    (found,) = json.loads(cli("--data-dir", str(a.folder), "conflicts", "--json").out)
    resolved = cli(
        "--data-dir", str(a.folder), "conflicts", "resolve", found["id"], "--keep", "other"
    )
    assert resolved.status == 0
    assert json.loads(cli("--data-dir", str(a.folder), "conflicts", "--json").out) == []
    missing = cli("--data-dir", str(a.folder), "conflicts", "resolve", "nope", "--keep", "other")
    assert missing.status == 3


def test_clock_behind_what_was_seen_is_warned(fleet: Fleet) -> None:
    a = fleet.add("Laptop A")
    with a.open() as ws:
        ahead = f"{now_ms() + 3_600_000:012x}0000-{'f' * 36}"
        ws.clock.observe(ahead)
        (warning,) = peers.sync_status(ws, "en")["warnings"]
        assert "behind" in warning


def test_cli_rename_and_bad_province(fleet: Fleet, tmp_path: Path) -> None:
    a = fleet.add("Laptop A")
    assert (
        cli("--data-dir", str(a.folder), "device", "rename", "Laptop Simpul Banten 1").status == 0
    )
    assert json.loads(cli("--data-dir", str(a.folder), "device", "--json").out)["name"] == (
        "Laptop Simpul Banten 1"
    )
    bad = cli(
        "--data-dir",
        str(a.folder),
        "sync",
        "export",
        "--to",
        str(tmp_path / "x.jipp"),
        "--province",
        "99",
    )
    assert bad.status == 2 and "99" in bad.err
    assert cli("--data-dir", str(a.folder), "device", "trust", "XYZ").status == 2


def test_cancelled_import_and_export_leave_nothing(fleet: Fleet, tmp_path: Path) -> None:
    a, b = _pair(fleet)
    with a.open() as ws:
        seed(ws)
        with pytest.raises(ExportCancelled):
            exporter.export(ws, tmp_path / "never.jipp", progress=lambda done, total: False)
        assert list(tmp_path.glob("*never*")) == []
        exporter.export(ws, tmp_path / "a.jipp")
    before = db_dump_hash(b.folder)
    with b.open() as ws, pytest.raises(Cancelled):
        importer.import_package(ws, tmp_path / "a.jipp", progress=lambda done, total: False)
    assert db_dump_hash(b.folder) == before
