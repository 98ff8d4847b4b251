"""The installed bundle works on the ministry's PostgreSQL database with its own driver
(psycopg's binary package brings libpq): no Python, no system libpq needed."""

from __future__ import annotations

import json
from pathlib import Path

from bundle_helpers import Bundle


def test_the_bundle_records_and_searches_on_postgresql(
    bundle: Bundle, tmp_path: Path, pg_url: str
) -> None:
    libpq = list(bundle.program.rglob("libpq*.so*"))
    assert libpq, "the bundle ships libpq with psycopg's binary package"
    folder = tmp_path / "workstation"
    made = bundle.cli("--data-dir", folder, "--database", pg_url, "demo-data")
    assert made.returncode == 0, made.stderr
    counts = json.loads(
        bundle.cli("--data-dir", folder, "--database", pg_url, "stats", "--json").stdout
    )
    assert counts["innovation"] > 0
    found = bundle.cli(
        "--data-dir", folder, "--database", pg_url, "record", "list", "innovation",
        "--search", "desa", "--json",
    )  # fmt: skip
    assert found.returncode == 0, found.stderr
    rows = json.loads(found.stdout)
    searched = ("title", "problem", "solution", "novelty", "results", "tags", "category")
    assert rows and len(rows) < counts["innovation"]
    assert all("desa" in " ".join(str(r[k] or "") for k in searched).lower() for r in rows)
    assert not (folder / "jipp.sqlite3").exists()
