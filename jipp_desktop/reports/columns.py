"""Table columns sized from their content, so dates and numbers never wrap.

A column is ``text`` (wraps between words, hyphenated), ``fixed`` (never wraps: dates,
codes, short labels) or ``number`` (fixed and right-aligned).  Fixed columns get the
width of their widest cell; the text columns share what is left by weight, none
narrower than its longest header word, none wider than its longest line.  A header
wraps only between words: a header word wider than its column makes that header's
type smaller instead of being cut.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth

from jipp_desktop.reports.styles import Styles

PAD_X = 3
# Only this many rows are measured for the text columns' natural width: enough to see
# the long values, cheap for a 100,000-row register.
SAMPLE_ROWS = 3_000
MIN_TEXT_WIDTH = 34.0  # about 12 mm: a text column narrower than this reads as a stack
SMALLEST_HEADER = 5.5


@dataclass(frozen=True)
class Column:
    header: str
    kind: str = "text"  # "text", "fixed" or "number"
    weight: float = 1.0

    @property
    def wraps(self) -> bool:
        return self.kind == "text"


def _text_width(value: Any, style: ParagraphStyle) -> float:
    return stringWidth(str(value), style.fontName, style.fontSize)


def _widest_word(text: str, style: ParagraphStyle) -> float:
    return max((_text_width(w, style) for w in text.split()), default=0.0)


def fit_widths(
    styles: Styles,
    columns: Sequence[Column],
    rows: Sequence[Sequence[Any]],
    total: float,
) -> list[float]:
    """Column widths (points) that add up to ``total``."""
    head, cell = styles.cell_head, styles.cell
    sample = rows[:SAMPLE_ROWS]
    natural: list[float] = []
    minimum: list[float] = []
    for index, column in enumerate(columns):
        header_word = _widest_word(column.header, head) + 2 * PAD_X
        if column.wraps:
            longest = max((_text_width(r[index], cell) for r in sample), default=0.0)
            natural.append(max(longest + 2 * PAD_X + 1, header_word))
            # Room for the longest word too, so hyphenation is only needed for comfort.
            word = max((_widest_word(str(r[index]), cell) for r in sample), default=0.0)
            need = max(header_word, word + 2 * PAD_X + 1)
            minimum.append(max(MIN_TEXT_WIDTH, min(need, total / 5)))
        else:
            # Fixed columns are measured on every row: one long date must not wrap either.
            widest = max((_text_width(r[index], cell) for r in rows), default=0.0)
            natural.append(max(widest + 2 * PAD_X + 1, min(header_word, total / 8)))
            minimum.append(natural[-1])
    widths = list(natural)
    text = [i for i, c in enumerate(columns) if c.wraps]
    free = total - sum(natural[i] for i in range(len(columns)) if i not in text)
    # Water-filling: a text column that needs less than its share gets what it needs,
    # and the rest is shared again among the others by weight.
    open_cols = list(text)
    while open_cols:
        weight = sum(columns[i].weight for i in open_cols)
        share = {i: free * columns[i].weight / weight for i in open_cols}
        settled = [i for i in open_cols if natural[i] <= share[i]]
        if not settled:
            for i in open_cols:
                widths[i] = max(minimum[i], share[i])
            break
        for i in settled:
            widths[i] = natural[i]
            free -= natural[i]
            open_cols.remove(i)
    if open_cols == [] and text:
        # Everything fits on one line: hand the spare room to the text columns by weight.
        spare = total - sum(widths)
        weight = sum(columns[i].weight for i in text)
        for i in text:
            widths[i] += spare * columns[i].weight / weight
    over = sum(widths) - total
    if over > 0.01:
        # Some text columns were held at their minimum: pay for it from the others' room.
        slack = {i: widths[i] - minimum[i] for i in text if widths[i] > minimum[i]}
        room = sum(slack.values())
        for i, spare in slack.items():
            widths[i] -= min(over, room) * spare / room
        over = sum(widths) - total
    if over > 0.01 or (not text and abs(over) > 0.01):
        # Still too wide (or no text column to absorb the rest): scale every column.
        widths = [w * total / sum(widths) for w in widths]
    return widths


def header_style(styles: Styles, header: str, width: float) -> ParagraphStyle:
    """The header style, smaller when one of its words is wider than the column, and
    never cutting a word (no hyphenation, no forced split)."""
    base = styles.cell_head
    size = base.fontSize
    room = width - 2 * PAD_X
    while size > SMALLEST_HEADER and _widest_word_at(header, base, size) > room:
        size -= 0.25
    return ParagraphStyle(
        f"head{size}",
        parent=base,
        fontSize=size,
        leading=size * base.leading / base.fontSize,
        hyphenationLang="",
        splitLongWords=0,
    )


def _widest_word_at(text: str, style: ParagraphStyle, size: float) -> float:
    return max((stringWidth(w, style.fontName, size) for w in text.split()), default=0.0)
