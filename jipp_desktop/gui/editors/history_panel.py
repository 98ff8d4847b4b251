"""A record's change history (records.history), newest first, in words."""

from __future__ import annotations

import json
import re
from typing import Any

import peewee
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jipp_desktop.core.registry import record_type, user_fields
from jipp_desktop.core.workspace import Workspace
from jipp_desktop.gui.display import Display
from jipp_desktop.gui.i18n import pick

_CHILD_PATH = re.compile(r"^(\w+)\[([^\]]+)\](?:\.(\w+))?$")


def action_label(action: str) -> str:
    labels = {
        "create": QCoreApplication.translate("history", "Created"),
        "update": QCoreApplication.translate("history", "Changed"),
        "delete": QCoreApplication.translate("history", "Deleted"),
        "restore": QCoreApplication.translate("history", "Restored"),
        "attach": QCoreApplication.translate("history", "File attached"),
        "detach": QCoreApplication.translate("history", "File removed"),
        "restamp": QCoreApplication.translate("history", "Time stamp corrected"),
    }
    return labels.get(action, action)


class HistoryPanel(QWidget):
    def __init__(
        self, workspace: Workspace, display: Display, type_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.display = display
        self.type_name = type_name
        rt = record_type(type_name)
        self._fields = {f.name: f for f in user_fields(rt.model)}
        self._children = {
            spec.key: (spec, {f.name: f for f in user_fields(spec.model)}) for spec in rt.children
        }
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("history")
        self.table.setAccessibleName(self.tr("Change history"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("When"),
                self.tr("Who"),
                self.tr("Workstation"),
                self.tr("What"),
                self.tr("Field"),
                self.tr("Change"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)

    def load(self, record_id: str | None) -> None:
        rows = self.workspace.records.history(self.type_name, record_id) if record_id else []
        self.table.setRowCount(0)
        for entry in reversed(rows):
            field_label, field = self._field(entry.get("field"))
            change = self._change(entry, field)
            row = self.table.rowCount()
            self.table.insertRow(row)
            for col, text in enumerate(
                (
                    self.display.value(None, entry["at"]),
                    entry["actor"],
                    # Entries older than schema version 12 do not know their workstation.
                    entry["workstation"] or "—",
                    action_label(entry["action"]),
                    field_label,
                    change,
                )
            ):
                self.table.setItem(row, col, QTableWidgetItem(text))

    def rows_text(self) -> list[list[str]]:
        """What the table shows (for tests and copy/paste)."""

        def text(row: int, col: int) -> str:
            item = self.table.item(row, col)
            return item.text() if item is not None else ""

        return [
            [text(r, c) for c in range(self.table.columnCount())]
            for r in range(self.table.rowCount())
        ]

    def _field(self, path: str | None) -> tuple[str, peewee.Field | None]:
        if not path:
            return "", None
        if path in self._fields:
            field = self._fields[path]
            return pick(field.label), field
        match = _CHILD_PATH.match(path)
        if match:
            key, _row_id, name = match.groups()
            if key == "attachments":
                return QCoreApplication.translate("history", "Attachments"), None
            if key in self._children:
                spec, fields = self._children[key]
                if name and name in fields:
                    return f"{pick(spec.label)} › {pick(fields[name].label)}", fields[name]
                return pick(spec.label), None
        return path, None

    def _change(self, entry: dict[str, Any], field: peewee.Field | None) -> str:
        old, new = entry.get("old"), entry.get("new")
        if entry["action"] == "create":
            if not entry.get("field"):
                return ""
            return self._summary(new)
        if entry["action"] in ("attach", "detach"):
            return str(new or old or "")
        if entry["action"] == "restamp":  # the wrong clock's time, then the corrected one
            return f"{old} → {new}"
        if entry["action"] != "update":
            return ""
        return f"{self._show(field, old) or '—'} → {self._show(field, new) or '—'}"

    def _show(self, field: peewee.Field | None, value: str | None) -> str:
        if value is None:
            return ""
        return self.display.value(field, value, full=True) if field is not None else value

    @staticmethod
    def _summary(raw: str | None) -> str:
        """The first text of a created child row, e.g. an obstacle's description."""
        try:
            values = json.loads(raw or "{}")
        except ValueError:
            return raw or ""
        for value in values.values():
            if isinstance(value, str) and len(value) > 3 and not value[:4].isdigit():
                return value
        return ""
