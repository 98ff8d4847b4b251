"""A cover letter for any report, alone or followed by the report in one PDF."""

from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path
from typing import Any

from pypdf import PdfWriter

from jipp_desktop.core import idformat
from jipp_desktop.core import models as m
from jipp_desktop.reports.catalog import KINDS, ReportRequest, generate
from jipp_desktop.reports.context import ReportContext
from jipp_desktop.reports.cover_letter import Letter, build_cover_letter
from jipp_desktop.reports.document import Progress
from jipp_desktop.reports.output import atomic_output
from jipp_desktop.reports.params import describe_period, make_period
from jipp_desktop.reports.text import Tr


def report_title(ctx: ReportContext, request: ReportRequest) -> str:
    """How the letter names the attached report, e.g. "Ringkasan Simpul Inovasi Provinsi
    Nusa Tenggara Timur periode 1 Januari – 31 Desember 2023"."""
    tr = Tr(ctx.lang)
    label = KINDS[request.kind].label[1 if tr.en else 0]
    kind = request.kind
    if kind in ("innovation", "visit", "commitment"):
        rec = ctx.records.get(kind, request.record_id)
        if kind == "innovation":
            return f"{label} “{rec['title']}”"
        if kind == "commitment":
            number = f" {tr('Nomor', 'No.')} {rec['number']}" if rec.get("number") else ""
            return f"{label}{number}"
        period = idformat.format_period(rec["start_date"], rec.get("end_date"), ctx.lang)
        return f"{label} {tr('tanggal', 'of')} {period}"
    if kind == "hub":
        text = f"{label} " + tr("Provinsi ", "for ") + ctx.regions.name(request.province)
        period = make_period(request.date_from, request.date_to)
        if period.start or period.end:
            text += tr(" periode ", ", period ") + describe_period(period, ctx.lang)
        return text
    if kind == "national":
        return label + (tr(f" Tahun {request.year}", f" {request.year}") if request.year else "")
    if request.province:
        return f"{label} " + tr("Provinsi ", "for ") + ctx.regions.name(request.province)
    return label


def generate_cover_letter(
    workspace: Any,
    request: ReportRequest,
    letter: Letter,
    out: Path | str,
    *,
    with_report: bool = False,
    lang: str | None = None,
    progress: Progress | None = None,
) -> int:
    """Write the letter for ``request`` (followed by the report itself when
    ``with_report``) to ``out`` atomically; returns the page count."""
    with m.database.atomic():
        ctx = ReportContext.from_workspace(
            workspace, lang, paper=request.paper, credit=request.credit
        )
        letter = dataclasses.replace(letter, report_title=report_title(ctx, request))
        if not with_report:
            return build_cover_letter(ctx, letter, out, progress)
        with tempfile.TemporaryDirectory(prefix="jipp-letter-") as scratch:
            report = Path(scratch) / "report.pdf"
            pages = generate(workspace, request, report, lang=ctx.lang, progress=progress)
            first = Path(scratch) / "letter.pdf"
            letter_pages = build_cover_letter(
                ctx, dataclasses.replace(letter, report_pages=pages), first
            )
            with atomic_output(out) as temp:
                writer = PdfWriter()
                writer.append(str(first))
                writer.append(str(report))
                writer.write(str(temp))
    return letter_pages + pages
