"""Bad input gives a clear message in the officer's language, a status, and no file."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from report_sample import seed

from jipp_desktop.cli.main import run
from jipp_desktop.core.workspace import Workspace, open_workspace
from jipp_desktop.reports.catalog import ReportRequest, generate
from jipp_desktop.reports.errors import OutputNotWritable, ReportCancelled


def cli(data_dir: Path, *args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(["--data-dir", str(data_dir), *args], stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def seeded(data_dir: Path, tmp_path: Path) -> Path:
    ws = open_workspace(data_dir)
    try:
        seed(ws, tmp_path)
    finally:
        ws.close()
    return data_dir


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.suffix in (".pdf", ".part"))


def test_unknown_record_id(seeded: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    code, _, err = cli(seeded, "report", "visit", "no-such-id", "--out", str(out / "v.pdf"))
    assert code == 3
    assert "tidak ditemukan" in err and "no-such-id" in err
    code, _, err = cli(
        seeded, "--lang", "en", "report", "innovation", "nope", "--out", str(out / "i.pdf")
    )
    assert code == 3 and "No innovation record with id 'nope'" in err
    assert leftovers(out) == []


def test_empty_period_and_bad_dates(seeded: Path, tmp_path: Path) -> None:
    target = tmp_path / "hub.pdf"
    code, _, err = cli(
        seeded,
        "report",
        "hub",
        "53",
        "--from",
        "2023-12-31",
        "--to",
        "2023-01-01",
        "--out",
        str(target),
    )
    assert code == 3
    assert "Periode kosong" in err and "31 Desember 2023" in err
    code, _, err = cli(
        seeded, "--lang", "en", "report", "hub", "53", "--from", "31/12/2023", "--out", str(target)
    )
    assert code == 3 and "not a valid date" in err
    code, _, err = cli(seeded, "report", "hub", "99", "--out", str(target))
    assert code == 3 and "Kode provinsi '99' tidak dikenal" in err
    assert not target.exists()


def test_missing_logo_file(seeded: Path, tmp_path: Path) -> None:
    ws = open_workspace(seeded)
    try:
        ws.settings.set("logo_path", str(tmp_path / "gone.png"))
    finally:
        ws.close()
    target = tmp_path / "n.pdf"
    code, _, err = cli(seeded, "report", "national", "--out", str(target))
    assert code == 3 and "logo" in err and "gone.png" in err
    code, _, err = cli(seeded, "--lang", "en", "report", "national", "--out", str(target))
    assert "letterhead logo file" in err
    assert not target.exists()


def test_unwritable_output_keeps_the_old_file(seeded: Path, tmp_path: Path) -> None:
    code, _, err = cli(seeded, "report", "national", "--out", str(tmp_path / "no" / "x.pdf"))
    assert code == 1 and "tidak dapat ditulis" in err
    code, _, err = cli(seeded, "--lang", "en", "report", "national", "--out", str(tmp_path))
    assert code == 1 and "Cannot write" in err
    old = tmp_path / "old.pdf"
    old.write_bytes(b"previous report")
    code, _, _ = cli(seeded, "report", "visit", "missing", "--out", str(old))
    assert code == 3 and old.read_bytes() == b"previous report"
    assert leftovers(tmp_path) == ["old.pdf"]


def test_cancel_leaves_no_file(workspace: Workspace, tmp_path: Path) -> None:
    from report_sample import innovations

    workspace.records.create_many("innovation", innovations(300))
    target = tmp_path / "register.pdf"
    calls = []

    def cancel_soon(done: int, total: int) -> bool:
        calls.append(done)
        return len(calls) < 5

    with pytest.raises(ReportCancelled):
        generate(workspace, ReportRequest("register"), target, progress=cancel_soon)
    assert leftovers(tmp_path) == []
    with pytest.raises(OutputNotWritable):
        generate(workspace, ReportRequest("national"), tmp_path / "missing" / "n.pdf")


def test_success_message_in_the_chosen_language(seeded: Path, tmp_path: Path) -> None:
    target = tmp_path / "reg.pdf"
    code, out, _ = cli(seeded, "report", "register", "--province", "53", "--out", str(target))
    assert code == 0 and "Laporan ditulis" in out and "1 halaman" in out
    code, out, _ = cli(seeded, "--lang", "en", "report", "register", "--out", str(target))
    assert code == 0 and "Report written" in out


def test_a_row_longer_than_a_page_is_split_not_lost(workspace: Workspace, tmp_path: Path) -> None:
    import pdftools

    sample = seed(workspace, tmp_path)
    story = "Uraian hambatan yang sangat panjang nomor {n}. "
    long = "".join(story.format(n=n) for n in range(400))[:19_000] + " AKHIR-URAIAN"
    visit = workspace.records.get("visit", sample.visit)
    obstacles = [{"id": o["id"]} for o in visit["obstacles"]]
    obstacles.append({"category": "budget", "description": long, "severity": "high"})
    workspace.records.update("visit", sample.visit, {"obstacles": obstacles})
    target = tmp_path / "long.pdf"
    pages = generate(workspace, ReportRequest("visit", record_id=sample.visit), target)
    text = pdftools.squash(pdftools.text(target))
    assert "AKHIR-URAIAN" in text and "nomor 0." in text and "nomor 300." in text
    assert pdftools.page_count(target) == pages >= 4
