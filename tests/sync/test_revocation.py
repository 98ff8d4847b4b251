"""Withdrawing trust (issue 8, item 10): here with `device untrust`, everywhere by the rule
of who may revoke whom (sync/revocation.py)."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

from sync_helpers import Fleet, Laptop, cli, db_dump_hash
from test_hostile import _resign

from jipp_desktop.core.clock import now_ms
from jipp_desktop.core.workspace import open_workspace
from jipp_desktop.sync import exporter, identity, revocation


def _export(laptop: Laptop, target: Path, for_device: str | None = None) -> Path:
    with laptop.open() as ws:
        exporter.export(ws, target, for_device=for_device)
    return target


def _edit(laptop: Laptop, name: str) -> None:
    with laptop.open() as ws:
        ws.records.create("agency", {"name": name, "level": "province", "province_code": "36"})


def _import(laptop: Laptop, path: Path, *extra: str) -> Any:
    return cli("--data-dir", str(laptop.folder), "sync", "import", str(path), *extra)


def _listed(laptop: Laptop, type_name: str) -> list[dict[str, Any]]:
    out = cli("--data-dir", str(laptop.folder), "record", "list", type_name, "--json").out
    return list(json.loads(out))


def _agencies(laptop: Laptop) -> set[str]:
    return {a["name"] for a in _listed(laptop, "agency")}


def test_untrust_refuses_later_packages_and_keeps_what_was_imported(
    fleet: Fleet, tmp_path: Path
) -> None:
    a, b = fleet.add("Laptop A"), fleet.add("Laptop B")
    fleet.trust_all()
    _edit(b, "Dinas Satu")
    assert _import(a, _export(b, tmp_path / "1.jipp")).status == 0
    untrust = cli("--data-dir", str(a.folder), "device", "untrust", b.fingerprint.lower())
    assert untrust.status == 0, untrust.err
    _edit(b, "Dinas Dua")
    later = _export(b, tmp_path / "2.jipp")
    before = db_dump_hash(a.folder)
    refused = _import(a, later)
    assert refused.status == 5
    assert "dicabut" in refused.err and b.fingerprint in refused.err
    assert _import(a, later, "--trust").status == 5  # --trust does not undo a revocation
    assert db_dump_hash(a.folder) == before
    assert _agencies(a) == {"Dinas Satu"}  # what was imported stays
    # Trusting the key again is the officer's explicit override.
    assert cli("--data-dir", str(a.folder), "device", "trust", b.fingerprint).status == 0
    assert _import(a, later).status == 0
    assert _agencies(a) == {"Dinas Satu", "Dinas Dua"}


def test_own_key_and_bad_fingerprint_are_usage_errors(fleet: Fleet) -> None:
    a = fleet.add("Laptop A")
    own = cli("--data-dir", str(a.folder), "device", "untrust", a.fingerprint)
    assert own.status == 2 and "sendiri" in own.err
    assert cli("--data-dir", str(a.folder), "device", "untrust", "nope").status == 2


def _ministry_setup(fleet: Fleet) -> tuple[Laptop, Laptop, Laptop, Laptop]:
    """M (the ministry), two honest hubs H1 and H2, and S, a hub laptop that is stolen.
    Every laptop trusts every other; the hubs trust M as the ministry."""
    m, h1, h2, s = (fleet.add(n) for n in ("Kementerian", "Hub 1", "Hub 2", "Hub Curian"))
    fleet.trust_all()
    for hub in (h1, h2, s):
        got = cli(
            "--data-dir", str(hub.folder), "device", "trust", m.fingerprint, "--role", "ministry"
        )
        assert got.status == 0 and "kementerian" in got.out
    return m, h1, h2, s


def test_a_ministry_revocation_travels_by_relay(fleet: Fleet, tmp_path: Path) -> None:
    m, h1, h2, s = _ministry_setup(fleet)
    assert cli("--data-dir", str(m.folder), "device", "untrust", s.fingerprint).status == 0
    to_h1 = _import(h1, _export(m, tmp_path / "m.jipp"))
    assert to_h1.status == 0
    assert s.fingerprint in to_h1.out and "Kementerian" in to_h1.out
    # H2 never hears from M directly: H1's package carries M's signed statement.
    assert _import(h2, _export(h1, tmp_path / "h1.jipp")).status == 0
    _edit(s, "Data Pencuri")
    stolen = _export(s, tmp_path / "s.jipp")
    for hub in (h1, h2):
        refused = _import(hub, stolen)
        assert refused.status == 5 and "Kementerian" in refused.err
        assert "Data Pencuri" not in _agencies(hub)


def test_a_stolen_hub_cannot_shut_out_its_peers(fleet: Fleet, tmp_path: Path) -> None:
    m, h1, h2, s = _ministry_setup(fleet)
    assert cli("--data-dir", str(s.folder), "device", "untrust", h1.fingerprint).status == 0
    assert cli("--data-dir", str(s.folder), "device", "untrust", m.fingerprint).status == 0
    assert _import(h2, _export(s, tmp_path / "s.jipp")).status == 0
    _edit(h1, "Dinas Jujur")
    assert _import(h2, _export(h1, tmp_path / "h1.jipp")).status == 0
    assert "Dinas Jujur" in _agencies(h2)
    assert _import(h2, _export(m, tmp_path / "m.jipp")).status == 0
    shown = json.loads(cli("--data-dir", str(h2.folder), "device", "--json").out)
    assert {r["fingerprint"] for r in shown["revocations"]} == {h1.fingerprint, m.fingerprint}
    assert not any(r["counts"] for r in shown["revocations"])


def test_revoking_a_province_laptop_voids_its_revocations(fleet: Fleet, tmp_path: Path) -> None:
    m, h1, h2, p = _ministry_setup(fleet)
    # H2 trusts P as its province laptop: P's revocation of H1 counts there...
    cli("--data-dir", str(h2.folder), "device", "trust", p.fingerprint, "--role", "province")
    cli("--data-dir", str(p.folder), "device", "untrust", h1.fingerprint)
    assert _import(h2, _export(p, tmp_path / "p.jipp")).status == 0
    _edit(h1, "Dinas Satu")
    from_h1 = _export(h1, tmp_path / "h1.jipp")
    assert _import(h2, from_h1).status == 5
    # ...until the ministry revokes P (say P was stolen): P's statements lapse.
    cli("--data-dir", str(m.folder), "device", "untrust", p.fingerprint)
    assert _import(h2, _export(m, tmp_path / "m.jipp")).status == 0
    assert _import(h2, from_h1).status == 0
    assert "Dinas Satu" in _agencies(h2)


def test_a_forged_revocation_damages_the_package(fleet: Fleet, tmp_path: Path) -> None:
    m, h1, h2, s = _ministry_setup(fleet)
    cli("--data-dir", str(m.folder), "device", "untrust", s.fingerprint)
    good = _export(m, tmp_path / "m.jipp")

    def retarget(manifest: dict[str, Any], members: dict[str, bytes]) -> None:
        manifest["revocations"][0]["fingerprint"] = h2.fingerprint  # signature no longer fits

    # Re-signed by M's real key, so only the statement's own signature is wrong.
    forged = _resign(m, good, tmp_path / "forged.jipp", retarget)
    before = db_dump_hash(h1.folder)
    refused = _import(h1, forged)
    assert refused.status == 6 and "pencabutan" in refused.err
    assert db_dump_hash(h1.folder) == before

    def undated(manifest: dict[str, Any], members: dict[str, bytes]) -> None:
        # Signed by M's real key, but no moment to hold S's later changes from.
        fields = {**manifest["revocations"][0], "revoked_at": "kemarin", "signature": ""}
        statement = revocation.Revocation(**fields)
        signature = identity.load_or_create(m.folder).sign(statement.payload())
        manifest["revocations"][0] = {**fields, "signature": base64.b64encode(signature).decode()}
        assert revocation.Revocation(**manifest["revocations"][0]).valid()

    refused = _import(h1, _resign(m, good, tmp_path / "undated.jipp", undated))
    assert refused.status == 6 and "pencabutan" in refused.err
    assert db_dump_hash(h1.folder) == before


def test_a_revoked_laptops_later_changes_are_held_whoever_relays_them(
    fleet: Fleet, tmp_path: Path
) -> None:
    """S is stolen and revoked by the ministry.  H1 has not heard of it and imports S's
    later changes; H2 has, and receives them relayed in H1's honestly signed package:
    the changes S made before the revocation arrive, those after are held back (and come
    once H2's officer trusts S again)."""
    m, h1, h2, s = _ministry_setup(fleet)
    early = lambda: now_ms() - 60_000  # noqa: E731  (S's changes before the revocation)
    late = lambda: now_ms() + 60_000  # noqa: E731  (and after it)
    with open_workspace(s.folder, wall=early) as ws:
        lama = ws.records.create("agency", {"name": "Dinas Lama", "level": "province"})
        dua = ws.records.create("agency", {"name": "Dinas Dua", "level": "province"})
    both = _export(s, tmp_path / "s1.jipp")
    assert _import(h1, both).status == 0 and _import(h2, both).status == 0
    with open_workspace(s.folder, wall=early) as ws:
        ws.records.create("agency", {"name": "Dinas Sebelum", "level": "province"})
    assert _import(h1, _export(s, tmp_path / "s2.jipp", h1.device_id)).status == 0
    assert cli("--data-dir", str(m.folder), "device", "untrust", s.fingerprint).status == 0
    assert _import(h2, _export(m, tmp_path / "m.jipp")).status == 0
    with open_workspace(s.folder, wall=late) as ws:
        ws.records.create("agency", {"name": "Data Pencuri", "level": "province"})
        ws.records.update("agency", lama, {"name": "Dinas Lama (palsu)"})
        ws.records.delete("agency", dua)
    assert _import(h1, _export(s, tmp_path / "s3.jipp", h1.device_id)).status == 0
    _edit(h1, "Dinas Jujur")
    with h1.open() as ws:  # an honest record that refers to the thief's: held with it
        thief = next(r["id"] for r in ws.records.list("agency") if r["name"] == "Data Pencuri")
        ws.records.create(
            "innovation", {"title": "Antrian", "agency_id": thief, "province_code": "36"}
        )
    relayed = _import(h2, _export(h1, tmp_path / "h1.jipp", h2.device_id), "--json")
    assert relayed.status == 0, relayed.err
    warnings = json.loads(relayed.out)["warnings"]
    assert len(warnings) == 1 and "Hub Curian" in warnings[0]["id"]
    assert "4 perubahan" in warnings[0]["id"]
    assert _agencies(h2) == {"Dinas Lama", "Dinas Dua", "Dinas Sebelum", "Dinas Jujur"}
    assert not _listed(h2, "innovation")
    # Held, not lost: H2 never counts S's later changes as received, so H1 sends them
    # again, and they arrive once H2's officer trusts S again.
    assert _import(h1, _export(h2, tmp_path / "h2.jipp", h1.device_id)).status == 0
    again = _export(h1, tmp_path / "h1b.jipp", h2.device_id)
    assert _import(h2, again).status == 0
    assert "Data Pencuri" not in _agencies(h2)
    assert cli("--data-dir", str(h2.folder), "device", "trust", s.fingerprint).status == 0
    assert _import(h2, _export(h1, tmp_path / "h1c.jipp", h2.device_id)).status == 0
    assert _agencies(h2) == {"Dinas Lama (palsu)", "Data Pencuri", "Dinas Sebelum", "Dinas Jujur"}
    assert [r["title"] for r in _listed(h2, "innovation")] == ["Antrian"]
