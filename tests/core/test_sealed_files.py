"""An encrypted folder's attachments and import reports: sealed by encrypt, kept sealed
when new ones arrive, readable by every face (reports, packages), left alone by a change
of passphrase, opened again by decrypt, and turned back by a Cancel part way."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from jipp_desktop.cli.main import run
from jipp_desktop.core import cipher, encryption, sealed
from jipp_desktop.core.services import Cancelled
from jipp_desktop.core.workspace import DB_NAME, open_workspace
from jipp_desktop.sync import exporter, importer
from jipp_desktop.sync import report as sync_report

SECRET = "kopi tubruk pagi hari"
OTHER = "teh manis sore hari"
NIP = "198001012006041001"
SENDER = "Laptop Budi Santoso"


def cli(*args: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    status = run(list(args), stdin=io.StringIO(""), stdout=out, stderr=err)
    return status, out.getvalue() + err.getvalue()


def _photo(path: Path) -> Path:
    Image.new("RGB", (40, 30), (200, 30, 30)).save(path, "PNG")
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A plain folder with a photo and a scan attached, and the report of an import."""
    other = tmp_path / "other"
    with open_workspace(other) as ws:
        ws.rename_device(SENDER)
        ws.records.create("hub", {"province_code": "36", "name": "Simpul Kiriman"})
        package = exporter.export(ws, tmp_path / "in.jipp").path
    data = tmp_path / "data"
    scan = tmp_path / "pernyataan.txt"
    scan.write_text(f"Surat pernyataan, NIP {NIP}\n", encoding="utf-8")
    with open_workspace(data) as ws:
        innovation = ws.records.create(
            "innovation", {"title": "Arsip Digital", "province_code": "53"}
        )
        ws.attachments.add("innovation", innovation, _photo(tmp_path / "foto.png"))
        ws.attachments.add("innovation", innovation, scan)
        importer.import_package(ws, package, trust=True)
    return data


def _personal(folder: Path) -> list[Path]:
    found = encryption.personal_files(folder)
    assert len(found) == 3  # photo, scan, import report
    return found


def _nothing_readable(folder: Path) -> None:
    for path in _personal(folder):
        content = path.read_bytes()
        assert sealed.is_sealed(path), path
        assert NIP.encode() not in content and SENDER.encode() not in content
        assert b"PNG" not in content[:64]


def test_encrypt_seals_every_personal_file_and_every_face_still_reads_them(
    folder: Path, tmp_path: Path
) -> None:
    before = {path: path.read_bytes() for path in _personal(folder)}
    done = encryption.convert(folder, DB_NAME, None, SECRET)
    assert sorted(done.sealed) == sorted(before)
    _nothing_readable(folder)
    assert (folder / sealed.KEY_FILE).stat().st_mode & 0o077 == 0
    with open_workspace(folder, passphrase=SECRET) as ws:
        for path, content in before.items():
            if path.suffix != ".json":
                assert ws.attachments.read(path) == content
        (kept,) = sync_report.list_reports(folder)
        assert sync_report.load(kept).sender_name == SENDER
        # A new attachment and a new import report are sealed from the start.
        (innovation,) = [r["id"] for r in ws.records.list("innovation")]
        ws.attachments.add("innovation", innovation, _photo(tmp_path / "baru.png"))
        sent = exporter.export(ws, tmp_path / "out.jipp").path
    assert all(sealed.is_sealed(path) for path in encryption.personal_files(folder))
    # Packages carry attachments plain (they are signed, and locked on request).
    with zipfile.ZipFile(sent) as package:
        carried = [package.read(n) for n in package.namelist() if n.startswith("attachments/")]
    assert set(before[p] for p in before if p.suffix != ".json") <= set(carried)
    # A report with the photo, from the encrypted folder.
    secret = tmp_path / "secret"
    secret.write_text(SECRET, encoding="utf-8")
    pdf = tmp_path / "inovasi.pdf"
    status, said = cli(
        "--data-dir", str(folder), "--passphrase-file", str(secret),
        "report", "innovation", innovation, "--out", str(pdf),
    )  # fmt: skip
    assert status == 0, said
    images = subprocess.run(
        ["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert len(images) == 2  # both photos; the scan is not an image


def test_change_passphrase_rewraps_the_key_and_decrypt_opens_the_files(folder: Path) -> None:
    before = {path: path.read_bytes() for path in _personal(folder)}
    encryption.convert(folder, DB_NAME, None, SECRET)
    sealed_bytes = {path: path.read_bytes() for path in before}
    done = encryption.convert(folder, DB_NAME, SECRET, OTHER)
    assert done.sealed == [] and {p: p.read_bytes() for p in before} == sealed_bytes
    assert sealed.read_key(folder, SECRET) is None
    key = sealed.read_key(folder, OTHER)
    assert key is not None
    assert all(sealed.read_bytes(p, key) == content for p, content in before.items())
    encryption.convert(folder, DB_NAME, OTHER, None)
    assert {p: p.read_bytes() for p in before} == before
    assert not (folder / sealed.KEY_FILE).exists() and not (folder / cipher.MARKER).exists()


def test_cancel_among_the_attachments_turns_everything_back(folder: Path) -> None:
    before = {path: path.read_bytes() for path in _personal(folder)}
    db_kib = (folder / DB_NAME).stat().st_size >> 10
    seen: list[int] = []

    def progress(done: int, total: int) -> bool:
        seen.append(done)
        # Stop once the database, its backups and the first personal file are done.
        return done < total - sum(max(1, len(c) >> 10) for c in before.values()) + 1

    with pytest.raises(Cancelled):
        encryption.convert(folder, DB_NAME, None, SECRET, progress=progress)
    assert max(seen) > db_kib
    assert {p: p.read_bytes() for p in before} == before
    assert cipher.is_plain(folder / DB_NAME)
    assert not (folder / sealed.KEY_FILE).exists() and not (folder / cipher.MARKER).exists()
    assert not list(folder.rglob(f"*{sealed.TEMP_SUFFIX}"))


def test_a_crash_among_the_attachments_is_finished_by_running_encrypt_again(
    folder: Path, tmp_path: Path
) -> None:
    first = _personal(folder)[0]
    secret = tmp_path / "secret"
    secret.write_text(SECRET, encoding="utf-8")
    command = [sys.executable, "-m", "jipp_desktop", "--data-dir", str(folder), "encrypt",
               "--new-passphrase-file", str(secret)]  # fmt: skip
    env = dict(os.environ, **{encryption.CRASH_ENV: f"after:{first.name}"})
    killed = subprocess.run(command, capture_output=True, text=True, env=env, timeout=120)
    assert killed.returncode == 86, killed.stderr
    assert sealed.is_sealed(first) and not sealed.is_sealed(_personal(folder)[1])
    # Plain and sealed side by side: the folder still reads every file.
    with open_workspace(folder, passphrase=SECRET) as ws:
        assert all(ws.attachments.read(p) for p in _personal(folder) if p.suffix != ".json")
    # The database is encrypted already: the passphrase is needed to finish.
    again = subprocess.run(
        [*command[:5], "--passphrase-file", str(secret), *command[5:]],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert again.returncode == 0, again.stderr
    _nothing_readable(folder)
    listed = json.loads(
        subprocess.run(
            [*command[:5], "--passphrase-file", str(secret), "record", "list", "innovation",
             "--json"],
            capture_output=True, text=True, timeout=120, check=True,
        ).stdout
    )  # fmt: skip
    assert [r["title"] for r in listed] == ["Arsip Digital"]
