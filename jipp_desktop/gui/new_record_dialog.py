""" "Data baru" away from a list (Beranda, Sinkronisasi, …): which kind of record?"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jipp_desktop.gui.icons import icon
from jipp_desktop.gui.pages import PAGES, page_title


class NewRecordDialog(QDialog):
    """A list of the record kinds; Enter or a double click picks one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("new_record_dialog")
        self.setWindowTitle(self.tr("New record"))
        self.kinds = QListWidget(self)
        self.kinds.setObjectName("new_record_kinds")
        self.kinds.setAccessibleName(self.tr("Kind of record"))
        self.kinds.setIconSize(QSize(22, 22))
        for spec in PAGES:
            if spec.record_type is None:
                continue
            item = QListWidgetItem(icon(spec.icon), page_title(spec))
            item.setData(Qt.ItemDataRole.UserRole, spec.record_type)
            self.kinds.addItem(item)
        self.kinds.setCurrentRow(0)
        self.kinds.itemActivated.connect(lambda _item: self.accept())
        question = QLabel(self.tr("Which kind of record do you want to create?"), self)
        question.setBuddy(self.kinds)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(self.kinds)
        layout.addWidget(buttons)
        self.kinds.setFocus()

    def chosen(self) -> str | None:
        item = self.kinds.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))
