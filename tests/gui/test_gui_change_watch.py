"""Lists follow changes written elsewhere: another connection to the same database (another
workstation on PostgreSQL; on SQLite a second connection or a sync on another thread)
moves the change marker, and the list on screen refreshes where the officer was."""

from __future__ import annotations

import sqlite3
import threading
from typing import Any

import psycopg

from jipp_desktop.core import models as m
from jipp_desktop.core.workspace import Workspace
from jipp_desktop.gui.list_page import RecordListPage
from jipp_desktop.gui.main_window import MainWindow


def _innovations(ws: Workspace, count: int) -> list[str]:
    items = [{"title": f"Inovasi nomor {i:03d}", "province_code": "53"} for i in range(count)]
    return ws.records.create_many("innovation", items)


def _title_at(page: RecordListPage, row: int) -> str:
    return str(page.model.data(page.model.index(row, page.model.column_index("title"))))


def _plain_update(ws: Workspace, record_id: str, title: str) -> None:
    """An UPDATE on a connection of its own, outside the app's code."""
    query = "UPDATE innovation SET title = %s WHERE id = %s"
    if ws.database_url is not None:
        with psycopg.connect(ws.database_url) as other:
            other.execute(query, (title, record_id))
        return
    other = sqlite3.connect(ws.db_path)
    other.execute(query.replace("%s", "?"), (title, record_id))
    other.commit()
    other.close()


def _create_on_another_connection(ws: Workspace, title: str) -> None:
    """A write on a thread of its own: peewee gives each thread its own connection."""
    failed: list[BaseException] = []

    def write() -> None:
        try:
            ws.records.create("innovation", {"title": title, "province_code": "53"})
        except BaseException as exc:  # pragma: no cover - reported below
            failed.append(exc)
        finally:
            m.database.close()

    thread = threading.Thread(target=write)
    thread.start()
    thread.join()
    assert not failed


def test_the_list_on_screen_follows_writes_made_elsewhere(
    qtbot: Any, window: MainWindow, workspace: Workspace
) -> None:
    ids = _innovations(workspace, 80)
    page = window.show_list("innovation")
    qtbot.waitUntil(lambda: page.model.rowCount() == 80 and not page.model.loading)
    page.table.selectRow(30)
    chosen = page.model.record_id(30)
    page.table.scrollTo(page.model.index(25, 0), page.table.ScrollHint.PositionAtTop)
    top = page.model.record_id(page.table.rowAt(0))
    watched = page.model.record_id(31)
    assert chosen and top and watched
    _title_at(page, 31)  # its page of rows is now cached
    window.watch_changes(interval_ms=50)
    qtbot.wait(120)

    # Another connection changes a title shown on screen (plain SQL: any writer counts).
    _plain_update(workspace, watched, "Diubah di tempat lain")
    qtbot.waitUntil(lambda: _title_at(page, page.model.row_of(watched)) == "Diubah di tempat lain")
    assert page.selected_ids() == [chosen]
    assert page.model.record_id(page.table.rowAt(0)) == top

    # A record added elsewhere shifts the rows: the same record stays selected and the
    # same one on top.
    _create_on_another_connection(workspace, "Inovasi dari workstation lain")
    qtbot.waitUntil(lambda: page.model.rowCount() == 81 and not page.model.loading)
    qtbot.waitUntil(lambda: page.selected_ids() == [chosen])
    assert page.model.record_id(page.table.rowAt(0)) == top
    assert page.model.record_id(page.table.currentIndex().row()) == chosen

    # A list not on screen is refreshed when shown again.
    agencies = window.show_list("agency")
    qtbot.waitUntil(lambda: not agencies.model.loading)
    workspace_rows_before = page.model.rowCount()
    _create_on_another_connection(workspace, "Inovasi ketika daftar tersembunyi")
    qtbot.waitUntil(lambda: page._stale)
    assert page.model.rowCount() == workspace_rows_before
    window.show_page("innovation")
    qtbot.waitUntil(lambda: page.model.rowCount() == 82 and not page.model.loading)
    assert ids[0] in {page.model.record_id(r) for r in range(82)}


def test_no_poll_without_the_watcher_and_after_close(
    qtbot: Any, window: MainWindow, workspace: Workspace
) -> None:
    """Windows built by tests stay still; the app's window starts the watcher and its
    close stops it."""
    assert window.watcher is None
    window.watch_changes(interval_ms=50)
    assert window.watcher is not None and window.watcher.active
    moved: list[bool] = []
    window.watcher.moved.connect(lambda: moved.append(True))
    qtbot.wait(120)
    workspace.records.create("innovation", {"title": "Satu lagi", "province_code": "53"})
    qtbot.waitUntil(lambda: bool(moved))
    window.close()
    assert not window.watcher.active
