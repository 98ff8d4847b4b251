"""Read queries off the GUI thread, so a big list or the dashboard never freezes the window.

``read(fn, on_done)`` runs ``fn()`` on one background reader thread and calls
``on_done(result)`` on the GUI thread.  Reads never wait for writes (SQLite WAL gives
the reader its own snapshot), so this is separate from the single writer in
``tasks.py``.  ``release()`` closes the reader's connection; the app calls it before
closing the workspace.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal

from jipp_desktop.core import models

Done = Callable[[Any], None]


class Reader(QObject):
    _finished = Signal(int, object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="jipp-read")
        self._keys = itertools.count(1)
        self._callbacks: dict[int, Done] = {}
        self._opened_for: str | None = None
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def read(self, fn: Callable[[], Any], on_done: Done) -> int:
        key = next(self._keys)
        self._callbacks[key] = on_done
        self._executor.submit(self._work, key, fn)
        return key

    @property
    def pending(self) -> int:
        return len(self._callbacks)

    def _work(self, key: int, fn: Callable[[], Any]) -> None:
        # The reader keeps its connection (and its page cache: reopening a big database
        # for every keystroke made searches three times slower) while the app keeps the
        # same database; a different one (a test's fresh folder) gets a fresh connection.
        target = models.database.database
        if self._opened_for != target and not models.database.is_closed():
            models.database.close()
        self._opened_for = target
        try:
            result, error = fn(), None
        except Exception as exc:  # handed to the GUI thread, which shows and logs it
            result, error = None, exc
        self._finished.emit(key, result, error)

    def release(self) -> None:
        """Close the reader's connection (before the workspace closes) and wait for it."""
        self._executor.submit(self._close).result()

    def _close(self) -> None:
        if not models.database.is_closed():
            models.database.close()
        self._opened_for = None

    def _deliver(self, key: int, result: object, error: object) -> None:
        callback = self._callbacks.pop(key, None)
        if error is not None:
            from jipp_desktop.gui.errors import show_error

            assert isinstance(error, BaseException)
            show_error(None, error)
            return
        if callback is not None:
            callback(result)


_shared: list[Reader] = []


def shared_reader() -> Reader:
    """The application's reader (one thread for every list and the dashboard)."""
    if not _shared:
        # Lives as long as the application; its idle thread ends with the interpreter.
        _shared.append(Reader(QCoreApplication.instance()))
    return _shared[0]
