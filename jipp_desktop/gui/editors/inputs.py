"""One input per core field type, each able to give and take the stored value.

The input never decides whether a value is valid: it hands the text to the core
and shows the core's message for its field path under itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import peewee
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QIntValidator, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from jipp_desktop.core import dashboard
from jipp_desktop.core.categories import OTHER, other_text
from jipp_desktop.core.fields import (
    CategoryText,
    DateText,
    EnumText,
    Flag,
    LongText,
    Number,
    RefId,
    RegionCode,
)
from jipp_desktop.core.registry import record_type
from jipp_desktop.core.workspace import Workspace
from jipp_desktop.gui.display import Display
from jipp_desktop.gui.i18n import current_language, pick
from jipp_desktop.gui.pickers import CodeCombo
from jipp_desktop.gui.widgets import (
    AnyRegencyCombo,
    DateField,
    ProvinceCombo,
    RegionPicker,
    VocabCombo,
)

# Above this many records a linked-record combo would be slow and useless; a search
# dialog over the same list model is used instead.
COMBO_LIMIT = 1000


class Input(QObject):
    """Binds one field (or a province/regency pair) to its widget."""

    changed = Signal()

    def __init__(self, widget: QWidget, names: tuple[str, ...]) -> None:
        super().__init__(widget)
        self.widget = widget
        self.names = names

    def values(self) -> dict[str, Any]:
        raise NotImplementedError

    def set_values(self, record: dict[str, Any]) -> None:
        raise NotImplementedError

    def focus(self) -> None:
        self.widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_accessible_name(self, name: str) -> None:
        self.widget.setAccessibleName(name)


class TextInput(Input):
    def __init__(self, field: Any, parent: QWidget) -> None:
        self.edit = QLineEdit(parent)
        if getattr(field, "max_length", None):
            self.edit.setMaxLength(int(field.max_length))
        if isinstance(field, Number):
            self.edit.setValidator(
                QIntValidator(field.minimum, min(field.maximum, 2**31 - 1), self.edit)
            )
            self.edit.setMaximumWidth(200)
        super().__init__(self.edit, (field.name,))
        self.edit.textChanged.connect(lambda _t: self.changed.emit())

    def values(self) -> dict[str, Any]:
        return {self.names[0]: self.edit.text()}

    def set_values(self, record: dict[str, Any]) -> None:
        value = record.get(self.names[0])
        self.edit.setText("" if value is None else str(value))


class LongInput(Input):
    def __init__(self, field: peewee.Field, parent: QWidget) -> None:
        self.edit = QPlainTextEdit(parent)
        self.edit.setTabChangesFocus(True)
        # Several long texts share a tab at 1366x768: each shows about five lines and
        # scrolls beyond that.
        self.edit.setMinimumHeight(70)
        self.edit.setMaximumHeight(120)
        super().__init__(self.edit, (field.name,))
        self.edit.textChanged.connect(self.changed.emit)

    def values(self) -> dict[str, Any]:
        return {self.names[0]: self.edit.toPlainText()}

    def set_values(self, record: dict[str, Any]) -> None:
        self.edit.setPlainText(record.get(self.names[0]) or "")


class FlagInput(Input):
    def __init__(self, field: Any, parent: QWidget) -> None:
        self.box = QCheckBox(pick(field.label), parent)
        super().__init__(self.box, (field.name,))
        self.box.toggled.connect(lambda _on: self.changed.emit())

    def values(self) -> dict[str, Any]:
        return {self.names[0]: self.box.isChecked()}

    def set_values(self, record: dict[str, Any]) -> None:
        self.box.setChecked(bool(record.get(self.names[0])))


class ComboInput(Input):
    def __init__(self, combo: CodeCombo, name: str) -> None:
        super().__init__(combo, (name,))
        self.combo = combo
        combo.codeChanged.connect(lambda _c: self.changed.emit())

    def values(self) -> dict[str, Any]:
        return {self.names[0]: self.combo.code()}

    def set_values(self, record: dict[str, Any]) -> None:
        self.combo.set_code(record.get(self.names[0]), emit=False)


class CategoryInput(Input):
    """A KIPP category: the list of the record's year, searchable, and "Lainnya" with a
    line for the officer's own words (stored as "Lainnya: <text>")."""

    def __init__(self, workspace: Workspace, parent: QWidget) -> None:
        self._workspace = workspace
        box = QWidget(parent)
        self.combo = CodeCombo(box)
        self.other = QLineEdit(box)
        self.other.setObjectName("category_other")
        self.other.setPlaceholderText(self.tr("Category in your own words"))
        self.other.setMaxLength(160)
        self.other.hide()
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo, 1)
        layout.addWidget(self.other, 1)
        box.setFocusProxy(self.combo)
        super().__init__(box, ("category",))
        self._year: int | None = None
        self.set_year(None)
        self.combo.codeChanged.connect(self._picked)
        self.other.textChanged.connect(lambda _t: self.changed.emit())

    def set_accessible_name(self, name: str) -> None:
        super().set_accessible_name(name)
        self.combo.setAccessibleName(name)
        self.other.setAccessibleName(self.tr("%1: in your own words").replace("%1", name))

    def set_year(self, year: int | None) -> None:
        """Offer the list that applies to ``year`` (the newest when it is not known)."""
        self._year = year
        lang = current_language()
        cats = self._workspace.categories
        items = [(c.code, c.label(lang)) for c in cats.for_year(year)]
        items.append((OTHER, self.tr("Other (write it)")))
        keep = self.combo.code()
        self.combo.fill(items, "")
        if keep and self.combo.findData(keep) < 0:
            # A category of another year's list stays visible (and is refused on saving).
            self.combo.addItem(cats.label(keep, lang), keep)
            self.combo.set_code(keep, emit=False)

    def _picked(self, code: str | None) -> None:
        self.other.setVisible(code == OTHER)
        if code == OTHER:
            # After the picker has finished with the key that chose "Lainnya".
            QTimer.singleShot(0, lambda: self.other.setFocus(Qt.FocusReason.OtherFocusReason))
        self.changed.emit()

    def values(self) -> dict[str, Any]:
        code = self.combo.code()
        if code == OTHER:
            return {"category": f"{OTHER}: {self.other.text().strip()}"}
        return {"category": code}

    def set_values(self, record: dict[str, Any]) -> None:
        if "year_started" in record:
            year = record.get("year_started")
            self.set_year(year if isinstance(year, int) else None)
        value = record.get("category")
        text = other_text(value) if value else None
        self.other.setText(text or "")
        if text is not None:
            value = OTHER
        if value and self.combo.findData(value) < 0:
            self.combo.addItem(self._workspace.categories.label(value, current_language()), value)
        self.combo.set_code(value, emit=False)
        self.other.setVisible(value == OTHER)


