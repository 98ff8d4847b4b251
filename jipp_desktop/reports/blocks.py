"""Building blocks shared by the reports: tables, field lists, signatures, photos."""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import Any, TypeAlias

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Image,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from jipp_desktop.core import idformat
from jipp_desktop.reports.columns import SAMPLE_ROWS, Column, fit_widths, header_style
from jipp_desktop.reports.feed import ListFeed, RowFeed, StreamFeed
from jipp_desktop.reports.fonts import FAMILY
from jipp_desktop.reports.gridpage import FONT_SIZE, LEADING, GridPage
from jipp_desktop.reports.styles import GRID, HEADER_FILL, ZEBRA_FILL, Styles
from jipp_desktop.reports.text import Tr, escape

# The one marker for a field with no value, in every report and both languages.
EMPTY = "–"
Cell: TypeAlias = Any  # a Flowable or a plain string (reportlab is untyped)
PAD_X = 3
PAD_Y = 2.2
# Photos are downscaled before embedding: a phone's 4000 px JPEG would make a
# 20-photo visit report tens of megabytes for no visible gain on A4.
MAX_PHOTO_PX = 1600
# Rows at least this tall are cut inside the row when they do not fit; smaller ones move
# whole to the next page.  A piece is only started in at least MIN_PIECE of free space.
TALL_ROW = 400.0
MIN_PIECE = 120.0
LIST_CHUNK = 200  # rows of a list turned into cell paragraphs at a time


# Tables draw plain-string cells (even empty ones) in Helvetica unless told otherwise,
# which would put an unembedded font in the PDF.
BASE_FONT: tuple[Any, ...] = ("FONTNAME", (0, 0), (-1, -1), FAMILY)


class CellParagraph(Paragraph):
    """A table-cell paragraph that remembers its line breaks for a given width.

    A cell is measured when its page is cut and again when the table draws it; breaking
    the same text twice at the same width was a fifth of a big report's time.
    """

    _wrapped_at: float | None = None

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self._wrapped_at == avail_width:
            return self.width, self.height
        size = super().wrap(avail_width, avail_height)
        self._wrapped_at = avail_width
        return size


def grid_style(header_rows: int = 1, zebra: bool = True) -> list[tuple[Any, ...]]:
    cmds: list[tuple[Any, ...]] = [
        BASE_FONT,
        ("FONTSIZE", (0, 0), (-1, -1), FONT_SIZE),
        ("LEADING", (0, 0), (-1, -1), LEADING),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD_X),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD_X),
        ("TOPPADDING", (0, 0), (-1, -1), PAD_Y),
        ("BOTTOMPADDING", (0, 0), (-1, -1), PAD_Y),
    ]
    if header_rows:
        cmds.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_FILL))
    if zebra:
        cmds.append(("ROWBACKGROUNDS", (0, header_rows), (-1, -1), [colors.white, ZEBRA_FILL]))
    return cmds


