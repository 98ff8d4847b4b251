"""Copy a commitment to other hubs: which hubs, and each hub's statement number.

One event often has several hubs sign the same statement (Labuan Bajo, 28 September
2022: four provinces).  The officer types the first one, then ticks the other hubs
here and types each one's number; ``core.copies`` writes all the copies at once.
Typing a number ticks its hub, so the keyboard alone does it: Tab into the list, type,
Down, type, Enter.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

HUB_ID_ROLE = Qt.ItemDataRole.UserRole + 30


class CopyToHubsDialog(QDialog):
    def __init__(self, hubs: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        """``hubs``: (id, name) of the hubs the commitment may be copied to."""
        super().__init__(parent)
        self.setObjectName("copy_to_hubs")
        self.setWindowTitle(self.tr("Copy for other hubs"))
        intro = QLabel(
            self.tr(
                "Each ticked hub gets a copy with the same kind, event, date, place, text "
                "and witnesses (signatories who are not from a regional government). "
                "Type each hub's number; typing it ticks the hub."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(hubs), 2, self)
        self.table.setObjectName("hubs")
        self.table.setHorizontalHeaderLabels([self.tr("Innovation hub"), self.tr("Number")])
        self.table.setAccessibleName(self.tr("Hubs to copy to"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for row, (hub_id, name) in enumerate(hubs):
            hub = QTableWidgetItem(name)
            hub.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            hub.setCheckState(Qt.CheckState.Unchecked)
            hub.setData(HUB_ID_ROLE, hub_id)
            self.table.setItem(row, 0, hub)
            self.table.setItem(row, 1, QTableWidgetItem(""))
        self.table.itemChanged.connect(self._number_typed)
        if hubs:
            self.table.setCurrentCell(0, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Make copies"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(560, 380)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _number_typed(self, item: QTableWidgetItem) -> None:
        if item.column() == 1 and item.text().strip():
            hub = self.table.item(item.row(), 0)
            if hub is not None:
                hub.setCheckState(Qt.CheckState.Checked)

    def chosen(self) -> dict[str, str | None]:
        """Ticked hub id -> the number typed for it (None when left empty)."""
        out: dict[str, str | None] = {}
        for row in range(self.table.rowCount()):
            hub = self.table.item(row, 0)
            number = self.table.item(row, 1)
            if hub is not None and hub.checkState() == Qt.CheckState.Checked:
                text = number.text().strip() if number is not None else ""
                out[str(hub.data(HUB_ID_ROLE))] = text or None
        return out
