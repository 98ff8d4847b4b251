"""Sync benchmark (run by hand): packages of the national demo dataset against raw baselines.

    python bench/bench_sync.py [--size national|small] [--seed 1]

Baselines measured in the same run on the same data:
- export: sqlite3 SELECT of every synced table + json.dumps per row + zipfile (deflate);
- import: zipfile + json.loads per line + executemany INSERT into an empty database.
Targets: full export <= 2x its baseline; import into an empty database <= 3x; importing
the same package again <= 0.3x of the first import with zero changes; an incremental export
of 10 changed records <= 2% of the full export's time and < 20 KB.  The last line is JSON.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from jipp_desktop.core import demo
from jipp_desktop.core.workspace import DB_NAME, open_workspace
from jipp_desktop.sync import digest, exporter, identity, importer
from jipp_desktop.sync.schema import TABLE_ORDER


def timed(work: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result


def raw_export(db: Path, target: Path) -> None:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    with (
        zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zf,
        zf.open("rows.jsonl", "w") as out,
    ):
        for table in TABLE_ORDER:
            for row in conn.execute(f"SELECT * FROM {table}"):
                record = dict(row)
                record["_t"] = table
                out.write(json.dumps(record, ensure_ascii=False).encode() + b"\n")
    conn.close()


def raw_import(source: Path, db: Path) -> None:
    conn = sqlite3.connect(db)
    batches: dict[str, list[dict[str, Any]]] = {}
    with zipfile.ZipFile(source) as zf:
        for line in zf.read("rows.jsonl").splitlines():
            record = json.loads(line)
            batches.setdefault(record.pop("_t"), []).append(record)
    with conn:
        conn.execute("PRAGMA defer_foreign_keys = ON")
        for table in TABLE_ORDER:
            rows = batches.get(table, [])
            if not rows:
                continue
            columns = [c for c in rows[0] if c != "seq"]
            conn.executemany(
                f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
                f"({', '.join('?' * len(columns))})",
                [[r[c] for c in columns] for r in rows],
            )
    conn.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", default="national", choices=demo.SIZES)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="bench-sync-"))
    a_dir, b_dir, raw_dir = root / "a", root / "b", root / "raw"
    out: dict[str, Any] = {"size": args.size}
    try:
        ws = open_workspace(b_dir)
        b_id = ws.device_id
        ws.close()
        raw_dir.mkdir()
        shutil.copyfile(b_dir / DB_NAME, raw_dir / DB_NAME)  # an empty, migrated database

        ws = open_workspace(a_dir)
        a_id = ws.device_id
        seconds, counts = timed(lambda: demo.generate(ws.records, args.size, args.seed))
        print(f"demo data: {sum(counts.values())} records in {seconds:.1f} s")
        identity.trust(identity.load_or_create(b_dir).fingerprint)
        full_s, full = timed(lambda: exporter.export(ws, root / "full.jipp", full=True))
        a_digest = digest.dataset_digest()
        ws.close()
        raw_export_s, _ = timed(lambda: raw_export(a_dir / DB_NAME, root / "raw.zip"))
        out["full_export_s"] = round(full_s, 3)
        out["raw_export_s"] = round(raw_export_s, 3)
        out["full_export_ratio"] = round(full_s / raw_export_s, 2)
        out["full_package_bytes"] = full.path.stat().st_size
        out["change_lines"] = full.rows

        raw_import_s, _ = timed(lambda: raw_import(root / "raw.zip", raw_dir / DB_NAME))
        ws = open_workspace(b_dir)
        import_s, first = timed(lambda: importer.import_package(ws, full.path, trust=True))
        assert digest.dataset_digest() == a_digest
        again_s, again = timed(lambda: importer.import_package(ws, full.path))
        assert again.nothing_new
        exporter.export(ws, root / "b-for-a.jipp", for_device=a_id)
        ws.close()
        out["import_s"] = round(import_s, 3)
        out["raw_import_s"] = round(raw_import_s, 3)
        out["import_ratio"] = round(import_s / raw_import_s, 2)
        out["reimport_s"] = round(again_s, 3)
        out["reimport_ratio_to_import"] = round(again_s / import_s, 3)
        out["reimport_changes"] = again.total.changed
        out["first_import_new"] = first.total.new

        ws = open_workspace(a_dir)
        identity.trust(identity.load_or_create(b_dir).fingerprint)
        importer.import_package(ws, root / "b-for-a.jipp")
        stale_s, stale = timed(
            lambda: importer.import_package(
                ws, exporter.export(ws, root / "full2.jipp", full=True).path
            )
        )
        del stale_s, stale
        ids = [r["id"] for r in ws.records.list("innovation")[:10]]
        for n, rid in enumerate(ids):
            ws.records.update("innovation", rid, {"tags": f"bench {n}"})
        inc_s, inc = timed(lambda: exporter.export(ws, root / "inc.jipp", for_device=b_id))
        ws.close()
        out["incremental_export_s"] = round(inc_s, 4)
        out["incremental_ratio_to_full"] = round(inc_s / full_s, 4)
        out["incremental_bytes"] = inc.path.stat().st_size
        out["incremental_rows"] = inc.rows

        ws = open_workspace(b_dir)
        same_s, same = timed(lambda: importer.import_package(ws, root / "full2.jipp"))
        ws.close()
        out["same_content_new_package_s"] = round(same_s, 3)
        out["same_content_new_package_changes"] = same.total.changed
        out["targets_met"] = {
            "full_export<=2x": out["full_export_ratio"] <= 2,
            "import<=3x": out["import_ratio"] <= 3,
            "reimport<=0.3x_and_zero_changes": out["reimport_ratio_to_import"] <= 0.3
            and out["reimport_changes"] == 0,
            "incremental<=2%_and_<20KB": out["incremental_ratio_to_full"] <= 0.02
            and out["incremental_bytes"] < 20_000,
        }
        for key, value in out.items():
            print(f"{key}: {value}")
        print(json.dumps(out))
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
