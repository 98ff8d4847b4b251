"""``category list`` and ``category add``: the KIPP categories per year (docs/cli.md).

The ministry adds a year's categories here; every package it writes afterwards carries
them (docs/sync-format.md, "Categories"), and every laptop relays them on.
"""

from __future__ import annotations

import argparse
from typing import Any

from jipp_desktop.cli import exit_codes
from jipp_desktop.cli.main import Context


def register(sub: argparse._SubParsersAction[Any]) -> None:
    parser = sub.add_parser("category", help="list or add KIPP categories")
    actions = parser.add_subparsers(dest="action", required=True)
    listing = actions.add_parser("list", help="the categories, per year")
    listing.add_argument("--year", type=int, help="only the list that applies to this year")
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=list_cmd)
    add = actions.add_parser("add", help="add a category (or correct its labels)")
    add.add_argument("year", type=int)
    add.add_argument("code", help="year-word, e.g. 2026-tourism")
    add.add_argument("label_id", help="the Indonesian label")
    add.add_argument("label_en", help="the English label")
    add.set_defaults(handler=add_cmd)


def list_cmd(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.workspace(readonly=True) as ws:
        known = ws.categories
        chosen = (
            known.for_year(args.year) if args.year is not None else list(known.by_code.values())
        )
    if args.json:
        ctx.print_json(
            [
                {"year": c.year, "code": c.code, "label_id": c.label_id, "label_en": c.label_en}
                for c in chosen
            ]
        )
        return exit_codes.OK
    for cat in chosen:
        ctx.stdout.write(f"{cat.year}  {cat.code:<32}  {cat.label(ctx.lang)}\n")
    return exit_codes.OK


def add_cmd(args: argparse.Namespace, ctx: Context) -> int:
    label_id, label_en = args.label_id.strip(), args.label_en.strip()
    with ctx.workspace() as ws:
        ws.add_category(args.year, args.code, label_id, label_en)
    ctx.say(
        f"Kategori {args.code} ({args.year}): {label_id}",
        f"Category {args.code} ({args.year}): {label_en}",
    )
    return exit_codes.OK
