"""A full disk (a real small tmpfs) gets its own message, exit 8, and leaves nothing behind.

Each write is tried twice: as the officer meets it (the space check refuses first,
saying how much is needed) and with that check switched off, so the write itself
runs into the full filesystem half-way.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from fault_helpers import fill, jipp, leftovers, needs_root, tmpfs

from jipp_desktop.core import storage
from jipp_desktop.core.workspace import DB_NAME

MB = 1024


@pytest.fixture(params=["checked first", "fails half-way"])
def check(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    needs_root()
    if request.param == "fails half-way":
        monkeypatch.setattr(storage, "require_space", lambda folder, needed: None)
    return str(request.param)


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


def test_import_onto_a_full_disk(filled_dir: Path, tmp_path: Path, check: str) -> None:
    package = _package(tmp_path, 40)
    with tmpfs(tmp_path / "kecil", 16 * MB) as mount:
        data = mount / "data"
        shutil.copytree(filled_dir, data)
        before = _state(data)
        fill(mount, leave=(data / DB_NAME).stat().st_size // 2)
        result = jipp(data, "sync", "import", str(package), "--trust")
        assert result.returncode == 8, result.stderr
        assert f"Disk untuk folder {data} penuh" in result.stderr
        if check == "checked first":
            assert "Diperlukan" in result.stderr
        assert "rollback" not in result.stderr and "Errno" not in result.stderr
        assert leftovers(data) == []
        (mount / "pengisi.bin").unlink()
        assert _state(data) == before


def test_export_to_a_full_disk(filled_dir: Path, tmp_path: Path, check: str) -> None:
    with tmpfs(tmp_path / "kecil", 64) as mount:
        fill(mount, leave=8 * 1024)
        target = mount / "x.jipp"
        result = jipp(filled_dir, "--lang", "en", "sync", "export", "--to", str(target), "--full")
        assert result.returncode == 8, result.stderr
        assert f"The disk holding {mount} is full" in result.stderr
        assert not target.exists() and leftovers(mount) == []


def test_backup_to_a_full_disk(filled_dir: Path, tmp_path: Path, check: str) -> None:
    before = _state(filled_dir)
    with tmpfs(tmp_path / "kecil", 64) as mount:
        target = mount / "b.sqlite3"
        result = jipp(filled_dir, "backup", "--to", str(target))
        assert result.returncode == 8, result.stderr
        assert f"Disk untuk folder {mount} penuh" in result.stderr
        assert not target.exists() and leftovers(mount, filled_dir) == []
    assert _state(filled_dir) == before


def test_automatic_backup_on_a_full_disk_says_so(filled_dir: Path, tmp_path: Path) -> None:
    needs_root()
    with tmpfs(tmp_path / "kecil", 16 * MB) as mount:
        data = mount / "data"
        shutil.copytree(filled_dir, data)
        # Room to open the folder, not for a backup (the copy and its compressed form).
        fill(mount, leave=storage.SPACE_MARGIN + (data / DB_NAME).stat().st_size // 2)
        result = jipp(data, "backup")
        assert result.returncode == 8
        assert "Diperlukan" in result.stderr and "tersedia" in result.stderr
        assert leftovers(data) == []
        assert jipp(data, "backup", "list", "--json").stdout.strip() == "[]"
