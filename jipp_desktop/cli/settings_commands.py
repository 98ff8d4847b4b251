"""``settings show`` and ``settings set KEY VALUE``: the kop, officer, approval block and
paper of the reports, set without the app (docs/cli-reports.md)."""

from __future__ import annotations

import argparse
from typing import Any

from jipp_desktop.cli import exit_codes
from jipp_desktop.cli.main import Context
from jipp_desktop.core.settings import EDITABLE


def register(sub: argparse._SubParsersAction[Any]) -> None:
    settings = sub.add_parser("settings", help="show or change the report settings")
    actions = settings.add_subparsers(dest="action", required=True)
    show = actions.add_parser("show", help="list the settings a person may change")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=show_cmd)
    change = actions.add_parser("set", help="change one setting (checked first)")
    change.add_argument("key", help=", ".join(EDITABLE))
    change.add_argument("value")
    change.set_defaults(handler=set_cmd)


def show_cmd(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.workspace() as ws:
        stored = ws.settings.all()
    values = {key: stored[key] for key in EDITABLE}
    if args.json:
        ctx.print_json(values)
        return exit_codes.OK
    width = max(len(key) for key in values)
    for key, value in values.items():
        label = EDITABLE[key][0 if ctx.lang == "id" else 1]
        ctx.stdout.write(f"{key:<{width}}  {value}\n")
        ctx.stdout.write(f"{'':<{width}}  ({label})\n")
    return exit_codes.OK


def set_cmd(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.workspace() as ws:
        value = ws.settings.set_checked(args.key, args.value, ws.regions.provinces)
    ctx.say(f"{args.key} = {value}", f"{args.key} = {value}")
    return exit_codes.OK
