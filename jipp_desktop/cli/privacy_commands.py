"""Commands for protecting data: generate a passphrase."""

from __future__ import annotations

import argparse
from typing import Any

from jipp_desktop.cli import exit_codes
from jipp_desktop.cli.main import Context, UsageError
from jipp_desktop.core import passphrase as passphrase_rules


def register(sub: argparse._SubParsersAction[Any]) -> None:
    gen = sub.add_parser("passphrase", help="print a new passphrase of common Indonesian words")
    gen.add_argument("--words", type=int, default=passphrase_rules.DEFAULT_WORDS)
    gen.set_defaults(handler=passphrase_new)


def passphrase_new(args: argparse.Namespace, ctx: Context) -> int:
    if not 4 <= args.words <= 12:
        raise UsageError("--words harus antara 4 dan 12.", "--words must be between 4 and 12.")
    ctx.stdout.write(passphrase_rules.generate(args.words) + "\n")
    return exit_codes.OK
