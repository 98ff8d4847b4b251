"""An editable table of a record's child rows (signatories, obstacles, follow-ups, ...).

Each cell keeps the stored value (code, ISO date) in ``VALUE_ROLE`` and shows the
readable form; the row's id (for rows that already exist) sits on its first cell,
so saving sends the core a list it can match row by row.  Errors from the core
arrive as paths like ``obstacles[1].description`` and mark the cell.
"""

from __future__ import annotations

from typing import Any

import peewee
from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jipp_desktop.core import idformat
from jipp_desktop.core.fields import DateText, EnumText, Flag, LongText, Number
from jipp_desktop.core.linked import child_row_defaults
from jipp_desktop.core.registry import ChildSpec, user_fields
from jipp_desktop.gui.display import Display
from jipp_desktop.gui.editors.columns import fit_columns
from jipp_desktop.gui.i18n import current_language, pick
from jipp_desktop.gui.icons import icon
from jipp_desktop.gui.widgets import CodeCombo, DateField, VocabCombo

VALUE_ROLE = Qt.ItemDataRole.UserRole + 10
ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 11
ERROR_BRUSH = QBrush(QColor(255, 222, 222))

Index = QModelIndex | QPersistentModelIndex


def child_fields(spec: ChildSpec) -> list[Any]:
    # Any: the core's described fields carry label/required/max_length beyond peewee's.
    return [f for f in user_fields(spec.model) if f.name not in (spec.parent_field, "sort_order")]


class _Delegate(QStyledItemDelegate):
    """Edits a cell with the input its field needs: combo, date field or text."""

    def __init__(self, owner: ChildTable) -> None:
        super().__init__(owner)
        self._owner = owner

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        field = self._owner.fields[index.column()]
        if isinstance(field, EnumText):
            return VocabCombo(field.vocab, None if field.required else "", parent)
        if isinstance(field, DateText):
            return DateField(parent)
        if isinstance(field, Number) and field.name.endswith("_month"):
            months = CodeCombo(parent)
            lang = current_language()
            months.fill([(str(m), idformat.month_name(m, lang)) for m in range(1, 13)], "")
            return months
        edit = QLineEdit(parent)
        if getattr(field, "max_length", None) and not isinstance(field, LongText):
            edit.setMaxLength(int(field.max_length))
        return edit

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(VALUE_ROLE)
        if isinstance(editor, CodeCombo):
            editor.set_code(None if value is None else str(value), emit=False)
        elif isinstance(editor, DateField):
            editor.set_value(value)
        elif isinstance(editor, QLineEdit):
            editor.setText("" if value is None else str(value))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, CodeCombo):
            value: Any = editor.code()
        elif isinstance(editor, DateField):
            value = editor.value()
        elif isinstance(editor, QLineEdit):
            value = editor.text()
        else:
            return
        self._owner.set_cell(index.row(), self._owner.fields[index.column()].name, value)


