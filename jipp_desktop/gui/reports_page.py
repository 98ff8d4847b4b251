"""The Reports page: choose a report, generate it off the GUI thread, preview, print, save.

The PDF is built by the Qt-free ``reports`` package on the shared task runner (one
worker, delayed progress dialog with Cancel) into a temporary folder owned by the
page; the preview is Qt's own PDF view, printing renders each page with QPdfDocument
at the printer's resolution, and "Save" copies the finished file atomically.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPointF, QSize, QStandardPaths, Qt, QTemporaryDir, Signal
from PySide6.QtGui import QImage, QPainter, QShowEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from jipp_desktop.core import dashboard, idformat
from jipp_desktop.core.query import ListQuery
from jipp_desktop.gui.errors import show_error
from jipp_desktop.gui.i18n import current_language, pick
from jipp_desktop.gui.import_dialog import ImportDialog, save_template
from jipp_desktop.gui.tasks import task_runner
from jipp_desktop.gui.widgets import DateField, ProvinceCombo
from jipp_desktop.reports.catalog import KINDS, ReportRequest, generate
from jipp_desktop.reports.cover import generate_cover_letter
from jipp_desktop.reports.cover_letter import Letter
from jipp_desktop.reports.output import atomic_output

# Which inputs each report uses.
_INPUTS = {
    "innovation": {"record"},
    "visit": {"record"},
    "commitment": {"record"},
    "hub": {"province", "period"},
    "national": {"year"},
    "register": {"province", "search"},
}


def record_choices(workspace: Any, record_type: str) -> list[tuple[str, str]]:
    """(id, text) for the record picker; visits and commitments are told apart by date."""
    lang = current_language()
    if record_type == "visit":
        rows = workspace.records.list("visit", ListQuery(sort="start_date", descending=True))
        return [
            (
                r["id"],
                f"{idformat.format_date(r['start_date'], lang)} · "
                f"{r.get('place') or workspace.regions.name(r['regency_code'])}",
            )
            for r in rows
        ]
    if record_type == "commitment":
        rows = workspace.records.list("commitment", ListQuery(sort="signed_on", descending=True))
        return [
            (
                r["id"],
                f"{idformat.format_date(r['signed_on'], lang)} · "
                f"{r.get('number') or r.get('event_name') or ''}",
            )
            for r in rows
        ]
    return [(rid, title or rid) for rid, title in dashboard.choices(record_type)]


class ReportsPage(QWidget):
    """Emits ``generated(path, pages)`` when a preview is ready (also used by tests)."""

    generated = Signal(str, int)

    def __init__(self, workspace: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self._temp = QTemporaryDir()
        self._counter = 0
        self._current: Path | None = None
        self._kind_of_current = ""
        self.document = QPdfDocument(self)
        self._build()
        self._kind_changed()

    # -- layout -------------------------------------------------------------------------

    def _build(self) -> None:
        self.kind = QComboBox(self)
        for key, spec in KINDS.items():
            self.kind.addItem(pick(spec.label), key)
        self.kind.setAccessibleName(self.tr("Report"))
        self.record = QComboBox(self)
        self.record.setEditable(True)
        self.record.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.record.setAccessibleName(self.tr("Record"))
        self.province = ProvinceCombo(self.workspace.regions, self.tr("(all provinces)"), self)
        self.province.setAccessibleName(self.tr("Province"))
        self.date_from = DateField(self)
        self.date_from.setAccessibleName(self.tr("From"))
        self.date_to = DateField(self)
        self.date_to.setAccessibleName(self.tr("To"))
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setMinimum(1999)
        self.year.setSpecialValueText(self.tr("All years"))
        self.year.setValue(1999)
        self.year.setAccessibleName(self.tr("Year"))
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Words in the title, agency, …"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search"))

        form = QFormLayout()
        form.addRow(self.tr("Report"), self.kind)
        self._rows: dict[str, list[QWidget]] = {}
        for key, label, widget in (
            ("record", self.tr("Record"), self.record),
            ("province", self.tr("Province"), self.province),
            ("period", self.tr("From"), self.date_from),
            ("period", self.tr("To"), self.date_to),
            ("year", self.tr("Year"), self.year),
            ("search", self.tr("Search"), self.search),
        ):
            caption = QLabel(label, self)
            caption.setBuddy(widget)
            form.addRow(caption, widget)
            self._rows.setdefault(key, []).extend([caption, widget])

        # A cover letter (surat pengantar) printed in front of the report, on request.
        self.letter = QCheckBox(self.tr("With a cover letter"), self)
        self.letter_number = QLineEdit(self)
        self.letter_number.setPlaceholderText(self.tr("e.g. 000.1.2/45/ORG/2025"))
        self.letter_number.setAccessibleName(self.tr("Letter number"))
        self.letter_to = QLineEdit(self)
        self.letter_to.setPlaceholderText(self.tr("e.g. Deputi Bidang Pelayanan Publik"))
        self.letter_to.setAccessibleName(self.tr("Addressed to"))
        form.addRow(self.letter)
        for key, label, widget in (
            ("letter", self.tr("Letter number"), self.letter_number),
            ("letter", self.tr("Addressed to"), self.letter_to),
        ):
            caption = QLabel(label, self)
            caption.setBuddy(widget)
            form.addRow(caption, widget)
            self._rows.setdefault(key, []).extend([caption, widget])
        self.letter.toggled.connect(lambda _on: self._kind_changed())

        self.generate_button = QPushButton(self.tr("Generate"), self)
        self.generate_button.setDefault(True)
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.save_button = QPushButton(self.tr("Save as…"), self)
        for button in (self.print_button, self.save_button):
            button.setEnabled(False)
        self.status = QLabel(self)
        self.status.setObjectName("report_status")
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.generate_button, self.print_button, self.save_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        # One section per job; more report options go into ``report_box``'s form.
        self.report_box = QGroupBox(self.tr("Print a report"), self)
        self.report_box.setObjectName("report_box")
        self.report_form = form
        report_layout = QVBoxLayout(self.report_box)
        report_layout.addLayout(form)
        report_layout.addLayout(buttons)
        report_layout.addWidget(self.status)

        self.import_box = QGroupBox(self.tr("Innovations from a spreadsheet"), self)
        self.import_box.setObjectName("import_box")
        self.template_button = QPushButton(self.tr("Save import template…"), self)
        self.import_button = QPushButton(self.tr("Import innovations…"), self)
        import_layout = QVBoxLayout(self.import_box)
        import_hint = QLabel(
            self.tr(
                "Fill the template in Excel or LibreOffice, then import it: "
                "every row is checked before anything is stored."
            ),
            self.import_box,
        )
        import_hint.setWordWrap(True)
        import_layout.addWidget(import_hint)
        data_row = QHBoxLayout()
        data_row.addWidget(self.template_button)
        data_row.addWidget(self.import_button)
        data_row.addStretch(1)
        import_layout.addLayout(data_row)

        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.report_box)
        side_layout.addWidget(self.import_box)
        side_layout.addStretch(1)
        side.setMinimumWidth(380)

        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setAccessibleName(self.tr("Report preview"))
        # Until the first report, the preview's place says what to do (not a grey void).
        self.empty_preview = QLabel(self)
        self.empty_preview.setObjectName("empty_preview")
        self.empty_preview.setWordWrap(True)
        self.empty_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_preview.setMargin(24)
        self.empty_preview.setFrameShape(QLabel.Shape.StyledPanel)
        self.preview = QStackedWidget(self)
        self.preview.addWidget(self.empty_preview)
        self.preview.addWidget(self.view)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(side)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(1, 1)
        heading = self.tr("Reports")
        title = QLabel(f"<h2>{heading}</h2>", self)
        title.setObjectName("page_title")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(splitter, 1)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        # Show the start of a long record text (the date), not its end.
        self.record.currentIndexChanged.connect(lambda _i: self._show_record_start())
        self.generate_button.clicked.connect(self.start)
        self.print_button.clicked.connect(self.print_report)
        self.save_button.clicked.connect(self.save_report)
        self.template_button.clicked.connect(lambda: save_template(self.workspace, self))
        self.import_button.clicked.connect(self.open_import)

    def _kind_changed(self) -> None:
        kind = self.kind_key()
        inputs = _INPUTS[kind]
        shown = inputs | ({"letter"} if self.letter.isChecked() else set())
        for key, widgets in self._rows.items():
            for widget in widgets:
                widget.setVisible(key in shown)
        record_type = KINDS[kind].record_type
        if record_type:
            self._fill_records(record_type)
        # The hub summary is about one province, so "all provinces" is not offered there.
        self.province.setItemText(
            0, self.tr("(choose a province)") if kind == "hub" else self.tr("(all provinces)")
        )
        self._explain()

    def _explain(self) -> None:
        """The empty preview names the inputs of the report chosen."""
        if self.preview.currentWidget() is not self.empty_preview:
            return
        kind = self.kind_key()
        record_type = KINDS[kind].record_type
        if record_type and self.record.count() == 0:
            what = self.tr(
                "There is no record of this kind to print yet. Record one first, "
                "or choose another report."
            )
        elif record_type:
            what = self.tr(
                "Choose the record to print (the one changed last is already chosen), "
                "then press Generate."
            )
        elif kind == "hub":
            what = self.tr("Choose the province and, if you like, a period, then press Generate.")
        else:
            what = self.tr("Narrow the report if you like, then press Generate.")
        title = self.tr("No report yet")
        self.empty_preview.setText(
            f"<h3>{title}</h3><p>{what}</p><p>"
            + self.tr("The preview appears here; print or save it from the buttons on the left.")
            + "</p>"
        )

    def _fill_records(self, record_type: str) -> None:
        """The records of ``record_type``, keeping the one chosen, else the latest changed."""
        keep = self.record.currentData()
        self.record.clear()
        for rid, text in record_choices(self.workspace, record_type):
            self.record.addItem(text, rid)
        index = self.record.findData(keep) if keep else -1
        if index < 0:
            index = self.record.findData(dashboard.last_changed(record_type))
        self.record.setCurrentIndex(max(index, 0) if self.record.count() else -1)
        self._show_record_start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # Records may have been added since the page was last on show.
        record_type = KINDS[self.kind_key()].record_type
        if record_type:
            self._fill_records(record_type)
            self._explain()

    def _show_record_start(self) -> None:
        edit = self.record.lineEdit()
        if edit is not None:
            edit.setCursorPosition(0)

    def open_import(self) -> ImportDialog:
        dialog = ImportDialog(self.workspace, self)
        dialog.imported.connect(lambda _n: self._kind_changed())  # new innovations to pick
        dialog.open()
        return dialog

    def kind_key(self) -> str:
        return str(self.kind.currentData())

    def request(self) -> ReportRequest:
        year = self.year.value()
        return ReportRequest(
            kind=self.kind_key(),
            record_id=str(self.record.currentData() or ""),
            province=self.province.code() or "",
            date_from=self.date_from.value(),
            date_to=self.date_to.value(),
            year=None if year == self.year.minimum() else year,
            search=self.search.text().strip() or None,
        )

    def cover_letter(self) -> Letter | None:
        """The cover letter to print in front of the report, when one is asked for."""
        if not self.letter.isChecked():
            return None
        return Letter(
            report_title="",
            number=self.letter_number.text().strip(),
            addressee=self.letter_to.text().strip(),
        )

    # -- generate -------------------------------------------------------------------------

    def start(self) -> None:
        """Generate the chosen report on the worker thread; the preview follows."""
        request = self.request()
        if KINDS[request.kind].record_type and not request.record_id:
            self.status.setText(self.tr("Choose a record first."))
            return
        if request.kind == "hub" and not request.province:
            self.status.setText(self.tr("Choose a province first."))
            return
        self._counter += 1
        target = Path(self._temp.path()) / f"report-{self._counter}.pdf"
        workspace = self.workspace

        letter = self.cover_letter()

        def job(progress: Any) -> tuple[str, int]:
            if letter is not None:
                pages = generate_cover_letter(
                    workspace, request, letter, target, with_report=True, progress=progress
                )
            else:
                pages = generate(workspace, request, target, progress=progress)
            return str(target), pages

        self.generate_button.setEnabled(False)
        self.status.setText(self.tr("Generating…"))
        task_runner(self).run(
            job,
            title=self.tr("Report"),
            label=self.tr("Generating the report…"),
            on_done=self._done,
            on_error=self._failed,
            on_cancel=self._cancelled,
        )

    def _done(self, result: tuple[str, int]) -> None:
        path, pages = result
        self.generate_button.setEnabled(True)
        self.document.close()
        self.document.load(path)
        self.preview.setCurrentWidget(self.view)
        self._current = Path(path)
        self._kind_of_current = self.kind_key()
        self.print_button.setEnabled(True)
        self.save_button.setEnabled(True)
        self.status.setText(self.tr("%n page(s).", "", pages))
        self.generated.emit(path, pages)

    def _failed(self, exc: BaseException) -> None:
        self.generate_button.setEnabled(True)
        self.status.setText("")
        show_error(self, exc, self.tr("Report"))

    def _cancelled(self) -> None:
        self.generate_button.setEnabled(True)
        self.status.setText(self.tr("Cancelled."))

    # -- save and print -------------------------------------------------------------------

    def suggested_name(self) -> str:
        names = {
            "id": {
                "innovation": "profil-inovasi",
                "visit": "laporan-pendampingan",
                "commitment": "pernyataan-komitmen",
                "hub": "ringkasan-simpul",
                "national": "rekap-nasional",
                "register": "register-inovasi",
            }
        }
        kind = self._kind_of_current or self.kind_key()
        return names.get(current_language(), {}).get(kind, kind) + ".pdf"

    def save_report(self) -> None:
        if self._current is None:
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        target, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save report"),
            str(Path(folder) / self.suggested_name()),
            self.tr("PDF files (*.pdf)"),
        )
        if target:
            self.save_to(Path(target))

    def save_to(self, target: Path) -> None:
        assert self._current is not None
        try:
            with atomic_output(target) as temp:
                shutil.copyfile(self._current, temp)
        except Exception as exc:  # shown to the officer; a JippError says what to do
            show_error(self, exc, self.tr("Save report"))
            return
        self.status.setText(self.tr("Saved to %1.").replace("%1", str(target)))

    def print_report(self) -> None:
        if self._current is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.suggested_name())
        printer.setFromTo(1, self.document.pageCount())
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """Render each chosen page at the printer's resolution, fitted to the paper."""
        count = self.document.pageCount()
        first, last = printer.fromPage() or 1, printer.toPage() or count
        painter = QPainter()
        if not painter.begin(printer):
            self.status.setText(self.tr("The printer could not be started."))
            return
        try:
            dpi = printer.resolution()
            area = printer.pageLayout().paintRectPixels(dpi)
            for number in range(first - 1, min(last, count)):
                if number > first - 1:
                    printer.newPage()
                size_pt = self.document.pagePointSize(number)
                scale = min(area.width() / size_pt.width(), area.height() / size_pt.height())
                pixels = QSize(int(size_pt.width() * scale), int(size_pt.height() * scale))
                image: QImage = self.document.render(number, pixels)
                painter.drawImage(QPointF(0, 0), image)
        finally:
            painter.end()
