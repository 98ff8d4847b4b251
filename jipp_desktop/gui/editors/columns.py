"""Column widths of a child table: short values (dates, a status, a NIP) get the width
they need, the row's words (an action, a position, an institution) share what is left,
the longest texts the largest share.  Recomputed when the table is resized, so the
follow-up table's "Tindak Lanjut" stays readable in a 760-pixel window and all six
signatory columns fit side by side at 1366 pixels."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QTableWidget

from jipp_desktop.core import vocab
from jipp_desktop.core.fields import DateText, EnumText, Flag, LongText, Number
from jipp_desktop.gui.i18n import current_language

# Room for the cell margins.  A combo or date editor may elide a little while it is
# open: the width is for reading the rows, which is what the officer does most.
PADDING = 12
# Below this a column of words reads one word per line.
MIN_WORDS = 140
# A short text field holds names of about this many characters.
SHORT_CHARS = 20


def share(field: Any) -> int:
    """0 for a column of fixed width; otherwise its weight in sharing the spare width."""
    if isinstance(field, LongText):
        return 3
    if isinstance(field, DateText | EnumText | Number | Flag):
        return 0
    limit = int(getattr(field, "max_length", 0) or 0)
    if limit >= 300:
        return 3
    if limit >= 200:
        return 2
    if limit >= 120:
        return 1
    return 0


def natural_width(field: Any, metrics: QFontMetrics, header: int) -> int:
    """What a fixed column needs: its header, or its widest usual value."""
    if isinstance(field, DateText):
        sample = metrics.horizontalAdvance("28 September 2022")
    elif isinstance(field, EnumText):
        lang = current_language()
        labels = [vocab.label(field.vocab, code, lang) for code in vocab.VOCABULARIES[field.vocab]]
        sample = max(metrics.horizontalAdvance(text) for text in labels)
    elif isinstance(field, Number):
        text = "1.000.000.000" if field.name == "budget" else "September"
        sample = metrics.horizontalAdvance(text)
    elif isinstance(field, Flag):
        sample = metrics.horizontalAdvance("Tidak")
    else:
        limit = int(getattr(field, "max_length", 0) or SHORT_CHARS)
        sample = metrics.horizontalAdvance("8" * min(limit, SHORT_CHARS))
    return max(header, sample + PADDING)


def fit_columns(table: QTableWidget, fields: list[Any]) -> None:
    header = table.horizontalHeader()
    metrics = table.fontMetrics()
    fixed: dict[int, int] = {}
    weights: dict[int, int] = {}
    for i, field in enumerate(fields):
        hint = header.sectionSizeFromContents(i).width()
        weight = share(field)
        if weight:
            weights[i] = weight
        else:
            fixed[i] = natural_width(field, metrics, hint)
    for i, width in fixed.items():
        header.resizeSection(i, width)
    spare = table.viewport().width() - sum(fixed.values())
    for i, width in _shares(weights, spare, lambda i: _floor(header, i, weights[i])).items():
        header.resizeSection(i, width)


def _floor(header: Any, column: int, weight: int) -> int:
    # A name column may be narrow; a column of sentences must not be.
    least = MIN_WORDS if weight > 1 else MIN_WORDS // 2
    return max(least, int(header.sectionSizeFromContents(column).width()))


def _shares(weights: dict[int, int], spare: int, floor: Any) -> dict[int, int]:
    """Share ``spare`` by weight; a column its share would squeeze below its floor gets
    the floor and the others share the rest."""
    widths: dict[int, int] = {}
    left = dict(weights)
    while left:
        total = sum(left.values())
        squeezed = {i for i, w in left.items() if spare * w // total < floor(i)}
        if not squeezed:
            widths.update({i: spare * w // total for i, w in left.items()})
            break
        for i in squeezed:
            widths[i] = floor(i)
            spare -= widths[i]
            del left[i]
    return widths
