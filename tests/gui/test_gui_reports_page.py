"""The Reports page before its first report: a title, what to choose, a sensible record."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel

from jipp_desktop.core.workspace import Workspace
from jipp_desktop.gui.reports_page import ReportsPage


def _page(qtbot: Any, workspace: Workspace) -> ReportsPage:
    page = ReportsPage(workspace)
    qtbot.addWidget(page)
    page.resize(1100, 650)
    page.show()
    qtbot.waitExposed(page)
    return page


def _choose(page: ReportsPage, kind: str) -> None:
    page.kind.setCurrentIndex(page.kind.findData(kind))


def test_an_empty_preview_says_what_to_choose(
    qtbot: Any, workspace: Workspace, indonesian: None
) -> None:
    page = _page(qtbot, workspace)
    title = page.findChild(QLabel, "page_title")
    assert title is not None and "Laporan" in title.text()
    # No large blank preview: its place explains the next step.
    assert page.preview.currentWidget() is page.empty_preview
    assert page.empty_preview.isVisible() and not page.view.isVisible()
    _choose(page, "commitment")
    assert "Belum ada data jenis ini" in page.empty_preview.text()
    _choose(page, "hub")
    assert "Pilih provinsi" in page.empty_preview.text()
    # Import is a section of its own, below the report's.
    assert page.import_box.title() == "Inovasi dari lembar kerja"
    assert page.import_box.geometry().top() > page.report_box.geometry().bottom()
    assert page.import_button.parent() is page.import_box


def test_the_record_changed_last_is_chosen(
    qtbot: Any, workspace: Workspace, indonesian: None
) -> None:
    records = workspace.records
    hub = records.create("hub", {"province_code": "53", "name": "Simpul Inovasi NTT"})
    visit_2023 = records.create(
        "visit", {"hub_id": hub, "start_date": "2023-05-02", "regency_code": "53.71"}
    )
    visit_2022 = records.create(
        "visit", {"hub_id": hub, "start_date": "2022-09-27", "regency_code": "53.15"}
    )
    records.update("visit", visit_2023, {"place": "Kupang"})
    page = _page(qtbot, workspace)
    _choose(page, "visit")
    # Listed newest date first, but the one changed last is chosen.
    assert [page.record.itemData(i) for i in range(page.record.count())] == [visit_2023, visit_2022]
    assert page.record.currentData() == visit_2023
    assert "sudah dipilih" in page.empty_preview.text()

    records.update("visit", visit_2022, {"place": "Labuan Bajo"})
    page.hide()
    page.show()  # coming back keeps what was chosen
    assert page.record.currentData() == visit_2023
    page.record.setCurrentIndex(-1)
    page.hide()
    page.show()  # nothing chosen: the latest change again
    assert page.record.currentData() == visit_2022
