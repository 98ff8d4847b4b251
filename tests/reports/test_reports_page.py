"""The Reports page: generate off the GUI thread, preview, save and print."""

from __future__ import annotations

from pathlib import Path

import pdftools
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot
from report_sample import seed

from jipp_desktop.core.workspace import Workspace
from jipp_desktop.gui.reports_page import ReportsPage


def choose(page: ReportsPage, kind: str) -> None:
    page.kind.setCurrentIndex(page.kind.findData(kind))


def test_generate_preview_save_and_print(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    sample = seed(workspace, tmp_path)
    page = ReportsPage(workspace)
    qtbot.addWidget(page)
    choose(page, "commitment")
    assert page.record.isVisibleTo(page) and not page.year.isVisibleTo(page)
    page.record.setCurrentIndex(page.record.findData(sample.commitment))
    assert page.record.currentText() == "28 September 2022 · 000.1.2/123/ORG/2022"
    with qtbot.waitSignal(page.generated, timeout=20_000) as signal:
        page.start()
    path, pages = signal.args
    assert Path(path).is_file()
    assert pages == 1
    assert page.document.status() == QPdfDocument.Status.Ready
    assert page.document.pageCount() == 1
    assert page.print_button.isEnabled() and page.save_button.isEnabled()

    saved = tmp_path / "saved.pdf"
    page.save_to(saved)
    assert "Manggarai Barat, 28 September 2022" in pdftools.squash(pdftools.text(saved))

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    page.print_to(printer)
    assert pdftools.page_count(printed) == 1


def test_bad_period_is_reported_not_raised(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    seed(workspace, tmp_path)
    page = ReportsPage(workspace)
    qtbot.addWidget(page)
    choose(page, "hub")
    assert page.date_from.isVisibleTo(page) and not page.record.isVisibleTo(page)
    page.province.set_code("53")
    page.date_from.set_value("2023-12-31")
    page.date_to.set_value("2023-01-01")
    errors: list[BaseException] = []
    page._failed = errors.append  # type: ignore[method-assign]
    page.start()
    qtbot.waitUntil(lambda: bool(errors), timeout=20_000)
    assert "Periode kosong" in errors[0].message("id")  # type: ignore[attr-defined]
    assert page.document.pageCount() == 0


def test_export_action_writes_the_rows_of_the_current_query(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QWidget

    from jipp_desktop.core.query import ListQuery
    from jipp_desktop.gui.export_action import ExportAction

    seed(workspace, tmp_path)
    view = QWidget()
    qtbot.addWidget(view)
    action = ExportAction(
        workspace, "innovation", lambda: ListQuery(filters={"stage": "trial"}, limit=1), view
    )
    target = tmp_path / "list.xlsx"
    with qtbot.waitSignal(action.exported, timeout=20_000) as signal:
        action.export_to(target)
    assert signal.args == [str(target), 1]
    rows = list(load_workbook(target).worksheets[0].iter_rows(values_only=True))
    assert rows[1][1] == "Sekolah Lapang Iklim Petani Lahan Kering"


def test_import_dialog_checks_then_imports_the_valid_rows(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    page = ReportsPage(workspace)
    qtbot.addWidget(page)
    dialog = page.open_import()
    source = tmp_path / "rows.csv"
    source.write_text(
        "Judul Inovasi,Provinsi\nLayanan Satu,53\n,53\nLayanan Dua,99\n", encoding="utf-8"
    )
    dialog.check(source)
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=20_000)
    items = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert items[0] == "Baris 3: Judul Inovasi wajib diisi."
    assert items[1].startswith("Baris 4: Provinsi: kode wilayah '99'")
    assert not dialog.import_all.isEnabled() and dialog.import_valid.isEnabled()
    assert workspace.records.count("innovation") == 0
    with qtbot.waitSignal(dialog.imported, timeout=20_000) as signal:
        dialog.import_valid.click()
    assert signal.args == [1]
    assert [r["title"] for r in workspace.records.list("innovation")] == ["Layanan Satu"]


def test_a_cover_letter_can_go_in_front_of_the_report(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    sample = seed(workspace, tmp_path)
    page = ReportsPage(workspace)
    qtbot.addWidget(page)
    choose(page, "commitment")
    page.record.setCurrentIndex(page.record.findData(sample.commitment))
    assert not page.letter_number.isVisibleTo(page)
    page.letter.setChecked(True)
    assert page.letter_number.isVisibleTo(page) and page.letter_to.isVisibleTo(page)
    page.letter_number.setText("000.1.2/45/ORG/2025")
    page.letter_to.setText("Deputi Bidang Pelayanan Publik")
    with qtbot.waitSignal(page.generated, timeout=20_000) as signal:
        page.start()
    path, pages = signal.args
    assert pages == 2 == pdftools.page_count(Path(path))
    first, second = pdftools.pages_text(Path(path))
    assert "000.1.2/45/ORG/2025" in first and "Deputi Bidang Pelayanan Publik" in first
    assert "PERNYATAAN KOMITMEN" in second