class PagedTable(Flowable):
    """A long table laid out page by page, its header row repeated on every page.

    One reportlab ``Table`` of thousands of rows re-measures the whole remainder at
    every page split (about 3x slower).  This flowable measures each row once and
    cuts a page-sized ``Table`` with the header on top at each split, so a 10,000-row
    register costs about as much as a hand-chunked table.  The rows come from a
    ``RowFeed``: a list, or a stream read chunk by chunk as the pages reach it, whose
    drawn rows are forgotten at each split (the national register in bounded memory).
    """

    def __init__(
        self,
        header: Sequence[Cell],
        rows: Sequence[Sequence[Cell]] | RowFeed,
        col_widths: Sequence[float],
        extra_style: Sequence[tuple[Any, ...]] = (),
        on_rows: Callable[[int, int], None] | None = None,
        _start: int = 0,
        _heights: dict[int, float] | None = None,
    ) -> None:
        super().__init__()
        self.header = list(header)
        self.feed = rows if isinstance(rows, RowFeed) else ListFeed(rows)
        self.col_widths = list(col_widths)
        self.extra_style = list(extra_style)
        self.on_rows = on_rows
        self._start = _start  # the feed position of this piece's first row
        self._heights = {} if _heights is None else _heights
        self._header_h = self._row_height(self.header)

    def _row_height(self, row: Sequence[Cell]) -> float:
        tallest = 0.0
        for cell, width in zip(row, self.col_widths, strict=False):
            if isinstance(cell, Flowable):
                tallest = max(tallest, cell.wrap(width - 2 * PAD_X, 10_000)[1])
            else:
                tallest = max(tallest, LEADING * (str(cell).count("\n") + 1))
        return tallest + 2 * PAD_Y

    def _height(self, index: int) -> float:
        """Height of the row ``index`` rows after this piece's start, measured once."""
        position = self._start + index
        height = self._heights.get(position)
        if height is None:
            height = self._heights[position] = self._row_height(self.feed.row(position))
        return height

    def _has(self, index: int) -> bool:
        return self.feed.has(self._start + index)

    def _rows(self, count: int) -> list[Sequence[Cell]]:
        return [self.feed.row(self._start + i) for i in range(count)]

    def _fit(self, avail: float) -> tuple[int, float]:
        """How many rows fit under the header in ``avail`` points, and their height."""
        used = self._header_h
        count = 0
        while self._has(count):
            h = self._height(count)
            if used + h > avail:
                break
            used += h
            count += 1
        return count, used

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        count, used = self._fit(avail_height)
        self.width = sum(self.col_widths)
        # Not everything fits: report a height just over the space so the frame splits.
        self.height = used if not self._has(count) else avail_height + 1
        return self.width, self.height

    def _table(self, count: int) -> Flowable:
        data = [self.header, *self._rows(count)]
        heights = [self._header_h, *(self._height(i) for i in range(count))]
        right = _right_columns(self.extra_style)
        if right is not None:
            return GridPage(data, self.col_widths, heights, right, PAD_X, PAD_Y)
        table = Table(data, colWidths=self.col_widths, rowHeights=heights, repeatRows=1)
        table.setStyle(TableStyle(grid_style() + self.extra_style))
        return table

    def _rest(self, skip: int) -> PagedTable:
        """The rows after the first ``skip``; rows before this piece are forgotten."""
        self.feed.release(self._start)
        for position in [p for p in self._heights if p < self._start]:
            del self._heights[position]
        return PagedTable(
            self.header,
            self.feed,
            self.col_widths,
            self.extra_style,
            self.on_rows,
            self._start + skip,
            self._heights,
        )

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        count, _ = self._fit(avail_height)
        if count == 0:
            return self._split_tall_row(avail_width, avail_height)
        table = self._table(count)
        if self.on_rows is not None:
            self.on_rows(self._start + count, self.feed.total)
        return [table, self._rest(count)]

    def _split_tall_row(self, avail_width: float, avail_height: float) -> list[Flowable]:
        """A row taller than a page (a 20,000-character description) is cut inside the row
        by reportlab; a merely tall row moves to the next page instead (``[]``)."""
        if not self._has(0) or self._height(0) < TALL_ROW or avail_height < MIN_PIECE:
            return []
        table = Table(
            [self.header, self.feed.row(self._start)],
            colWidths=self.col_widths,
            repeatRows=1,
            splitInRow=1,
        )
        table.setStyle(TableStyle(grid_style() + self.extra_style))
        pieces = table.split(avail_width, avail_height)
        if not pieces:
            return []
        return [*pieces, self._rest(1)] if self._has(1) else list(pieces)

    def draw(self) -> None:
        count = 0
        while self._has(count):
            count += 1
        table = self._table(count)
        table.wrapOn(self.canv, self.width, self.height)
        table.drawOn(self.canv, 0, 0)
        if self.on_rows is not None:
            self.on_rows(self._start + count, self.feed.total)


def _right_columns(extra_style: Sequence[tuple[Any, ...]]) -> frozenset[int] | None:
    """The body columns right-aligned by ``extra_style``, or None when it asks for more
    than ``GridPage`` draws (then a reportlab ``Table`` draws the page)."""
    right = set()
    for command in extra_style:
        match command:
            case ("ALIGN", (int(column), 1), (int(end), -1), "RIGHT") if end == column:
                right.add(column)
            case _:
                return None
    return frozenset(right)


def data_table(
    styles: Styles,
    columns: Sequence[Column],
    rows: Sequence[Sequence[Any]],
    width: float,
    on_rows: Callable[[int, int], None] | None = None,
) -> PagedTable:
    """A grid with a dark header row, its column widths fitted to the content: text
    wraps (hyphenated), dates and numbers stay on one line, numbers right-aligned."""
    widths = fit_widths(styles, columns, rows, width)
    # The text stays in memory; the cell paragraphs (ten times its size) are made a page
    # ahead of the layout and dropped behind it, as for a streamed table.
    chunks = (rows[start : start + LIST_CHUNK] for start in range(0, len(rows), LIST_CHUNK))
    feed = StreamFeed(chunks, len(rows), _cell_maker(styles, columns, widths))
    return PagedTable(
        _head(styles, columns, widths), feed, widths, _align(columns), on_rows=on_rows
    )


