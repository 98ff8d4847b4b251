"""Dataset digest benchmark (run by hand): the app's ``full_digest()`` against a raw baseline.

    python bench/bench_digest.py --url URL        # a PostgreSQL database (read only)
    python bench/bench_digest.py --sqlite DIR     # a laptop's data folder (read only)

Each variant runs in a process of its own (its peak memory is its own) on the same
database, in one run:
- app: ``jipp_desktop.sync.digest.full_digest()`` through a read-only workspace;
- before: the computation as it was up to 1 December 2026 (every table read whole by the
  driver's ordinary cursor, then hashed one line at a time), for the before/after figure;
- raw: the baseline, the same SELECTs straight through the driver (psycopg streaming, or
  sqlite3 in batches), every row written with ``repr`` and hashed with hashlib, as
  plainly as it can be written.
All three must give the same SHA-256 (the digest is a contract); the benchmark fails
otherwise.  Figures are seconds, peak resident memory, and each time as a ratio to raw;
with ``--repeat N`` the variants run N times interleaved and the fastest run of each
counts.
The last line printed is JSON.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT)]

from jipp_desktop.core import engine  # noqa: E402
from jipp_desktop.core.workspace import open_workspace  # noqa: E402
from jipp_desktop.sync import db, digest  # noqa: E402

VARIANTS = ("raw", "app", "before")


def queries() -> Iterator[tuple[str, str]]:
    return digest._queries()


def raw_rows(args: argparse.Namespace) -> Iterator[tuple[str, Any]]:
    """(label, row) for every canonical line, straight from the driver."""
    if args.url:
        import psycopg

        with psycopg.connect(args.url, autocommit=True) as conn:
            for label, query in queries():
                for row in conn.cursor().stream(query, size=digest.BATCH_ROWS):
                    yield label, row
        return
    conn = sqlite3.connect(f"file:{Path(args.sqlite) / 'jipp.sqlite3'}?mode=ro", uri=True)
    try:
        for label, query in queries():
            cursor = conn.execute(query)
            while batch := cursor.fetchmany(digest.BATCH_ROWS):
                for row in batch:
                    yield label, row
    finally:
        conn.close()


def raw_digest(args: argparse.Namespace) -> str:
    hashed = hashlib.sha256()
    for label, row in raw_rows(args):
        hashed.update(f"{label}\t{row!r}\n".encode())
    return hashed.hexdigest()


def before_digest() -> str:
    """full_digest() as it was: ordinary cursors (the whole table in the driver's memory
    on PostgreSQL), one encode and two hash updates per line."""
    hashed = hashlib.sha256()
    for label, query in queries():
        for row in db.sql(query):
            hashed.update(f"{label}\t{row!r}".encode())
            hashed.update(b"\n")
    return hashed.hexdigest()


def run_variant(args: argparse.Namespace) -> dict[str, Any]:
    start = time.perf_counter()
    if args.variant == "raw":
        value = raw_digest(args)
    else:
        with tempfile.TemporaryDirectory() as folder:
            source = Path(args.sqlite) if args.sqlite else Path(folder) / "ws"
            database = args.url or None
            with open_workspace(source, database=database, readonly=True):
                start = time.perf_counter()
                value = digest.full_digest() if args.variant == "app" else before_digest()
                assert engine.is_postgresql() == bool(args.url)
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": round(seconds, 2), "peak_mb": round(peak_mb), "sha256": value}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--url", help="PostgreSQL URL (opened read only)")
    where.add_argument("--sqlite", help="a data folder holding jipp.sqlite3 (read only)")
    parser.add_argument("--variant", choices=VARIANTS, help=argparse.SUPPRESS)
    parser.add_argument("--only", choices=VARIANTS, action="append", help="run these only")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each, interleaved")
    args = parser.parse_args()
    if args.variant:
        print(json.dumps(run_variant(args)))
        return
    given = ["--url", args.url] if args.url else ["--sqlite", args.sqlite]
    runs: dict[str, list[dict[str, Any]]] = {}
    for _ in range(args.repeat):
        for variant in args.only or VARIANTS:
            done = subprocess.run(
                [sys.executable, __file__, *given, "--variant", variant],
                capture_output=True,
                text=True,
            )
            if done.returncode != 0:
                raise SystemExit(f"{variant} failed:\n{done.stderr[-3000:]}")
            runs.setdefault(variant, []).append(json.loads(done.stdout.strip().splitlines()[-1]))
            print(f"{variant:>7}: {runs[variant][-1]}", flush=True)
    # The fastest run of each: the machine's other load only ever adds time.
    results = {variant: min(found, key=lambda r: r["seconds"]) for variant, found in runs.items()}
    if len({r["sha256"] for r in results.values()}) != 1:
        raise SystemExit(f"the variants disagree on the digest: {results}")
    raw = results.get("raw", {}).get("seconds")
    for variant, result in results.items():
        if raw:
            result["ratio_to_raw"] = round(result["seconds"] / raw, 2)
        print(f"{variant:>7}: {result['seconds']} s, peak {result['peak_mb']} MB, "
              f"ratio to raw {result.get('ratio_to_raw')}")  # fmt: skip
    print(json.dumps({"engine": "postgresql" if args.url else "sqlite", **results}))


if __name__ == "__main__":
    main()
