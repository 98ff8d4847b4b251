"""Guard against a PySide6 build that drops references to ``None`` and ``True``.

PySide6 6.12.0's stable-ABI (abi3) wheels hand back two singletons without taking a new
reference: ``None`` from every void C++ method (``label.setText()``,
``processEvents()``…), and ``True`` from every ``Signal.emit()`` of a signal declared in
Python.  From Python 3.12 these objects are immortal and nothing happens; on Python 3.11
each such call lowers the reference count by one, and after a few thousand calls the
interpreter aborts with "Fatal Python error: none_dealloc" or "bool_dealloc" — in the
middle of an officer's work, or at the end of a test run.  The app supports Python 3.11,
so at start-up we measure whether the running PySide6 does this and, only for a leak that
is seen, give the object the kind of huge reference count 3.12 gives every immortal one.
Remove this module once the project requires Python 3.12 or a PySide6 that is fixed.
"""

from __future__ import annotations

import ctypes
import logging
import sys
from collections.abc import Callable

from PySide6.QtCore import QElapsedTimer, QObject, Signal

log = logging.getLogger(__name__)

_PROBE_CALLS = 64
# Far more references than a process can drop in its lifetime, far below overflow.
_RESERVE = 1 << 40


class _Probe(QObject):
    fired = Signal()


def _drops_references(target: object, call: Callable[[], object]) -> bool:
    if sys.version_info >= (3, 12):
        return False
    before = sys.getrefcount(target)
    for _ in range(_PROBE_CALLS):
        call()
    return sys.getrefcount(target) <= before - _PROBE_CALLS // 2


def leaks_none() -> bool:
    """True when a void PySide6 call lowers None's reference count."""
    return _drops_references(None, QElapsedTimer().invalidate)


def leaks_true() -> bool:
    """True when emitting a Python-declared signal lowers True's reference count."""
    probe = _Probe()
    return _drops_references(True, probe.fired.emit)


def _reserve(target: object) -> None:
    # ob_refcnt is the first field of every CPython object, at the object's address.
    ctypes.c_ssize_t.from_address(id(target)).value += _RESERVE


def protect_singletons() -> list[str]:
    """Apply the guard for each leak this PySide6 shows; returns the objects guarded."""
    guarded = []
    if leaks_none():
        _reserve(None)
        guarded.append("None")
    if leaks_true():
        # emit() returns True for any argument; False is guarded too, since some
        # bool-returning call may drop it the same way.
        _reserve(True)
        _reserve(False)
        guarded.append("True/False")
    if guarded:
        log.info("PySide6 leaks references to %s on this Python; guard applied", guarded)
    return guarded
