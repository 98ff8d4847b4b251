"""A read-only data folder (a real read-only mount) still allows every read."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from fault_helpers import INNOVATIONS, crash_after_edit, jipp, needs_root, remount_readonly, tmpfs

from jipp_desktop.core.workspace import DB_NAME


def test_every_read_works_and_a_write_is_named(readonly_copy: Path, tmp_path: Path) -> None:
    before = (readonly_copy / DB_NAME).read_bytes()
    stats = jipp(readonly_copy, "stats", "--json")
    assert stats.returncode == 0, stats.stderr
    assert json.loads(stats.stdout)["innovation"] == INNOVATIONS
    listed = jipp(readonly_copy, "record", "list", "innovation", "--json", "--limit", "3")
    assert listed.returncode == 0, listed.stderr
    record_id = json.loads(listed.stdout)[0]["id"]
    for command in (
        ["record", "show", "innovation", record_id],
        ["record", "history", "innovation", record_id],
        ["conflicts"],
        ["sync", "status"],
        ["sync", "reports"],
        ["report", "register", "--out", str(tmp_path / "daftar.pdf")],
        ["export", "innovation", "--out", str(tmp_path / "inovasi.xlsx")],
    ):
        done = jipp(readonly_copy, *command)
        assert done.returncode == 0, (command, done.stderr)
    assert (tmp_path / "daftar.pdf").stat().st_size > 0
    assert (tmp_path / "inovasi.xlsx").stat().st_size > 0

    for command in (["record", "delete", "innovation", record_id], ["backup"]):
        refused = jipp(readonly_copy, *command)
        assert refused.returncode == 8, (command, refused.stderr)
        assert f"Folder {readonly_copy} hanya bisa dibaca" in refused.stderr
        assert "Errno" not in refused.stderr
    english = jipp(readonly_copy, "--lang", "en", "device", "rename", "Laptop")
    assert english.returncode == 8 and f"The folder {readonly_copy} is read-only" in english.stderr
    assert (readonly_copy / DB_NAME).read_bytes() == before


def test_changes_still_in_the_wal_are_read_from_a_read_only_folder(
    filled_dir: Path, tmp_path: Path
) -> None:
    needs_root()
    crash_after_edit(filled_dir)  # the hub is only in the -wal file
    with tmpfs(tmp_path / "ro", 64 * 1024) as mount:
        copy = mount / "data"
        shutil.copytree(filled_dir, copy)
        remount_readonly(mount)
        before = {p.name: p.read_bytes() for p in copy.iterdir() if p.is_file()}
        stats = jipp(copy, "stats", "--json")
        assert stats.returncode == 0, stats.stderr
        assert json.loads(stats.stdout)["hub"] == 1
        assert {p.name: p.read_bytes() for p in copy.iterdir() if p.is_file()} == before
