"""Profil inovasi: every field of one innovation, its replications and its photos."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from jipp_desktop.core import idformat, vocab
from jipp_desktop.core.query import ListQuery
from jipp_desktop.reports import data
from jipp_desktop.reports.blocks import (
    EMPTY,
    Sections,
    data_table,
    empty_note,
    field_list,
    long_text,
    photo_grid,
)
from jipp_desktop.reports.columns import Column
from jipp_desktop.reports.context import ReportContext
from jipp_desktop.reports.document import Progress, ProgressSink, build_pdf, frame_width
from jipp_desktop.reports.fonts import register_fonts
from jipp_desktop.reports.photos import image_attachments
from jipp_desktop.reports.styles import make_styles
from jipp_desktop.reports.text import Tr, escape

LONG_FIELDS = (
    ("problem", ("Permasalahan", "Problem")),
    ("solution", ("Solusi / Rancang Bangun", "Solution / design")),
    ("novelty", ("Kebaruan", "Novelty")),
    ("results", ("Hasil dan Manfaat", "Results and benefits")),
    ("beneficiaries", ("Penerima Manfaat", "Beneficiaries")),
    ("awards", ("Penghargaan", "Awards")),
)


def progress_text(done: int, total: int, lang: str) -> str:
    """``3/5 langkah (60%)``: action-plan steps done out of all (cancelled ones left out)."""
    if total == 0:
        return EMPTY
    pct = idformat.format_percent(100 * done / total, 0, lang)
    word = "langkah" if lang == "id" else "steps"
    return f"{done}/{total} {word} ({pct})"


def build_innovation(
    ctx: ReportContext, innovation_id: str, out: Path | str, progress: Progress | None = None
) -> int:
    tr, lang = Tr(ctx.lang), ctx.lang
    sink = ProgressSink(progress)
    rec = ctx.records.get("innovation", innovation_id)
    reps = ctx.records.list("replication", ListQuery(filters={"innovation_id": innovation_id}))
    steps = data.step_progress(r["id"] for r in reps)
    agencies = data.agency_names(
        [rec.get("agency_id"), *(r.get("adopting_agency_id") for r in reps)]
    )
    photos = image_attachments(ctx, "innovation", innovation_id)
    sink.data(1, 1)
    register_fonts()
    s = make_styles(ctx.lang)
    meta = ctx.meta(
        tr("Profil Inovasi", "Innovation Profile") + f" – {rec['title']}",
        province=rec["province_code"],
    )
    width = frame_width(meta)
    section = Sections(s, lang)
    contact = ", ".join(
        x
        for x in (rec.get("contact_name"), rec.get("contact_phone"), rec.get("contact_email"))
        if x
    )
    story: list[Flowable] = [
        Spacer(1, 2 * mm),
        Paragraph(escape(tr("PROFIL INOVASI", "INNOVATION PROFILE")), s.title),
        Paragraph(f"<b>{escape(rec['title'])}</b>", s.subtitle),
        *section(tr("Identitas Inovasi", "Identity")),
        field_list(
            s,
            [
                (tr("Instansi", "Agency"), agencies.get(rec.get("agency_id") or "", "")),
                (tr("Provinsi", "Province"), ctx.regions.name(rec["province_code"])),
                (tr("Kabupaten/Kota", "Regency/city"), ctx.regions.name(rec.get("regency_code"))),
                (tr("Tahapan", "Stage"), vocab.label("innovation_stage", rec.get("stage"), lang)),
                (tr("Kategori", "Category"), ctx.category(rec.get("category"))),
                (tr("Klaster", "Cluster"), vocab.label("cluster", rec.get("cluster"), lang)),
                (
                    tr("Jenis", "Type"),
                    tr("Digital", "Digital")
                    if rec.get("is_digital")
                    else tr("Nondigital", "Non-digital"),
                ),
                (tr("Tahun Mulai", "Year started"), rec.get("year_started")),
                (tr("Kata Kunci", "Tags"), rec.get("tags")),
                (tr("Narahubung", "Contact"), contact),
            ],
            width,
        ),
    ]
    for key, (label_id, label_en) in LONG_FIELDS:
        story.extend(section(tr(label_id, label_en)))
        story += long_text(s, rec.get(key), tr)
    story.extend(section(tr("Replikasi", "Replications")))
    rows: list[list[Any]] = []
    for n, rep in enumerate(reps, 1):
        done, total = steps.get(rep["id"], (0, 0))
        region = ctx.regions.name(rep.get("regency_code")) or ctx.regions.name(rep["province_code"])
        rows.append(
            [
                n,
                agencies.get(rep.get("adopting_agency_id") or "", "") or EMPTY,
                region,
                vocab.label("replication_status", rep.get("status"), lang),
                idformat.format_date(rep.get("started_on"), lang) or EMPTY,
                progress_text(done, total, lang),
            ]
        )
    story.append(
        data_table(
            s,
            [
                Column("No", "number"),
                Column(tr("Instansi Replikator", "Adopting agency"), weight=1.5),
                Column(tr("Wilayah", "Region")),
                Column("Status"),
                Column(tr("Mulai", "Started"), "fixed"),
                Column(tr("Rencana Aksi", "Action plan"), "fixed"),
            ],
            rows,
            width,
        )
        if rows
        else empty_note(s, tr)
    )
    story.extend(section(tr("Dokumentasi", "Photos")))
    story += photo_grid(s, photos, width, tr)
    return build_pdf(story, out, meta, sink)
