"""Entry point: ``jipp-desktop [--data-dir DIR] [--lang id|en] [COMMAND ...]``.

Without a command the GUI opens.  Each command group lives in its own module
that exposes ``register(subparsers)``; the handler it sets receives the parsed
arguments and a ``Context`` and returns an exit status.
"""

from __future__ import annotations

import argparse
import importlib
import itertools
import json
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from jipp_desktop import __version__
from jipp_desktop.cli import exit_codes
from jipp_desktop.core import faults, storage
from jipp_desktop.core.errors import (
    DatabaseDamaged,
    DatabaseMissing,
    DataFolderInUse,
    JippError,
    RecordNotFound,
    SchemaTooNew,
    UnknownRecordType,
    ValidationError,
)
from jipp_desktop.core.folder import ENV_DATABASE, SETTING_FILE, resolve_data_dir
from jipp_desktop.core.logs import close_logging, log, setup_logging

# The window's start (no command) shows its first frame before the core's models, the
# database engines and the workspace load; the commands import them when they run.
if TYPE_CHECKING:
    from jipp_desktop.core.clockfix import ClockRepair
    from jipp_desktop.core.workspace import Workspace

ENV_PASSPHRASE = "JIPP_PASSPHRASE"

# Command groups; each module has register(subparsers).
COMMAND_MODULES = (
    "jipp_desktop.cli.record_commands",
    "jipp_desktop.cli.report_commands",
    "jipp_desktop.cli.sync_commands",
    "jipp_desktop.cli.privacy_commands",
    "jipp_desktop.cli.settings_commands",
    "jipp_desktop.cli.category_commands",
)


class UsageError(JippError):
    def __init__(self, message_id: str, message_en: str) -> None:
        super().__init__()
        self.message_id = message_id
        self.message_en = message_en


class InvalidInput(UsageError):
    """Input that was read but is not acceptable data (exit status 3)."""

    exit_status = exit_codes.INVALID_DATA


@dataclass
class Context:
    """What a command handler gets besides its arguments."""

    data_dir: Path
    lang: str
    stdout: TextIO
    stderr: TextIO
    stdin: TextIO
    # The data folder's passphrase (--passphrase-file or $JIPP_PASSPHRASE), if given.
    passphrase: str | None = None

    @contextmanager
    def workspace(self, *, readonly: bool = False) -> Iterator[Workspace]:
        """``readonly`` for commands that only read: they never wait for the writer."""
        from jipp_desktop.core.workspace import open_workspace

        ws = open_workspace(self.data_dir, readonly=readonly, passphrase=self.passphrase)
        for notice in ws.notices:
            self.stderr.write(notice.message(self.lang) + "\n")
        try:
            self.tell_clock(ws.clock_repair)
            yield ws
        finally:
            ws.close()

    def tell_clock(self, repair: ClockRepair | None) -> None:
        """What the clock check found goes to stderr: stdout stays the command's output."""
        if repair is not None:
            self.stderr.write(repair.message(self.lang) + "\n")

    def print_json(self, value: Any) -> None:
        json.dump(value, self.stdout, ensure_ascii=False, indent=2, sort_keys=False)
        self.stdout.write("\n")

    def say(self, message_id: str, message_en: str) -> None:
        self.stdout.write((message_id if self.lang == "id" else message_en) + "\n")


Handler = Callable[[argparse.Namespace, Context], int]


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so usage errors get our exit status."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise UsageError(f"Perintah tidak valid: {message}", f"Invalid command: {message}")


def window_only(argv: Sequence[str]) -> bool:
    """True when ``argv`` holds global options only, so the window opens: the command
    modules (and reportlab and openpyxl behind them, about a second) need not load."""
    rest = list(argv)
    while rest:
        arg = rest.pop(0)
        if arg in ("--data-dir", "--lang", "--database") and rest:
            rest.pop(0)
        elif not arg.startswith(("--data-dir=", "--lang=", "--database=")):
            return False
    return True


def build_parser(commands: bool = True) -> argparse.ArgumentParser:
    parser = _Parser(
        prog="jipp-desktop", description="JIPP Desktop: offline records for innovation hubs."
    )
    parser.add_argument("--version", action="version", version=f"jipp-desktop {__version__}")
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help="data folder (default: $JIPP_DATA_DIR or the per-user folder)",
    )
    parser.add_argument(
        "--database",
        default=None,
        metavar="URL",
        help=f"PostgreSQL database postgresql://USER@HOST:PORT/DB (default: "
        f"${ENV_DATABASE}, else DIR/{SETTING_FILE}, else the folder's SQLite file)",
    )
    parser.add_argument(
        "--lang",
        choices=("id", "en"),
        default=None,
        help="language of messages and of the app (default: settings, else id)",
    )
    parser.add_argument(
        "--passphrase-file",
        type=Path,
        default=None,
        dest="folder_passphrase_file",
        help=f"passphrase of an encrypted data folder (default: ${ENV_PASSPHRASE})",
    )
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    for name in COMMAND_MODULES if commands else ():
        importlib.import_module(name).register(sub)
    return parser


