"""The documented command line (docs/cli.md), driven as a script would drive it; the record
commands on both engines (``engine_name``: SQLite, and PostgreSQL through JIPP_DATABASE)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from jipp_desktop.cli.main import run
from jipp_desktop.core.workspace import DB_NAME

REPO = Path(__file__).resolve().parents[2]


class Result:
    def __init__(self, status: int, out: str, err: str) -> None:
        self.status, self.out, self.err = status, out, err

    def json(self) -> Any:
        return json.loads(self.out)


def cli(data_dir: Path, *args: str, stdin: str = "") -> Result:
    out, err = io.StringIO(), io.StringIO()
    status = run(
        ["--data-dir", str(data_dir), *args], stdin=io.StringIO(stdin), stdout=out, stderr=err
    )
    return Result(status, out.getvalue(), err.getvalue())


def db_bytes(data_dir: Path) -> bytes:
    return (data_dir / DB_NAME).read_bytes() if (data_dir / DB_NAME).exists() else b""


HUB = {
    "province_code": "53",
    "name": "Simpul Inovasi Provinsi NTT",
    "status": "active",
    "year_designated": 2022,
}


def test_record_add_show_update_history(data_dir: Path, tmp_path: Path, engine_name: str) -> None:
    hub_id = cli(data_dir, "record", "add", "hub", "--json", "-", stdin=json.dumps(HUB)).out.strip()
    visit = {
        "hub_id": hub_id,
        "start_date": "2022-09-27",
        "end_date": "2022-09-28",
        "regency_code": "53.15",
        "agenda": "Lokakarya Peer to Peer Learning",
        "mentors": [{"name": "Tim USAID-ERAT", "institution": "USAID-ERAT"}],
        "obstacles": [
            {"description": "Belum ada SK tim simpul", "category": "regulation"},
            {"description": "Anggaran belum tersedia", "category": "budget"},
        ],
        "followups": [
            {
                "action": "Terbitkan SK tim simpul",
                "owner": "Biro Organisasi",
                "due_date": "2022-11-30",
            }
        ],
    }
    path = tmp_path / "visit.json"
    path.write_text(json.dumps(visit), encoding="utf-8")
    added = cli(data_dir, "record", "add", "visit", "--json", str(path))
    assert added.status == 0, added.err
    visit_id = added.out.strip()

    shown = cli(data_dir, "record", "show", "visit", visit_id).json()
    assert shown["id"] == visit_id and len(shown["obstacles"]) == 2
    assert shown["followups"][0]["due_date"] == "2022-11-30"

    # `record show` output can be edited and fed back to `record update`.
    shown["findings"] = "Komitmen pimpinan kuat"
    shown["followups"][0]["status"] = "done"
    shown["followups"][0]["done_date"] = "2022-11-20"
    updated = cli(
        data_dir, "record", "update", "visit", visit_id, "--json", "-", stdin=json.dumps(shown)
    )
    assert updated.status == 0, updated.err
    again = cli(
        data_dir, "record", "update", "visit", visit_id, "--json", "-", stdin=json.dumps(shown)
    )
    assert again.status == 0 and "Tidak ada perubahan" in again.out

    history = cli(data_dir, "record", "history", "visit", visit_id, "--json").json()
    fields = {h["field"] for h in history if h["action"] == "update"}
    assert "findings" in fields
    assert any(f and f.endswith(".status") for f in fields)
    text = cli(data_dir, "record", "history", "visit", visit_id).out
    assert "Komitmen pimpinan kuat" in text


def test_list_search_delete_restore_and_stats(data_dir: Path, engine_name: str) -> None:
    ids = []
    for title in ("Layanan Adminduk Keliling", "Puskesmas Ramah Lansia"):
        body = json.dumps({"title": title, "province_code": "36"})
        ids.append(
            cli(data_dir, "record", "add", "innovation", "--json", "-", stdin=body).out.strip()
        )
    listed = cli(data_dir, "record", "list", "innovation", "--search", "adminduk", "--json").json()
    assert [r["id"] for r in listed] == [ids[0]]
    assert cli(data_dir, "record", "delete", "innovation", ids[0]).status == 0
    assert cli(data_dir, "stats", "--json").json()["innovation"] == 1
    trash = cli(data_dir, "record", "list", "innovation", "--deleted").out
    assert ids[0] in trash
    assert cli(data_dir, "record", "restore", "innovation", ids[0]).status == 0
    stats = cli(data_dir, "--lang", "en", "stats").out
    assert "Innovation" in stats and " 2" in stats


@pytest.mark.parametrize(
    ("args", "stdin", "status", "needle"),
    [
        (["record", "add", "innovation", "--json", "-"], '{"title": ""}', 3, "wajib diisi"),
        (["record", "add", "innovation", "--json", "-"], "{not json", 3, "tidak valid"),
        (["record", "add", "innovation", "--json", "-"], "[1, 2]", 3, "satu objek"),
        (
            ["record", "add", "innovation", "--json", "/no/such/file.json"],
            "",
            2,
            "tidak dapat dibaca",
        ),
        (["record", "add", "planet", "--json", "-"], "{}", 2, "invalid choice"),
        (["record", "show", "innovation", "no-such-id"], "", 3, "tidak ditemukan"),
        (["record", "update", "hub", "no-such-id", "--json", "-"], "{}", 3, "tidak ditemukan"),
        (["frobnicate"], "", 2, "Perintah tidak valid"),
    ],
)
def test_bad_input_has_its_exit_status_and_writes_nothing(
    data_dir: Path, args: list[str], stdin: str, status: int, needle: str
) -> None:
    cli(data_dir, "stats")
    before = db_bytes(data_dir)
    result = cli(data_dir, *args, stdin=stdin)
    assert result.status == status
    assert needle in result.err
    assert db_bytes(data_dir) == before


def test_messages_follow_the_language(data_dir: Path, engine_name: str) -> None:
    result = cli(
        data_dir,
        "--lang",
        "en",
        "record",
        "add",
        "hub",
        "--json",
        "-",
        stdin='{"province_code": "77"}',
    )
    assert result.status == 3
    assert "unknown region code '77'" in result.err and "Hub name is required" in result.err


def test_demo_data_backup_and_restore(data_dir: Path, tmp_path: Path) -> None:
    made = cli(data_dir, "demo-data", "--seed", "3")
    assert made.status == 0, made.err
    counts = made.json()
    assert counts["innovation"] > 0 and counts["visit"] > 0
    target = tmp_path / "manual.sqlite3"
    assert cli(data_dir, "backup", "--to", str(target)).status == 0
    stats = cli(data_dir, "stats", "--json").json()
    inn = cli(data_dir, "record", "list", "innovation", "--limit", "1", "--json").json()[0]
    cli(data_dir, "record", "delete", "innovation", inn["id"])
    restored = cli(data_dir, "restore", str(target))
    assert restored.status == 0, restored.err
    assert cli(data_dir, "stats", "--json").json() == stats
    assert cli(data_dir, "restore", str(tmp_path / "missing.sqlite3")).status != 0


def test_installed_entry_points_run_and_a_busy_folder_exits_4(data_dir: Path) -> None:
    env_run = [sys.executable, "-m", "jipp_desktop", "--data-dir", str(data_dir)]
    done = subprocess.run(
        [*env_run, "stats", "--json"], capture_output=True, text=True, cwd=REPO, check=False
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["hub"] == 0
    from jipp_desktop.core.workspace import open_workspace

    with open_workspace(data_dir):
        # Only a second writer is refused; readers run beside the writer.
        busy = subprocess.run(
            [*env_run, "device", "rename", "Laptop Kedua"],
            capture_output=True,
            text=True,
            cwd=REPO,
            check=False,
        )
    assert busy.returncode == 4
    assert "sedang dipakai" in busy.stderr


def test_an_unexpected_failure_is_logged_not_shown_as_a_traceback(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jipp_desktop.core.services import RecordService

    def broken(self: RecordService) -> dict[str, int]:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(RecordService, "stats", broken)
    result = cli(data_dir, "stats")
    assert result.status == 1
    assert "Terjadi kesalahan tak terduga: disk on fire" in result.err
    assert "Traceback" not in result.err
    log_text = (data_dir / "logs" / "jipp.log").read_text(encoding="utf-8")
    assert "Traceback" in log_text and "disk on fire" in log_text


def test_update_from_an_older_version_is_refused_with_status_9(data_dir: Path) -> None:
    hub_id = cli(data_dir, "record", "add", "hub", "--json", "-", stdin=json.dumps(HUB)).out.strip()
    version = cli(data_dir, "record", "version", "hub", hub_id)
    assert version.status == 0 and version.out.startswith("v1.")
    token = version.out.strip()
    cli(data_dir, "settings", "set", "officer_name", "Maria Goreti")
    changed = {"portal_name": "Portal NTT"}
    assert (
        cli(
            data_dir, "record", "update", "hub", hub_id, "--json", "-", stdin=json.dumps(changed)
        ).status
        == 0
    )
    before = db_bytes(data_dir)
    stale = {"portal_name": "Portal Inovasi NTT", "notes": "dari versi lama"}
    args = ("record", "update", "hub", hub_id, "--json", "-", "--expect-version", token)
    refused = cli(data_dir, *args, stdin=json.dumps(stale))
    assert refused.status == 9
    assert "Nama Portal diubah oleh Maria Goreti pada" in refused.err
    assert "sejak Anda membukanya" in refused.err
    assert db_bytes(data_dir) == before
    english = cli(data_dir, "--lang", "en", *args, stdin=json.dumps(stale))
    assert "Portal name was changed by Maria Goreti on" in english.err
    # The same update from the version after that change goes through.
    fresh = cli(data_dir, "record", "version", "hub", hub_id).out.strip()
    ok = cli(data_dir, *args[:-1], fresh, stdin=json.dumps(stale))
    assert ok.status == 0, ok.err
    assert cli(data_dir, "record", "show", "hub", hub_id).json()["notes"] == "dari versi lama"
    junk = cli(data_dir, *args[:-1], "v1.nonsense", stdin=json.dumps(stale))
    assert junk.status == 2 and "record version" in junk.err
