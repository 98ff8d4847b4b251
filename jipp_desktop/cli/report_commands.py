"""Commands that print and move data in bulk: report, export, import (docs/cli-reports.md)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from jipp_desktop.cli import exit_codes
from jipp_desktop.cli.main import Context
from jipp_desktop.core.query import ListQuery
from jipp_desktop.core.registry import RECORD_TYPES
from jipp_desktop.reports.catalog import KINDS, ReportRequest, generate
from jipp_desktop.reports.cover import generate_cover_letter
from jipp_desktop.reports.cover_letter import Letter
from jipp_desktop.reports.innovation_import import import_innovations, write_template
from jipp_desktop.reports.register import check_province
from jipp_desktop.reports.tabular import SIGNATORIES, export_rows


def register(sub: argparse._SubParsersAction[Any]) -> None:
    report = sub.add_parser("report", help="write a PDF report")
    kinds = report.add_subparsers(dest="kind", required=True)
    for kind, text in (
        ("innovation", "innovation profile"),
        ("visit", "mentoring visit report (laporan pendampingan)"),
        ("commitment", "commitment statement for signing (pernyataan komitmen)"),
    ):
        p = kinds.add_parser(kind, help=text)
        p.add_argument("id")
        if kind == "visit":
            p.add_argument("--number", default=None, help="the report's Nomor")
        _out(p)
    hub = kinds.add_parser("hub", help="hub summary for a province and period")
    hub.add_argument("province", help="province code, e.g. 53")
    hub.add_argument("--from", dest="date_from", default=None, help="YYYY-MM-DD")
    hub.add_argument("--to", dest="date_to", default=None, help="YYYY-MM-DD")
    _out(hub)
    nat = kinds.add_parser("national", help="national recap by province and hub")
    nat.add_argument("--year", type=int, default=None)
    _out(nat)
    reg = kinds.add_parser("register", help="innovation register (a filtered list)")
    reg.add_argument("--province", default=None, help="province code, e.g. 53")
    reg.add_argument("--search", default=None)
    _out(reg)
    _cover_letter(kinds)
    report.set_defaults(handler=report_cmd)

    export = sub.add_parser("export", help="write a list of records to XLSX or CSV")
    export.add_argument(
        "type",
        choices=(*RECORD_TYPES, SIGNATORIES),
        help="a record type, or 'signatory' for every commitment's signatories",
    )
    export.add_argument("--out", type=Path, required=True, help="FILE.xlsx or FILE.csv")
    export.add_argument("--search", default=None)
    export.add_argument("--province", default=None, help="province code, e.g. 53")
    export.add_argument(
        "--delimiter",
        choices=(";", ",", "tab"),
        default=None,
        help="CSV cell separator (default ';' in Indonesian, ',' in English)",
    )
    export.set_defaults(handler=export_cmd)

    imp = sub.add_parser("import", help="import innovations from the XLSX/CSV template")
    what = imp.add_subparsers(dest="what", required=True)
    inn = what.add_parser("innovations", help="check and import an innovations file")
    inn.add_argument("file", type=Path)
    inn.add_argument("--dry-run", action="store_true", help="check every row, import nothing")
    inn.add_argument(
        "--valid-only", action="store_true", help="import the valid rows and skip the bad ones"
    )
    inn.set_defaults(handler=import_cmd)
    tpl = what.add_parser("template", help="write the empty innovations template")
    tpl.add_argument("--out", type=Path, required=True, help="FILE.xlsx or FILE.csv")
    tpl.set_defaults(handler=template_cmd)


def _cover_letter(kinds: argparse._SubParsersAction[Any]) -> None:
    letter = kinds.add_parser("cover-letter", help="cover letter (surat pengantar) for a report")
    letter.add_argument("--for", dest="for_kind", required=True, choices=tuple(KINDS))
    letter.add_argument("--id", default="", help="the record of a single-record report")
    letter.add_argument("--province", default=None, help="province code, e.g. 53")
    letter.add_argument("--from", dest="date_from", default=None, help="YYYY-MM-DD")
    letter.add_argument("--to", dest="date_to", default=None, help="YYYY-MM-DD")
    letter.add_argument("--year", type=int, default=None)
    letter.add_argument("--search", default=None)
    letter.add_argument("--number", default="", help="Nomor of the letter")
    letter.add_argument("--nature", default="", help="Sifat (default Biasa)")
    letter.add_argument("--subject", default="", help="Perihal (default: Penyampaian …)")
    letter.add_argument("--addressee", default="", help="after Yth.")
    letter.add_argument("--addressee-place", default="", help='"di …" under the addressee')
    letter.add_argument("--place", default="", help="place before the date")
    letter.add_argument(
        "--with-report", action="store_true", help="the report follows the letter in one PDF"
    )
    _out(letter)


def _out(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, required=True, help="the PDF file to write")
    parser.add_argument(
        "--paper", choices=("a4", "f4"), default=None, help="paper size (default: settings)"
    )
    parser.add_argument(
        "--no-credit",
        dest="credit",
        action="store_false",
        default=None,
        help="leave the app's name out of the footer (documents to sign)",
    )


def _lang(args: argparse.Namespace, ws: Any) -> str:
    """--lang wins; otherwise the language chosen in the app's settings."""
    chosen = args.lang or ws.settings.get("language") or "id"
    return "en" if chosen == "en" else "id"


