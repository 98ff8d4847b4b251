"""Every report on the demo data, in both languages, read back word by word: no word is
cut at a line end without a hyphen, and dates and numbers never wrap."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pdftools
import pytest
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

from jipp_desktop.core import demo
from jipp_desktop.core.query import ListQuery
from jipp_desktop.core.workspace import open_workspace
from jipp_desktop.reports.catalog import ReportRequest, generate
from jipp_desktop.reports.fonts import register_fonts
from jipp_desktop.reports.styles import make_styles

SOURCES = Path(__file__).resolve().parents[2] / "jipp_desktop"
LETTERS = re.compile(r"[^\W\d_]+")
TABLE_TEXT = 9.5  # points: a word box of 8.5 pt type is about 8 high, of 11 pt about 10.3


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[dict[str, Path], Path]]:
    pdftools.require_tools()
    folder = tmp_path_factory.mktemp("typeset")
    ws = open_workspace(folder / "data")
    try:
        demo.generate(ws.records, "small", seed=1)
        first = {
            kind: ws.records.list(kind, ListQuery(limit=1))[0]["id"]
            for kind in ("commitment", "visit", "innovation")
        }
        requests = {
            **{kind: ReportRequest(kind, record_id=rid) for kind, rid in first.items()},
            "hub": ReportRequest("hub", province="53"),
            "national": ReportRequest("national"),
            "register": ReportRequest("register"),
        }
        pdfs = {}
        for lang in ("id", "en"):
            for name, request in requests.items():
                pdfs[f"{name}-{lang}"] = folder / f"{name}-{lang}.pdf"
                generate(ws, request, pdfs[f"{name}-{lang}"], lang=lang)
        yield pdfs, folder / "data" / "jipp.sqlite3"
    finally:
        ws.close()


def _known_words(database: Path, pdfs: dict[str, Path]) -> set[str]:
    """Every whole word the reports could print: the data's words, the words of the
    report code (labels, vocabularies, month names) and every word seen mid-line."""
    known: set[str] = set()
    with sqlite3.connect(database) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for table in tables:
            for row in db.execute(f'SELECT * FROM "{table}"'):
                for value in row:
                    if isinstance(value, str):
                        known.update(w.casefold() for w in LETTERS.findall(value))
    for source in [*SOURCES.glob("reports/*.py"), *SOURCES.glob("core/*.py")]:
        known.update(w.casefold() for w in LETTERS.findall(source.read_text(encoding="utf-8")))
    return known


def _segments(words: list[pdftools.Word]) -> dict[int, list[list[pdftools.Word]]]:
    """Each line cut where the gap between words is wider than a space: poppler may put
    neighbouring table cells on one line, and each cell's text is its own segment."""
    lines: dict[int, list[list[pdftools.Word]]] = {}
    for word in words:
        segments = lines.setdefault(word.line, [])
        # A space is about a quarter of the type size; cells are 6 pt of padding apart.
        if segments and word.x0 - segments[-1][-1].x1 < 0.45 * (word.y1 - word.y0):
            segments[-1].append(word)
        else:
            segments.append([word])
    return lines


def _line_breaks(pdf: Path) -> Iterator[tuple[pdftools.Word, pdftools.Word]]:
    """(last word of a line of text, first word of its next line, page): the next line
    is the segment of the following line in the same block that starts at the same left
    edge (the same table cell or paragraph)."""
    # Table text only (8–8.5 pt): body paragraphs are justified, their spaces stretch.
    words = [w for w in pdftools.words(pdf) if w.y1 - w.y0 < TABLE_TEXT]
    lines = _segments(words)
    numbers = sorted(lines)
    for index, number in enumerate(numbers):
        for segment in lines[number]:
            first, last = segment[0], segment[-1]
            # The next line of the same cell: the first segment below that starts at the
            # same left edge within a line's height (poppler may order cells' lines apart).
            for later in numbers[index + 1 : index + 6]:
                below = [
                    s
                    for s in lines[later]
                    if abs(s[0].x0 - first.x0) < 2
                    and s[0].page == first.page
                    and 0 < s[0].y0 - first.y0 < 1.6 * (first.y1 - first.y0)
                ]
                if below:
                    yield last, below[0][0]
                    break


def cut_words(pdf: Path, known: set[str]) -> list[str]:
    """Line ends in table text where a word was cut without a hyphen."""
    cut = []
    # The second half of a hyphenated word is no word of its own.
    continued: set[pdftools.Word] = set()
    for before, after in _line_breaks(pdf):
        end, start = before.text, after.text
        if end.endswith("-"):
            continued.add(after)
        if not end[-1:].isalpha() or not start[:1].isalpha():
            continue  # the line ends at punctuation, a number, or a hyphen: no cut word
        tail, head = LETTERS.findall(end)[-1], LETTERS.findall(start)[0]
        whole = tail.casefold() in known or before in continued
        if not whole or head.casefold() not in known:
            cut.append(f"{pdf.stem} p.{before.page}: {end}|{start}")
    return cut


def test_the_check_finds_a_word_cut_without_a_hyphen(tmp_path: Path) -> None:
    """The detector itself: a too narrow column without hyphenation cuts a word."""
    register_fonts()
    style = make_styles("id").cell.clone("plain", hyphenationLang="")
    cells = [[Paragraph("Rencana dan Pengembangan", style), Paragraph("Uji Coba", style)]]
    pdf = tmp_path / "cut.pdf"
    SimpleDocTemplate(str(pdf)).build([Table(cells, colWidths=[40, 80])])
    assert cut_words(pdf, {"rencana", "dan", "pengembangan", "uji", "coba"})


def test_no_word_is_cut_without_a_hyphen(reports: tuple[dict[str, Path], Path]) -> None:
    pdfs, database = reports
    known = _known_words(database, pdfs)
    cut = [line for pdf in pdfs.values() for line in cut_words(pdf, known)]
    assert not cut, cut[:20]


def test_dates_in_tables_stay_on_one_line(reports: tuple[dict[str, Path], Path]) -> None:
    pdfs, _ = reports
    months = (
        "Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember"
    )
    for name in ("hub-id", "visit-id", "innovation-id"):
        for before, after in _line_breaks(pdfs[name]):
            end, start = before.text, after.text
            # A date cut over two lines shows as "20" / "Desember" or "Desember" / "2022".
            assert not (end.isdigit() and re.fullmatch(months, start)), (name, end, start)
            assert not (re.fullmatch(months, end) and re.fullmatch(r"\d{4}", start)), (name, end)
