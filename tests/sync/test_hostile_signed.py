"""The hostile-but-signed corpus: each mutation of a real package, re-signed with the
sender's trusted key, is refused with its documented exit status and changes nothing,
or is accepted harmlessly (normalised, convergent, later commands still work)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile_corpus import Mutation, Parts, mutated
from sync_helpers import Fleet, Laptop, cli, db_dump_hash, seed

from jipp_desktop.sync import exporter, importer, vectors

FORGED = "0fffffffffff0000"  # the year 2527: far beyond any real change


@pytest.fixture
def pair(fleet: Fleet, tmp_path: Path) -> tuple[Laptop, Laptop, Path]:
    a, b = fleet.add("Laptop A"), fleet.add("Laptop B")
    fleet.trust_all()
    with a.open() as ws:
        ids = seed(ws)
        ws.records.update("hub", ids["hub"], {"notes": "diubah"})
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


REFUSED = [
    (_fullwidth_stamp, 6, "cap waktu"),
    (_underscore_stamp, 6, "cap waktu"),
    (_uppercase_stamp, 6, "cap waktu"),
    (_short_stamp, 6, "cap waktu"),
    (_creation_stamp_fullwidth, 6, "cap waktu"),
    (_carries_fullwidth, 6, "carries"),
    (_carries_wrong_origin, 6, "carries"),
    (_conflict_stamp_underscore, 6, "cap waktu"),
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
