"""A data folder whose database file is gone is refused, never started over."""

from __future__ import annotations

import json
from pathlib import Path

from fault_helpers import INNOVATIONS, crash_after_edit, jipp

from jipp_desktop.core.workspace import DB_NAME


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != "jipp.lock"
    }


def test_a_deleted_database_with_its_wal_left_is_refused_and_restored(filled_dir: Path) -> None:
    made = jipp(filled_dir, "backup")
    assert made.returncode == 0, made.stderr
    crash_after_edit(filled_dir)
    wal = filled_dir / f"{DB_NAME}-wal"
    assert wal.stat().st_size > 0
    (filled_dir / DB_NAME).unlink()
    before = _files(filled_dir)

    for command in (["stats"], ["record", "list", "innovation"], ["device"]):
        refused = jipp(filled_dir, *command)
        assert refused.returncode == 6, refused.stderr
        assert f"Berkas basis data {filled_dir / DB_NAME} tidak ada" in refused.stderr
        assert "jipp.sqlite3-wal" in refused.stderr and "backups/" in refused.stderr
        assert "restore" in refused.stderr and refused.stdout == ""
    # Nothing was created, nothing changed: no new database, no new device id.
    assert _files(filled_dir) == before

    listed = jipp(filled_dir, "backup", "list", "--json")
    assert listed.returncode == 0, listed.stderr
    newest = json.loads(listed.stdout)[0]
    assert newest["records"] == INNOVATIONS and newest["path"].endswith(".sqlite3.gz")
    assert newest["path"] in jipp(filled_dir, "--lang", "en", "stats").stderr

    restored = jipp(filled_dir, "restore", newest["path"])
    assert restored.returncode == 0, restored.stderr
    # The WAL left behind is kept byte for byte, never replayed onto the backup.
    (aside,) = (filled_dir / "backups").glob("leftover-*")
    assert (aside / wal.name).read_bytes() == before[wal.name]
    stats = jipp(filled_dir, "stats", "--json")
    assert json.loads(stats.stdout)["innovation"] == INNOVATIONS


def test_a_deleted_database_without_backups_says_how_to_start_over(filled_dir: Path) -> None:
    (filled_dir / "device_key.pem").write_text("kunci")
    (filled_dir / DB_NAME).unlink()
    refused = jipp(filled_dir, "--lang", "en", "record", "add", "hub", "--json", "-", input="{}")
    assert refused.returncode == 6
    assert "device_key.pem" in refused.stderr
    assert "No good backup was found" in refused.stderr
    assert "choose another data folder" in refused.stderr
    assert not (filled_dir / DB_NAME).exists()


def test_a_new_empty_folder_still_starts(data_dir: Path) -> None:
    started = jipp(data_dir, "stats", "--json")
    assert started.returncode == 0, started.stderr
    assert (data_dir / DB_NAME).exists()


def test_restore_reads_an_old_plain_backup(filled_dir: Path, tmp_path: Path) -> None:
    plain = tmp_path / "lama.sqlite3"
    assert jipp(filled_dir, "backup", "--to", str(plain)).returncode == 0
    assert plain.read_bytes().startswith(b"SQLite format 3")
    assert jipp(filled_dir, "record", "delete", "innovation", _any_id(filled_dir)).returncode == 0
    restored = jipp(filled_dir, "restore", str(plain))
    assert restored.returncode == 0, restored.stderr
    assert json.loads(jipp(filled_dir, "stats", "--json").stdout)["innovation"] == INNOVATIONS
    # The database it replaced became a compressed generation of its own.
    reasons = [b["reason"] for b in json.loads(jipp(filled_dir, "backup", "list", "--json").stdout)]
    assert "before-restore" in reasons


def _any_id(data_dir: Path) -> str:
    listed = jipp(data_dir, "record", "list", "innovation", "--limit", "1", "--json")
    return str(json.loads(listed.stdout)[0]["id"])
