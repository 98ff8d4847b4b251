"""Bar charts drawn with reportlab.graphics, in the bundled font, readable in grey print."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from jipp_desktop.reports.fonts import BOLD, FAMILY
from jipp_desktop.reports.styles import CHART_COLOURS

LABEL_CHARS = 34


def _short(text: str) -> str:
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1] + "…"


def bar_chart(
    title: str,
    items: Sequence[tuple[str, int]],
    width: float,
    *,
    bar_height: float = 13,
    label_width: float | None = None,
    colour_index: int = 0,
    empty_text: str = "-",
) -> Drawing:
    """Horizontal bars with the value printed at each bar's end; first item on top."""
    label_w = label_width if label_width is not None else min(width * 0.42, 150)
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
    chart.width = width - label_w - 30
    chart.height = plot_h
    # Drawn bottom-up, so reverse to read the list top-down.
    values = [v for _, v in reversed(items)]
    chart.data = [values]
    chart.categoryAxis.categoryNames = [_short(k) for k, _ in reversed(items)]
    chart.categoryAxis.labels.fontName = FAMILY
    chart.categoryAxis.labels.fontSize = 7.5
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -3
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
    chart.barLabelFormat = "%d"
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
