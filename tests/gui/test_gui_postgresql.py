"""The app's window on the ministry's PostgreSQL database: the officer's innovation flow
(form, search as you type, edit, trash, restore) through real widgets, and a search that
ignores accents as on a laptop."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_gui_innovation_flow import _list
from test_gui_innovation_flow import test_innovation_from_form_to_trash_and_back as flow

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


def test_the_innovation_flow_runs_on_postgresql(
    qtbot: Any, window: MainWindow, workspace: Workspace
) -> None:
    assert workspace.on_postgresql
    flow(qtbot, window, workspace)
    assert not (workspace.data_dir / DB_NAME).exists()


def test_search_as_you_type_ignores_accents_on_postgresql(
    qtbot: Any, window: MainWindow, workspace: Workspace
) -> None:
    wanted = workspace.records.create(
        "innovation", {"title": "Pelayanan Kesehatan Ibu di Désa Terpencil", "province_code": "53"}
    )
    workspace.records.create("innovation", {"title": "Arsip Digital", "province_code": "53"})
    page = _list(window)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    qtbot.keyClicks(page.search, "desa terp")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and page.model.record_id(0) == wanted)