class DateInput(Input):
    def __init__(self, field: peewee.Field, parent: QWidget) -> None:
        self.date = DateField(parent)
        self.date.setMaximumWidth(260)
        super().__init__(self.date, (field.name,))
        self.date.changed.connect(self.changed.emit)

    def values(self) -> dict[str, Any]:
        return {self.names[0]: self.date.value()}

    def set_values(self, record: dict[str, Any]) -> None:
        self.date.set_value(record.get(self.names[0]))


class RegionInput(Input):
    """A province and its regency/city, or (``province`` None) a regency/city anywhere
    in the country found by typing: a place of signing or of a visit may lie outside
    the record's province, and one picker is quicker than two."""

    def __init__(
        self, workspace: Workspace, province: str | None, regency: str, parent: QWidget
    ) -> None:
        self.picker: RegionPicker | None = None
        self.regency_combo: CodeCombo
        if province:
            self.picker = RegionPicker(workspace.regions, "", "", parent)
            self.picker.province_combo.setToolTip(self.tr("Province"))
            self.regency_combo = self.picker.regency_combo
            widget: QWidget = self.picker
        else:
            self.regency_combo = AnyRegencyCombo(workspace.regions, "", parent)
            widget = self.regency_combo
        self.regency_combo.setToolTip(self.tr("Regency/city"))
        names = (province, regency) if province else (regency,)
        super().__init__(widget, names)
        self._province = province
        self._regency = regency
        # A new record starts in the officer's province (set by the editor).
        self.default_province: str | None = None
        if self.picker is not None:
            self.picker.changed.connect(self.changed.emit)
        else:
            self.regency_combo.codeChanged.connect(lambda _c: self.changed.emit())

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {self._regency: self.regency_combo.code()}
        if self._province and self.picker is not None:
            out[self._province] = self.picker.province()
        return out

    def set_values(self, record: dict[str, Any]) -> None:
        regency = record.get(self._regency)
        if isinstance(self.regency_combo, AnyRegencyCombo):
            if self.default_province:
                self.regency_combo.prefer_province(self.default_province)
            self.regency_combo.set_code(regency, emit=False)
            return
        province = record.get(self._province) if self._province else None
        if not province and not regency:
            province = self.default_province
        self.picker.set_values(province, regency)


