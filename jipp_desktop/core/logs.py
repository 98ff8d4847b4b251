"""The log file in the data folder: where tracebacks go instead of the officer's screen.

The log holds no personal data: it stays unencrypted in an encrypted folder and is what
an officer sends to support.  Callers log what happened, not the records' values (the
command line logs its command words, not their arguments; a refused form logs the
names of the fields, not what was typed), and every line is scrubbed on its way to the
file: long digit runs (NIP, NIK, phone numbers) and e-mail addresses become ``[…]``.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from logging.handlers import RotatingFileHandler

log = logging.getLogger("jipp_desktop")

LOG_NAME = "jipp.log"
_handler: RotatingFileHandler | None = None
# Ten digits or more, maybe with spaces, dots, dashes or brackets between them (a NIP
# has 18, a NIK 16, an Indonesian phone number 10 to 13), or an e-mail address.
PERSONAL = re.compile(r"\+?\d(?:[ ().-]?\d){9,}|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
REDACTED = "[…]"


def scrub(text: str) -> str:
    return PERSONAL.sub(REDACTED, text)


class _Scrubbing(logging.Formatter):
    """Scrubs the message and the traceback (not the time stamp, itself digits)."""

    def formatMessage(self, record: logging.LogRecord) -> str:
        record.message = scrub(record.message)
        return super().formatMessage(record)

    def formatException(self, ei: object) -> str:
        return scrub(super().formatException(ei))  # type: ignore[arg-type]

    def formatStack(self, stack_info: str) -> str:
        return scrub(super().formatStack(stack_info))


def log_path(data_dir: Path) -> Path:
    return data_dir / "logs" / LOG_NAME


def setup_logging(data_dir: Path) -> Path:
    """Log to ``data_dir/logs/jipp.log``: 1 MB per file, five old files kept."""
    global _handler
    path = log_path(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    close_logging()
    # Imported here: logging.handlers loads socket, ~10 ms before the window's frame.
    from logging.handlers import RotatingFileHandler

    _handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    _handler.setFormatter(_Scrubbing("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(_handler)
    log.setLevel(logging.INFO)
    return path


def close_logging() -> None:
    global _handler
    if _handler is not None:
        log.removeHandler(_handler)
        _handler.close()
        _handler = None
