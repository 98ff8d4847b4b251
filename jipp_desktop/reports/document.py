"""The shared page furniture of every report: kop (letterhead), running header, footer.

``build_pdf`` lays a story out on A4 with a ``BaseDocTemplate``: the first page
carries the kop from the settings, later pages a one-line running header, and
every page a footer "Halaman X dari Y" with the generation date, the app version
and the digest of the data the report was made from.  The total page count is
only known at the end, so a counting canvas keeps each page's drawing state and
writes the footers when the document is saved (reportlab's user guide ch. 4).
"""

from __future__ import annotations

import datetime as dt
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFStream
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

from jipp_desktop import __version__
from jipp_desktop.core import idformat
from jipp_desktop.reports.errors import ReportCancelled, invalid
from jipp_desktop.reports.fonts import BOLD, FAMILY, register_fonts
from jipp_desktop.reports.output import atomic_output
from jipp_desktop.reports.styles import Styles, make_styles
from jipp_desktop.reports.text import Tr, escape

Progress = Callable[[int, int], bool]
"""progress(done, total) -> keep going?  The same contract as RecordService."""

# F4 ("folio"), the long paper much printed on in Indonesian offices.
PAPERS: dict[str, tuple[float, float]] = {"a4": A4, "f4": (215 * mm, 330 * mm)}
MARGIN_X = 20 * mm
MARGIN_TOP = 12 * mm
MARGIN_BOTTOM = 22 * mm
LOGO_SIZE = 22 * mm
RUNNING_HEADER = 10 * mm


@dataclass(frozen=True)
class Letterhead:
    """The kop: up to three centred lines and an optional logo on the left."""

    title: str = ""
    unit: str = ""
    address: str = ""
    logo: Path | None = None

    @property
    def empty(self) -> bool:
        return not (self.title or self.unit or self.address or self.logo)

    @classmethod
    def from_settings(cls, settings: Any) -> Letterhead:
        """Read the kop settings; a logo that is set but unreadable is an input error."""
        logo_path = (settings.get("logo_path") or "").strip()
        logo = Path(logo_path).expanduser() if logo_path else None
        if logo is not None:
            check_logo(logo)
        return cls(
            title=settings.get("letterhead_title").strip(),
            unit=settings.get("letterhead_unit").strip(),
            address=settings.get("letterhead_address").strip(),
            logo=logo,
        )


def check_logo(logo: Path) -> None:
    if not logo.is_file():
        raise invalid(
            "logo_path",
            "missing_logo",
            f"Berkas logo kop {logo} tidak ditemukan. Perbaiki di Pengaturan.",
            f"The letterhead logo file {logo} was not found. Fix it in Settings.",
        )
    try:
        ImageReader(str(logo)).getSize()
    except Exception as exc:  # PIL raises many types for a damaged or non-image file
        raise invalid(
            "logo_path",
            "bad_logo",
            f"Berkas logo kop {logo} bukan gambar yang dapat dibaca.",
            f"The letterhead logo file {logo} is not a readable image.",
        ) from exc


@dataclass
class ReportMeta:
    title: str
    lang: str
    letterhead: Letterhead
    digest: str | None = None
    author: str = ""
    subject: str = ""
    landscape: bool = False
    paper: str = "a4"
    credit: bool = True  # "… dengan JIPP Desktop 0.1.0" in the footer
    generated_at: dt.datetime = field(default_factory=dt.datetime.now)
    zone: str = ""  # "WIB", "WITA" or "WIT", the zone generated_at is in

    @property
    def pagesize(self) -> tuple[float, float]:
        size = PAPERS[self.paper]
        return landscape(size) if self.landscape else size


class ProgressSink:
    """Turns data loading and layout into one 0..1000 progress scale, and Cancel into
    ReportCancelled; calls the callback only when the value moves."""

    SCALE = 1000

    def __init__(self, callback: Progress | None, data_share: float = 0.15) -> None:
        self.callback = callback
        self.data_share = data_share
        self._last = -1
        self._flowables = 0
        self._rows = 0.0

    def _emit(self, fraction: float) -> None:
        if self.callback is None:
            return
        value = max(self._last, min(self.SCALE, int(fraction * self.SCALE)))
        if value == self._last:
            return
        self._last = value
        if not self.callback(value, self.SCALE):
            raise ReportCancelled()

    def data(self, done: int, total: int) -> None:
        self._emit(self.data_share * done / max(total, 1))

    def rows(self, done: int, total: int) -> None:
        """Long tables report their own rows: one flowable can fill hundreds of pages."""
        self._rows = done / max(total, 1)
        self._layout()

    def layout_event(self, kind: str, value: int) -> None:
        if kind == "SIZE_EST":
            self._flowables = max(int(value), 1)
        elif kind == "PROGRESS" and self._flowables:
            self._rows = max(self._rows, min(value / self._flowables, 1.0))
            self._layout()
        elif kind == "PAGE":
            self._emit_check()

    def _layout(self) -> None:
        self._emit(self.data_share + (1 - self.data_share) * 0.99 * self._rows)

    def _emit_check(self) -> None:
        # A page break is a cheap moment to honour Cancel even if the value did not move.
        if self.callback is not None and not self.callback(max(self._last, 0), self.SCALE):
            raise ReportCancelled()

    def done(self) -> None:
        self._emit(1.0)


