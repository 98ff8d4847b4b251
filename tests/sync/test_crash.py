"""Fault injection: an import killed at a random moment leaves all or none of the package."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sync_helpers import Fleet, cli

from jipp_desktop.core.workspace import open_workspace
from jipp_desktop.sync import digest, exporter

ROOT = Path(__file__).resolve().parents[2]


def _digest(folder: Path) -> str:
    ws = open_workspace(folder)  # also runs the integrity check
    try:
        return digest.dataset_digest()
    finally:
        ws.close()


@pytest.mark.slow
def test_killed_import_leaves_all_or_nothing_and_can_be_redone(
    fleet: Fleet, tmp_path: Path
) -> None:
    a = fleet.add("Laptop A")
    with a.open() as ws:
        agencies = ws.records.create_many(
            "agency",
            [
                {"name": f"Dinas {i}", "level": "regency", "province_code": "36"}
                for i in range(2500)
            ],
        )
        ws.records.create_many(
            "innovation",
            [
                {
                    "title": f"Inovasi {i}",
                    "agency_id": agencies[i],
                    "province_code": "36",
                    "problem": "Masalah " * 40,
                }
                for i in range(2500)
            ],
        )
        pkg = exporter.export(ws, tmp_path / "big.jipp").path
        full = digest.dataset_digest()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    rng = random.Random(20241130)
    outcomes = set()
    for attempt in range(3):
        b = fleet.add(f"Laptop B{attempt}")
        empty = _digest(b.folder)
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "jipp_desktop",
                "--data-dir",
                str(b.folder),
                "sync",
                "import",
                str(pkg),
                "--trust",
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.4, 1.4))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        outcomes.add("finished" if proc.returncode == 0 else "killed")
        after_kill = _digest(b.folder)
        assert after_kill in (empty, full)
        redo = cli("--data-dir", str(b.folder), "sync", "import", str(pkg), "--trust")
        assert redo.status == 0, redo.err
        assert _digest(b.folder) == full
    assert "killed" in outcomes
