"""Bundle benchmark: size of the Linux bundle and its start-up against the virtual
environment, measured in the same run.  Run by hand:

    python bench/bench_bundle.py [--runs 5]

* size: the .tar.gz scripts/build_bundle.sh makes (target < 150 MB) and the unpacked
  program folder;
* start-up: process start -> main window shown (the ``--smoke-test`` start, timed to
  the log line the app writes once its window is up) of the bundle's GUI executable,
  against the same start from the virtual environment (``python -c`` calling the same
  ``jipp_desktop.gui.app.main``), on the same small data folder (target <= 1.2x).
  "Cold" starts first drop this checkout's, the venv's, the interpreter's and the
  bundle's files from the page cache (posix_fadvise DONTNEED: no root needed, and
  the rest of the machine keeps its cache), as after a reboot or a fresh copy from
  a USB stick; "warm" starts run again right after.  Both programs alternate so a
  busy machine slows both alike; each figure is the median of ``--runs``.

The last line is JSON for tracking figures over time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from jipp_desktop.core.workspace import open_workspace  # noqa: E402

SHOWN = "smoke test: main window shown"
VENV_START = "import sys; from jipp_desktop.gui.app import main; sys.exit(main())"


def build() -> Path:
    done = subprocess.run(
        ["bash", str(ROOT / "scripts" / "build_bundle.sh")],
        capture_output=True,
        text=True,
        check=True,
    )
    return Path(done.stdout.strip().splitlines()[-1])


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def evict(folders: Iterable[Path]) -> None:
    """Drop the files' pages from the page cache (only pages no process has mapped)."""
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file() and not path.is_symlink():
                try:
                    fd = os.open(path, os.O_RDONLY)
                except OSError:
                    continue
                try:
                    os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
                finally:
                    os.close(fd)


def shown_at(log: Path, since: float) -> float:
    """Time of the first 'main window shown' line written after ``since``."""
    for line in log.read_text(encoding="utf-8").splitlines():
        if SHOWN in line:
            stamp = dt.datetime.strptime(line[:23], "%Y-%m-%d %H:%M:%S,%f").timestamp()
            if stamp >= since - 0.001:
                return stamp
    raise RuntimeError(f"the app did not log '{SHOWN}' in {log}")


def start_once(command: list[str], data: Path, env: dict[str, str]) -> float:
    log = data / "logs" / "jipp.log"
    log.unlink(missing_ok=True)
    began = time.time()
    subprocess.run([*command, "--data-dir", str(data), "--smoke-test"], env=env, check=True)
    return shown_at(log, began) - began


def clean_env(home: Path) -> dict[str, str]:
    return {
        "HOME": str(home),
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)

    archive = build()
    with tempfile.TemporaryDirectory(prefix="jipp-bench-bundle-") as tmp:
        where = Path(tmp)
        subprocess.run(["tar", "-xzf", str(archive), "-C", str(where)], check=True)
        program = next(where.glob("jipp-desktop-*")) / "jipp-desktop"
        data, home = where / "data", where / "home"
        home.mkdir()
        with open_workspace(data) as ws:
            ws.settings.update({"setup_done": "1", "officer_name": "Bench", "province_code": "53"})
        env = clean_env(home)
        commands = {
            "bundle": [str(program / "jipp-desktop")],
            "venv": [sys.executable, "-c", VENV_START],
        }
        envs = {"bundle": env, "venv": env}  # the venv finds the checkout (editable install)
        cached = [
            program,
            ROOT / "jipp_desktop",
            ROOT / "resources",
            ROOT / "db",
            ROOT / "ui",
            Path(sys.prefix),
            Path(sysconfig.get_paths()["stdlib"]),
        ]
        for name, command in commands.items():  # untimed: the first start backs up
            start_once(command, data, envs[name])
        cold: dict[str, list[float]] = {"bundle": [], "venv": []}
        warm: dict[str, list[float]] = {"bundle": [], "venv": []}
        for run in range(args.runs):
            order = list(commands) if run % 2 == 0 else list(reversed(commands))
            for name in order:
                evict(cached)
                cold[name].append(start_once(commands[name], data, envs[name]))
                warm[name].append(start_once(commands[name], data, envs[name]))
        unpacked = folder_bytes(program)
    shutil.rmtree(where, ignore_errors=True)

    figures = {
        "archive_mb": round(archive.stat().st_size / 2**20, 1),
        "unpacked_mb": round(unpacked / 2**20, 1),
        "runs": args.runs,
    }
    for label, times in (("cold", cold), ("warm", warm)):
        bundle_s, venv_s = statistics.median(times["bundle"]), statistics.median(times["venv"])
        figures[f"{label}_bundle_ms"] = round(bundle_s * 1000)
        figures[f"{label}_venv_ms"] = round(venv_s * 1000)
        figures[f"{label}_ratio"] = round(bundle_s / venv_s, 2)
    print(f"archive {archive.name:<38} {figures['archive_mb']:>8.1f} MB (target < 150 MB)")
    print(f"unpacked program folder                {figures['unpacked_mb']:>8.1f} MB")
    for label in ("cold", "warm"):
        print(
            f"{label} start -> main window: bundle {figures[f'{label}_bundle_ms']:>5} ms, "
            f"venv {figures[f'{label}_venv_ms']:>5} ms, "
            f"ratio {figures[f'{label}_ratio']:.2f}x (target <= 1.2x)"
        )
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
