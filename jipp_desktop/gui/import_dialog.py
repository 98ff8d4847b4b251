"""Import innovations from the XLSX/CSV template: check first, then import all or the valid rows.

Choosing a file runs a dry run at once (on the task runner) and lists every bad row with
its line number and reason; "Import" stays disabled until the file is valid, and
"Import valid rows only" is the officer's explicit choice to skip the bad ones.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jipp_desktop.gui.errors import show_error
from jipp_desktop.gui.i18n import current_language
from jipp_desktop.gui.tasks import task_runner
from jipp_desktop.reports.innovation_import import (
    ImportResult,
    import_innovations,
    write_template,
)


def _documents() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))


def save_template(workspace: Any, parent: QWidget) -> Path | None:
    """Ask where to save the empty template and write it; returns the path written."""
    name = "templat-inovasi.xlsx" if current_language() == "id" else "innovations-template.xlsx"
    target, _ = QFileDialog.getSaveFileName(
        parent,
        parent.tr("Save the import template"),
        str(_documents() / name),
        parent.tr("Excel workbook (*.xlsx);;CSV (*.csv)"),
    )
    if not target:
        return None
    try:
        return write_template(workspace, Path(target), lang=current_language())
    except Exception as exc:  # shown to the officer, logged with its traceback
        show_error(parent, exc)
        return None


class ImportDialog(QDialog):
    """Emits ``imported(count)`` after rows were written."""

    imported = Signal(int)

    def __init__(self, workspace: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.path: Path | None = None
        self.outcome: ImportResult | None = None
        self.setWindowTitle(self.tr("Import innovations"))
        self.file_label = QLabel(self.tr("Choose a file made from the template."), self)
        self.file_label.setWordWrap(True)
        choose = QPushButton(self.tr("Choose file…"), self)
        template = QPushButton(self.tr("Save template…"), self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.problems = QListWidget(self)
        self.problems.setAccessibleName(self.tr("Rows with problems"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.import_all = self.buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_valid = self.buttons.addButton(
            self.tr("Import valid rows only"), QDialogButtonBox.ButtonRole.ActionRole
        )
        for button in (self.import_all, self.import_valid):
            button.setEnabled(False)
        top = QHBoxLayout()
        top.addWidget(self.file_label, 1)
        top.addWidget(choose)
        top.addWidget(template)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.buttons)
        self.resize(720, 420)
        choose.clicked.connect(self.choose_file)
        template.clicked.connect(lambda: save_template(self.workspace, self))
        self.buttons.rejected.connect(self.reject)
        self.import_all.clicked.connect(lambda: self.run_import(valid_only=False))
        self.import_valid.clicked.connect(lambda: self.run_import(valid_only=True))

    def choose_file(self) -> None:
        target, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import innovations"),
            str(_documents()),
            self.tr("Spreadsheets (*.xlsx *.csv)"),
        )
        if target:
            self.check(Path(target))

    def check(self, path: Path) -> None:
        """Dry run: list every bad row; nothing is written."""
        self.path = path
        self.file_label.setText(str(path))
        self.problems.clear()
        self.summary.setText(self.tr("Checking…"))
        for button in (self.import_all, self.import_valid):
            button.setEnabled(False)
        workspace = self.workspace
        task_runner(self).run(
            lambda progress: import_innovations(workspace, path, dry_run=True),
            title=self.tr("Import innovations"),
            label=self.tr("Checking every row…"),
            on_done=self._checked,
            on_error=self._failed,
        )

    def _checked(self, result: ImportResult) -> None:
        self.outcome = result
        lang = current_language()
        for problem in result.problems:
            self.problems.addItem(problem.message(lang))
        bad = len(result.bad_lines)
        self.summary.setText(
            self.tr("%1 rows: %2 valid, %3 with problems.")
            .replace("%1", str(result.rows))
            .replace("%2", str(result.valid))
            .replace("%3", str(bad))
        )
        self.import_all.setEnabled(bad == 0 and result.valid > 0)
        self.import_valid.setEnabled(bad > 0 and result.valid > 0)

    def _failed(self, exc: BaseException) -> None:
        self.summary.setText("")
        show_error(self, exc, self.tr("Import innovations"))

    def run_import(self, valid_only: bool) -> None:
        if self.path is None:
            return
        path, workspace = self.path, self.workspace
        for button in (self.import_all, self.import_valid):
            button.setEnabled(False)
        task_runner(self).run(
            lambda progress: import_innovations(
                workspace, path, valid_only=valid_only, progress=progress
            ),
            title=self.tr("Import innovations"),
            label=self.tr("Importing…"),
            on_done=self._imported,
            on_error=self._failed,
        )

    def _imported(self, result: ImportResult) -> None:
        self.outcome = result
        self.summary.setText(
            self.tr("%1 innovations imported; %2 rows skipped.")
            .replace("%1", str(result.imported))
            .replace("%2", str(len(result.bad_lines)))
        )
        self.imported.emit(result.imported)