class RefInput(Input):
    """A linked record: a combo for small types, a search dialog for big ones."""

    def __init__(
        self, workspace: Workspace, display: Display, field: RefId, parent: QWidget
    ) -> None:
        self._ref = field.ref
        self._display = display
        self._workspace = workspace
        self._value: str | None = None
        self.required = bool(field.required)
        self.combo: CodeCombo | None = None
        self.new_editor: QWidget | None = None
        # The form's values a new linked record starts from (set by the editor).
        self.context: Callable[[], dict[str, Any]] = dict
        if workspace.records.count(field.ref) <= COMBO_LIMIT:
            box = QWidget(parent)
            self.combo = CodeCombo(box)
            self._fill()
            # A newcomer's first visit needs a hub that may not exist yet: make it here.
            # Not a Tab stop: F2 or Ctrl+Shift+N in the picker does the same.
            self.new_button = QPushButton(self.tr("New…"), box)
            self.new_button.setObjectName("new_linked")
            self.new_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.new_button.setToolTip(
                self.tr("Create a new %1 (F2)").replace("%1", pick(record_type(field.ref).label))
            )
            self.new_button.clicked.connect(self._create_new)
            for keys in ("F2", "Ctrl+Shift+N"):
                shortcut = QShortcut(QKeySequence(keys), self.combo)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(self._create_new)
            layout = QHBoxLayout(box)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.addWidget(self.combo, 1)
            layout.addWidget(self.new_button)
            box.setFocusProxy(self.combo)
            super().__init__(box, (field.name,))
            self.combo.codeChanged.connect(self._combo_changed)
            return
        box = QWidget(parent)
        self.label = QLineEdit(box)
        self.label.setReadOnly(True)
        button = QPushButton(self.tr("Choose…"), box)
        button.clicked.connect(self._choose)
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(button)
        if not field.required:
            clear = QPushButton(self.tr("Clear"), box)
            clear.setObjectName("clear")
            clear.clicked.connect(self._clear)
            layout.addWidget(clear)
        box.setFocusProxy(button)
        super().__init__(box, (field.name,))
        self._field_label = pick(field.label)

    def set_accessible_name(self, name: str) -> None:
        super().set_accessible_name(name)
        if self.combo is not None:
            self.combo.setAccessibleName(name)

    @property
    def ref(self) -> str:
        return self._ref

    def only_choice(self) -> str | None:
        """The id when the combo offers exactly one record (a laptop with one hub)."""
        if self.combo is not None and self.combo.count() == 2:
            return str(self.combo.itemData(1))
        return None

    def _create_new(self) -> None:
        from jipp_desktop.gui.editors.record_editor import RecordEditor

        editor = RecordEditor(
            self._workspace, self._display, self._ref, None, self.context(), self.widget.window()
        )
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.setWindowModality(Qt.WindowModality.WindowModal)
        editor.saved.connect(self._created)
        self.new_editor = editor
        editor.open()

    def _fill(self) -> None:
        assert self.combo is not None
        self.combo.fill(
            dashboard.choices(self._ref, COMBO_LIMIT), "", dashboard.choice_aliases(self._ref)
        )

    def _created(self, _type_name: str, record_id: str) -> None:
        assert self.combo is not None
        self._fill()
        self._value = record_id
        self.combo.set_code(record_id, emit=False)
        self.changed.emit()

    def _clear(self) -> None:
        self._value = None
        self.label.clear()
        self.changed.emit()

    def _combo_changed(self, code: str | None) -> None:
        self._value = code
        self.changed.emit()

    def values(self) -> dict[str, Any]:
        return {self.names[0]: self._value}

    def set_values(self, record: dict[str, Any]) -> None:
        self._value = record.get(self.names[0])
        if self.combo is not None:
            if self._value and self.combo.findData(self._value) < 0:
                # A deleted or not-yet-listed record: keep it selectable so nothing is lost.
                self.combo.addItem(self._display.title(self._ref, self._value), self._value)
            self.combo.set_code(self._value, emit=False)
        else:
            self.label.setText(self._display.title(self._ref, self._value))

    def _choose(self) -> None:
        from jipp_desktop.gui.editors.chooser import choose_record

        chosen = choose_record(
            self.widget, self._workspace, self._display, self._ref, self._field_label
        )
        if chosen is not None:
            self._value = chosen
            self.label.setText(self._display.title(self._ref, chosen))
            self.changed.emit()


def make_input(
    workspace: Workspace, display: Display, field: peewee.Field, parent: QWidget
) -> Input:
    if isinstance(field, EnumText):
        combo = VocabCombo(field.vocab, None if field.required else "", parent)
        return ComboInput(combo, field.name)
    if isinstance(field, CategoryText):
        return CategoryInput(workspace, parent)
    if isinstance(field, RegionCode):
        return ComboInput(ProvinceCombo(workspace.regions, "", parent), field.name)
    if isinstance(field, RefId):
        return RefInput(workspace, display, field, parent)
    if isinstance(field, DateText):
        return DateInput(field, parent)
    if isinstance(field, Flag):
        return FlagInput(field, parent)
    if isinstance(field, LongText):
        return LongInput(field, parent)
    return TextInput(field, parent)


def record_label(type_name: str) -> str:
    return pick(record_type(type_name).label)
