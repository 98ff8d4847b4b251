"""Hostile and broken files: each is refused with its exit status, the database untouched,
by a SQLite laptop and by a PostgreSQL peer alike (the receiver B is the PostgreSQL one)."""

from __future__ import annotations

import hashlib
import io
import json
import os
import uuid
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sync_helpers import Fleet, Laptop, cli, db_dump_hash, open_dump_hash, seed

from jipp_desktop.core import engine
from jipp_desktop.core.errors import JippError
from jipp_desktop.core.workspace import open_workspace
from jipp_desktop.sync import exporter, identity, importer, package


@pytest.fixture
def pair(fleet: Fleet, tmp_path: Path) -> tuple[Laptop, Laptop, Path]:
    a, b = fleet.add("Laptop A"), fleet.add("Laptop B")
    fleet.trust_all()
    with a.open() as ws:
        seed(ws)
        exporter.export(ws, tmp_path / "good.jipp")
    return a, b, tmp_path / "good.jipp"


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def _resign(
    a: Laptop, good: Path, target: Path, edit: Callable[[dict[str, Any], dict[str, bytes]], None]
) -> Path:
    """Rebuild a package signed by A's real key after ``edit`` changed manifest or members."""
    members = _members(good)
    manifest = json.loads(members.pop(package.MANIFEST))
    members.pop(package.SIGNATURE)
    manifest["package_id"] = str(uuid.uuid4())  # so no rebuilt package is "already imported"
    edit(manifest, members)
    manifest["members"] = [
        {"name": n, "size": len(b), "sha256": hashlib.sha256(b).hexdigest()}
        for n, b in members.items()
    ]
    body = json.dumps(manifest).encode()
    key = identity.folder_key(a.folder)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
        zf.writestr(package.MANIFEST, body)
        zf.writestr(package.SIGNATURE, key.sign(body).hex())
    return target


def _lines(
    edit: Callable[[list[dict[str, Any]]], list[bytes] | None],
) -> Callable[[dict[str, Any], dict[str, bytes]], None]:
    def apply(manifest: dict[str, Any], members: dict[str, bytes]) -> None:
        rows = [json.loads(x) for x in members[package.CHANGES].splitlines() if x.strip()]
        raw = edit(rows)
        members[package.CHANGES] = (
            b"\n".join(raw) if raw is not None else b"\n".join(json.dumps(r).encode() for r in rows)
        )

    return apply


def _truncate(a: Laptop, good: Path, t: Path) -> Path:
    t.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    return t


