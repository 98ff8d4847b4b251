"""KIPP categories (kategori): a vocabulary that changes every competition year.

The shipped lists live in resources/categories/kipp.csv and are copied into the
``category`` table at start-up when the file changed (its SHA-256 is kept, as for the
regions); a ministry package can add entries (sync/extensions.py). A record stores the
code ("2021-education"), or "Lainnya: <text>" when none fits; screens, reports and
exports show the label in the user's language.

A list applies from its year until the next list's year: an innovation started in 2023
takes the 2022 list, one started before the first list takes the first list.
"""

from __future__ import annotations

import csv
import hashlib
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from jipp_desktop.core import engine
from jipp_desktop.core import models as m
from jipp_desktop.core.errors import FieldError
from jipp_desktop.core.matching import normalise
from jipp_desktop.paths import resource

OTHER = "Lainnya"
OTHER_EN = "Other"
# "Lainnya: Sistem antrean" as stored; "other:" and a missing space are accepted on input.
_OTHER_INPUT = re.compile(r"^\s*(lainnya|other)\s*:\s*(.*)$", re.IGNORECASE | re.DOTALL)
CODE = re.compile(r"^(\d{4})-[a-z0-9_]{1,40}$", re.ASCII)
LABEL_LIMIT = 160


@dataclass(frozen=True)
class Category:
    code: str
    year: int
    label_id: str
    label_en: str

    def label(self, lang: str) -> str:
        return self.label_id if lang == "id" else self.label_en


class Categories:
    """Every known category in memory: pickers and validation need no query per value."""

    def __init__(self, entries: Iterable[Category]) -> None:
        # By year, each year's list in the order given (the ministry's order).
        self.by_code = {c.code: c for c in sorted(entries, key=lambda c: c.year)}
        self.years = sorted({c.year for c in self.by_code.values()})

    def list_year(self, year: int | None) -> int | None:
        """The year whose list applies to ``year`` (the newest list when it is unknown)."""
        if not self.years:
            return None
        if year is None:
            return self.years[-1]
        earlier = [y for y in self.years if y <= year]
        return earlier[-1] if earlier else self.years[0]

    def for_year(self, year: int | None) -> list[Category]:
        """The list that applies to ``year``, in the order the ministry published it."""
        wanted = self.list_year(year)
        return [c for c in self.by_code.values() if c.year == wanted]

    def label(self, value: str | None, lang: str = "id") -> str:
        """What a person reads for a stored value; an unknown value is shown as stored."""
        if not value:
            return ""
        found = self.by_code.get(value)
        if found is not None:
            return found.label(lang)
        other = other_text(value)
        if other is not None and lang != "id":
            return f"{OTHER_EN}: {other}"
        return value

    def resolve(self, text: str, year: int | None = None) -> str | None:
        """The stored form of ``text`` (a code, a label in either language, or "Lainnya:
        …"), or None when it names no category. A label found in several years' lists
        is read as the one of ``year``'s list, else the earliest."""
        if text in self.by_code:
            return text
        other = other_text(text)
        if other is not None:
            return f"{OTHER}: {other}" if other else None
        key = normalise(text)
        found = [
            c
            for c in self.by_code.values()
            if key in (normalise(c.label_id), normalise(c.label_en))
        ]
        if not found:
            return None
        wanted = self.list_year(year) if year is not None else None
        return next((c.code for c in found if c.year == wanted), found[0].code)

    def choices_text(self, year: int | None, lang: str) -> str:
        """The list of ``year`` as a message shows it, "Lainnya: …" last."""
        other = f"{OTHER}: …" if lang == "id" else f"{OTHER_EN}: …"
        return "; ".join([*(c.label(lang) for c in self.for_year(year)), other])

    def with_entries(self, entries: Iterable[Category]) -> Categories:
        """A copy that also knows ``entries`` (those of a package being checked)."""
        return Categories([*self.by_code.values(), *entries])


def other_text(value: str) -> str | None:
    """The free text of a "Lainnya: …" value (stripped; may be empty), else None."""
    match = _OTHER_INPUT.match(value)
    return " ".join(match.group(2).split()) if match else None


def _shipped() -> bytes:
    return resource("categories", "kipp.csv").read_bytes()


def shipped_code(code: str) -> bool:
    return any(c.code == code for c in shipped())


def shipped() -> list[Category]:
    rows = csv.DictReader(_shipped().decode("utf-8").splitlines())
    return [Category(r["code"], int(r["year"]), r["label_id"], r["label_en"]) for r in rows]


