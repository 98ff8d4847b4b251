"""What a sync folder may hold besides packages, and what a locked package may ask for.

The receiver B is a PostgreSQL peer in the second run (a sync folder on the ministry's
shared drive works as on a laptop); the refusals made before any database is read run
once."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sync_helpers import Fleet, Laptop, cli, db_dump_hash, seed

from jipp_desktop.core import passphrase
from jipp_desktop.sync import crypto, exporter, package, spool

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and /dev/zero are POSIX")


@pytest.fixture
def pair(fleet: Fleet, tmp_path: Path) -> tuple[Laptop, Laptop]:
    a, b = fleet.add("Laptop A"), fleet.add("Laptop B")
    fleet.trust_all()
    with a.open() as ws:
        seed(ws)
    return a, b


def test_pipes_devices_and_folders_in_a_sync_folder_are_skipped(
    pair: tuple[Laptop, Laptop], tmp_path: Path
) -> None:
    a, b = pair
    shared = tmp_path / "shared"
    assert cli("--data-dir", str(a.folder), "sync", "folder", str(shared)).status == 0
    os.mkfifo(shared / "fifo.jipp")
    (shared / "zero.jipp").symlink_to("/dev/zero")
    (shared / "x.jipp").mkdir()
    # A separate process, so a regression (reading a pipe or /dev/zero) fails by timing
    # out instead of hanging the suite or eating its memory.
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "jipp_desktop",
            "--data-dir",
            str(b.folder),
            "sync",
            "folder",
            str(shared),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    for name in ("fifo.jipp", "zero.jipp", "x.jipp"):
        assert f"{name}: bukan berkas biasa (folder, pipa atau perangkat), dilewati." in (
            done.stdout
        )
    with b.open() as ws:
        assert ws.records.count("visit") == 1  # the real package next to them was imported


@pytest.mark.sqlite_only("refused when the file is opened, before any database is read")
def test_a_pipe_given_to_import_is_refused_without_waiting(
    pair: tuple[Laptop, Laptop], tmp_path: Path
) -> None:
    _a, b = pair
    os.mkfifo(tmp_path / "fifo.jipp")
    result = cli("--data-dir", str(b.folder), "sync", "import", str(tmp_path / "fifo.jipp"))
    assert result.status == 6 and "bukan berkas biasa" in result.err


def test_an_oversized_file_is_refused_before_it_is_read(
    pair: tuple[Laptop, Laptop], tmp_path: Path
) -> None:
    _a, b = pair
    shared = tmp_path / "shared"
    shared.mkdir()
    huge = shared / "huge.jipp"
    with open(huge, "wb") as handle:  # sparse: no disk space, no time
        handle.truncate(package.MAX_FILE_BYTES + 1)
    before = db_dump_hash(b.folder)
    result = cli("--data-dir", str(b.folder), "sync", "import", str(huge))
    assert result.status == 6 and "terlalu besar" in result.err and str(huge) in result.err
    assert db_dump_hash(b.folder) == before
    exchange = cli("--data-dir", str(b.folder), "sync", "folder", str(shared))
    assert exchange.status == 6 and "huge.jipp" in exchange.err and "terlalu besar" in exchange.err
    assert package.peek_manifest(huge) is None


def _sealed_header(log2_n: int, r: int, p: int) -> bytes:
    return crypto.HEADER.pack(crypto.MAGIC, log2_n, r, p, bytes(16), bytes(12))


@pytest.mark.sqlite_only("refused from the header, before any database is read")
@pytest.mark.parametrize("cost", [(20, 16, 4), (16, 8, 1), (15, 8, 2), (14, 8, 1)])
def test_a_locked_file_cannot_choose_the_derivation_cost(
    pair: tuple[Laptop, Laptop], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cost: tuple
) -> None:
    _a, b = pair
    hostile = tmp_path / "hostile.jipp"
    blob = _sealed_header(*cost)
    hostile.write_bytes(blob + bytes(100 - len(blob)))
    (tmp_path / "pass").write_text("kopi tubruk enak sekali\n")
    derived: list[bytes] = []
    monkeypatch.setattr(crypto, "_key", lambda *args: derived.append(args[1]) or bytes(32))
    before = db_dump_hash(b.folder)
    result = cli(
        "--data-dir", str(b.folder), "sync", "import", str(hostile), "--trust",
        "--passphrase-file", str(tmp_path / "pass"),
    )  # fmt: skip
    assert result.status == 6 and "tidak didukung" in result.err, result.err
    assert derived == []  # refused from the header alone
    assert db_dump_hash(b.folder) == before


@pytest.mark.sqlite_only("refused at the passphrase, before any database is read")
def test_a_locked_file_with_the_format_cost_runs_one_derivation(
    pair: tuple[Laptop, Laptop], tmp_path: Path
) -> None:
    _a, b = pair
    damaged = tmp_path / "damaged.jipp"
    blob = _sealed_header(crypto.LOG2_N, crypto.R, crypto.P)
    damaged.write_bytes(blob + bytes(100 - len(blob)))
    (tmp_path / "pass").write_text("kopi tubruk enak sekali\n")
    result = cli(
        "--data-dir", str(b.folder), "sync", "import", str(damaged), "--trust",
        "--passphrase-file", str(tmp_path / "pass"),
    )  # fmt: skip
    assert result.status == 7 and "Frasa sandi salah" in result.err


@pytest.mark.sqlite_only("the sender's passphrase rule, before any database is read")
@pytest.mark.parametrize(
    ("content", "words"),
    [("", "kosong"), ("\n", "kosong"), ("   \r\n", "kosong"), ("pendek\n", "terlalu pendek")],
)
def test_export_refuses_a_weak_passphrase_file(
    pair: tuple[Laptop, Laptop], tmp_path: Path, content: str, words: str
) -> None:
    a, _b = pair
    secret = tmp_path / "secret.txt"
    secret.write_text(content)
    target = tmp_path / "out" / "a.jipp"
    result = cli(
        "--data-dir", str(a.folder), "sync", "export", "--to", str(target),
        "--passphrase-file", str(secret),
    )  # fmt: skip
    assert result.status == 7, result.err
    assert str(secret) in result.err and words in result.err
    assert not target.exists() and not (target.parent.exists() and any(target.parent.iterdir()))


@pytest.mark.sqlite_only("the sender's passphrase rule, before any database is read")
def test_export_api_refuses_an_empty_passphrase(
    pair: tuple[Laptop, Laptop], tmp_path: Path
) -> None:
    a, _b = pair
    with a.open() as ws, pytest.raises(passphrase.WeakPassphrase):
        exporter.export(ws, tmp_path / "a.jipp", passphrase="")
    assert not (tmp_path / "a.jipp").exists()


def test_generated_passphrases(tmp_path: Path) -> None:
    pool = passphrase.words()
    assert len(set(pool)) == len(pool) >= 1000
    assert all(w.isascii() and w.isalpha() and w.islower() for w in pool)
    made = {passphrase.generate() for _ in range(20)}
    assert len(made) == 20
    for phrase in made:
        assert passphrase.problem(phrase) is None
        assert len(phrase.split()) == passphrase.DEFAULT_WORDS
        assert set(phrase.split()) <= set(pool)
    printed = cli("passphrase", "--words", "6")
    assert printed.status == 0 and len(printed.out.split()) == 6
    assert set(printed.out.split()) <= set(pool)
    assert cli("passphrase", "--words", "1").status == 2


@pytest.mark.sqlite_only("a locked package reaches a PostgreSQL peer in test_sync_page.py")
def test_a_generated_passphrase_locks_and_opens_a_package(
    pair: tuple[Laptop, Laptop], tmp_path: Path
) -> None:
    a, b = pair
    phrase = passphrase.generate()
    (tmp_path / "pass").write_text(phrase + "\n")
    target = tmp_path / "locked.jipp"
    exported = cli(
        "--data-dir", str(a.folder), "sync", "export", "--to", str(target),
        "--passphrase-file", str(tmp_path / "pass"),
    )  # fmt: skip
    assert exported.status == 0, exported.err
    assert crypto.is_sealed(target.read_bytes()[:8]) and b"Laptop A" not in target.read_bytes()
    imported = cli(
        "--data-dir", str(b.folder), "sync", "import", str(target),
        "--passphrase-file", str(tmp_path / "pass"),
    )  # fmt: skip
    assert imported.status == 0, imported.err


def test_the_spool_keeps_no_clear_bytes_on_disk() -> None:
    secret = b"NIP 198503302010011001 " * 5000
    with spool.spool() as handle:
        handle.write(secret)
        handle.flush()
        raw = handle.raw._file  # type: ignore[attr-defined]
        raw.seek(0)
        assert b"198503302010011001" not in raw.read()
        for offset in (0, 1, 15, 16, 17, 4095, 70_001):
            handle.seek(offset)
            assert handle.read(100) == secret[offset : offset + 100]
        handle.seek(33)
        handle.write(b"XYZ")
        handle.seek(30)
        assert handle.read(9) == secret[30:33] + b"XYZ" + secret[36:39]


def test_the_format_document_states_the_fixed_cost_and_the_limits() -> None:
    docs = Path(__file__).resolve().parents[2] / "docs"
    text = (docs / "sync-format.md").read_text(encoding="utf-8")
    assert f"log2 N = {crypto.LOG2_N}, r = {crypto.R}, p = {crypto.P}" in text
    assert f"| {crypto.HEADER.size - len(crypto.MAGIC) - 3 - 12} | scrypt salt" in text
    assert package.MAX_FILE_BYTES == 4 * 1024**3 + 256 * 1024**2
    assert "4 GiB + 256 MiB" in text
    assert f"at least {passphrase.MIN_LENGTH} characters" in text
