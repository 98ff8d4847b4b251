"""A full disk gets its own message, exit 8, and leaves nothing behind.

Each write is tried twice: as the officer meets it (the space check refuses first,
saying how much is needed) and with that check switched off, so the write itself
runs into the full filesystem half-way.  The disk is a real small tmpfs, filled up
(mounting needs root), and also, root or not, a folder the core is told to see as full
(``storage.TEST_FULL_DISK_ENV``: no free space, writes fail with ENOSPC, SQLite may not
grow the database), so the tests run on a machine without root too.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from fault_helpers import REPO, fill, jipp, leftovers, needs_root, tmpfs

from jipp_desktop.core import storage
from jipp_desktop.core.workspace import DB_NAME

MB = 1024


@pytest.fixture(params=["checked first", "fails half-way"])
def check(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "fails half-way":
        monkeypatch.setattr(storage, "require_space", lambda folder, needed: None)
    return str(request.param)


class Disk:
    """A small disk that fills up: a real tmpfs, or a folder the core sees as full."""

    def __init__(self, real: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.real = real
        self.tmp_path = tmp_path
        self.monkeypatch = monkeypatch

    @contextmanager
    def mounted(self, name: str, size_kb: int) -> Iterator[Path]:
        if self.real:
            with tmpfs(self.tmp_path / name, size_kb) as mount:
                yield mount
        else:
            folder = self.tmp_path / name
            folder.mkdir()
            yield folder

    def fill(self, mount: Path, leave: int) -> None:
        if self.real:
            fill(mount, leave)
        else:
            self.monkeypatch.setenv(storage.TEST_FULL_DISK_ENV, str(mount))

    def free(self, mount: Path) -> None:
        if self.real:
            (mount / "pengisi.bin").unlink()
        else:
            self.monkeypatch.delenv(storage.TEST_FULL_DISK_ENV)


@pytest.fixture(params=["tmpfs", "simulated"])
def disk(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Disk:
    if request.param == "tmpfs":
        needs_root()
    return Disk(request.param == "tmpfs", tmp_path, monkeypatch)


def _state(data_dir: Path) -> str:
    return jipp(data_dir, "stats", "--json").stdout


def _package(tmp_path: Path, count: int) -> Path:
    sender = tmp_path / "pengirim"
    sender.mkdir()
    for i in range(count):
        body = json.dumps({"title": f"Inovasi kiriman {i}", "province_code": "53"})
        assert (
            jipp(sender, "record", "add", "innovation", "--json", "-", input=body).returncode == 0
        )
    target = tmp_path / "kiriman.jipp"
    made = jipp(sender, "sync", "export", "--to", str(target), "--full")
    assert made.returncode == 0, made.stderr
    return target


def test_import_onto_a_full_disk(filled_dir: Path, tmp_path: Path, check: str, disk: Disk) -> None:
    package = _package(tmp_path, 40)
    with disk.mounted("kecil", 16 * MB) as mount:
        data = mount / "data"
        shutil.copytree(filled_dir, data)
        before = _state(data)
        disk.fill(mount, leave=(data / DB_NAME).stat().st_size // 2)
        result = jipp(data, "sync", "import", str(package), "--trust")
        assert result.returncode == 8, result.stderr
        # The data folder, or its backups folder when the copy taken before an import
        # is what did not fit.
        assert f"Disk untuk folder {data}" in result.stderr and "penuh" in result.stderr
        if check == "checked first":
            assert "Diperlukan" in result.stderr
        assert "rollback" not in result.stderr and "Errno" not in result.stderr
        assert leftovers(data) == []
        disk.free(mount)
        assert _state(data) == before


def test_export_to_a_full_disk(filled_dir: Path, check: str, disk: Disk) -> None:
    with disk.mounted("kecil", 64) as mount:
        disk.fill(mount, leave=8 * 1024)
        target = mount / "x.jipp"
        result = jipp(filled_dir, "--lang", "en", "sync", "export", "--to", str(target), "--full")
        assert result.returncode == 8, result.stderr
        assert f"The disk holding {mount} is full" in result.stderr
        assert not target.exists() and leftovers(mount) == []


def test_backup_to_a_full_disk(filled_dir: Path, check: str, disk: Disk) -> None:
    before = _state(filled_dir)
    with disk.mounted("kecil", 64) as mount:
        disk.fill(mount, leave=32 * 1024)  # the database is several times that
        target = mount / "b.sqlite3"
        result = jipp(filled_dir, "backup", "--to", str(target))
        assert result.returncode == 8, result.stderr
        assert f"Disk untuk folder {mount} penuh" in result.stderr
        assert not target.exists() and leftovers(mount, filled_dir) == []
    assert _state(filled_dir) == before


def test_automatic_backup_on_a_full_disk_says_so(filled_dir: Path, disk: Disk) -> None:
    with disk.mounted("kecil", 16 * MB) as mount:
        data = mount / "data"
        shutil.copytree(filled_dir, data)
        # Room to open the folder, not for a backup (the copy and its compressed form).
        disk.fill(mount, leave=storage.SPACE_MARGIN + (data / DB_NAME).stat().st_size // 2)
        result = jipp(data, "backup")
        assert result.returncode == 8
        assert "Diperlukan" in result.stderr and "tersedia" in result.stderr
        assert leftovers(data) == []
        assert jipp(data, "backup", "list", "--json").stdout.strip() == "[]"


def test_a_record_added_on_a_full_disk(filled_dir: Path, disk: Disk) -> None:
    """SQLite itself runs out of room (no space check before a small write)."""
    with disk.mounted("kecil", 16 * MB) as mount:
        data = mount / "data"
        shutil.copytree(filled_dir, data)
        before = _state(data)
        disk.fill(mount, leave=0)
        # Long enough to need new pages whatever room the last page has.
        long = {key: "kata " * 3_900 for key in ("problem", "solution", "novelty", "results")}
        body = json.dumps({"title": "Inovasi", "province_code": "36", **long})
        result = jipp(data, "record", "add", "innovation", "--json", "-", input=body)
        assert result.returncode == 8, result.stderr
        assert f"Disk untuk folder {data} penuh" in result.stderr
        assert "Errno" not in result.stderr and "rollback" not in result.stderr
        assert leftovers(data) == []
        disk.free(mount)
        assert _state(data) == before


def test_the_simulated_full_disk_never_applies_outside_a_test(
    filled_dir: Path, tmp_path: Path
) -> None:
    """An officer's environment holding the variable by mistake changes nothing: only a
    process pytest is running a test in heeds it."""
    env = {k: v for k, v in os.environ.items() if k != "PYTEST_CURRENT_TEST"}
    env[storage.TEST_FULL_DISK_ENV] = str(tmp_path)
    target = tmp_path / "b.sqlite3"
    done = subprocess.run(
        [sys.executable, "-m", "jipp_desktop", "--data-dir", str(filled_dir),
         "backup", "--to", str(target)],
        capture_output=True, text=True, env=env, cwd=REPO, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert target.stat().st_size > 0