def report_cmd(args: argparse.Namespace, ctx: Context) -> int:
    request = ReportRequest(
        kind=getattr(args, "for_kind", None) or args.kind,
        record_id=getattr(args, "id", ""),
        province=getattr(args, "province", None) or "",
        date_from=getattr(args, "date_from", None),
        date_to=getattr(args, "date_to", None),
        year=getattr(args, "year", None),
        search=getattr(args, "search", None),
        paper=args.paper,
        credit=args.credit,
        number=getattr(args, "number", None) if args.kind == "visit" else None,
    )
    with ctx.workspace(readonly=True) as ws:
        lang = _lang(args, ws)
        if args.kind == "cover-letter":
            pages = generate_cover_letter(
                ws, request, _letter(args), args.out, with_report=args.with_report, lang=lang
            )
        else:
            pages = generate(ws, request, args.out, lang=lang)
    _say(
        ctx,
        lang,
        f"Laporan ditulis ke {args.out} ({pages} halaman).",
        f"Report written to {args.out} ({pages} page{'s' if pages != 1 else ''}).",
    )
    return exit_codes.OK


def _letter(args: argparse.Namespace) -> Letter:
    return Letter(
        report_title="",
        number=args.number,
        nature=args.nature,
        subject=args.subject,
        addressee=args.addressee,
        addressee_place=args.addressee_place,
        place=args.place,
    )


def export_cmd(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.workspace(readonly=True) as ws:
        lang = _lang(args, ws)
        filters = {}
        if args.province:
            check_province_ws(ws, args.province, lang)
            filters["province_code"] = args.province
        query = ListQuery(search=args.search, filters=filters)
        count = export_rows(ws, args.type, query, args.out, lang=lang, delimiter=args.delimiter)
    _say(
        ctx, lang, f"{count} baris diekspor ke {args.out}.", f"{count} rows exported to {args.out}."
    )
    return exit_codes.OK


def check_province_ws(ws: Any, code: str, lang: str) -> None:
    from jipp_desktop.reports.context import ReportContext

    check_province(ReportContext.from_workspace(ws, lang), code)


def import_cmd(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.workspace() as ws:
        lang = _lang(args, ws)
        result = import_innovations(ws, args.file, dry_run=args.dry_run, valid_only=args.valid_only)
    for problem in result.problems:
        ctx.stderr.write(problem.message(lang) + "\n")

    def tr(text_id: str, text_en: str) -> str:
        return text_en if lang == "en" else text_id

    bad = len(result.bad_lines)
    if result.imported or result.updated or (not bad and not args.dry_run):
        _say(
            ctx,
            lang,
            f"{result.imported} inovasi baru diimpor, {result.updated} diperbarui; "
            f"{bad} baris dilewati.",
            f"{result.imported} new innovations imported, {result.updated} updated; "
            f"{bad} rows skipped.",
        )
    elif args.dry_run:
        ctx.stdout.write(
            tr(
                f"Pemeriksaan selesai: {result.valid} baris valid, {bad} baris bermasalah. "
                "Tidak ada yang diimpor.\n",
                f"Check finished: {result.valid} valid rows, {bad} rows with problems. "
                "Nothing was imported.\n",
            )
        )
    else:
        ctx.stdout.write(
            tr(
                f"Tidak ada yang diimpor: {bad} baris bermasalah. Perbaiki berkasnya, atau pakai "
                "--valid-only untuk mengimpor baris yang valid saja.\n",
                f"Nothing was imported: {bad} rows have problems. Fix the file, or use "
                "--valid-only to import the valid rows only.\n",
            )
        )
    if bad and not (result.imported or result.updated):
        return exit_codes.INVALID_DATA
    return exit_codes.OK


def template_cmd(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.workspace(readonly=True) as ws:
        lang = _lang(args, ws)
        write_template(ws, args.out, lang=lang)
    _say(ctx, lang, f"Templat ditulis ke {args.out}.", f"Template written to {args.out}.")
    return exit_codes.OK


def _say(ctx: Context, lang: str, text_id: str, text_en: str) -> None:
    ctx.stdout.write((text_en if lang == "en" else text_id) + "\n")
