"""Read queries off the GUI thread, so a big list or the dashboard never freezes the window.

``read(fn, on_done)`` runs ``fn()`` on one background reader thread and calls
``on_done(result)`` on the GUI thread.  Reads never wait for writes (SQLite WAL gives
the reader its own snapshot), so this is separate from the single writer in
``tasks.py``.  ``release()`` closes the reader's connection; the app calls it before
closing the workspace.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal

from jipp_desktop.core import models

Done = Callable[[Any], None]


class _Superseded(Exception):
    """A newer read on the same topic replaced this one; nobody wants its answer."""


class Reader(QObject):
    _finished = Signal(int, object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="jipp-read")
        self._keys = itertools.count(1)
        self._callbacks: dict[int, Done] = {}
        self._opened_for: str | None = None
        self._lock = threading.Lock()
        self._topics: dict[object, int] = {}
        self._superseded: set[int] = set()
        self._running: int | None = None
        self._connection: Any = None
        self._opened_db: Any = None
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def read(self, fn: Callable[[], Any], on_done: Done, topic: object = None) -> int:
        """Queue ``fn``.  A newer read with the same ``topic`` (a list's search) makes
        the older one pointless: it is skipped if still queued and interrupted if
        running, so typing never waits for the answer to a word already changed."""
        key = next(self._keys)
        with self._lock:
            if topic is not None:
                older = self._topics.get(topic)
                if older is not None:
                    self._superseded.add(older)
                    if older == self._running:
                        self._interrupt()
                self._topics[topic] = key
        self._callbacks[key] = on_done
        self._executor.submit(self._work, key, fn, topic)
        return key

    @property
    def pending(self) -> int:
        return len(self._callbacks)

    def _work(self, key: int, fn: Callable[[], Any], topic: object) -> None:
        try:
            result, error = self._run(key, fn)
        except Exception as exc:  # handed to the GUI thread, which shows and logs it
            result, error = None, exc
        with self._lock:
            self._running = None
            if key in self._superseded:
                self._superseded.discard(key)
                error = _Superseded()
            if self._topics.get(topic) == key:
                del self._topics[topic]
        self._finished.emit(key, result, error)

    def _run(self, key: int, fn: Callable[[], Any]) -> tuple[Any, BaseException | None]:
        # The reader keeps its connection (and its page cache: reopening a big database
        # for every keystroke made searches three times slower) while the app keeps the
        # same database; a different one (a test's fresh folder) gets a fresh connection.
        target = models.database.database
        if self._opened_for != target:
            self._close_opened()
        self._opened_for = target
        # The database object itself: a workspace on another engine binds another one,
        # and this thread's connection belongs to the object it was opened on.
        self._opened_db = models.database.obj
        with self._lock:
            if key in self._superseded:
                return None, _Superseded()
            self._running = key
            # The handle lets a newer read interrupt this one (none before a workspace
            # is open).
            self._connection = (
                models.database.connection()  # type: ignore[no-untyped-call]
                if target is not None
                else None
            )
        return fn(), None

    def _interrupt(self) -> None:
        """Stop the running query (sqlite3 and psycopg allow this from another thread)."""
        conn: Any = self._connection
        if conn is None:
            return
        if hasattr(conn, "interrupt"):
            conn.interrupt()
        else:
            conn.cancel_safe()  # PostgreSQL: the server stops the statement

    def release(self) -> None:
        """Close the reader's connection (before the workspace closes) and wait for it."""
        self._executor.submit(self._close).result()

    def _close(self) -> None:
        self._close_opened()
        self._opened_for = None
        self._connection = None

    def _close_opened(self) -> None:
        """Close this thread's connection to the database it last read (either engine)."""
        db = self._opened_db if self._opened_db is not None else models.database.obj
        if db is not None and not db.is_closed():
            db.close()
        self._opened_db = None

    def _deliver(self, key: int, result: object, error: object) -> None:
        callback = self._callbacks.pop(key, None)
        if isinstance(error, _Superseded):
            return
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
