"""The hostile-but-signed corpus: each mutation of a real package, re-signed with the
sender's trusted key, is refused with its documented exit status and changes nothing,
or is accepted harmlessly (normalised, convergent, later commands still work)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hostile_corpus import Mutation, Parts, mutated
from sync_helpers import Fleet, Laptop, cli, db_dump_hash, seed

from jipp_desktop.sync import db, digest, exporter, importer, vectors

FORGED = "0fffffffffff0000"  # the year 2527: far beyond any real change


@pytest.fixture
def pair(fleet: Fleet, tmp_path: Path) -> tuple[Laptop, Laptop, Path]:
    a, b = fleet.add("Laptop A"), fleet.add("Laptop B")
    fleet.trust_all()
    photo = tmp_path / "foto.png"
    photo.write_bytes(b"\x89PNG not really")
    with a.open() as ws:
        ids = seed(ws)
        ws.records.update("hub", ids["hub"], {"notes": "diubah"})
        ws.attachments.add("hub", ids["hub"], photo)
        exporter.export(ws, tmp_path / "good.jipp")
    return a, b, tmp_path / "good.jipp"


def _device(parts: Parts) -> str:
    return str(parts.manifest["sender"]["id"])


def _edited_cell(parts: Parts) -> list[object]:
    """The hub's notes cell: a value with a stamp of its own."""
    cell: list[object] = parts.row("hub")["f"]["notes"]
    assert len(cell) >= 2
    return cell


def _fullwidth_stamp(parts: Parts) -> None:
    _edited_cell(parts)[1] = "\uff10" * 16 + "-" + _device(parts)


def _underscore_stamp(parts: Parts) -> None:
    cell = _edited_cell(parts)
    text = str(cell[1])
    cell[1] = text[:4] + "_" + text[5:]


def _uppercase_stamp(parts: Parts) -> None:
    cell = _edited_cell(parts)
    text = str(cell[1])
    cell[1] = text[:16].upper().replace("0", "A") + text[16:]


def _short_stamp(parts: Parts) -> None:
    cell = _edited_cell(parts)
    cell[1] = str(cell[1])[1:]


def _creation_stamp_fullwidth(parts: Parts) -> None:
    row = parts.row("agency")
    row["hlc"] = "\uff10" + row["hlc"][1:]


def _carries_fullwidth(parts: Parts) -> None:
    parts.manifest["carries"][_device(parts)] = "\uff11" * 16 + "-" + _device(parts)


def _carries_wrong_origin(parts: Parts) -> None:
    carries = parts.manifest["carries"]
    carries["someone-else"] = carries[_device(parts)]


def _conflict_stamp_underscore(parts: Parts) -> None:
    line = {
        "id": "0" * 32,
        "t": "hub",
        "row": parts.row("hub")["id"],
        "field": "notes",
        "loser": ["lama", "0000_00000000001-" + _device(parts)],
        "winner": _edited_cell(parts)[1],
        "res": None,
        "s": _edited_cell(parts)[1],
    }
    parts.conflicts.append(line)


def _cell_value(table: str, field: str, value: object) -> Mutation:
    def mutation(parts: Parts) -> None:
        parts.row(table)["f"][field][0] = value

    mutation.__name__ = f"{table}_{field}_{str(value)[:12]}"
    return mutation


def _created_at(value: str) -> Mutation:
    def mutation(parts: Parts) -> None:
        parts.row("agency")["ca"] = value

    mutation.__name__ = f"created_at_{value[:12]}"
    return mutation


def _huge_causal_length(parts: Parts) -> None:
    row = parts.row("hub")
    row["cl"] = [2**63 - 1, row["f"]["notes"][1]]


def _attachment_of_nothing(parts: Parts) -> None:
    parts.row("attachment")["f"]["record_id"][0] = "00000000-0000-4000-8000-000000000000"


def _attachment_of_unknown_type(parts: Parts) -> None:
    parts.row("attachment")["f"]["record_type"][0] = "spaceship"


def _conflict(field: str, value: object, row: str | None = None) -> Mutation:
    """A conflict line as a sender would write it, with one part made hostile."""

    def mutation(parts: Parts) -> None:
        hub = parts.row("hub")
        stamp = hub["f"]["notes"][1]
        parts.conflicts.append(
            {
                "id": "0" * 32,
                "t": "hub",
                "row": row or hub["id"],
                "field": field,
                "loser": [value, hub["hlc"]],
                "winner": stamp,
                "res": None,
                "s": stamp,
            }
        )

    mutation.__name__ = f"conflict_{field}_{str(value)[:12]}"
    return mutation


