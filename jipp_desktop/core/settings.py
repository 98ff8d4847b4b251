"""Local settings of this installation, kept in the database's ``setting`` table."""

from __future__ import annotations

from collections.abc import Mapping

from jipp_desktop.core import models as m

# Known keys and their defaults; anything else is refused so typos surface early.
DEFAULTS: dict[str, str] = {
    "device_id": "",
    "device_name": "",
    "officer_name": "",
    "officer_position": "",
    "officer_nip": "",
    "province_code": "",
    "language": "id",
    "letterhead_title": "",
    "letterhead_unit": "",
    "letterhead_address": "",
    "logo_path": "",
    "setup_done": "",
    "clock_last": "",
    "regions_sha256": "",
}


class Settings:
    def get(self, key: str) -> str:
        self._check(key)
        row = m.Setting.get_or_none(m.Setting.key == key)
        return row.value if row is not None else DEFAULTS[key]

    def set(self, key: str, value: str) -> None:
        self._check(key)
        m.Setting.insert(key=key, value=value).on_conflict_replace().execute()

    def update(self, values: Mapping[str, str]) -> None:
        with m.database.atomic():
            for key, value in values.items():
                self.set(key, value)

    def all(self) -> dict[str, str]:
        stored = {row.key: row.value for row in m.Setting.select()}
        return {key: stored.get(key, default) for key, default in DEFAULTS.items()}

    @staticmethod
    def _check(key: str) -> None:
        if key not in DEFAULTS:
            raise KeyError(f"unknown setting {key!r}")
