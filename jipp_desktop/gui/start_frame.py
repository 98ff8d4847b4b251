"""The window's frame shown at once, before the data folder is opened.

Title, the side navigation and a placeholder that says the data is being opened, at
the size and place the main window will take (read from ``gui.ini``). It imports
nothing of the core: the models, the database engines and the pages load after its
first frame, while the officer already sees where the app will be (docs/gui.md,
"Start-up").
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings, QSize, QTimer
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QWidget,
)

from jipp_desktop.gui.icons import icon
from jipp_desktop.gui.pages import PAGES, page_title


class StartFrame(QMainWindow):
    """Stands where the main window will be until it is built, then closes."""

    def __init__(self, settings: QSettings) -> None:
        super().__init__()
        self.setObjectName("start_frame")
        # The main window's and the old splash's words, already translated in their contexts.
        self.setWindowTitle(QCoreApplication.translate("MainWindow", "JIPP Desktop"))
        self.setWindowIcon(icon("app"))
        self._painted = False
        self._after_paint: Callable[[], None] | None = None
        nav = QListWidget(self)
        nav.setIconSize(QSize(22, 22))
        nav.setSpacing(1)
        nav.setMinimumWidth(150)
        nav.setMaximumWidth(190)
        nav.setEnabled(False)  # nothing to open yet
        for spec in PAGES:
            nav.addItem(QListWidgetItem(icon(spec.icon), page_title(spec)))
        self.placeholder = QLabel(
            QCoreApplication.translate("app", "Opening the data folder…"), self
        )
        self.placeholder.setObjectName("start_placeholder")
        self.placeholder.setStyleSheet("QLabel { font-size: 12pt; }")
        central = QWidget(self)
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(nav)
        # Centred by stretches: Qt.AlignmentFlag would build Qt's whole enum namespace.
        row.addStretch(1)
        row.addWidget(self.placeholder)
        row.addStretch(1)
        self.setCentralWidget(central)
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(default_window_size(self.screen().availableGeometry().size()))

    def after_first_paint(self, fn: Callable[[], None]) -> None:
        """Run ``fn`` once, after the frame has been drawn (or soon, if it never is:
        a window manager may keep a new window hidden)."""
        self._after_paint = fn
        if self._painted:
            QTimer.singleShot(0, self._run)
        else:
            QTimer.singleShot(500, self._run)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self._run)

    def _run(self) -> None:
        fn, self._after_paint = self._after_paint, None
        if fn is not None:
            fn()


def default_window_size(available: QSize) -> QSize:
    """The first window: 1280×720 where it fits, else the screen's free area less the
    window frame, so a 1366×768 laptop with a panel shows it whole."""
    frame = QSize(16, 40)  # borders and title bar the window manager adds
    return QSize(
        min(1280, available.width() - frame.width()),
        min(720, available.height() - frame.height()),
    )
