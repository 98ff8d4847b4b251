"""Local settings of this installation, kept in the database's ``setting`` table."""

from __future__ import annotations

from collections.abc import Container, Mapping

from jipp_desktop.core import models as m
from jipp_desktop.core.errors import FieldError, ValidationError
from jipp_desktop.core.validation import valid_nip

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

    def save_profile(
        self, values: Mapping[str, str], provinces: Container[str], finish_setup: bool = False
    ) -> None:
        """Store what the officer filled in (first run or Settings) in one transaction,
        refusing it whole if the officer or the hub province is missing: the history
        names the officer and new records start in that province."""
        errors = profile_errors(values, provinces)
        if errors:
            raise ValidationError(errors)
        with m.database.atomic():
            self.update(values)
            if finish_setup:
                self.set("setup_done", "1")

    def all(self) -> dict[str, str]:
        stored = {row.key: row.value for row in m.Setting.select()}
        return {key: stored.get(key, default) for key, default in DEFAULTS.items()}

    @staticmethod
    def _check(key: str) -> None:
        if key not in DEFAULTS:
            raise KeyError(f"unknown setting {key!r}")


# Settings the officer fills in, with their labels (Indonesian, English).
PROFILE_LABELS: dict[str, tuple[str, str]] = {
    "officer_name": ("Nama petugas", "Officer name"),
    "officer_nip": ("NIP", "NIP"),
    "province_code": ("Provinsi simpul", "Hub province"),
}


def profile_errors(values: Mapping[str, str], provinces: Container[str]) -> list[FieldError]:
    """The problems with an officer's profile, in form order (empty when it is fine)."""
    errors: list[FieldError] = []

    def error(key: str, code: str, text_id: str, text_en: str, value: str = "") -> None:
        label_id, label_en = PROFILE_LABELS[key]
        errors.append(
            FieldError(
                key,
                code,
                text_id.format(label=label_id, value=value),
                text_en.format(label=label_en, value=value),
            )
        )

    if not values.get("officer_name", "").strip():
        error("officer_name", "required", "{label} wajib diisi.", "{label} is required.")
    nip = values.get("officer_nip", "").strip()
    if nip and not valid_nip(nip):
        error(
            "officer_nip",
            "bad_nip",
            "{label} harus 18 angka dan diawali tanggal lahir yang valid (TTTTBBHH).",
            "{label} must be 18 digits starting with a valid birth date (YYYYMMDD).",
        )
    province = values.get("province_code", "")
    if not province:
        error("province_code", "required", "{label} wajib dipilih.", "Choose the hub province.")
    elif province not in provinces:
        error(
            "province_code",
            "region",
            "{label}: kode provinsi '{value}' tidak dikenal.",
            "{label}: unknown province code '{value}'.",
            province,
        )
    return errors
