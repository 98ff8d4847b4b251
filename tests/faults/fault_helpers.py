"""Helpers for the storage-fault tests: the command in this process or its own, real
small and read-only filesystems (mount needs root), and what a failed write leaves."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from jipp_desktop.cli.main import run

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


def crash_after_edit(data_dir: Path) -> None:
    """Add a hub and die without closing: the change stays in the -wal file."""
    script = textwrap.dedent(f"""
        import os
        from jipp_desktop.core.workspace import open_workspace
        ws = open_workspace({str(data_dir)!r})
        ws.records.create("hub", {{"province_code": "36", "name": "Simpul Banten"}})
        os._exit(0)
    """)
    subprocess.run([sys.executable, "-c", script], check=True, cwd=REPO)


def _mount(*args: str) -> None:
    subprocess.run(["mount", *args], check=True, capture_output=True)


@contextmanager
def tmpfs(where: Path, size_kb: int) -> Iterator[Path]:
    """A real small filesystem at ``where`` (tests run as root here)."""
    where.mkdir(parents=True, exist_ok=True)
    _mount("-t", "tmpfs", "-o", f"size={size_kb}k,mode=0700", "tmpfs", str(where))
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False, capture_output=True)


def fill(folder: Path, leave: int) -> None:
    """Fill the filesystem of ``folder`` until about ``leave`` bytes are free."""
    free = shutil.disk_usage(folder).free
    with (folder / "pengisi.bin").open("wb") as handle:
        handle.truncate(0)
        remaining = max(free - leave, 0)
        block = b"\0" * (1 << 16)
        try:
            while remaining > 0:
                remaining -= handle.write(block[: min(len(block), remaining)])
        except OSError:
            pass


def remount_readonly(mount: Path) -> None:
    _mount("-o", "remount,ro", str(mount))


def needs_root() -> None:
    if os.geteuid() != 0:
        pytest.skip("a real small or read-only filesystem needs root (mount)")


def leftovers(*folders: Path) -> list[Path]:
    """Temporary files a failed write must not leave behind."""
    return [
        p
        for folder in folders
        for p in folder.rglob("*")
        if p.name.endswith((".part", "-journal")) or ".part" in p.name
    ]
