"""GUI benchmark on the national demo dataset (100,000 innovations).  Run by hand:

    python bench/bench_gui.py [--data DIR] [--runs 5]

Every figure is set against a raw baseline measured in the same run, so the ratios
mean something on any laptop:

* start-up: process start -> first window shown (the start frame: title, navigation,
  "opening the data folder"), against a bare PySide6 QMainWindow (target <= 1.5x); also
  the CPU time each process had used by then, which a machine busy with other work
  inflates far less than the wall time; and the main window shown with the folder open,
  and the innovation list's first rows;
* search: median keystroke -> list re-queried and repainted in the innovation search
  box, against the raw FTS5 query in sqlite3 (target < 50 ms);
* memory: peak RSS with the innovation list open, minus the bare window's
  (target <= 150 MB).

The dataset is generated once into ``--data`` (default: a cache folder beside this
file) and reused.  The last line is JSON for tracking figures over time.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_DATA = HERE / ".cache" / "national"
# How long the core takes to open the data folder (integrity check, backups,
# migrations): part of every start-up, reported so the GUI's share is visible.
OPEN_SECONDS: list[float] = []
WORDS = ("kesehatan", "layanan", "digital", "desa", "sekolah", "arsip", "stunting", "pajak")

BARE_WINDOW = """
import sys, time, resource
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.resize(1280, 720); w.show()
def shown():
    ru = resource.getrusage(resource.RUSAGE_SELF)
    print("SHOWN", time.time(), ru.ru_maxrss, ru.ru_utime + ru.ru_stime, flush=True); app.quit()
QTimer.singleShot(0, shown)
app.exec()
"""

# In the order the jipp-desktop command loads things: its command line (and with it the
# Qt-free core) first, then the GUI and PySide6.  Importing PySide6 first would also time
# PySide's scan of every core module's source for its __feature__ switch.
APP_WINDOW = """
import sys, time, resource
from pathlib import Path
from jipp_desktop.cli import main as cli
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
def visible(name):
    return next((w for w in app.topLevelWidgets() if w.objectName() == name and w.isVisible()),
                None)
def shown():
    # What the officer sees first: the start frame (title, navigation, "opening the
    # data"), or the main window itself should it come first.
    if visible("start_frame") is None and visible("main_window") is None:
        QTimer.singleShot(1, shown)
        return
    ru = resource.getrusage(resource.RUSAGE_SELF)
    print("SHOWN", time.time(), ru.ru_maxrss, ru.ru_utime + ru.ru_stime, flush=True)
    ready()
