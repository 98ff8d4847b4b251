"""Conflicts are the heads of a multi-value register: the same whatever the arrival order,
never a value its overwriter had seen, always a value overwritten without being seen."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hostile_corpus import Parts, mutated
from sync_helpers import Fleet, Laptop, seed

from jipp_desktop.sync import conflicts, digest, exporter, importer


def _write(laptop: Laptop, hub: str, notes: str, target: Path) -> Path:
    with laptop.open() as ws:
        ws.records.update("hub", hub, {"notes": notes})
        exporter.export(ws, target)
    return target


def _kept(laptop: Laptop) -> set[str]:
    with laptop.open():
        return {str(c["other"]) for c in conflicts.list_conflicts(include_resolved=True)}


@pytest.mark.parametrize("y_last", [False, True], ids=["z-newest", "y-newest"])
def test_the_worked_example_in_every_arrival_order(
    fleet: Fleet, tmp_path: Path, y_last: bool
) -> None:
    """A writes x, B writes y without seeing it, C writes z after seeing x: the kept
    conflict is y (or z, when y is the newest), never x, in all six orders."""
    origin, a, b, c = (fleet.add(n) for n in ("Asal", "Laptop A", "Laptop B", "Laptop C"))
    fleet.trust_all()
    with origin.open() as ws:
        hub = seed(ws)["hub"]
        exporter.export(ws, tmp_path / "seed.jipp")
    for laptop in (a, b, c):
        with laptop.open() as ws:
            importer.import_package(ws, tmp_path / "seed.jipp")
    px = _write(a, hub, "x", tmp_path / "x.jipp")
    with c.open() as ws:
        importer.import_package(ws, px)
    if y_last:
        pz = _write(c, hub, "z", tmp_path / "z.jipp")
        py = _write(b, hub, "y", tmp_path / "y.jipp")
    else:
        py = _write(b, hub, "y", tmp_path / "y.jipp")
        pz = _write(c, hub, "z", tmp_path / "z.jipp")
    digests = set()
    for n, order in enumerate(itertools.permutations([px, py, pz])):
        reader = fleet.add(f"Pembaca {n}")
        fleet.trust_all()
        with reader.open() as ws:
            for path in [tmp_path / "seed.jipp", *order]:
                importer.import_package(ws, path)
            visible = ws.records.get("hub", hub)["notes"]
            digests.add(digest.full_digest())
        assert visible == ("y" if y_last else "z")
        assert _kept(reader) == ({"z"} if y_last else {"y"}), [p.name for p in order]
    assert len(digests) == 1


def test_a_version_2_package_never_hides_a_conflict(fleet: Fleet, tmp_path: Path) -> None:
    """Format 2 sent merged vectors, not histories: read as implicit ones, z's vector no
    longer shows it saw x, so x stays a conflict (kept, never lost)."""
    origin, a, b, c = (fleet.add(n) for n in ("Asal", "Laptop A", "Laptop B", "Laptop C"))
    fleet.trust_all()
    with origin.open() as ws:
        hub = seed(ws)["hub"]
        exporter.export(ws, tmp_path / "seed.jipp")
    for laptop in (a, b, c):
        with laptop.open() as ws:
            importer.import_package(ws, tmp_path / "seed.jipp")
    px = _write(a, hub, "x", tmp_path / "x.jipp")
    with c.open() as ws:
        importer.import_package(ws, px)
    py = _write(b, hub, "y", tmp_path / "y.jipp")
    pz = _write(c, hub, "z", tmp_path / "z.jipp")

    def as_version_2(parts: Parts) -> None:
        parts.manifest["format_version"] = 2

    old_z = mutated(pz, c.folder, tmp_path / "z-v2.jipp", as_version_2)
    for name, last, kept in (("Baru", pz, {"y"}), ("Lama", old_z, {"x", "y"})):
        reader = fleet.add(name)
        fleet.trust_all()
        with reader.open() as ws:
            for path in (tmp_path / "seed.jipp", px, py, last):
                importer.import_package(ws, path)
            assert ws.records.get("hub", hub)["notes"] == "z"
        assert _kept(reader) == kept
