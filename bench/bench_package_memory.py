"""Memory of importing a large package (run by hand): the package is never held whole.

    python bench/bench_package_memory.py [--mb 400] [--small-mb 40]

Builds a laptop whose records carry incompressible photo attachments, exports a plain and
a locked package of about ``--mb`` MB, and imports each into an empty laptop through the
real importer, measuring the peak of Python allocations (tracemalloc) during the import.
Each figure is printed as a ratio to the package file's size measured in the same run;
a loader that read the file whole would be at 1.0 or more.  The same is done for a package
of ``--small-mb`` MB: a peak that stays flat while the package grows tenfold shows the
cost does not follow the package's size.  The last line is JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from jipp_desktop.core.workspace import open_workspace
from jipp_desktop.sync import exporter, identity, importer

PHOTO_MB = 40
PASSPHRASE = "kopi tubruk pagi hari di balai desa"


def build(root: Path, megabytes: int) -> Path:
    """A laptop holding one visit with ``megabytes`` of random photos; returns its folder."""
    folder = root / f"sender-{megabytes}"
    ws = open_workspace(folder)
    try:
        hub = ws.records.create("hub", {"name": "Simpul Inovasi Banten", "province_code": "36"})
        visit = ws.records.create(
            "visit", {"hub_id": hub, "start_date": "2024-03-04", "regency_code": "36.01"}
        )
        left = megabytes
        for number in range(1, megabytes // PHOTO_MB + 2):
            size = min(PHOTO_MB, left)
            if size <= 0:
                break
            photo = root / f"foto-{megabytes}-{number}.jpg"
            photo.write_bytes(os.urandom(size * 1024 * 1024))
            ws.attachments.add("visit", visit, photo, role="photo")
            photo.unlink()
            left -= size
    finally:
        ws.close()
    return folder


def fingerprint(folder: Path) -> str:
    return identity.load_or_create(folder).fingerprint


def measured_import(root: Path, package: Path, passphrase: str | None, trusted: str) -> int:
    """Peak bytes allocated while a fresh laptop imports ``package``."""
    receiver = Path(tempfile.mkdtemp(dir=root, prefix="receiver-"))
    ws = open_workspace(receiver)
    try:
        identity.trust(trusted)
        tracemalloc.start()
        report = importer.import_package(ws, package, passphrase=passphrase)
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        assert report.attachments > 0, "the package's attachments were not imported"
    finally:
        ws.close()
    return peak


def run(root: Path, megabytes: int) -> dict[str, float]:
    sender = build(root, megabytes)
    ws = open_workspace(sender)
    try:
        plain = exporter.export(ws, root / f"plain-{megabytes}.jipp").path
        locked = exporter.export(ws, root / f"locked-{megabytes}.jipp", passphrase=PASSPHRASE).path
    finally:
        ws.close()
    trusted = fingerprint(sender)
    figures: dict[str, float] = {}
    for name, path, secret in (("plain", plain, None), ("locked", locked, PASSPHRASE)):
        size = path.stat().st_size
        peak = measured_import(root, path, secret, trusted)
        figures[f"{name}_file_mb"] = round(size / 1024**2, 1)
        figures[f"{name}_peak_mb"] = round(peak / 1024**2, 1)
        figures[f"{name}_peak_ratio"] = round(peak / size, 3)
        print(
            f"{megabytes:>5} MB {name:<6}: package {size / 1024**2:8.1f} MB, "
            f"import peak {peak / 1024**2:7.1f} MB = {peak / size:.3f}x the file"
        )
    return figures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=int, default=400)
    parser.add_argument("--small-mb", type=int, default=40)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="jipp-bench-mem-") as tmp:
        root = Path(tmp)
        small = run(root, args.small_mb)
        large = run(root, args.mb)
    result = {"small": small, "large": large, "target": "peak ratio well under 1.0"}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
