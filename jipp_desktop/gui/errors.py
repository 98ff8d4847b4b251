"""Errors reach the officer as a plain message in their language, never as a traceback.

The traceback goes to ``<data folder>/logs/jipp.log`` (rotating) and behind the
"Show Details..." button of the message box, so a support person can still read it.
"""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import (
    QCoreApplication,
    QMessageLogContext,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from jipp_desktop.core import faults
from jipp_desktop.core.errors import JippError, ValidationError
from jipp_desktop.core.logs import log
from jipp_desktop.gui.i18n import current_language

# Message boxes without a parent must stay referenced until the officer closes them.
_open_boxes: list[QMessageBox] = []
# The open data folder, so a full disk or a damaged file is named (set by the app).
data_folder: Path | None = None


def _named(exc: BaseException) -> BaseException:
    """The storage fault behind a low-level error (disk full, read-only, damage...)."""
    if data_folder is None or isinstance(exc, JippError):
        return exc
    return faults.translate(exc, data_folder) or exc


def user_message(exc: BaseException) -> str:
    """What the officer reads: the core's own message, else a generic sentence."""
    exc = _named(exc)
    if isinstance(exc, JippError):
        return exc.message(current_language())
    if isinstance(exc, OSError):
        return QCoreApplication.translate(
            "errors", "The file or folder could not be used: {0}"
        ).format(exc.strerror or exc)
    return QCoreApplication.translate(
        "errors", "Something went wrong. The details were written to the log file."
    )


def show_error(
    parent: QWidget | None, exc: BaseException, title: str | None = None, note: str = ""
) -> None:
    """Log ``exc`` with its traceback and show it without one (details on request);
    ``note`` says below it what the officer's screen kept or can do."""
    details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    exc = _named(exc)
    if isinstance(exc, ValidationError):
        # The messages quote what was typed; the log gets the fields' names only.
        log.warning("refused: %s", ", ".join(e.field for e in exc.errors))
    elif isinstance(exc, JippError):
        log.warning("%s", exc.message("en"))
    else:
        log.error("unexpected error\n%s", details)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title or QCoreApplication.translate("errors", "JIPP Desktop"))
    box.setText(user_message(exc))
    if note:
        box.setInformativeText(note)
    if not isinstance(exc, JippError):
        box.setDetailedText(details)
    box.setObjectName("jipp_error_box")
    # Non-blocking: an error inside a slot must not start a nested event loop.
    # (Qt's namespace is imported here: building its ~100 enums costs ~15 ms, which the
    # start frame does without.)
    from PySide6.QtCore import Qt

    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _open_boxes.append(box)
    box.finished.connect(lambda _result, b=box: _open_boxes.remove(b))
    box.open()


def _excepthook(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    exc.__traceback__ = tb
    try:
        parent = QApplication.activeWindow()
        show_error(parent, exc)
    except Exception:
        log.exception("error while reporting an error")


def install_excepthook() -> None:
    """Unhandled exceptions in slots end up here instead of on stderr, and Qt's own
    warnings go to the log file too (a laptop in the field has no console)."""
    sys.excepthook = _excepthook
    qInstallMessageHandler(_qt_message)


_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    logging.getLogger("jipp_desktop.qt").log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)
