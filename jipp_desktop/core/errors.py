"""Errors the core raises, each with a message in Indonesian and English."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class JippError(Exception):
    """Base class: ``message(lang)`` is what the officer reads."""

    message_id: str = "Terjadi kesalahan."
    message_en: str = "Something went wrong."

    def message(self, lang: str = "id") -> str:
        return self.message_id if lang == "id" else self.message_en

    def __str__(self) -> str:
        return self.message_en


@dataclass(frozen=True)
class FieldError:
    """One problem with one field; ``field`` is a path such as ``signatories[2].nip``."""

    field: str
    code: str
    message_id: str
    message_en: str

    def message(self, lang: str = "id") -> str:
        return self.message_id if lang == "id" else self.message_en


class ValidationError(JippError):
    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__()
        self.errors = errors
        self.message_id = "Data tidak valid:\n" + "\n".join(
            f"- {e.field}: {e.message_id}" for e in errors
        )
        self.message_en = "Invalid data:\n" + "\n".join(
            f"- {e.field}: {e.message_en}" for e in errors
        )

    def for_field(self, field: str) -> list[FieldError]:
        return [e for e in self.errors if e.field == field]


class RecordNotFound(JippError):
    def __init__(self, record_type: str, record_id: str) -> None:
        super().__init__()
        self.record_type = record_type
        self.record_id = record_id
        self.message_id = f"Data {record_type} dengan id '{record_id}' tidak ditemukan."
        self.message_en = f"No {record_type} record with id '{record_id}'."


class UnknownRecordType(JippError):
    def __init__(self, name: str, known: list[str]) -> None:
        super().__init__()
        choices = ", ".join(known)
        self.message_id = f"Jenis data '{name}' tidak dikenal. Pilihan: {choices}."
        self.message_en = f"Unknown record type '{name}'. Choose one of: {choices}."


class DataFolderInUse(JippError):
    def __init__(self, folder: Path, holder: str) -> None:
        super().__init__()
        self.folder = folder
        self.message_id = (
            f"Folder data {folder} sedang dipakai oleh aplikasi JIPP Desktop lain "
            f"({holder}). Tutup aplikasi itu terlebih dahulu."
        )
        self.message_en = (
            f"The data folder {folder} is in use by another JIPP Desktop "
            f"instance ({holder}). Close that one first."
        )


class SchemaTooNew(JippError):
    def __init__(self, found: int, supported: int) -> None:
        super().__init__()
        self.message_id = (
            f"Basis data ini dibuat oleh versi JIPP Desktop yang lebih baru "
            f"(skema {found}, versi ini mendukung sampai {supported}). "
            "Perbarui aplikasi."
        )
        self.message_en = (
            f"This database was written by a newer JIPP Desktop (schema {found}; "
            f"this version supports up to {supported}). Update the app."
        )


def _restore_offer(folder: Path, latest_backup: Path | None) -> tuple[str, str]:
    if latest_backup is None:
        return "Tidak ada cadangan yang baik.", "No good backup was found."
    command = f'jipp-desktop --data-dir "{folder}" restore "{latest_backup}"'
    return (
        f"Cadangan terakhir yang baik: {latest_backup}. Pulihkan dengan '{command}'.",
        f"Latest good backup: {latest_backup}. Restore it with '{command}'.",
    )


class DatabaseDamaged(JippError):
    def __init__(self, path: Path, detail: str, latest_backup: Path | None) -> None:
        super().__init__()
        self.path = path
        self.detail = detail
        self.latest_backup = latest_backup
        offer_id, offer_en = _restore_offer(path.parent, latest_backup)
        self.message_id = f"Berkas basis data {path} rusak ({detail}). {offer_id}"
        self.message_en = f"The database file {path} is damaged ({detail}). {offer_en}"


class DatabaseMissing(JippError):
    """The database file is gone from a folder that has held data: never start over."""

    def __init__(self, path: Path, traces: list[str], latest_backup: Path | None) -> None:
        super().__init__()
        self.path = path
        self.traces = traces
        self.latest_backup = latest_backup
        folder = path.parent
        found = ", ".join(traces)
        offer_id, offer_en = _restore_offer(folder, latest_backup)
        if latest_backup is None:
            offer_id += (
                f" Kembalikan berkas {path.name} (mis. dari karantina antivirus), atau pilih "
                "folder data lain untuk memulai dari kosong."
            )
            offer_en += (
                f" Put {path.name} back (from an antivirus quarantine, say), or choose "
                "another data folder to start from scratch."
            )
        self.message_id = (
            f"Berkas basis data {path} tidak ada, padahal folder {folder} pernah berisi data "
            f"({found}). JIPP Desktop tidak memulai dari kosong agar data lama tidak "
            f"tertimpa. {offer_id}"
        )
        self.message_en = (
            f"The database file {path} is missing, but the folder {folder} has held data "
            f"({found}). JIPP Desktop does not start from scratch, so the old data is not "
            f"overwritten. {offer_en}"
        )


class BackupError(JippError):
    def __init__(self, message_id: str, message_en: str) -> None:
        super().__init__()
        self.message_id = message_id
        self.message_en = message_en
