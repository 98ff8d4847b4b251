"""Every report on the demo data, in both languages, read back word by word: no word is
cut at a line end without a hyphen, and dates and numbers never wrap."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pdftools
import pytest

from jipp_desktop.core import demo
from jipp_desktop.core.query import ListQuery
from jipp_desktop.core.workspace import open_workspace
from jipp_desktop.reports.catalog import ReportRequest, generate

SOURCES = Path(__file__).resolve().parents[2] / "jipp_desktop"
LETTERS = re.compile(r"[^\W\d_]+")


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
        if segments and word.x0 - segments[-1][-1].x1 < 6:
            segments[-1].append(word)
        else:
            segments.append([word])
    return lines


def _line_breaks(pdf: Path) -> Iterator[tuple[pdftools.Word, pdftools.Word]]:
    """(last word of a line of text, first word of its next line, page): the next line
    is the segment of the following line in the same block that starts at the same left
    edge (the same table cell or paragraph)."""
    words = pdftools.words(pdf)
    lines = _segments(words)
    block_of = {w.line: w.block for w in words}
    for number, segments in lines.items():
        following = lines.get(number + 1)
        if following is None or block_of[number + 1] != block_of[number]:
            continue
        for segment in segments:
            for nxt in following:
                if abs(nxt[0].x0 - segment[0].x0) < 2:
                    yield segment[-1], nxt[0]


def test_no_word_is_cut_without_a_hyphen(reports: tuple[dict[str, Path], Path]) -> None:
    pdfs, database = reports
    known = _known_words(database, pdfs)
    cut = []
    for name, pdf in pdfs.items():
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
                cut.append(f"{name} p.{before.page}: {end}|{start}")
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
