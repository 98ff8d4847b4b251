"""Several staff on the ministry's PostgreSQL database, in the window: lists follow what
another workstation (a second connection) wrote, and two editors on one record refuse the
stale save, as on a laptop (test_gui_change_watch.py, test_gui_stale_save.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_gui_change_watch import test_the_list_on_screen_follows_writes_made_elsewhere as follows
from test_gui_stale_save import commitment  # noqa: F401 - the fixture, used below
from test_gui_stale_save import test_two_editors_on_one_record as two_editors

from jipp_desktop.core.workspace import DB_NAME, Workspace, open_workspace
from jipp_desktop.gui.main_window import MainWindow


@pytest.fixture
def workspace(data_dir: Path, pg_url: str) -> Iterator[Workspace]:
    (data_dir / DB_NAME).unlink()  # the folder keeps only this workstation's files
    ws = open_workspace(data_dir, database=pg_url)
    try:
        yield ws
    finally:
        ws.close()


def test_lists_follow_another_workstation_on_postgresql(
    qtbot: Any, window: MainWindow, workspace: Workspace
) -> None:
    assert workspace.on_postgresql
    follows(qtbot, window, workspace)


def test_two_editors_on_postgresql(
    qtbot: Any,
    workspace: Workspace,
    commitment: str,  # noqa: F811 - the imported fixture
    indonesian: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert workspace.on_postgresql
    two_editors(qtbot, workspace, commitment, indonesian, monkeypatch)