class _Furniture:
    """Draws the kop, running header and footer for one document."""

    def __init__(self, meta: ReportMeta, styles: Styles) -> None:
        self.meta = meta
        self.styles = styles
        self.tr = Tr(meta.lang)
        width, height = meta.pagesize
        self.width, self.height = width, height
        self._kop = self._kop_paragraphs()
        self.kop_height = self._measure_kop()

    # -- kop ------------------------------------------------------------------------

    def _kop_paragraphs(self) -> list[Paragraph]:
        head = self.meta.letterhead
        s = self.styles
        out = []
        if head.title:
            out.append(Paragraph(escape(head.title.upper()), s.kop_title))
        if head.unit:
            out.append(Paragraph(escape(head.unit.upper()), s.kop_unit))
        if head.address:
            out.append(Paragraph(escape(head.address), s.kop_address))
        return out

    def _kop_text_width(self) -> float:
        # Text is centred on the page, so the logo's width is kept free on both sides.
        side = LOGO_SIZE + 4 * mm if self.meta.letterhead.logo else 0
        return self.width - 2 * MARGIN_X - 2 * side

    def _measure_kop(self) -> float:
        if self.meta.letterhead.empty:
            return 0.0
        text_w = self._kop_text_width()
        text_h = sum(p.wrap(text_w, self.height)[1] + 1 for p in self._kop)
        logo_h = LOGO_SIZE if self.meta.letterhead.logo else 0
        return max(text_h, logo_h) + 5 * mm

    def first_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        if self.meta.letterhead.empty:
            return
        canvas.saveState()
        top = self.height - MARGIN_TOP
        body_h = self.kop_height - 5 * mm
        logo = self.meta.letterhead.logo
        if logo is not None:
            canvas.drawImage(
                str(logo),
                MARGIN_X,
                top - body_h / 2 - LOGO_SIZE / 2,
                LOGO_SIZE,
                LOGO_SIZE,
                preserveAspectRatio=True,
                anchor="c",
                mask="auto",
            )
        text_w = self._kop_text_width()
        text_h = sum(p.wrap(text_w, self.height)[1] + 1 for p in self._kop)
        y = top - (body_h - text_h) / 2
        x = (self.width - text_w) / 2
        for para in self._kop:
            _, h = para.wrap(text_w, self.height)
            y -= h + 1
            para.drawOn(canvas, x, y)
        # Official kop: a thick rule over a thin one under the letterhead.
        rule_y = top - self.kop_height + 3 * mm
        canvas.setLineWidth(1.6)
        canvas.line(MARGIN_X, rule_y, self.width - MARGIN_X, rule_y)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_X, rule_y - 1.8, self.width - MARGIN_X, rule_y - 1.8)
        canvas.restoreState()

    def later_pages(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        y = self.height - MARGIN_TOP - 3 * mm
        canvas.setFont(FAMILY, 7.5)
        canvas.setFillGray(0.35)
        unit = self.meta.letterhead.unit or self.meta.letterhead.title
        room = self.width - 2 * MARGIN_X
        # The unit takes at most 40% of the line; the title gets what is left after a gap,
        # so a long title is shortened before it could run into the unit name.
        unit = _clip(canvas, unit, FAMILY, 7.5, 0.4 * room) if unit else ""
        gap = 8 * mm if unit else 0
        title_room = room - canvas.stringWidth(unit, FAMILY, 7.5) - gap
        canvas.drawString(MARGIN_X, y, _clip(canvas, self.meta.title, FAMILY, 7.5, title_room))
        if unit:
            canvas.drawRightString(self.width - MARGIN_X, y, unit)
        canvas.setLineWidth(0.4)
        canvas.line(MARGIN_X, y - 2 * mm, self.width - MARGIN_X, y - 2 * mm)
        canvas.restoreState()

    # -- footer (drawn at save time, when the page count is known) -----------------

    def footer(self, canvas: Canvas, page: int, total: int) -> None:
        tr, meta = self.tr, self.meta
        canvas.saveState()
        canvas.setFillGray(0.3)
        canvas.setLineWidth(0.4)
        y = MARGIN_BOTTOM - 8 * mm
        canvas.line(MARGIN_X, y + 4 * mm, self.width - MARGIN_X, y + 4 * mm)
        made = idformat.format_datetime(meta.generated_at, meta.lang)
        made += f" {meta.zone}" if meta.zone else ""
        canvas.setFont(FAMILY, 7)
        made_line = tr(f"Dibuat {made}", f"Generated {made}")
        if meta.credit:
            made_line += tr(
                f" dengan JIPP Desktop {__version__}", f" by JIPP Desktop {__version__}"
            )
        canvas.drawString(MARGIN_X, y, made_line)
        canvas.setFont(BOLD, 7.5)
        canvas.drawRightString(
            self.width - MARGIN_X,
            y,
            tr(f"Halaman {page} dari {total}", f"Page {page} of {total}"),
        )
        canvas.setFont(FAMILY, 6)
        canvas.drawString(MARGIN_X, y - 3.2 * mm, digest_line(meta.digest, meta.lang))
        canvas.restoreState()


def digest_line(digest: str | None, lang: str) -> str:
    tr = Tr(lang)
    if digest:
        return tr(f"Sidik data: {digest}", f"Data digest: {digest}")
    return tr("Sidik data: tidak tersedia", "Data digest: not available")


def _clip(canvas: Canvas, text: str, font: str, size: float, width: float) -> str:
    """Shorten a running-header text with an ellipsis so it never runs off the page."""
    if canvas.stringWidth(text, font, size) <= width:
        return text
    while text and canvas.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def _counting_canvas(furniture: _Furniture) -> type[Canvas]:
    class CountingCanvas(Canvas):
        """Writes "Halaman X dari Y" once Y is known, without keeping the pages open.

        Each page ends by drawing a form XObject "footer X" that is defined only at save
        time (PDF allows the forward reference), so a page is handed to the document as
        soon as it is finished: a 5,000-page register keeps no page state of its own.
        """

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # Start in the bundled font: the default Helvetica would be listed unembedded.
            kwargs["initialFontName"] = FAMILY
            super().__init__(*args, **kwargs)
            self._page_count = 0

        def showPage(self) -> None:
            self._page_count += 1
            self.doForm(_footer_form(self._page_count))
            super().showPage()
            if self._pageCompression:
                _compress_last_page(self._doc)

        def save(self) -> None:
            total = self._page_count
            for number in range(1, total + 1):
                self.beginForm(_footer_form(number))
                furniture.footer(self, number, total)
                self.endForm()
            super().save()

    return CountingCanvas


def _footer_form(page: int) -> str:
    return f"footer{page}"


def _compress_last_page(doc: Any) -> None:
    """Deflate a finished page's content now rather than at save time.

    reportlab keeps every page's drawing operators as text until the file is written:
    about 18 KB a register page, 100 MB for the national register.  Compressed they are
    a fifth of that.  A stream whose dictionary already names its filter is written as
    it is (``PDFStream.format``), so the file is the one reportlab would have written,
    less the ASCII85 layer it adds by default.
    """
    page = doc.Pages.pages[-1]
    text = page.stream
    data = text.encode("utf-8") if isinstance(text, str) else bytes(text)
    page.Contents = PDFStream(
        PDFDictionary({"Filter": PDFArray([PDFName("FlateDecode")])}), zlib.compress(data)
    )
    page.stream = None


class _Doc(BaseDocTemplate):
    def __init__(self, path: str, meta: ReportMeta, furniture: _Furniture) -> None:
        width, height = meta.pagesize
        super().__init__(
            path,
            pagesize=meta.pagesize,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=meta.title,
            author=meta.author or "JIPP Desktop",
            subject=meta.subject or meta.title,
            creator=f"JIPP Desktop {__version__}",
            keywords=[f"digest:{meta.digest}"] if meta.digest else [],
            lang="id-ID" if meta.lang == "id" else "en-GB",
        )
        frame_w = width - 2 * MARGIN_X
        first_top = height - MARGIN_TOP - furniture.kop_height - 2 * mm
        later_top = height - MARGIN_TOP - RUNNING_HEADER
        self.addPageTemplates(
            [
                PageTemplate(
                    id="first",
                    frames=[
                        Frame(
                            MARGIN_X,
                            MARGIN_BOTTOM,
                            frame_w,
                            first_top - MARGIN_BOTTOM,
                            id="first",
                            leftPadding=0,
                            rightPadding=0,
                        )
                    ],
                    onPage=furniture.first_page,
                    autoNextPageTemplate="later",
                ),
                PageTemplate(
                    id="later",
                    frames=[
                        Frame(
                            MARGIN_X,
                            MARGIN_BOTTOM,
                            frame_w,
                            later_top - MARGIN_BOTTOM,
                            id="later",
                            leftPadding=0,
                            rightPadding=0,
                        )
                    ],
                    onPage=furniture.later_pages,
                ),
            ]
        )


def frame_width(meta: ReportMeta) -> float:
    return meta.pagesize[0] - 2 * MARGIN_X


def build_pdf(
    story: Sequence[Flowable],
    out: Path | str,
    meta: ReportMeta,
    sink: ProgressSink | None = None,
) -> int:
    """Lay ``story`` out into ``out`` (atomically); returns the page count."""
    register_fonts()
    furniture = _Furniture(meta, make_styles())
    with atomic_output(out) as temp:
        doc = _Doc(str(temp), meta, furniture)
        if sink is not None:
            doc.setProgressCallBack(sink.layout_event)
        doc.build(list(story), canvasmaker=_counting_canvas(furniture))
        pages = int(doc.page)
    if sink is not None:
        sink.done()
    return pages
