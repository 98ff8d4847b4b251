"""The bundled Liberation Sans family, embedded so every name (ā, é, ñ, Cyrillic …) prints.

Liberation Sans has the metrics of Arial, the face of most Indonesian office letters, so
a report reads like the documents around it; it is free under the SIL Open Font
Licence 1.1 (``resources/fonts/LICENSE-Liberation.txt``, from Debian's fonts-liberation2).

The 14 standard PDF fonts cover Latin-1 only and are not embedded; a TTF registered
with reportlab is subset-embedded, so the PDF looks the same on any printer.
"""

from __future__ import annotations

from functools import cache

from reportlab import rl_config
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from jipp_desktop.paths import resource

FAMILY = "JippSans"
BOLD = f"{FAMILY}-Bold"
ITALIC = f"{FAMILY}-Oblique"
BOLD_ITALIC = f"{FAMILY}-BoldOblique"

_FILES = {
    FAMILY: "LiberationSans-Regular.ttf",
    BOLD: "LiberationSans-Bold.ttf",
    ITALIC: "LiberationSans-Italic.ttf",
    BOLD_ITALIC: "LiberationSans-BoldItalic.ttf",
}


@cache
def register_fonts() -> str:
    """Register the family once per process; returns the regular face name."""
    for name, filename in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(resource("fonts", filename))))
    # registerFontFamily lets <b> and <i> in Paragraph markup pick the right faces.
    pdfmetrics.registerFontFamily(
        FAMILY, normal=FAMILY, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC
    )
    for bold, italic, face in ((0, 0, FAMILY), (1, 0, BOLD), (0, 1, ITALIC), (1, 1, BOLD_ITALIC)):
        addMapping(FAMILY, bold, italic, face)
    # Charts start every drawing in this default font even when all their labels use ours,
    # which would list an unembedded Helvetica in the PDF.
    rl_config.defaultGraphicsFontName = FAMILY
    return FAMILY
