"""Bar charts drawn with reportlab.graphics, in the bundled font, readable in grey print."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from jipp_desktop.core import idformat
from jipp_desktop.reports.fonts import BOLD, FAMILY
from jipp_desktop.reports.styles import CHART_COLOURS

LABEL_SIZE = 7.5
LABEL_GAP = 3


def _short(text: str, width: float) -> str:
    """The label shortened with an ellipsis to ``width`` points, so it never starts left
    of the drawing (the page margin)."""
    if stringWidth(text, FAMILY, LABEL_SIZE) <= width:
        return text
    while text and stringWidth(text + "…", FAMILY, LABEL_SIZE) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def bar_chart(
    title: str,
    items: Sequence[tuple[str, int]],
    width: float,
    *,
    bar_height: float = 13,
    label_width: float | None = None,
    colour_index: int = 0,
    empty_text: str = "-",
    lang: str = "id",
) -> Drawing:
    """Horizontal bars with the value printed at each bar's end, written as the tables
    write numbers ("7.199"); first item on top."""
    widest = max((stringWidth(k, FAMILY, LABEL_SIZE) for k, _ in items), default=0.0)
    # As wide as the longest label (at least ``label_width``), at most 45% of the drawing.
    label_w = min(max(widest + LABEL_GAP + 2, label_width or 0), width * 0.45)
    rows = max(len(items), 1)
    plot_h = rows * bar_height
    height = plot_h + 30
    drawing = Drawing(width, height)
    drawing.add(String(0, height - 11, title, fontName=BOLD, fontSize=9))
    if not items:
        drawing.add(String(0, height - 26, empty_text, fontName=FAMILY, fontSize=8))
        return drawing
    chart = HorizontalBarChart()
    chart.x = label_w
    chart.y = 6
    # Room right of the longest bar for its number.
    chart.width = (
        width
        - label_w
        - 8
        - stringWidth(
            idformat.format_number(max(v for _, v in items), lang=lang), FAMILY, LABEL_SIZE
        )
    )
    chart.height = plot_h
    # Drawn bottom-up, so reverse to read the list top-down.
    values = [v for _, v in reversed(items)]
    chart.data = [values]
    room = label_w - LABEL_GAP - 1
    chart.categoryAxis.categoryNames = [_short(k, room) for k, _ in reversed(items)]
    chart.categoryAxis.labels.fontName = FAMILY
    chart.categoryAxis.labels.fontSize = LABEL_SIZE
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -LABEL_GAP
    chart.categoryAxis.strokeColor = colors.grey
    chart.valueAxis.valueMin = 0
    top = max(values) or 1
    chart.valueAxis.valueMax = top * 1.15
    chart.valueAxis.valueStep = max(1, _nice_step(top))
    chart.valueAxis.labels.fontName = FAMILY
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.visible = False
    chart.bars[0].fillColor = CHART_COLOURS[colour_index % len(CHART_COLOURS)]
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = lambda value: idformat.format_number(int(value), lang=lang)
    chart.barLabels.fontName = FAMILY
    chart.barLabels.fontSize = 7.5
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    chart.barSpacing = 2
    chart.groupSpacing = 3
    drawing.add(chart)
    return drawing


def _nice_step(top: int) -> int:
    for step in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000):
        if top / step <= 6:
            return step
    return top // 5
