"""Pernyataan komitmen: a commitment statement laid out ready to print and sign."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from jipp_desktop.core import idformat, vocab
from jipp_desktop.reports.blocks import Signer, long_text, signature_rows
from jipp_desktop.reports.context import ReportContext
from jipp_desktop.reports.document import Progress, ProgressSink, build_pdf, frame_width
from jipp_desktop.reports.fonts import register_fonts
from jipp_desktop.reports.styles import make_styles
from jipp_desktop.reports.text import Tr, escape


def _heading(kind: str | None, province: str, tr: Tr) -> str:
    if kind == "hub_formation":
        return tr(
            f"Pembentukan Simpul Inovasi Provinsi {province}",
            f"to form an innovation hub in the province of {province}",
        )
    if kind == "replication":
        return tr(
            "Implementasi Replikasi Inovasi Pelayanan Publik",
            "to implement the replication of a public-service innovation",
        )
    return ""


def _opening(rec: dict[str, object], place: str, tr: Tr) -> str:
    """The opening sentence; its "we the undersigned" clause is left out when the text
    itself starts that way, so the statement does not say it twice."""
    day = str(rec["signed_on"])
    event = str(rec.get("event_name") or "").strip()
    body = str(rec.get("text") or "").casefold()
    says_it = "bertanda tangan di bawah ini" in body or "undersigned" in body
    if tr.en:
        text = f"On {idformat.format_date(day, 'en', with_day=True)}, in {place}"
        text += f", at the {event}" if event else ""
        return text + ("." if says_it else ", we the undersigned state our commitment as follows:")
    text = (
        f"Pada hari ini {idformat.date_words(day)} ({idformat.format_date(day)}), "
        f"bertempat di {place}"
    )
    text += f", dalam rangka {event}" if event else ""
    if says_it:
        return text + "."
    return text + ", kami yang bertanda tangan di bawah ini menyatakan komitmen sebagai berikut:"


def build_commitment(
    ctx: ReportContext, commitment_id: str, out: Path | str, progress: Progress | None = None
) -> int:
    """Write the statement for ``commitment_id`` to ``out``; returns the page count."""
    tr = Tr(ctx.lang)
    sink = ProgressSink(progress)
    rec = ctx.records.get("commitment", commitment_id)
    register_fonts()
    s = make_styles(ctx.lang)
    province = ctx.regions.name(rec["province_code"])
    place = idformat.place_name(ctx.regions.name(rec["place_regency_code"]))
    meta = ctx.meta(
        tr("Pernyataan Komitmen", "Statement of Commitment")
        + (f" {rec['number']}" if rec.get("number") else ""),
        subject=vocab.label("commitment_kind", rec.get("kind"), ctx.lang),
        province=rec["province_code"],
    )
    sink.data(1, 1)
    width = frame_width(meta)

    story: list[Flowable] = [
        Spacer(1, 2 * mm),
        Paragraph(escape(tr("PERNYATAAN KOMITMEN", "STATEMENT OF COMMITMENT")), s.title),
    ]
    heading = _heading(rec.get("kind"), province, tr)
    if heading:
        story.append(Paragraph(escape(heading.upper() if not tr.en else heading), s.subtitle))
    if rec.get("number"):
        story.append(Paragraph(escape(tr("Nomor: ", "Number: ") + str(rec["number"])), s.subtitle))
    story += [Spacer(1, 4 * mm), Paragraph(escape(_opening(rec, place, tr)), s.justify)]
    story += long_text(s, rec.get("text"), tr)
    story.append(
        Paragraph(
            escape(
                tr(
                    "Demikian pernyataan komitmen ini kami buat dengan sebenar-benarnya untuk "
                    "dilaksanakan dengan penuh tanggung jawab.",
                    "We make this statement in good faith and will carry it out with full "
                    "responsibility.",
                )
            ),
            s.justify,
        )
    )
    signers = [
        Signer(
            position=str(sig["position"]),
            name=str(sig["name"]),
            institution=str(sig["institution"]),
            nip=sig.get("nip"),
            rank=sig.get("rank"),
        )
        for sig in rec["signatories"]
    ]
    place_line = idformat.place_date_line(place, rec["signed_on"], ctx.lang)
    columns = 3 if len(signers) > 4 else 2
    rows = signature_rows(s, signers, width, ctx.lang, columns)
    # The place+date line stays on the same page as the first row of signatures.
    story.append(
        KeepTogether([Spacer(1, 5 * mm), Paragraph(escape(place_line), s.center), *rows[:1]])
    )
    story += rows[1:]
    if not signers:
        story.append(
            Paragraph(escape(tr("(belum ada penandatangan)", "(no signatories yet)")), s.small)
        )
    return build_pdf(story, out, meta, sink)
