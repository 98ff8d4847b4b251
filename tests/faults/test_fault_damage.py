"""Damage in the middle of the file, found by any query, names the newest good backup;
a file locked by another program is named too."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from fault_helpers import INNOVATIONS, jipp

from jipp_desktop.cli import exit_codes, main
from jipp_desktop.core import faults, integrity
from jipp_desktop.core.workspace import DB_NAME, open_workspace


def _damage_middle_pages(db: Path) -> None:
    """Overwrite the middle leaf page of the innovation table and of each of its indexes."""
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    leaves = conn.execute(
        "SELECT name, pageno FROM dbstat WHERE pagetype = 'leaf' AND name IN "
        "(SELECT name FROM sqlite_master WHERE tbl_name = 'innovation') ORDER BY name, pageno"
    ).fetchall()
    conn.close()
    by_tree: dict[str, list[int]] = {}
    for name, pageno in leaves:
        by_tree.setdefault(name, []).append(pageno)
    with db.open("r+b") as handle:
        for pages in by_tree.values():
            handle.seek((pages[len(pages) // 2] - 1) * page)
            handle.write(b"\xa5" * page)


def test_damage_found_by_a_query_names_the_newest_good_backup(filled_dir: Path) -> None:
    with open_workspace(filled_dir) as ws:
        good = ws.backup("test")
    assert good is not None
    _damage_middle_pages(filled_dir / DB_NAME)
    # The daily full check has just passed, so only the queries can find the damage.
    (filled_dir / integrity.CHECKED_STAMP).touch()
    before = (filled_dir / DB_NAME).read_bytes()
    for command in (
        ["stats"],
        ["record", "list", "innovation", "--json"],
        ["record", "add", "innovation", "--json", "-"],
    ):
        body = json.dumps({"title": "Inovasi baru", "province_code": "36"})
        result = jipp(filled_dir, *command, input=body)
        assert result.returncode == 6, (command, result.stdout[:200], result.stderr)
        assert f"Berkas basis data {filled_dir / DB_NAME} rusak" in result.stderr
        assert str(good) in result.stderr and "restore" in result.stderr
        assert "tak terduga" not in result.stderr
    assert (filled_dir / DB_NAME).read_bytes() == before
    restored = jipp(filled_dir, "restore", str(good))
    assert restored.returncode == 0, restored.stderr
    assert json.loads(jipp(filled_dir, "stats", "--json").stdout)["innovation"] == INNOVATIONS


def test_a_file_locked_by_another_program_is_named(filled_dir: Path) -> None:
    """Another program (an antivirus scan, a copy tool) holds the database locked."""
    db = filled_dir / DB_NAME
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        ours = sqlite3.connect(db, timeout=0)
        with pytest.raises(sqlite3.OperationalError) as raised:
            ours.execute("BEGIN IMMEDIATE")
        ours.close()
    finally:
        other.rollback()
        other.close()
    named = faults.translate(raised.value, filled_dir)
    assert isinstance(named, faults.FileLocked)
    assert str(db) in named.message("id") and "antivirus" in named.message("en")
    assert main._status_of(named) == exit_codes.STORAGE
