"""1366×768 first: what an officer's laptop shows without scrolling."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QPoint, QRect, QSize

from jipp_desktop.core.workspace import Workspace
from jipp_desktop.gui.dashboard_page import DashboardPage
from jipp_desktop.gui.main_window import MainWindow, default_window_size

LAPTOP_FREE_AREA = QSize(1366, 768 - 32)  # the screen less a desktop panel


def _visit_with_followups(workspace: Workspace) -> None:
    hub = workspace.records.create("hub", {"province_code": "53", "name": "Simpul Inovasi NTT"})
    today = dt.date.today()
    workspace.records.create(
        "visit",
        {
            "hub_id": hub,
            "start_date": (today - dt.timedelta(days=40)).isoformat(),
            "regency_code": "53.15",
            "followups": [
                {
                    "action": f"Tindak lanjut {n}",
                    "due_date": (today - dt.timedelta(days=n)).isoformat(),
                }
                for n in range(1, 9)
            ],
        },
    )


def test_overdue_followups_show_unscrolled_at_1366_by_768(
    qtbot: Any, window: MainWindow, workspace: Workspace
) -> None:
    _visit_with_followups(workspace)
    window.resize(default_window_size(LAPTOP_FREE_AREA))
    page = window.show_page("dashboard")
    assert isinstance(page, DashboardPage)
    window.refresh_action.trigger()
    qtbot.waitUntil(lambda: page.followups.rowCount() == 8)
    qtbot.waitUntil(page.followups.isVisible)
    assert window.frameGeometry().height() <= LAPTOP_FREE_AREA.height()
    viewport = page.scroll.viewport()
    assert page.scroll.verticalScrollBar().value() == 0
    box = page.followups_box
    top_left = box.mapTo(viewport, QPoint(0, 0))
    shown = QRect(top_left, box.size())
    assert viewport.rect().contains(shown), (shown, viewport.rect())
    # At least the first rows of the table, not just its frame.
    table = page.followups
    first_rows = table.visualItemRect(table.item(2, 0))
    assert table.viewport().rect().contains(first_rows)
