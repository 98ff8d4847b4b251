"""Another workstation of the ministry's database in the middle of a package import: a
real second process for the tests of what an officer's save meets meanwhile.

Run as a script (``python tests/holding_import.py URL FOLDER OFFICER WORKSTATION``) it
writes a small package on a laptop of its own, then imports it into the database as
OFFICER at WORKSTATION; once the import holds the database's locks (the sync lock and,
in its open transaction, the shared clock) it prints ``holding`` and waits for a line on
standard input before it goes on and commits.  ``importing()`` runs it for a test.
"""

from __future__ import annotations

import os
import select
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
LAPTOP = "Laptop Banten"
TITLE = "Dari Banten"


@contextmanager
def importing(url: str, folder: Path, officer: str, workstation: str) -> Iterator[None]:
    """The import runs in another process while the block runs; it commits after."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("JIPP_DATABASE", None)
    command = [sys.executable, __file__, url, str(folder), officer, workstation]
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
            raise AssertionError(f"the import did not start: {line!r}\n{err}")
        yield
    finally:
        if proc.poll() is None:
            proc.stdin.write("go on\n")
            proc.stdin.flush()
        out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0 and "imported" in out, err


def _main(url: str, folder: Path, officer: str, workstation: str) -> None:
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
        held: list[bool] = []

        def hold(done: int, total: int) -> bool:
            if not held:  # the first chunk is applied: the transaction holds the clock
                held.append(True)
                print("holding", flush=True)
                sys.stdin.readline()
            return True

        importer.import_package(ws, package, progress=hold)
    finally:
        ws.close()
    print("imported", flush=True)


if __name__ == "__main__":
    _main(sys.argv[1], Path(sys.argv[2]), sys.argv[3], sys.argv[4])
