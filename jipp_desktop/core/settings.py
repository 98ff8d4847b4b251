"""Local settings of this installation, kept in the database's ``setting`` table.

On the ministry's PostgreSQL database that table is shared by every workstation, while
some settings belong to the person at one workstation: who the audit trail names, their
NIP and position, the language of their screen, whether they went through the first-run
questions, and the workstation's own name (where the audit trail says a change was made).
Those (``WORKSTATION_KEYS``) are kept in the workstation's data folder instead
(``workstation.json``), so each workstation's edits carry its own officer's name and its
own name.
"""

from __future__ import annotations

import json
import os
import unicodedata
from collections.abc import Container, Mapping
from pathlib import Path

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
    "workstation_name": "",
    "province_code": "",
    "language": "id",
    "letterhead_title": "",
    "letterhead_unit": "",
    "letterhead_address": "",
    "logo_path": "",
    "approval_name": "",
    "approval_position": "",
    "approval_nip": "",
    "paper": "a4",
    "report_credit": "1",
    "setup_done": "",
    "clock_last": "",
    "clock_floor": "",
    "regions_sha256": "",
}


# The person's settings, kept per workstation when the database is shared.
WORKSTATION_KEYS = frozenset(
    {
        "officer_name",
        "officer_position",
        "officer_nip",
        "language",
        "setup_done",
        "workstation_name",
    }
)
WORKSTATION_FILE = "workstation.json"


class Settings:
    """``workstation``: the file holding WORKSTATION_KEYS (a shared database's
    workstation); None keeps every setting in the database (a laptop)."""

    def __init__(self, workstation: Path | None = None) -> None:
        self._workstation = workstation

    def get(self, key: str) -> str:
        self._check(key)
        if self._is_local(key):
            return self._local().get(key, DEFAULTS[key])
        row = m.Setting.get_or_none(m.Setting.key == key)
        return row.value if row is not None else DEFAULTS[key]

    def set(self, key: str, value: str) -> None:
        self._check(key)
        if self._is_local(key):
            self._write_local({**self._local(), key: value})
            return
        m.Setting.insert(key=key, value=value).on_conflict(
            conflict_target=[m.Setting.key], update={m.Setting.value: value}
        ).execute()

    def ensure(self, key: str, value: str) -> str:
        """The stored value of ``key``, storing ``value`` first if there is none.  Two
        workstations starting at once on a new shared database both get the one value
        stored first (the device id every workstation must sign and stamp with)."""
        self._check(key)
        stored = self.get(key)
        if stored:
            return stored  # read only: a reader's database refuses every write
        m.Setting.insert(key=key, value=value).on_conflict_ignore().execute()
        stored = self.get(key)
        if not stored:  # stored empty earlier: the database's "not set yet"
            self.set(key, value)
            return value
        return stored

    def _is_local(self, key: str) -> bool:
        return self._workstation is not None and key in WORKSTATION_KEYS

    def _local(self) -> dict[str, str]:
        assert self._workstation is not None
        try:
            data = json.loads(self._workstation.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except ValueError:
            return {}  # a damaged file: the officer is asked again, as on a new workstation
        if not isinstance(data, dict):
            return {}
        return {str(k): str(v) for k, v in data.items() if k in WORKSTATION_KEYS}

    def _write_local(self, values: Mapping[str, str]) -> None:
        assert self._workstation is not None
        partial = self._workstation.with_name(self._workstation.name + ".part")
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(dict(values), handle, ensure_ascii=False, indent=1, sort_keys=True)
        partial.replace(self._workstation)

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
        if "workstation_name" in values:
            values = {**values, "workstation_name": workstation_name(values["workstation_name"])}
        with m.database.atomic():
            self.update(values)
            if finish_setup:
                self.set("setup_done", "1")

    def set_checked(self, key: str, value: str, provinces: Container[str]) -> str:
        """Store one setting typed by a person (the command line) after the same checks
        the forms make; returns the stored, normalised value."""
        clean = clean_setting(key, value, provinces)
        with m.database.atomic():
            self.set(key, clean)
        return clean

    def all(self) -> dict[str, str]:
        stored = {row.key: row.value for row in m.Setting.select()}
        if self._workstation is not None:
            stored = {k: v for k, v in stored.items() if k not in WORKSTATION_KEYS}
            stored.update(self._local())
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
    "workstation_name": ("Nama workstation", "Workstation name"),
}
WORKSTATION_NAME_MAX = 80


def workstation_name(value: str) -> str:
    """A workstation's name as the audit trail keeps it: control characters (a pasted tab
    or line break) become spaces, runs of spaces one space, none at either end.  Empty
    means "not set" (the computer's own name is used, core/workspace.py)."""
    spaced = "".join(" " if unicodedata.category(c)[0] == "C" else c for c in value)
    return " ".join(spaced.split())


