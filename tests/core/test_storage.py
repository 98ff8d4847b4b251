"""Safety of the data folder: one instance, backups, restore, damage detection, clock."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from jipp_desktop.core import backup
from jipp_desktop.core.clock import MAX_DRIFT_MS, ClockDriftError, HybridClock, Stamp
from jipp_desktop.core.errors import BackupError, DatabaseDamaged, DataFolderInUse
from jipp_desktop.core.workspace import DB_NAME, open_workspace


def test_second_instance_in_another_process_is_refused(data_dir: Path) -> None:
    script = textwrap.dedent(f"""
        from jipp_desktop.core.workspace import open_workspace
        from jipp_desktop.core.errors import DataFolderInUse
        try:
            open_workspace({str(data_dir)!r})
        except DataFolderInUse as exc:
            print(exc.message("id"))
            raise SystemExit(4)
    """)
    with open_workspace(data_dir):
        result = subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            check=False,
            cwd=Path(__file__).parents[2],
        )
    assert result.returncode == 4, result.stderr
    assert "sedang dipakai" in result.stdout
    # Once the first instance closes, the folder opens again.
    with open_workspace(data_dir) as ws:
        assert ws.records.stats()["hub"] == 0


def test_second_instance_in_the_same_process_is_refused(data_dir: Path) -> None:
    with open_workspace(data_dir), pytest.raises(DataFolderInUse):
        open_workspace(data_dir)


def test_backup_restore_round_trip(data_dir: Path, tmp_path: Path) -> None:
    with open_workspace(data_dir) as ws:
        kept = ws.records.create("hub", {"province_code": "36", "name": "Simpul Banten"})
        copy = tmp_path / "copy.sqlite3"
        backup.copy_database(ws.db_path, copy)
        ws.records.create("hub", {"province_code": "53", "name": "Simpul NTT"})
    saved = backup.restore(data_dir, copy)
    assert saved is not None and saved.exists()
    with open_workspace(data_dir) as ws:
        assert [h["id"] for h in ws.records.list("hub")] == [kept]


def test_restore_refuses_a_file_that_is_not_a_jipp_database(data_dir: Path, tmp_path: Path) -> None:
    junk = tmp_path / "notes.sqlite3"
    junk.write_text("bukan basis data")
    with pytest.raises(BackupError) as caught:
        backup.restore(data_dir, junk)
    assert "tidak dapat dipakai" in caught.value.message("id")


def test_automatic_backups_are_compressed_and_thinned_to_one_a_day(data_dir: Path) -> None:
    with open_workspace(data_dir) as ws:
        ws.records.create("hub", {"province_code": "36", "name": "Simpul Banten"})
        made = [ws.backup("test") for _ in range(5)]
        size = ws.db_path.stat().st_size
    assert backup.list_backups(data_dir, automatic_only=True) == [made[-1]]
    newest = backup.backup_infos(data_dir)[0]
    assert newest.path.name.endswith(".sqlite3.gz") and newest.size < size
    assert newest.records == 1 and newest.reason == "test"
    assert not [p for p in (data_dir / "backups").iterdir() if ".part" in p.name]


def _damage(db: Path) -> None:
    data = bytearray(db.read_bytes())
    # Overwrite the middle of the file (table b-tree pages) with garbage.
    for i in range(4096, min(len(data), 4096 * 6)):
        data[i] = 0xA5
    db.write_bytes(bytes(data))


def test_damaged_database_is_explained_and_the_latest_good_backup_offered(data_dir: Path) -> None:
    with open_workspace(data_dir) as ws:
        ws.records.create_many(
            "innovation", [{"title": f"Inovasi {i}", "province_code": "36"} for i in range(300)]
        )
        good = ws.backup("test")
        m_db = ws.db_path
    # Fold the WAL into the main file so the damage hits real pages.
    conn = sqlite3.connect(m_db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    _damage(m_db)
    with pytest.raises(DatabaseDamaged) as caught:
        open_workspace(data_dir)
    assert caught.value.latest_backup == good
    assert "rusak" in caught.value.message("id") and str(good) in caught.value.message("id")
    backup.restore(data_dir, good)
    with open_workspace(data_dir) as ws:
        assert ws.records.stats()["innovation"] == 300


def test_data_folder_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JIPP_DATA_DIR", str(tmp_path / "env-folder"))
    with open_workspace() as ws:
        assert ws.data_dir == tmp_path / "env-folder"
        assert (tmp_path / "env-folder" / DB_NAME).exists()


def test_device_identity_and_clock_survive_a_restart(data_dir: Path) -> None:
    with open_workspace(data_dir) as ws:
        device = ws.device_id
        ws.records.create("hub", {"province_code": "36", "name": "Simpul Banten"})
        last = ws.clock.last
    with open_workspace(data_dir) as ws:
        assert ws.device_id == device
        assert ws.clock.last >= last
        assert Stamp.parse(ws.clock.now()) > last


def test_clock_is_monotonic_when_the_wall_clock_goes_back() -> None:
    wall = [1_000_000]
    clock = HybridClock("dev-a", wall=lambda: wall[0])
    first = clock.now()
    wall[0] = 500_000  # the officer set the laptop clock back
    second = clock.now()
    assert second > first
    assert clock.behind_by_ms() == 500_000


def test_clock_observe_advances_and_bounds_drift() -> None:
    wall = [1_000_000]
    clock = HybridClock("dev-a", wall=lambda: wall[0])
    remote = str(Stamp(1_000_500, 3, "dev-b"))
    clock.observe(remote)
    assert clock.now() > remote
    with pytest.raises(ClockDriftError):
        clock.observe(str(Stamp(1_000_000 + MAX_DRIFT_MS + 1, 0, "dev-b")))


def test_stamp_text_order_equals_stamp_order() -> None:
    stamps = [
        Stamp(w, c, d) for w in (0, 15, 16, 2**40) for c in (0, 9, 10, 65535) for d in ("a", "b")
    ]
    assert sorted(stamps) == sorted(stamps, key=str)
    assert all(Stamp.parse(str(s)) == s for s in stamps)
    with pytest.raises(ValueError):
        Stamp.parse("garbage")


@pytest.mark.parametrize(
    "text",
    [
        "\uff10" * 16 + "-a",
        "0000_00000000001-a",
        "000000000000000A-a",
        "00000000000001-a",
        "0" * 16,
    ],
)
def test_a_stamp_has_one_text_form(text: str) -> None:
    """int(x, 16) reads fullwidth digits and '_'; the text would then sort out of order."""
    with pytest.raises(ValueError):
        Stamp.parse(text)


def test_full_integrity_check_runs_after_a_crash_or_once_a_day(data_dir: Path) -> None:
    from jipp_desktop.core import integrity

    with open_workspace(data_dir):
        assert (data_dir / integrity.OPEN_MARKER).exists()
    assert not (data_dir / integrity.OPEN_MARKER).exists()
    with open_workspace(data_dir):
        pass
    # A clean close, checked today: the next start only does the cheap check.
    assert integrity.full_check_due(data_dir) is False
    # A session that never closed (crash, power cut) leaves its marker behind.
    integrity.mark_open(data_dir)
    assert integrity.full_check_due(data_dir) is True


def test_a_file_that_is_not_a_database_is_caught_by_the_cheap_check(data_dir: Path) -> None:
    with open_workspace(data_dir) as ws:
        ws.records.create("hub", {"province_code": "36", "name": "Simpul Banten"})
        good = ws.backup("test")
    with open_workspace(data_dir):
        pass  # the full check has now run today
    db = data_dir / DB_NAME
    db.write_bytes(b"this is not SQLite" * 500)
    for suffix in ("-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    with pytest.raises(DatabaseDamaged) as caught:
        open_workspace(data_dir)
    assert caught.value.latest_backup == good
