"""Surat pengantar: the cover letter an office sends a report with.

Kop, then on the left Nomor / Sifat / Lampiran / Perihal aligned on the colon and the
place and date on the right, "Yth." and the addressee, a body that names the attached
report, and the signature of the head of the unit (the approval setting) or else of the
officer.  Printed alone, or followed by the report itself in one PDF.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from jipp_desktop.core import idformat
from jipp_desktop.reports.blocks import BASE_FONT, EMPTY, Signer, field_list, signature_rows
from jipp_desktop.reports.context import ReportContext
from jipp_desktop.reports.document import Progress, ProgressSink, build_pdf, frame_width
from jipp_desktop.reports.fonts import register_fonts
from jipp_desktop.reports.styles import make_styles
from jipp_desktop.reports.text import Tr, escape


@dataclass(frozen=True)
class Letter:
    """What the officer types for one letter; the report is described by the caller."""

    report_title: str  # "Ringkasan Simpul Inovasi Provinsi Nusa Tenggara Timur"
    report_pages: int | None = None  # known when the report is printed with the letter
    number: str = ""
    nature: str = ""  # Sifat: Biasa, Segera, …
    subject: str = ""  # Perihal; "Penyampaian <report>" when empty
    addressee: str = ""  # after "Yth."
    addressee_place: str = ""  # "di Jakarta"
    place: str = ""  # above the date; the kop's city is not known, so the officer says it
    date: dt.date | None = None


def _attachment(letter: Letter, tr: Tr) -> str:
    if letter.report_pages is None:
        return tr("1 (satu) berkas", "1 (one) document")
    pages = letter.report_pages
    if tr.en:
        return f"1 (one) document, {pages} page{'s' if pages != 1 else ''}"
    return f"1 (satu) berkas, {pages} ({idformat.number_words(pages)}) halaman"


def _head(ctx: ReportContext, letter: Letter, width: float) -> Flowable:
    """Nomor … Perihal on the left, place and date on the right, on one band."""
    tr = Tr(ctx.lang)
    s = make_styles(ctx.lang)
    subject = letter.subject or tr("Penyampaian ", "Submission of the ") + letter.report_title
    fields = field_list(
        s,
        [
            (tr("Nomor", "Number"), letter.number or EMPTY),
            (tr("Sifat", "Classification"), letter.nature or tr("Biasa", "Ordinary")),
            (tr("Lampiran", "Attachment"), _attachment(letter, tr)),
            (tr("Perihal", "Subject"), subject),
        ],
        width * 0.62,
        label_share=0.25,
    )
    day = idformat.format_date(letter.date or dt.date.today(), ctx.lang)
    dated = f"{letter.place}, {day}" if letter.place else day
    band = Table(
        [[fields, Paragraph(escape(dated), s.right)]], colWidths=[width * 0.62, width * 0.38]
    )
    band.setStyle(
        TableStyle(
            [
                BASE_FONT,
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return band


def letter_story(ctx: ReportContext, letter: Letter, width: float) -> list[Flowable]:
    tr = Tr(ctx.lang)
    s = make_styles(ctx.lang)
    story: list[Flowable] = [Spacer(1, 2 * mm), _head(ctx, letter, width), Spacer(1, 8 * mm)]
    story.append(Paragraph(escape(tr("Yth. ", "To: ") + (letter.addressee or EMPTY)), s.body))
    if letter.addressee_place:
        story.append(Paragraph(escape(tr("di ", "in ") + letter.addressee_place), s.body))
    story.append(Spacer(1, 6 * mm))
    pages = (
        tr(f" ({letter.report_pages} halaman)", f" ({letter.report_pages} pages)")
        if letter.report_pages
        else ""
    )
    story += [
        Paragraph(
            escape(
                tr(
                    f"Bersama ini kami sampaikan {letter.report_title}{pages} sebagaimana "
                    "terlampir, untuk dapat dipergunakan sebagaimana mestinya.",
                    f"Please find attached the {letter.report_title}{pages}, for your "
                    "information and use.",
                )
            ),
            s.justify,
        ),
        Paragraph(
            escape(
                tr(
                    "Demikian kami sampaikan. Atas perhatian dan kerja sama Bapak/Ibu, kami "
                    "ucapkan terima kasih.",
                    "Thank you for your attention and cooperation.",
                )
            ),
            s.justify,
        ),
        Spacer(1, 8 * mm),
    ]
    signer = letter_signer(ctx)
    rows = signature_rows(s, [signer], width / 2, ctx.lang, columns=1)
    block = Table([["", rows]], colWidths=[width / 2, width / 2])
    block.setStyle(TableStyle([BASE_FONT, ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    story.append(KeepTogether([block]))
    return story


def letter_signer(ctx: ReportContext) -> Signer:
    """The head of the unit (the approval setting) signs; without one, the officer."""
    get = ctx.settings.get
    name, position, nip = get("approval_name"), get("approval_position"), get("approval_nip")
    if not name:
        name, position, nip = ctx.officer()
    return Signer(
        position=position or Tr(ctx.lang)("Petugas", "Officer"),
        name=name or "(" + "." * 40 + ")",
        nip=nip or None,
    )


def build_cover_letter(
    ctx: ReportContext, letter: Letter, out: Path | str, progress: Progress | None = None
) -> int:
    """Write the letter alone to ``out``; returns its page count."""
    tr = Tr(ctx.lang)
    register_fonts()
    meta = ctx.meta(
        tr("Surat Pengantar", "Cover Letter") + " – " + letter.report_title,
        subject=letter.report_title,
    )
    sink = ProgressSink(progress)
    sink.data(1, 1)
    return build_pdf(letter_story(ctx, letter, frame_width(meta)), out, meta, sink)