def workstation_name_errors(value: str) -> list[FieldError]:
    """What is wrong with a workstation name typed by the officer (empty is fine)."""
    if len(workstation_name(value)) <= WORKSTATION_NAME_MAX:
        return []
    label_id, label_en = PROFILE_LABELS["workstation_name"]
    return [
        FieldError(
            "workstation_name",
            "too_long",
            f"{label_id} paling panjang {WORKSTATION_NAME_MAX} karakter.",
            f"{label_en} must be at most {WORKSTATION_NAME_MAX} characters.",
        )
    ]


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
    errors.extend(workstation_name_errors(values.get("workstation_name", "")))
    return errors


# Settings a person may change by name (``settings set KEY VALUE``), with their labels.
EDITABLE: dict[str, tuple[str, str]] = {
    "officer_name": ("Nama petugas", "Officer name"),
    "officer_position": ("Jabatan petugas", "Officer position"),
    "officer_nip": ("NIP petugas", "Officer NIP"),
    "workstation_name": PROFILE_LABELS["workstation_name"],
    "province_code": ("Provinsi simpul", "Hub province"),
    "language": ("Bahasa", "Language"),
    "letterhead_title": ("Kop: baris pertama", "Letterhead: first line"),
    "letterhead_unit": ("Kop: unit kerja", "Letterhead: unit"),
    "letterhead_address": ("Kop: alamat", "Letterhead: address"),
    "logo_path": ("Kop: berkas logo", "Letterhead: logo file"),
    "approval_name": ("Mengetahui: nama", "Acknowledged by: name"),
    "approval_position": ("Mengetahui: jabatan", "Acknowledged by: position"),
    "approval_nip": ("Mengetahui: NIP", "Acknowledged by: NIP"),
    "paper": ("Ukuran kertas laporan", "Report paper size"),
    "report_credit": ("Nama aplikasi di kaki laporan", "App name in report footers"),
}
PAPERS = ("a4", "f4")
MAX_TEXT = 300
_YES = {"1", "ya", "yes", "true", "on", "y"}
_NO = {"0", "tidak", "no", "false", "off", "n", ""}


def clean_setting(key: str, value: str, provinces: Container[str]) -> str:
    """The normalised value of one editable setting, or a ValidationError naming it."""
    if key not in EDITABLE:
        names = ", ".join(EDITABLE)
        raise _invalid(
            key,
            "unknown_setting",
            f"Pengaturan '{key}' tidak dikenal. Pilihan: {names}.",
            f"Unknown setting '{key}'. Choose one of: {names}.",
        )
    label_id, label_en = EDITABLE[key]
    value = value.strip()
    if len(value) > MAX_TEXT:
        raise _invalid(
            key,
            "too_long",
            f"{label_id} paling panjang {MAX_TEXT} karakter.",
            f"{label_en} must be at most {MAX_TEXT} characters.",
        )
    if key.endswith("_nip"):
        value = "".join(value.split())  # grouped as printed is the same NIP
        if value and not valid_nip(value):
            raise _invalid(
                key,
                "bad_nip",
                f"{label_id} harus 18 angka dan diawali tanggal lahir yang valid (TTTTBBHH).",
                f"{label_en} must be 18 digits starting with a valid birth date (YYYYMMDD).",
            )
    elif key == "workstation_name":
        errors = workstation_name_errors(value)
        if errors:
            raise ValidationError(errors)
        value = workstation_name(value)
    elif key in ("officer_name", "province_code"):
        errors = profile_errors(
            {"officer_name": "-", "province_code": "-", key: value},
            _AnyProvince() if key != "province_code" else provinces,
        )
        if errors:
            raise ValidationError(errors)
    elif key == "paper":
        value = value.lower()
        if value not in PAPERS:
            raise _invalid(
                key,
                "choice",
                f"{label_id} '{value}' tidak dikenal. Pilihan: a4, f4.",
                f"Unknown {label_en.lower()} '{value}'. Choose a4 or f4.",
            )
    elif key == "language":
        if value not in ("id", "en"):
            raise _invalid(
                key, "choice", "Bahasa harus id atau en.", "The language must be id or en."
            )
    elif key == "report_credit":
        if value.lower() not in _YES | _NO:
            raise _invalid(
                key,
                "choice",
                f"{label_id}: tulis ya atau tidak.",
                f"{label_en}: write yes or no.",
            )
        value = "1" if value.lower() in _YES else "0"
    elif key == "logo_path" and value:
        path = Path(value).expanduser().resolve()
        if not path.is_file():
            raise _invalid(
                key,
                "missing_logo",
                f"Berkas logo {path} tidak ditemukan.",
                f"The logo file {path} was not found.",
            )
        value = str(path)
    return value


class _AnyProvince:
    """Stands in for the province list when only the officer's name is checked."""

    def __contains__(self, item: object) -> bool:
        return True


def _invalid(key: str, code: str, text_id: str, text_en: str) -> ValidationError:
    return ValidationError([FieldError(key, code, text_id, text_en)])
