"""Call a function at most once per interval (qutebrowser's misc/throttle.py idea).

The first call runs at once, so a single keystroke updates the list immediately;
calls arriving during the interval collapse into one call at its end, with the
latest arguments, so fast typing never queues a query per key.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QElapsedTimer, QObject, QTimer


class Throttle(QObject):
    def __init__(
        self, func: Callable[..., Any], interval_ms: int, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._func = func
        self._interval = interval_ms
        self._pending: tuple[Any, ...] | None = None
        self._clock = QElapsedTimer()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._fire_pending)

    def __call__(self, *args: Any) -> None:
        if self._timer.isActive():
            self._pending = args
            return
        if self._clock.isValid() and self._clock.elapsed() < self._interval:
            self._pending = args
            self._timer.start(self._interval - int(self._clock.elapsed()))
            return
        self._run(args)

    def flush(self) -> None:
        """Run a pending call now (e.g. when Enter is pressed)."""
        if self._timer.isActive():
            self._timer.stop()
            self._fire_pending()

    def _fire_pending(self) -> None:
        if self._pending is not None:
            args, self._pending = self._pending, None
            self._run(args)

    def _run(self, args: tuple[Any, ...]) -> None:
        self._clock.start()
        self._func(*args)
