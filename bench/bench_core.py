"""Core benchmark (run by hand): the service layer against raw sqlite3 on the same rows.

    python bench/bench_core.py [--rows 100000]

Each figure is printed as a ratio to a raw sqlite3 baseline measured in the same
run, so a slow or busy machine moves both sides together.  The last line is JSON.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from jipp_desktop.core import migrations, regions
from jipp_desktop.core.query import ListQuery, fts_expression
from jipp_desktop.core.workspace import open_workspace

WORDS = (
    "layanan",
    "adminduk",
    "keliling",
    "puskesmas",
    "ramah",
    "lansia",
    "sistem",
    "cepat",
    "antar",
    "akta",
    "kelahiran",
    "retribusi",
    "pasar",
    "digital",
    "desa",
    "sehat",
    "gizi",
    "stunting",
    "perizinan",
    "terpadu",
    "sekolah",
    "inklusif",
    "air",
    "bersih",
    "sampah",
    "bank",
    "ibu",
    "hamil",
    "posyandu",
    "ambulans",
    "jemput",
    "bola",
)
PROVINCES = ("11", "12", "13", "16", "31", "32", "33", "35", "36", "51", "53", "61", "73")
TARGETS = {"insert": 3.0, "search": 3.0, "first_page": 2.0}


def make_items(n: int, seed: int = 7) -> list[dict[str, Any]]:
    rnd = random.Random(seed)
    return [
        {
            "title": " ".join(rnd.choice(WORDS).capitalize() for _ in range(4)),
            "province_code": rnd.choice(PROVINCES),
            "stage": "implementation",
            "year_started": rnd.randint(2015, 2025),
            "problem": " ".join(rnd.choice(WORDS) for _ in range(25)),
            "solution": " ".join(rnd.choice(WORDS) for _ in range(25)),
        }
        for _ in range(n)
    ]


def raw_insert(path: Path, items: list[dict[str, Any]]) -> float:
    conn = sqlite3.connect(path)
    migrations.migrate(conn)
    regions.seed(conn)
    conn.execute("PRAGMA journal_mode = wal")
    conn.execute("PRAGMA synchronous = normal")
    cols = (
        "id",
        "hlc",
        "stamps",
        "cl",
        "deleted",
        "created_at",
        "updated_at",
        "updated_by",
        "title",
        "province_code",
        "stage",
        "is_digital",
        "year_started",
        "problem",
        "solution",
    )
    sql = f"INSERT INTO innovation ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
    start = time.perf_counter()
    now = "2026-11-30T00:00:00+00:00"
    rows = [
        (
            str(uuid.uuid4()),
            f"{i:016x}-dev",
            "{}",
            1,
            0,
            now,
            now,
            "dev",
            it["title"],
            it["province_code"],
            it["stage"],
            0,
            it["year_started"],
            it["problem"],
            it["solution"],
        )
        for i, it in enumerate(items)
    ]
    with conn:
        conn.executemany(sql, rows)
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def median_time(fn: Any, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    items = make_items(args.rows)
    results: dict[str, Any] = {"rows": args.rows}
    with tempfile.TemporaryDirectory() as tmp:
        raw_seconds = raw_insert(Path(tmp) / "raw.sqlite3", items)
        with open_workspace(Path(tmp) / "service") as ws:
            start = time.perf_counter()
            ws.records.create_many("innovation", items)
            service_seconds = time.perf_counter() - start
            results["insert"] = service_seconds / raw_seconds
            print(
                f"insert {args.rows} innovations: service {service_seconds:.2f} s, "
                f"raw executemany {raw_seconds:.2f} s -> {results['insert']:.2f}x "
                f"(target <= {TARGETS['insert']}x)"
            )

            conn = sqlite3.connect(ws.db_path)
            search = "adminduk keliling"
            expr = fts_expression(search)
            raw_search_sql = (
                "SELECT i.* FROM innovation_fts f JOIN innovation i ON i.seq = f.rowid "
                "WHERE innovation_fts MATCH ? AND i.deleted = 0 "
                "ORDER BY f.rank, i.seq LIMIT 200"
            )
            query = ListQuery(search=search, limit=200)
            found = len(ws.records.list("innovation", query))
            raw = median_time(lambda: conn.execute(raw_search_sql, (expr,)).fetchall(), args.repeat)
            svc = median_time(lambda: ws.records.list("innovation", query), args.repeat)
            results["search"] = svc / raw
            print(
                f"full-text search, {found} results: service {svc * 1000:.1f} ms, raw FTS5 "
                f"{raw * 1000:.1f} ms -> {results['search']:.2f}x (target <= "
                f"{TARGETS['search']}x)"
            )

            page_sql = (
                "SELECT * FROM innovation WHERE deleted = 0 AND province_code = ? "
                "ORDER BY title, seq LIMIT 200"
            )
            page = ListQuery(filters={"province_code": "36"}, sort="title", limit=200)
            raw = median_time(lambda: conn.execute(page_sql, ("36",)).fetchall(), args.repeat)
            svc = median_time(lambda: ws.records.list("innovation", page), args.repeat)
            results["first_page"] = svc / raw
            print(
                f"first page of 200 by title in province 36: service {svc * 1000:.1f} ms, raw "
                f"{raw * 1000:.1f} ms -> {results['first_page']:.2f}x (target <= "
                f"{TARGETS['first_page']}x)"
            )
            conn.close()
    results["within_targets"] = all(results[k] <= v for k, v in TARGETS.items())
    print(json.dumps(results))


if __name__ == "__main__":
    main()
