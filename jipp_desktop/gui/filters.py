"""The filter row above a list: province, regency, category, stage, status, year.

Only the filters that make sense for the record type are shown.  Filters set by a
link (an innovation's replications, a dashboard bar) that have no combo here are
shown as a removable note instead, so the officer always sees why a list is short.
"""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from jipp_desktop.core import dashboard
from jipp_desktop.core.fields import EnumText
from jipp_desktop.core.registry import record_type, user_fields
from jipp_desktop.core.validation import Regions
from jipp_desktop.gui.display import Display
from jipp_desktop.gui.i18n import current_language, pick
from jipp_desktop.gui.reader import shared_reader
from jipp_desktop.gui.widgets import CodeCombo, ProvinceCombo, RegencyCombo, VocabCombo

ENUM_FILTERS = ("stage", "status", "level", "kind")


class FilterBar(QWidget):
    changed = Signal()

    def __init__(
        self, regions: Regions, display: Display, type_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.type_name = type_name
        self._display = display
        fields = {f.name: f for f in user_fields(record_type(type_name).model)}
        self._fields = fields
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.combos: dict[str, CodeCombo] = {}
        self._extra: dict[str, Any] = {}

        if "province_code" in fields or "regency_code" in fields:
            province = ProvinceCombo(regions, self.tr("All provinces"), self)
            self._add("province_code", province, self.tr("Province"))
            if "regency_code" in fields:
                regency = RegencyCombo(regions, self.tr("All regencies/cities"), self)
                self._add("regency_code", regency, self.tr("Regency/city"))
                province.codeChanged.connect(regency.set_province)
        if "category" in fields and not isinstance(fields["category"], EnumText):
            category = CodeCombo(self)
            category.fill([], self.tr("All categories"))
            self._add("category", category, pick(fields["category"].label))
        for name in ENUM_FILTERS:
            field = fields.get(name)
            if isinstance(field, EnumText):
                # "Tahapan: Semua" says which of several enum filters this is.
                blank = self.tr("%1: all").replace("%1", pick(field.label))
                combo = VocabCombo(field.vocab, blank, self)
                self._add(name, combo, pick(field.label))
        year_field = dashboard.year_field(type_name)
        if year_field is not None:
            year = CodeCombo(self)
            year.fill([], self.tr("All years"))
            self._add("year", year, self.tr("Year"))
        self.extra_label = QLabel(self)
        self.extra_clear = QToolButton(self)
        self.extra_clear.setText(self.tr("Show all"))
        self.extra_clear.setAccessibleName(self.tr("Remove the link filter"))
        self.extra_clear.clicked.connect(self.clear_extra)
        layout.addWidget(self.extra_label)
        layout.addWidget(self.extra_clear)
        layout.addStretch(1)
        self._show_extra()
        self.reload_choices()

    def reload_choices(self) -> None:
        """Fill the category and year lists from the data, on the reader thread."""
        type_name = self.type_name
        has_category = "category" in self.combos
        year_field = dashboard.year_field(type_name) if "year" in self.combos else None

        def gather() -> tuple[list[str], list[int]]:
            categories = dashboard.distinct_values(type_name, "category") if has_category else []
            years = dashboard.years(type_name, year_field) if year_field else []
            return categories, years

        shared_reader().read(gather, self._fill_choices)

    def _fill_choices(self, choices: tuple[list[str], list[int]]) -> None:
        if not shiboken6.isValid(self):
            return
        categories, years = choices
        # fill() keeps the current choice, so a dashboard filter set meanwhile survives.
        if "category" in self.combos:
            # Codes filter; labels show, in the officer's language, sorted as read.
            lang = current_language()
            known = self._display.categories()
            items = sorted(((v, known.label(v, lang)) for v in categories), key=lambda kv: kv[1])
            self.combos["category"].fill(items, self.tr("All categories"))
        if "year" in self.combos:
            self.combos["year"].fill([(str(y), str(y)) for y in years], self.tr("All years"))

    def _add(self, name: str, combo: CodeCombo, label: str) -> None:
        combo.setMinimumContentsLength(18)
        combo.setAccessibleName(label)
        combo.setToolTip(label)
        combo.setObjectName(f"filter_{name}")
        combo.codeChanged.connect(lambda _c: self.changed.emit())
        self.combos[name] = combo
        layout = self.layout()
        assert isinstance(layout, QHBoxLayout)
        layout.addWidget(combo)

    def filters(self) -> dict[str, Any]:
        out: dict[str, Any] = dict(self._extra)
        for name, combo in self.combos.items():
            if name != "year" and combo.code() is not None:
                out[name] = combo.code()
        return out

    def year(self) -> int | None:
        combo = self.combos.get("year")
        code = combo.code() if combo is not None else None
        return int(code) if code else None

    def set_filters(self, filters: dict[str, Any], year: int | None = None) -> None:
        """Show a list narrowed by a link or a dashboard click (others are cleared)."""
        self._extra = {}
        for combo in self.combos.values():
            combo.blockSignals(True)
        try:
            for name, combo in self.combos.items():
                if name == "year":
                    combo.set_code(str(year) if year else None, emit=False)
                elif name != "regency_code":
                    combo.set_code(filters.get(name), emit=False)
            regency = self.combos.get("regency_code")
            if isinstance(regency, RegencyCombo):
                regency.set_province(filters.get("province_code"))
                regency.set_code(filters.get("regency_code"), emit=False)
            for name, value in filters.items():
                if name not in self.combos:
                    self._extra[name] = value
        finally:
            for combo in self.combos.values():
                combo.blockSignals(False)
        self._show_extra()
        self.changed.emit()

    def clear_extra(self) -> None:
        self._extra = {}
        self._show_extra()
        self.changed.emit()

    def _show_extra(self) -> None:
        parts = []
        for name, value in self._extra.items():
            field = self._fields.get(name)
            label = pick(field.label) if field is not None else name
            parts.append(f"{label}: {self._display.value(field, value)}")
        self.extra_label.setText(" · ".join(parts))
        self.extra_label.setVisible(bool(parts))
        self.extra_clear.setVisible(bool(parts))
