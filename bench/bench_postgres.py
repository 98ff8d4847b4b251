"""PostgreSQL benchmark (run by hand): ten national years in the ministry's database.

    python bench/bench_postgres.py [--years 10] [--source DIR] [--url URL | --keep DIR]

Without ``--url`` a cluster is started (as the tests do) in a temporary folder, or with
``--keep`` in DIR, kept between runs: a run finding the years already built there measures
the lists and the recap only (the import figures come from the run that built them).
The data: the national demo dataset (100,000 innovations, 20,000 replications, 50,000
visits; taken from ``--source``, a SQLite data folder holding it, or generated once into
``bench/.cache/national``) is exported as one full package and imported into an empty
PostgreSQL database, then copied server-side into ``--years`` national years (every id and
reference mapped through md5, so each year is a separate set of records with its own
replications, commitments, visits and work plans): 1,000,000 innovations for ten years.

Each figure is a ratio to a raw psycopg baseline on the same rows in the same run:
- import: the app's ``sync import`` of the full package into an empty database, against
  psycopg ``executemany`` of the same rows (read from the package's own lines) into the
  same tables of another empty database;
- first page: a province-filtered list sorted by title, 50 rows, the app's
  ``RecordService.list`` against the same SELECT through psycopg;
- search as you type: the app's first page for each prefix of a few words typed letter
  by letter (unranked while typing, as the list does), against the same full-text query
  through psycopg; target: the app's median under 100 ms at 1,000,000 innovations;
- national recap: the PDF (``report national``) against psycopg running the recap's
  GROUP BY queries and reportlab drawing a plain table of the same lines.
The last line printed is JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import psycopg  # noqa: E402
from pg_cluster import Cluster  # noqa: E402

from jipp_desktop.core import demo, engine, regions  # noqa: E402
from jipp_desktop.core import engine_postgresql as pg  # noqa: E402
from jipp_desktop.core.fields import RefId  # noqa: E402
from jipp_desktop.core.listing import compile_list, list_select  # noqa: E402
from jipp_desktop.core.query import ListQuery  # noqa: E402
from jipp_desktop.core.registry import record_type  # noqa: E402
from jipp_desktop.core.workspace import open_workspace  # noqa: E402
from jipp_desktop.reports import catalog  # noqa: E402
from jipp_desktop.sync import exporter, identity, importer  # noqa: E402
from jipp_desktop.sync.schema import TABLE_ORDER, TABLES  # noqa: E402

CACHE = ROOT / "bench" / ".cache" / "national"
WORDS = ("kesehatan", "layanan", "digital", "desa", "sekolah", "arsip", "stunting", "pajak")
PROVINCE = "35"  # Jawa Timur, the largest province of the demo data
PAGE = 50
REPEATS = 7


def timed(work: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result


def median_of(work: Callable[[], Any], repeats: int = REPEATS) -> float:
    work()  # the first run fills the caches; lists are read warm in the field too
    return statistics.median(timed(work)[0] for _ in range(repeats))


def national_source(given: Path | None) -> Path:
    """A SQLite data folder holding the national demo data (generated once if needed)."""
    if given is not None:
        return given
    if not (CACHE / "jipp.sqlite3").exists():
        CACHE.parent.mkdir(parents=True, exist_ok=True)
        partial = CACHE.with_name("national.part")
        shutil.rmtree(partial, ignore_errors=True)
        ws = open_workspace(partial)
        try:
            print("generating the national demo data once (a few minutes)...", flush=True)
            demo.generate(ws.records, "national", 1)
        finally:
            ws.close()
        partial.rename(CACHE)
    return CACHE


def fresh_database(admin_url: str, name: str, template: str) -> str:
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.execute(f"CREATE DATABASE {name} TEMPLATE {template}")
    return admin_url.replace("/postgres?", f"/{name}?")


def migrated_template(admin_url: str) -> str:
    name = "bench_template"
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.execute(f"CREATE DATABASE {name}")
    url = admin_url.replace("/postgres?", f"/{name}?")
    conn = pg.connect(url)
    try:
        pg.migrate(conn)
    finally:
        conn.close()
    engine.use(engine.POSTGRESQL, pg.Database(url))
    try:
        regions.seed()  # the reference regions every record points at, as at a first start
    finally:
        engine.m.database.close()
        engine.use(engine.SQLITE, engine.m.sqlite_database)
    return name


def package_rows(package: Path) -> Iterator[dict[str, Any]]:
    """Every change line of a package: the raw baseline's input."""
    with zipfile.ZipFile(package) as zf, zf.open("changes.jsonl") as lines:
        for raw in lines:
            yield json.loads(raw)


