"""Encryption at rest: an encrypted data folder through every command group, wrong and
missing passphrases, converting in place, and crashes at each point of a conversion."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from jipp_desktop.cli.main import run
from jipp_desktop.core import cipher, encryption, models
from jipp_desktop.core.backup import list_backups, plain_copy
from jipp_desktop.core.errors import DataFolderInUse
from jipp_desktop.core.lock import FolderLock
from jipp_desktop.core.query import ListQuery
from jipp_desktop.core.services import Cancelled
from jipp_desktop.core.workspace import DB_NAME, open_workspace

SECRET = "kopi tubruk pagi hari"
OTHER = "teh manis sore hari"
NAME = "Simpul Rahasia Banten"


class Result:
    def __init__(self, status: int, out: str, err: str) -> None:
        self.status, self.out, self.err = status, out, err


def cli(*args: str, stdin: str = "") -> Result:
    out, err = io.StringIO(), io.StringIO()
    status = run(list(args), stdin=io.StringIO(stdin), stdout=out, stderr=err)
    return Result(status, out.getvalue(), err.getvalue())


def as_file(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text + "\n", encoding="utf-8")
    return path


@pytest.fixture
def plain(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    hub = json.dumps({"province_code": "36", "name": NAME})
    assert (
        cli("--data-dir", str(folder), "record", "add", "hub", "--json", "-", stdin=hub).status == 0
    )
    assert cli("--data-dir", str(folder), "device").status == 0  # makes the device key
    assert cli("--data-dir", str(folder), "backup").status == 0
    return folder


def _encrypt(folder: Path, tmp_path: Path) -> Path:
    secret = as_file(tmp_path, "secret", SECRET)
    done = cli("--data-dir", str(folder), "encrypt", "--new-passphrase-file", str(secret))
    assert done.status == 0, done.err
    return secret


def _database_bytes(path: Path) -> bytes:
    """The SQLite file's bytes (a compressed backup unpacked: gzip would hide the text)."""
    with plain_copy(path) as unpacked:
        return unpacked.read_bytes()


def _no_clear_text(folder: Path) -> None:
    files = [folder / DB_NAME, *list_backups(folder)]
    assert len(files) >= 2
    for path in files:
        content = _database_bytes(path)
        assert not content.startswith(cipher.SQLITE_MAGIC), path
        assert NAME.encode() not in content, path
    assert b"ENCRYPTED PRIVATE KEY" in (folder / encryption.KEY_FILE).read_bytes()


