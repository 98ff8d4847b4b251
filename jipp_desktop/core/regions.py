"""Reference regions (Kemendagri codes) from resources/regions, loaded into the database."""

from __future__ import annotations

import csv
import hashlib
import sqlite3
from functools import cache

from jipp_desktop.core.validation import Regions
from jipp_desktop.paths import resource


def _files() -> tuple[bytes, bytes]:
    folder = resource("regions")
    return (folder / "provinces.csv").read_bytes(), (folder / "regencies.csv").read_bytes()


def seed(conn: sqlite3.Connection) -> bool:
    """Upsert the shipped region lists when they changed; returns True when it wrote."""
    provinces, regencies = _files()
    digest = hashlib.sha256(provinces + regencies).hexdigest()
    row = conn.execute("SELECT value FROM setting WHERE key = 'regions_sha256'").fetchone()
    if row and row[0] == digest:
        return False
    # One explicit transaction: the start-up connection is in autocommit mode, where
    # each of the ~550 upserts would otherwise be its own synced commit.
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.executemany(
            "INSERT INTO province (code, name) VALUES (:code, :name) "
            "ON CONFLICT(code) DO UPDATE SET name = excluded.name",
            list(csv.DictReader(provinces.decode("utf-8").splitlines())),
        )
        conn.executemany(
            "INSERT INTO regency (code, province_code, name, kind) "
            "VALUES (:code, :province_code, :name, :kind) ON CONFLICT(code) DO UPDATE SET "
            "name = excluded.name, province_code = excluded.province_code, kind = excluded.kind",
            list(csv.DictReader(regencies.decode("utf-8").splitlines())),
        )
        conn.execute(
            "INSERT OR REPLACE INTO setting (key, value) VALUES ('regions_sha256', ?)", (digest,)
        )
    except BaseException:
        conn.rollback()
        raise
    conn.commit()
    return True


def load(conn: sqlite3.Connection) -> Regions:
    provinces = dict(conn.execute("SELECT code, name FROM province").fetchall())
    regencies = {
        code: (prov, name)
        for code, prov, name in conn.execute("SELECT code, province_code, name FROM regency")
    }
    return Regions(provinces, regencies)


@cache
def province_aliases() -> dict[str, str]:
    """Province code -> its everyday short forms, ';'-separated ("53" -> "NTT;Flobamorata")."""
    text = resource("regions", "province_aliases.csv").read_text(encoding="utf-8")
    return {
        row["code"]: row["aliases"] for row in csv.DictReader(text.splitlines()) if row["aliases"]
    }
