"""A table model over one record type that stays smooth at 100,000 rows.

Only the ``seq`` keys of the current query live in the model (``records.seqs``);
row data is fetched on demand a page at a time (``records.rows_by_seq``) and kept
in a small LRU cache.  Sorting re-runs the query in SQL rather than sorting in
Python, as Anki's browser does.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, replace
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from jipp_desktop.core.fields import Number, RefId
from jipp_desktop.core.query import ListQuery
from jipp_desktop.core.registry import record_type, user_fields
from jipp_desktop.core.services import RecordService
from jipp_desktop.gui.display import Display
from jipp_desktop.gui.i18n import pick
from jipp_desktop.gui.reader import shared_reader

PAGE_SIZE = 100
# While the officer types, a search shows its newest PREVIEW_ROWS matches at once (the
# full-text index's own order, so the query stops early); ranking every match by
# relevance and counting them waits until the keys pause for SETTLE_MS.
PREVIEW_ROWS = 200
SETTLE_MS = 400
CACHE_PAGES = 20
ID_ROLE = Qt.ItemDataRole.UserRole + 1
TOOLTIP_AFTER = 30  # characters

Index = QModelIndex | QPersistentModelIndex
# The roles data() answers.
_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        ID_ROLE,
        Qt.ItemDataRole.TextAlignmentRole,
    }
)


@dataclass(frozen=True)
class Column:
    name: str
    field: Any  # a core field (with its label), None for the last-changed stamp

    def label(self) -> str:
        if self.field is None:
            return QCoreApplication.translate("columns", "Last changed")
        return pick(self.field.label)


def columns_of(type_name: str) -> list[Column]:
    """Every user field of the type, then when it last changed."""
    model = record_type(type_name).model
    return [Column(f.name, f) for f in user_fields(model)] + [Column("updated_at", None)]


class RecordTableModel(QAbstractTableModel):
    # Emitted after every re-query with the new row count.
    refreshed = Signal(int)

    def __init__(
        self,
        records: RecordService,
        display: Display,
        type_name: str,
        parent: Any = None,
        *,
        background: bool = True,
    ) -> None:
        """With ``background`` the key query runs on the reader thread (never blocking
        the window); without it, ``refresh`` answers at once (small dialogs, tests)."""
        super().__init__(parent)
        self._records = records
        self._display = display
        self.type_name = type_name
        self.columns = columns_of(type_name)
        self._background = background
        self._generation = 0
        self._shown = 0
        self._query = ListQuery()
        self._seqs: list[int] = []
        # True while the rows are a search's first matches, before ranking and counting.
        self.partial = False
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._read_all)
        self._pages: OrderedDict[int, list[dict[str, Any] | None]] = OrderedDict()
        # Set by refresh(): when the keys come back unchanged, the rows are read again
        # (their values may have changed) without a reset, so selection and scroll stay.
        self._reread = False

    # -- query ------------------------------------------------------------------------

    @property
    def query(self) -> ListQuery:
        return replace(self._query, filters=dict(self._query.filters))

    def set_query(self, query: ListQuery) -> None:
        self._query = replace(query, filters=dict(query.filters))
        self.refresh()

    def refresh(self) -> None:
        """Re-run the query (after a search, a filter, a sort or a saved change)."""
        if not self._background:
            self._show(self._records.seqs(self.type_name, self._query))
            return
        self._reread = True
        # Only the newest query may change the list; answers to older ones are dropped.
        self._generation += 1
        self._settle.stop()
        query = self.query
        if query.search and query.sort is None:
            preview = replace(query, ranked=False, limit=PREVIEW_ROWS)
            self._read(preview, partial=True)
            self._settle.start()
        else:
            self._read(query, partial=False)

    def _read_all(self) -> None:
        """The keys paused: every match, by relevance (the same generation)."""
        self._read(self.query, partial=False)

    def _read(self, query: ListQuery, partial: bool) -> None:
        generation = self._generation
        records, type_name = self._records, self.type_name
        shared_reader().read(
            lambda: records.seqs(type_name, query),
            lambda seqs: self._answer(generation, seqs, partial),
            topic=id(self),
        )

    @property
    def loading(self) -> bool:
        return self._background and self._generation != self._shown

    def _answer(self, generation: int, seqs: list[int], partial: bool = False) -> None:
        if generation == self._generation and shiboken6.isValid(self):
            self._shown = generation
            # Fewer first matches than asked for are all of them: only the order changes.
            partial = partial and len(seqs) >= PREVIEW_ROWS
            if seqs == self._seqs and not partial:
                # The ranked answer kept the preview's rows and order: no reset, so a
                # selection or scroll position made meanwhile stays.
                self.partial = False
                if self._reread:
                    self._reread_rows()
                self.refreshed.emit(len(seqs))
                return
            self._show(seqs, partial)

    def _reread_rows(self) -> None:
        """The same rows in the same order, their values read again (a change saved
        here or elsewhere): cells repaint, the view keeps its selection and scroll."""
        self._reread = False
        self._pages.clear()
        self._display.forget_titles()
        if self._seqs:
            last = self.index(len(self._seqs) - 1, len(self.columns) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def seq_at(self, row: int) -> int | None:
        return self._seqs[row] if 0 <= row < len(self._seqs) else None

    def row_of_seq(self, seq: int) -> int:
        try:
            return self._seqs.index(seq)
        except ValueError:
            return -1

    def _show(self, seqs: list[int], partial: bool = False) -> None:
        self._reread = False
        self.beginResetModel()
        self.partial = partial
        self._seqs = seqs
        self._pages.clear()
        self._display.forget_titles()
        self.endResetModel()
        self.refreshed.emit(len(self._seqs))

    def record_id(self, row: int) -> str | None:
        record = self._row(row)
        return None if record is None else str(record["id"])

    def record(self, row: int) -> dict[str, Any] | None:
        return self._row(row)

    def row_of(self, record_id: str) -> int:
        """The row showing ``record_id`` among the loaded pages, else -1."""
        for page, rows in self._pages.items():
            for offset, record in enumerate(rows):
                if record is not None and record["id"] == record_id:
                    return page * PAGE_SIZE + offset
        return -1

    def column_index(self, name: str) -> int:
        for i, column in enumerate(self.columns):
            if column.name == name:
                return i
        return -1

    # -- Qt model API -----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._seqs)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The role first: a repaint asks each cell for ~8 roles and this model answers
        # four, so most calls end here without touching the index (each call into Qt
        # from Python costs; a repaint makes thousands of these calls).
        if role not in _ROLES:
            return None
        if not index.isValid() or index.row() >= len(self._seqs):
            return None
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if isinstance(column.field, Number):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        record = self._row(index.row())
        if record is None:
            return None
        if role == ID_ROLE:
            return record["id"]
        value = record.get(column.name)
        if role == Qt.ItemDataRole.ToolTipRole:
            # Long names are cut by the column width; the whole text shows on hover.
            text = self._display.value(column.field, value, full=True)
            return text if len(text) > TOOLTIP_AFTER else None
        return self._display.value(column.field, value)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self.columns):
                return self.columns[section].label()
            return None
        return section + 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        self._query = replace(
            self._query,
            sort=self.columns[column].name,
            descending=order == Qt.SortOrder.DescendingOrder,
        )
        self.refresh()

    # -- pages ------------------------------------------------------------------------

    def _row(self, row: int) -> dict[str, Any] | None:
        if not 0 <= row < len(self._seqs):
            return None
        page_no = row // PAGE_SIZE
        page = self._pages.get(page_no)
        if page is None:
            page = self._load(page_no)
        else:
            self._pages.move_to_end(page_no)
        return page[row - page_no * PAGE_SIZE]

    def _load(self, page_no: int) -> list[dict[str, Any] | None]:
        seqs = self._seqs[page_no * PAGE_SIZE : (page_no + 1) * PAGE_SIZE]
        found = {r["seq"]: r for r in self._records.rows_by_seq(self.type_name, seqs)}
        # A row deleted since the query ran stays as a blank line until the next refresh.
        page = [found.get(seq) for seq in seqs]
        for column in self.columns:
            if isinstance(column.field, RefId):
                self._display.prefetch_titles(
                    column.field.ref, [r[column.name] for r in page if r and r[column.name]]
                )
        self._pages[page_no] = page
        while len(self._pages) > CACHE_PAGES:
            self._pages.popitem(last=False)
        return page