REFUSED = [
    (_fullwidth_stamp, 6, "cap waktu"),
    (_underscore_stamp, 6, "cap waktu"),
    (_uppercase_stamp, 6, "cap waktu"),
    (_short_stamp, 6, "cap waktu"),
    (_creation_stamp_fullwidth, 6, "cap waktu"),
    (_carries_fullwidth, 6, "carries"),
    (_carries_wrong_origin, 6, "carries"),
    (_conflict_stamp_underscore, 6, "cap waktu"),
    (_cell_value("innovation", "is_digital", "mungkin"), 3, "Inovasi Digital"),
    (_cell_value("innovation", "is_digital", None), 3, "Inovasi Digital"),
    (_cell_value("innovation", "stage", "launched"), 3, "Tahapan"),
    (_cell_value("innovation", "title", "x" * 100_000), 3, "terlalu panjang"),
    (_cell_value("hub", "year_designated", 2**70), 3, "Tahun Penetapan"),
    (_cell_value("hub", "year_designated", "2024.0"), 3, "Tahun Penetapan"),
    (_cell_value("hub", "decree_date", "31-12-2024"), 3, "Tanggal Keputusan"),
    (_cell_value("visit_mentor", "sort_order", -(2**64)), 3, "Urutan"),
    (_cell_value("visit_obstacle", "visit_id", "tidak-ada"), 3, "tidak ditemukan"),
    (_cell_value("attachment", "size", 2**70), 3, "size"),
    (_created_at("kemarin"), 3, "ca"),
    (_created_at("\uff12\uff10\uff12\uff14-01-01T00:00:00+00:00"), 3, "ca"),
    (_huge_causal_length, 3, "panjang kausal"),
    (_attachment_of_nothing, 3, "record_id"),
    (_attachment_of_unknown_type, 3, "record_type"),
    (_conflict("no_such_field", "x"), 3, "no_such_field"),
    (_conflict("stamps", "{}"), 3, "stamps"),
    (_conflict("id", "lain"), 3, "'id'"),
    (_conflict("notes", "x" * 100_000), 3, "terlalu panjang"),
    (_conflict("status", "dibubarkan"), 3, "Status"),
    (_conflict("notes", "x", row="00000000-0000-4000-8000-000000000000"), 3, "tidak ditemukan"),
    (_conflict("coordinating_agency_id", "00000000-0000-4000-8000-000000000000"), 3, "ditemukan"),
]


@pytest.mark.parametrize(
    ("mutation", "status", "words"), REFUSED, ids=[c[0].__name__ for c in REFUSED]
)
def test_mutation_is_refused_and_changes_nothing(
    pair: tuple[Laptop, Laptop, Path],
    tmp_path: Path,
    mutation: Mutation,
    status: int,
    words: str,
) -> None:
    a, b, good = pair
    bad = mutated(good, a.folder, tmp_path / "bad.jipp", mutation)
    before = db_dump_hash(b.folder)
    result = cli("--data-dir", str(b.folder), "sync", "import", str(bad))
    assert result.status == status, result.err
    assert words in result.err
    assert "Traceback" not in result.err
    assert db_dump_hash(b.folder) == before
    assert cli("--data-dir", str(b.folder), "sync", "import", str(good)).status == 0


def test_a_forged_carries_vector_is_not_believed(fleet: Fleet, tmp_path: Path) -> None:
    """A claims to hold C's changes up to the year 2527: B must not believe it, nor tell C
    so, or C's later edits would never be sent to B."""
    a, b, c = fleet.add("Laptop A"), fleet.add("Laptop B"), fleet.add("Laptop C")
    fleet.trust_all()
    with c.open() as ws:
        ids = seed(ws)
        exporter.export(ws, tmp_path / "c1.jipp")
    with a.open() as ws:
        importer.import_package(ws, tmp_path / "c1.jipp")
        exporter.export(ws, tmp_path / "a1.jipp")

    def forge(parts: Parts) -> None:
        parts.manifest["carries"][c.device_id] = f"{FORGED}-{c.device_id}"

    forged = mutated(tmp_path / "a1.jipp", a.folder, tmp_path / "forged.jipp", forge)
    with b.open() as ws:
        importer.import_package(ws, forged)
        held = vectors.own(ws.device_id, str(ws.clock.last))
        assert held[c.device_id] < f"{FORGED}-{c.device_id}"
        assert vectors.load(a.device_id)[c.device_id] < f"{FORGED}-{c.device_id}"
        exporter.export(ws, tmp_path / "b1.jipp")
    with c.open() as ws:
        importer.import_package(ws, tmp_path / "b1.jipp")
        ws.records.update("hub", ids["hub"], {"notes": "suntingan C sesudahnya"})
        sent = exporter.export(ws, tmp_path / "c2-for-b.jipp", for_device=b.device_id)
        assert sent.rows >= 1
    with b.open() as ws:
        importer.import_package(ws, tmp_path / "c2-for-b.jipp")
        assert ws.records.get("hub", ids["hub"])["notes"] == "suntingan C sesudahnya"


