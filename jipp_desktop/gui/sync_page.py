"""The Sync page: exchange packages with other laptops and review conflicts."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from jipp_desktop.core.workspace import Workspace


class SyncPage(QWidget):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Sinkronisasi"), self))
