"""Reference regions (Kemendagri codes) from resources/regions, loaded into the database."""

from __future__ import annotations

import csv
import hashlib
import sqlite3
from functools import cache

from jipp_desktop.core import engine
from jipp_desktop.core import models as m
from jipp_desktop.core.validation import Regions
from jipp_desktop.paths import resource


def _files() -> tuple[bytes, bytes]:
    folder = resource("regions")
    return (folder / "provinces.csv").read_bytes(), (folder / "regencies.csv").read_bytes()


def seed(conn: sqlite3.Connection | None = None) -> bool:
    """Upsert the shipped region lists when they changed; returns True when it wrote.

    Runs in one transaction on ``conn``, a bare SQLite connection (a laptop's start-up,
    where damage is still told apart from other failures; tests and benchmarks), or else
    on the open workspace's database (PostgreSQL)."""
    provinces, regencies = _files()
    digest = hashlib.sha256(provinces + regencies).hexdigest()
    run = conn.execute if conn is not None else engine.sql
    row = run("SELECT value FROM setting WHERE key = 'regions_sha256'", ()).fetchone()
    if row and row[0] == digest:
        return False
    statements: list[tuple[str, list[tuple[str, ...]]]] = [
        (
            "INSERT INTO province (code, name) VALUES (?, ?) "
            "ON CONFLICT(code) DO UPDATE SET name = excluded.name",
            [(r["code"], r["name"]) for r in _rows(provinces)],
        ),
        (
            "INSERT INTO regency (code, province_code, name, kind) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(code) DO UPDATE SET name = excluded.name, "
            "province_code = excluded.province_code, kind = excluded.kind",
            [(r["code"], r["province_code"], r["name"], r["kind"]) for r in _rows(regencies)],
        ),
        (
            "INSERT INTO setting (key, value) VALUES ('regions_sha256', ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [(digest,)],
        ),
    ]
    if conn is not None:
        # One explicit transaction: the start-up connection is in autocommit mode, where
        # each of the ~550 upserts would otherwise be its own synced commit.
        conn.execute("BEGIN IMMEDIATE")
        try:
            for sql, rows in statements:
                conn.executemany(sql, rows)
        except BaseException:
            conn.rollback()
            raise
        conn.commit()
        return True
    with m.database.atomic():
        for sql, rows in statements:
            engine.executemany(sql, rows)
    return True


def _rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(data.decode("utf-8").splitlines()))


def load() -> Regions:
    provinces = dict(engine.sql("SELECT code, name FROM province").fetchall())
    regencies = {
        code: (prov, name)
        for code, prov, name in engine.sql("SELECT code, province_code, name FROM regency")
    }
    return Regions(provinces, regencies)


@cache
def province_aliases() -> dict[str, str]:
    """Province code -> its everyday short forms, ';'-separated ("53" -> "NTT;Flobamorata")."""
    text = resource("regions", "province_aliases.csv").read_text(encoding="utf-8")
    return {
        row["code"]: row["aliases"] for row in csv.DictReader(text.splitlines()) if row["aliases"]
    }
