"""Turn user or file input into clean field values, or field-level messages.

Validation never writes: it normalises values (trims text, turns "" into
nothing, parses numbers and dates) and collects every problem it finds, so one
pass tells the officer everything that is wrong with a form or a JSON file.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from typing import Any

from jipp_desktop.core import vocab
from jipp_desktop.core.categories import Categories, other_text
from jipp_desktop.core.errors import FieldError
from jipp_desktop.core.fields import (
    CategoryText,
    DateText,
    EnumText,
    Flag,
    LongText,
    Number,
    RefId,
    RegionCode,
    ShortText,
    UserField,
)
from jipp_desktop.core.models import SyncedModel
from jipp_desktop.core.registry import RECORD_TYPES, user_fields

# Keys a record's JSON shows but a person cannot set; accepted and ignored on input
# so that `record show` output can be edited and fed back.
READ_ONLY_KEYS = frozenset({"id", "created_at", "updated_at", "updated_by", "deleted", "seq"})

# The file facts of an attachment row: no person types them, but they travel in packages
# and must pass a gate like any value (core/attachments.py writes them for local files).
ATTACHMENT_FACTS = ("record_type", "record_id", "sha256", "mime", "size")
MAX_ATTACHMENT_BYTES = 2**40
# A created_at value: an ISO 8601 time with its offset, as utc_now() writes it.
_TIMESTAMP = re.compile(
    r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})", re.ASCII
)
_SHA256 = re.compile(r"[0-9a-f]{64}", re.ASCII)
_NIP = re.compile(r"^\d{18}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

# Looks up whether a referenced record exists and is alive: (record type, id) -> bool.
RefExists = Callable[[str, str], bool]


class Regions:
    """The reference regions in memory: checks and pickers need no query per value."""

    def __init__(
        self, provinces: Mapping[str, str], regencies: Mapping[str, tuple[str, str]]
    ) -> None:
        self.provinces = dict(provinces)  # code -> name
        self.regency_names = {code: name for code, (_, name) in regencies.items()}
        self.regency_province = {code: prov for code, (prov, _) in regencies.items()}

    def name(self, code: str | None) -> str:
        """The official name of a province or regency code ('' when unknown)."""
        if not code:
            return ""
        return self.provinces.get(code) or self.regency_names.get(code, "")

    def regencies_of(self, province: str) -> list[tuple[str, str]]:
        """(code, name) of the regencies and cities of ``province``, by code."""
        return sorted(
            (code, self.regency_names[code])
            for code, prov in self.regency_province.items()
            if prov == province
        )


class Validator:
    """Collects FieldErrors for one record (and its children) at a time."""

    def __init__(self, regions: Regions, ref_exists: RefExists, categories: Categories) -> None:
        self.regions = regions
        self.ref_exists = ref_exists
        self.categories = categories
        self.errors: list[FieldError] = []
        # The year the values being cleaned belong to, when they say (a category label
        # found in several years' lists is read in this year's list).
        self._year: int | None = None

    def error(self, path: str, field: UserField | None, code: str, **params: Any) -> None:
        label_id, label_en = field.label if field is not None else (path, path)
        msg_id, msg_en = _MESSAGES[code]
        # A parameter given as an (Indonesian, English) pair is shown in each language.
        p_id = {k: v[0] if isinstance(v, tuple) else v for k, v in params.items()}
        p_en = {k: v[1] if isinstance(v, tuple) else v for k, v in params.items()}
        self.errors.append(
            FieldError(
                path,
                code,
                msg_id.format(label=label_id, **p_id),
                msg_en.format(label=label_en, **p_en),
            )
        )

    def clean(
        self,
        model: type[SyncedModel],
        data: Mapping[str, Any],
        *,
        partial: bool,
        prefix: str = "",
        child_keys: frozenset[str] = frozenset(),
        skip: frozenset[str] = frozenset(),
        stored: Mapping[str, Any] | None = None,
    ) -> dict[str, Any]:
        """Return normalised values for the user fields present in ``data``.

        With ``partial`` (an update), absent fields are left alone; otherwise
        absent fields get their default and required ones are reported.  ``stored``
        (an update's current values) gives the year a category label is read in
        when ``data`` does not change it.
        """
        fields = {f.name: f for f in user_fields(model) if f.name not in skip}
        out: dict[str, Any] = {}
        self._year = _year_of(data.get("year_started", (stored or {}).get("year_started")))
        for key in data:
            if key not in fields and key not in READ_ONLY_KEYS and key not in child_keys:
                self.error(prefix + key, None, "unknown_field", key=key)
        for name, field in fields.items():
            path = prefix + name
            reported = len(self.errors)
            if name in data:
                out[name] = self._value(path, field, data[name])
            elif not partial:
                out[name] = field.default() if callable(field.default) else field.default
            # "required" only when the value was missing, not when it was rejected above.
            if (
                name in out
                and out[name] is None
                and field.required
                and len(self.errors) == reported
            ):
                self.error(path, field, "required")
        return out

    def clean_synced(
        self, model: type[SyncedModel], data: Mapping[str, Any], prefix: str = ""
    ) -> dict[str, Any]:
        """Normalised values of every synced field in ``data``: user fields as a form checks
        them, an attachment's file facts, and no empty value in a column that needs one.
        What a package brings and what a conflict resolution writes pass here."""
        facts = {k: v for k, v in data.items() if k in ATTACHMENT_FACTS}
        if facts and model._meta.table_name != "attachment":
            facts = {}
        user = {k: v for k, v in data.items() if k not in facts}
        out = self.clean(model, user, partial=True, prefix=prefix)
        out.update(self.clean_facts(facts, prefix) if facts else {})
        reported = {e.field for e in self.errors}
        for name, value in out.items():
            field = model._meta.fields[name]
            if value is None and not field.null and prefix + name not in reported:
                self.error(prefix + name, field if name in user else None, "required")
        return out

    def clean_facts(self, data: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
        """Normalised attachment file facts present in ``data`` (see ATTACHMENT_FACTS)."""
        out: dict[str, Any] = {}
        for name in ATTACHMENT_FACTS:
            if name not in data:
                continue
            raw, path = data[name], prefix + name
            out[name] = raw
            if name == "record_type" and raw not in RECORD_TYPES:
                self.error(path, None, "choice", value=raw, choices=", ".join(RECORD_TYPES))
            elif name == "sha256" and not (isinstance(raw, str) and _SHA256.fullmatch(raw)):
                self.error(path, None, "bad_sha256")
            elif name == "mime" and not (isinstance(raw, str) and 0 < len(raw) <= 100):
                self.error(path, None, "not_text")
            elif name == "size" and (
                not isinstance(raw, int)
                or isinstance(raw, bool)
                or not 0 <= raw <= MAX_ATTACHMENT_BYTES
            ):
                self.error(path, None, "range", min=0, max=MAX_ATTACHMENT_BYTES)
        kind, rid = data.get("record_type"), data.get("record_id")
        if "record_id" in data and not (
            isinstance(rid, str)
            and 0 < len(rid) <= 36
            and kind in RECORD_TYPES
            and self.ref_exists(str(kind), rid)
        ):
            self.error(prefix + "record_id", None, "dangling", value=rid)
        return out

    def check_record(
        self, model: type[SyncedModel], values: Mapping[str, Any], prefix: str = ""
    ) -> None:
        """Rules that span fields: regency inside province, dates in order."""
        # A commitment's place may lie in another province (the 2022 hub commitments were
        # signed in Manggarai Barat, NTT), so only a record's own regency is checked.
        province, regency = values.get("province_code"), values.get("regency_code")
        if (
            province
            and regency
            and self.regions.regency_province.get(regency) not in (None, province)
        ):
            field = model._meta.fields["regency_code"]
            self.error(
                prefix + "regency_code", field, "region_mismatch", value=regency, province=province
            )
        category, year = values.get("category"), values.get("year_started")
        if category in self.categories.by_code and isinstance(year, int):
            self._category_year(model, category, year, prefix)
        for start, end in (("start_date", "end_date"), ("start_month", "end_month")):
            if values.get(start) and values.get(end) and values[end] < values[start]:
                fields = model._meta.fields
                self.error(prefix + end, fields[end], "order", other=fields[start].label)

    def _category_year(self, model: type[SyncedModel], code: str, year: int, prefix: str) -> None:
        """A category code must come from the list that applies to the record's year."""
        wanted = self.categories.list_year(year)
        if self.categories.by_code[code].year == wanted:
            return
        cats = self.categories
        self.error(
            prefix + "category",
            model._meta.fields["category"],
            "category_year",
            value=(cats.label(code, "id"), cats.label(code, "en")),
            year=year,
            list_year=wanted or "",
            choices=(cats.choices_text(year, "id"), cats.choices_text(year, "en")),
        )

    def _value(self, path: str, field: UserField, raw: Any) -> Any:
        if isinstance(raw, str):
            raw = raw.strip()
            if raw == "" and not isinstance(field, Flag):
                return None
        if raw is None:
            return None
        handler = _HANDLERS.get(type(field))
        if handler is None:
            for cls, fn in _HANDLERS.items():
                if isinstance(field, cls):
                    handler = fn
                    break
        assert handler is not None, f"no validator for {type(field).__name__}"
        return handler(self, path, field, raw)

    # -- one method per kind of field -------------------------------------------------

    def _text(self, path: str, field: UserField, raw: Any) -> Any:
        if not isinstance(raw, str):
            self.error(path, field, "not_text")
            return None
        if field.name == "nip":
            raw = "".join(raw.split())  # "19800101 200501 1 001", as printed, is the same NIP
        limit = field.max_length
        if len(raw) > limit:
            self.error(path, field, "too_long", max=limit)
            return None
        if field.name == "nip" and not valid_nip(raw):
            self.error(path, field, "bad_nip")
        if field.name.endswith("email") and not _EMAIL.match(raw):
            self.error(path, field, "bad_email")
        return raw

    def _category(self, path: str, field: CategoryText, raw: Any) -> Any:
        if not isinstance(raw, str):
            self.error(path, field, "not_text")
            return None
        if other_text(raw) == "":
            self.error(path, field, "category_other_empty")
            return None
        value = self.categories.resolve(raw, self._year)
        if value is None:
            cats, year = self.categories, self._year
            choices = (cats.choices_text(year, "id"), cats.choices_text(year, "en"))
            self.error(path, field, "category", value=raw, choices=choices)
            return None
        return self._text(path, field, value)

    def _enum(self, path: str, field: EnumText, raw: Any) -> Any:
        choices = vocab.VOCABULARIES[field.vocab]
        if raw not in choices:
            # Each language lists the labels a person sees in it (the importer takes them).
            labels = tuple(", ".join(pair[i] for pair in choices.values()) for i in (0, 1))
            self.error(path, field, "choice", value=raw, choices=labels)
            return None
        return raw

    def _date(self, path: str, field: UserField, raw: Any) -> Any:
        text = str(raw)
        try:
            # fromisoformat alone would also take "20220928"; the file format is YYYY-MM-DD.
            if len(text) != 10:
                raise ValueError(text)
            return dt.date.fromisoformat(text).isoformat()
        except ValueError:
            self.error(path, field, "date", value=raw)
            return None

    def _number(self, path: str, field: Number, raw: Any) -> Any:
        if isinstance(raw, bool):
            value = None
        elif isinstance(raw, int):
            value = raw
        elif isinstance(raw, str) and re.fullmatch(r"-?\d+", raw):
            value = int(raw)
        else:
            value = None
        if value is None:
            self.error(path, field, "not_number", value=raw)
            return None
        if not field.minimum <= value <= field.upper_bound():
            self.error(path, field, "range", min=field.minimum, max=field.upper_bound())
            return None
        return value

    def _flag(self, path: str, field: UserField, raw: Any) -> Any:
        if isinstance(raw, bool):
            return raw
        if raw in (0, 1):
            return bool(raw)
        text = str(raw).lower()
        if text in ("ya", "yes", "true", "1"):
            return True
        if text in ("tidak", "no", "false", "0", ""):
            return False
        self.error(path, field, "not_flag", value=raw)
        return None

    def _ref(self, path: str, field: RefId, raw: Any) -> Any:
        if not isinstance(raw, str) or not self.ref_exists(field.ref, raw):
            self.error(path, field, "dangling", value=raw)
            return None
        return raw

    def _region(self, path: str, field: RegionCode, raw: Any) -> Any:
        known = (
            self.regions.provinces if field.level == "province" else self.regions.regency_province
        )
        if not isinstance(raw, str) or raw not in known:
            self.error(path, field, "region", value=raw)
            return None
        return raw


def _year_of(raw: Any) -> int | None:
    if isinstance(raw, int) and not isinstance(raw, bool):
        return raw
    if isinstance(raw, str) and raw.strip().isdigit():
        return int(raw)
    return None


def valid_timestamp(text: object) -> bool:
    """Whether ``text`` is a moment with its offset (a row's ``created_at``)."""
    if not isinstance(text, str) or not _TIMESTAMP.fullmatch(text):
        return False
    try:
        dt.datetime.fromisoformat(text)
    except ValueError:
        return False
    return True


def valid_nip(nip: str) -> bool:
    """18 digits whose first 8 are the holder's birth date (Perka BKN 22/2007)."""
    if not _NIP.match(nip):
        return False
    try:
        dt.date(int(nip[:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:
        return False
    return True


_HANDLERS: dict[type, Callable[[Validator, str, Any, Any], Any]] = {
    CategoryText: Validator._category,
    EnumText: Validator._enum,
    DateText: Validator._date,
    RefId: Validator._ref,
    RegionCode: Validator._region,
    ShortText: Validator._text,
    LongText: Validator._text,
    Number: Validator._number,
    Flag: Validator._flag,
}

_MESSAGES: dict[str, tuple[str, str]] = {
    "required": ("{label} wajib diisi.", "{label} is required."),
    "unknown_field": ("Kolom '{key}' tidak dikenal.", "Unknown field '{key}'."),
    "not_text": ("{label} harus berupa teks.", "{label} must be text."),
    "too_long": (
        "{label} terlalu panjang (paling banyak {max} karakter).",
        "{label} is too long (at most {max} characters).",
    ),
    "choice": (
        "{label}: nilai '{value}' tidak dikenal. Pilihan: {choices}.",
        "{label}: unknown value '{value}'. Choose one of: {choices}.",
    ),
    "category": (
        "{label}: '{value}' bukan kategori KIPP yang dikenal. Pilihan: {choices}.",
        "{label}: '{value}' is not a known KIPP category. Choose one of: {choices}.",
    ),
    "category_year": (
        "{label}: '{value}' bukan kategori KIPP untuk tahun {year} (daftar tahun {list_year}). "
        "Pilihan: {choices}.",
        "{label}: '{value}' is not a KIPP category for {year} (the {list_year} list). "
        "Choose one of: {choices}.",
    ),
    "category_other_empty": (
        '{label}: tulis kategorinya setelah "Lainnya:".',
        '{label}: write the category after "Other:".',
    ),
    "date": (
        "{label}: '{value}' bukan tanggal yang valid (format TTTT-BB-HH).",
        "{label}: '{value}' is not a valid date (format YYYY-MM-DD).",
    ),
    "not_number": (
        "{label}: '{value}' bukan bilangan bulat.",
        "{label}: '{value}' is not a whole number.",
    ),
    "range": (
        "{label} harus di antara {min} dan {max}.",
        "{label} must be between {min} and {max}.",
    ),
    "not_flag": (
        "{label}: '{value}' harus ya atau tidak.",
        "{label}: '{value}' must be yes or no.",
    ),
    "dangling": (
        "{label}: data dengan id '{value}' tidak ditemukan.",
        "{label}: no record with id '{value}'.",
    ),
    "region": (
        "{label}: kode wilayah '{value}' tidak dikenal.",
        "{label}: unknown region code '{value}'.",
    ),
    "region_mismatch": (
        "{label}: kabupaten/kota {value} tidak berada di provinsi {province}.",
        "{label}: regency/city {value} is not in province {province}.",
    ),
    "order": ("{label} tidak boleh sebelum {other}.", "{label} cannot be before {other}."),
    "bad_nip": (
        "{label} harus 18 angka dan diawali tanggal lahir yang valid (TTTTBBHH).",
        "{label} must be 18 digits starting with a valid birth date (YYYYMMDD).",
    ),
    "bad_email": (
        "{label} bukan alamat surel yang valid.",
        "{label} is not a valid e-mail address.",
    ),
    "child_not_found": (
        "Baris dengan id '{value}' bukan milik data ini.",
        "Row id '{value}' does not belong to this record.",
    ),
    "not_list": ("{label} harus berupa daftar.", "{label} must be a list."),
    "bad_sha256": (
        "{label} bukan sidik SHA-256 (64 angka heksadesimal kecil).",
        "{label} is not a SHA-256 digest (64 lowercase hex digits).",
    ),
}
