"""Report errors the officer can act on; all are core JippErrors with both languages."""

from __future__ import annotations

from pathlib import Path

from jipp_desktop.core.errors import FieldError, JippError, ValidationError
from jipp_desktop.core.services import Cancelled


class OutputNotWritable(JippError):
    """The PDF/XLSX/CSV cannot be written where the officer asked."""

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__()
        self.path = path
        self.message_id = f"Berkas {path} tidak dapat ditulis ({detail}). Pilih folder lain."
        self.message_en = f"Cannot write the file {path} ({detail}). Choose another folder."


class ReportCancelled(JippError, Cancelled):
    """The officer pressed Cancel; no file was left behind.

    It is also the core's ``Cancelled`` so the GUI task runner treats it as a cancel.
    """

    def __init__(self) -> None:
        super().__init__()
        self.message_id = "Pembuatan laporan dibatalkan."
        self.message_en = "Report generation was cancelled."


def invalid(field: str, code: str, message_id: str, message_en: str) -> ValidationError:
    """A one-field ValidationError (exit status 3 on the command line)."""
    return ValidationError([FieldError(field, code, message_id, message_en)])