def streamed_table(
    styles: Styles,
    columns: Sequence[Column],
    chunks: Iterable[Sequence[Sequence[Any]]],
    total: int,
    width: float,
    on_rows: Callable[[int, int], None] | None = None,
    probe: Sequence[Sequence[Any]] = (),
) -> PagedTable:
    """``data_table`` over rows read in chunks while the pages are laid out.

    The widths come from the first ``SAMPLE_ROWS`` rows and the ``probe`` rows, which
    carry the widest value a fixed column can take further down (the last row number,
    every label of a vocabulary), since the later rows are not read yet.
    """
    source = iter(chunks)
    sample: list[Sequence[Any]] = []
    for chunk in source:
        sample.extend(chunk)
        if len(sample) >= SAMPLE_ROWS:
            break
    widths = fit_widths(styles, columns, [*sample, *probe], width)
    feed = StreamFeed(chain([sample], source), total, _cell_maker(styles, columns, widths))
    return PagedTable(
        _head(styles, columns, widths), feed, widths, _align(columns), on_rows=on_rows
    )


def _head(styles: Styles, columns: Sequence[Column], widths: Sequence[float]) -> list[Cell]:
    return [
        CellParagraph(escape(c.header), header_style(styles, c.header, w))
        for c, w in zip(columns, widths, strict=True)
    ]


def _cell_maker(
    styles: Styles, columns: Sequence[Column], widths: Sequence[float]
) -> Callable[[Sequence[Any]], list[Cell]]:
    """Cells of one row: a text that fits its column on one line is drawn as a plain
    string, which the table sets on the same baseline as a paragraph's first line at a
    fraction of the cost (most cells of a long list); longer texts become paragraphs
    that wrap and hyphenate."""
    style = styles.cell
    font, size = style.fontName, style.fontSize
    room = [w - 2 * PAD_X for w in widths]

    def cell(column: Column, value: Any, width: float) -> Cell:
        text = str(value)
        if not column.wraps:
            return text
        flat = " ".join(text.split())  # what a paragraph would print on its one line
        if stringWidth(flat, font, size) <= width:
            return flat
        return CellParagraph(escape(text), style)

    def convert(row: Sequence[Any]) -> list[Cell]:
        return [cell(c, v, w) for c, v, w in zip(columns, row, room, strict=True)]

    return convert


def _align(columns: Sequence[Column]) -> list[tuple[Any, ...]]:
    return [
        ("ALIGN", (i, 1), (i, -1), "RIGHT") for i, c in enumerate(columns) if c.kind == "number"
    ]


def empty_note(styles: Styles, tr: Tr) -> Paragraph:
    return Paragraph(escape(tr("(tidak ada data)", "(no data)")), styles.small)


