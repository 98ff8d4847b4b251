"""The core tests that use ``workspace`` run on both engines (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from jipp_desktop.core.workspace import Workspace, open_workspace


@pytest.fixture
def workspace(data_dir: Path, engine_name: str) -> Iterator[Workspace]:
    ws = open_workspace(data_dir)
    try:
        yield ws
    finally:
        ws.close()
