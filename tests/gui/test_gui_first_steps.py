"""An empty data folder says what to do first; "Data baru" works away from the lists."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from jipp_desktop.core.workspace import Workspace
from jipp_desktop.gui.dashboard_page import DashboardPage
from jipp_desktop.gui.main_window import MainWindow
from jipp_desktop.gui.new_record_dialog import NewRecordDialog


def _empty_dashboard(qtbot: Any, window: MainWindow) -> DashboardPage:
    page = window.show_page("dashboard")
    assert isinstance(page, DashboardPage)
    window.refresh_action.trigger()
    qtbot.waitUntil(page.empty_state.isVisible)
    return page


def test_an_empty_folder_shows_first_steps_not_zeros(
    qtbot: Any, window: MainWindow, workspace: Workspace
) -> None:
    workspace.settings.set("province_code", "53")
    page = _empty_dashboard(qtbot, window)
    expected = "Buat simpul inovasi Nusa Tenggara Timur…"
    qtbot.waitUntil(lambda: page.create_hub_button.text() == expected)
    assert not page.figures.isVisible()  # no "0" cards, no empty 0–1 charts
    assert not any(card.isVisible() for card in page.cards.values())
    assert page.import_button.isVisible() and page.demo_button.isVisible()

    page.create_hub_button.click()
    editor = window.editors[-1]
    assert (editor.type_name, editor.record_id) == ("hub", None)
    assert editor.values()["province_code"] == "53"
    editor.input("name").set_values({"name": "Simpul Inovasi NTT"})
    assert editor.save()
    editor.close()
    # One record is enough to leave the first steps for the figures.
    qtbot.waitUntil(lambda: page.figures.isVisible())
    assert not page.empty_state.isVisible()
    assert page.cards["hub"].text().startswith("1")


def test_import_from_the_empty_dashboard_asks_for_a_package(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jipp_desktop.gui import sync_page

    asked: list[str] = []

    def choose(_parent: Any, title: str, _folder: str, pattern: str) -> tuple[str, str]:
        asked.append(pattern)
        return "", ""  # the officer cancels

    monkeypatch.setattr(sync_page.QFileDialog, "getOpenFileName", staticmethod(choose))
    page = _empty_dashboard(qtbot, window)
    page.import_button.click()
    assert window.current_key() == "sync"
    assert asked == ["Paket JIPP (*.jipp)"]


def test_example_data_from_the_empty_dashboard(
    qtbot: Any, window: MainWindow, workspace: Workspace
) -> None:
    page = _empty_dashboard(qtbot, window)
    page.demo_button.click()
    qtbot.waitUntil(lambda: page.figures.isVisible(), timeout=60_000)
    assert workspace.records.stats()["innovation"] > 0
    assert not page.empty_state.isVisible()


def test_new_record_from_home_asks_which_kind(
    qtbot: Any, window: MainWindow, workspace: Workspace
) -> None:
    workspace.settings.set("province_code", "53")
    window.show_page("dashboard")
    assert window.new_action.isEnabled()
    window.new_action.trigger()
    dialog = window.findChild(NewRecordDialog)
    assert dialog is not None and dialog.isVisible()
    kinds = [dialog.kinds.item(i).text() for i in range(dialog.kinds.count())]
    assert kinds[:3] == ["Inovasi", "Replikasi", "Komitmen"]
    # Keyboard only: down to "Komitmen", Enter.
    qtbot.keyClick(dialog.kinds, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.kinds, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.kinds, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(window.editors))
    assert window.editors[-1].type_name == "commitment"
    assert window.current_key() == "commitment"


def test_the_first_window_fits_a_1366_by_768_screen() -> None:
    from PySide6.QtCore import QSize

    from jipp_desktop.gui.main_window import default_window_size

    panel = 32
    size = default_window_size(QSize(1366, 768 - panel))
    assert size.width() <= 1366 - 16 and size.height() <= 768 - panel - 40
    assert default_window_size(QSize(1920, 1050)) == QSize(1280, 720)
