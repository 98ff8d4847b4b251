"""Icons from resources/icons (SVG, so they stay sharp on HiDPI screens)."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon

from jipp_desktop.paths import resource


@cache
def icon(name: str) -> QIcon:
    path = resource("icons", f"{name}.svg")
    return QIcon(str(path)) if path.is_file() else QIcon()
