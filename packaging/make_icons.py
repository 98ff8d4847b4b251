"""Render the application icon from resources/icons/app.svg for the bundle.

    python packaging/make_icons.py SVG OUT_DIR

writes ``OUT_DIR/jipp-desktop.png`` (256 px, for the Linux .desktop file) and
``OUT_DIR/jipp-desktop.ico`` (16 to 256 px, for the Windows executables and the
installer).  Each size is drawn from the vector source by Qt's SVG renderer rather
than scaled down from one bitmap, so small sizes stay sharp.  The .ico holds PNG
images, which Windows has read since Vista; its layout is written here because
Qt's ICO writer stores a single size only.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter
from PySide6.QtSvg import QSvgRenderer

ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
PNG_SIZE = 256


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, QByteArray(b"png"))
    if not writer.write(image):
        raise RuntimeError(f"Qt could not encode a PNG image: {writer.errorString()}")
    buffer.close()
    return bytes(data.data())


def ico_bytes(images: dict[int, bytes]) -> bytes:
    """ICONDIR, one ICONDIRENTRY per size, then the PNG images in the same order."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = b"", b""
    for size, blob in images.items():
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
        blobs += blob
    return header + entries + blobs


def make_icons(svg: Path, out_dir: Path) -> tuple[Path, Path]:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise RuntimeError(f"{svg} is not a valid SVG image")
    out_dir.mkdir(parents=True, exist_ok=True)
    png = out_dir / "jipp-desktop.png"
    png.write_bytes(png_bytes(render(renderer, PNG_SIZE)))
    ico = out_dir / "jipp-desktop.ico"
    ico.write_bytes(ico_bytes({size: png_bytes(render(renderer, size)) for size in ICO_SIZES}))
    return png, ico


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        sys.stderr.write("usage: make_icons.py SVG OUT_DIR\n")
        return 2
    # Drawing needs a GUI application object, never a screen: the build may run headless.
    app = QGuiApplication(["make_icons", "-platform", "offscreen"])
    for path in make_icons(Path(argv[0]), Path(argv[1])):
        sys.stdout.write(f"{path}\n")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
