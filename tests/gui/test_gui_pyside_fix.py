"""The reference guard keeps long sessions alive on Python 3.11 with PySide6 6.12."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtCore import QElapsedTimer, QObject, Signal

from jipp_desktop.gui.pyside_fix import leaks_none, leaks_true, protect_singletons


class _Emitter(QObject):
    changed = Signal(bool)


def test_many_void_calls_and_emits_do_not_abort_the_interpreter() -> None:
    protect_singletons()
    assert not leaks_none() or sys.getrefcount(None) > 1 << 39
    assert not leaks_true() or sys.getrefcount(True) > 1 << 39
    timer = QElapsedTimer()
    emitter = _Emitter()
    emitter.changed.connect(lambda _value: None)
    # More calls than None and True have references in a fresh interpreter.
    for _ in range(50_000):
        timer.invalidate()
        emitter.changed.emit(False)
    assert sys.getrefcount(None) > 0 and sys.getrefcount(True) > 0


_UNGUARDED = """
import sys
from PySide6.QtCore import QObject, Signal
from jipp_desktop.gui.pyside_fix import leaks_true, protect_singletons
class E(QObject):
    s = Signal(bool)
if sys.argv[1] == "guard":
    protect_singletons()
elif not leaks_true():
    print("no leak in this PySide6")
    sys.exit(0)
e = E()
for _ in range(100_000):
    e.s.emit(True)
print("survived")
"""


def test_the_guard_is_what_keeps_emitting_processes_alive() -> None:
    """Without the guard a leaking build aborts (the failure the guard exists for)."""
    guarded = subprocess.run(
        [sys.executable, "-c", _UNGUARDED, "guard"], capture_output=True, text=True, timeout=120
    )
    assert guarded.returncode == 0 and "survived" in guarded.stdout, guarded.stderr
    bare = subprocess.run(
        [sys.executable, "-c", _UNGUARDED, "bare"], capture_output=True, text=True, timeout=120
    )
    if "no leak" in bare.stdout:
        return  # a fixed PySide6 or Python 3.12+: nothing to guard against
    assert bare.returncode != 0 and "bool_dealloc" in bare.stderr
