"""Small input widgets shared by filters and editors: region pickers with official
names, vocabulary combos, and a date field that reads and shows Indonesian dates."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from jipp_desktop.core import idformat, vocab
from jipp_desktop.core import regions as region_lists
from jipp_desktop.core.validation import Regions
from jipp_desktop.gui.i18n import current_language
from jipp_desktop.gui.icons import icon
from jipp_desktop.gui.pickers import CodeCombo


class VocabCombo(CodeCombo):
    def __init__(self, vocab_name: str, blank: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lang = current_language()
        self.fill(
            [
                (code, vocab.label(vocab_name, code, lang))
                for code in vocab.VOCABULARIES[vocab_name]
            ],
            blank,
        )


class ProvinceCombo(CodeCombo):
    def __init__(self, regions: Regions, blank: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # By name: officers look provinces up by name, not by Kemendagri code.
        items = sorted(regions.provinces.items(), key=lambda kv: kv[1])
        self.fill(items, blank, region_lists.province_aliases())


class RegencyCombo(CodeCombo):
    def __init__(self, regions: Regions, blank: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._regions = regions
        self._blank = blank
        self.set_province(None)

    def set_province(self, province: str | None) -> None:
        items = self._regions.regencies_of(province) if province else []
        self.fill(items, self._blank)
        self.setEnabled(bool(province))


class AnyRegencyCombo(CodeCombo):
    """Every regency and city of the country, found by its own name or its province's
    ("mangg", "labuan ntt"): for a place that need not be in the record's province."""

    def __init__(self, regions: Regions, blank: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._regions = regions
        self._blank = blank
        self.prefer_province(None)

    def prefer_province(self, province: str | None) -> None:
        """List ``province``'s regencies first (the officer's own, usually meant)."""
        regions = self._regions
        short = region_lists.province_aliases()
        items, aliases = [], {}
        order = sorted(
            regions.regency_names.items(),
            key=lambda kv: (regions.regency_province[kv[0]] != province, kv[1]),
        )
        for code, name in order:
            home = regions.regency_province[code]
            items.append((code, f"{name} ({regions.provinces.get(home, home)})"))
            aliases[code] = short.get(home, "")
        self.fill(items, self._blank, aliases)


class RegionPicker(QWidget):
    """Province then regency/city: the regency list follows the chosen province."""

    changed = Signal()

    def __init__(
        self,
        regions: Regions,
        province_blank: str | None,
        regency_blank: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.regions = regions
        self.province_combo = ProvinceCombo(regions, province_blank, self)
        self.regency_combo = RegencyCombo(regions, regency_blank, self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.province_combo, 1)
        layout.addWidget(self.regency_combo, 1)
        self.province_combo.codeChanged.connect(self._province_changed)
        self.regency_combo.codeChanged.connect(lambda _c: self.changed.emit())
        self.regency_combo.set_province(self.province_combo.code())

    def _province_changed(self, code: str | None) -> None:
        self.regency_combo.set_province(code)
        self.changed.emit()

    def province(self) -> str | None:
        return self.province_combo.code()

    def regency(self) -> str | None:
        return self.regency_combo.code()

    def set_values(self, province: str | None, regency: str | None) -> None:
        if not province and regency:
            province = self.regions.regency_province.get(regency)
        self.province_combo.set_code(province, emit=False)
        self.regency_combo.set_province(province)
        self.regency_combo.set_code(regency, emit=False)


_NUMERIC = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$")
_WORDS = re.compile(r"^(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})$")


def parse_date(text: str) -> dt.date | None:
    """Read what an officer types: 28/9/2022, 28-09-2022, 2022-09-28, 28 Sep 2022."""
    text = text.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return dt.date.fromisoformat(text)
        match = _NUMERIC.match(text)
        if match:
            day, month, year = (int(g) for g in match.groups())
            return dt.date(year, month, day)
        match = _WORDS.match(text)
        if match:
            day_text, name, year_text = match.groups()
            name = name.lower()
            for months in (idformat.MONTHS_ID, idformat.MONTHS_EN):
                for number, month_name in enumerate(months, start=1):
                    if month_name.lower().startswith(name[:3]) and len(name) >= 3:
                        return dt.date(int(year_text), number, int(day_text))
    except ValueError:
        return None
    return None


class DateField(QWidget):
    """A date shown as ``28 September 2022``; typed or picked from a calendar; may be empty."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("e.g. 28 September 2022"))
        self.edit.setClearButtonEnabled(True)
        self.button = QToolButton(self)
        self.button.setIcon(icon("calendar"))
        self.button.setToolTip(self.tr("Choose from the calendar (Alt+Down)"))
        self.button.setAccessibleName(self.tr("Choose from the calendar"))
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        # Not a Tab stop of its own: Alt+Down or F4 in the date opens the calendar.
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.calendar = QCalendarWidget(self)
        self.calendar.setGridVisible(True)
        menu = QMenu(self.button)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        self.button.setMenu(menu)
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        self.edit.editingFinished.connect(self._normalise)
        self.edit.textChanged.connect(lambda _t: self.changed.emit())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.edit)
        for keys in ("Alt+Down", "F4"):
            shortcut = QShortcut(QKeySequence(keys), self.edit)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(self.open_calendar)

    def open_calendar(self) -> None:
        menu = self.button.menu()
        if menu is not None:
            # popup(), not the button's showMenu(): no nested event loop.
            menu.popup(self.button.mapToGlobal(self.button.rect().bottomLeft()))
            self.calendar.setFocus(Qt.FocusReason.PopupFocusReason)

    def value(self) -> str | None:
        """ISO date, None when empty, or the raw text so the core can report it."""
        text = self.edit.text().strip()
        if not text:
            return None
        parsed = parse_date(text)
        return parsed.isoformat() if parsed else text

    def set_value(self, iso: str | None) -> None:
        self.edit.setText(idformat.format_date(iso, current_language()) if iso else "")
        if iso:
            parsed = dt.date.fromisoformat(iso)
            self.calendar.setSelectedDate(QDate(parsed.year, parsed.month, parsed.day))

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)

    def _picked(self, date: QDate) -> None:
        self.set_value(dt.date(date.year(), date.month(), date.day()).isoformat())
        menu = self.button.menu()
        if menu is not None:
            menu.hide()

    def _normalise(self) -> None:
        parsed = parse_date(self.edit.text())
        if parsed is not None:
            self.set_value(parsed.isoformat())

    def focus_edit(self) -> None:
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)
