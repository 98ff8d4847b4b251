"""Pick one record of a big type (100,000 innovations) by searching, not scrolling."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from jipp_desktop.core.query import ListQuery
from jipp_desktop.core.registry import record_type
from jipp_desktop.core.workspace import Workspace
from jipp_desktop.gui.display import Display
from jipp_desktop.gui.list_page import DEFAULT_COLUMNS
from jipp_desktop.gui.record_model import RecordTableModel
from jipp_desktop.gui.throttle import Throttle


class ChooseRecordDialog(QDialog):
    def __init__(
        self,
        workspace: Workspace,
        display: Display,
        type_name: str,
        title: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(760, 480)
        self.model = RecordTableModel(workspace.records, display, type_name, self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Type part of the name…"))
        self.search.setAccessibleName(self.tr("Search"))
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setStretchLastSection(True)
        shown = set(DEFAULT_COLUMNS.get(type_name, (record_type(type_name).title_field,)))
        for i, column in enumerate(self.model.columns):
            self.table.setColumnHidden(i, column.name not in shown)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.table.doubleClicked.connect(lambda _i: self.accept())
        throttle = Throttle(self._apply, 150, self)
        self.search.textChanged.connect(lambda _t: throttle())
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self._apply()
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)

    def _apply(self) -> None:
        self.model.set_query(ListQuery(search=self.search.text().strip() or None))

    def chosen(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.record_id(rows[0].row()) if rows else None


def choose_record(
    parent: QWidget, workspace: Workspace, display: Display, type_name: str, title: str
) -> str | None:
    dialog = ChooseRecordDialog(workspace, display, type_name, title, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.chosen()