class ChildTable(QWidget):
    changed = Signal()

    def __init__(self, spec: ChildSpec, display: Display, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self._display = display
        self.fields = child_fields(spec)
        self.setObjectName(f"child_{spec.key}")
        self.table = QTableWidget(0, len(self.fields), self)
        self.table.setObjectName(f"table_{spec.key}")
        self.table.setAccessibleName(pick(spec.label))
        self.table.setHorizontalHeaderLabels(
            [pick(f.label) + (" *" if f.required else "") for f in self.fields]
        )
        self.table.setItemDelegate(_Delegate(self))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AllEditTriggers
            & ~QAbstractItemView.EditTrigger.CurrentChanged
        )
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        # Widths follow the table's size (columns.py); an officer may still drag them.
        self.table.viewport().installEventFilter(self)
        self.table.itemChanged.connect(lambda _item: self.changed.emit())
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.errors = QLabel(self)
        self.errors.setObjectName("errors")
        self.errors.setStyleSheet("color: #b00020;")
        self.errors.setWordWrap(True)
        self.errors.hide()

        self.add_button = QPushButton(icon("new"), self.tr("Add row"), self)
        self.add_button.setObjectName("add_row")
        self.add_button.clicked.connect(self._add_clicked)
        self.add_button.setToolTip(self.tr("Add a row (Insert)"))
        # Rows are added from the keyboard too: Insert anywhere in this tab.
        insert = QShortcut(QKeySequence(Qt.Key.Key_Insert), self)
        insert.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        insert.activated.connect(self._add_clicked)
        self.remove_button = QPushButton(icon("delete"), self.tr("Remove row"), self)
        self.remove_button.setObjectName("remove_row")
        self.remove_button.clicked.connect(self.remove_selected)
        up = QPushButton(self.tr("Move up"), self)
        up.clicked.connect(lambda: self._move(-1))
        down = QPushButton(self.tr("Move down"), self)
        down.clicked.connect(lambda: self._move(1))
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, up, down):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.errors)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            fit_columns(self.table, self.fields)
        return super().eventFilter(watched, event)

    # -- rows -------------------------------------------------------------------------

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        self.table.blockSignals(False)
        for row in rows:
            self.add_row(row)

    def add_row(self, values: dict[str, Any] | None = None) -> int:
        values = values or {}
        row = self.table.rowCount()
        self.table.blockSignals(True)
        self.table.insertRow(row)
        for col, field in enumerate(self.fields):
            item = QTableWidgetItem()
            self.table.setItem(row, col, item)
            value = values.get(field.name)
            if value is None and not isinstance(field, Flag):
                default = field.default() if callable(field.default) else field.default
                value = default
            self._store(item, field, value)
        first = self.table.item(row, 0)
        if first is not None:
            first.setData(ROW_ID_ROLE, values.get("id"))
        self.table.blockSignals(False)
        self.changed.emit()
        return row

    def set_cell(self, row: int, name: str, value: Any) -> None:
        col = next(i for i, f in enumerate(self.fields) if f.name == name)
        item = self.table.item(row, col)
        assert item is not None
        self._store(item, self.fields[col], value)
        # What the row now says may fill its empty cells (a signatory's party).
        values = {f.name: self.cell(row, f.name) for f in self.fields}
        for other, default in child_row_defaults(self.spec.key, values).items():
            self.set_cell(row, other, default)

    def cell(self, row: int, name: str) -> Any:
        col = next(i for i, f in enumerate(self.fields) if f.name == name)
        item = self.table.item(row, col)
        return None if item is None else item.data(VALUE_ROLE)

    def rows(self) -> list[dict[str, Any]]:
        """The rows as the core expects them; ``sort_order`` follows the screen order."""
        out = []
        for row in range(self.table.rowCount()):
            values: dict[str, Any] = {}
            first = self.table.item(row, 0)
            row_id = first.data(ROW_ID_ROLE) if first is not None else None
            if row_id:
                values["id"] = row_id
            for col, field in enumerate(self.fields):
                item = self.table.item(row, col)
                values[field.name] = item.data(VALUE_ROLE) if item is not None else None
            values["sort_order"] = row + 1
            out.append(values)
        return out

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()}, reverse=True)
        if not rows and self.table.currentRow() >= 0:
            rows = [self.table.currentRow()]
        for row in rows:
            self.table.removeRow(row)
        if rows:
            self.changed.emit()

    # -- errors -----------------------------------------------------------------------

    def clear_errors(self) -> None:
        for row in range(self.table.rowCount()):
            for col in range(self.table.columnCount()):
                item = self.table.item(row, col)
                if item is not None:
                    item.setBackground(QBrush())
                    item.setToolTip(self._tooltip(self.fields[col], item.data(VALUE_ROLE)))
        self.errors.hide()

    def show_errors(self, errors: list[tuple[int, str, str]]) -> None:
        """Mark cells: ``errors`` holds (row, field name, message)."""
        lines = []
        for row, name, message in errors:
            col = next((i for i, f in enumerate(self.fields) if f.name == name), -1)
            item = self.table.item(row, col) if col >= 0 else None
            if item is not None:
                item.setBackground(ERROR_BRUSH)
                item.setToolTip(message)
            lines.append(self.tr("Row %1: %2").replace("%1", str(row + 1)).replace("%2", message))
        self.errors.setText("\n".join(lines))
        self.errors.setVisible(bool(lines))
        if errors:
            row, name, _ = errors[0]
            col = next((i for i, f in enumerate(self.fields) if f.name == name), 0)
            self.table.setCurrentCell(row, col)

    # -- internals --------------------------------------------------------------------

    def _store(self, item: QTableWidgetItem, field: peewee.Field, value: Any) -> None:
        if isinstance(value, str) and not value.strip() and not isinstance(field, LongText):
            value = None
        item.setData(VALUE_ROLE, value)
        if isinstance(field, Flag):
            item.setData(Qt.ItemDataRole.DisplayRole, self._display.value(field, bool(value)))
        else:
            item.setData(Qt.ItemDataRole.DisplayRole, self._display.value(field, value, full=True))
        if isinstance(field, Number):
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        item.setToolTip(self._tooltip(field, value))

    def _tooltip(self, field: peewee.Field, value: Any) -> str:
        return self._display.value(field, value, full=True) if isinstance(field, LongText) else ""

    def _add_clicked(self) -> None:
        row = self.add_row()
        # Start typing where the row needs words: the first required field (a description,
        # an action, a name), not a category combo that already has a default.
        col = next(
            (
                i
                for i, f in enumerate(self.fields)
                if f.required and not isinstance(f, EnumText | DateText)
            ),
            0,
        )
        self.table.setCurrentCell(row, col)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        item = self.table.item(row, col)
        if item is not None:
            self.table.editItem(item)

    def _move(self, step: int) -> None:
        row = self.table.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        rows = self.rows()
        rows[row], rows[target] = rows[target], rows[row]
        self.set_rows(rows)
        self.table.setCurrentCell(target, 0)
        self.changed.emit()
