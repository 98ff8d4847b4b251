"""Refusing a package whose stamps are far in this laptop's future, and saying whose clock.

A stamp's tail is the device that made the change, so the laptop with the wrong clock is
known even when the package was relayed by another one.  The fix happens there: once its
clock is corrected it re-stamps its changes (core/clockfix.py) and its next package is
accepted.  Clamping the stamp here instead would change which value wins on this laptop
only and break convergence.
"""

from __future__ import annotations

from collections.abc import Mapping

from jipp_desktop.core.clock import MAX_DRIFT_MS, Stamp, now_ms
from jipp_desktop.core.clockfix import duration_text
from jipp_desktop.sync import db
from jipp_desktop.sync.errors import INVALID_RECORDS, SyncError
from jipp_desktop.sync.merge import origin


class ClockAhead(SyncError):
    """A stamp beyond the max offset: refused, not clamped."""

    exit_status = INVALID_RECORDS

    def __init__(self, device: str, name: str, ahead_ms: int) -> None:
        ahead_id, ahead_en = duration_text(ahead_ms)
        super().__init__(
            f"Paket ini berisi perubahan bertanggal {ahead_id} di masa depan menurut jam laptop "
            f"ini, dibuat oleh laptop '{name}' ({device}). Jam laptop itu terlalu cepat. Di "
            f"laptop '{name}': perbaiki tanggal dan jam, buka JIPP Desktop (perubahannya akan "
            "diberi cap waktu baru), lalu kirim paket baru. Jika justru jam laptop ini yang "
            "terlambat, perbaiki tanggal dan jam laptop ini lalu impor lagi. Tidak ada yang "
            "diimpor.",
            f"This package holds changes dated {ahead_en} in the future by this laptop's clock, "
            f"made by the laptop '{name}' ({device}). That laptop's clock is fast. On '{name}': "
            "correct the date and time, open JIPP Desktop (its changes get new stamps), then "
            "send a new package. If it is this laptop's clock that is slow, correct this "
            "laptop's date and time and import again. Nothing was imported.",
        )
        self.device = device
        self.device_name = name
        self.ahead_ms = ahead_ms


def refuse_if_ahead(newest: str, sender: Mapping[str, str]) -> None:
    """The max-offset rule: a stamp far in our future would win every merge for ever."""
    if not newest:
        return
    ahead = Stamp.parse(newest).wall_ms - now_ms()
    if ahead <= MAX_DRIFT_MS:
        return
    device = origin(newest)
    raise ClockAhead(device, _name_of(device, sender), ahead)


def _name_of(device: str, sender: Mapping[str, str]) -> str:
    if device == sender.get("id"):
        return sender.get("name", device)
    row = db.sql("SELECT name FROM sync_peer WHERE device_id = ?", (device,)).fetchone()
    return device if row is None else str(row[0])