def field_list(
    styles: Styles, pairs: Sequence[tuple[str, Any]], width: float, label_share: float = 0.3
) -> Table:
    """Label : value rows, as the top of an Indonesian official document lays them out."""
    label_w = width * label_share
    data = [
        [
            Paragraph(escape(label), styles.label),
            Paragraph(":", styles.body),
            Paragraph(escape(value) if value not in (None, "") else EMPTY, styles.body),
        ]
        for label, value in pairs
    ]
    table = Table(data, colWidths=[label_w, 3 * mm, width - label_w - 3 * mm])
    table.setStyle(
        TableStyle(
            [
                BASE_FONT,
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )
    )
    return table


# "1." "2)" "a." "b)" "-" "•" at the start of a line: an item of a numbered or bulleted list.
_ITEM = re.compile(r"^\s*(\d{1,3}[.)]|[a-zA-Z][.)]|[-•*])\s+(\S.*)$")


def _paragraphs(styles: Styles, block: str) -> list[Flowable]:
    """One block of text: list items get a hanging indent (the number in the margin,
    every wrapped line aligned under the text); other lines stay one paragraph."""
    out: list[Flowable] = []
    plain: list[str] = []

    def flush() -> None:
        if plain:
            out.append(Paragraph("<br/>".join(escape(x) for x in plain), styles.justify))
            plain.clear()

    for line in block.split("\n"):
        item = _ITEM.match(line)
        if item is None:
            if line.strip():
                plain.append(line.strip())
            continue
        flush()
        marker = item.group(1).replace("*", "•").replace("-", "•")
        out.append(Paragraph(escape(item.group(2)), styles.item, bulletText=marker))
    flush()
    return out


def long_text(styles: Styles, text: str | None, tr: Tr) -> list[Flowable]:
    """Paragraphs split on blank lines, numbered lists with hanging indents."""
    if not text or not text.strip():
        return [Paragraph(EMPTY, styles.body)]
    blocks = [b.strip() for b in text.replace("\r\n", "\n").split("\n\n") if b.strip()]
    return [p for b in blocks for p in _paragraphs(styles, b)]


@dataclass(frozen=True)
class Signer:
    """One signature block: who signs, in what capacity, with room for the signature."""

    position: str
    name: str
    institution: str = ""
    nip: str | None = None
    rank: str | None = None
    above: str = ""  # e.g. the place+date line, or "Mengetahui,"


SIGNING_SPACE = 22 * mm  # room for the signature and the official stamp, the same for all


def _sign_lines(styles: Styles, signer: Signer, lang: str) -> dict[str, Any]:
    """The parts of one signature block by line kind; missing parts are left out."""
    comma = "," if lang != "en" else ""  # "Kepala Biro," in Indonesian; none in English
    lines: dict[str, Any] = {}
    if signer.above:
        lines["above"] = Paragraph(escape(signer.above), styles.sign)
    head = [Paragraph(escape(signer.institution), styles.sign)] if signer.institution else []
    if signer.position:
        head.append(Paragraph(escape(signer.position) + comma, styles.sign))
    if head:
        lines["head"] = head
    lines["space"] = ""
    lines["name"] = Paragraph(f"<u>{escape(signer.name)}</u>", styles.sign_name)
    if signer.rank:
        lines["rank"] = Paragraph(escape(signer.rank), styles.sign)
    if signer.nip:
        lines["nip"] = Paragraph(f"NIP {escape(idformat.format_nip(signer.nip))}", styles.sign)
    return lines


_LINE_ORDER = ("above", "head", "space", "name", "rank", "nip")


def signature_row(
    styles: Styles, signers: Sequence[Signer], width: float, lang: str, columns: int
) -> Table:
    """One row of signatories as one table: each kind of line (position, name, NIP …) is a
    table row, so the tallest position text pushes every block's signing space and name
    down together and the names share one baseline.  A short last row is centred."""
    blocks = [_sign_lines(styles, s, lang) for s in signers]
    kinds = [k for k in _LINE_ORDER if any(k in b for b in blocks)]
    column_w = width / columns
    side = (columns - len(blocks)) * column_w / 2
    data = [[""] + [b.get(k, "") for b in blocks] + [""] for k in kinds]
    heights = [SIGNING_SPACE if k == "space" else None for k in kinds]
    table = Table(data, colWidths=[side, *[column_w] * len(blocks), side], rowHeights=heights)
    space = kinds.index("space")
    table.setStyle(
        TableStyle(
            [
                BASE_FONT,
                # Lines above the signing space sit on its top edge; the rest hang below it.
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                *([("VALIGN", (0, 0), (-1, space - 1), "BOTTOM")] if space else []),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                ("LEFTPADDING", (0, 0), (0, -1), 0),
                ("RIGHTPADDING", (0, 0), (0, -1), 0),
                ("LEFTPADDING", (-1, 0), (-1, -1), 0),
                ("RIGHTPADDING", (-1, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def signature_rows(
    styles: Styles, signers: Sequence[Signer], width: float, lang: str, columns: int = 2
) -> list[Flowable]:
    """Signature blocks two or three to a row, one table per row; a row never splits."""
    if not signers:
        return []
    columns = max(1, min(columns, len(signers)))
    out: list[Flowable] = []
    for start in range(0, len(signers), columns):
        if out:
            out.append(Spacer(1, 6 * mm))
        out.append(signature_row(styles, signers[start : start + columns], width, lang, columns))
    return out


def _photo_source(
    path: Path | io.BytesIO,
) -> tuple[str | io.BytesIO, tuple[int, int]] | None:
    """The photo as a file name or a downscaled JPEG in memory, with its pixel size.

    ``path`` may be the photo's bytes already in memory (unsealed from an encrypted
    folder)."""
    try:
        from PIL import Image as PILImage

        with PILImage.open(path) as img:
            img.load()
            if max(img.size) <= MAX_PHOTO_PX and img.format in ("JPEG", "PNG"):
                if isinstance(path, io.BytesIO):
                    path.seek(0)
                    return path, img.size
                return str(path), img.size
            img.thumbnail((MAX_PHOTO_PX, MAX_PHOTO_PX))
            buffer = io.BytesIO()
            img.convert("RGB").save(buffer, "JPEG", quality=85)
            size = img.size
        buffer.seek(0)
        return buffer, size
    except Exception:  # a damaged or missing photo must not stop the whole report
        return None


def photo_grid(
    styles: Styles, photos: Sequence[tuple[Path | io.BytesIO, str]], width: float, tr: Tr
) -> list[Flowable]:
    """Photos two to a row, each fitted into its box with its caption underneath."""
    if not photos:
        return [empty_note(styles, tr)]
    box_w, box_h = width / 2 - 6, 62 * mm
    cells: list[list[Flowable]] = []
    for path, caption in photos:
        source = _photo_source(path)
        if source is None:
            cells.append(
                [
                    Paragraph(
                        escape(
                            tr(
                                f"(foto {caption} tidak dapat dibaca)",
                                f"(photo {caption} cannot be read)",
                            )
                        ),
                        styles.caption,
                    )
                ]
            )
            continue
        image, (iw, ih) = source
        scale = min(box_w / iw, box_h / ih)
        cells.append(
            [
                Image(image, width=iw * scale, height=ih * scale),
                Paragraph(escape(caption), styles.caption),
            ]
        )
    rows = [
        cells[i : i + 2] + ([[]] if len(cells[i : i + 2]) == 1 else [])
        for i in range(0, len(cells), 2)
    ]
    table = Table(rows, colWidths=[width / 2, width / 2])
    table.setStyle(
        TableStyle(
            [
                BASE_FONT,
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    return [table]


class Bookmark(Flowable):
    """An entry of the PDF outline (the reader's bookmarks panel) at this point."""

    def __init__(self, title: str, key: str, level: int = 0) -> None:
        super().__init__()
        self.title, self.key, self.level = title, key, level
        self.width = self.height = 0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.bookmarkHorizontal(self.key, 0, 0)
        self.canv.addOutlineEntry(self.title, self.key, level=self.level, closed=False)


_SMALL_WORDS = {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to"}


def headline(text: str) -> str:
    """English headings in title case ("Replications and Action-Plan Progress")."""
    words = text.split(" ")
    out = []
    for i, word in enumerate(words):
        parts = word.split("-")
        if i and word.lower() in _SMALL_WORDS:
            out.append(word.lower())
        else:
            out.append("-".join(p[:1].upper() + p[1:] for p in parts))
    return " ".join(out)


class Sections:
    """Numbered section headings (A., B., …) as Indonesian reports letter them, each an
    entry of the PDF outline."""

    def __init__(self, styles: Styles, lang: str = "id") -> None:
        self.styles = styles
        self.lang = lang
        self.count = 0

    def __call__(self, title: str) -> list[Flowable]:
        letter = chr(ord("A") + self.count)
        self.count += 1
        text = f"{letter}. {headline(title) if self.lang == 'en' else title}"
        # The heading style keeps it with what follows; the bookmark rides along with it.
        return [
            CondPageBreak(25 * mm),
            Bookmark(text, f"section-{self.count}"),
            Paragraph(escape(text), self.styles.heading),
        ]


def approval_signers(settings: Any, lang: str, place_date: str) -> list[Signer]:
    """ "Mengetahui," (the approval setting) on the left, the officer who made the summary
    on the right under the place and date; no approval block when none is set."""
    tr = Tr(lang)
    get = settings.get
    signers = []
    if get("approval_name"):
        signers.append(
            Signer(
                above=tr("Mengetahui,", "Acknowledged by,"),
                position=get("approval_position"),
                name=get("approval_name"),
                nip=get("approval_nip") or None,
            )
        )
    if get("officer_name"):
        signers.append(
            Signer(
                above=place_date,
                position=get("officer_position") or tr("Petugas", "Officer"),
                name=get("officer_name"),
                nip=get("officer_nip") or None,
            )
        )
    return signers
