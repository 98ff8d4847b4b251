"""Register inovasi: the innovations of a list view, one long table across many pages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from jipp_desktop.core import idformat, vocab
from jipp_desktop.core.query import ListQuery
from jipp_desktop.reports import data
from jipp_desktop.reports.blocks import data_table, empty_note
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


def register_rows(ctx: ReportContext, rows: list[dict[str, Any]]) -> list[list[str]]:
    """Plain text cells for each innovation, in list order."""
    agencies = data.agency_names(r.get("agency_id") for r in rows)
    name = ctx.regions.name
    out = []
    for n, r in enumerate(rows, 1):
        out.append(
            [
                str(n),
                str(r["title"]),
                agencies.get(r.get("agency_id") or "", ""),
                name(r.get("regency_code")) or name(r["province_code"]),
                r.get("category") or "",
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


def build_register(
    ctx: ReportContext, query: ListQuery, out: Path | str, progress: Progress | None = None
) -> int:
    tr = Tr(ctx.lang)
    check_province(ctx, query.filters.get("province_code"))
    sink = ProgressSink(progress)
    meta = ctx.meta(
        tr("Register Inovasi", "Innovation Register"),
        landscape=True,
        province=query.filters.get("province_code") or "",
    )
    rows = ctx.records.list("innovation", query)
    sink.data(1, 2)
    cells = register_rows(ctx, rows)
    sink.data(2, 2)
    register_fonts()
    s = make_styles(ctx.lang)
    width = frame_width(meta)
    story: list[Flowable] = [
        Paragraph(escape(tr("REGISTER INOVASI", "INNOVATION REGISTER")), s.title),
        Paragraph(escape(describe_query(ctx, query, len(rows))), s.subtitle),
        Spacer(1, 2 * mm),
        data_table(s, register_columns(tr), cells, width, sink.rows)
        if cells
        else empty_note(s, tr),
    ]
    return build_pdf(story, out, meta, sink)
