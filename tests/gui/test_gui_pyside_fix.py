"""The None-reference guard keeps long sessions alive on Python 3.11 with PySide6 6.12."""

from __future__ import annotations

import sys

from PySide6.QtCore import QElapsedTimer

from jipp_desktop.gui.pyside_fix import leaks_none, protect_none


def test_many_void_calls_do_not_abort_the_interpreter() -> None:
    protect_none()
    assert not leaks_none() or sys.getrefcount(None) > 1 << 39
    timer = QElapsedTimer()
    # More void calls than None has references in a fresh interpreter.
    for _ in range(50_000):
        timer.invalidate()
    assert sys.getrefcount(None) > 0
