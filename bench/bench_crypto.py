"""Encryption at rest (run by hand): insert, list and search on an encrypted data folder,
each as a ratio to the same work on a plain folder measured in the same run.

    python bench/bench_crypto.py [--records 20000] [--repeat 30]

Both folders are made the same way and hold the same records.  Insert: ``--records``
innovations in batches of 500 (one transaction each).  List: the first page of 100
innovations sorted by title.  Search: a two-word full-text search (first 100 hits).
Each read is timed warm (the page cache already holds the pages: the best of
``--repeat`` runs) and cold (a new connection first, so every page is read and, when
encrypted, decrypted again: the best of ``--repeat`` runs).  Target: every ratio at most
1.5x.  Each figure is given twice: wall time, and this thread's CPU time (on a shared,
busy machine nearer what a quiet laptop would see); the load average is printed before
and after.  The last line is JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from jipp_desktop.core import cipher
from jipp_desktop.core import models as m
from jipp_desktop.core.query import ListQuery
from jipp_desktop.core.workspace import Workspace, open_workspace

PASSPHRASE = "kopi tubruk pagi hari di balai desa"
WORDS = ("antrian", "daring", "posyandu", "sampah", "desa", "sehat", "pajak", "air", "ibu")


def timed(work: Callable[[], object]) -> tuple[float, float]:
    """(wall seconds, this thread's CPU seconds) of ``work``."""
    start, cpu = time.perf_counter(), time.thread_time()
    work()
    return time.perf_counter() - start, time.thread_time() - cpu


def items(count: int, agency: str) -> list[dict[str, object]]:
    return [
        {
            "title": f"Inovasi {WORDS[i % len(WORDS)]} {WORDS[(i * 7) % len(WORDS)]} {i}",
            "agency_id": agency,
            "province_code": "36",
        }
        for i in range(count)
    ]


def best(work: Callable[[], object], repeat: int, cold: bool) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        if cold:
            m.database.close()
            m.database.connect()
        times.append(timed(work))
    return min(t[0] for t in times), min(t[1] for t in times)


def measure(ws: Workspace, records: int, repeat: int) -> dict[str, float]:
    agency = ws.records.create("agency", {"name": "Dinas Kominfo Banten", "level": "province"})
    batch = items(records, agency)

    def insert() -> None:
        for start in range(0, records, 500):
            ws.records.create_many("innovation", batch[start : start + 500])

    figures: dict[str, float] = {}
    figures["insert"], figures["insert_cpu"] = timed(insert)
    page = ListQuery(sort="title", limit=100)
    search = ListQuery(search="posyandu sehat", limit=100)
    assert len(ws.records.list("innovation", page)) == 100
    assert len(ws.records.list("innovation", search)) == 100
    for cold in (False, True):
        label = "cold" if cold else "warm"
        listed = best(lambda: ws.records.list("innovation", page), repeat, cold)
        found = best(lambda: ws.records.list("innovation", search), repeat, cold)
        figures[f"list_{label}"], figures[f"list_{label}_cpu"] = listed
        figures[f"search_{label}"], figures[f"search_{label}_cpu"] = found
    return figures


def folder(root: Path, name: str, encrypted: bool) -> Path:
    made = root / name
    made.mkdir()
    if encrypted:
        (made / cipher.MARKER).write_text("sqlcipher4\n", encoding="utf-8")
    return made


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    figures: dict[str, dict[str, float]] = {}
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="jipp-bench-crypto-") as tmp:
        root = Path(tmp)
        for name, encrypted in (("plain", False), ("encrypted", True)):
            ws = open_workspace(
                folder(root, name, encrypted), passphrase=PASSPHRASE if encrypted else None
            )
            try:
                assert (cipher.is_plain(ws.db_path) is False) == encrypted
                figures[name] = measure(ws, args.records, args.repeat)
            finally:
                ws.close()
    load_after = os.getloadavg()
    ratios = {k: figures["encrypted"][k] / figures["plain"][k] for k in figures["plain"]}
    print(f"load average before {load_before[0]:.2f}, after {load_after[0]:.2f} (1 min)")
    for key, ratio in ratios.items():
        print(
            f"{key:<16} plain {figures['plain'][key]:7.4f} s  encrypted "
            f"{figures['encrypted'][key]:7.4f} s  ratio {ratio:4.2f}x (target <= 1.5x)"
        )
    load = {"before": round(load_before[0], 2), "after": round(load_after[0], 2)}
    rounded = {k: round(v, 3) for k, v in ratios.items()}
    print(json.dumps({"seconds": figures, "ratios": rounded, "load": load}))


if __name__ == "__main__":
    main()
