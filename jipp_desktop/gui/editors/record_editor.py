"""The editor of one record of any type: fields in tabs, child tables, attachments,
history, links to related records, and a guard against losing unsaved changes.

The editor holds no rules.  It collects what the officer typed into a plain dict,
hands it to ``RecordService.create``/``update`` and, when the core answers with a
``ValidationError``, shows every ``FieldError`` beside its field (or its cell:
``followups[1].action`` marks row 2 of the follow-ups table).
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from jipp_desktop.core.concurrency import DatabaseBusy
from jipp_desktop.core.errors import FieldError, JippError, ValidationError
from jipp_desktop.core.linked import follow_link, new_linked_values
from jipp_desktop.core.query import ListQuery
from jipp_desktop.core.registry import record_type, user_fields
from jipp_desktop.core.staleness import RecordVersion, StaleEdit
from jipp_desktop.core.workspace import Workspace
from jipp_desktop.gui.display import Display
from jipp_desktop.gui.editors import copy_actions
from jipp_desktop.gui.editors.attachments_panel import AttachmentsPanel
from jipp_desktop.gui.editors.child_table import ChildTable
from jipp_desktop.gui.editors.history_panel import HistoryPanel
from jipp_desktop.gui.editors.inputs import (
    CategoryInput,
    Input,
    RefInput,
    RegionInput,
    TextInput,
    make_input,
)
from jipp_desktop.gui.editors.specs import SPECS, Region
from jipp_desktop.gui.errors import show_error
from jipp_desktop.gui.i18n import current_language, pick

_CHILD_ERROR = re.compile(r"^(\w+)\[(\d+)\]\.(\w+)$")
ERROR_STYLE = "color: #b00020;"


def route_error(path: str) -> tuple[str, int | None, str | None]:
    """``signatories[1].name`` -> ("signatories", 1, "name"); ``title`` -> ("title", None, None)."""
    match = _CHILD_ERROR.match(path)
    if match:
        key, row, name = match.groups()
        return key, int(row), name
    return path, None, None


class _Slot:
    """Where one input sits: its error label and its tab."""

    def __init__(self, input_: Input, error: QLabel, tab: int) -> None:
        self.input = input_
        self.error = error
        self.tab = tab


class RecordEditor(QDialog):
    saved = Signal(str, str)
    # Navigation: (type, id or None for a new record, initial values) and (type, filters).
    openRecord = Signal(str, object, object)
    openList = Signal(str, object)
    printRequested = Signal(str, str)

    def __init__(
        self,
        workspace: Workspace,
        display: Display,
        type_name: str,
        record_id: str | None = None,
        initial: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.display = display
        self.type_name = type_name
        self.record_id = record_id
        self.rt = record_type(type_name)
        self.setObjectName(f"editor_{type_name}")
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self._fields = {f.name: f for f in user_fields(self.rt.model)}
        self._slots: dict[str, _Slot] = {}
        self._inputs: list[Input] = []
        self.child_tables: dict[str, ChildTable] = {}
        self._child_tabs: dict[str, int] = {}
        self._snapshot = ""
        # What the form showed when the record was (re)loaded and that record's version:
        # a save sends only what the officer changed, made from that version.
        self._base_values: dict[str, Any] = {}
        self._version: RecordVersion | None = None

        self.heading = QLabel(self)
        self.heading.setObjectName("heading")
        # A long title must wrap, not widen the dialog past a 1366-pixel screen.
        self.heading.setWordWrap(True)
        self.links = QHBoxLayout()
        self.summary = QLabel(self)
        self.summary.setObjectName("summary")
        self.summary.setStyleSheet(ERROR_STYLE + "font-weight: bold;")
        self.summary.setWordWrap(True)
        self.summary.hide()
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("tabs")
        # The tab strip is no Tab stop (Ctrl+Tab / Ctrl+PgDown switch tabs): the first
        # key typed after opening belongs in the first field.
        self.tabs.tabBar().setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._build_sections()
        self._follow_year()
        for spec in self.rt.children:
            table = ChildTable(spec, display, self)
            table.changed.connect(self._update_title)
            self.child_tables[spec.key] = table
            self._child_tabs[spec.key] = self.tabs.addTab(table, pick(spec.label))
        self.attachments = AttachmentsPanel(workspace, type_name, self)
        self.attachments.changed.connect(self._update_title)
        self._attachments_tab = self.tabs.addTab(self.attachments, self.tr("Attachments"))
        self.history = HistoryPanel(workspace, display, type_name, self)
        self._history_tab = self.tabs.addTab(self.history, self.tr("History"))

        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("save")
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.save_close_button = QPushButton(self.tr("Save and close"), self)
        self.save_close_button.setObjectName("save_close")
        self.save_close_button.clicked.connect(self.save_and_close)
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setObjectName("close")
        self.close_button.setToolTip(self.tr("Close (Esc)"))
        self.close_button.clicked.connect(self.reject)
        self.status = QLabel(self)
        self.status.setObjectName("status")
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.save_close_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self.links)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        QShortcut(QKeySequence.StandardKey.Print, self, self._print)
        QShortcut(QKeySequence("Ctrl+D"), self, lambda: copy_actions.duplicate_record(self))
        if type_name == "commitment":
            QShortcut(QKeySequence("Ctrl+Shift+D"), self, lambda: copy_actions.ask_hubs(self))

        self._fit_to_screen()
        self.load(record_id, initial)
        self.focus_first_field()
        self.tabs.currentChanged.connect(self._focus_tab)

    # -- building ---------------------------------------------------------------------

    def _build_sections(self) -> None:
        for section in SPECS[self.type_name]:
            page = QWidget()
            column = QVBoxLayout(page)
            form = QFormLayout()
            column.addLayout(form)
            # Spare height goes below the last field, not between a label and its box.
            column.addStretch(1)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
            scroll = QScrollArea(self.tabs)
            scroll.setWidgetResizable(True)
            scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            scroll.setWidget(page)
            tab = self.tabs.addTab(scroll, QCoreApplication.translate("editor", section.title))
            for item in section.items:
                self._add_row(form, page, item, tab)

    def _add_row(self, form: QFormLayout, page: QWidget, item: str | Region, tab: int) -> None:
        if isinstance(item, Region):
            assert item.regency is not None
            regency = self._fields[item.regency]
            region = RegionInput(self.workspace, item.province, item.regency, page)
            input_: Input = region
            fields = [regency] if item.province is None else [self._fields[item.province], regency]
            label_text = " / ".join(pick(f.label) for f in fields)
            required = any(f.required for f in fields)
            if region.picker is not None and item.province:
                region.picker.province_combo.setAccessibleName(
                    pick(self._fields[item.province].label)
                )
            region.regency_combo.setAccessibleName(pick(regency.label))
        else:
            field = self._fields[item]
            input_ = make_input(self.workspace, self.display, field, page)
            if isinstance(input_, RefInput):
                ref = input_.ref
                input_.context = lambda ref=ref: new_linked_values(
                    self.type_name, ref, self.values(), self.workspace.regions
                )
                input_.changed.connect(lambda i=input_: self._follow(i))
            label_text = pick(field.label)
            required = field.required
            input_.set_accessible_name(label_text)
        input_.widget.setObjectName(f"field_{'_'.join(input_.names)}")
        input_.changed.connect(self._update_title)
        error = QLabel(page)
        error.setObjectName(f"error_{'_'.join(input_.names)}")
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        holder = QWidget(page)
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(input_.widget)
        box.addWidget(error)
        label = QLabel(label_text + (" *" if required else ""), page)
        label.setBuddy(input_.widget)
        if isinstance(input_.widget, QCheckBox):
            label.setText("")
        form.addRow(label, holder)
        self._inputs.append(input_)
        for name in input_.names:
            self._slots[name] = _Slot(input_, error, tab)

    def _follow_year(self) -> None:
        """The category picker offers the list of the year typed on the form."""
        if "category" not in self._slots or "year_started" not in self._slots:
            return
        category = self._slots["category"].input
        year = self._slots["year_started"].input
        if isinstance(category, CategoryInput) and isinstance(year, TextInput):

            def follow() -> None:
                text = year.edit.text().strip()
                category.set_year(int(text) if text.isdigit() and len(text) == 4 else None)

            year.edit.textChanged.connect(lambda _t: follow())

    def focus_first_field(self) -> None:
        """Put the cursor in the first field, before the window is even shown: keys typed
        at once after Ctrl+N or "New…" go there, not to the tab strip."""
        self.tabs.setCurrentIndex(0)
        if self._inputs:
            self._inputs[0].focus()

    def _focus_tab(self, index: int) -> None:
        """Ctrl+Tab to another tab puts the cursor in it: its first field or its table."""
        page = self.tabs.widget(index)
        focus = self.focusWidget()
        if focus is not None and page.isAncestorOf(focus):
            return
        table = next((t for t in self.child_tables.values() if t is page), None)
        if table is not None:
            table.table.setFocus(Qt.FocusReason.TabFocusReason)
            return
        first = next((s.input for s in self._slots.values() if s.tab == index), None)
        if first is not None:
            first.focus()

    def _fit_to_screen(self) -> None:
        screen = QGuiApplication.primaryScreen()
        available = screen.availableGeometry() if screen is not None else None
        # Signatories and work-plan activities need six columns and more side by side.
        width = 1320 if self.type_name in ("commitment", "workplan") else 980
        height = 700
        if available is not None:
            width = min(width, available.width() - 40)
            height = min(height, available.height() - 60)
        self.resize(width, height)

    # -- loading ----------------------------------------------------------------------

    def load(self, record_id: str | None, initial: dict[str, Any] | None = None) -> None:
        self.record_id = record_id
        self._version = None
        if record_id is not None:
            record, self._version = self.workspace.records.snapshot(self.type_name, record_id)
        else:
            record = {
                f.name: (f.default() if callable(f.default) else f.default)
                for f in self._fields.values()
            }
            record.update(initial or {})
            self._officer_defaults(record)
        for input_ in self._inputs:
            input_.set_values(record)
        if record_id is None:
            for input_ in self._inputs:
                # A laptop that serves one hub need not pick it every time.
                if (
                    isinstance(input_, RefInput)
                    and (input_.required or input_.ref == "hub")
                    and not record.get(input_.names[0])
                ):
                    only = input_.only_choice()
                    if only is not None:
                        input_.set_values({input_.names[0]: only})
                        self._follow(input_)
        for key, table in self.child_tables.items():
            table.set_rows(record.get(key) or [])
        self.attachments.load(record_id)
        self.history.load(record_id)
        self.tabs.setTabEnabled(self._history_tab, record_id is not None)
        self._build_links(record)
        self.clear_errors()
        self._base_values = self.values()
        self._snapshot = self._fingerprint()
        self._update_title()

    def _follow(self, input_: RefInput) -> None:
        """Fill the fields that follow the record just chosen (a commitment's province)."""
        chosen = input_.values()[input_.names[0]]
        if not chosen:
            return
        try:
            linked = self.workspace.records.get(input_.ref, chosen)
        except JippError:
            return  # a deleted record still shown so nothing is lost: nothing to follow
        for name, value in follow_link(self.type_name, input_.names[0], linked).items():
            if name in self._slots:
                self._slots[name].input.set_values({name: value})

    def _officer_defaults(self, record: dict[str, Any]) -> None:
        """A new record starts in the province the officer set up (Settings)."""
        province = self.workspace.settings.get("province_code") or None
        if not province:
            return
        if "province_code" in self._fields and not record.get("province_code"):
            record["province_code"] = province
        for input_ in self._inputs:
            if isinstance(input_, RegionInput):
                input_.default_province = province

    def _build_links(self, record: dict[str, Any]) -> None:
        while self.links.count():
            item = self.links.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # at once: deleteLater waits for the event loop
                widget.deleteLater()
        rid = self.record_id
        if rid is None:
            return
        records = self.workspace.records
        if self.type_name == "innovation":
            count = records.count("replication", ListQuery(filters={"innovation_id": rid}))
            self._link(
                self.tr("Replications of this innovation (%1)").replace("%1", str(count)),
                lambda: self.openList.emit("replication", {"innovation_id": rid}),
                "show_replications",
            )
            self._link(
                self.tr("New replication of this innovation"),
                lambda: self.openRecord.emit("replication", None, {"innovation_id": rid}),
                "new_replication",
            )
        elif self.type_name == "replication":
            if record.get("innovation_id"):
                self._link(
                    self.tr("Open the source innovation"),
                    lambda: self.openRecord.emit("innovation", record["innovation_id"], None),
                    "open_innovation",
                )
            if record.get("commitment_id"):
                self._link(
                    self.tr("Open its commitment statement"),
                    lambda: self.openRecord.emit("commitment", record["commitment_id"], None),
                    "open_commitment",
                )
        elif self.type_name == "hub":
            self._link(
                self.tr("Mentoring visits"),
                lambda: self.openList.emit("visit", {"hub_id": rid}),
                "show_visits",
            )
            self._link(
                self.tr("Work plans"),
                lambda: self.openList.emit("workplan", {"hub_id": rid}),
                "show_workplans",
            )
        elif self.type_name in ("visit", "workplan") and record.get("hub_id"):
            self._link(
                self.tr("Open the hub"),
                lambda: self.openRecord.emit("hub", record["hub_id"], None),
                "open_hub",
            )
        elif self.type_name == "commitment":
            self._link(
                self.tr("Replications under this commitment"),
                lambda: self.openList.emit("replication", {"commitment_id": rid}),
                "show_replications",
            )
            self._link(
                self.tr("Copy for other hubs… (Ctrl+Shift+D)"),
                lambda: copy_actions.ask_hubs(self),
                "copy_to_hubs",
            )
        self._link(
            self.tr("Duplicate (Ctrl+D)"), lambda: copy_actions.duplicate_record(self), "duplicate"
        )
        self.links.addStretch(1)

    def _link(self, text: str, slot: Any, name: str) -> None:
        button = QPushButton(text, self)
        button.setObjectName(f"link_{name}")
        button.setFlat(True)
        button.setStyleSheet("color: #1f4e79; text-decoration: underline;")
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.clicked.connect(lambda _c=False: slot())
        self.links.addWidget(button)

    # -- values and saving --------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        data: dict[str, Any] = {}
        for input_ in self._inputs:
            data.update(input_.values())
        for key, table in self.child_tables.items():
            data[key] = table.rows()
        return data

    def input(self, name: str) -> Input:
        return self._slots[name].input

    def is_dirty(self) -> bool:
        return self._fingerprint() != self._snapshot or bool(self.attachments.pending)

    def save(self) -> bool:
        data = self.values()
        try:
            if self.record_id is None:
                new_id = self.workspace.records.create(self.type_name, data)
                self.attachments.commit(new_id)
                self.record_id = new_id
            else:
                self.workspace.records.update(
                    self.type_name, self.record_id, self.changes(data), base=self._version
                )
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return False
        except StaleEdit as exc:
            self._stale(exc, data)
            return False
        except DatabaseBusy as exc:
            # Another workstation's import holds the shared database: the save is refused
            # at once (never a frozen window) and the form keeps everything typed.
            self.status.setText(self.tr("Not saved: the database is busy."))
            show_error(self, exc, note=self.tr("What you typed is still in the form."))
            return False
        except JippError as exc:
            show_error(self, exc)
            return False
        # Reload so new child rows get their ids and the history shows this change.
        self.load(self.record_id)
        self.status.setText(self.tr("Saved."))
        self.saved.emit(self.type_name, self.record_id)
        return True

    def changes(self, data: dict[str, Any]) -> dict[str, Any]:
        """What the officer changed since the record was loaded: the fields that differ,
        and each child list that differs, its unchanged rows reduced to their id (so a
        row somebody else changed meanwhile is not written back as it was)."""
        base = self._base_values
        out = {k: v for k, v in data.items() if k not in self.child_tables and base.get(k) != v}
        for key in self.child_tables:
            rows, before = data.get(key) or [], base.get(key) or []
            if rows == before:
                continue
            seen = {r["id"]: r for r in before if r.get("id")}
            out[key] = [_row_change(row, seen.get(row.get("id") or "")) for row in rows]
        return out

    def _stale(self, exc: StaleEdit, mine: dict[str, Any]) -> None:
        """Somebody saved this record since it was opened: offer to reload it with the
        officer's own changes put back where they overwrite nothing newer."""
        if any(o.path == "" for o in exc.found):
            show_error(self, exc)  # in the trash: nothing to reload; the form stays
            return
        if self.ask_reload(exc) != QMessageBox.StandardButton.Yes:
            return
        self.reload_keeping(mine, exc)

    def ask_reload(self, exc: StaleEdit) -> QMessageBox.StandardButton:
        """Ask whether to reload after a refused save (tests replace this)."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.windowTitle(),
            exc.message(current_language())
            + "\n\n"
            + self.tr(
                "Reload the record? Its newest values come in; your other changes stay in "
                "the form, and each field changed meanwhile shows the value you typed."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Reload"))
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        return QMessageBox.StandardButton(box.exec())

    def reload_keeping(self, mine: dict[str, Any], exc: StaleEdit) -> None:
        """Load the newest version, then put back the officer's changes that overwrite
        nothing changed meanwhile; the others are named beside their fields."""
        assert self.record_id is not None
        mine_changed = self.changes(mine)
        old_base = self._version or {}
        hit_fields = {p for p in exc.paths if "[" not in p}
        hit_lists = {p.split("[", 1)[0] for p in exc.paths if "[" in p}
        self.load(self.record_id)
        for input_ in self._inputs:
            names = [n for n in input_.names if n in mine_changed]
            if names and not hit_fields.intersection(input_.names):
                input_.set_values({**self._base_values, **{n: mine[n] for n in input_.names}})
        for key, table in self.child_tables.items():
            if key in mine_changed and key not in hit_lists:
                fresh = self._base_values.get(key) or []
                seen = {k for k in old_base if k.startswith(f"{key}[")}
                table.set_rows(_merge_rows(key, mine_changed[key], fresh, seen))
        self._update_title()
        self.show_stale(exc, mine)

    def show_stale(self, exc: StaleEdit, mine: dict[str, Any]) -> None:
        lang = current_language()
        errors = []
        for found in exc.found:
            text = found.line(lang)
            if found.path in self._fields:
                typed = self.display.value(self._fields[found.path], mine.get(found.path))
                text += "\n" + self.tr("You typed: %1").replace("%1", typed or "-")
            errors.append(FieldError(found.path, "stale", text, text))
        self.show_errors(errors)
        self.summary.setText(
            self.tr(
                "Someone saved this record after you opened it. It now shows their values, "
                "with your other changes kept; check the marked fields and save again."
            )
            + "\n"
            + "\n".join(e.message(lang) for e in errors if e.field not in self._slots)
        )

    def save_and_close(self) -> None:
        if self.save():
            self.accept()

    # -- errors -----------------------------------------------------------------------

    def clear_errors(self) -> None:
        for slot in self._slots.values():
            slot.error.hide()
            slot.error.clear()
        for table in self.child_tables.values():
            table.clear_errors()
        self.summary.hide()
        for i in range(self.tabs.count()):
            self.tabs.tabBar().setTabTextColor(i, self.tabs.palette().windowText().color())

    def show_errors(self, errors: list[FieldError]) -> None:
        self.clear_errors()
        lang = current_language()
        per_field: dict[str, list[str]] = {}
        per_child: dict[str, list[tuple[int, str, str]]] = {}
        unplaced: list[str] = []
        for err in errors:
            key, row, name = route_error(err.field)
            if row is not None and name is not None and key in self.child_tables:
                per_child.setdefault(key, []).append((row, name, err.message(lang)))
            elif key in self._slots:
                per_field.setdefault(key, []).append(err.message(lang))
            else:
                unplaced.append(err.message(lang))
        bad_tabs: list[int] = []
        first_input: Input | None = None
        for name, messages in per_field.items():
            slot = self._slots[name]
            slot.error.setText(
                "\n".join(
                    dict.fromkeys(messages + ([slot.error.text()] if slot.error.text() else []))
                )
            )
            slot.error.show()
            bad_tabs.append(slot.tab)
            first_input = first_input or slot.input
        for key, rows in per_child.items():
            self.child_tables[key].show_errors(rows)
            bad_tabs.append(self._child_tabs[key])
        for tab in set(bad_tabs):
            self.tabs.tabBar().setTabTextColor(tab, Qt.GlobalColor.red)
        text = self.tr("Please correct the marked fields (%n problem(s)).", "", len(errors))
        if unplaced:
            text += "\n" + "\n".join(unplaced)
        self.summary.setText(text)
        self.summary.show()
        if bad_tabs:
            self.tabs.setCurrentIndex(min(bad_tabs))
        if first_input is not None:
            first_input.focus()

    def error_text(self, name: str) -> str:
        slot = self._slots[name]
        return slot.error.text() if not slot.error.isHidden() else ""

    # -- closing ----------------------------------------------------------------------

    def reject(self) -> None:
        # Esc, Close and the window's close button all end here (QDialog.closeEvent
        # calls reject and keeps the window open if it is still visible afterwards).
        if self._may_close():
            super().reject()

    def _may_close(self) -> bool:
        if not self.is_dirty():
            return True
        answer = self.ask_unsaved()
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self._snapshot = self._fingerprint()
            self.attachments.pending.clear()
            return True
        return False

    def ask_unsaved(self) -> QMessageBox.StandardButton:
        """Ask what to do with unsaved changes (tests replace this)."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.windowTitle(),
            self.tr("This record has unsaved changes. Save them?"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        return QMessageBox.StandardButton(box.exec())

    # -- internals --------------------------------------------------------------------

    def _fingerprint(self) -> str:
        return json.dumps(self.values(), sort_keys=True, default=str)

    def _update_title(self) -> None:
        kind = pick(self.rt.label)
        if self.record_id is None:
            title = self.tr("New %1").replace("%1", kind)
        else:
            name = self.display.value(
                self._fields.get(self.rt.title_field), self.values().get(self.rt.title_field)
            )
            title = f"{kind}: {name}" if name else kind
        if self._snapshot and self.is_dirty():
            title += " *"
            # "Saved." must not stand beside a form changed since.
            self.status.clear()
        self.setWindowTitle(title)
        self.heading.setText(f"<h2>{html.escape(title.rstrip(' *'))}</h2>")
        self.heading.setTextFormat(Qt.TextFormat.RichText)

    def _print(self) -> None:
        if self.record_id is not None:
            self.printRequested.emit(self.type_name, self.record_id)


def _row_change(row: dict[str, Any], before: dict[str, Any] | None) -> dict[str, Any]:
    """A child row as a save sends it: whole when new, else its id and changed cells."""
    if before is None:
        return row
    return {"id": row["id"], **{k: v for k, v in row.items() if before.get(k) != v}}


def _merge_rows(
    key: str, mine: list[dict[str, Any]], fresh: list[dict[str, Any]], seen: set[str]
) -> list[dict[str, Any]]:
    """The officer's changed cells, new rows and deletions put onto the newest rows; rows
    somebody added after the form opened (not in ``seen``) stay."""
    by_id = {r["id"]: r for r in fresh if r.get("id")}
    out = [
        row if row.get("id") is None else {**by_id[row["id"]], **row}
        for row in mine
        if row.get("id") is None or row["id"] in by_id
    ]
    return out + [r for r in fresh if f"{key}[{r.get('id')}]" not in seen]
