"""Permission denied (EACCES), for real: the folder's modes shut the command out.

Modes do not stop root, so as root the command runs in its own process without the
capabilities that override them (``setpriv``: no CAP_DAC_OVERRIDE, no
CAP_DAC_READ_SEARCH), and the owner's mode bits then bind it as they bind any officer's
account; as another user the modes bind it as they are."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fault_helpers import INNOVATIONS, REPO, leftovers

NO_OVERRIDE = "-dac_override,-dac_read_search"


def _run_bound_by_modes(
    data_dir: Path, *args: str, input: str = ""
) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "jipp_desktop", "--data-dir", str(data_dir), *args]
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("setpriv (util-linux) is needed to drop root's file-mode override")
        command = ["setpriv", f"--inh-caps={NO_OVERRIDE}", f"--bounding-set={NO_OVERRIDE}",
                   *command]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        command, input=input, capture_output=True, text=True, env=env, cwd=REPO, timeout=120
    )


def _set_modes(folder: Path, folders: int, files: int) -> None:
    for path in sorted(folder.rglob("*"), reverse=True):
        path.chmod(folders if path.is_dir() else files)
    folder.chmod(folders)


@pytest.fixture
def shut(filled_dir: Path) -> Iterator[Path]:
    yield filled_dir
    _set_modes(filled_dir, 0o700, 0o600)  # so the test can look and clean up


def _state(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def test_a_folder_the_user_may_not_open_is_refused_by_name(shut: Path) -> None:
    before = _state(shut)
    shut.chmod(0o000)
    for args in (("stats",), ("record", "list", "innovation")):
        refused = _run_bound_by_modes(shut, *args)
        assert refused.returncode == 8, (args, refused.stderr)
        assert f"Tidak ada izin untuk menulis atau membaca {shut}" in refused.stderr
        assert "Errno" not in refused.stderr and "Traceback" not in refused.stderr
    english = _run_bound_by_modes(shut, "--lang", "en", "stats")
    assert english.returncode == 8 and f"Permission denied for {shut}" in english.stderr
    shut.chmod(0o700)
    assert _state(shut) == before


def test_a_folder_readable_but_not_writable_reads_and_names_the_write(shut: Path) -> None:
    """Modes that let the user read but not write: every read works, a write is refused
    naming the folder, nothing changes and nothing is left behind."""
    before = _state(shut)
    _set_modes(shut, 0o500, 0o400)
    stats = _run_bound_by_modes(shut, "stats", "--json")
    assert stats.returncode == 0, stats.stderr
    assert json.loads(stats.stdout)["innovation"] == INNOVATIONS
    body = json.dumps({"title": "Inovasi Baru", "province_code": "36"})
    refused = _run_bound_by_modes(shut, "record", "add", "innovation", "--json", "-", input=body)
    assert refused.returncode == 8, refused.stderr
    assert str(shut) in refused.stderr and "Traceback" not in refused.stderr
    _set_modes(shut, 0o700, 0o600)
    assert _state(shut) == before
    assert not leftovers(shut)
