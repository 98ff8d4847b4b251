"""A reusable "Export…" action for any list view: the rows of its current query to XLSX/CSV.

Usage on a list page::

    from jipp_desktop.gui.export_action import ExportAction

    action = ExportAction(workspace, "innovation", lambda: self.current_query(), self)
    toolbar.addAction(action)          # or a menu / context menu

``current_query`` returns the list's ``ListQuery`` (search, filters, sort) at the moment
the officer clicks, so the file holds exactly the rows the view shows, in its order.
The file is written by ``reports.tabular.export_rows`` on the shared task runner and
``exported(path, rows)`` is emitted when it is done.  With ``type_name`` "signatory"
(``reports.tabular.SIGNATORIES``) it writes every signatory of the commitments instead.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from jipp_desktop.core.query import ListQuery
from jipp_desktop.core.registry import record_type
from jipp_desktop.gui.errors import show_error
from jipp_desktop.gui.i18n import current_language, pick
from jipp_desktop.gui.tasks import task_runner
from jipp_desktop.reports.tabular import SIGNATORIES, export_rows


class ExportAction(QAction):
    exported = Signal(str, int)

    def __init__(
        self,
        workspace: Any,
        type_name: str,
        current_query: Callable[[], ListQuery],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        if type_name == SIGNATORIES:
            self.setText(self.tr("Export signatories…"))
            self.setToolTip(
                self.tr("Save every signatory of the commitments, NIP as text, to Excel or CSV")
            )
        else:
            self.setText(self.tr("Export…"))
            self.setToolTip(self.tr("Save the rows of this list as an Excel or CSV file"))
        self.workspace = workspace
        self.type_name = type_name
        self.current_query = current_query
        self._parent = parent
        self.triggered.connect(self.ask_and_export)

    def ask_and_export(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        name = self._file_stem() + ".xlsx"
        excel = self.tr("Excel workbook (*.xlsx)")
        semicolon = self.tr("CSV for Indonesian Excel, semicolon-separated (*.csv)")
        comma = self.tr("CSV, comma-separated (*.csv)")
        # The officer's language decides which CSV is offered first after the workbook.
        csvs = [semicolon, comma] if current_language() == "id" else [comma, semicolon]
        target, chosen = QFileDialog.getSaveFileName(
            self._parent,
            self.tr("Export list"),
            str(Path(folder) / name),
            ";;".join([excel, *csvs]),
        )
        if not target:
            return
        path = Path(target)
        if path.suffix.lower() not in (".xlsx", ".csv"):
            path = path.with_suffix(".xlsx" if chosen == excel else ".csv")
        self.export_to(
            path, delimiter=";" if chosen == semicolon else "," if chosen == comma else None
        )

    def _file_stem(self) -> str:
        label = (
            self.tr("signatories")
            if self.type_name == SIGNATORIES
            else pick(record_type(self.type_name).label)
        )
        return label.lower().replace(" ", "-")

    def export_to(self, path: Path, delimiter: str | None = None) -> None:
        """Write the list to ``path`` on the worker thread (no dialog; used by tests too).

        ``delimiter`` separates CSV cells; None takes the language's default.
        """
        query, type_name, workspace = self.current_query(), self.type_name, self.workspace
        lang = current_language()
        # Every row, not the page a lazy view happens to have loaded.
        query = ListQuery(
            search=query.search,
            filters=dict(query.filters),
            year=query.year,
            sort=query.sort,
            descending=query.descending,
            deleted=query.deleted,
        )

        def job(progress: Any) -> int:
            return export_rows(
                workspace, type_name, query, path, lang=lang, progress=progress, delimiter=delimiter
            )

        task_runner(self._parent).run(
            job,
            title=self.tr("Export"),
            label=self.tr("Exporting…"),
            on_done=lambda rows: self._done(path, int(rows)),
            on_error=lambda exc: show_error(self._parent, exc, self.tr("Export")),
        )

    def _done(self, path: Path, rows: int) -> None:
        self.exported.emit(str(path), rows)
        box = QMessageBox(self._parent)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("Export"))
        box.setText(self.tr("%n row(s) exported to %1.", "", rows).replace("%1", str(path)))
        box.open()
