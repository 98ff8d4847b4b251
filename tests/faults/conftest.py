"""Real data folders for the storage-fault tests."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fault_helpers import INNOVATIONS, needs_root, remount_readonly, tmpfs

from jipp_desktop.core.workspace import open_workspace
from jipp_desktop.sync import identity


@pytest.fixture
def filled_dir(data_dir: Path) -> Path:
    """A closed data folder holding a few hundred innovations."""
    with open_workspace(data_dir) as ws:
        ws.records.create_many(
            "innovation",
            [{"title": f"Inovasi {i}", "province_code": "36"} for i in range(INNOVATIONS)],
        )
    return data_dir


@pytest.fixture
def readonly_copy(filled_dir: Path, tmp_path: Path) -> Iterator[Path]:
    """``filled_dir`` copied onto a filesystem that is then mounted read-only."""
    needs_root()
    identity.folder_key(filled_dir)  # a laptop that has synced has its key
    with tmpfs(tmp_path / "ro", 64 * 1024) as mount:
        copy = mount / "data"
        shutil.copytree(filled_dir, copy)
        remount_readonly(mount)
        yield copy