def run(
    argv: Sequence[str],
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Run one command; returns its exit status (never raises for user errors)."""
    stdin, stdout, stderr = stdin or sys.stdin, stdout or sys.stdout, stderr or sys.stderr
    lang = "en" if "--lang=en" in argv or _follows(argv, "--lang", "en") else "id"
    storage.keep_private()
    try:
        args = build_parser(commands=not window_only(argv)).parse_args(list(argv))
        lang = args.lang or lang
        if args.command is None:
            from jipp_desktop.gui.app import run_gui

            return run_gui(resolve_data_dir(args.data_dir), args.lang, database=args.database)
        from jipp_desktop.core import engine

        engine.choose(args.database)
        ctx = Context(resolve_data_dir(args.data_dir), lang, stdout, stderr, stdin)
        ctx.passphrase = _folder_passphrase(args.folder_passphrase_file)
        handler: Handler = args.handler
        return handler(args, ctx)
    except BrokenPipeError:
        # The reader of our output went away (``| head``): stop quietly, as Unix tools do.
        return exit_codes.PIPE_CLOSED
    except JippError as exc:
        stderr.write(exc.message(lang) + "\n")
        return _status_of(exc)
    except Exception as exc:
        named = faults.translate(exc, resolve_data_dir(_value_of(argv, "--data-dir")))
        if named is None:
            return _unexpected(exc, argv, lang, stderr)
        stderr.write(named.message(lang) + "\n")
        return _status_of(named)
    finally:
        # The option was this command's; run() may be called again.
        if "jipp_desktop.core.engine" in sys.modules:
            sys.modules["jipp_desktop.core.engine"].choose(None)


def _unexpected(exc: Exception, argv: Sequence[str], lang: str, stderr: TextIO) -> int:
    data_dir = resolve_data_dir(_value_of(argv, "--data-dir"))
    try:
        path = setup_logging(data_dir)
        log.exception("command %s failed", " ".join(command_words(argv)))
        close_logging()
        where_id, where_en = f" Rincian dicatat di {path}.", f" Details are in {path}."
    except OSError:
        where_id = where_en = ""
    if lang == "id":
        stderr.write(f"Terjadi kesalahan tak terduga: {exc}.{where_id}\n")
    else:
        stderr.write(f"An unexpected error occurred: {exc}.{where_en}\n")
    return exit_codes.FAILURE


# Global options that take a value (their values are paths or a language, never logged).
_GLOBAL_VALUES = ("--data-dir", "--lang", "--passphrase-file")


def command_words(argv: Sequence[str]) -> list[str]:
    """What the log may say about a command: its words and option names, no values.

    Arguments are search words, names, file paths: personal data the log must not hold.
    """
    words, i = [], 0
    while i < len(argv) and argv[i].startswith("-"):
        words.append(argv[i].split("=")[0])
        i += 2 if argv[i] in _GLOBAL_VALUES else 1
    while i < len(argv) and not argv[i].startswith("-"):
        words.append(argv[i] if re.fullmatch(r"[a-z][a-z-]{0,23}", argv[i]) else "…")
        i += 1
    words += [a.split("=")[0] for a in argv[i:] if a.startswith("--")]
    return words


def read_passphrase_file(path: Path) -> str:
    """The passphrase in ``path``: its text less the line break an editor adds.

    Spaces may be part of a passphrase, so nothing else is stripped.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or "not UTF-8 text"
        raise UsageError(
            f"Berkas frasa sandi {path} tidak dapat dibaca: {reason}.",
            f"Cannot read the passphrase file {path}: {reason}.",
        ) from None
    return text.rstrip("\r\n")


def _folder_passphrase(path: Path | None) -> str | None:
    if path is not None:
        return read_passphrase_file(path)
    return os.environ.get(ENV_PASSPHRASE) or None


def _value_of(argv: Sequence[str], flag: str) -> str | None:
    for a, b in itertools.pairwise(argv):
        if a == flag:
            return b
    prefix = flag + "="
    return next((a[len(prefix) :] for a in argv if a.startswith(prefix)), None)


def _follows(argv: Sequence[str], flag: str, value: str) -> bool:
    return any(a == flag and b == value for a, b in itertools.pairwise(argv))


def _status_of(exc: JippError) -> int:
    explicit = getattr(exc, "exit_status", None)
    if isinstance(explicit, int):
        return explicit
    if isinstance(exc, UsageError | UnknownRecordType):
        return exit_codes.USAGE
    if isinstance(exc, ValidationError | RecordNotFound):
        return exit_codes.INVALID_DATA
    if isinstance(exc, DataFolderInUse):
        return exit_codes.FOLDER_IN_USE
    if isinstance(exc, DatabaseDamaged | DatabaseMissing | SchemaTooNew):
        return exit_codes.DAMAGED_FILE
    if isinstance(exc, faults.StorageFault):
        return exit_codes.STORAGE
    from jipp_desktop.core.staleness import StaleEdit

    if isinstance(exc, StaleEdit):
        return exit_codes.STALE
    return exit_codes.FAILURE


def main() -> None:
    status = run(sys.argv[1:])
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        status = exit_codes.PIPE_CLOSED
    if status == exit_codes.PIPE_CLOSED:
        # Python flushes stdout again at exit; point it at devnull so that flush cannot fail.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    sys.exit(status)
