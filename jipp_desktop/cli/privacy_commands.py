"""Commands for protecting data: a generated passphrase, and encryption at rest."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from jipp_desktop.cli import exit_codes
from jipp_desktop.cli.main import Context, UsageError, read_passphrase_file
from jipp_desktop.core import encryption, engine
from jipp_desktop.core import passphrase as passphrase_rules
from jipp_desktop.core.workspace import DB_NAME


def register(sub: argparse._SubParsersAction[Any]) -> None:
    gen = sub.add_parser("passphrase", help="print a new passphrase of common Indonesian words")
    gen.add_argument("--words", type=int, default=passphrase_rules.DEFAULT_WORDS)
    gen.set_defaults(handler=passphrase_new)
    enc = sub.add_parser("encrypt", help="encrypt the data folder (SQLCipher) in place")
    enc.add_argument("--new-passphrase-file", type=Path, required=True)
    enc.set_defaults(handler=encrypt_cmd)
    dec = sub.add_parser("decrypt", help="turn an encrypted data folder back into plain SQLite")
    dec.set_defaults(handler=decrypt_cmd)
    change = sub.add_parser("change-passphrase", help="re-encrypt the data folder")
    change.add_argument("--new-passphrase-file", type=Path, required=True)
    change.set_defaults(handler=change_cmd)


def passphrase_new(args: argparse.Namespace, ctx: Context) -> int:
    if not 4 <= args.words <= 12:
        raise UsageError("--words harus antara 4 dan 12.", "--words must be between 4 and 12.")
    ctx.stdout.write(passphrase_rules.generate(args.words) + "\n")
    return exit_codes.OK


def _new_passphrase(path: Path) -> str:
    return passphrase_rules.check(read_passphrase_file(path), str(path))


def _prepared(ctx: Context) -> None:
    """Open and close the folder once: it is migrated, checked and its key is right."""
    engine.refuse_on_postgresql(ctx.data_dir, "encrypt")
    with ctx.workspace():
        pass


def _report(ctx: Context, done: encryption.Converted, what_id: str, what_en: str) -> int:
    ctx.say(
        f"{what_id}: {len(done.files)} berkas basis data dikonversi, "
        f"{len(done.skipped)} sudah dalam bentuk itu; {len(done.sealed)} lampiran dan "
        "laporan impor dikonversi.",
        f"{what_en}: {len(done.files)} database files converted, "
        f"{len(done.skipped)} already in that form; {len(done.sealed)} attachments and "
        "import reports converted.",
    )
    return exit_codes.OK


def encrypt_cmd(args: argparse.Namespace, ctx: Context) -> int:
    new = _new_passphrase(args.new_passphrase_file)
    _prepared(ctx)
    done = encryption.convert(ctx.data_dir, DB_NAME, ctx.passphrase, new)
    return _report(ctx, done, "Folder data terenkripsi", "The data folder is encrypted")


def decrypt_cmd(args: argparse.Namespace, ctx: Context) -> int:
    _prepared(ctx)
    done = encryption.convert(ctx.data_dir, DB_NAME, ctx.passphrase, None)
    return _report(
        ctx, done, "Enkripsi folder data dilepas", "The data folder is no longer encrypted"
    )


def change_cmd(args: argparse.Namespace, ctx: Context) -> int:
    new = _new_passphrase(args.new_passphrase_file)
    _prepared(ctx)
    done = encryption.convert(ctx.data_dir, DB_NAME, ctx.passphrase, new)
    return _report(
        ctx, done, "Frasa sandi folder data diganti", "The data folder's passphrase was changed"
    )
