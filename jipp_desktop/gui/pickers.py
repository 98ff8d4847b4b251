"""The one picker behind every reference and vocabulary choice: a combo that filters as
the officer types.

Typing any part of a name narrows the list (``core.matching`` decides what matches:
case, accents and word order do not matter, short forms such as "ntt" count); Enter
or Tab picks the highlighted entry (the best match unless the arrows moved), Esc
puts back the current choice, and leaving the field with half a word typed does the
same, so what is shown is always what is stored.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QStringListModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QComboBox, QCompleter, QListView, QWidget

from jipp_desktop.core.matching import Index, make_key

# Extra words a choice can be found by (a province's "NTT", an agency's short name).
ALIAS_ROLE = Qt.ItemDataRole.UserRole + 20


class _Matches(QStringListModel):
    """The names of the combo rows that match what is typed, best first.

    A string list held by Qt: the popup asks for row counts and texts thousands of
    times per keystroke, which must not each cross into Python.
    """

    def __init__(self, combo: CodeCombo) -> None:
        super().__init__(combo)
        self.rows: list[int] = []

    def set_rows(self, rows: list[int], texts: list[str]) -> None:
        self.rows = rows
        self.setStringList([texts[r] for r in rows])


class _Completer(QCompleter):
    """Esc in the list also puts the current choice back (one key, not two)."""

    def __init__(self, model: _Matches, combo: CodeCombo) -> None:
        super().__init__(model, combo)
        self._combo = combo

    def eventFilter(self, watched: Any, event: Any) -> bool:
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Escape
            and self.popup().isVisible()
        ):
            self.popup().hide()
            self._combo.restore_text()
            return True
        return super().eventFilter(watched, event)


class CodeCombo(QComboBox):
    """A combo whose items carry a stored code; ``code()`` is None for the blank item.

    Searchable unless told otherwise: the list is filtered by ``core.matching``.
    """

    codeChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None, searchable: bool = True) -> None:
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(12)
        self.currentIndexChanged.connect(lambda _i: self.codeChanged.emit(self.code()))
        self._index: Index | None = None
        self._blank_rows: set[int] = set()
        self._texts: list[str] = []
        self._matches: _Matches | None = None
        self._completer: _Completer | None = None
        if searchable:
            self._make_searchable()

    # -- choices ----------------------------------------------------------------------

    def fill(
        self,
        items: list[tuple[str, str]],
        blank: str | None,
        aliases: dict[str, str] | None = None,
    ) -> None:
        """Replace the choices; ``aliases`` maps a code to extra words it is found by."""
        keep = self.code()
        self.blockSignals(True)
        self.clear()
        if blank is not None:
            self.addItem(blank, None)
        for code, text in items:
            self.addItem(text, code)
            if aliases and aliases.get(code):
                self.setItemData(self.count() - 1, aliases[code], ALIAS_ROLE)
        # Keep the current choice only if the new list still offers it (a regency of
        # another province must go when the province changes).
        index = self.findData(keep) if keep is not None else -1
        self.setCurrentIndex(index if index >= 0 else (0 if self.count() else -1))
        self.blockSignals(False)
        self._index = None

    def code(self) -> str | None:
        data = self.currentData()
        return None if data is None else str(data)

    def set_code(self, code: str | None, emit: bool = True) -> None:
        index = self.findData(code) if code is not None else (0 if self.count() else -1)
        if index < 0 and code is not None:
            # A value the list does not hold (yet): a filter set before its choices
            # arrived, or a stored value no longer offered.  Keep it rather than lose it.
            self.addItem(code, code)
            index = self.count() - 1
        if index < 0:
            index = 0 if self.count() else -1
        if not emit:
            self.blockSignals(True)
        self.setCurrentIndex(index)
        if not emit:
            self.blockSignals(False)
        self.restore_text()

    # -- searching --------------------------------------------------------------------

    def _make_searchable(self) -> None:
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        # Qt's own completer matches prefixes only and would fight this one.
        self.setCompleter(None)
        self._matches = _Matches(self)
        self._completer = _Completer(self._matches, self)
        self._completer.setWidget(self)
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setMaxVisibleItems(12)
        # Rows of one height: the list is laid out at once even with thousands of matches.
        popup = self._completer.popup()
        if isinstance(popup, QListView):
            popup.setUniformItemSizes(True)
        self._completer.activated[QModelIndex].connect(self._activated)
        line = self.lineEdit()
        line.textEdited.connect(self.filter_text)
        # Items added one by one (a stored value the list lacked) change the keys too.
        model = self.model()
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset):
            signal.connect(self._forget_keys)

    def _forget_keys(self, *_args: Any) -> None:
        self._index = None

    def search_index(self) -> Index:
        """The choices prepared for searching, built once per list."""
        if self._index is None:
            self._index = Index(
                [
                    make_key(self.itemText(i), str(self.itemData(i, ALIAS_ROLE) or "").split(";"))
                    for i in range(self.count())
                ]
            )
            self._blank_rows = {i for i in range(self.count()) if self.itemData(i) is None}
            self._texts = [self.itemText(i) for i in range(self.count())]
        return self._index

    def matching_rows(self, text: str) -> list[int]:
        """Combo rows matching ``text``, best first; the blank item only for no text."""
        rows = self.search_index().search(text)
        if text.strip() and self._blank_rows:
            rows = [r for r in rows if r not in self._blank_rows]
        return rows

    def filter_text(self, text: str) -> None:
        """Narrow the list to what matches ``text`` and show it, best match highlighted."""
        if self._matches is None or self._completer is None:
            return
        self._matches.set_rows(self.matching_rows(text), self._texts)
        popup = self._completer.popup()
        if not self._matches.rows:
            popup.hide()
            return
        popup.setMinimumWidth(max(self.width(), 240))
        self._completer.complete()
        popup.setCurrentIndex(self._completer.completionModel().index(0, 0))

    def shown_matches(self) -> list[str]:
        """The texts the list offers for what is typed now (for tests and screen readers)."""
        if self._matches is None:
            return []
        return [self.itemText(r) for r in self._matches.rows]

    def _activated(self, index: QModelIndex) -> None:
        if self._matches is not None and 0 <= index.row() < len(self._matches.rows):
            self._choose(self._matches.rows[index.row()])

    def _choose(self, row: int) -> None:
        self.setCurrentIndex(row)
        self.restore_text()

    def _edited(self) -> bool:
        # currentText() of an editable combo is what is typed; the choice is the item's.
        return self.isEditable() and self.lineEdit().text() != self.itemText(self.currentIndex())

    def restore_text(self) -> None:
        """Show the current choice again (after Esc, or leaving half a word typed)."""
        if self.isEditable():
            line = self.lineEdit()
            line.setText(self.itemText(self.currentIndex()))
            if self.window().focusWidget() is self:
                # Selected, so the next letters typed start a new search, not add on.
                line.selectAll()
            else:
                line.deselect()

    def pick_highlighted(self) -> bool:
        """Enter: take the highlighted match (the best one unless the arrows moved)."""
        if self._matches is None or self._completer is None or not self._matches.rows:
            return False
        popup = self._completer.popup()
        row = popup.currentIndex().row() if popup.isVisible() else 0
        popup.hide()
        self._choose(self._matches.rows[max(row, 0)])
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if self._completer is not None and self._edited():
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if not self.pick_highlighted():
                    self.restore_text()
                event.accept()
                return
            if key == Qt.Key.Key_Escape:
                self._completer.popup().hide()
                self.restore_text()
                event.accept()
                return
        super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        # Tab moves the focus before keyPressEvent would see it: take the highlighted
        # match first and move on, as in a spreadsheet.
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
            and self._completer is not None
            and self._edited()
            and not self.pick_highlighted()
        ):
            self.restore_text()
        return super().event(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if self.isEditable() and event.reason() != Qt.FocusReason.PopupFocusReason:
            self.lineEdit().selectAll()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        if self._edited() and event.reason() != Qt.FocusReason.PopupFocusReason:
            # Never leave half a word on screen that is not what would be saved.
            self.restore_text()
            if self._completer is not None:
                self._completer.popup().hide()
        if self.isEditable() and event.reason() != Qt.FocusReason.PopupFocusReason:
            self.lineEdit().deselect()
        super().focusOutEvent(event)