def ready():
    # The main window with the data folder open, its pages usable.
    window = visible("main_window")
    if window is None:
        QTimer.singleShot(1, ready)
        return
    ru = resource.getrusage(resource.RUSAGE_SELF)
    print("READY", time.time(), ru.ru_maxrss, ru.ru_utime + ru.ru_stime, flush=True)
    if "--open-list" in sys.argv:
        page = window.show_page("innovation")
        if page.model.loading:
            loop = QEventLoop()
            page.model.refreshed.connect(loop.quit)
            loop.exec()
        print("ROWS", time.time(), flush=True)
        bar = page.table.verticalScrollBar()
        for value in range(0, bar.maximum(), max(1, bar.maximum() // 50)):
            bar.setValue(value)
            page.table.viewport().repaint()
        print("LIST", page.model.rowCount(),
              resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, flush=True)
    window.close()
QTimer.singleShot(0, shown)
sys.exit(cli.run(["--data-dir", sys.argv[1], "--lang", "id"]))
"""


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def timed_start(code: str, *args: str) -> tuple[float, int, list[str]]:
    """Seconds from spawning Python to the window being shown, its peak RSS (kB), output."""
    start = time.time()
    proc = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env=child_env(),
        check=False,
        timeout=600,
    )
    lines = proc.stdout.splitlines()
    shown = next((line for line in lines if line.startswith("SHOWN")), None)
    if shown is None:
        raise RuntimeError(f"window never shown:\n{proc.stdout}\n{proc.stderr}")
    _tag, stamp, rss, _cpu = shown.split()
    return float(stamp) - start, int(rss), lines


def _line(lines: list[str], tag: str) -> list[str]:
    return next(line for line in lines if line.startswith(tag)).split()


def _after_shown(shown_s: float, lines: list[str], tag: str) -> float:
    """Seconds from the process start to the line ``tag`` (stamped like SHOWN)."""
    return shown_s + float(_line(lines, tag)[1]) - float(_line(lines, "SHOWN")[1])


def cpu_seconds(lines: list[str]) -> float:
    """The CPU time the started process had used when its window was shown: unlike the
    wall time, it hardly grows when other work shares the machine."""
    shown = next(line for line in lines if line.startswith("SHOWN"))
    return float(shown.split()[3])


def ensure_data(folder: Path) -> None:
    sys.path.insert(0, str(ROOT))
    from jipp_desktop.core import demo
    from jipp_desktop.core.workspace import open_workspace

    fresh = not (folder / "jipp.sqlite3").is_file()
    if fresh:
        print(f"generating the national demo dataset in {folder} (once)…", flush=True)
    folder.mkdir(parents=True, exist_ok=True)
    workspace = open_workspace(folder)
    try:
        if fresh:
            demo.generate(workspace.records, size="national", seed=1)
        # A folder made elsewhere would stop every timed start at the first-run dialog.
        workspace.settings.update({"setup_done": "1", "officer_name": "Benchmark"})
    finally:
        workspace.close()


def compile_bytecode() -> None:
    """An installed app starts from compiled bytecode (pip compiles a wheel's modules
    when it installs them); a checkout run with PYTHONDONTWRITEBYTECODE set would
    recompile every module at every start and time the compiler rather than the app."""
    import compileall

    compileall.compile_dir(str(ROOT / "jipp_desktop"), quiet=1)


def start_on_home(folder: Path) -> None:
    """Timed starts open on Beranda, the first page of a fresh start (the list run
    below leaves the innovation list as the last page)."""
    from PySide6.QtCore import QSettings

    settings = QSettings(str(folder / "gui.ini"), QSettings.Format.IniFormat)
    settings.setValue("window/last_page", "dashboard")
    settings.sync()


def raw_fts_ms(db: Path, prefixes: list[str]) -> float:
    """Median time of the bare FTS5 query the list runs, straight through sqlite3."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    times = []
    try:
        for text in prefixes:
            expr = " ".join(f'"{w}"*' for w in text.split())
            t0 = time.perf_counter()
            conn.execute(
                "SELECT i.seq FROM innovation i JOIN innovation_fts f ON f.rowid = i.seq "
                "WHERE innovation_fts MATCH ? AND i.deleted = 0 ORDER BY f.rank, i.seq",
                (expr,),
            ).fetchall()
            times.append((time.perf_counter() - t0) * 1000)
    finally:
        conn.close()
    return statistics.median(times)


def keystroke_ms(folder: Path) -> tuple[float, list[str]]:
    """Type words into the innovation search box; time each key to the repainted list."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QElapsedTimer, QEventLoop, QSettings
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from jipp_desktop.core.workspace import open_workspace
    from jipp_desktop.gui import i18n
    from jipp_desktop.gui.list_page import SEARCH_THROTTLE_MS
    from jipp_desktop.gui.main_window import MainWindow
    from jipp_desktop.gui.pyside_fix import protect_singletons

    protect_singletons()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    i18n.install("id")
    opening = time.perf_counter()
    workspace = open_workspace(folder)
    OPEN_SECONDS.append(time.perf_counter() - opening)
    settings = QSettings(str(folder / "bench-gui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(workspace, settings)
    window.resize(1366, 768)
    window.show()
    page = window.show_page("innovation")
    app.processEvents()
    times: list[float] = []
    typed: list[str] = []
    pause = QElapsedTimer()
    for word in WORDS:
        page.search.clear()
        QTest.keyClick(page.search, word[0])
        for char in word[1:]:
            # Typing at an officer's pace: keys farther apart than the throttle window,
            # so each one is answered at once rather than folded into the next.
            pause.start()
            while pause.elapsed() < SEARCH_THROTTLE_MS + 20:
                app.processEvents()
            clock = QElapsedTimer()
            clock.start()
            QTest.keyClick(page.search, char)
            # The query runs on the reader thread; wait in a real event loop (which
            # sleeps without holding the GIL) until the list has its answer.
            if page.model.loading:
                loop = QEventLoop()
                page.model.refreshed.connect(loop.quit)
                loop.exec()
                page.model.refreshed.disconnect(loop.quit)
            page.table.viewport().repaint()
            times.append(clock.nsecsElapsed() / 1e6)
            typed.append(page.search.text())
    window.close()
    workspace.close()
    return statistics.median(times), typed


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="JIPP Desktop GUI benchmark")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    ensure_data(args.data)
    compile_bytecode()
    start_on_home(args.data)
    # The first start takes the start-up backup of the big database; do not time it.
    timed_start(APP_WINDOW, str(args.data))

    bare = [timed_start(BARE_WINDOW) for _ in range(args.runs)]
    ours = [timed_start(APP_WINDOW, str(args.data)) for _ in range(args.runs)]
    bare_s = statistics.median(t for t, _r, _l in bare)
    ours_s = statistics.median(t for t, _r, _l in ours)
    bare_cpu = statistics.median(cpu_seconds(lines) for _t, _r, lines in bare)
    ours_cpu = statistics.median(cpu_seconds(lines) for _t, _r, lines in ours)
    ready_s = statistics.median(_after_shown(t, lines, "READY") for t, _r, lines in ours)
    ready_cpu = statistics.median(float(_line(lines, "READY")[3]) for _t, _r, lines in ours)
    list_t, _r, lines = timed_start(APP_WINDOW, str(args.data), "--open-list")
    rows_s = _after_shown(list_t, lines, "ROWS")
    list_line = next(line for line in lines if line.startswith("LIST"))
    _tag, rows, list_rss = list_line.split()
    bare_rss = statistics.median(r for _t, r, _l in bare)
    extra_mb = (int(list_rss) - bare_rss) / 1024

    key_ms, typed = keystroke_ms(args.data)
    raw_ms = raw_fts_ms(args.data / "jipp.sqlite3", typed)

    figures = {
        "innovations": int(rows),
        "start_bare_s": round(bare_s, 3),
        "start_app_s": round(ours_s, 3),
        "start_ratio": round(ours_s / bare_s, 2),
        "start_cpu_bare_s": round(bare_cpu, 3),
        "start_cpu_app_s": round(ours_cpu, 3),
        "start_cpu_ratio": round(ours_cpu / bare_cpu, 2),
        "ready_app_s": round(ready_s, 3),
        "ready_ratio": round(ready_s / bare_s, 2),
        "ready_cpu_ratio": round(ready_cpu / bare_cpu, 2),
        "list_rows_s": round(rows_s, 3),
        "load_average_1min": round(os.getloadavg()[0], 2),
        "keystroke_median_ms": round(key_ms, 1),
        "raw_fts_median_ms": round(raw_ms, 1),
        "keystroke_ratio": round(key_ms / raw_ms, 2) if raw_ms else None,
        "open_workspace_s": round(OPEN_SECONDS[0], 3),
        "memory_bare_mb": round(bare_rss / 1024, 1),
        "memory_list_open_mb": round(int(list_rss) / 1024, 1),
        "memory_extra_mb": round(extra_mb, 1),
    }
    print(f"innovations in the list           {figures['innovations']:>10,}")
    print(f"start-up, bare QMainWindow        {bare_s * 1000:>10.0f} ms")
    print(
        f"start-up, JIPP Desktop            {ours_s * 1000:>10.0f} ms "
        f"({figures['start_ratio']}x, target <= 1.5x)"
    )
    print(
        f"  CPU time to the window          {ours_cpu * 1000:>10.0f} ms "
        f"({figures['start_cpu_ratio']}x the bare window's {bare_cpu * 1000:.0f} ms)"
    )
    print(
        f"main window, folder open          {ready_s * 1000:>10.0f} ms "
        f"({figures['ready_ratio']}x; CPU {figures['ready_cpu_ratio']}x)"
    )
    print(f"innovation list's first rows      {rows_s * 1000:>10.0f} ms after the process start")
    print(
        f"core open_workspace               {OPEN_SECONDS[0] * 1000:>10.0f} ms "
        "(part of the main window's time, after the first frame)"
    )
    print(f"keystroke -> list, median         {key_ms:>10.1f} ms (target < 50 ms)")
    print(
        f"raw FTS5 query, median            {raw_ms:>10.1f} ms "
        f"(list is {figures['keystroke_ratio']}x the raw query)"
    )
    print(
        f"peak memory, list open            {int(list_rss) / 1024:>10.1f} MB "
        f"(+{extra_mb:.1f} MB over the bare window, target <= 150 MB)"
    )
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
