"""Photos and scans of a record: thumbnails, add, open, remove (workspace.attachments).

Files chosen before the record exists are kept as pending and attached right after
the first save, so an officer can add the visit photos while filling in the form.
"""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QIcon, QImage, QImageReader, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from jipp_desktop.core import idformat, sealed
from jipp_desktop.core.errors import JippError
from jipp_desktop.core.workspace import Workspace
from jipp_desktop.gui.errors import show_error
from jipp_desktop.gui.i18n import current_language
from jipp_desktop.gui.icons import icon

THUMB = QSize(96, 96)
PATH_ROLE = Qt.ItemDataRole.UserRole + 20
ID_ROLE = Qt.ItemDataRole.UserRole + 21


class AttachmentsPanel(QWidget):
    changed = Signal()

    def __init__(self, workspace: Workspace, type_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.type_name = type_name
        self.record_id: str | None = None
        self.pending: list[Path] = []
        self.list = QListWidget(self)
        self.list.setObjectName("attachments")
        self.list.setAccessibleName(self.tr("Attachments"))
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(THUMB)
        self.list.setGridSize(QSize(150, 140))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setWordWrap(True)
        self.list.itemDoubleClicked.connect(lambda _i: self.open_selected())
        add = QPushButton(icon("attach"), self.tr("Add photo or scan…"), self)
        add.clicked.connect(self._choose_files)
        self.open_button = QPushButton(self.tr("Open"), self)
        self.open_button.clicked.connect(self.open_selected)
        self.remove_button = QPushButton(icon("delete"), self.tr("Remove"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (add, self.open_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.note)

    def load(self, record_id: str | None) -> None:
        self.record_id = record_id
        self.list.clear()
        if record_id is not None:
            for row in self.workspace.attachments.list(self.type_name, record_id):
                path = self.workspace.attachments.blob_path(row["sha256"])
                self._add_item(row["filename"], path, row["id"], row.get("size"))
        for path in self.pending:
            self._add_item(path.name, path, None, path.stat().st_size if path.exists() else None)
        self.note.setText(
            self.tr("Files added now are stored when you save.") if self.pending else ""
        )

    def add_files(self, paths: list[Path]) -> None:
        """Attach now when the record exists, else keep them for the first save."""
        if self.record_id is None:
            self.pending.extend(paths)
            self.load(None)
            self.changed.emit()
            return
        try:
            for path in paths:
                self.workspace.attachments.add(self.type_name, self.record_id, path)
        except (JippError, OSError) as exc:
            show_error(self, exc)
        self.load(self.record_id)

    def commit(self, record_id: str) -> None:
        """Called after the first save: store the pending files."""
        pending, self.pending = self.pending, []
        self.record_id = record_id
        self.add_files(pending) if pending else self.load(record_id)

    def open_selected(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        source = Path(item.data(PATH_ROLE))
        # Stored files are named by their hash; give the viewer a copy with the real name.
        folder = Path(tempfile.mkdtemp(prefix="jipp-open-"))
        target = folder / item.text().split("\n")[0]
        # The viewer gets a plain copy (in an encrypted folder, the one plain copy).
        try:
            self.workspace.attachments.copy_out(source, target)
        except (JippError, OSError) as exc:
            show_error(self, exc)
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(target)))

    def remove_selected(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        attachment_id = item.data(ID_ROLE)
        if attachment_id is None:
            self.pending = [p for p in self.pending if str(p) != item.data(PATH_ROLE)]
            self.load(self.record_id)
        else:
            try:
                self.workspace.attachments.remove(attachment_id)
            except JippError as exc:
                show_error(self, exc)
            self.load(self.record_id)
        self.changed.emit()

    def _choose_files(self) -> None:
        files, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Add photo or scan"),
            str(Path.home()),
            self.tr("Photos and documents (*.jpg *.jpeg *.png *.pdf);;All files (*)"),
        )
        if files:
            self.add_files([Path(f) for f in files])

    def _add_item(self, name: str, path: Path, attachment_id: str | None, size: Any) -> None:
        text = name
        if size:
            text += (
                "\n"
                + idformat.format_number(max(1, int(size) // 1024), 0, current_language())
                + " KB"
            )
        item = QListWidgetItem(self._thumbnail(path), text)
        item.setData(PATH_ROLE, str(path))
        item.setData(ID_ROLE, attachment_id)
        item.setToolTip(name)
        self.list.addItem(item)

    def _thumbnail(self, path: Path) -> QIcon:
        if sealed.is_sealed(path):
            return self._sealed_thumbnail(path)
        reader = QImageReader(str(path))
        if reader.canRead():
            reader.setAutoTransform(True)
            size = reader.size()
            if size.isValid():
                reader.setScaledSize(size.scaled(THUMB, Qt.AspectRatioMode.KeepAspectRatio))
            image = reader.read()
            if not image.isNull():
                return QIcon(QPixmap.fromImage(image))
        return self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)

    def _sealed_thumbnail(self, path: Path) -> QIcon:
        """An encrypted folder's photo, unsealed in memory only."""
        image = QImage()
        with contextlib.suppress(JippError):
            image.loadFromData(self.workspace.attachments.read(path))
        if image.isNull():
            return self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        small = image.scaled(
            THUMB, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        return QIcon(QPixmap.fromImage(small))
