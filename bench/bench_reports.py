"""Benchmark the reports against raw reportlab, by hand (not a test).

    python bench/bench_reports.py [--rows 10000] [--repeat 2]

1. Innovation register of N rows (default 10,000) as a ratio to a raw platypus baseline of
   the same rows in the same run: the same cell texts as Paragraphs, the same font and
   landscape A4 page, split by hand into Tables of 200 rows with ``repeatRows=1`` (one
   10,000-row Table is about 3x slower).  Target: <= 1.5x.  The report's time includes
   everything the officer waits for: reading the rows, kop, footers with "dari Y".
2. Hub summary of the province with the most innovations in the national demo data
   (``demo.generate(records, "national")``).  Generating that data takes minutes, so it is
   made once into a cached folder under /tmp and reused.

Prints one line per figure and a final JSON line.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import peewee
from reportlab.lib.pagesizes import A4, landscape
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from jipp_desktop.core import demo
from jipp_desktop.core import models as m
from jipp_desktop.core.query import ListQuery
from jipp_desktop.core.workspace import open_workspace
from jipp_desktop.reports.blocks import grid_style
from jipp_desktop.reports.catalog import ReportRequest, generate
from jipp_desktop.reports.columns import fit_widths
from jipp_desktop.reports.context import ReportContext
from jipp_desktop.reports.document import MARGIN_X
from jipp_desktop.reports.fonts import register_fonts
from jipp_desktop.reports.register import register_columns, register_rows
from jipp_desktop.reports.styles import make_styles
from jipp_desktop.reports.text import Tr, escape

CACHE = Path(tempfile.gettempdir()) / "jipp-bench"
CHUNK = 200


def best_of(repeat: int, fn: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def register_folder(rows: int) -> Path:
    """A data folder with ``rows`` innovations (cached; made through the record service)."""
    folder = CACHE / f"register-{rows}"
    if (folder / "jipp.sqlite3").exists():
        return folder
    partial = folder.with_name(folder.name + ".part")
    shutil.rmtree(partial, ignore_errors=True)
    ws = open_workspace(partial)
    try:
        stages = ("initiative", "trial", "implementation")
        agencies = ws.records.create_many(
            "agency",
            [{"name": f"Dinas Pelayanan Publik Nomor {i}", "level": "regency"} for i in range(50)],
        )
        regencies = [code for code, _ in ws.regions.regencies_of("53")]
        ws.records.create_many(
            "innovation",
            [
                {
                    "title": f"Inovasi Layanan Publik Nomor {i:05d}" + " lanjutan" * (i % 7),
                    "province_code": "53",
                    "regency_code": regencies[i % len(regencies)],
                    "agency_id": agencies[i % len(agencies)],
                    "category": ("Kesehatan", "Pendidikan", "Tata Kelola Pemerintahan")[i % 3],
                    "stage": stages[i % 3],
                    "year_started": 2015 + i % 10,
                }
                for i in range(rows)
            ],
        )
    finally:
        ws.close()
    partial.rename(folder)
    return folder


def national_folder() -> Path:
    folder = CACHE / "national-seed1"
    if (folder / "jipp.sqlite3").exists():
        return folder
    partial = folder.with_name(folder.name + ".part")
    shutil.rmtree(partial, ignore_errors=True)
    ws = open_workspace(partial)
    try:
        print("generating the national demo data once (a few minutes)…", flush=True)
        demo.generate(ws.records, "national", seed=1)
    finally:
        ws.close()
    partial.rename(folder)
    return folder


def baseline(cells: list[list[str]], out: Path) -> None:
    """Raw platypus: the same rows as Paragraph tables of CHUNK rows, header repeated."""
    register_fonts()
    s = make_styles()
    width = landscape(A4)[0] - 2 * MARGIN_X
    columns = register_columns(Tr("id"))
    widths = fit_widths(s, columns, cells, width)
    head = [Paragraph(escape(c.header), s.cell_head) for c in columns]
    style = TableStyle(grid_style())
    story = []
    for start in range(0, len(cells), CHUNK):
        body = [
            [r[0], *(Paragraph(escape(v), s.cell) for v in r[1:6]), r[6]]
            for r in cells[start : start + CHUNK]
        ]
        table = Table([head, *body], colWidths=widths, repeatRows=1)
        table.setStyle(style)
        story.append(table)
    doc = SimpleDocTemplate(
        str(out), pagesize=landscape(A4), leftMargin=MARGIN_X, rightMargin=MARGIN_X
    )
    doc.build(story)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--skip-hub", action="store_true")
    args = parser.parse_args()
    out = Path(tempfile.mkdtemp(prefix="jipp-bench-out-"))
    results: dict[str, object] = {"rows": args.rows}

    ws = open_workspace(register_folder(args.rows))
    try:
        ctx = ReportContext.from_workspace(ws, "id")
        cells = register_rows(ctx, ctx.records.list("innovation", ListQuery()))
        t_base = best_of(args.repeat, lambda: baseline(cells, out / "baseline.pdf"))
        t_report = best_of(
            args.repeat, lambda: generate(ws, ReportRequest("register"), out / "register.pdf")
        )
    finally:
        ws.close()
    ratio = t_report / t_base
    print(
        f"register {args.rows} rows: report {t_report:.2f} s, raw platypus {t_base:.2f} s, "
        f"ratio {ratio:.2f}x (target <= 1.5x)"
    )
    results.update(
        register_s=round(t_report, 3), baseline_s=round(t_base, 3), register_ratio=round(ratio, 3)
    )

    if not args.skip_hub:
        ws = open_workspace(national_folder())
        try:
            count = peewee.fn.COUNT(m.Innovation.seq)
            province, innovations = (
                m.Innovation.select(m.Innovation.province_code, count)
                .where(m.Innovation.deleted == False)  # noqa: E712
                .group_by(m.Innovation.province_code)
                .order_by(count.desc())
                .tuples()
                .first()
            )
            pages: list[int] = []
            t_hub = best_of(
                1,
                lambda: pages.append(
                    generate(ws, ReportRequest("hub", province=province), out / "hub.pdf")
                ),
            )
        finally:
            ws.close()
        print(
            f"hub summary, province {province} ({innovations} innovations): {t_hub:.2f} s, "
            f"{pages[0]} pages"
        )
        results.update(
            hub_province=province,
            hub_innovations=innovations,
            hub_s=round(t_hub, 3),
            hub_pages=pages[0],
        )
    shutil.rmtree(out, ignore_errors=True)
    print(json.dumps(results))


if __name__ == "__main__":
    main()
