"""Read queries off the GUI thread, so a big list or the dashboard never freezes the window.

``read(fn, on_done)`` runs ``fn()`` on one background reader thread and calls
``on_done(result)`` on the GUI thread.  Reads never wait for writes (SQLite WAL gives
the reader its own snapshot), so this is separate from the single writer in
``tasks.py``.  The reader's peewee connection is closed after every query: it then
always follows the database the app has open (tests open a new one per test).
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
        try:
            result, error = fn(), None
        except Exception as exc:  # handed to the GUI thread, which shows and logs it
            result, error = None, exc
        finally:
            if not models.database.is_closed():
                models.database.close()
        self._finished.emit(key, result, error)

    def _deliver(self, key: int, result: object, error: object) -> None:
        callback = self._callbacks.pop(key, None)
        if error is not None:
            from jipp_desktop.gui.errors import show_error

            assert isinstance(error, BaseException)
            show_error(None, error)
            return
        if callback is not None:
            callback(result)

    def shutdown(self) -> None:
        self._executor.shutdown(wait=True)


_shared: list[Reader] = []


def shared_reader() -> Reader:
    """The application's reader (one thread for every list and the dashboard)."""
    if not _shared:
        app = QCoreApplication.instance()
        reader = Reader(app)
        _shared.append(reader)
        if app is not None:
            app.aboutToQuit.connect(reader.shutdown)
    return _shared[0]
