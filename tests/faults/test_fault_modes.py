"""Owner-only files: the data holds names, NIP and phone numbers (UU 27/2022)."""

from __future__ import annotations

import json
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fault_helpers import crash_after_edit, jipp

from jipp_desktop.core.workspace import DB_NAME

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="Windows keeps its own rights")


@pytest.fixture
def loose_umask() -> Iterator[None]:
    """The usual umask, under which files come out readable by every user."""
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _loose(command: list[str], data_dir: Path, text: str = "") -> None:
    os.umask(0o022)  # as if each command were started from a fresh shell
    result = jipp(data_dir, *command, input=text)
    assert result.returncode == 0, (command, result.stderr)


def test_every_file_the_app_writes_is_owner_only(tmp_path: Path, loose_umask: None) -> None:
    data = tmp_path / "baru"
    out = tmp_path / "keluar"
    out.mkdir()
    hub = json.dumps({"province_code": "36", "name": "Simpul Banten"})
    _loose(["record", "add", "hub", "--json", "-"], data, hub)
    _loose(["backup"], data)
    _loose(["sync", "export", "--to", str(out / "paket.jipp"), "--full"], data)
    _loose(["report", "register", "--out", str(out / "daftar.pdf")], data)
    _loose(["export", "hub", "--out", str(out / "simpul.xlsx")], data)
    sender = tmp_path / "pengirim"
    _loose(["record", "add", "hub", "--json", "-"], sender, hub)
    _loose(["sync", "export", "--to", str(out / "kiriman.jipp"), "--full"], sender)
    _loose(["sync", "import", str(out / "kiriman.jipp"), "--trust"], data)
    os.umask(0o022)
    crash_after_edit(data)  # leaves -wal and -shm as a running app has them

    assert _mode(data) == 0o700
    written = [p for p in data.rglob("*") if p.name != "jipp.lock"]
    names = {p.name for p in written}
    assert {DB_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-shm", "backups", "sync-reports"} <= names
    assert any(n.endswith(".sqlite3.gz") for n in names)
    for path in written:
        assert _mode(path) == (0o700 if path.is_dir() else 0o600), path
    for name in ("paket.jipp", "daftar.pdf", "simpul.xlsx"):
        assert _mode(out / name) == 0o600, name


def test_an_older_folder_is_made_owner_only_when_opened(tmp_path: Path, loose_umask: None) -> None:
    data = tmp_path / "lama"
    _loose(["stats"], data)
    data.chmod(0o755)
    (data / DB_NAME).chmod(0o644)
    _loose(
        ["record", "add", "hub", "--json", "-"],
        data,
        json.dumps({"province_code": "36", "name": "Simpul"}),
    )
    assert _mode(data) == 0o700 and _mode(data / DB_NAME) == 0o600
