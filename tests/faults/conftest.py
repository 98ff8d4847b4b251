"""Real data folders for the storage-fault tests, and the command run as a real process."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from jipp_desktop.cli.main import run
from jipp_desktop.core.workspace import open_workspace

REPO = Path(__file__).resolve().parents[2]
INNOVATIONS = 300


def jipp(data_dir: Path, *args: str, input: str = "") -> subprocess.CompletedProcess[str]:
    """Run one command in this process (fast); its own process only where that matters."""
    out, err = io.StringIO(), io.StringIO()
    argv = ["--data-dir", str(data_dir), *args]
    status = run(argv, stdin=io.StringIO(input), stdout=out, stderr=err)
    return subprocess.CompletedProcess(argv, status, out.getvalue(), err.getvalue())


def jipp_popen(data_dir: Path, *args: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "jipp_desktop", "--data-dir", str(data_dir), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )


@pytest.fixture
def filled_dir(data_dir: Path) -> Path:
    """A closed data folder holding a few hundred innovations."""
    with open_workspace(data_dir) as ws:
        ws.records.create_many(
            "innovation",
            [{"title": f"Inovasi {i}", "province_code": "36"} for i in range(INNOVATIONS)],
        )
    return data_dir
