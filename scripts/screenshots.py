"""Render every main screen and every editor, in Indonesian, on the demo data, to PNG.

    python scripts/screenshots.py [--out docs/screenshots] [--size 1366x768]

Runs headless (Qt's offscreen platform) on a throw-away data folder filled by
``core.demo.generate(size="small")``, so the pictures never show anyone's real data.
Look at them after every visible change: nothing cut off, overlapping or in English.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from jipp_desktop.core import demo
from jipp_desktop.core.query import ListQuery
from jipp_desktop.core.workspace import Workspace, open_workspace
from jipp_desktop.gui import i18n
from jipp_desktop.gui.editors.record_editor import RecordEditor
from jipp_desktop.gui.main_window import MainWindow
from jipp_desktop.gui.pages import PAGES
from jipp_desktop.gui.pyside_fix import protect_singletons
from jipp_desktop.gui.reader import shared_reader
from jipp_desktop.gui.settings_page import SetupDialog

EDITOR_TYPES = ("innovation", "replication", "commitment", "visit", "workplan", "hub", "agency")
# Extra tabs worth a picture: (record type, tab title in Indonesian).
EXTRA_TABS = (
    ("visit", "Hambatan"),
    ("visit", "Tindak Lanjut"),
    ("innovation", "Uraian"),
    ("commitment", "Penandatangan"),
    ("replication", "Langkah Rencana Aksi"),
    ("innovation", "Riwayat"),
    ("workplan", "Kegiatan"),
)


def settle(app: QApplication, rounds: int = 5, seconds: float = 0.0) -> None:
    """Let queued events run; ``seconds`` also waits for background reads (sync status)."""
    deadline = time.monotonic() + seconds
    for _ in range(rounds):
        app.processEvents()
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)


def save(widget: QWidget, path: Path) -> None:
    widget.grab().save(str(path))
    print(path)


def prepare(folder: Path) -> Workspace:
    workspace = open_workspace(folder)
    # The officer first, so the change history names her rather than the OS user.
    workspace.settings.update(
        {
            "officer_name": "Maria Goreti Bere",
            "officer_position": "Analis Kebijakan",
            "province_code": "53",
            "setup_done": "1",
            "language": "id",
            "letterhead_title": "PEMERINTAH PROVINSI NUSA TENGGARA TIMUR",
            "letterhead_unit": "BADAN PERENCANAAN PEMBANGUNAN DAERAH",
        }
    )
    demo.generate(workspace.records, size="small", seed=1)
    # One edit, so the history tab shows what a change looks like.
    innovation = first_with_children(workspace, "innovation")
    # A 2021 start takes a category of the 2021 list.
    workspace.records.update(
        "innovation",
        innovation,
        {"stage": "implementation", "year_started": 2021, "category": "2021-governance"},
    )
    return workspace


def first_with_children(workspace: Workspace, type_name: str) -> str:
    """A record that shows its child tables filled in, else the first one."""
    ids = [r["id"] for r in workspace.records.list(type_name, ListQuery(limit=40))]
    for record_id in ids:
        record = workspace.records.get(type_name, record_id)
        lists = [v for v in record.values() if isinstance(v, list)]
        if lists and all(lists):
            return record_id
    return ids[0]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--size", default="1366x768")
    args = parser.parse_args(argv)
    width, height = (int(v) for v in args.size.split("x"))
    args.out.mkdir(parents=True, exist_ok=True)

    protect_singletons()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    i18n.install("id")
    with tempfile.TemporaryDirectory(prefix="jipp-shots-") as tmp:
        workspace = prepare(Path(tmp))
        settings = QSettings(str(Path(tmp) / "gui.ini"), QSettings.Format.IniFormat)
        window = MainWindow(workspace, settings)
        window.resize(width, height)
        window.show()
        for spec in PAGES:
            window.show_page(spec.key)
            settle(app, seconds=1.5)
            window.resize(width, height)
            save(window, args.out / f"main_{spec.key}.png")
        for type_name in EDITOR_TYPES:
            editor = window.open_editor(type_name, first_with_children(workspace, type_name))
            editor.resize(980, 700)
            settle(app)
            save(editor, args.out / f"editor_{type_name}.png")
            editor.close()
        for type_name, tab in EXTRA_TABS:
            editor = window.open_editor(type_name, first_with_children(workspace, type_name))
            tabs = editor.tabs
            index = next(i for i in range(tabs.count()) if tabs.tabText(i) == tab)
            tabs.setCurrentIndex(index)
            editor.resize(980, 700)
            settle(app)
            slug = tab.lower().replace(" ", "_")
            save(editor, args.out / f"editor_{type_name}_{slug}.png")
            editor.close()
        setup = SetupDialog(workspace, window)
        setup.show()
        settle(app)
        save(setup, args.out / "dialog_first_run.png")
        setup.reject()
        # A delete and its "Urungkan".
        listing = window.show_list("innovation")
        settle(app, seconds=1.0)
        listing.table.selectRow(0)
        listing.delete_selected()
        settle(app, seconds=1.0)
        save(window, args.out / "main_undo_notice.png")
        window.undo_delete()
        settle(app)
        new_visit: RecordEditor = window.open_editor("visit", None)
        new_visit.resize(980, 700)
        new_visit.save()
        settle(app)
        save(new_visit, args.out / "editor_visit_validation.png")
        new_visit._snapshot = new_visit._fingerprint()
        new_visit.close()
        window.close()
        # Delete the widgets while Qt is still alive; PySide can crash tearing them
        # down during interpreter shutdown.
        window.deleteLater()
        settle(app)
        workspace.close()
    empty_dashboard(app, args.out, width, height)
    return 0


def empty_dashboard(app: QApplication, out: Path, width: int, height: int) -> None:
    """A new laptop: Enter on the blank first-run form, then Beranda's first steps."""
    with tempfile.TemporaryDirectory(prefix="jipp-shots-empty-") as tmp:
        workspace = open_workspace(Path(tmp))
        blank = SetupDialog(workspace)
        blank.show()
        blank.start_button.click()
        settle(app)
        save(blank, out / "dialog_first_run_messages.png")
        blank.reject()
        workspace.settings.update(
            {"setup_done": "1", "officer_name": "Maria Goreti", "province_code": "53"}
        )
        settings = QSettings(str(Path(tmp) / "gui.ini"), QSettings.Format.IniFormat)
        window = MainWindow(workspace, settings)
        window.resize(width, height)
        window.show()
        window.show_page("dashboard")
        settle(app, seconds=1.5)
        save(window, out / "main_dashboard_empty.png")
        window.close()
        window.deleteLater()
        settle(app)
        shared_reader().release()
        workspace.close()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
