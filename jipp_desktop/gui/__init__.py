"""The Qt face of JIPP Desktop.

PySide6 (6.12) reads the whole source of every module an import statement names once
PySide6 is loaded, to see whether it mentions PySide6 and so may switch on one of its
``__feature__`` options: at the window's start about 140 modules, the standard library's
included, each read from disk and searched, a good part of the start.  The answer is
known without reading: this app's GUI modules use PySide6 (and no ``__feature__``), its
other modules and the standard library's never mention it.  So the check answers those
at once and still reads every other module.  Where PySide has no such check (another
version), nothing is changed.
"""

from __future__ import annotations

import os
import sys
import sysconfig
from types import ModuleType


def _skip_feature_scan() -> None:
    import PySide6.QtCore  # noqa: F401  (loads PySide's feature module)

    feature = sys.modules.get("shibokensupport.feature")
    scan = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(scan):
        return
    stdlib = os.path.realpath(sysconfig.get_paths()["stdlib"]) + os.sep

    def uses_pyside(module: ModuleType) -> bool:
        name = getattr(module, "__name__", "")
        if name == __name__ or name.startswith(__name__ + "."):
            return True
        origin = getattr(module, "__file__", None) or ""
        if name.startswith("jipp_desktop.") or os.path.realpath(origin).startswith(stdlib):
            return False
        return bool(scan(module))

    feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]


_skip_feature_scan()
