"""Another workstation of the ministry's database in the middle of long work: a real
second process for the tests of what an officer's save meets meanwhile.

Run as a script (``python tests/holding_import.py WORK URL FOLDER OFFICER WORKSTATION``)
it works on the database as OFFICER at WORKSTATION: ``import`` writes a small package on
a laptop of its own, then imports it; ``batch`` saves a few records at once (as a
spreadsheet import does).  Once the work holds the database's locks (for an import the
sync lock, and in its open transaction the shared clock) it prints ``holding`` and waits
for a line on standard input before it goes on and commits.  ``importing()`` and
``saving_many()`` run it for a test.
"""

from __future__ import annotations

import os
import select
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
LAPTOP = "Laptop Banten"
TITLE = "Dari Banten"


def importing(url: str, folder: Path, officer: str, workstation: str) -> Any:
    """The import runs in another process while the block runs; it commits after."""
    return _holding("import", url, folder, officer, workstation)


def saving_many(url: str, folder: Path, officer: str, workstation: str) -> Any:
    """A save of several records at once runs in another process while the block runs."""
    return _holding("batch", url, folder, officer, workstation)


@contextmanager
def _holding(work: str, url: str, folder: Path, officer: str, workstation: str) -> Iterator[None]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("JIPP_DATABASE", None)
    command = [sys.executable, __file__, work, url, str(folder), officer, workstation]
    proc = subprocess.Popen(
        command,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert proc.stdin is not None and proc.stdout is not None
    try:
        ready, _, _ = select.select([proc.stdout], [], [], 120)
        line = proc.stdout.readline() if ready else ""
        if line.strip() != "holding":
            proc.kill()
            _out, err = proc.communicate()
            raise AssertionError(f"the {work} did not start: {line!r}\n{err}")
        yield
    finally:
        if proc.poll() is None:
            proc.stdin.write("go on\n")
            proc.stdin.flush()
        out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0 and "done" in out, err


def _hold() -> Any:
    """A progress callback that holds the work at its first call (the transaction has the
    clock by then) until the test says go on."""
    held: list[bool] = []

    def hold(done: int, total: int) -> bool:
        if not held:
            held.append(True)
            print("holding", flush=True)
            sys.stdin.readline()
        return True

    return hold


def _batch(url: str, folder: Path, officer: str, workstation: str) -> None:
    from jipp_desktop.core.workspace import open_workspace

    ws = open_workspace(folder / "workstation", database=url)
    try:
        ws.settings.set("officer_name", officer)
        ws.settings.set("workstation_name", workstation)
        rows = [{"title": f"{TITLE} {i}", "province_code": "36"} for i in range(3)]
        ws.records.create_many("innovation", rows, progress=_hold())
    finally:
        ws.close()


def _import(url: str, folder: Path, officer: str, workstation: str) -> None:
    from jipp_desktop.core.workspace import open_workspace
    from jipp_desktop.sync import exporter, identity, importer

    laptop = open_workspace(folder / "laptop")
    try:
        laptop.settings.set("device_name", LAPTOP)
        laptop.records.create("innovation", {"title": TITLE, "province_code": "36"})
        key = identity.load_or_create(laptop.data_dir)
        sender = laptop.device_id
        package = folder / "banten.jipp"
        exporter.export(laptop, package)
    finally:
        laptop.close()
    ws = open_workspace(folder / "workstation", database=url)
    try:
        ws.settings.set("officer_name", officer)
        ws.settings.set("workstation_name", workstation)
        identity.trust(key.fingerprint, LAPTOP, sender)
        importer.import_package(ws, package, progress=_hold())
    finally:
        ws.close()


if __name__ == "__main__":
    work = {"import": _import, "batch": _batch}[sys.argv[1]]
    work(sys.argv[2], Path(sys.argv[3]), sys.argv[4], sys.argv[5])
    print("done", flush=True)
