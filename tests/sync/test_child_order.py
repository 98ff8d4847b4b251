"""Child rows and attachments list in one order on every laptop, computed from synced data
(sort order, creation stamp, id), so two laptops with one dataset digest print the same."""

from __future__ import annotations

from pathlib import Path

from sync_helpers import Fleet, seed

from jipp_desktop.core.query import ListQuery
from jipp_desktop.sync import digest, exporter, importer


def test_rows_added_on_two_laptops_list_in_one_order(fleet: Fleet, tmp_path: Path) -> None:
    a, b = fleet.add("Laptop A"), fleet.add("Laptop B")
    fleet.trust_all()
    with a.open() as ws:
        visit = seed(ws)["visit"]
        exporter.export(ws, tmp_path / "a0.jipp")
    with b.open() as ws:
        importer.import_package(ws, tmp_path / "a0.jipp")
    for laptop, name in ((a, "A"), (b, "B")):
        photo = tmp_path / f"foto-{name}.png"
        photo.write_bytes(f"foto dari {name}".encode())
        with laptop.open() as ws:
            rows = ws.records.get("visit", visit)["obstacles"]
            # Both laptops append at the same place: the sort orders tie.
            ws.records.update(
                "visit", visit, {"obstacles": [*rows, {"description": f"Hambatan dari {name}"}]}
            )
            ws.attachments.add("visit", visit, photo)
            exporter.export(ws, tmp_path / f"{name}.jipp")
    seen = []
    for laptop, other in ((a, "B"), (b, "A")):
        with laptop.open() as ws:
            importer.import_package(ws, tmp_path / f"{other}.jipp")
            record = ws.records.get("visit", visit)
            seen.append(
                (
                    [r["description"] for r in record["obstacles"]],
                    [r["filename"] for r in ws.attachments.list("visit", visit)],
                    digest.dataset_digest(),
                )
            )
    assert seen[0] == seen[1]
    assert len(seen[0][0]) == 3 and len(seen[0][1]) == 2


def test_search_results_that_tie_list_in_one_order(fleet: Fleet, tmp_path: Path) -> None:
    """Two laptops each record an innovation of the same title: ranked alike, they list in
    the order of their creation stamps on both, not in each laptop's arrival order."""
    a, b = fleet.add("Laptop A"), fleet.add("Laptop B")
    fleet.trust_all()
    with a.open() as ws:
        agency = seed(ws)["agency"]
        exporter.export(ws, tmp_path / "a0.jipp")
    with b.open() as ws:
        importer.import_package(ws, tmp_path / "a0.jipp")
    for laptop, name in ((b, "B"), (a, "A")):  # B's is older; A's is first on A
        with laptop.open() as ws:
            ws.records.create(
                "innovation",
                {"title": "Antrian Daring", "agency_id": agency, "province_code": "36"},
            )
            exporter.export(ws, tmp_path / f"{name}.jipp")
    listed = []
    for laptop, other in ((a, "B"), (b, "A")):
        with laptop.open() as ws:
            importer.import_package(ws, tmp_path / f"{other}.jipp")
            found = ws.records.list("innovation", ListQuery(search="antrian daring"))
            listed.append([r["id"] for r in found if r["title"] == "Antrian Daring"])
    assert len(listed[0]) == 2 and listed[0] == listed[1]
