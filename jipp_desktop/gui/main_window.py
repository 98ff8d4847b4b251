"""The main window: navigation on the left, one page at a time, menus, toolbar and a
status bar with record counts and the last exchange.  Size, layout and the last page
are remembered in a QSettings file the caller chooses (the app keeps it in the data
folder, tests in a temporary one)."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import peewee
import shiboken6
from PySide6.QtCore import QByteArray, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPaintEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from jipp_desktop import __version__
from jipp_desktop.core.idformat import format_number
from jipp_desktop.core.workspace import Workspace
from jipp_desktop.gui.banner import Banner
from jipp_desktop.gui.display import Display, never
from jipp_desktop.gui.i18n import current_language
from jipp_desktop.gui.icons import icon
from jipp_desktop.gui.pages import PAGE_KEYS, PAGES, PageSpec, external_page_class, page_title
from jipp_desktop.gui.reader import shared_reader
from jipp_desktop.gui.start_frame import default_window_size
from jipp_desktop.gui.tasks import TaskRunner

if TYPE_CHECKING:
    from jipp_desktop.gui.change_watch import ChangeWatcher
    from jipp_desktop.gui.editors.record_editor import RecordEditor
    from jipp_desktop.gui.list_page import RecordListPage


def as_list(page: object) -> RecordListPage | None:
    """``page`` if it is a record list.  The list module is imported with the first list
    page, not at start-up: a window opening on Beranda does not need it."""
    module = sys.modules.get("jipp_desktop.gui.list_page")
    if module is not None and isinstance(page, module.RecordListPage):
        return page  # type: ignore[no-any-return]
    return None


class MainWindow(QMainWindow):
    languageChanged = Signal(str)
    # Ctrl+P with no reports page able to print: (record type, record ids).
    printRequested = Signal(str, object)

    def __init__(
        self, workspace: Workspace, settings: QSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.settings = settings
        self.display = Display(workspace.regions, lambda: workspace.categories)
        self.runner = TaskRunner(self)
        self.runner.setObjectName("jipp_task_runner")
        self.editors: list[RecordEditor] = []
        # The last delete, for Ctrl+Z: (record type, ids).
        self._last_delete: tuple[str, list[str]] | None = None
        self._pages: dict[str, QWidget] = {}
        # Started by the app (watch_changes), not by every window a test builds.
        self.watcher: ChangeWatcher | None = None
        # Reads the first frame does not need (the status bar's counts, Beranda's figures)
        # wait until it is drawn: on a big folder they would compete with it for the CPU.
        self._painted = False
        self._after_paint: list[Callable[[], None]] = []
        self._status_queued = False
        self.setObjectName("main_window")
        self.setWindowTitle(self.tr("JIPP Desktop"))
        self.setWindowIcon(icon("app"))

        self.nav = QListWidget(self)
        self.nav.setObjectName("nav")
        self.nav.setAccessibleName(self.tr("Navigation"))
        self.nav.setIconSize(QSize(22, 22))
        self.nav.setSpacing(1)
        for spec in PAGES:
            item = QListWidgetItem(icon(spec.icon), page_title(spec))
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            self.nav.addItem(item)
        self.nav.setMinimumWidth(150)
        self.nav.setMaximumWidth(240)
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("stack")
        for _ in PAGES:
            self.stack.addWidget(QWidget())
        self.splitter = QSplitter(self)
        self.splitter.setObjectName("splitter")
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([190, 1100])
        self.banner = Banner(self)
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.banner)
        column.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        if workspace.clock_repair is not None:
            self.banner.tell(workspace.clock_repair.message(current_language()))
        self.nav.currentRowChanged.connect(self._nav_changed)

        self._build_actions()
        self._build_status()
        self._restore_layout()

    # -- building ---------------------------------------------------------------------

    def _action(
        self,
        text: str,
        slot: Any,
        shortcut: Any = None,
        icon_name: str | None = None,
        name: str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if icon_name:
            action.setIcon(icon(icon_name))
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if name:
            action.setObjectName(name)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.new_action = self._action(
            self.tr("&New record"),
            self.new_record,
            QKeySequence.StandardKey.New,
            "new",
            "action_new",
        )
        self.search_action = self._action(
            self.tr("&Search"),
            self.focus_search,
            QKeySequence.StandardKey.Find,
            "search",
            "action_search",
        )
        self.print_action = self._action(
            self.tr("&Print…"),
            self.print_current,
            QKeySequence.StandardKey.Print,
            "print",
            "action_print",
        )
        self.refresh_action = self._action(
            self.tr("&Refresh"),
            self.refresh_all,
            QKeySequence.StandardKey.Refresh,
            "refresh",
            "action_refresh",
        )
        self.undo_action = self._action(
            self.tr("&Undo delete"),
            self.undo_delete,
            QKeySequence.StandardKey.Undo,
            name="action_undo",
        )
        self.undo_action.setEnabled(False)
        self.duplicate_action = self._action(
            self.tr("&Duplicate"), self.duplicate_selected, "Ctrl+D", name="action_duplicate"
        )
        self.demo_action = self._action(
            self.tr("Fill with &example data…"), self.load_demo, name="action_demo"
        )
        self.quit_action = self._action(
            self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit, name="action_quit"
        )
        about = self._action(self.tr("&About JIPP Desktop"), self.about)

        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        file_menu.addAction(self.new_action)
        file_menu.addAction(self.print_action)
        file_menu.addSeparator()
        file_menu.addAction(self.demo_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        edit_menu = menu.addMenu(self.tr("&Edit"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.search_action)
        edit_menu.addAction(self.refresh_action)
        edit_menu.addAction(self.duplicate_action)
        view_menu = menu.addMenu(self.tr("&View"))
        for number, spec in enumerate(PAGES, start=1):
            shortcut = f"Ctrl+{number}" if number < 10 else None
            view_menu.addAction(
                self._action(
                    page_title(spec), lambda k=spec.key: self.show_page(k), shortcut, spec.icon
                )
            )
        help_menu = menu.addMenu(self.tr("&Help"))
        help_menu.addAction(about)

        toolbar = QToolBar(self.tr("Main toolbar"), self)
        toolbar.setObjectName("main_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.setIconSize(QSize(20, 20))
        for action in (self.new_action, self.search_action, self.print_action, self.refresh_action):
            toolbar.addAction(action)
        self.addToolBar(toolbar)

    def _build_status(self) -> None:
        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("counts")
        self.exchange_label = QLabel(self)
        self.exchange_label.setObjectName("last_exchange")
        self.statusBar().addWidget(self.counts_label, 1)
        self.undo_notice = UndoNotice(self)
        self.undo_notice.undo_button.clicked.connect(self.undo_delete)
        self.statusBar().addPermanentWidget(self.undo_notice)
        self.statusBar().addPermanentWidget(self.exchange_label)
        self.update_status()

    # -- pages ------------------------------------------------------------------------

    def page(self, key: str) -> QWidget:
        """The page ``key``, built on first use."""
        if key in self._pages:
            return self._pages[key]
        index = PAGE_KEYS.index(key)
        spec = PAGES[index]
        widget = self._make_page(spec)
        placeholder = self.stack.widget(index)
        self.stack.insertWidget(index, widget)
        if placeholder is not None:
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
        self._pages[key] = widget
        return widget

    def _make_page(self, spec: PageSpec) -> QWidget:
        if spec.record_type is not None:
            from jipp_desktop.gui.list_page import RecordListPage

            page = RecordListPage(self.workspace, self.display, spec.record_type, self.settings)
            page.editRequested.connect(self.open_editor)
            page.message.connect(lambda text: self.statusBar().showMessage(text, 5000))
            page.dataChanged.connect(lambda _t: self.data_changed())
            page.deleted.connect(self._records_deleted)
            return page
        if spec.key == "dashboard":
            from jipp_desktop.gui.dashboard_page import DashboardPage

            dashboard = DashboardPage(self.workspace, self.display)
            dashboard.openList.connect(self.show_list)
            dashboard.openRecord.connect(self.open_editor)
            dashboard.importRequested.connect(self.import_package)
            dashboard.demoRequested.connect(self.load_demo)
            return dashboard
        if spec.key == "settings":
            from jipp_desktop.gui.settings_page import SettingsPage

            settings = SettingsPage(self.workspace)
            settings.saved.connect(self._settings_saved)
            settings.encryption.reopened.connect(self._folder_reopened)
            return settings
        cls = external_page_class(spec.key)
        if cls is None:
            return self._missing_page(spec)
        return cls(self.workspace)  # type: ignore[no-any-return]

    def _missing_page(self, spec: PageSpec) -> QWidget:
        widget = QWidget()
        layout = QVBoxLayout(widget)
        label = QLabel(
            self.tr("%1 is not available in this version.").replace("%1", page_title(spec)), widget
        )
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(label)
        return widget

    def show_page(self, key: str) -> QWidget:
        index = PAGE_KEYS.index(key)
        if self.nav.currentRow() != index:
            self.nav.setCurrentRow(index)
        return self.page(key)

    def current_key(self) -> str:
        row = self.nav.currentRow()
        return PAGE_KEYS[row] if 0 <= row < len(PAGE_KEYS) else PAGE_KEYS[0]

    def list_page(self, type_name: str) -> RecordListPage:
        page = as_list(self.page(type_name))
        assert page is not None
        return page

    def show_list(
        self, type_name: str, filters: dict[str, Any] | None = None, year: int | None = None
    ) -> RecordListPage:
        self.show_page(type_name)
        page = self.list_page(type_name)
        page.show_filtered(filters or {}, year)
        return page

    def _nav_changed(self, row: int) -> None:
        if not 0 <= row < len(PAGES):
            return
        self.page(PAGES[row].key)
        self.stack.setCurrentIndex(row)
        self.settings.setValue("window/last_page", PAGES[row].key)
        # Counts and the last exchange may have changed on the page just left (an
        # import, a sync): the status bar follows on every page change (read off-thread).
        self.update_status()
        self.search_action.setEnabled(PAGES[row].record_type is not None)

    # -- actions ----------------------------------------------------------------------

    def new_record(self) -> None:
        """Ctrl+N: a record of the list on show; elsewhere, first ask which kind."""
        page = as_list(self._pages.get(self.current_key()))
        if page is not None:
            page.new_record()
            return
        from jipp_desktop.gui.new_record_dialog import NewRecordDialog

        dialog = NewRecordDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._new_of_kind(dialog.chosen()))
        self.new_record_dialog = dialog
        dialog.open()

    def _new_of_kind(self, type_name: str | None) -> None:
        if type_name is not None:
            self.show_page(type_name)
            self.list_page(type_name).new_record()

    def _records_deleted(self, type_name: str, ids: list[str]) -> None:
        """Remember the last delete for Ctrl+Z and offer "Urungkan" next to its notice."""
        self._last_delete = (type_name, list(ids))
        self.undo_action.setEnabled(True)
        self.undo_notice.show_delete(len(ids))

    def undo_delete(self) -> None:
        """Ctrl+Z or "Urungkan": the last delete's records come back from the trash."""
        last = self._last_delete
        if last is None:
            return
        type_name, ids = last
        self._last_delete = None
        self.undo_action.setEnabled(False)
        self.undo_notice.hide()
        self.list_page(type_name).restore(ids)

    def import_package(self) -> None:
        """The sync page's "import a package", reached from elsewhere (the empty Beranda)."""
        page = self.show_page("sync")
        button = getattr(page, "import_button", None)
        if button is not None:
            button.click()

    def focus_search(self) -> None:
        page = as_list(self._pages.get(self.current_key()))
        if page is not None:
            page.focus_search()

    def print_current(self) -> None:
        """Ctrl+P: hand the selected records to the reports page (or say what to do)."""
        page: Any = self._pages.get(self.current_key())
        listing = as_list(page)
        if listing is not None and listing.selected_ids():
            self.print_records(listing.type_name, listing.selected_ids())
            return
        if self.current_key() == "reports":
            # On the reports page Ctrl+P prints the report on show.
            print_report = getattr(page, "print_report", None)
            if callable(print_report):
                print_report()
                return
        self.show_page("reports")

    def print_records(self, type_name: str, ids: list[str]) -> None:
        reports = self.show_page("reports")
        handler = getattr(reports, "print_records", None)
        if callable(handler):
            handler(type_name, ids)
        else:
            self.printRequested.emit(type_name, ids)

    def refresh_all(self) -> None:
        for page in self._pages.values():
            refresh = getattr(page, "refresh", None)
            if callable(refresh):
                refresh()
        self.update_status()

    def watch_changes(self, interval_ms: int | None = None) -> None:
        """Poll the change marker and refresh lists changed by someone else (another
        workstation, a reader's writer, a sync on another connection): gui/change_watch."""
        from jipp_desktop.gui.change_watch import POLL_MS, ChangeWatcher

        if self.watcher is None:
            self.watcher = ChangeWatcher(self, interval_ms or POLL_MS)
            self.watcher.moved.connect(self.changed_elsewhere)
        self.watcher.start()

    def _folder_reopened(self) -> None:
        """The data folder was encrypted, decrypted or re-keyed: every connection was
        closed meanwhile (the change watcher stops when it finds its own closed)."""
        if self.watcher is not None:
            self.watcher.start()
        self.refresh_all()

    def changed_elsewhere(self) -> None:
        """The lists follow: the one on screen now, keeping the officer's place; the
        others when they are next shown."""
        current = self._pages.get(self.current_key())
        for page in self._pages.values():
            listed = as_list(page)
            if listed is None:
                continue
            if page is current:
                listed.refresh_keeping()
            else:
                listed.mark_stale()
        self.display.forget_titles()
        self.update_status()

    def data_changed(self) -> None:
        """After a save, delete or import: counts and the dashboard follow."""
        dashboard = self._pages.get("dashboard")
        refresh = getattr(dashboard, "refresh", None)
        if callable(refresh):
            refresh()
        self.update_status()

    def open_editor(
        self, type_name: str, record_id: str | None, initial: dict[str, Any] | None = None
    ) -> RecordEditor:
        for editor in self.editors:
            if record_id is not None and (editor.type_name, editor.record_id) == (
                type_name,
                record_id,
            ):
                editor.raise_()
                editor.activateWindow()
                return editor
        # Imported on first use: the editors are not needed to show the window.
        from jipp_desktop.gui.editors.record_editor import RecordEditor

        editor = RecordEditor(self.workspace, self.display, type_name, record_id, initial, self)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.saved.connect(self._record_saved)
        editor.openRecord.connect(self.open_editor)
        editor.openList.connect(lambda t, f: self.show_list(t, f))
        editor.printRequested.connect(lambda t, i: self.print_records(t, [i]))
        editor.finished.connect(lambda _r, e=editor: self._forget_editor(e))
        self.editors.append(editor)
        editor.show()
        return editor

    def _forget_editor(self, editor: RecordEditor) -> None:
        if editor in self.editors:
            self.editors.remove(editor)

    def _record_saved(self, type_name: str, _record_id: str) -> None:
        page = as_list(self._pages.get(type_name))
        if page is not None:
            page.refresh()
        self.display.forget_titles()
        self.data_changed()

    def duplicate_selected(self) -> None:
        """Ctrl+D in a list: copies of the selected records, all in one transaction."""
        page = as_list(self._pages.get(self.current_key()))
        if page is None or not page.selected_ids():
            return
        from jipp_desktop.core.copies import duplicate
        from jipp_desktop.core.errors import JippError
        from jipp_desktop.gui.errors import show_error

        try:
            ids = duplicate(self.workspace.records, page.type_name, page.selected_ids())
        except JippError as exc:
            show_error(self, exc)
            return
        self._record_saved(page.type_name, ids[0])
        self.statusBar().showMessage(self.tr("%n record(s) duplicated.", "", len(ids)), 5000)
        if len(ids) == 1:
            self.open_editor(page.type_name, ids[0])

    def load_demo(self) -> None:
        try:
            demo = importlib.import_module("jipp_desktop.core.demo")
        except ModuleNotFoundError:
            QMessageBox.information(
                self, self.windowTitle(), self.tr("Example data is not available in this version.")
            )
            return
        records = self.workspace.records
        self.runner.run(
            lambda progress: demo.generate(records, size="small", progress=progress),
            title=self.tr("Example data"),
            label=self.tr("Creating example records…"),
            on_done=lambda _counts: self.refresh_all(),
        )

    def about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About JIPP Desktop"),
            self.tr("JIPP Desktop %1\nOffline records for public-service innovation hubs.").replace(
                "%1", __version__
            ),
        )

    # -- status bar -------------------------------------------------------------------

    def after_first_paint(self, fn: Callable[[], None]) -> None:
        """Run ``fn`` once the window has been drawn (at once if it has)."""
        if self._painted:
            fn()
        else:
            self._after_paint.append(fn)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self._run_after_paint)

    def _run_after_paint(self) -> None:
        waiting, self._after_paint = self._after_paint, []
        for fn in waiting:
            fn()

    def update_status(self) -> None:
        """Counts and the last exchange, read on the reader thread (after the first frame;
        requests made before it are answered by one read)."""
        if self._status_queued:
            return
        self._status_queued = True
        self.after_first_paint(self._read_status)

    def _read_status(self) -> None:
        self._status_queued = False
        workspace = self.workspace
        shared_reader().read(
            lambda: (workspace.records.stats(), _last_exchange(workspace)), self._show_status
        )

    def _show_status(self, result: tuple[dict[str, int], str | None]) -> None:
        if not shiboken6.isValid(self):
            return
        stats, stamp = result
        lang = current_language()
        parts = [
            f"{page_title(spec)}: {format_number(stats.get(spec.record_type, 0), 0, lang)}"
            for spec in PAGES
            if spec.record_type in ("innovation", "replication", "commitment", "visit", "hub")
        ]
        self.counts_label.setText("   ".join(parts))
        shown = self.display.value(None, stamp) if stamp else never()
        self.exchange_label.setText(self.tr("Last exchange: %1").replace("%1", shown))

    # -- settings ---------------------------------------------------------------------

    def _settings_saved(self, language_changed: bool) -> None:
        self.update_status()
        if language_changed:
            self.languageChanged.emit(self.workspace.settings.get("language"))

    def _restore_layout(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(default_window_size(self.screen().availableGeometry().size()))
        state = self.settings.value("window/state")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
        splitter = self.settings.value("window/splitter")
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self.splitter.restoreState(splitter)
        last = self.settings.value("window/last_page")
        self.show_page(last if last in PAGE_KEYS else PAGE_KEYS[0])

    def save_layout(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.setValue("window/last_page", self.current_key())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        for editor in list(self.editors):
            if not editor.close():
                event.ignore()
                return
        self.save_layout()
        if self.watcher is not None:
            self.watcher.stop()
        self.runner.shutdown()
        event.accept()


class UndoNotice(QWidget):
    """ "n data dipindahkan ke Sampah — Urungkan" in the status bar, for a while."""

    SHOWN_MS = 20_000

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("undo_notice")
        self.label = QLabel(self)
        self.undo_button = QToolButton(self)
        self.undo_button.setObjectName("undo_button")
        self.undo_button.setText(self.tr("Undo"))
        self.undo_button.setToolTip(self.tr("Bring the records back (Ctrl+Z)"))
        self.undo_button.setAutoRaise(True)
        self.undo_button.setStyleSheet("QToolButton { font-weight: bold; }")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 8, 0)
        row.addWidget(self.label)
        row.addWidget(self.undo_button)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self.hide()

    def show_delete(self, count: int) -> None:
        self.label.setText(self.tr("%n record(s) moved to the trash —", "", count))
        self.show()
        self._timer.start(self.SHOWN_MS)


def _last_exchange(workspace: Workspace) -> str | None:
    """When this laptop last exchanged a package (the sync engineer's status function)."""
    try:
        from jipp_desktop.sync.status import last_exchange
    except ImportError:
        return None
    try:
        return last_exchange(workspace)
    except peewee.DatabaseError:
        return None