def raw_import(package: Path, url: str) -> int:
    """executemany of every row's cells into the same tables, in one transaction."""
    batches: dict[str, list[dict[str, Any]]] = {}
    for line in package_rows(package):
        row = {name: cell[0] for name, cell in line.get("f", {}).items()}
        cl = line.get("cl", [1])
        row.update(id=line["id"], hlc=line["hlc"], cl=cl[0], deleted=int(cl[0] % 2 == 0))
        row.update(created_at=line.get("ca", ""), updated_at="", updated_by="")
        batches.setdefault(line["t"], []).append(row)
    count = 0
    with psycopg.connect(url) as conn, conn.cursor() as cur:
        for table in TABLE_ORDER:
            rows = batches.get(table, [])
            if not rows:
                continue
            columns = sorted({key for row in rows for key in row})
            sql = (
                f"INSERT INTO {table} ({', '.join(columns)}) "
                f"VALUES ({', '.join(['%s'] * len(columns))})"
            )
            cur.executemany(sql, [[_plain(row.get(c)) for c in columns] for row in rows])
            count += len(rows)
    return count


def _plain(value: Any) -> Any:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return value


def multiply_years(url: str, years: int) -> None:
    """Copy the imported national year ``years - 1`` times, server-side, with every id and
    reference mapped through md5 so that each copy is a separate set of records."""
    with psycopg.connect(url) as conn:
        # The search indexes are built once after the copies instead of row by row (as a
        # DBA loading ten years would); the other indexes and the triggers stay.
        indexes = conn.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE indexname IN "
            "('innovation_fts', 'visit_fts')"
        ).fetchall()
        for name, _ in indexes:
            conn.execute(f"DROP INDEX {name}")
        first_year = {
            table: conn.execute(f"SELECT coalesce(max(seq), 0) FROM {table}").fetchone()[0]  # type: ignore[index]
            for table in TABLE_ORDER
        }
        for k in range(1, years):
            for table in TABLE_ORDER:
                model = TABLES[table]
                columns = [f.column_name for f in model._meta.sorted_fields if f.name != "seq"]
                mapped = [
                    f"CASE WHEN {c} IS NULL THEN NULL ELSE md5({c} || ':{k}')::uuid::text END"
                    if c == "id" or isinstance(model._meta.columns[c], RefId)
                    else c
                    for c in columns
                ]
                conn.execute(
                    f"INSERT INTO {table} ({', '.join(columns)}) "
                    f"SELECT {', '.join(mapped)} FROM {table} WHERE seq <= %s",
                    (first_year[table],),
                )
            conn.commit()
            print(f"  year {k + 1} of {years} copied", flush=True)
        for _, definition in indexes:
            conn.execute(definition)
        conn.commit()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")


def list_columns_sql() -> str:
    model = TABLES["innovation"]
    return ", ".join(f.column_name for f in model._meta.sorted_fields)


