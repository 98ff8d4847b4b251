"""One page's piece of a long table, drawn straight onto the canvas.

``blocks.PagedTable`` has already measured every row; what is left is to paint a header
row, a zebra, a grid and the cells.  A reportlab ``Table`` does that through per-cell style
lookups and one text object per string, which cost as much as the cells' paragraphs on a
700-page summary.  This draws the same picture (the ``blocks.grid_style`` look: dark
header, zebra from the second body row, 0.4 pt grid over everything, cells aligned to the
top inside the padding) with one text object for all plain strings of the page.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from jipp_desktop.reports.fonts import FAMILY
from jipp_desktop.reports.styles import GRID, HEADER_FILL, ZEBRA_FILL

FONT_SIZE = 8.5
LEADING = 10.5
GRID_WIDTH = 0.4


class GridPage(Flowable):
    """Rows (the first is the header) with known column widths and row heights."""

    def __init__(
        self,
        rows: Sequence[Sequence[Any]],
        col_widths: Sequence[float],
        row_heights: Sequence[float],
        right: frozenset[int] = frozenset(),
        pad_x: float = 3,
        pad_y: float = 2.2,
    ) -> None:
        super().__init__()
        self.rows = rows
        self.col_widths = list(col_widths)
        self.row_heights = list(row_heights)
        self.right = right  # body columns aligned right (numbers)
        self.pad_x, self.pad_y = pad_x, pad_y

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = sum(self.col_widths), sum(self.row_heights)
        return self.width, self.height

    def _edges(self) -> tuple[list[float], list[float]]:
        """x of every column edge, left to right; y of every row's top, top to bottom."""
        xs = [0.0]
        for w in self.col_widths:
            xs.append(xs[-1] + w)
        tops = [sum(self.row_heights)]
        for h in self.row_heights:
            tops.append(tops[-1] - h)
        return xs, tops

    def draw(self) -> None:
        canvas = self.canv
        xs, tops = self._edges()
        canvas.saveState()
        self._backgrounds(tops)
        text = canvas.beginText()
        text.setFont(FAMILY, FONT_SIZE, LEADING)
        for index, row in enumerate(self.rows):
            for column, cell in enumerate(row):
                self._cell(cell, index, column, xs, tops[index], text)
        canvas.setFillColor(colors.black)
        canvas.drawText(text)
        self._grid(xs, tops)
        canvas.restoreState()

    def _backgrounds(self, tops: list[float]) -> None:
        canvas, width = self.canv, sum(self.col_widths)
        canvas.setFillColor(HEADER_FILL)
        canvas.rect(0, tops[1], width, tops[0] - tops[1], stroke=0, fill=1)
        canvas.setFillColor(ZEBRA_FILL)
        for index in range(2, len(self.row_heights), 2):
            canvas.rect(0, tops[index + 1], width, tops[index] - tops[index + 1], stroke=0, fill=1)

    def _cell(
        self, cell: Any, index: int, column: int, xs: list[float], top: float, text: Any
    ) -> None:
        left = xs[column] + self.pad_x
        if isinstance(cell, Flowable):
            _, height = cell.wrap(self.col_widths[column] - 2 * self.pad_x, self.row_heights[index])
            cell.drawOn(self.canv, left, top - self.pad_y - height)
            return
        right = index > 0 and column in self.right
        y = top - self.pad_y - FONT_SIZE
        for line in str(cell).split("\n"):
            if line:
                x = xs[column + 1] - self.pad_x - _width(line) if right else left
                text.setTextOrigin(x, y)
                text.textOut(line)
            y -= LEADING

    def _grid(self, xs: list[float], tops: list[float]) -> None:
        canvas = self.canv
        canvas.setStrokeColor(GRID)
        canvas.setLineWidth(GRID_WIDTH)
        bottom, top = tops[-1], tops[0]
        canvas.lines([(xs[0], y, xs[-1], y) for y in tops] + [(x, bottom, x, top) for x in xs])


def _width(text: str) -> float:
    return float(stringWidth(text, FAMILY, FONT_SIZE))
