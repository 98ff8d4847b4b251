"""Rekapitulasi nasional: one row per province and hub, with totals, for the ministry."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from jipp_desktop.core import idformat, vocab
from jipp_desktop.reports import data
from jipp_desktop.reports.blocks import (
    BASE_FONT,
    EMPTY,
    CellParagraph,
    PagedTable,
    Sections,
    approval_signers,
    empty_note,
    signature_rows,
)
from jipp_desktop.reports.charts import bar_chart
from jipp_desktop.reports.columns import Column, fit_widths, header_style
from jipp_desktop.reports.context import ReportContext
from jipp_desktop.reports.document import Progress, ProgressSink, build_pdf, frame_width
from jipp_desktop.reports.fonts import register_fonts
from jipp_desktop.reports.params import check_year
from jipp_desktop.reports.styles import Styles, make_styles
from jipp_desktop.reports.text import Tr, escape

TOP_PROVINCES = 15
YEAR_NOTE = (
    "Inovasi dihitung menurut tahun mulai; replikasi, kunjungan dan komitmen menurut "
    "tanggal mulai atau tanggal penandatanganan; tindak lanjut terbuka dari kunjungan "
    "pada tahun tersebut.",
    "Innovations are counted by year started; replications, visits and commitments by "
    "start or signing date; open follow-ups from that year's visits.",
)
COUNT_KEYS = (
    "innovations", "replications", "replications_done", "visits", "commitments",
    "followups_open",
)  # fmt: skip


def _columns(tr: Tr) -> list[Column]:
    return [
        Column("No", "number"),
        Column(tr("Provinsi", "Province")),
        Column(tr("Simpul Inovasi", "Innovation hub"), weight=1.5),
        Column(tr("Status Simpul", "Hub status")),
        *(
            Column(text, "number")
            for text in (
                tr("Inovasi", "Innovations"),
                tr("Replikasi", "Replications"),
                tr("Replikasi Selesai", "Replications done"),
                tr("Kunjungan", "Visits"),
                tr("Komitmen", "Commitments"),
                tr("Tindak Lanjut Terbuka", "Open follow-ups"),
            )
        ),
    ]


def _table(
    s: Styles, lines: list[data.ProvinceLine], width: float, lang: str, tr: Tr
) -> PagedTable:
    def num(value: int, style: Any = s.cell_right) -> Paragraph:
        return CellParagraph(idformat.format_number(value, lang=lang), style)

    texts = [
        [
            str(n),
            ln.name,
            ", ".join(ln.hubs) or EMPTY,
            vocab.label("hub_status", ln.hub_status, lang) or EMPTY,
            *(idformat.format_number(getattr(ln, key), lang=lang) for key in COUNT_KEYS),
        ]
        for n, ln in enumerate(lines, 1)
    ]
    totals = [sum(getattr(ln, key) for ln in lines) for key in COUNT_KEYS]
    columns = _columns(tr)
    # The total row is measured too: its sums are the widest numbers.
    sums = ["", "", "", "", *(idformat.format_number(t, lang=lang) for t in totals)]
    widths = fit_widths(s, columns, [*texts, sums], width)
    body: list[list[Any]] = [
        [
            CellParagraph(escape(value), s.cell_right if c.kind == "number" else s.cell)
            for c, value in zip(columns, row, strict=True)
        ]
        for row in texts
    ]
    bold_right = s.cell_right.clone("bold_right", fontName=s.cell_bold.fontName)
    body.append(
        [
            "",
            CellParagraph(escape(tr("JUMLAH", "TOTAL")), s.cell_bold),
            CellParagraph(
                idformat.format_number(sum(1 for ln in lines if ln.hubs), lang=lang)
                + tr(" provinsi bersimpul", " provinces with a hub"),
                s.cell_bold,
            ),
            "",
            *(num(total, bold_right) for total in totals),
        ]
    )
    head = [
        CellParagraph(escape(c.header), header_style(s, c.header, w))
        for c, w in zip(columns, widths, strict=True)
    ]
    return PagedTable(head, body, widths)


def build_national(
    ctx: ReportContext,
    out: Path | str,
    year: int | None = None,
    progress: Progress | None = None,
) -> int:
    tr, lang = Tr(ctx.lang), ctx.lang
    check_year(year)
    sink = ProgressSink(progress)
    meta = ctx.meta(
        tr("Rekapitulasi Nasional Simpul Inovasi", "National Innovation Hub Recap"), landscape=True
    )
    lines = data.national_lines(year)
    statuses = data.hub_status_counts()
    sink.data(1, 1)
    register_fonts()
    s = make_styles(lang)
    width = frame_width(meta)
    section = Sections(s, lang)
    scope = (
        tr(f"Tahun {year}", f"Year {year}")
        if year is not None
        else tr("Seluruh tahun", "All years")
    )
    top = sorted(
        ((ln.name, ln.innovations) for ln in lines if ln.innovations),
        key=lambda kv: (-kv[1], kv[0]),
    )[:TOP_PROVINCES]
    status_items = [
        (vocab.label("hub_status", k, lang), statuses.get(k, 0)) for k in vocab.HUB_STATUS
    ]
    charts = Table(
        [
            [
                bar_chart(
                    tr(
                        f"Inovasi per provinsi ({TOP_PROVINCES} terbanyak)",
                        f"Innovations per province (top {TOP_PROVINCES})",
                    ),
                    top,
                    width * 0.6 - 6,
                    colour_index=1,
                    lang=lang,
                    empty_text=tr("(tidak ada data)", "(no data)"),
                ),
                bar_chart(
                    tr("Simpul inovasi menurut status", "Innovation hubs by status"),
                    status_items,
                    width * 0.4 - 6,
                    label_width=110,
                    colour_index=5,
                    lang=lang,
                ),
            ]
        ],
        colWidths=[width * 0.6, width * 0.4],
    )
    charts.setStyle(
        TableStyle(
            [BASE_FONT, ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]
        )
    )
    story: list[Flowable] = [
        Paragraph(
            escape(tr("REKAPITULASI NASIONAL SIMPUL INOVASI", "NATIONAL INNOVATION HUB RECAP")),
            s.title,
        ),
        Paragraph(
            escape(
                tr(
                    "Jaringan Inovasi Pelayanan Publik (JIPP) · ",
                    "Public Service Innovation Network (JIPP) · ",
                )
                + scope
            ),
            s.subtitle,
        ),
        *section(tr("Rekapitulasi per Provinsi", "Recap by province")),
        _table(s, lines, width, lang, tr) if lines else empty_note(s, tr),
        Spacer(1, 2 * mm),
        Paragraph(escape(tr(*YEAR_NOTE) if year is not None else ""), s.small),
        *section(tr("Grafik", "Charts")),
        charts,
    ]
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
