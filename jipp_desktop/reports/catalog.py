"""Every report by name, with one entry point the command line and the GUI share."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jipp_desktop.core import models as m
from jipp_desktop.core.concurrency import is_postgresql, read_snapshot
from jipp_desktop.core.query import ListQuery
from jipp_desktop.reports.commitment import build_commitment
from jipp_desktop.reports.context import ReportContext
from jipp_desktop.reports.document import Progress
from jipp_desktop.reports.hub import build_hub
from jipp_desktop.reports.innovation import build_innovation
from jipp_desktop.reports.national import build_national
from jipp_desktop.reports.register import build_register
from jipp_desktop.reports.visit import build_visit


@dataclass(frozen=True)
class ReportKind:
    name: str
    label: tuple[str, str]
    record_type: str | None  # the record a single-record report is about


KINDS: dict[str, ReportKind] = {
    k.name: k
    for k in (
        ReportKind("innovation", ("Profil Inovasi", "Innovation profile"), "innovation"),
        ReportKind("visit", ("Laporan Pendampingan", "Mentoring visit report"), "visit"),
        ReportKind("commitment", ("Pernyataan Komitmen", "Commitment statement"), "commitment"),
        ReportKind("hub", ("Ringkasan Simpul Inovasi", "Hub summary"), None),
        ReportKind("national", ("Rekapitulasi Nasional", "National recap"), None),
        ReportKind("register", ("Register Inovasi", "Innovation register"), None),
    )
}


@dataclass
class ReportRequest:
    """What to print; only the fields of the chosen kind are read."""

    kind: str
    record_id: str = ""
    province: str = ""
    date_from: str | None = None
    date_to: str | None = None
    year: int | None = None
    search: str | None = None
    filters: dict[str, Any] | None = None
    paper: str | None = None  # "a4" or "f4"; None takes the settings' paper
    credit: bool | None = None  # the app's name in the footer; None takes the settings
    number: str | None = None  # the visit report's Nomor (the visit record has none)


def generate(
    workspace: Any,
    request: ReportRequest,
    out: Path | str,
    *,
    lang: str | None = None,
    progress: Progress | None = None,
) -> int:
    """Write the requested report to ``out`` atomically; returns its page count.

    ``lang`` overrides the settings' language.  Raises RecordNotFound or
    ValidationError for bad input and OutputNotWritable for a bad target.
    """
    # One read transaction: the digest in the footer and the rows in the body come from the
    # same snapshot of the database even if another window or workstation writes
    # meanwhile (on PostgreSQL an ordinary transaction reads each statement's own moment).
    with read_snapshot() if is_postgresql() else m.database.atomic():
        ctx = ReportContext.from_workspace(
            workspace, lang, paper=request.paper, credit=request.credit
        )
        return _generate(ctx, request, out, progress)


def _generate(
    ctx: ReportContext, request: ReportRequest, out: Path | str, progress: Progress | None
) -> int:
    kind = request.kind
    if kind == "innovation":
        return build_innovation(ctx, request.record_id, out, progress)
    if kind == "visit":
        return build_visit(ctx, request.record_id, out, progress, number=request.number)
    if kind == "commitment":
        return build_commitment(ctx, request.record_id, out, progress)
    if kind == "hub":
        return build_hub(ctx, request.province, out, request.date_from, request.date_to, progress)
    if kind == "national":
        return build_national(ctx, out, request.year, progress)
    if kind == "register":
        filters = dict(request.filters or {})
        if request.province:
            filters["province_code"] = request.province
        query = ListQuery(search=request.search or None, filters=filters)
        return build_register(ctx, query, out, progress)
    raise ValueError(f"unknown report kind {kind!r}")