def test_a_value_in_another_spelling_is_stored_as_a_form_stores_it(
    fleet: Fleet, tmp_path: Path
) -> None:
    """ "yes" for a flag, spaces around a name: normalised on arrival, so the laptop that
    imports it and the laptop that gets it relayed store the same and agree on the digest."""
    a, b, c = fleet.add("Laptop A"), fleet.add("Laptop B"), fleet.add("Laptop C")
    fleet.trust_all()
    with a.open() as ws:
        ids = seed(ws)
        exporter.export(ws, tmp_path / "a1.jipp")

    def respell(parts: Parts) -> None:
        parts.row("innovation")["f"]["is_digital"][0] = "yes"
        parts.row("agency")["f"]["name"][0] = "  Dinas Kominfo Banten "

    bad = mutated(tmp_path / "a1.jipp", a.folder, tmp_path / "respelled.jipp", respell)
    with b.open() as ws:
        importer.import_package(ws, bad)
        assert ws.records.get("innovation", ids["innovation"])["is_digital"] is True
        assert ws.records.get("agency", ids["agency"])["name"] == "Dinas Kominfo Banten"
        exporter.export(ws, tmp_path / "b1.jipp")
        importer.import_package(ws, tmp_path / "a1.jipp")  # the same change, spelt right
        b_digest = digest.full_digest()
    with c.open() as ws:
        importer.import_package(ws, tmp_path / "b1.jipp")
        importer.import_package(ws, bad)
        assert digest.full_digest() == b_digest
    for command in (["conflicts"], ["record", "list", "innovation"], ["sync", "status"]):
        assert cli("--data-dir", str(c.folder), *command).status == 0


def test_keeping_the_other_value_passes_the_same_gate(
    pair: tuple[Laptop, Laptop, Path], tmp_path: Path
) -> None:
    """A conflict stored before lines were checked, holding a value a form refuses: keeping
    it is refused with status 3 and writes nothing."""
    _a, b, good = pair
    assert cli("--data-dir", str(b.folder), "sync", "import", str(good)).status == 0
    with b.open() as ws:
        hub = ws.records.list("hub")[0]
        db.sql(
            "INSERT INTO sync_conflict (id, tbl, row_id, field, loser_value, loser_stamp, "
            "winner_stamp, stamp, origin, detected_at) VALUES (?, 'hub', ?, 'status', ?, ?, ?, "
            "?, ?, '2026-01-01T00:00:00+00:00')",
            (
                "f" * 32,
                hub["id"],
                json.dumps("dibubarkan"),
                hub_stamp := ws.clock.now(),
                hub_stamp,
                hub_stamp,
                ws.device_id,
            ),
        )
    before = db_dump_hash(b.folder)
    result = cli("--data-dir", str(b.folder), "conflicts", "resolve", "f" * 32, "--keep", "other")
    assert result.status == 3 and "Status" in result.err
    assert db_dump_hash(b.folder) == before
    kept = cli("--data-dir", str(b.folder), "conflicts", "resolve", "f" * 32, "--keep", "current")
    assert kept.status == 0


def _tombstone_everything(parts: Parts) -> None:
    for row in parts.changes:
        if row["t"] != "attachment":
            row["cl"] = [2, row["hlc"]]


def test_a_mass_tombstone_package_is_shown_first_and_can_be_undone(
    pair: tuple[Laptop, Laptop, Path], tmp_path: Path
) -> None:
    """Every record of the package sent to the trash, signed with the trusted key: the dry
    run says so before anything else, the import is then harmless (nothing is lost, later
    commands work) and one undo brings every record back."""
    a, b, good = pair
    assert cli("--data-dir", str(b.folder), "sync", "import", str(good)).status == 0
    kept = db_dump_hash(b.folder)
    alive = {
        t: len(json.loads(cli("--data-dir", str(b.folder), "record", "list", t, "--json").out))
        for t in ("hub", "agency", "innovation")
    }
    assert all(alive.values())
    wipe = mutated(good, a.folder, tmp_path / "wipe.jipp", _tombstone_everything)
    dry = cli("--data-dir", str(b.folder), "sync", "import", str(wipe), "--dry-run")
    assert dry.status == 0 and dry.out.splitlines()[0].startswith("Paket ini akan memindahkan")
    assert db_dump_hash(b.folder) == kept
    done = cli("--data-dir", str(b.folder), "sync", "import", str(wipe), "--json")
    assert done.status == 0, done.err
    report = json.loads(done.out)
    assert report["total"]["deletions"] >= sum(alive.values())
    for command in (["stats"], ["conflicts"], ["sync", "status"], ["record", "list", "hub"]):
        assert cli("--data-dir", str(b.folder), *command).status == 0
    undone = cli("--data-dir", str(b.folder), "sync", "undo", report["package_id"])
    assert undone.status == 0, undone.err
    for type_name, count in alive.items():
        listed = cli("--data-dir", str(b.folder), "record", "list", type_name, "--json").out
        assert len(json.loads(listed)) == count, type_name