def _flip_byte(a: Laptop, good: Path, t: Path) -> Path:
    data = bytearray(good.read_bytes())
    data[len(data) // 3] ^= 0x01
    t.write_bytes(bytes(data))
    return t


def _wrong_signature(a: Laptop, good: Path, t: Path) -> Path:
    members = _members(good)
    forged = identity.DeviceKey(identity.Ed25519PrivateKey.generate())
    members[package.SIGNATURE] = forged.sign(members[package.MANIFEST]).hex().encode()
    with zipfile.ZipFile(t, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return t


def _changed_member(a: Laptop, good: Path, t: Path) -> Path:
    members = _members(good)
    members[package.CHANGES] = members[package.CHANGES].replace(b"Banten", b"Jawa B")
    with zipfile.ZipFile(t, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return t


def _dotdot(a: Laptop, good: Path, t: Path) -> Path:
    def edit(manifest: dict[str, Any], members: dict[str, bytes]) -> None:
        members["../../evil.txt"] = b"boo"

    return _resign(a, good, t, edit)


def _absolute(a: Laptop, good: Path, t: Path) -> Path:
    def edit(manifest: dict[str, Any], members: dict[str, bytes]) -> None:
        members["/etc/evil"] = b"boo"

    return _resign(a, good, t, edit)


def _symlink(a: Laptop, good: Path, t: Path) -> Path:
    _resign(a, good, t, lambda man, mem: None)
    info = zipfile.ZipInfo("attachments/link")
    info.external_attr = 0o120777 << 16
    with zipfile.ZipFile(t, "a") as zf:
        zf.writestr(info, "/etc/passwd")
    return t


def _duplicate(a: Laptop, good: Path, t: Path) -> Path:
    _resign(a, good, t, lambda man, mem: None)
    with zipfile.ZipFile(t, "a") as zf, pytest.warns(UserWarning):
        zf.writestr(package.CHANGES, b"{}")
    return t


def _bomb(a: Laptop, good: Path, t: Path) -> Path:
    def edit(manifest: dict[str, Any], members: dict[str, bytes]) -> None:
        members["attachments/" + "0" * 64] = bytes(60 * 1024 * 1024)

    return _resign(a, good, t, edit)


def _huge_line(a: Laptop, good: Path, t: Path) -> Path:
    noise = os.urandom(3 * 1024 * 1024).hex().encode()  # does not compress: no bomb alarm
    return _resign(a, good, t, _lines(lambda rows: [b'{"t": "agency", "x": "' + noise + b'"}']))


def _malformed_line(a: Laptop, good: Path, t: Path) -> Path:
    return _resign(a, good, t, _lines(lambda rows: [b'{"t": "agency", "id": ']))


def _bad_stamp(a: Laptop, good: Path, t: Path) -> Path:
    def edit(rows: list[dict[str, Any]]) -> None:
        rows[0]["hlc"] = "yesterday"

    return _resign(a, good, t, _lines(edit))


def _unknown_version(a: Laptop, good: Path, t: Path) -> Path:
    def edit(manifest: dict[str, Any], members: dict[str, bytes]) -> None:
        manifest["format_version"] = 99

    return _resign(a, good, t, edit)


def _plain_text(a: Laptop, good: Path, t: Path) -> Path:
    t.write_text("Ini bukan paket, hanya teks.\n")
    return t


def _empty(a: Laptop, good: Path, t: Path) -> Path:
    t.write_bytes(b"")
    return t


def _invalid_value(a: Laptop, good: Path, t: Path) -> Path:
    def edit(rows: list[dict[str, Any]]) -> None:
        rows[0]["f"]["level"] = ["not-a-level"]

    return _resign(a, good, t, _lines(edit))


def _dangling_reference(a: Laptop, good: Path, t: Path) -> Path:
    def edit(rows: list[dict[str, Any]]) -> None:
        hub = next(r for r in rows if r["t"] == "hub")
        hub["f"]["coordinating_agency_id"] = ["00000000-0000-4000-8000-000000000000"]

    return _resign(a, good, t, _lines(edit))


def _future_stamp(a: Laptop, good: Path, t: Path) -> Path:
    def edit(rows: list[dict[str, Any]]) -> None:
        rows[0]["f"]["name"] = ["Dari masa depan", "ffffffffffff0000-" + rows[0]["hlc"][17:]]

    return _resign(a, good, t, _lines(edit))


CASES = [
    (_truncate, 6, "bukan berkas zip"),
    (_flip_byte, 6, "Tidak ada yang diimpor"),
    (_wrong_signature, 6, "Tanda tangan"),
    (_changed_member, 6, "SHA-256"),
    (_dotdot, 6, "tidak aman"),
    (_absolute, 6, "tidak aman"),
    (_symlink, 6, "tautan"),
    (_duplicate, 6, "ganda"),
    (_bomb, 6, "bom zip"),
    (_huge_line, 6, "terlalu panjang"),
    (_malformed_line, 6, "bukan JSON"),
    (_bad_stamp, 6, "cap waktu"),
    (_unknown_version, 6, "Versi format"),
    (_plain_text, 6, "bukan berkas zip"),
    (_empty, 6, "bukan berkas zip"),
    (_invalid_value, 3, "Tingkat"),
    (_dangling_reference, 3, "tidak ditemukan"),
    (_future_stamp, 3, "masa depan"),
]


# On a PostgreSQL peer: every case refused inside the import's transaction, after rows may
# have been written (the lines are read as they are applied), and one of each kind refused
# when the package is opened, before any database is read (not a zip, the signature, an
# unsafe name); the others take the same path on both engines.
ON_POSTGRESQL = {_truncate, _wrong_signature, _dotdot, _huge_line, _malformed_line, _bad_stamp,
                 _invalid_value, _dangling_reference, _future_stamp}  # fmt: skip
ENGINE_CASES = [(engine.SQLITE, *case) for case in CASES] + [
    (engine.POSTGRESQL, *case) for case in CASES if case[0] in ON_POSTGRESQL
]


@pytest.mark.parametrize(
    ("fleet_engine", "make", "status", "words"),
    ENGINE_CASES,
    ids=[f"{c[0]}-{c[1].__name__}" for c in ENGINE_CASES],
)
def test_hostile_file_is_refused_and_changes_nothing(
    pair: tuple[Laptop, Laptop, Path],
    tmp_path: Path,
    make: Callable[[Laptop, Path, Path], Path],
    status: int,
    words: str,
) -> None:
    a, b, good = pair
    bad = make(a, good, tmp_path / "bad.jipp")
    before = db_dump_hash(b.folder)
    result = cli("--data-dir", str(b.folder), "sync", "import", str(bad))
    assert result.status == status, result.err
    assert words in result.err
    assert "Traceback" not in result.err and result.err.count("\n") <= 25
    assert db_dump_hash(b.folder) == before
    assert cli("--data-dir", str(b.folder), "sync", "import", str(good)).status == 0


def test_a_bad_last_line_rolls_back_the_chunks_written_before_it(
    pair: tuple[Laptop, Laptop, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rows are written a chunk at a time inside the import's one transaction: a line found
    bad after earlier chunks were written takes them back too (on PostgreSQL the server's
    rollback, on SQLite the journal's)."""
    a, b, good = pair
    monkeypatch.setattr(importer, "_CHUNK", 2)

    def edit(rows: list[dict[str, Any]]) -> None:
        assert len(rows) > 2 * importer._CHUNK
        rows[-1]["hlc"] = "yesterday"

    bad = _resign(a, good, tmp_path / "bad.jipp", _lines(edit))
    before = db_dump_hash(b.folder)
    result = cli("--data-dir", str(b.folder), "sync", "import", str(bad))
    assert result.status == 6 and "cap waktu" in result.err, result.err
    assert db_dump_hash(b.folder) == before
    assert cli("--data-dir", str(b.folder), "sync", "import", str(good)).status == 0
    assert db_dump_hash(b.folder) != before


def test_unknown_sender_and_passphrases(fleet: Fleet, tmp_path: Path) -> None:
    a, b = fleet.add("Laptop A"), fleet.add("Laptop B")
    with a.open() as ws:
        seed(ws)
        exporter.export(ws, tmp_path / "a.jipp")
        exporter.export(ws, tmp_path / "locked.jipp", passphrase="rahasia kita berdua")
    (tmp_path / "right").write_text("rahasia kita berdua\n")
    (tmp_path / "wrong").write_text("salah\n")
    before = db_dump_hash(b.folder)
    unknown = cli("--data-dir", str(b.folder), "sync", "import", str(tmp_path / "a.jipp"))
    assert unknown.status == 5 and "Laptop A" in unknown.err and a.fingerprint in unknown.err
    missing = cli(
        "--data-dir", str(b.folder), "sync", "import", str(tmp_path / "locked.jipp"), "--trust"
    )
    assert missing.status == 7 and "frasa sandi" in missing.err
    wrong = cli(
        "--data-dir",
        str(b.folder),
        "sync",
        "import",
        str(tmp_path / "locked.jipp"),
        "--trust",
        "--passphrase-file",
        str(tmp_path / "wrong"),
    )
    assert wrong.status == 7 and "salah" in wrong.err
    assert db_dump_hash(b.folder) == before
    right = cli(
        "--data-dir",
        str(b.folder),
        "sync",
        "import",
        str(tmp_path / "locked.jipp"),
        "--trust",
        "--passphrase-file",
        str(tmp_path / "right"),
    )
    assert right.status == 0, right.err


def test_a_changed_key_for_a_known_device_is_refused(
    pair: tuple[Laptop, Laptop, Path], tmp_path: Path
) -> None:
    a, b, good = pair
    assert cli("--data-dir", str(b.folder), "sync", "import", str(good)).status == 0
    (a.folder / identity.KEY_FILE).unlink()
    with a.open() as ws:
        exporter.export(ws, tmp_path / "newkey.jipp")
        new_fp = identity.load_or_create(ws.data_dir).fingerprint
    with b.open():
        identity.trust(new_fp)
    result = cli("--data-dir", str(b.folder), "sync", "import", str(tmp_path / "newkey.jipp"))
    assert result.status == 5 and "kunci lain" in result.err


def _examples(fleet_engine: str) -> int:
    """Fuzzed packages per test: fewer on PostgreSQL, whose refusals run the same checks
    (before any write) and whose state takes longer to read back."""
    count = int(os.environ.get("JIPP_FUZZ_EXAMPLES", "100"))
    return max(1, count // 8) if fleet_engine == engine.POSTGRESQL else count


def _fuzz(fleet_engine: str) -> Callable[[Callable[..., None]], Callable[[], None]]:
    def decorate(test: Callable[..., None]) -> Callable[[], None]:
        return settings(  # type: ignore[no-any-return]
            max_examples=_examples(fleet_engine),
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow],
        )(given(data=st.data())(test))

    return decorate


def test_fuzzed_packages_never_crash_and_never_half_write(
    pair: tuple[Laptop, Laptop, Path], tmp_path: Path, fleet_engine: str
) -> None:
    _a, b, good = pair

    @_fuzz(fleet_engine)
    def example(data: st.DataObject) -> None:
        blob = bytearray(good.read_bytes())
        for _ in range(data.draw(st.integers(1, 4), label="mutations")):
            kind = data.draw(st.sampled_from(("flip", "cut", "insert")))
            at = data.draw(st.integers(0, len(blob) - 1))
            if kind == "flip":
                blob[at] ^= data.draw(st.integers(1, 255))
            elif kind == "cut":
                del blob[at : at + data.draw(st.integers(1, 64))]
            else:
                blob[at:at] = data.draw(st.binary(min_size=1, max_size=32))
        bad = tmp_path / "fuzz.jipp"
        bad.write_bytes(bytes(io.BytesIO(blob).getvalue()))
        _refused_or_applied(b, bad)

    example()


def _refused_or_applied(b: Laptop, bad: Path) -> None:
    """Import ``bad`` into B: either it is refused with a named error and B's database is
    as before, or it is applied (a harmless mutation); never anything else."""
    ws = open_workspace(b.folder)
    try:
        before = open_dump_hash()
        try:
            importer.import_package(ws, bad)
        except JippError:
            assert open_dump_hash() == before
    finally:
        ws.close()


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)


def test_signed_but_mangled_lines_never_crash_and_never_half_write(
    pair: tuple[Laptop, Laptop, Path], tmp_path: Path, fleet_engine: str
) -> None:
    """Past the signature (a trusted sender with a bug): every line is still checked."""
    a, b, good = pair

    @_fuzz(fleet_engine)
    def example(data: st.DataObject) -> None:
        def mangle(rows: list[dict[str, Any]]) -> None:
            for _ in range(data.draw(st.integers(1, 3), label="edits")):
                row = rows[data.draw(st.integers(0, len(rows) - 1))]
                cells = row.get("f") if isinstance(row.get("f"), dict) else {}
                keys = sorted(row) + sorted(f"f.{k}" for k in cells)
                key = data.draw(st.sampled_from(keys))
                value = data.draw(JSON)
                if key.startswith("f.") and isinstance(row.get("f"), dict):
                    row["f"][key[2:]] = value
                else:
                    row[key] = value

        _refused_or_applied(b, _resign(a, good, tmp_path / "mangled.jipp", _lines(mangle)))

    example()
