"""Guard against a PySide6 build that drops a reference to ``None`` on every void call.

PySide6 6.12.0's stable-ABI (abi3) wheels return ``None`` from C++ methods without
taking a new reference.  From Python 3.12 ``None`` is immortal and nothing happens; on
Python 3.11 every ``label.setText()`` or ``processEvents()`` lowers None's reference
count by one, and after a few thousand calls the interpreter aborts with "Fatal Python
error: none_dealloc".  The app supports Python 3.11, so at start-up we measure whether
the running PySide6 does this and, only then, give ``None`` the kind of huge reference
count 3.12 gives every immortal object.  Remove this module once the project requires
Python 3.12 or a PySide6 that is fixed.
"""

from __future__ import annotations

import ctypes
import logging
import sys

from PySide6.QtCore import QElapsedTimer

log = logging.getLogger(__name__)

_PROBE_CALLS = 64
# Far more references than a process can drop in its lifetime, far below overflow.
_RESERVE = 1 << 40


def leaks_none() -> bool:
    """True when a void PySide6 call lowers None's reference count."""
    if sys.version_info >= (3, 12):
        return False
    timer = QElapsedTimer()
    before = sys.getrefcount(None)
    for _ in range(_PROBE_CALLS):
        timer.invalidate()
    return sys.getrefcount(None) <= before - _PROBE_CALLS // 2


def protect_none() -> bool:
    """Apply the guard if this PySide6 needs it; returns whether it did."""
    if not leaks_none():
        return False
    # ob_refcnt is the first field of every CPython object, at the object's address.
    ctypes.c_ssize_t.from_address(id(None)).value += _RESERVE
    log.info("PySide6 void calls leak None references on this Python; guard applied")
    return True
