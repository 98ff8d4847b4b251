"""Errors of the sync machinery; each names one problem and carries its CLI exit status."""

from __future__ import annotations

from jipp_desktop.core.errors import JippError

INVALID_RECORDS = 3
IN_USE = 4
UNTRUSTED = 5
DAMAGED = 6
BAD_PASSPHRASE = 7


class SyncError(JippError):
    exit_status = 1

    def __init__(self, message_id: str, message_en: str) -> None:
        super().__init__()
        self.message_id = message_id
        self.message_en = message_en


class NotAPackage(SyncError):
    """Damaged, tampered with, unsafe, of an unknown version, or no package at all."""

    exit_status = DAMAGED


class BadPassphrase(SyncError):
    exit_status = BAD_PASSPHRASE


class UntrustedSender(SyncError):
    exit_status = UNTRUSTED

    def __init__(
        self, name: str, device_id: str, fingerprint: str, *, key_changed: bool = False
    ) -> None:
        if key_changed:
            super().__init__(
                f"Paket dari '{name}' ({device_id}) ditandatangani dengan kunci lain "
                f"(sidik jari {fingerprint}) daripada yang dikenal. Tidak ada yang diimpor.",
                f"The package from '{name}' ({device_id}) is signed with a different key "
                f"(fingerprint {fingerprint}) than the one known. Nothing was imported.",
            )
        else:
            super().__init__(
                f"Pengirim '{name}' belum dipercaya (sidik jari {fingerprint}). Periksa sidik "
                "jari dengan pengirim, lalu percayai pengirim ini. Tidak ada yang diimpor.",
                f"The sender '{name}' is not trusted yet (fingerprint {fingerprint}). Check the "
                "fingerprint with the sender, then trust them. Nothing was imported.",
            )
        self.sender_name = name
        self.device_id = device_id
        self.fingerprint = fingerprint
        self.key_changed = key_changed


class InvalidRecords(SyncError):
    exit_status = INVALID_RECORDS

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        shown = problems[:20]
        more = len(problems) - len(shown)
        tail_id = f"\n... dan {more} masalah lain." if more else ""
        tail_en = f"\n... and {more} more problems." if more else ""
        super().__init__(
            "Paket berisi data tidak valid; tidak ada yang diimpor:\n"
            + "\n".join(f"- {p[0]}" for p in shown)
            + tail_id,
            "The package holds invalid records; nothing was imported:\n"
            + "\n".join(f"- {p[1]}" for p in shown)
            + tail_en,
        )
        self.problems = problems


class UnknownProvince(SyncError):
    exit_status = 2  # a usage error: the code was typed wrong

    def __init__(self, code: str) -> None:
        super().__init__(
            f"Kode provinsi '{code}' tidak dikenal.", f"Unknown province code '{code}'."
        )


class ExportCancelled(SyncError):
    def __init__(self) -> None:
        super().__init__("Dibatalkan.", "Cancelled.")