def test_an_encrypted_folder_works_through_every_command_group(plain: Path, tmp_path: Path) -> None:
    secret = _encrypt(plain, tmp_path)
    _no_clear_text(plain)
    base = ("--data-dir", str(plain), "--passphrase-file", str(secret))
    visit = json.dumps({"province_code": "36", "name": "Simpul Kedua"})
    assert cli(*base, "record", "add", "hub", "--json", "-", stdin=visit).status == 0
    listed = cli(*base, "record", "list", "hub", "--json")
    assert listed.status == 0 and {h["name"] for h in json.loads(listed.out)} >= {NAME}
    found = cli(*base, "record", "list", "hub", "--search", "Rahasia", "--json")
    assert [h["name"] for h in json.loads(found.out)] == [NAME]  # FTS5 under SQLCipher
    stats = cli(*base, "stats", "--json")
    assert stats.status == 0, stats.err
    outside = tmp_path / "outside.sqlite3"
    assert cli(*base, "backup", "--to", str(outside)).status == 0
    assert cipher.is_plain(outside) is False and NAME.encode() not in outside.read_bytes()
    restored = cli(*base, "restore", str(outside))
    assert restored.status == 0, restored.err
    assert cli(*base, "record", "list", "hub", "--json").out.count("Simpul") == 2
    pdf = tmp_path / "register.pdf"
    report = cli(*base, "report", "register", "--out", str(pdf))
    assert report.status == 0 and pdf.read_bytes().startswith(b"%PDF"), report.err
    package = tmp_path / "from-encrypted.jipp"
    assert cli(*base, "sync", "export", "--to", str(package)).status == 0
    other = tmp_path / "other"
    received = cli("--data-dir", str(other), "sync", "import", str(package), "--trust")
    assert received.status == 0, received.err
    back = tmp_path / "back.jipp"
    assert cli("--data-dir", str(other), "sync", "export", "--to", str(back)).status == 0
    imported = cli(*base, "sync", "import", str(back), "--trust")
    assert imported.status == 0, imported.err
    _no_clear_text(plain)
    env = dict(os.environ, JIPP_PASSPHRASE=SECRET)
    shown = subprocess.run(
        [sys.executable, "-m", "jipp_desktop", "--data-dir", str(plain), "stats"],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert shown.returncode == 0, shown.stderr


def test_missing_and_wrong_passphrases_exit_7(plain: Path, tmp_path: Path) -> None:
    _encrypt(plain, tmp_path)
    before = (plain / DB_NAME).read_bytes()
    missing = cli("--data-dir", str(plain), "stats")
    assert missing.status == 7 and "terenkripsi" in missing.err and "Traceback" not in missing.err
    wrong = as_file(tmp_path, "wrong", OTHER)
    refused = cli(
        "--data-dir", str(plain), "--passphrase-file", str(wrong), "record", "list", "hub"
    )
    assert refused.status == 7 and "Frasa sandi salah" in refused.err
    assert refused.err.count("\n") == 1  # no SQLCipher log lines
    assert (plain / DB_NAME).read_bytes() == before


def test_change_passphrase_then_decrypt(plain: Path, tmp_path: Path) -> None:
    secret = _encrypt(plain, tmp_path)
    other = as_file(tmp_path, "other", OTHER)
    base = ("--data-dir", str(plain))
    changed = cli(
        *base, "--passphrase-file", str(secret), "change-passphrase",
        "--new-passphrase-file", str(other),
    )  # fmt: skip
    assert changed.status == 0, changed.err
    assert cli(*base, "--passphrase-file", str(secret), "stats").status == 7
    assert cli(*base, "--passphrase-file", str(other), "stats").status == 0
    _no_clear_text(plain)
    opened = cli(*base, "--passphrase-file", str(other), "decrypt")
    assert opened.status == 0, opened.err
    assert not (plain / cipher.MARKER).exists()
    for path in [plain / DB_NAME, *list_backups(plain)]:
        content = _database_bytes(path)
        assert content.startswith(cipher.SQLITE_MAGIC) and NAME.encode() in content, path
    assert b"ENCRYPTED" not in (plain / encryption.KEY_FILE).read_bytes()
    listed = cli(*base, "record", "list", "hub", "--search", "Rahasia", "--json")
    assert [h["name"] for h in json.loads(listed.out)] == [NAME]


def test_a_short_new_passphrase_is_refused(plain: Path, tmp_path: Path) -> None:
    short = as_file(tmp_path, "short", "pendek")
    done = cli("--data-dir", str(plain), "encrypt", "--new-passphrase-file", str(short))
    assert done.status == 7 and str(short) in done.err
    assert cipher.is_plain(plain / DB_NAME) and not (plain / cipher.MARKER).exists()


def _encrypt_killed_at(folder: Path, secret: Path, point: str) -> None:
    env = dict(os.environ, **{encryption.CRASH_ENV: point})
    killed = subprocess.run(
        [sys.executable, "-m", "jipp_desktop", "--data-dir", str(folder), "encrypt",
         "--new-passphrase-file", str(secret)],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert killed.returncode == 86, killed.stderr


@pytest.mark.parametrize("point", ["exported", "verified", f"after:{DB_NAME}"])
def test_a_crash_during_encrypt_leaves_a_usable_folder(
    plain: Path, tmp_path: Path, point: str
) -> None:
    secret = as_file(tmp_path, "secret", SECRET)
    _encrypt_killed_at(plain, secret, point)
    swapped = point.startswith("after:")
    assert cipher.is_plain(plain / DB_NAME) is not swapped
    given: tuple[str, ...] = ("--passphrase-file", str(secret)) if swapped else ()
    listed = cli("--data-dir", str(plain), *given, "record", "list", "hub", "--json")
    assert listed.status == 0, listed.err
    assert [h["name"] for h in json.loads(listed.out)] == [NAME]
    again = cli("--data-dir", str(plain), *given, "encrypt", "--new-passphrase-file", str(secret))
    assert again.status == 0, again.err
    _no_clear_text(plain)
    assert not list(plain.rglob(f"*{encryption.TEMP_SUFFIX}"))


def _forms(folder: Path) -> list[bool]:
    """For the database and each backup: is it plain SQLite (a backup once unpacked)?"""
    return [
        _database_bytes(path).startswith(cipher.SQLITE_MAGIC)
        for path in [folder / DB_NAME, *list_backups(folder)]
    ]


def test_the_open_app_converts_under_its_own_lock_and_reopens(plain: Path) -> None:
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return True

    workspace = open_workspace(plain)
    try:
        models.database.close()
        lock = workspace.lock
        assert lock is not None
        done = encryption.convert(plain, DB_NAME, None, SECRET, lock=lock, progress=progress)
        workspace.reopen(SECRET)
        found = workspace.records.list("hub", ListQuery(search="Rahasia"))
        assert [h["name"] for h in found] == [NAME]
        with pytest.raises(DataFolderInUse):  # the app's lock was held throughout
            FolderLock(plain).acquire()
    finally:
        workspace.close()
    assert len(done.files) == len(_forms(plain)) >= 2 and not any(_forms(plain))
    totals = {total for _done, total in seen}
    assert len(totals) == 1 and seen[-1] == (totals.pop(), seen[-1][1])
    assert [d for d, _t in seen] == sorted(d for d, _t in seen)
    _no_clear_text(plain)


@pytest.mark.parametrize("where", ["copy", "between"])
def test_cancel_part_way_turns_converted_files_back(plain: Path, where: str) -> None:
    """Cancel during the database's copy, or after it was swapped and before the first
    backup: either way the folder is plain and whole again."""
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        if where == "copy":
            return len(calls) < 2  # the first look from inside the copy says stop
        return done == 0

    before = _forms(plain)
    with pytest.raises(Cancelled):
        encryption.convert(plain, DB_NAME, None, SECRET, progress=progress)
    assert _forms(plain) == before and all(before)
    assert (calls[-1][0] > 0) is (where == "between")
    assert not (plain / cipher.MARKER).exists()
    assert not list(plain.rglob(f"*{encryption.TEMP_SUFFIX}"))
    assert b"ENCRYPTED" not in (plain / encryption.KEY_FILE).read_bytes()
    listed = cli("--data-dir", str(plain), "record", "list", "hub", "--search", "Rahasia", "--json")
    assert [h["name"] for h in json.loads(listed.out)] == [NAME]
