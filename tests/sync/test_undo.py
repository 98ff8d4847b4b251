"""Mass deletions shown before they happen, and undoing what a package did (issue 8, item 8)."""

from __future__ import annotations

import json
from pathlib import Path

from sync_helpers import Fleet, Laptop, cli, db_dump_hash, seed

from jipp_desktop.sync import exporter, importer
from jipp_desktop.sync.report import MASS_DELETION


def _many(laptop: Laptop, count: int = 12) -> dict[str, list[str] | str]:
    with laptop.open() as ws:
        ids = seed(ws)
        agencies = [
            ws.records.create(
                "agency", {"name": f"Dinas {n:02d}", "level": "province", "province_code": "36"}
            )
            for n in range(count)
        ]
    return {**ids, "agencies": [ids["agency"], *agencies]}


def _wipe(laptop: Laptop, ids: dict[str, list[str] | str]) -> None:
    """Laptop deletes the visit's obstacle, the innovation, the visit and every agency."""
    with laptop.open() as ws:
        ws.records.update("visit", str(ids["visit"]), {"obstacles": []})
        ws.records.delete("innovation", str(ids["innovation"]))
        ws.records.delete("visit", str(ids["visit"]))
        for agency in ids["agencies"]:
            ws.records.delete("agency", str(agency))


def _shared_then_wiped(
    fleet: Fleet, tmp_path: Path
) -> tuple[Laptop, Laptop, dict[str, list[str] | str]]:
    """A shares its records with B, then B sends them all to the trash."""
    a, b = fleet.add("Laptop A"), fleet.add("Laptop B")
    fleet.trust_all()
    ids = _many(a)
    with a.open() as ws:
        exporter.export(ws, tmp_path / "a.jipp")
    with b.open() as ws:
        importer.import_package(ws, tmp_path / "a.jipp")
    _wipe(b, ids)
    return a, b, ids


def _alive(laptop: Laptop, type_name: str) -> int:
    out = cli("--data-dir", str(laptop.folder), "record", "list", type_name, "--json").out
    return len(json.loads(out))


def test_dry_run_puts_deletions_first_and_undo_brings_them_back(
    fleet: Fleet, tmp_path: Path
) -> None:
    a, b, ids = _shared_then_wiped(fleet, tmp_path)
    with b.open() as ws:
        exporter.export(ws, tmp_path / "wipe.jipp", for_device=a.device_id)

    before = db_dump_hash(a.folder)
    dry = cli(
        "--data-dir", str(a.folder), "sync", "import", str(tmp_path / "wipe.jipp"), "--dry-run"
    )
    assert dry.status == 0
    deleted = 13 + 3  # the agencies, the innovation, the visit and its obstacle
    assert deleted > MASS_DELETION
    assert dry.out.splitlines()[0] == f"Paket ini akan memindahkan {deleted} data ke Sampah."
    dry_en = cli(
        "--data-dir",
        str(a.folder),
        "--lang",
        "en",
        "sync",
        "import",
        "--dry-run",
        str(tmp_path / "wipe.jipp"),
    )
    assert dry_en.out.splitlines()[0] == f"This package would move {deleted} records to the Trash."
    assert db_dump_hash(a.folder) == before

    done = cli("--data-dir", str(a.folder), "sync", "import", str(tmp_path / "wipe.jipp"), "--json")
    report = json.loads(done.out)
    assert report["total"]["deletions"] == deleted and "deleted_rows" not in report
    assert _alive(a, "agency") == 0 and _alive(a, "innovation") == 0

    undone = cli("--data-dir", str(a.folder), "sync", "undo", report["package_id"][:8])
    assert undone.status == 0, undone.err
    assert f"{deleted} data" in undone.out
    assert _alive(a, "agency") == 13 and _alive(a, "innovation") == 1
    with a.open() as ws:
        visit = ws.records.get("visit", str(ids["visit"]))
        assert [o["description"] for o in visit["obstacles"]] == ["Anggaran terbatas"]
        history = ws.records.history("innovation", str(ids["innovation"]))
        assert history[-1]["action"] == "restore"
        exporter.export(ws, tmp_path / "back.jipp", for_device=b.device_id)
    again = cli("--data-dir", str(a.folder), "sync", "undo", report["package_id"])
    assert again.status == 0 and "tidak ada yang perlu dikembalikan" in again.out

    # The restores are new changes: they bring the records back on B too.
    assert (
        cli("--data-dir", str(b.folder), "sync", "import", str(tmp_path / "back.jipp")).status == 0
    )
    assert _alive(b, "agency") == 13 and _alive(b, "innovation") == 1


def test_undo_of_an_unknown_package_is_invalid_data(fleet: Fleet) -> None:
    a = fleet.add("Laptop A")
    missing = cli("--data-dir", str(a.folder), "sync", "undo", "0123456789")
    assert missing.status == 3 and "0123456789" in missing.err


def test_the_apps_folder_exchange_holds_a_mass_deletion_for_a_single_import(
    fleet: Fleet, tmp_path: Path
) -> None:
    """The app's exchange never takes a mass deletion in passing; the command line does."""
    from jipp_desktop.sync import folder

    a, b, _ids = _shared_then_wiped(fleet, tmp_path)
    shared = tmp_path / "shared"
    shared.mkdir()
    with b.open() as ws:
        exporter.export(ws, shared / folder.outgoing_name(ws), for_device=a.device_id)

    with a.open() as ws:
        held = folder.exchange(ws, shared, hold_mass_deletions=True)
        mine = shared / folder.outgoing_name(ws)
    [outcome] = [o for o in held.outcomes if o.status != "own"]
    assert outcome.status == "held"
    assert "akan memindahkan 16 data ke Sampah" in outcome.message("id")
    assert "Import this package on its own" in outcome.message("en")
    assert _alive(a, "agency") == 13, "nothing of the held package was applied"
    assert mine.is_file(), "A's own package was still written"

    with a.open() as ws:
        taken = folder.exchange(ws, shared)
    assert [o.status for o in taken.outcomes if o.status != "own"] == ["imported"]
    assert _alive(a, "agency") == 0
