"""The main window: navigation, remembered layout, status bar, shortcuts."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QWidget

from jipp_desktop.core.workspace import Workspace
from jipp_desktop.gui.list_page import RecordListPage
from jipp_desktop.gui.main_window import MainWindow
from jipp_desktop.gui.pages import PAGES


def test_every_page_opens_in_indonesian(qtbot: Any, window: MainWindow) -> None:
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles == [
        "Beranda",
        "Inovasi",
        "Replikasi",
        "Komitmen",
        "Pendampingan",
        "Rencana Kegiatan",
        "Simpul Inovasi",
        "Instansi",
        "Sinkronisasi",
        "Laporan",
        "Pengaturan",
    ]
    for spec in PAGES:
        page = window.show_page(spec.key)
        assert window.stack.currentWidget() is page
    qtbot.waitUntil(lambda: window.exchange_label.text() == "Pertukaran terakhir: belum pernah")


def test_layout_and_last_page_are_remembered(
    qtbot: Any, workspace: Workspace, gui_settings: QSettings, indonesian: None
) -> None:
    first = MainWindow(workspace, gui_settings)
    qtbot.addWidget(first)
    first.show()
    first.resize(790, 540)
    first.show_page("visit")
    page = first.list_page("visit")
    place = page.model.column_index("place")
    notes = page.model.column_index("notes")
    page.set_column_visible(place, False)
    page.set_column_visible(notes, True)
    first.close()

    second = MainWindow(workspace, gui_settings)
    qtbot.addWidget(second)
    second.show()
    assert second.current_key() == "visit"
    assert second.size().width() == 790
    again = second.list_page("visit")
    assert again.table.isColumnHidden(place)
    assert not again.table.isColumnHidden(notes)


def test_ctrl_n_and_ctrl_f_act_on_the_current_list(qtbot: Any, window: MainWindow) -> None:
    window.show_page("hub")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    page = window.list_page("hub")
    assert isinstance(page, RecordListPage)
    assert page.search.hasFocus()
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert [e.type_name for e in window.editors] == ["hub"]
    assert window.editors[0].windowTitle() == "Simpul Inovasi baru"


def test_status_bar_counts_records(
    qtbot: Any, window: MainWindow, workspace: Workspace, hub: str
) -> None:
    editor = window.open_editor("hub", hub)
    qtbot.keyClicks(editor.input("portal_name").widget, "Portal Inovasi NTT")
    editor.save_close_button.click()
    qtbot.waitUntil(lambda: not window.editors)
    qtbot.waitUntil(lambda: "Simpul Inovasi: 1" in window.counts_label.text())
    assert workspace.records.get("hub", hub)["portal_name"] == "Portal Inovasi NTT"


def test_ctrl_p_hands_the_selection_to_the_reports_page(
    qtbot: Any, window: MainWindow, workspace: Workspace
) -> None:
    workspace.records.create("innovation", {"title": "Inovasi Cetak", "province_code": "53"})
    page = window.show_page("innovation")
    page.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.table.selectRow(0)
    reports = window.page("reports")
    handled: list[Any] = []
    if callable(getattr(reports, "print_records", None)):
        reports.print_records = lambda t, ids: handled.append((t, ids))  # type: ignore
        window.print_action.trigger()
    else:
        with qtbot.waitSignal(window.printRequested) as blocker:
            window.print_action.trigger()
        handled.append(tuple(blocker.args))
    assert handled == [("innovation", page.selected_ids())]
    assert window.current_key() == "reports"


def test_example_data_is_made_off_the_gui_thread(
    qtbot: Any, window: MainWindow, workspace: Workspace
) -> None:
    page = window.show_page("innovation")
    with qtbot.waitSignal(window.runner.finished, timeout=30_000):
        window.demo_action.trigger()
        # The GUI thread stays free while the worker writes.
        assert window.runner.busy
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    assert page.model.rowCount() == workspace.records.count("innovation")
    qtbot.waitUntil(lambda: "Inovasi: 0" not in window.counts_label.text())


def test_every_form_input_has_an_accessible_name(qtbot: Any, window: MainWindow, hub: str) -> None:
    from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit

    kinds = (QLineEdit, QComboBox, QPlainTextEdit, QCheckBox)
    for type_name in (
        "hub",
        "agency",
        "innovation",
        "replication",
        "commitment",
        "visit",
        "workplan",
    ):
        editor = window.open_editor(type_name, None)
        for input_ in editor._inputs:
            fields = [
                w
                for w in [input_.widget, *input_.widget.findChildren(QWidget)]
                if isinstance(w, kinds) and w.isVisibleTo(editor)
            ]
            unnamed = [
                w
                for w in fields
                if not w.accessibleName()
                and not (
                    isinstance(w, QLineEdit)
                    and w.parent() is not None
                    and isinstance(w.parent(), QComboBox)
                )
            ]
            assert unnamed == [], (type_name, input_.names)
        editor.close()


def test_status_bar_shows_the_last_exchange(qtbot: Any, window: MainWindow) -> None:
    from jipp_desktop.core import idformat
    from jipp_desktop.sync.status import mark_exchange

    mark_exchange()
    window.update_status()
    today = idformat.format_date(dt.date.today(), "id")
    qtbot.waitUntil(lambda: today in window.exchange_label.text())
    assert window.exchange_label.text().startswith("Pertukaran terakhir: ")


def test_never_exchanged_reads_the_same_word_on_the_sync_page_and_status_bar(
    qtbot: Any, window: MainWindow
) -> None:
    from PySide6.QtWidgets import QLabel

    page = window.show_page("sync")
    title = page.findChild(QLabel, "page_title")
    assert title is not None and "Sinkronisasi" in title.text()
    last = page.last_label
    qtbot.waitUntil(lambda: last.text() == "belum pernah")
    qtbot.waitUntil(lambda: window.exchange_label.text() == "Pertukaran terakhir: belum pernah")
