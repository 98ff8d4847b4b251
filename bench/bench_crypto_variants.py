"""Why a new connection reads an encrypted folder slower (run by hand): the same records
as bench_crypto.py, copied into SQLCipher files that differ in one setting each (page
size, page authentication), each timed on a new connection as a ratio to the plain file
in the same run.  The app's own setting is ``16k sha256``.

    python bench/bench_crypto_variants.py [--records 20000] [--repeat 20]
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_crypto import PASSPHRASE, items

from jipp_desktop.core import cipher
from jipp_desktop.core.workspace import DB_NAME, PRAGMAS, open_workspace

COLUMNS = "t.id, t.title, t.agency_id, t.province_code, t.problem, t.solution, t.seq"
LIST = f"SELECT {COLUMNS} FROM innovation t WHERE t.deleted = 0 ORDER BY t.title, t.seq LIMIT 100"
SEARCH = (
    f"SELECT {COLUMNS} FROM innovation t JOIN innovation_fts f ON f.rowid = t.seq "
    'WHERE t.deleted = 0 AND innovation_fts MATCH \'"posyandu"* "sehat"*\' '
    "ORDER BY f.rank, t.seq LIMIT 100"
)
# name: (page size, HMAC algorithm, page authentication on)
VARIANTS = {
    "8k sha256": (8192, "HMAC_SHA256", True),
    "16k sha256": (16384, "HMAC_SHA256", True),
    "32k sha256": (32768, "HMAC_SHA256", True),
    "64k sha256": (65536, "HMAC_SHA256", True),
    "16k sha1": (16384, "HMAC_SHA1", True),
    "16k sha512": (16384, "HMAC_SHA512", True),
    "16k no hmac": (16384, "HMAC_SHA256", False),
}


def settings(prefix: str, page: int, hmac: str, authenticated: bool) -> list[str]:
    on = "ON" if authenticated else "OFF"
    return [
        f"PRAGMA {prefix}cipher_page_size = {page}",
        f"PRAGMA {prefix}cipher_hmac_algorithm = {hmac}",
        f"PRAGMA {prefix}cipher_use_hmac = {on}",
    ]


def make(source: Path, target: Path, variant: tuple[int, str, bool]) -> None:
    conn = cipher.open_plain_with_cipher_driver(source)
    try:
        key = cipher.key_pragma(target, PASSPHRASE)
        conn.execute(f'ATTACH DATABASE ? AS target KEY "{key}"', (str(target),))
        for pragma in settings("target.", *variant):
            conn.execute(pragma)
        conn.execute("SELECT sqlcipher_export('target')")
        conn.execute("DETACH DATABASE target")
    finally:
        conn.close()


def opener(path: Path, variant: tuple[int, str, bool] | None) -> Callable[[], Any]:
    def open_it() -> Any:
        if variant is None:
            return sqlite3.connect(path, isolation_level=None)
        conn = cipher._driver().connect(str(path), isolation_level=None)
        conn.execute(f'PRAGMA key = "{cipher.key_pragma(path, PASSPHRASE)}"')
        for pragma in settings("", *variant):
            conn.execute(pragma)
        return conn

    return open_it


def cold(open_it: Callable[[], Any], sql: str, repeat: int) -> float:
    """The best time of ``sql`` on a new connection (opened and set up untimed)."""
    best = float("inf")
    for _ in range(repeat):
        conn = open_it()
        for name, value in PRAGMAS.items():
            conn.execute(f"PRAGMA {name} = {value}").fetchall()
        start = time.perf_counter()
        assert len(conn.execute(sql).fetchall()) == 100
        best = min(best, time.perf_counter() - start)
        conn.close()
    return best


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="jipp-bench-variants-") as tmp:
        root = Path(tmp)
        with open_workspace(root / "plain") as ws:
            agency = ws.records.create("agency", {"name": "Dinas Kominfo", "level": "province"})
            batch = items(args.records, agency)
            for start in range(0, args.records, 500):
                ws.records.create_many("innovation", batch[start : start + 500])
        plain = root / "plain" / DB_NAME
        for name, variant in VARIANTS.items():
            make(plain, root / f"{name.replace(' ', '-')}.db", variant)
        print(f"load average {os.getloadavg()[0]:.2f} (1 min)")
        base = {sql: cold(opener(plain, None), sql, args.repeat) for sql in (LIST, SEARCH)}
        print(f"plain: list {base[LIST] * 1000:.2f} ms, search {base[SEARCH] * 1000:.2f} ms")
        for name, variant in VARIANTS.items():
            open_it = opener(root / f"{name.replace(' ', '-')}.db", variant)
            ratios = [cold(open_it, sql, args.repeat) / base[sql] for sql in (LIST, SEARCH)]
            print(f"{name:<12} list {ratios[0]:4.2f}x  search {ratios[1]:4.2f}x")
        print(f"load average {os.getloadavg()[0]:.2f} (1 min)")


if __name__ == "__main__":
    main()