def measure_lists(ws: Any, url: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    cols = list_columns_sql()
    query = ListQuery(filters={"province_code": PROVINCE}, sort="title", limit=PAGE)
    app_s = median_of(lambda: ws.records.list("innovation", query))
    with psycopg.connect(url) as conn:
        raw_s = median_of(
            lambda: conn.execute(
                f"SELECT {cols} FROM innovation WHERE deleted = 0 AND province_code = %s "
                f"ORDER BY title, seq LIMIT {PAGE}",
                (PROVINCE,),
            ).fetchall()
        )
        out["first_page_s"], out["raw_first_page_s"] = round(app_s, 4), round(raw_s, 4)
        out["first_page_ratio"] = round(app_s / raw_s, 2)
        out.update(measure_list_keys(ws, conn))

    out.update(measure_search(ws, url))
    return out


def measure_list_keys(ws: Any, conn: Any) -> dict[str, Any]:
    """What a list view reads when it opens: the row numbers of the whole list in order
    (RecordService.seqs), the national list and one province's, against the same SQL."""
    rt = record_type("innovation")
    out: dict[str, Any] = {}
    for name, filters in (("national", {}), ("province", {"province_code": PROVINCE})):
        query = ListQuery(filters=filters)
        app_s = median_of(lambda q=query: ws.records.seqs("innovation", q), repeats=3)
        raw = raw_query(conn, rt, query, rt.model.select(rt.model.seq))
        raw_s = median_of(raw, repeats=3)
        out[f"list_keys_{name}_rows"] = len(raw())
        out[f"list_keys_{name}_s"] = round(app_s, 3)
        out[f"raw_list_keys_{name}_s"] = round(raw_s, 3)
        out[f"list_keys_{name}_ratio"] = round(app_s / raw_s, 2)
    return out


def measure_search(ws: Any, url: str) -> dict[str, Any]:
    """Each prefix of WORDS typed letter by letter (the preview while typing: newest 50
    matches), then each whole word's ranked list (every match, once the keys pause); the
    raw baseline runs the very SQL the app sends, through psycopg."""
    rt = record_type("innovation")
    rows, seqs = list_select(rt.model), rt.model.select(rt.model.seq)
    prefixes = [w[:n] for w in WORDS for n in range(1, len(w) + 1)]
    typing = [ListQuery(search=p, ranked=False, limit=PAGE) for p in prefixes]
    paused = [ListQuery(search=w) for w in WORDS]
    app = {
        "typing": [timed_twice(lambda q=q: ws.records.list("innovation", q)) for q in typing],
        "ranked": [timed_twice(lambda q=q: ws.records.seqs("innovation", q)) for q in paused],
    }
    with psycopg.connect(url) as conn:
        raw = {
            "typing": [timed_twice(raw_query(conn, rt, q, rows)) for q in typing],
            "ranked": [timed_twice(raw_query(conn, rt, q, seqs)) for q in paused],
        }
        matches = [len(raw_query(conn, rt, q, seqs)()) for q in paused]
    out: dict[str, Any] = {"keystrokes": len(prefixes)}
    for phase in ("typing", "ranked"):
        median = statistics.median(app[phase])
        out[f"search_{phase}_median_ms"] = round(median * 1000, 1)
        out[f"search_{phase}_max_ms"] = round(max(app[phase]) * 1000, 1)
        out[f"raw_search_{phase}_median_ms"] = round(statistics.median(raw[phase]) * 1000, 1)
        out[f"search_{phase}_ratio"] = round(median / statistics.median(raw[phase]), 2)
    out["ranked_matches"] = dict(zip(WORDS, matches, strict=True))
    return out


def timed_twice(work: Callable[[], Any]) -> float:
    """The second run's time: the first reads the pages from disk (a keystroke's query
    differs from the last one by a letter, so caches are warm in use)."""
    work()
    return timed(work)[0]


def raw_query(conn: Any, rt: Any, q: ListQuery, select: Any) -> Callable[[], list[Any]]:
    sql, params = compile_list(rt, q, select)
    params = [_plain(value) for value in params]  # the app's connection adapts flags alike
    return lambda: conn.execute(sql, params).fetchall()


RECAP_SQL = (
    "SELECT province_code, count(*) FROM innovation WHERE deleted = 0 GROUP BY 1",
    "SELECT province_code, count(*) FROM replication WHERE deleted = 0 GROUP BY 1",
    "SELECT province_code, count(*) FROM replication WHERE deleted = 0 "
    "AND status = 'completed' GROUP BY 1",
    "SELECT substr(regency_code, 1, 2), count(*) FROM visit WHERE deleted = 0 GROUP BY 1",
    "SELECT province_code, count(*) FROM commitment WHERE deleted = 0 GROUP BY 1",
    "SELECT substr(v.regency_code, 1, 2), count(*) FROM visit_followup f "
    "JOIN visit v ON v.id = f.visit_id WHERE f.deleted = 0 AND v.deleted = 0 "
    "AND f.status NOT IN ('done', 'cancelled') GROUP BY 1",
)


def raw_recap(url: str, out: Path) -> None:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.platypus import SimpleDocTemplate, Table

    lines: dict[str, list[int]] = {}
    with psycopg.connect(url) as conn:
        for column, sql in enumerate(RECAP_SQL):
            for code, n in conn.execute(sql).fetchall():
                lines.setdefault(str(code), [0] * len(RECAP_SQL))[column] = int(n)
    rows = [["Provinsi", *(f"k{i}" for i in range(len(RECAP_SQL)))]]
    rows += [[code, *values] for code, values in sorted(lines.items())]
    SimpleDocTemplate(str(out), pagesize=landscape(A4)).build([Table(rows, repeatRows=1)])


def built_years(admin_url: str) -> int:
    """How many national years a kept cluster's bench_app holds (0: none built)."""
    with psycopg.connect(admin_url, autocommit=True) as admin:
        found = admin.execute("SELECT 1 FROM pg_database WHERE datname = 'bench_app'")
        if found.fetchone() is None:
            return 0
    with psycopg.connect(admin_url.replace("/postgres?", "/bench_app?")) as conn:
        row = conn.execute("SELECT obj_description('innovation'::regclass)").fetchone()
    return int(row[0]) if row and row[0] else 0


def build(admin_url: str, args: argparse.Namespace, work: Path) -> dict[str, Any]:
    """Export the national year, import it raw and through the app, copy it into years."""
    out: dict[str, Any] = {}
    template = migrated_template(admin_url)
    source = national_source(args.source)
    ws = open_workspace(source)
    package = exporter.export(ws, work / "national.jipp", full=True)
    sender = identity.load_or_create(source).fingerprint
    ws.close()
    out["package_lines"] = package.rows
    out["package_mb"] = round(package.path.stat().st_size / 2**20, 1)

    raw_url = fresh_database(admin_url, "bench_raw", template)
    raw_s, raw_rows = timed(lambda: raw_import(package.path, raw_url))
    app_url = fresh_database(admin_url, "bench_app", template)
    ws = open_workspace(work / "ministry", database=app_url)
    identity.trust(sender)
    app_s, _ = timed(lambda: importer.import_package(ws, package.path))
    ws.close()
    out["import_s"], out["raw_import_s"] = round(app_s, 1), round(raw_s, 1)
    out["raw_import_rows"] = raw_rows
    out["import_ratio"] = round(app_s / raw_s, 2)

    copy_s, _ = timed(lambda: multiply_years(app_url, args.years))
    out["copy_years_s"] = round(copy_s, 1)
    with psycopg.connect(app_url, autocommit=True) as conn:
        conn.execute(f"COMMENT ON TABLE innovation IS '{args.years}'")  # see built_years
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--source", type=Path, help="a SQLite data folder with national data")
    parser.add_argument("--url", help="an existing server's maintenance database URL")
    parser.add_argument("--keep", type=Path, help="a folder keeping the cluster between runs")
    parser.add_argument("--build-only", action="store_true", help="build the years, measure none")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-pg-"))
    # A ministry server gives PostgreSQL about a quarter of its memory; the tests' 32 MB
    # would measure the disk instead.
    cluster = None if args.url else Cluster(args.keep, shared_buffers="2GB")
    out: dict[str, Any] = {"years": args.years, "load_average": os.getloadavg()[0]}
    try:
        if cluster is not None:
            cluster.start()
        admin_url = args.url or cluster.url("postgres")  # type: ignore[union-attr]
        app_url = admin_url.replace("/postgres?", "/bench_app?")
        if built_years(admin_url) == args.years:
            out["reused_years"] = True
        else:
            out.update(build(admin_url, args, work))
        if args.build_only:
            print(json.dumps(out))
            return
        with psycopg.connect(app_url) as conn:
            row = conn.execute("SELECT count(*) FROM innovation WHERE deleted = 0").fetchone()
        out["innovations"] = int(row[0]) if row else 0

        ws = open_workspace(work / "ministry", database=app_url, readonly=True)
        out.update(measure_lists(ws, app_url))
        request = catalog.ReportRequest(kind="national")
        app_recap_s, _ = timed(lambda: catalog.generate(ws, request, work / "recap.pdf"))
        ws.close()
        raw_recap_s, _ = timed(lambda: raw_recap(app_url, work / "raw-recap.pdf"))
        out["recap_s"], out["raw_recap_s"] = round(app_recap_s, 2), round(raw_recap_s, 2)
        out["recap_ratio"] = round(app_recap_s / raw_recap_s, 2)
        out["targets_met"] = {"search_typing_median<100ms": out["search_typing_median_ms"] < 100}
        for key, value in out.items():
            print(f"{key}: {value}")
        print(json.dumps(out))
    finally:
        engine.use(engine.SQLITE, engine.m.sqlite_database)
        if cluster is not None:
            cluster.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]
    main()
