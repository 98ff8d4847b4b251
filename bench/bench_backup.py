"""Backup benchmark: the compressed generation against a plain copy, in the same run.

    python bench/bench_backup.py [--data-dir DIR] [--runs 3]

Without ``--data-dir`` a scratch folder gets the small demo dataset; point it at a
folder made with ``demo-data --size national`` for the national figure.  Prints:

* time of ``backup.automatic_backup`` (backup API copy, record count, gzip level 1)
  as a ratio to the raw baseline, SQLite's backup API alone into a plain file;
* size of the compressed backup as a ratio to the database file.

Each time is the median of ``--runs``.  The last line is JSON for tracking.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from jipp_desktop.core import backup, demo  # noqa: E402
from jipp_desktop.core.workspace import DB_NAME, open_workspace  # noqa: E402


def _timed(action: object) -> float:
    assert callable(action)
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="jipp-bench-backup-") as tmp:
        folder = args.data_dir or Path(tmp) / "data"
        if args.data_dir is None:
            with open_workspace(folder) as ws:
                demo.generate(ws.records, "small", 1)
        db = folder / DB_NAME
        plain, packed = [], []
        for run in range(args.runs):
            target = Path(tmp) / f"raw-{run}.sqlite3"
            plain.append(_timed(lambda t=target: backup.copy_database(db, t)))
            target.unlink()
            packed.append(_timed(lambda: backup.automatic_backup(db, folder, "bench")))
        newest = backup.backup_infos(folder, automatic_only=True)[0]
        figures = {
            "database_bytes": db.stat().st_size,
            "raw_copy_s": round(statistics.median(plain), 3),
            "compressed_backup_s": round(statistics.median(packed), 3),
            "time_ratio": round(statistics.median(packed) / statistics.median(plain), 2),
            "size_ratio": round(newest.size / db.stat().st_size, 3),
        }
    print(f"database: {figures['database_bytes'] / 1e6:.1f} MB")
    print(f"compressed backup vs raw backup-API copy: {figures['time_ratio']}x time")
    print(f"compressed backup size vs database: {figures['size_ratio']}x")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
