"""Register inovasi: the innovations of a list view, one long table across many pages.

The register of a whole country is 100,000 rows and thousands of pages, so it is never
held in memory: the list's row keys are read once (``RecordService.seqs``), the rows
themselves in chunks of ``CHUNK`` (``RecordService.rows_by_seq``) as the layout reaches
them, and each page's rows are dropped once the page is cut (``blocks.streamed_table``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from jipp_desktop.core import idformat, vocab
from jipp_desktop.core.query import ListQuery
from jipp_desktop.reports import data
from jipp_desktop.reports.blocks import empty_note, streamed_table
from jipp_desktop.reports.columns import Column
from jipp_desktop.reports.context import ReportContext
from jipp_desktop.reports.document import Progress, ProgressSink, build_pdf, frame_width
from jipp_desktop.reports.errors import invalid
from jipp_desktop.reports.fonts import register_fonts
from jipp_desktop.reports.styles import make_styles
from jipp_desktop.reports.text import Tr, escape


def register_columns(tr: Tr) -> list[Column]:
    return [
        Column("No", "number"),
        Column(tr("Judul Inovasi", "Innovation title"), weight=1.6),
        Column(tr("Instansi", "Agency"), weight=1.3),
        Column(tr("Wilayah", "Region")),
        Column(tr("Kategori", "Category")),
        Column(tr("Tahapan", "Stage"), "fixed"),
        Column(tr("Tahun", "Year"), "number"),
    ]


CHUNK = 500  # rows read per query: one round trip per page or two of the register


def register_rows(
    ctx: ReportContext, rows: list[dict[str, Any]], first: int = 1
) -> list[list[str]]:
    """Plain text cells for each innovation, in list order, numbered from ``first``."""
    agencies = data.agency_names(r.get("agency_id") for r in rows)
    name = ctx.regions.name
    out = []
    for n, r in enumerate(rows, first):
        out.append(
            [
                str(n),
                str(r["title"]),
                agencies.get(r.get("agency_id") or "", ""),
                name(r.get("regency_code")) or name(r["province_code"]),
                ctx.category(r.get("category")),
                vocab.label("innovation_stage", r.get("stage"), ctx.lang),
                str(r.get("year_started") or ""),
            ]
        )
    return out


def describe_query(ctx: ReportContext, query: ListQuery, count: int) -> str:
    tr = Tr(ctx.lang)
    parts = []
    province = query.filters.get("province_code")
    if province:
        parts.append(tr("Provinsi: ", "Province: ") + ctx.regions.name(province))
    for key, value in query.filters.items():
        if key != "province_code" and value not in (None, ""):
            parts.append(f"{key}: {value}")
    if query.search:
        parts.append(tr("Pencarian: ", "Search: ") + f"“{query.search}”")
    parts.append(
        tr(
            f"{idformat.format_number(count)} inovasi",
            f"{idformat.format_number(count, lang='en')} innovations",
        )
    )
    return " · ".join(parts)


def check_province(ctx: ReportContext, code: str | None) -> None:
    if code and code not in ctx.regions.provinces:
        raise invalid(
            "province_code",
            "region",
            f"Kode provinsi '{code}' tidak dikenal (contoh: 53 untuk Nusa Tenggara Timur).",
            f"Unknown province code '{code}' (e.g. 53 for Nusa Tenggara Timur).",
        )


def register_chunks(
    ctx: ReportContext, seqs: Sequence[int], chunk: int
) -> Iterator[list[list[str]]]:
    """The register's cells, ``chunk`` innovations at a time, numbered on from chunk to
    chunk (a record deleted meanwhile is left out, not numbered)."""
    printed = 0
    for start in range(0, len(seqs), chunk):
        rows = ctx.records.rows_by_seq("innovation", seqs[start : start + chunk])
        cells = register_rows(ctx, rows, printed + 1)
        printed += len(cells)
        yield cells


def widest_fixed_cells(ctx: ReportContext, count: int) -> list[list[str]]:
    """Rows that are never printed but size the fixed columns as the last rows need: the
    last row number and every stage label, which the first chunk may not contain."""
    stages = [vocab.label("innovation_stage", v, ctx.lang) for v in vocab.INNOVATION_STAGE]
    return [[str(count), "", "", "", "", stage, ""] for stage in stages]


def build_register(
    ctx: ReportContext, query: ListQuery, out: Path | str, progress: Progress | None = None
) -> int:
    tr = Tr(ctx.lang)
    check_province(ctx, query.filters.get("province_code"))
    sink = ProgressSink(progress, data_share=0.02)
    meta = ctx.meta(
        tr("Register Inovasi", "Innovation Register"),
        landscape=True,
        province=query.filters.get("province_code") or "",
    )
    seqs = ctx.records.seqs("innovation", query)
    sink.data(1, 1)
    register_fonts()
    s = make_styles(ctx.lang)
    width = frame_width(meta)
    story: list[Flowable] = [
        Paragraph(escape(tr("REGISTER INOVASI", "INNOVATION REGISTER")), s.title),
        Paragraph(escape(describe_query(ctx, query, len(seqs))), s.subtitle),
        Spacer(1, 2 * mm),
        streamed_table(
            s,
            register_columns(tr),
            register_chunks(ctx, seqs, CHUNK),
            len(seqs),
            width,
            sink.rows,
            probe=widest_fixed_cells(ctx, len(seqs)),
        )
        if seqs
        else empty_note(s, tr),
    ]
    return build_pdf(story, out, meta, sink)
