"""Folder exchange, older format versions and the import report file."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path
from typing import Any

from sync_helpers import Fleet, Laptop, cli, seed

from jipp_desktop.sync import (
    conflicts,
    db,
    digest,
    exporter,
    folder,
    identity,
    importer,
    package,
    peers,
    report,
)
from jipp_desktop.sync.status import last_exchange


def test_folder_exchange_converges_and_skips_half_copied(fleet: Fleet, tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    a, b, c = fleet.add("Laptop A"), fleet.add("Laptop B"), fleet.add("Laptop C")
    fleet.trust_all()
    with a.open() as ws:
        seed(ws)
    with b.open() as ws:
        ws.records.create("agency", {"name": "Bappeda Banten", "level": "province"})
    for laptop in (a, b, c, a, b):
        result = cli("--data-dir", str(laptop.folder), "sync", "folder", str(shared))
        assert result.status == 0, result.err
    codes = set()
    for laptop in (a, b, c):
        with laptop.open() as ws:
            codes.add(digest.dataset_digest())
            assert last_exchange(ws) is not None
    assert len(codes) == 1
    outgoing = sorted(p.name for p in shared.iterdir())
    assert len(outgoing) == 3 and not [n for n in outgoing if n.endswith(".part")]
    half = shared / "laptop-d-12345678.jipp"
    half.write_bytes((shared / outgoing[0]).read_bytes()[:500])
    with a.open() as ws:
        result2 = folder.exchange(ws, shared)
    (skipped,) = [o for o in result2.outcomes if o.status == "incomplete"]
    assert skipped.file == half.name and "dilewati" in skipped.message("id")
    assert result2.exit_status == 0
    assert {o.status for o in result2.outcomes} == {"incomplete", "nothing_new"}


def test_folder_reports_untrusted_senders(fleet: Fleet, tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    a, b = fleet.add("Laptop A"), fleet.add("Laptop B")
    assert cli("--data-dir", str(a.folder), "sync", "folder", str(shared)).status == 0
    result = cli("--data-dir", str(b.folder), "sync", "folder", str(shared))
    assert result.status == 5 and a.fingerprint in result.err
    assert cli("--data-dir", str(b.folder), "sync", "folder", str(shared), "--trust").status == 0


def _as_version_1(good: Path, target: Path, a_folder: Path) -> None:
    """Rewrite a package as the first field-trial format would have written it."""
    with zipfile.ZipFile(good) as zf:
        manifest = json.loads(zf.read(package.MANIFEST))
        rows = [json.loads(x) for x in zf.read(package.CHANGES).splitlines() if x.strip()]
    old_rows = []
    for row in rows:
        values = {k: v[0] for k, v in row["f"].items()}
        stamps = {k: v[1] for k, v in row["f"].items() if len(v) > 1}
        old = {
            "table": row["t"],
            "id": row["id"],
            "hlc": row["hlc"],
            "created_at": row["ca"],
            "cl": row["cl"][0],
            "values": values,
            "stamps": stamps,
        }
        old_rows.append(json.dumps(old).encode())
    body_changes = b"\n".join(old_rows) + b"\n"
    manifest["format_version"] = 1
    manifest["members"] = [
        {
            "name": package.CHANGES,
            "size": len(body_changes),
            "sha256": hashlib.sha256(body_changes).hexdigest(),
        }
    ]
    body = json.dumps(manifest).encode()
    key = identity.folder_key(a_folder)
    with zipfile.ZipFile(target, "w") as zf:
        zf.writestr(package.CHANGES, body_changes)
        zf.writestr(package.MANIFEST, body)
        zf.writestr(package.SIGNATURE, key.sign(body).hex())


def test_format_version_1_is_converted_on_import(fleet: Fleet, tmp_path: Path) -> None:
    a, b = fleet.add("Laptop A"), fleet.add("Laptop B")
    fleet.trust_all()
    with a.open() as ws:
        ids = seed(ws)
        ws.records.update("hub", ids["hub"], {"notes": "diubah"})
        exporter.export(ws, tmp_path / "v2.jipp")
        expected = digest.dataset_digest()
    _as_version_1(tmp_path / "v2.jipp", tmp_path / "v1.jipp", a.folder)
    with b.open() as ws:
        result = importer.import_package(ws, tmp_path / "v1.jipp")
        assert result.format_version == 1 and result.total.new == 6
        assert digest.dataset_digest() == expected
        saved = report.load_named(ws.data_dir, str(result.report_name))
        assert saved.total.new == 6 and "Laptop A" in saved.text("en")
        assert [k.name for k in report.kept(ws.data_dir)] == [result.report_name]


def _exchange(laptop: Laptop, shared: Path) -> folder.FolderResult:
    with laptop.open() as ws:
        result = folder.exchange(ws, shared)
    assert result.exit_status == 0, [o.message("en") for o in result.outcomes]
    assert not [o for o in result.outcomes if o.status == "failed"]
    return result


def _written(result: folder.FolderResult) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    with zipfile.ZipFile(result.written) as zf:
        manifest = json.loads(zf.read(package.MANIFEST))
        lines = [json.loads(x) for x in zf.read(package.CHANGES).splitlines() if x.strip()]
    return manifest, lines


def _digests(*laptops: Laptop) -> set[str]:
    out = set()
    for laptop in laptops:
        with laptop.open():
            out.add(digest.dataset_digest())
    return out


def test_folder_exchange_is_incremental_once_peers_are_known(fleet: Fleet, tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    a, b = fleet.add("Laptop A"), fleet.add("Laptop B")
    fleet.trust_all()
    with a.open() as ws:
        ids = seed(ws)
    with b.open() as ws:
        ws.records.create("agency", {"name": "Bappeda Banten", "level": "province"})
    first = _exchange(a, shared)  # nobody else uses the folder yet: everything
    assert _written(first)[0]["scope"]["full"]
    manifest, lines = _written(_exchange(b, shared))  # B imported A's, then wrote
    assert not manifest["scope"]["full"] and set(manifest["base"]) == {a.device_id}
    assert [x["t"] for x in lines] == ["agency"]  # only B's own record: A holds the rest
    _exchange(a, shared)  # A now knows what B holds, and the other way round
    with a.open() as ws:
        ws.records.update("hub", ids["hub"], {"notes": "diubah di A"})
        ws.records.delete("innovation", ids["innovation"])
    with b.open() as ws:  # concurrent edit of the same field: a conflict that must travel
        ws.records.update("hub", ids["hub"], {"notes": "diubah di B"})
    manifest, lines = _written(_exchange(a, shared))
    assert not manifest["scope"]["full"] and manifest["base"]
    assert manifest["stream"] == "all" and manifest["scope"]["for"] is None
    assert manifest["counts"]["changes"] == len(lines) <= 3
    (hub,) = [x for x in lines if x["t"] == "hub"]
    assert hub["f"]["notes"][0] == "diubah di A" and "name" not in hub["f"]
    (gone,) = [x for x in lines if x["t"] == "innovation"]
    assert gone["cl"][0] == 2  # the deletion travels as a tombstone
    _exchange(b, shared)
    _exchange(a, shared)
    assert len(_digests(a, b)) == 1
    for laptop in (a, b):
        with laptop.open() as ws:
            (cl,) = db.sql("SELECT cl FROM innovation WHERE id = ?", (ids["innovation"],))
            assert cl == (2,)  # deleted on both
            assert conflicts.count_open() == 1
            assert peers.gaps(ws) == []


def test_a_laptop_joining_the_folder_later_catches_up(fleet: Fleet, tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    a, b = fleet.add("Laptop A"), fleet.add("Laptop B")
    fleet.trust_all()
    with a.open() as ws:
        ids = seed(ws)
    for laptop in (a, b, a):
        _exchange(laptop, shared)
    with a.open() as ws:
        ws.records.update("hub", ids["hub"], {"notes": "sebelum C"})
    assert not _written(_exchange(a, shared))[0]["scope"]["full"]
    c = fleet.add("Laptop C")
    fleet.trust_all()
    with c.open() as ws:
        ws.records.create("agency", {"name": "Bappeda NTT", "level": "province"})
    joined = _exchange(c, shared)
    assert _written(joined)[0]["scope"]["full"]
    # A's and B's packages were written for B and A only: C waits for their next ones.
    assert {o.status for o in joined.outcomes} == {"waiting"}
    for laptop in (a, b, c, a, b, c):
        _exchange(laptop, shared)
    assert len(_digests(a, b, c)) == 1
    with c.open() as ws:
        assert ws.records.get("hub", ids["hub"])["notes"] == "sebelum C"
        assert peers.gaps(ws) == []


def test_odd_manifests_in_the_folder_are_refused_not_crashed_on(
    fleet: Fleet, tmp_path: Path
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    a = fleet.add("Laptop A")
    for n, manifest in enumerate(
        [{"sender": "x", "scope": 1, "base": []}, {"sender": {}, "scope": {}, "base": {"a": 1}}]
    ):
        with zipfile.ZipFile(shared / f"odd-{n}.jipp", "w") as zf:
            zf.writestr(package.MANIFEST, json.dumps(manifest))
    with a.open() as ws:
        result = folder.exchange(ws, shared)
        assert {o.status for o in result.outcomes} == {"failed"}
        assert result.exit_status == 6
        assert _written(result)[0]["scope"]["full"]  # unknown readers: everything
