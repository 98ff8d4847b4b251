"""Paragraph and table styles shared by all reports, in the bundled font."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from jipp_desktop.reports.fonts import BOLD, FAMILY, ITALIC
from jipp_desktop.reports.hyphens import hyphenator

HEADER_FILL = colors.HexColor("#1F3A5F")
ZEBRA_FILL = colors.HexColor("#EEF2F7")
GRID = colors.HexColor("#9AA5B1")
ACCENT = colors.HexColor("#1F3A5F")
CHART_COLOURS = (
    colors.HexColor("#1F3A5F"),
    colors.HexColor("#3E7CB1"),
    colors.HexColor("#81A4CD"),
    colors.HexColor("#F2A541"),
    colors.HexColor("#C0392B"),
    colors.HexColor("#2E8B57"),
    colors.HexColor("#8E44AD"),
    colors.HexColor("#7F8C8D"),
)


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    justify: ParagraphStyle
    item: ParagraphStyle
    small: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    label: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_head: ParagraphStyle
    cell_right: ParagraphStyle
    center: ParagraphStyle
    right: ParagraphStyle
    sign: ParagraphStyle
    sign_name: ParagraphStyle
    caption: ParagraphStyle
    figure: ParagraphStyle
    kop_title: ParagraphStyle
    kop_unit: ParagraphStyle
    kop_address: ParagraphStyle


def make_styles(lang: str = "id") -> Styles:
    """The styles of a report in ``lang``: body text hyphenates with that language's
    dictionary; titles, headings and table headers wrap between words only."""
    hyphenate = hyphenator(lang)

    def style(name: str, **kw: object) -> ParagraphStyle:
        # A child style inherits its size from the parent; only roots get the defaults.
        base: dict[str, object] = (
            {}
            if "parent" in kw
            else {
                "fontName": FAMILY,
                # Letters and statements: 11 pt body, as official documents are typed.
                "fontSize": 11,
                "leading": 14.5,
                "hyphenationLang": hyphenate,
            }
        )
        base.update(kw)
        return ParagraphStyle(name, **base)  # type: ignore[arg-type]

    cell = style("cell", fontSize=8.5, leading=10.5)
    justify = style("justify", alignment=TA_JUSTIFY, spaceAfter=4)
    return Styles(
        body=style("body", spaceAfter=4),
        justify=justify,
        # A numbered item: the number in the margin, wrapped lines aligned under the text.
        item=style(
            "item",
            parent=justify,
            leftIndent=7 * mm,
            bulletIndent=0,
            bulletFontName=FAMILY,
            bulletFontSize=11,
        ),
        small=style("small", fontSize=9, leading=11),
        title=style(
            "title",
            hyphenationLang="",
            fontName=BOLD,
            fontSize=14,
            leading=18,
            alignment=TA_CENTER,
            spaceAfter=2,
        ),
        subtitle=style(
            "subtitle",
            hyphenationLang="",
            fontSize=11,
            leading=14,
            alignment=TA_CENTER,
            spaceAfter=8,
        ),
        heading=style(
            "heading",
            hyphenationLang="",
            fontName=BOLD,
            fontSize=12,
            leading=15.5,
            spaceBefore=9,
            spaceAfter=4,
            textColor=ACCENT,
            keepWithNext=1,  # "B. Grafik" never alone at a page foot, the charts overleaf
        ),
        label=style("label", fontName=BOLD, fontSize=11, leading=14.5),
        cell=cell,
        cell_bold=style("cell_bold", parent=cell, fontName=BOLD),
        cell_head=style(
            "cell_head",
            parent=cell,
            fontName=BOLD,
            fontSize=8,
            leading=10,
            textColor=colors.white,
            hyphenationLang="",
            splitLongWords=0,
        ),
        cell_right=style("cell_right", parent=cell, alignment=TA_RIGHT),
        center=style("center", alignment=TA_CENTER),
        right=style("right", alignment=TA_RIGHT),
        # Signature lines are centred: they wrap between words, never inside a name or a title.
        sign=style("sign", hyphenationLang="", alignment=TA_CENTER, fontSize=11, leading=14),
        sign_name=style(
            "sign_name",
            hyphenationLang="",
            alignment=TA_CENTER,
            fontName=BOLD,
            fontSize=11,
            leading=14,
        ),
        caption=style("caption", fontName=ITALIC, fontSize=7.5, leading=9.5, alignment=TA_CENTER),
        figure=style(
            "figure",
            hyphenationLang="",
            fontName=BOLD,
            fontSize=16,
            leading=20,
            alignment=TA_CENTER,
        ),
        kop_title=style(
            "kop_title",
            hyphenationLang="",
            fontName=BOLD,
            fontSize=13,
            leading=16,
            alignment=TA_CENTER,
        ),
        kop_unit=style(
            "kop_unit",
            hyphenationLang="",
            fontName=BOLD,
            fontSize=15,
            leading=18.5,
            alignment=TA_CENTER,
        ),
        kop_address=style(
            "kop_address", hyphenationLang="", fontSize=9, leading=11, alignment=TA_CENTER
        ),
    )
