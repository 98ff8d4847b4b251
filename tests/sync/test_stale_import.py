"""A sync import between opening a record and saving it: the save from the older version
is refused, naming the laptop whose package brought the change and who imported it."""

from __future__ import annotations

from pathlib import Path

import pytest
from sync_helpers import Fleet, seed

from jipp_desktop.core.staleness import StaleEdit
from jipp_desktop.sync import exporter, importer


def test_a_change_imported_meanwhile_refuses_the_older_save(fleet: Fleet, tmp_path: Path) -> None:
    a, b = fleet.add("Laptop Serang"), fleet.add("Laptop Kupang")
    fleet.trust_all()
    with a.open() as ws:
        ids = seed(ws)
        exporter.export(ws, tmp_path / "a0.jipp")
    with b.open() as ws:
        importer.import_package(ws, tmp_path / "a0.jipp")
    with a.open() as ws:
        ws.records.update("innovation", ids["innovation"], {"title": "Antrian Daring Terpadu"})
        exporter.export(ws, tmp_path / "a1.jipp")
    with b.open() as ws:
        ws.settings.set("officer_name", "Yohanes Bria")
        _, seen = ws.records.snapshot("innovation", ids["innovation"])
        importer.import_package(ws, tmp_path / "a1.jipp")
        with pytest.raises(StaleEdit) as caught:
            ws.records.update(
                "innovation", ids["innovation"], {"title": "Antrian Daring"}, base=seen
            )
        assert ws.records.get("innovation", ids["innovation"])["title"] == "Antrian Daring Terpadu"
        # A field the package did not touch is still saved from the same version.
        ws.records.update(
            "innovation", ids["innovation"], {"category": "Lainnya: Layanan"}, base=seen
        )
    message = caught.value.message("id")
    assert "Judul Inovasi diubah oleh paket dari Laptop Serang" in message
    assert "(diimpor oleh Yohanes Bria)" in message
    assert "a package from Laptop Serang (imported by Yohanes Bria)" in caught.value.message("en")