def seed(conn: sqlite3.Connection | None = None) -> bool:
    """Upsert the shipped lists when the file changed; returns True when it wrote.
    A shipped entry takes its code back from any package entry that used it.

    On ``conn``, a bare SQLite connection (a laptop's start-up, as regions.seed), else on
    the open workspace's database (PostgreSQL); one transaction either way."""
    digest = hashlib.sha256(_shipped()).hexdigest()
    run = conn.execute if conn is not None else engine.sql
    row = run("SELECT value FROM setting WHERE key = 'categories_sha256'", ()).fetchone()
    if row and row[0] == digest:
        return False
    upsert = (
        "INSERT INTO category (code, year, label_id, label_en, shipped, stamp) "
        "VALUES (?, ?, ?, ?, 1, NULL) ON CONFLICT(code) DO UPDATE SET year = excluded.year, "
        "label_id = excluded.label_id, label_en = excluded.label_en, shipped = 1, "
        "stamp = NULL"
    )
    rows = [(c.code, c.year, c.label_id, c.label_en) for c in shipped()]
    remember = (
        "INSERT INTO setting (key, value) VALUES ('categories_sha256', ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value"
    )
    if conn is None:
        with m.database.atomic():
            engine.executemany(upsert, rows)
            engine.sql(remember, (digest,))
        return True
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.executemany(upsert, rows)
        conn.execute(remember, (digest,))
    except BaseException:
        conn.rollback()
        raise
    conn.commit()
    return True


def load() -> Categories:
    """Every category of the open database, each year's in the order they were added."""
    rows = engine.sql(
        f"SELECT code, year, label_id, label_en FROM category ORDER BY year, {engine.row_order()}"
    ).fetchall()
    return Categories(Category(code, int(year), lid, len_) for code, year, lid, len_ in rows)


# -- categories a ministry adds (carried by packages, sync/extensions.py) -----------------


@dataclass(frozen=True)
class Extension:
    """A category added after the app shipped, stamped by the adding device's clock: of
    two entries for one code, the later stamp's labels win (a correction), on every
    laptop whatever order the packages arrive in."""

    category: Category
    stamp: str

    def key(self) -> tuple[str, str, str]:
        return (self.stamp, self.category.label_id, self.category.label_en)


def entry_problems(
    year: object, code: object, label_id: object, label_en: object
) -> list[FieldError]:
    """What is wrong with a category to add, named by field, in both languages."""
    out = []
    match = CODE.fullmatch(code) if isinstance(code, str) else None
    if match is None:
        out.append(
            FieldError(
                "code",
                "category_code",
                f"Kode kategori '{code}' tidak valid: tulis tahun-kata, mis. 2026-pariwisata "
                "(huruf kecil, angka, garis bawah).",
                f"Invalid category code '{code}': write year-word, e.g. 2026-tourism "
                "(lower-case letters, digits, underscores).",
            )
        )
    if not isinstance(year, int) or isinstance(year, bool) or not 1945 <= year <= 2100:
        out.append(
            FieldError(
                "year",
                "range",
                f"Tahun daftar '{year}' harus di antara 1945 dan 2100.",
                f"The list year '{year}' must be between 1945 and 2100.",
            )
        )
    elif match is not None and int(match.group(1)) != year:
        out.append(
            FieldError(
                "code",
                "category_code",
                f"Kode '{code}' harus diawali tahun daftarnya, {year}.",
                f"The code '{code}' must start with its list's year, {year}.",
            )
        )
    for name, value, words in (
        ("label_id", label_id, ("Label Indonesia", "Indonesian label")),
        ("label_en", label_en, ("Label Inggris", "English label")),
    ):
        if not isinstance(value, str) or not value.strip() or len(value) > LABEL_LIMIT:
            out.append(
                FieldError(
                    name,
                    "category_label",
                    f"{words[0]} wajib diisi, satu baris, paling banyak {LABEL_LIMIT} karakter.",
                    f"{words[1]} is required, one line, at most {LABEL_LIMIT} characters.",
                )
            )
        elif value != " ".join(value.split()):
            out.append(
                FieldError(
                    name,
                    "category_label",
                    f"{words[0]}: tanpa spasi di awal/akhir, spasi ganda atau baris baru.",
                    f"{words[1]}: no leading/trailing or double spaces, no line breaks.",
                )
            )
    return out


def shipped_problem(code: str) -> FieldError:
    return FieldError(
        "code",
        "category_shipped",
        f"Kategori '{code}' bawaan aplikasi; labelnya tidak dapat diubah di sini.",
        f"Category '{code}' ships with the app; its labels cannot be changed here.",
    )


def extensions() -> list[Extension]:
    """Every category added here or by a package (not shipped), by year and code."""
    rows = engine.sql(
        "SELECT code, year, label_id, label_en, stamp FROM category "
        "WHERE shipped = 0 ORDER BY year, code"
    ).fetchall()
    return [Extension(Category(c, int(y), lid, len_), s) for c, y, lid, len_, s in rows]


def merge(entries: Iterable[Extension]) -> list[Extension]:
    """Take ``entries`` into the table (inside the caller's transaction); returns those
    that added or changed a category. A shipped category keeps its code."""
    changed = []
    for entry in entries:
        cat = entry.category
        row = engine.sql(
            "SELECT shipped, stamp, label_id, label_en FROM category WHERE code = ?", (cat.code,)
        ).fetchone()
        if row is not None and (row[0] or (row[1] or "", row[2], row[3]) >= entry.key()):
            continue
        engine.sql(
            "INSERT INTO category (code, year, label_id, label_en, shipped, stamp) "
            "VALUES (?, ?, ?, ?, 0, ?) ON CONFLICT(code) DO UPDATE SET "
            "label_id = excluded.label_id, label_en = excluded.label_en, stamp = excluded.stamp",
            (cat.code, cat.year, cat.label_id, cat.label_en, entry.stamp),
        )
        changed.append(entry)
    return changed
