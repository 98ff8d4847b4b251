"""The application icon is drawn from resources/icons/app.svg by the build
(packaging/make_icons.py): a 256 px PNG for Linux and a multi-size .ico for Windows."""

from __future__ import annotations

import importlib.util
import struct
from pathlib import Path
from types import ModuleType

from bundle_helpers import REPO
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication


def _make_icons_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_icons", REPO / "packaging/make_icons.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_ico_holds_every_size_drawn_from_the_svg(qapp: QApplication, tmp_path: Path) -> None:
    make_icons = _make_icons_module()
    png, ico = make_icons.make_icons(REPO / "resources/icons/app.svg", tmp_path)
    assert QImage(str(png)).size().width() == 256
    data = ico.read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind, count) == (0, 1, len(make_icons.ICO_SIZES))
    for index, size in enumerate(make_icons.ICO_SIZES):
        width, height, _, _, planes, bits, length, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * index
        )
        assert (width or 256, height or 256, planes, bits) == (size, size, 1, 32)
        image = QImage.fromData(data[offset : offset + length], "PNG")
        assert (image.width(), image.height()) == (size, size)
        # Drawn, not empty: the clock's strokes cover part of every size.
        assert any(image.pixelColor(x, size // 2).alpha() > 0 for x in range(size))
