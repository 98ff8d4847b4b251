"""Notice writes made elsewhere: another workstation on the ministry's database, a
reader window beside the writer, a sync import on another connection.

Every write to synced data moves one counter by trigger, in the writer's own
transaction (db/migrations/0007_change_marker.sql), so reading that single row every few
seconds is all it takes to know the lists may be out of date.  The read runs on the
reader thread: a slow network to the database server never freezes the window.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from jipp_desktop.core import models
from jipp_desktop.gui.reader import shared_reader
from jipp_desktop.sync import digest

POLL_MS = 3_000


class ChangeWatcher(QObject):
    """Emits ``moved`` when the change marker differs from the previous poll's."""

    moved = Signal()

    def __init__(self, parent: QObject | None = None, interval_ms: int = POLL_MS) -> None:
        super().__init__(parent)
        self._last: int | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.poll)

    def start(self) -> None:
        self._timer.start()
        self.poll()

    def stop(self) -> None:
        self._timer.stop()

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def poll(self) -> None:
        if models.database.is_closed():
            # The workspace closed (this thread's connection with it): nothing to watch.
            self.stop()
            return
        shared_reader().read(digest.change_marker, self._answer, topic=self)

    def _answer(self, counter: int) -> None:
        moved = self._last is not None and counter != self._last
        self._last = counter
        if moved and self._timer.isActive():
            self.moved.emit()
