"""Laporan pendampingan: the report of one mentoring visit, with signature blocks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from jipp_desktop.core import idformat, vocab
from jipp_desktop.reports.blocks import (
    EMPTY,
    Sections,
    Signer,
    data_table,
    empty_note,
    field_list,
    long_text,
    photo_grid,
    signature_rows,
)
from jipp_desktop.reports.columns import Column
from jipp_desktop.reports.context import ReportContext
from jipp_desktop.reports.document import Progress, ProgressSink, build_pdf, frame_width
from jipp_desktop.reports.fonts import register_fonts
from jipp_desktop.reports.photos import image_attachments
from jipp_desktop.reports.styles import Styles, make_styles
from jipp_desktop.reports.text import Tr, escape, venue

BLANK_NAME = "(" + "." * 40 + ")"


def _people_table(
    s: Styles, tr: Tr, rows: list[dict[str, Any]], width: float, with_position: bool
) -> Flowable:
    if not rows:
        return empty_note(s, tr)
    if with_position:
        columns = [
            Column("No", "number"),
            Column(tr("Nama", "Name")),
            Column(tr("Jabatan", "Position")),
            Column(tr("Instansi", "Institution")),
        ]
        body = [
            [n, p["name"], p.get("position") or EMPTY, p.get("institution") or EMPTY]
            for n, p in enumerate(rows, 1)
        ]
    else:
        columns = [
            Column("No", "number"),
            Column(tr("Nama", "Name")),
            Column(tr("Instansi", "Institution")),
        ]
        body = [[n, p["name"], p.get("institution") or EMPTY] for n, p in enumerate(rows, 1)]
    return data_table(s, columns, body, width)


def _days(rec: dict[str, Any], lang: str) -> str:
    """ "Kamis, 16 Januari 2025", or both ends with their weekdays for a longer visit."""
    start, end = rec["start_date"], rec.get("end_date")
    first = idformat.format_date(start, lang, with_day=True)
    if not end or end == start:
        return first
    word = "s.d." if lang == "id" else "to"
    return f"{first} {word} {idformat.format_date(end, lang, with_day=True)}"


def build_visit(
    ctx: ReportContext,
    visit_id: str,
    out: Path | str,
    progress: Progress | None = None,
    *,
    number: str | None = None,
) -> int:
    tr, lang = Tr(ctx.lang), ctx.lang
    sink = ProgressSink(progress)
    rec = ctx.records.get("visit", visit_id)
    hub = ctx.records.get("hub", rec["hub_id"], include_deleted=True)
    photos = image_attachments(ctx, "visit", visit_id)
    sink.data(1, 1)
    register_fonts()
    s = make_styles(ctx.lang)
    meta = ctx.meta(
        tr("Laporan Pendampingan", "Mentoring Visit Report") + f" – {hub['name']}",
        province=hub["province_code"],
    )
    width = frame_width(meta)
    regency = ctx.regions.name(rec["regency_code"])
    where = venue(rec.get("place"), regency)
    section = Sections(s, lang)

    story: list[Flowable] = [
        Spacer(1, 2 * mm),
        Paragraph(escape(tr("LAPORAN PENDAMPINGAN", "MENTORING VISIT REPORT")), s.title),
        Paragraph(escape(str(hub["name"])), s.subtitle),
        Paragraph(escape(tr("Nomor: ", "Number: ") + (number or "." * 30)), s.subtitle),
        field_list(
            s,
            [
                (tr("Simpul Inovasi", "Innovation hub"), hub["name"]),
                (tr("Provinsi", "Province"), ctx.regions.name(hub["province_code"])),
                (tr("Hari/Tanggal", "Day/date"), _days(rec, lang)),
                (tr("Tempat", "Place"), where),
                (tr("Jumlah Pendamping", "Mentors"), len(rec["mentors"])),
                (tr("Jumlah Peserta", "Participants"), len(rec["participants"])),
            ],
            width,
        ),
        *section(tr("Tim Pendamping", "Mentoring team")),
        _people_table(s, tr, rec["mentors"], width, with_position=False),
        *section(tr("Peserta", "Participants")),
        _people_table(s, tr, rec["participants"], width, with_position=True),
        *section(tr("Agenda", "Agenda")),
        *long_text(s, rec.get("agenda"), tr),
        *section(tr("Temuan", "Findings")),
        *long_text(s, rec.get("findings"), tr),
        *section(tr("Hambatan", "Obstacles")),
    ]
    obstacles = [
        [
            n,
            vocab.label("obstacle_category", o.get("category"), lang),
            o["description"],
            vocab.label("severity", o.get("severity"), lang),
        ]
        for n, o in enumerate(rec["obstacles"], 1)
    ]
    story.append(
        data_table(
            s,
            [
                Column("No", "number"),
                Column(tr("Kategori", "Category")),
                Column(tr("Uraian", "Description"), weight=3),
                Column(tr("Tingkat", "Severity"), "fixed"),
            ],
            obstacles,
            width,
        )
        if obstacles
        else empty_note(s, tr)
    )
    story.extend(section(tr("Tindak Lanjut", "Follow-ups")))
    followups = [
        [
            n,
            f["action"],
            f.get("owner") or EMPTY,
            idformat.format_date(f.get("due_date"), lang) or EMPTY,
            vocab.label("task_status", f.get("status"), lang),
        ]
        for n, f in enumerate(rec["followups"], 1)
    ]
    story.append(
        data_table(
            s,
            [
                Column("No", "number"),
                Column(tr("Tindak Lanjut", "Action"), weight=2),
                Column(tr("Penanggung Jawab", "Owner")),
                Column(tr("Tenggat", "Due date"), "fixed"),
                Column("Status", "fixed"),
            ],
            followups,
            width,
        )
        if followups
        else empty_note(s, tr)
    )
    if rec.get("notes"):
        story += [*section(tr("Catatan", "Notes")), *long_text(s, rec["notes"], tr)]
    story.extend(section(tr("Dokumentasi", "Photos")))
    story += photo_grid(s, photos, width, tr)
    story.append(KeepTogether([Spacer(1, 6 * mm), *_signatures(ctx, rec, s, width)]))
    return build_pdf(story, out, meta, sink)


def _signatures(ctx: ReportContext, rec: dict[str, Any], s: Styles, width: float) -> list[Flowable]:
    tr, lang = Tr(ctx.lang), ctx.lang
    name, position, nip = ctx.officer()
    place = idformat.place_name(ctx.regions.name(rec["regency_code"]))
    day = rec.get("end_date") or rec["start_date"]
    mentor = rec["mentors"][0] if rec["mentors"] else None
    left = Signer(
        above=tr("Mengetahui,", "Acknowledged by,"),
        position=tr("Pendamping", "Mentor"),
        name=str(mentor["name"]) if mentor else BLANK_NAME,
        # Under the name, so both names line up across the two blocks.
        rank=str(mentor["institution"]) if mentor else None,
    )
    right = Signer(
        above=idformat.place_date_line(place, day, lang),
        position=position or tr("Pelapor", "Reported by"),
        name=name or BLANK_NAME,
        nip=nip or None,
    )
    return signature_rows(s, [left, right], width, lang, columns=2)
