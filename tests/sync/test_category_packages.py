"""A ministry extends the KIPP categories; its packages carry the new list to every laptop
(docs/sync-format.md, "Categories").  In the second run the ministry is its PostgreSQL
database, as it is in the field."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

import jsonschema
import pytest
from sync_helpers import Fleet, cli, workstation_of
from test_format_doc import examples, validator

from jipp_desktop.core.errors import ValidationError
from jipp_desktop.core.workspace import DB_NAME, Workspace
from jipp_desktop.sync import conflicts, db, exporter, extensions, importer, package
from jipp_desktop.sync.errors import InvalidRecords

TOURISM = ("2026", "2026-tourism", "Pariwisata Berkelanjutan", "Sustainable tourism")


def _add(folder: Path, *args: str) -> None:
    result = cli("--data-dir", str(folder), "category", "add", *args)
    assert result.status == 0, result.err


def test_a_ministry_package_brings_a_new_years_list_and_laptops_relay_it(
    fleet: Fleet, tmp_path: Path
) -> None:
    ministry = fleet.add("Kementerian", postgresql=fleet.mixed)  # the ministry's database
    hub, other = fleet.add("Hub NTT"), fleet.add("Hub Banten")
    fleet.trust_all()
    _add(ministry.folder, *TOURISM)
    with ministry.open() as ws:
        assert [c.code for c in ws.categories.for_year(2026)] == ["2026-tourism"]
        rid = ws.records.create(
            "innovation",
            {
                "title": "Desa Wisata Digital",
                "province_code": "53",
                "year_started": 2026,
                "category": "2026-tourism",
            },
        )
        exporter.export(ws, tmp_path / "ministry.jipp")
    with zipfile.ZipFile(tmp_path / "ministry.jipp") as zf:
        manifest = json.loads(zf.read(package.MANIFEST))
    validator("manifest").validate(manifest)
    (entry,) = manifest["categories"]
    assert {k: entry[k] for k in ("year", "code", "label_id", "label_en")} == {
        "year": 2026,
        "code": "2026-tourism",
        "label_id": "Pariwisata Berkelanjutan",
        "label_en": "Sustainable tourism",
    }

    with hub.open() as ws:
        report = importer.import_package(ws, tmp_path / "ministry.jipp")
        assert report.categories == [["2026-tourism", *TOURISM[2:]]]
        assert "+ Kategori KIPP 2026-tourism: Pariwisata Berkelanjutan" in report.text("id")
        record = ws.records.get("innovation", rid)
        assert ws.categories.label(record["category"], "en") == "Sustainable tourism"
        # The hub's own officers can now choose it for 2026 too.
        ws.records.create(
            "innovation",
            {
                "title": "Homestay Desa",
                "province_code": "53",
                "year_started": 2027,
                "category": "Pariwisata Berkelanjutan",
            },
        )
        exporter.export(ws, tmp_path / "hub.jipp")
    with other.open() as ws:  # never heard from the ministry directly
        importer.import_package(ws, tmp_path / "hub.jipp")
        assert ws.categories.label("2026-tourism", "id") == "Pariwisata Berkelanjutan"
        assert ws.records.count("innovation") == 2


def test_a_corrected_label_wins_whatever_order_the_packages_arrive_in(
    fleet: Fleet, tmp_path: Path
) -> None:
    ministry = fleet.add("Kementerian", postgresql=fleet.mixed)
    first, second = fleet.add("Hub A"), fleet.add("Hub B")
    fleet.trust_all()
    _add(ministry.folder, *TOURISM)
    with ministry.open() as ws:
        exporter.export(ws, tmp_path / "old.jipp")
    _add(
        ministry.folder,
        "2026",
        "2026-tourism",
        "Pariwisata Berkelanjutan",
        "Sustainable tourism (KIPP)",
    )
    with ministry.open() as ws:
        exporter.export(ws, tmp_path / "new.jipp")
    for laptop, order in ((first, ("old", "new")), (second, ("new", "old"))):
        with laptop.open() as ws:
            for name in order:
                importer.import_package(ws, tmp_path / f"{name}.jipp")
            assert ws.categories.label("2026-tourism", "en") == "Sustainable tourism (KIPP)"


def test_a_package_cannot_relabel_a_shipped_category_nor_add_a_bad_one(
    fleet: Fleet, tmp_path: Path
) -> None:
    laptop = fleet.add("Hub A", postgresql=fleet.mixed)
    stamp = "01a22beebbae0000-3b21278b-0706-4756-a6b0-c6ac14ab839e"
    with laptop.open() as ws:
        shipped = {
            "year": 2021,
            "code": "2021-education",
            "label_id": "Sekolah",
            "label_en": "Schools",
            "stamp": stamp,
        }
        extensions.receive(extensions.from_manifest({"categories": [shipped]}))
        assert ws.categories.label("2021-education", "id") == "Pendidikan"
        bad = {"year": 2026, "code": "2027-Wisata", "label_id": "", "label_en": "x", "stamp": stamp}
        with pytest.raises(InvalidRecords) as caught:
            extensions.from_manifest({"categories": [bad]})
        text = caught.value.message("en")
        assert "manifest: categories[1]: Invalid category code '2027-Wisata'" in text
        assert "manifest: categories[1]: Indonesian label is required" in text


def test_adding_a_category_by_command_names_what_is_wrong(fleet: Fleet) -> None:
    laptop = fleet.add("Kementerian", postgresql=fleet.mixed)
    folder = str(laptop.folder)
    wrong = cli(
        "--data-dir",
        folder,
        "--lang",
        "en",
        "category",
        "add",
        "2026",
        "2025-tourism",
        "Pariwisata",
        "Tourism",
    )
    assert wrong.status == 3
    assert "The code '2025-tourism' must start with its list's year, 2026." in wrong.err
    shipped = cli(
        "--data-dir", folder, "category", "add", "2021", "2021-education", "Sekolah", "Schools"
    )
    assert shipped.status == 3
    assert "Kategori '2021-education' bawaan aplikasi" in shipped.err
    listed = cli("--data-dir", folder, "--lang", "en", "category", "list", "--year", "2023")
    assert listed.status == 0
    assert listed.out.splitlines()[0].split(None, 2) == [
        "2022",
        "2022-inclusive_services",
        "Inclusive and fair public services",
    ]


def test_the_documented_example_matches_the_schema() -> None:
    (example,) = examples("categories")
    schema = validator("manifest").schema["$defs"]["manifest"]["properties"]["categories"]
    jsonschema.Draft202012Validator(schema).validate(example["categories"])


def _innovation(ws: Workspace, category: str) -> str:
    return ws.records.create(
        "innovation",
        {
            "title": "Layanan Keliling",
            "province_code": "53",
            "year_started": 2021,
            "category": category,
        },
    )


def test_an_arriving_category_outside_the_vocabulary_is_refused(
    fleet: Fleet, tmp_path: Path
) -> None:
    old, new = fleet.add("Laptop lama"), fleet.add("Laptop baru")
    fleet.trust_all()
    with old.open() as ws:
        rid = _innovation(ws, "2021-education")
    # Free text written past the gate, as by a version before categories were a vocabulary.
    conn = sqlite3.connect(old.folder / DB_NAME)
    conn.execute("UPDATE innovation SET category = 'Pariwisata' WHERE id = ?", (rid,))
    conn.commit()
    conn.close()
    with old.open() as ws:
        exporter.export(ws, tmp_path / "old.jipp")
    with new.open() as ws, pytest.raises(InvalidRecords) as caught:
        importer.import_package(ws, tmp_path / "old.jipp")
    assert caught.value.exit_status == 3
    english = caught.value.message("en")
    assert f"innovation {rid}: category: Category: 'Pariwisata' is not a known KIPP category" in (
        english
    )
    assert "Kategori: 'Pariwisata' bukan kategori KIPP yang dikenal" in caught.value.message("id")
    with new.open() as ws:
        assert ws.records.count("innovation") == 0


def test_a_kept_conflict_value_passes_the_same_gate(fleet: Fleet, tmp_path: Path) -> None:
    a, b = fleet.add("Laptop A"), fleet.add("Laptop B")
    fleet.trust_all()
    with a.open() as ws:
        rid = _innovation(ws, "2021-education")
        exporter.export(ws, tmp_path / "a1.jipp")
    with b.open() as ws:
        importer.import_package(ws, tmp_path / "a1.jipp")
        ws.records.update("innovation", rid, {"category": "2021-health"})
    with a.open() as ws:
        ws.records.update("innovation", rid, {"category": "2021-governance"})
        exporter.export(ws, tmp_path / "a2.jipp")
    with b.open() as ws:
        importer.import_package(ws, tmp_path / "a2.jipp")
        (conflict,) = [
            r[0] for r in db.sql("SELECT id FROM sync_conflict WHERE field = 'category'")
        ]
        # A value kept from before categories were a vocabulary, neither code nor label.
        db.sql("UPDATE sync_conflict SET loser_value = '\"Pariwisata\"' WHERE id = ?", (conflict,))
        with pytest.raises(ValidationError) as refused:
            conflicts.resolve(ws, conflict, "other")
        assert refused.value.errors[0].field == "category"
        assert "'Pariwisata' is not a known KIPP category" in refused.value.errors[0].message_en
        # A label is kept as its code.
        db.sql("UPDATE sync_conflict SET loser_value = '\"Pendidikan\"' WHERE id = ?", (conflict,))
        conflicts.resolve(ws, conflict, "other")
        assert ws.records.get("innovation", rid)["category"] == "2021-education"
        resolved = ws.records.history("innovation", rid)[-1]
        assert (resolved["action"], resolved["workstation"]) == (
            "resolve",
            workstation_of(ws, "Laptop B"),
        )
