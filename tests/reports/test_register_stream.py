"""The register read in chunks while its pages are cut: rows numbered on from chunk to
chunk, columns sized for rows not yet read, drawn rows forgotten page by page."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pdftools
import pytest
from report_sample import innovations
from reportlab.lib.pagesizes import A4
from reportlab.platypus import SimpleDocTemplate
from test_report_typesetting import _known_words, cut_words

from jipp_desktop.core.workspace import open_workspace
from jipp_desktop.reports import blocks, register
from jipp_desktop.reports.blocks import PagedTable, streamed_table
from jipp_desktop.reports.catalog import ReportRequest, generate
from jipp_desktop.reports.columns import Column
from jipp_desktop.reports.feed import StreamFeed
from jipp_desktop.reports.fonts import register_fonts
from jipp_desktop.reports.styles import make_styles

ROWS = 700
LEFT_BORDER = 20 * 72 / 25.4  # the frame's left edge, where the register's grid starts


@pytest.fixture(scope="module")
def streamed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A register of 700 rows read 50 at a time, its widths sized from the first 40."""
    pdftools.require_tools()
    folder = tmp_path_factory.mktemp("stream")
    ws = open_workspace(folder / "data")
    patch = pytest.MonkeyPatch()
    try:
        ws.records.create_many("innovation", innovations(ROWS, "53"))
        patch.setattr(blocks, "SAMPLE_ROWS", 40)
        patch.setattr(register, "CHUNK", 50)
        pdf = folder / "register.pdf"
        generate(ws, ReportRequest("register", province="53"), pdf)
        yield pdf
    finally:
        patch.undo()
        ws.close()


def _row_numbers(pdf: Path) -> list[pdftools.Word]:
    """The words of the "No" column: digits at the left edge of the grid in table type
    (the footer's date, in smaller type, starts there too)."""
    return [
        w
        for w in pdftools.words(pdf)
        if w.text.isdigit() and w.x0 < LEFT_BORDER + 30 and 7.5 < w.y1 - w.y0 < 9.5
    ]


def test_every_row_once_in_list_order_across_chunks(streamed: Path) -> None:
    numbers = [int(w.text) for w in _row_numbers(streamed)]
    assert numbers == list(range(1, ROWS + 1))
    text = pdftools.text(streamed)
    for i in (0, 49, 50, 399, ROWS - 1):  # both sides of a chunk boundary, and the last
        assert f"Inovasi Layanan Publik Nomor {i:05d}" in text
    assert f"{ROWS} inovasi" in text


def test_header_and_footer_on_every_page(streamed: Path) -> None:
    pages = pdftools.pages_text(streamed)
    assert len(pages) > 20
    for number, page in enumerate(pages, 1):
        assert "Judul Inovasi" in page and "Tahapan" in page, number
        assert f"Halaman {number} dari {len(pages)}" in page, number
    pdftools.qpdf_check(streamed)


def test_columns_are_sized_for_rows_beyond_the_sample(streamed: Path) -> None:
    """The first 40 rows have two-digit numbers; the last has three and still fits."""
    numbers = _row_numbers(streamed)
    assert all(w.x0 > LEFT_BORDER + 1 for w in numbers), min(w.x0 for w in numbers)
    # Every stage label stays on one line, though the sample was read before the rest.
    words = pdftools.words(streamed)
    stages = [w for w in words if re.fullmatch("Inisiatif|Uji|Coba|Penerapan", w.text)]
    tops = {}
    for w in stages:
        if w.text == "Coba":
            tops[(w.page, round(w.y0))] = w
    for w in stages:
        if w.text == "Uji":
            assert (w.page, round(w.y0)) in tops, "'Uji Coba' wrapped over two lines"


def _plain_rows(count: int, chunk: int) -> Iterator[list[list[str]]]:
    for start in range(0, count, chunk):
        yield [
            [str(n), f"baris ke-{n}", "x"] for n in range(start + 1, min(start + chunk, count) + 1)
        ]


def _build(table: PagedTable, out: Path) -> int:
    doc = SimpleDocTemplate(str(out), pagesize=A4)
    doc.build([table])
    return int(doc.page)


