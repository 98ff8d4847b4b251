"""The dashboard's numbers and bars open the lists they summarise."""

from __future__ import annotations

from typing import Any

from jipp_desktop.core import vocab
from jipp_desktop.core.workspace import Workspace
from jipp_desktop.gui.dashboard_page import DashboardPage
from jipp_desktop.gui.list_page import RecordListPage
from jipp_desktop.gui.main_window import MainWindow


def _seed(workspace: Workspace) -> None:
    stages = ["implementation", "implementation", "trial", "initiative", "implementation"]
    workspace.records.create_many(
        "innovation",
        [
            {
                "title": f"Inovasi {i}",
                "province_code": "53",
                "stage": stage,
                "category": "2021-health" if i % 2 else "2021-education",
            }
            for i, stage in enumerate(stages)
        ],
    )


def _dashboard(qtbot: Any, window: MainWindow) -> DashboardPage:
    page = window.show_page("dashboard")
    assert isinstance(page, DashboardPage)
    window.refresh_action.trigger()  # F5, as after data arrived from elsewhere
    qtbot.waitUntil(lambda: page.cards["innovation"].text().startswith("5"))
    return page


def test_a_count_opens_its_list(qtbot: Any, window: MainWindow, workspace: Workspace) -> None:
    _seed(workspace)
    page = _dashboard(qtbot, window)
    assert page.cards["innovation"].text() == "5\nInovasi"
    page.cards["innovation"].click()
    assert window.current_key() == "innovation"
    listing = window.list_page("innovation")
    qtbot.waitUntil(lambda: listing.model.rowCount() == 5)


def test_a_stage_bar_opens_the_filtered_list(
    qtbot: Any, window: MainWindow, workspace: Workspace
) -> None:
    _seed(workspace)
    page = _dashboard(qtbot, window)
    stages = list(vocab.INNOVATION_STAGE)
    assert page.stage_set.at(stages.index("implementation")) == 3
    page.stage_set.clicked.emit(stages.index("implementation"))
    listing = window.list_page("innovation")
    assert isinstance(listing, RecordListPage)
    assert window.current_key() == "innovation"
    qtbot.waitUntil(lambda: listing.model.rowCount() == 3)
    assert listing.filters.combos["stage"].currentText() == "Penerapan"
    assert listing.count_label.text() == "3 data"

    page = window.show_page("dashboard")
    page.category_set.clicked.emit(page.category_set.count() - 1)
    qtbot.waitUntil(lambda: listing.model.rowCount() == 3)
    assert listing.filters.combos["category"].currentText() == "Pendidikan"


def test_counts_follow_a_delete(qtbot: Any, window: MainWindow, workspace: Workspace) -> None:
    _seed(workspace)
    page = _dashboard(qtbot, window)
    listing = window.show_page("innovation")
    qtbot.waitUntil(lambda: listing.model.rowCount() == 5)
    listing.table.selectRow(0)
    listing.delete_selected()
    qtbot.waitUntil(lambda: page.cards["innovation"].text().startswith("4"))
    qtbot.waitUntil(lambda: "Inovasi: 4" in window.counts_label.text())


def test_count_axes_tick_at_whole_numbers() -> None:
    from jipp_desktop.gui.dashboard_page import count_axis

    assert count_axis(0) == (1, 1)
    assert count_axis(3) == (1, 3)
    assert count_axis(23) == (5, 25)
    assert count_axis(96) == (20, 100)
    for top in range(0, 3000, 7):
        step, upper = count_axis(top)
        assert upper >= top and upper % step == 0 and upper // step <= 6
