"""scripts/run.sh and scripts/_setup.sh, run for real in bash.

System package tools (dpkg, apt-get, sudo) are replaced on PATH by scripts
that note their call, so a test can tell whether they were reached without
touching the machine's packages.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def watched_path(tmp_path: Path) -> tuple[dict[str, str], Path]:
    """An environment whose dpkg/apt-get/sudo only write to a marker file."""
    bin_dir = tmp_path / "fake-bin"
    bin_dir.mkdir()
    marker = tmp_path / "package-tools-called"
    for tool in ("dpkg", "apt-get", "sudo"):
        script = bin_dir / tool
        script.write_text(f'#!/bin/sh\necho "{tool} $*" >>"{marker}"\nexit 1\n')
        script.chmod(0o755)
    env = dict(os.environ, PATH=f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    return env, marker


def test_help_shows_the_apps_options_without_system_packages(
    watched_path: tuple[dict[str, str], Path],
) -> None:
    env, marker = watched_path
    assert (REPO / ".venv" / "bin" / "jipp-desktop").exists(), "scripts/test.sh installs the app"
    result = subprocess.run(
        ["bash", str(REPO / "scripts" / "run.sh"), "--help"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "usage: jipp-desktop" in result.stdout
    assert "demo-data" in result.stdout
    assert not marker.exists()


def test_help_before_the_first_install_explains_and_installs_nothing(
    tmp_path: Path, watched_path: tuple[dict[str, str], Path]
) -> None:
    env, marker = watched_path
    checkout = tmp_path / "fresh-clone"
    (checkout / "scripts").mkdir(parents=True)
    for name in ("run.sh", "_setup.sh"):
        shutil.copy(REPO / "scripts" / name, checkout / "scripts" / name)
    result = subprocess.run(
        ["bash", str(checkout / "scripts" / "run.sh"), "-h"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "usage: bash scripts/run.sh" in result.stdout
    assert "docs/cli.md" in result.stdout
    assert not (checkout / ".venv").exists()
    assert not marker.exists()


def _bash_setup(command: str, **env: str) -> subprocess.Popen[str]:
    script = f'set -euo pipefail; source "{REPO}/scripts/_setup.sh"; {command}'
    return subprocess.Popen(
        ["bash", "-c", script],
        env=dict(os.environ, JIPP_PYTHON=sys.executable, **env),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _hold_lock(path: Path) -> subprocess.Popen[str]:
    """A process holding an fcntl lock on path (as dpkg does) until its stdin closes."""
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import fcntl, os, sys\n"
            f"fd = os.open({str(path)!r}, os.O_RDWR | os.O_CREAT)\n"
            "fcntl.lockf(fd, fcntl.LOCK_EX)\n"
            "print('locked', flush=True)\n"
            "sys.stdin.read()\n",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "locked"
    return holder


def test_waits_for_a_busy_package_manager_with_a_message(tmp_path: Path) -> None:
    lock = tmp_path / "lock-frontend"
    holder = _hold_lock(lock)
    waiter = _bash_setup(f'wait_for_package_lock -- "{lock}" && echo free')
    assert waiter.stderr is not None
    first = waiter.stderr.readline()
    assert "another package manager is running" in first
    assert f"process {holder.pid}" in first
    assert waiter.poll() is None  # still waiting while the lock is held
    holder.communicate("")  # release
    out, err = waiter.communicate(timeout=60)
    assert waiter.returncode == 0
    assert out.strip() == "free"
    assert "package manager free after" in err


def test_gives_up_with_a_plain_message_after_the_timeout(tmp_path: Path) -> None:
    lock = tmp_path / "lock"
    holder = _hold_lock(lock)
    try:
        waiter = _bash_setup(
            f'APT_LOCK_TIMEOUT=0; wait_for_package_lock -- "{lock}" || echo gave-up'
        )
        out, err = waiter.communicate(timeout=60)
    finally:
        holder.communicate("")
    assert out.strip() == "gave-up"
    assert "still busy after 0 s" in err
    assert "Could not get lock" not in err


def test_a_free_lock_passes_silently(tmp_path: Path) -> None:
    lock = tmp_path / "lock"
    lock.touch()
    waiter = _bash_setup(f'wait_for_package_lock -- "{lock}" "{tmp_path / "absent"}" && echo ok')
    out, err = waiter.communicate(timeout=60)
    assert out.strip() == "ok"
    assert err == ""
