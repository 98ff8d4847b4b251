"""Ringkasan simpul inovasi: a province's hub over a period, with charts and tables."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from jipp_desktop.core import idformat, vocab
from jipp_desktop.core.query import ListQuery
from jipp_desktop.reports import data
from jipp_desktop.reports.blocks import (
    BASE_FONT,
    EMPTY,
    Sections,
    approval_signers,
    data_table,
    empty_note,
    signature_rows,
)
from jipp_desktop.reports.charts import bar_chart
from jipp_desktop.reports.columns import Column
from jipp_desktop.reports.context import ReportContext
from jipp_desktop.reports.document import Progress, ProgressSink, build_pdf, frame_width
from jipp_desktop.reports.fonts import register_fonts
from jipp_desktop.reports.innovation import progress_text
from jipp_desktop.reports.params import describe_period, make_period
from jipp_desktop.reports.register import check_province, register_columns, register_rows
from jipp_desktop.reports.styles import Styles, make_styles
from jipp_desktop.reports.text import Tr, escape, venue

TOP_CATEGORIES = 10


def _figures_table(s: Styles, pairs: list[tuple[str, int]], width: float, lang: str) -> Table:
    """Key figures as large numbers with their captions underneath, four to a row."""
    rows: list[list[Any]] = []
    for start in range(0, len(pairs), 4):
        chunk = pairs[start : start + 4]
        pad = [""] * (4 - len(chunk))
        rows.append(
            [Paragraph(idformat.format_number(v, lang=lang), s.figure) for _, v in chunk] + pad
        )
        rows.append([Paragraph(escape(k), s.caption) for k, _ in chunk] + pad)
    table = Table(rows, colWidths=[width / 4] * 4)
    grey = "#9AA5B1"
    table.setStyle(
        TableStyle(
            [
                BASE_FONT,
                ("BOX", (0, 0), (-1, -1), 0.4, grey),
                ("LINEAFTER", (0, 0), (-2, -1), 0.4, grey),
                *[("LINEBELOW", (0, r), (-1, r), 0.4, grey) for r in range(1, len(rows) - 1, 2)],
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _charts(
    ctx: ReportContext, fig: data.HubFigures, width: float, lang: str, tr: Tr
) -> list[Flowable]:
    stages = [
        (vocab.label("innovation_stage", k, lang), fig.innovations_by_stage.get(k, 0))
        for k in vocab.INNOVATION_STAGE
    ]
    statuses = [
        (vocab.label("replication_status", k, lang), fig.replications_by_status.get(k, 0))
        for k in vocab.REPLICATION_STATUS
    ]
    cats = sorted(
        (
            (ctx.category(k) or tr("(tanpa kategori)", "(no category)"), v)
            for k, v in fig.innovations_by_category.items()
        ),
        key=lambda kv: (-kv[1], kv[0]),
    )
    if len(cats) > TOP_CATEGORIES:
        rest = sum(v for _, v in cats[TOP_CATEGORIES - 1 :])
        cats = [*cats[: TOP_CATEGORIES - 1], (tr("Lainnya", "Others"), rest)]
    half = width / 2 - 4
    pair = Table(
        [
            [
                bar_chart(
                    tr("Inovasi menurut tahapan", "Innovations by stage"),
                    stages,
                    half,
                    label_width=70,
                    lang=lang,
                ),
                bar_chart(
                    tr("Progres replikasi (status)", "Replication progress (status)"),
                    statuses,
                    half,
                    label_width=105,
                    colour_index=3,
                    lang=lang,
                ),
            ]
        ],
        colWidths=[width / 2, width / 2],
    )
    pair.setStyle(
        TableStyle(
            [BASE_FONT, ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]
        )
    )
    return [
        pair,
        Spacer(1, 3 * mm),
        bar_chart(
            tr("Inovasi menurut kategori", "Innovations by category"),
            cats,
            width,
            colour_index=1,
            lang=lang,
            empty_text=tr("(tidak ada data)", "(no data)"),
        ),
    ]


def _replication_rows(ctx: ReportContext, province: str, period: data.Period) -> list[list[Any]]:
    reps = [
        r
        for r in ctx.records.list(
            "replication", ListQuery(filters={"province_code": province}, sort="started_on")
        )
        if period.has_date(r.get("started_on"))
    ]
    titles = data.innovation_titles(r["innovation_id"] for r in reps)
    agencies = data.agency_names(r.get("adopting_agency_id") for r in reps)
    steps = data.step_progress(r["id"] for r in reps)
    rows = []
    for n, r in enumerate(reps, 1):
        done, total = steps.get(r["id"], (0, 0))
        rows.append(
            [
                n,
                titles.get(r["innovation_id"], ""),
                agencies.get(r.get("adopting_agency_id") or "", "") or EMPTY,
                ctx.regions.name(r.get("regency_code")) or EMPTY,
                vocab.label("replication_status", r.get("status"), ctx.lang),
                idformat.format_date(r.get("started_on"), ctx.lang) or EMPTY,
                progress_text(done, total, ctx.lang),
            ]
        )
    return rows


def build_hub(
    ctx: ReportContext,
    province: str,
    out: Path | str,
    date_from: str | dt.date | None = None,
    date_to: str | dt.date | None = None,
    progress: Progress | None = None,
) -> int:
    tr, lang = Tr(ctx.lang), ctx.lang
    check_province(ctx, province)
    period = make_period(date_from, date_to)
    sink = ProgressSink(progress, data_share=0.3)
    province_name = ctx.regions.name(province)
    meta = ctx.meta(
        tr("Ringkasan Simpul Inovasi", "Innovation Hub Summary") + f" – {province_name}",
        province=province,
    )
    fig = data.hub_figures(province, period)
    sink.data(1, 5)
    innovations = [
        r
        for r in ctx.records.list("innovation", ListQuery(filters={"province_code": province}))
        if period.has_year(r.get("year_started"))
    ]
    inno_rows = register_rows(ctx, innovations)
    sink.data(2, 5)
    rep_rows = _replication_rows(ctx, province, period)
    sink.data(3, 5)
    visits = data.visit_lines(province, period)
    sink.data(4, 5)
    followups = data.open_followups(province, period)
    sink.data(5, 5)

    register_fonts()
    s = make_styles(lang)
    width = frame_width(meta)
    section = Sections(s, lang)
    hub_names = ", ".join(h["name"] for h in fig.hubs) or tr("(belum ada simpul)", "(no hub yet)")
    statuses = ", ".join(sorted({vocab.label("hub_status", h["status"], lang) for h in fig.hubs}))
    story: list[Flowable] = [
        Paragraph(escape(tr("RINGKASAN SIMPUL INOVASI", "INNOVATION HUB SUMMARY")), s.title),
        Paragraph(
            escape(tr(f"Provinsi {province_name}", f"Province of {province_name}")), s.subtitle
        ),
        Paragraph(
            "<b>"
            + escape(tr("Periode: ", "Period: ") + describe_period(period, lang))
            + "</b>"
            + (
                escape(
                    tr(
                        " (inovasi menurut tahun mulai, replikasi dan kunjungan menurut "
                        "tanggal mulai)",
                        " (innovations by year started, replications and visits by start date)",
                    )
                )
                if period.bounded
                else ""
            ),
            s.subtitle,
        ),
        Paragraph(escape(f"{hub_names}" + (f" ({statuses})" if statuses else "")), s.subtitle),
        *section(tr("Angka Utama", "Key figures")),
        _figures_table(
            s,
            [
                (tr("Inovasi", "Innovations"), fig.innovations),
                (tr("Replikasi", "Replications"), fig.replications),
                (
                    tr("Replikasi dimulai dalam periode", "Replications started in period"),
                    fig.replications_started,
                ),
                (
                    tr("Kunjungan pendampingan dalam periode", "Mentoring visits in period"),
                    fig.visits,
                ),
                (tr("Tindak lanjut terbuka", "Open follow-ups"), fig.followups_open),
                (tr("Tindak lanjut terlambat", "Overdue follow-ups"), fig.followups_overdue),
                (tr("Tindak lanjut selesai", "Follow-ups done"), fig.followups_done),
                (tr("Simpul inovasi", "Innovation hubs"), len(fig.hubs)),
            ],
            width,
            lang,
        ),
        *section(tr("Grafik", "Charts")),
        *_charts(ctx, fig, width, lang, tr),
        *section(tr("Daftar Inovasi", "Innovations")),
        data_table(s, register_columns(tr), inno_rows, width, sink.rows)
        if inno_rows
        else empty_note(s, tr),
        *section(tr("Replikasi dan Progres Rencana Aksi", "Replications and action-plan progress")),
    ]
    story.append(
        data_table(
            s,
            [
                Column("No", "number"),
                Column(tr("Inovasi Asal", "Source innovation"), weight=1.5),
                Column(tr("Instansi Replikator", "Adopting agency"), weight=1.3),
                Column(tr("Wilayah", "Region")),
                Column("Status"),
                Column(tr("Mulai", "Started"), "fixed"),
                Column(tr("Rencana Aksi", "Action plan"), "fixed"),
            ],
            rep_rows,
            width,
        )
        if rep_rows
        else empty_note(s, tr)
    )
    story.extend(section(tr("Kunjungan Pendampingan dalam Periode", "Mentoring visits in period")))
    visit_rows = [
        [
            n,
            idformat.format_period(v.start_date, v.end_date, lang),
            venue(v.place, ctx.regions.name(v.regency_code)),
            v.mentors,
            v.participants,
            v.obstacles,
            v.followups,
        ]
        for n, v in enumerate(visits, 1)
    ]
    story.append(
        data_table(
            s,
            [
                Column("No", "number"),
                Column(tr("Tanggal", "Date"), "fixed"),
                Column(tr("Tempat", "Place")),
                Column(tr("Pendamping", "Mentors"), "number"),
                Column(tr("Peserta", "Participants"), "number"),
                Column(tr("Hambatan", "Obstacles"), "number"),
                Column(tr("Tindak Lanjut", "Follow-ups"), "number"),
            ],
            visit_rows,
            width,
        )
        if visit_rows
        else empty_note(s, tr)
    )
    story.extend(section(tr("Tindak Lanjut Terbuka dan Terlambat", "Open and overdue follow-ups")))
    late = tr("TERLAMBAT", "OVERDUE")
    fu_rows = [
        [
            n,
            f.action,
            f.owner or EMPTY,
            idformat.format_date(f.due_date, lang) or EMPTY,
            vocab.label("task_status", f.status, lang) + (f" · {late}" if f.overdue else ""),
            idformat.format_date(f.visit_start, lang),
        ]
        for n, f in enumerate(followups, 1)
    ]
    story.append(
        data_table(
            s,
            [
                Column("No", "number"),
                Column(tr("Tindak Lanjut", "Action"), weight=2),
                Column(tr("Penanggung Jawab", "Owner")),
                Column(tr("Tenggat", "Due date"), "fixed"),
                Column("Status"),
                Column(tr("Kunjungan", "Visit"), "fixed"),
            ],
            fu_rows,
            width,
        )
        if fu_rows
        else empty_note(s, tr)
    )
    story += _approval(ctx, s, width)
    return build_pdf(story, out, meta, sink)


def _approval(ctx: ReportContext, s: Styles, width: float) -> list[Flowable]:
    """The "Mengetahui," block and the officer's signature, kept together at the end."""
    today = idformat.format_date(ctx.today, ctx.lang)
    signers = approval_signers(ctx.settings, ctx.lang, today)
    if not signers:
        return []
    rows = signature_rows(s, signers, width, ctx.lang, columns=2)
    return [KeepTogether([Spacer(1, 8 * mm), *rows])]