def test_a_streamed_table_holds_only_the_rows_near_the_page_being_cut(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    register_fonts()
    monkeypatch.setattr(blocks, "SAMPLE_ROWS", 50)
    columns = [Column("No", "number"), Column("Isi", "fixed"), Column("Tanda", "fixed")]
    held: list[int] = []
    table = streamed_table(
        make_styles(), columns, _plain_rows(3_000, 100), 3_000, 400, lambda done, total: None
    )
    feed = table.feed
    assert isinstance(feed, StreamFeed)
    table.on_rows = lambda done, total: held.append(feed.held)
    pages = _build(table, tmp_path / "stream.pdf")
    assert pages > 40 and len(held) >= pages - 1
    # A page holds about 60 rows: one chunk read ahead and the page being cut, not 3,000.
    assert max(held) <= 100 + 2 * 70, max(held)
    printed = [int(w.text) for w in pdftools.words(tmp_path / "stream.pdf") if w.text.isdigit()]
    assert printed == list(range(1, 3_001))


def test_a_stream_shorter_than_announced_ends_the_table(tmp_path: Path) -> None:
    """Records deleted while the report is made: the table ends where the rows end."""
    register_fonts()
    feed = StreamFeed(_plain_rows(70, 30), 100)
    table = PagedTable(["No", "Isi", "Tanda"], feed, [40, 200, 60])
    _build(table, tmp_path / "short.pdf")
    assert feed.total == 70
    printed = [int(w.text) for w in pdftools.words(tmp_path / "short.pdf") if w.text.isdigit()]
    assert printed == list(range(1, 71))


def test_plain_and_wrapped_cells_of_a_row_share_their_first_baseline(streamed: Path) -> None:
    """A title that fits on one line is drawn as a plain string, a longer one as a
    paragraph: either way it starts on the baseline of its row number."""
    words = pdftools.words(streamed, 1, 3)
    titles = {(w.page, round(w.y1, 2)) for w in words if w.text == "Inovasi"}
    numbers = [w for w in _row_numbers(streamed) if w.page <= 3]
    assert len(numbers) > 40
    for number in numbers:
        assert (number.page, round(number.y1, 2)) in titles, number


def test_reportlab_runs_with_its_c_accelerator() -> None:
    """rl-accel is a dependency: number formatting and string widths in C."""
    from reportlab.lib.rl_accel import _c_funcs

    assert {"fp_str", "instanceStringWidthTTF"} <= set(_c_funcs)


def test_numbers_are_right_aligned_on_every_page(streamed: Path) -> None:
    """Row numbers of one, two and three digits end at one right edge (the page is drawn
    by gridpage.GridPage, which aligns the number columns itself)."""
    numbers = _row_numbers(streamed)
    assert {len(w.text) for w in numbers} == {1, 2, 3}
    edges = [w.x1 for w in numbers]
    assert max(edges) - min(edges) < 0.5, (min(edges), max(edges))


def test_only_right_alignment_is_drawn_by_the_grid_page() -> None:
    """Any other style command sends the page to a reportlab Table instead."""
    assert blocks._right_columns([("ALIGN", (0, 1), (0, -1), "RIGHT")]) == frozenset({0})
    assert blocks._right_columns([]) == frozenset()
    assert blocks._right_columns([("BACKGROUND", (0, 1), (-1, 1), "red")]) is None
    assert blocks._right_columns([("ALIGN", (0, 0), (0, -1), "RIGHT")]) is None


def test_no_word_of_the_streamed_register_is_cut_without_a_hyphen(streamed: Path) -> None:
    """The rows read after the width sample wrap and hyphenate as the first ones do."""
    known = _known_words(streamed.parent / "data" / "jipp.sqlite3", {})
    assert not cut_words(streamed, known)


def test_a_streamed_register_on_f4(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Landscape F4 holds more rows a page; every row still comes once, inside the grid."""
    monkeypatch.setattr(blocks, "SAMPLE_ROWS", 40)
    monkeypatch.setattr(register, "CHUNK", 50)
    ws = open_workspace(tmp_path / "data")
    try:
        ws.records.create_many("innovation", innovations(300, "53"))
        pdf = tmp_path / "register-f4.pdf"
        generate(ws, ReportRequest("register", paper="f4"), pdf)
    finally:
        ws.close()
    assert tuple(round(x) for x in pdftools.page_size_mm(pdf)) == (330, 215)
    numbers = _row_numbers(pdf)
    assert [int(w.text) for w in numbers] == list(range(1, 301))
    assert all(w.x0 > LEFT_BORDER + 1 for w in numbers)
    pages = pdftools.pages_text(pdf)
    assert all("Judul Inovasi" in page for page in pages)
    assert f"Halaman {len(pages)} dari {len(pages)}" in pages[-1]
