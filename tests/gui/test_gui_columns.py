"""List columns fit their content at 1366×768 and keep the widths the officer gives them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings, QSize

from jipp_desktop.core.workspace import Workspace
from jipp_desktop.gui.list_page import RecordListPage
from jipp_desktop.gui.main_window import MainWindow, default_window_size


def _innovations(workspace: Workspace) -> None:
    workspace.records.create_many(
        "innovation",
        [
            {
                "title": f"Layanan administrasi kependudukan keliling desa terpencil {n}",
                "province_code": "53",
                "regency_code": "53.15",
                "category": "2021-governance",
                "stage": "implementation",
                "year_started": 2021,
            }
            for n in range(5)
        ],
    )


def _list(qtbot: Any, window: MainWindow) -> RecordListPage:
    page = window.show_page("innovation")
    assert isinstance(page, RecordListPage)
    qtbot.waitUntil(lambda: page.model.rowCount() == 5)
    qtbot.waitUntil(lambda: page._fitted)
    return page


def _column(page: RecordListPage, name: str) -> int:
    return [c.name for c in page.model.columns].index(name)


def test_columns_fit_their_content_on_a_laptop_screen(
    qtbot: Any, window: MainWindow, workspace: Workspace
) -> None:
    _innovations(workspace)
    window.resize(default_window_size(QSize(1366, 768 - 32)))
    page = _list(qtbot, window)
    header = page.table.horizontalHeader()
    year = _column(page, "year_started")
    # "Tahun Mulai" is as wide as its header, not a 160-px slab around "2021".
    label_width = header.fontMetrics().horizontalAdvance("Tahun Mulai")
    assert label_width <= header.sectionSize(year) <= label_width + 40
    # Nothing cut at the right edge: every shown column fits in the view.
    shown = [i for i in range(header.count()) if not page.table.isColumnHidden(i)]
    assert sum(header.sectionSize(i) for i in shown) <= page.table.viewport().width()
    assert page.table.horizontalScrollBar().maximum() == 0
    # The title takes the room that is left.
    title = _column(page, "title")
    assert header.sectionSize(title) == max(header.sectionSize(i) for i in shown)


def test_a_width_the_officer_sets_is_remembered_per_list(
    qtbot: Any, window: MainWindow, workspace: Workspace, gui_settings: QSettings
) -> None:
    _innovations(workspace)
    page = _list(qtbot, window)
    header = page.table.horizontalHeader()
    category = _column(page, "category")
    header.resizeSection(category, 233)  # as a drag on the header edge does
    window.close()

    again = MainWindow(workspace, gui_settings)
    qtbot.addWidget(again)
    again.show()
    page = _list(qtbot, again)
    assert page.table.horizontalHeader().sectionSize(category) == 233
    # Another list keeps its own widths.
    agencies = again.show_page("agency")
    assert isinstance(agencies, RecordListPage)
    assert gui_settings.value("lists/agency/widths") is None
