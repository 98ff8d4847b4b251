"""Shared fixtures: every test gets real data folders under tmp_path, never the user's."""

from __future__ import annotations

import os

# Without a display Qt aborts the whole process, so tests always run offscreen.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest

from jipp_desktop.core.workspace import Workspace, open_workspace


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point the default data folder and Qt settings at the test's own folder."""
    monkeypatch.setenv("JIPP_DATA_DIR", str(tmp_path / "default-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


@pytest.fixture
def workspace(data_dir: Path) -> Iterator[Workspace]:
    ws = open_workspace(data_dir)
    try:
        yield ws
    finally:
        ws.close()
