"""Picker filter latency: how long one keystroke takes to narrow a searchable picker.
Run by hand:

    python bench/bench_pickers.py [--runs 30]

Two lists, both as large as the app ever shows in a picker:

* the 514 regencies and cities of the country (the place of signing or of a visit);
* the agencies of the national demo dataset (the same generator and seed as
  ``demo.generate(..., "national")``, built in memory: no database needed).

For each keystroke of a few typed words the picker (``gui.pickers.CodeCombo``) is
narrowed and its popup list laid out (``core.matching`` + the Qt list model); the
baseline, measured in the same run, is a plain Python substring scan over the
lower-cased names, the least any filter has to do.  Target: under 16 ms (one frame)
per keystroke.  The last line is JSON for tracking figures over time.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TARGET_MS = 16.0
QUERIES = {
    "regencies": ("manggarai barat", "kota kupang", "labuan", "ntt bajo", "jakarta selatan"),
    "agencies": ("bappeda provinsi", "dinas kesehatan kab", "bappenas", "rsud manggarai"),
}


def regions() -> object:
    from jipp_desktop.core.validation import Regions
    from jipp_desktop.paths import resource

    folder = resource("regions")
    with (folder / "provinces.csv").open(encoding="utf-8") as f:
        provinces = {r["code"]: r["name"] for r in csv.DictReader(f)}
    with (folder / "regencies.csv").open(encoding="utf-8") as f:
        regencies = {r["code"]: (r["province_code"], r["name"]) for r in csv.DictReader(f)}
    return Regions(provinces, regencies)


def national_agencies(all_regions: object) -> list[tuple[str, str, str]]:
    """(id, name, short name) of the national demo agencies, without a database."""
    from jipp_desktop.core.demo.plan import SIZE_PLANS
    from jipp_desktop.core.demo.world import World, build_agencies

    master = random.Random(1)
    streams = [random.Random(master.getrandbits(64)) for _ in range(6)]
    world = World(all_regions, SIZE_PLANS["national"])  # type: ignore[arg-type]
    build_agencies(streams[0], world)
    return [(str(i), a.name, a.short) for i, a in enumerate(world.agencies)]


def keystrokes(query: str) -> list[str]:
    return [query[:n] for n in range(1, len(query) + 1)]


def median_ms(action: Callable[[str], object], queries: tuple[str, ...], runs: int) -> float:
    times = []
    for _ in range(runs):
        for query in queries:
            for typed in keystrokes(query):
                start = time.perf_counter()
                action(typed)
                times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def measure(
    name: str, items: list[tuple[str, str]], aliases: dict[str, str], runs: int
) -> dict[str, float]:
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from jipp_desktop.gui.pickers import CodeCombo
    from jipp_desktop.gui.pyside_fix import protect_singletons

    protect_singletons()  # as the app does at start (see gui/pyside_fix.py)
    # The offscreen platform's notes about the popup (cannot raise, cannot grab).
    qInstallMessageHandler(lambda *_args: None)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    combo = CodeCombo()
    combo.fill(items, "", aliases)
    combo.show()
    combo.search_index()  # built once per list, as when the picker first opens
    lowered = [text.lower() for _code, text in items]

    def picker(typed: str) -> None:
        combo.filter_text(typed)
        popup = combo._completer.popup() if combo._completer else None
        if popup is not None:
            popup.doItemsLayout()
        app.processEvents()

    def raw(typed: str) -> None:
        wanted = typed.lower()
        [i for i, text in enumerate(lowered) if wanted in text]

    queries = QUERIES[name]
    raw_ms = median_ms(raw, queries, runs)
    picker_ms = median_ms(picker, queries, runs)
    combo.close()
    return {"items": len(items), "picker_ms": picker_ms, "raw_ms": raw_ms}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args(argv)

    from jipp_desktop.core.regions import province_aliases

    all_regions = regions()
    short = province_aliases()
    regency_items = [
        (code, f"{name} ({all_regions.provinces[all_regions.regency_province[code]]})")  # type: ignore[attr-defined]
        for code, name in sorted(all_regions.regency_names.items())  # type: ignore[attr-defined]
    ]
    regency_aliases = {
        code: short.get(all_regions.regency_province[code], "")  # type: ignore[attr-defined]
        for code, _ in regency_items
    }
    agencies = national_agencies(all_regions)
    results = {
        "regencies": measure("regencies", regency_items, regency_aliases, args.runs),
        "agencies": measure(
            "agencies",
            [(rid, name) for rid, name, _short in agencies],
            {rid: s for rid, _name, s in agencies if s},
            args.runs,
        ),
    }
    for name, r in results.items():
        verdict = "meets" if r["picker_ms"] < TARGET_MS else "MISSES"
        print(
            f"{name:10s} {r['items']:6.0f} items: picker {r['picker_ms']:6.2f} ms per keystroke, "
            f"raw substring scan {r['raw_ms']:6.3f} ms, ratio {r['picker_ms'] / r['raw_ms']:6.1f}x "
            f"({verdict} the {TARGET_MS:.0f} ms target)"
        )
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
