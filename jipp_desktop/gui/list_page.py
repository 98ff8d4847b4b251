"""A list of one record type: search as you type, filters, sortable columns the officer
chooses (remembered), and a trash view with restore.  Editing happens in editors the
main window opens when this page asks (``editRequested``)."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QPoint, QSettings, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from jipp_desktop.core import idformat
from jipp_desktop.core.errors import JippError
from jipp_desktop.core.query import ListQuery
from jipp_desktop.core.registry import record_type
from jipp_desktop.core.workspace import Workspace
from jipp_desktop.gui.display import Display
from jipp_desktop.gui.errors import show_error
from jipp_desktop.gui.filters import FilterBar
from jipp_desktop.gui.i18n import current_language, pick
from jipp_desktop.gui.icons import icon
from jipp_desktop.gui.record_model import RecordTableModel
from jipp_desktop.gui.throttle import Throttle

SEARCH_THROTTLE_MS = 150
# Column widths when fitted to their content (px): no column wider than this, and the
# long-text column never narrower than the other.
MAX_COLUMN_WIDTH = 320
MIN_TEXT_WIDTH = 200
MIN_SHRUNK_WIDTH = 90

DEFAULT_COLUMNS: dict[str, tuple[str, ...]] = {
    "innovation": (
        "title",
        "province_code",
        "regency_code",
        "category",
        "stage",
        "year_started",
        "updated_at",
    ),
    "replication": (
        "innovation_id",
        "province_code",
        "regency_code",
        "status",
        "started_on",
        "updated_at",
    ),
    "commitment": (
        "kind",
        "number",
        "signed_on",
        "place_regency_code",
        "event_name",
        "province_code",
    ),
    "visit": ("start_date", "hub_id", "regency_code", "place", "agenda"),
    "workplan": ("title", "year", "hub_id", "updated_at"),
    "hub": ("name", "province_code", "status", "year_designated", "portal_name"),
    "agency": ("name", "short_name", "level", "province_code", "regency_code"),
}


class RecordListPage(QWidget):
    # (record type, record id or None for a new record, initial values for a new one)
    editRequested = Signal(str, object, object)
    message = Signal(str)
    # The set of live records changed here (delete/restore): dashboards and counts follow.
    dataChanged = Signal(str)
    # Records moved to the trash here: (record type, ids), for the window's undo.
    deleted = Signal(str, object)

    def __init__(
        self,
        workspace: Workspace,
        display: Display,
        type_name: str,
        settings: QSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.type_name = type_name
        self._settings = settings
        self.setObjectName(f"list_{type_name}")
        self.model = RecordTableModel(workspace.records, display, type_name, self)

        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Search (Ctrl+F)…"))
        self.search.setAccessibleName(self.tr("Search"))
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self._throttle = Throttle(self._apply_query, SEARCH_THROTTLE_MS, self)
        self.search.textChanged.connect(lambda _t: self._throttle())
        self.search.returnPressed.connect(self._throttle.flush)

        self.new_button = self._button("new", self.tr("New"), self.new_record)
        self.edit_button = self._button("edit", self.tr("Open"), self.edit_selected)
        self.delete_button = self._button("delete", self.tr("Delete"), self.delete_selected)
        self.restore_button = self._button("restore", self.tr("Restore"), self.restore_selected)
        self.trash_button = QToolButton(self)
        self.trash_button.setObjectName("trash")
        self.trash_button.setIcon(icon("trash"))
        self.trash_button.setText(self.tr("Trash"))
        self.trash_button.setToolTip(self.tr("Show deleted records"))
        self.trash_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.trash_button.setCheckable(True)
        self.trash_button.toggled.connect(self._trash_toggled)

        self.filters = FilterBar(workspace.regions, display, type_name, self)
        self.filters.changed.connect(self._apply_query)

        self.table = QTableView(self)
        self.table.setObjectName("table")
        self.table.setAccessibleName(pick(record_type(type_name).label))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        # Fixed row height: the view never asks for every row's size, so 100k rows scroll.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSortIndicatorShown(True)
        # No indicator until the officer clicks a column: enabling sorting sorts by the
        # indicator at once, and Qt's default (column 0, descending) is not our default.
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        header.setDefaultSectionSize(140)
        # Widths come from the content (fit_columns) or the officer (remembered); a
        # stretched last column would hide how wide the columns really are.
        header.setStretchLastSection(False)
        self._fitting = False
        self._fitted = False
        header.sectionResized.connect(self._column_resized)
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)
        self.model.refreshed.connect(self._show_count)
        self.model.refreshed.connect(lambda _n: self._fit_once())
        # Where the officer was before a refresh for a change made elsewhere
        # (selected keys, current key, top row's key), put back once the rows are in.
        self._place: tuple[list[int], int | None, int | None] | None = None
        self._stale = False
        self.model.refreshed.connect(lambda _n: self._restore_place())
        QShortcut(
            QKeySequence(Qt.Key.Key_Delete),
            self.table,
            self.delete_selected,
            context=Qt.ShortcutContext.WidgetShortcut,
        )
        QShortcut(
            QKeySequence(Qt.Key.Key_Return),
            self.table,
            self.edit_selected,
            context=Qt.ShortcutContext.WidgetShortcut,
        )

        self.count_label = QLabel(self)
        self.count_label.setObjectName("count")
        columns_button = self._button("columns", self.tr("Columns"), self._columns_from_button)
        self._columns_button = columns_button
        # The reports engineer's export writes exactly the rows this list shows.  It pulls
        # in openpyxl (~90 ms), so it is loaded on the first click, not at start-up.
        self._export_action: Any = None
        export_button = QPushButton(self.tr("Export…"), self)
        export_button.setObjectName("export_button")
        export_button.setToolTip(self.tr("Save the rows of this list as an Excel or CSV file"))
        export_button.clicked.connect(lambda _c=False: self.export_action().trigger())

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        top.addWidget(self.edit_button)
        top.addWidget(self.delete_button)
        top.addWidget(self.restore_button)
        top.addWidget(self.trash_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(export_button)
        if self.type_name == "commitment":
            bottom.addWidget(self._signatories_button())
        bottom.addWidget(columns_button)
        layout = QVBoxLayout(self)
        title = QLabel(f"<h2>{pick(record_type(type_name).label)}</h2>", self)
        title.setObjectName("page_title")
        layout.addWidget(title)
        layout.addLayout(top)
        layout.addWidget(self.filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.setTabOrder(self.search, self.table)

        self._restore_columns()
        self._apply_query()

    # -- actions ----------------------------------------------------------------------

    def new_record(self, initial: dict[str, Any] | None = None) -> None:
        self.editRequested.emit(self.type_name, None, initial or self._defaults_from_filters())

    def edit_selected(self) -> None:
        for record_id in self.selected_ids()[:1]:
            self.editRequested.emit(self.type_name, record_id, None)

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids or self.trash_button.isChecked():
            return
        # One record goes at once (Ctrl+Z brings it back); several are worth a question.
        if len(ids) > 1 and not self.confirm_delete(len(ids)):
            return
        try:
            self.workspace.records.delete_many(self.type_name, ids)
        except JippError as exc:
            show_error(self, exc)
            return
        finally:
            self.refresh()
        self.dataChanged.emit(self.type_name)
        self.deleted.emit(self.type_name, ids)

    def confirm_delete(self, count: int) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Delete"),
            self.tr("Move %n record(s) to the trash?", "", count),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        return answer == QMessageBox.StandardButton.Yes

    def restore_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        self.restore(ids)

    def restore(self, ids: list[str]) -> bool:
        """Bring ``ids`` back from the trash (the Restore button, or an undone delete)."""
        try:
            self.workspace.records.restore_many(self.type_name, ids)
        except JippError as exc:
            show_error(self, exc)
            return False
        finally:
            self.refresh()
        self.dataChanged.emit(self.type_name)
        self.message.emit(self.tr("%n record(s) restored.", "", len(ids)))
        return True

    def export_action(self) -> Any:
        if self._export_action is None:
            from jipp_desktop.gui.export_action import ExportAction

            self._export_action = ExportAction(
                self.workspace, self.type_name, lambda: self.model.query, self
            )
        return self._export_action

    def _signatories_button(self) -> QPushButton:
        """Commitment lists also export their signatories (NIP as text), one row each."""
        button = QPushButton(self.tr("Export signatories…"), self)
        button.setObjectName("export_signatories_button")
        button.setToolTip(
            self.tr("Save every signatory of the commitments, NIP as text, to Excel or CSV")
        )
        self._signatories_action: Any = None

        def trigger(_checked: bool = False) -> None:
            if self._signatories_action is None:
                from jipp_desktop.gui.export_action import ExportAction
                from jipp_desktop.reports.tabular import SIGNATORIES

                self._signatories_action = ExportAction(
                    self.workspace, SIGNATORIES, lambda: self.model.query, self
                )
            self._signatories_action.trigger()

        button.clicked.connect(trigger)
        return button

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def refresh(self) -> None:
        self.model.refresh()
        self.filters.reload_choices()

    def refresh_keeping(self) -> None:
        """Re-run the list after a change made elsewhere, keeping the officer's place: the
        selected records stay selected and the top row stays on top, wherever the
        change moved them."""
        self._stale = False
        selected = [self.model.seq_at(r) for r in self._selected_rows()]
        current = self.model.seq_at(self.table.currentIndex().row())
        top = self.model.seq_at(self.table.rowAt(0))
        self._place = ([s for s in selected if s is not None], current, top)
        self.refresh()

    def mark_stale(self) -> None:
        """Changed elsewhere while hidden: refreshed when shown again."""
        self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh_keeping()

    def _restore_place(self) -> None:
        if self._place is None or self.model.loading:
            return
        selected, current, top = self._place
        self._place = None
        rows = [r for r in (self.model.row_of_seq(s) for s in selected) if r >= 0]
        selection = self.table.selectionModel()
        flags = QItemSelectionModel.SelectionFlag
        if current is not None and (row := self.model.row_of_seq(current)) >= 0:
            selection.setCurrentIndex(self.model.index(row, 0), flags.NoUpdate)
        if rows != sorted({i.row() for i in selection.selectedRows()}):
            selection.clearSelection()
            for row in rows:
                selection.select(self.model.index(row, 0), flags.Select | flags.Rows)
        if top is not None and (row := self.model.row_of_seq(top)) >= 0:
            top_hint = QAbstractItemView.ScrollHint.PositionAtTop
            self.table.scrollTo(self.model.index(row, 0), top_hint)

    def show_filtered(self, filters: dict[str, Any], year: int | None = None) -> None:
        """Open this list narrowed to ``filters`` (from a link or the dashboard)."""
        self.trash_button.setChecked(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.filters.set_filters(filters, year)

    def _selected_rows(self) -> list[int]:
        return sorted({i.row() for i in self.table.selectionModel().selectedRows()})

    def selected_ids(self) -> list[str]:
        ids = [self.model.record_id(r) for r in self._selected_rows()]
        return [i for i in ids if i]

    # -- internals --------------------------------------------------------------------

    def _button(self, icon_name: str, text: str, slot: Any) -> QPushButton:
        button = QPushButton(icon(icon_name), text, self)
        button.setObjectName(f"{icon_name}_button")
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def _apply_query(self) -> None:
        old = self.model.query
        query = ListQuery(
            search=self.search.text().strip() or None,
            filters=self.filters.filters(),
            year=self.filters.year(),
            deleted=self.trash_button.isChecked(),
        )
        # Keep a column sort the officer chose; searching without one sorts by relevance.
        query.sort, query.descending = old.sort, old.descending
        self.model.set_query(query)

    def _trash_toggled(self, on: bool) -> None:
        self.new_button.setEnabled(not on)
        self._apply_query()

    def _update_buttons(self) -> None:
        selected = bool(self.selected_ids())
        trash = self.trash_button.isChecked()
        self.edit_button.setEnabled(selected)
        self.delete_button.setEnabled(selected and not trash)
        self.delete_button.setVisible(not trash)
        self.restore_button.setVisible(trash)
        self.restore_button.setEnabled(selected and trash)

    def _show_count(self, count: int) -> None:
        number = idformat.format_number(count, 0, current_language())
        if self.model.partial:
            # The first matches while typing; the count follows when the keys pause.
            self.count_label.setText(self.tr("more than %1 record(s)…").replace("%1", number))
        elif self.trash_button.isChecked():
            self.count_label.setText(self.tr("%1 record(s) in the trash").replace("%1", number))
        else:
            self.count_label.setText(self.tr("%1 record(s)").replace("%1", number))

    def _defaults_from_filters(self) -> dict[str, Any]:
        """A new record starts with the province/regency/link the list is narrowed to."""
        return {
            k: v
            for k, v in self.filters.filters().items()
            if k in ("province_code", "regency_code", "innovation_id", "hub_id")
        }

    def _settings_key(self) -> str:
        return f"lists/{self.type_name}/columns"

    def _widths_key(self) -> str:
        return f"lists/{self.type_name}/widths"

    def _fit_once(self) -> None:
        """Size the columns to the first rows shown, unless the officer already has."""
        if self._fitted or self.model.rowCount() == 0:
            return
        self._fitted = True
        if not self._restore_widths():
            self.fit_columns()

    def fit_columns(self) -> None:
        """Each column as wide as its header and the rows on screen need (within limits);
        the long-text column takes what is left, so the last column is never cut off."""
        header = self.table.horizontalHeader()
        shown = [i for i in range(len(self.model.columns)) if not self.table.isColumnHidden(i)]
        if not shown:
            return
        self._fitting = True
        try:
            for i in shown:
                self.table.resizeColumnToContents(i)
                header.resizeSection(i, min(max(header.sectionSize(i), 60), MAX_COLUMN_WIDTH))
            widest = self._flexible_column(shown)
            spare = self._room() - sum(header.sectionSize(i) for i in shown)
            header.resizeSection(widest, max(MIN_TEXT_WIDTH, header.sectionSize(widest) + spare))
            self._shrink_to_fit([i for i in shown if i != widest])
        finally:
            self._fitting = False

    def _shrink_to_fit(self, others: list[int]) -> None:
        """Still too wide: narrow the widest other columns (their cells end in "…" and
        show the whole text on hover) until the last column is inside the view."""
        header = self.table.horizontalHeader()
        shown = [i for i in range(header.count()) if not self.table.isColumnHidden(i)]
        overflow = sum(header.sectionSize(i) for i in shown) - self._room()
        for i in sorted(others, key=header.sectionSize, reverse=True):
            if overflow <= 0:
                break
            label = self.model.columns[i].label()
            floor = max(MIN_SHRUNK_WIDTH, header.fontMetrics().horizontalAdvance(label) + 24)
            cut = min(overflow, header.sectionSize(i) - floor)
            if cut > 0:
                header.resizeSection(i, header.sectionSize(i) - cut)
                overflow -= cut

    def _room(self) -> int:
        """The view's width for columns, less the vertical scroll bar even before it
        appears (a list that grows past one screen would otherwise cut its last column)."""
        bar = self.table.verticalScrollBar()
        return self.table.viewport().width() - (0 if bar.isVisible() else bar.sizeHint().width())

    def _flexible_column(self, shown: list[int]) -> int:
        """The column that grows or shrinks to fill the list: the title, else the widest."""
        long_text = {record_type(self.type_name).title_field, "title", "name", "agenda"}
        for i in shown:
            if self.model.columns[i].name in long_text:
                return i
        header = self.table.horizontalHeader()
        return max(shown, key=header.sectionSize)

    def _column_resized(self, index: int, _old: int, new: int) -> None:
        if self._fitting or not self._fitted or new == 0:
            return  # our own sizing, or a column being hidden
        widths = self._saved_widths()
        widths[self.model.columns[index].name] = new
        self._settings.setValue(self._widths_key(), json.dumps(widths, sort_keys=True))

    def _saved_widths(self) -> dict[str, int]:
        raw = self._settings.value(self._widths_key())
        try:
            widths = json.loads(raw) if isinstance(raw, str) else {}
        except ValueError:
            return {}
        return {k: int(v) for k, v in widths.items() if isinstance(v, int) and v > 0}

    def _restore_widths(self) -> bool:
        widths = self._saved_widths()
        if not widths:
            return False
        self._fitting = True
        try:
            for i, column in enumerate(self.model.columns):
                if column.name in widths:
                    self.table.horizontalHeader().resizeSection(i, widths[column.name])
        finally:
            self._fitting = False
        return True

    def _restore_columns(self) -> None:
        saved = self._settings.value(self._settings_key())
        visible = (
            set(saved)
            if isinstance(saved, list) and saved
            else set(DEFAULT_COLUMNS.get(self.type_name, ()))
        )
        for i, column in enumerate(self.model.columns):
            self.table.setColumnHidden(i, column.name not in visible)

    def _save_columns(self) -> None:
        visible = [
            c.name for i, c in enumerate(self.model.columns) if not self.table.isColumnHidden(i)
        ]
        self._settings.setValue(self._settings_key(), visible)

    def _column_menu(self, pos: QPoint) -> None:
        self._columns_menu().popup(self.table.horizontalHeader().mapToGlobal(pos))

    def _columns_from_button(self) -> None:
        button = self._columns_button
        self._columns_menu().popup(button.mapToGlobal(QPoint(0, button.height())))

    def _columns_menu(self) -> QMenu:
        menu = QMenu(self)
        for i, column in enumerate(self.model.columns):
            action = menu.addAction(column.label())
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(i))
            action.toggled.connect(lambda on, i=i: self.set_column_visible(i, on))
        return menu

    def set_column_visible(self, index: int, visible: bool) -> None:
        shown = sum(1 for i in range(len(self.model.columns)) if not self.table.isColumnHidden(i))
        if not visible and shown <= 1:
            return
        self.table.setColumnHidden(index, not visible)
        self._save_columns()
