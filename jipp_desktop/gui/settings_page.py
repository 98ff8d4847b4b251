"""Settings of this laptop (officer, hub province, letterhead, language) and the
first-run setup that asks for the same things once.  Values live in the database
through ``workspace.settings`` (keys and defaults in core/settings.py)."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QFile, QIODevice, QRegularExpression, Qt, Signal
from PySide6.QtGui import QPixmap, QRegularExpressionValidator
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from jipp_desktop.core import engine
from jipp_desktop.core.errors import FieldError, ValidationError
from jipp_desktop.core.workspace import Workspace
from jipp_desktop.gui.encryption_box import EncryptionBox
from jipp_desktop.gui.i18n import current_language
from jipp_desktop.gui.widgets import CodeCombo
from jipp_desktop.paths import ui_file
from jipp_desktop.sync import identity

LANGUAGE_NAMES = (("id", "Bahasa Indonesia"), ("en", "English"))

_W = TypeVar("_W", bound=QWidget)


def load_form(name: str, parent: QWidget) -> QWidget:
    """Build a Qt Designer form from ui/ (texts translated in the form's class context)."""
    loader = QUiLoader()
    loader.registerCustomWidget(CodeCombo)
    form = QFile(str(ui_file(name)))
    if not form.open(QIODevice.OpenModeFlag.ReadOnly):
        raise OSError(f"cannot read {name}: {form.errorString()}")
    try:
        widget = loader.load(form, parent)
    finally:
        form.close()
    if widget is None:
        raise OSError(f"cannot build {name}: {loader.errorString()}")
    return widget


class SettingsForm(QWidget):
    """The editable settings, laid out in ``ui/settings_form.ui`` (Qt Designer).

    ``full`` adds the letterhead rows, which the first-run dialog does not ask for.
    """

    def __init__(
        self, workspace: Workspace, full: bool = True, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.full = full
        self.ui = load_form("settings_form.ui", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.ui)
        self.officer_name = self._find(QLineEdit, "officer_name")
        self.officer_position = self._find(QLineEdit, "officer_position")
        self.officer_nip = self._find(QLineEdit, "officer_nip")
        self.officer_nip.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"\d{0,18}"), self.officer_nip)
        )
        self.province = self._find(CodeCombo, "province_code")
        # By name: officers look provinces up by name, not by Kemendagri code.
        self.province.fill(sorted(workspace.regions.provinces.items(), key=lambda kv: kv[1]), "")
        self.device_name = self._find(QLineEdit, "device_name")
        self.language = self._find(CodeCombo, "language")
        self.language.fill(list(LANGUAGE_NAMES), None)
        self.letterhead_title = self._find(QLineEdit, "letterhead_title")
        self.letterhead_unit = self._find(QLineEdit, "letterhead_unit")
        self.letterhead_address = self._find(QPlainTextEdit, "letterhead_address")
        self.logo_path = self._find(QLineEdit, "logo_path")
        self.logo_preview = self.ui.findChild(QLabel, "logo_preview")
        choose = self.ui.findChild(QPushButton, "choose_logo")
        assert self.logo_preview is not None and choose is not None
        choose.clicked.connect(self._choose_logo)
        rows = self.ui.layout()
        assert isinstance(rows, QFormLayout)
        # Required rows are marked as in the record editors.
        for key in ("officer_name", "province_code"):
            label = rows.labelForField(self._find(QWidget, key))
            if isinstance(label, QLabel):
                label.setText(label.text() + " *")
        # What is wrong, in words, above the rows (filled by show_problems).
        self.problems = QLabel(self)
        self.problems.setObjectName("settings_problems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet("color: #b00020;")
        self.problems.hide()
        layout.insertWidget(0, self.problems)
        if full:
            # Other officers compare this code before trusting this laptop's packages.
            key = identity.load_or_create(workspace.data_dir)
            self.fingerprint = QLabel(key.fingerprint)
            self.fingerprint.setObjectName("device_fingerprint")
            self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fingerprint.setAccessibleName(self.tr("Laptop key fingerprint"))
            row, _role = rows.getWidgetPosition(self.device_name)
            rows.insertRow(row + 1, self.tr("Laptop key fingerprint"), self.fingerprint)
            # Per workstation, in the data folder (database.url): the ministry's staff
            # point their workstations at the national PostgreSQL database.
            self.database_url = QLineEdit(self)
            self.database_url.setObjectName("setting_database_url")
            self.database_url.setPlaceholderText(
                self.tr("empty: this laptop's own database; postgresql://USER@HOST:PORT/NAME")
            )
            self.database_url.setToolTip(
                self.tr(
                    "Used from the next start. The password is never written here: "
                    "PGPASSWORD or ~/.pgpass."
                )
            )
            rows.insertRow(row + 2, self.tr("Ministry database"), self.database_url)
        else:
            for widget in (
                self.letterhead_title,
                self.letterhead_unit,
                self.letterhead_address,
                self.ui.findChild(QWidget, "logo_row"),
            ):
                rows.setRowVisible(widget, False)
        self.workstation_name = self._workstation_row(rows)
        if workspace.on_postgresql:
            self._name_the_database(rows)
        self.load()

    def _name_the_database(self, rows: QFormLayout) -> None:
        """On a shared database the peer other laptops see is the database: one name and
        key for every workstation (as the Sync page says), not this computer's."""
        renamed = [(self.device_name, self.tr("Database name (seen by laptops)"))]
        if self.full:
            renamed.append((self.fingerprint, self.tr("Database key fingerprint")))
        for widget, text in renamed:
            label = rows.labelForField(widget)
            if isinstance(label, QLabel):
                label.setText(text)
            widget.setAccessibleName(text)

    def _workstation_row(self, rows: QFormLayout) -> QLineEdit:
        """Where this workstation's changes were made, as the audit trail names them: asked
        on a shared database only (a laptop is its own workstation, named above)."""
        edit = QLineEdit(self)
        edit.setObjectName("setting_workstation_name")
        edit.setAccessibleName(self.tr("Workstation name"))
        edit.setPlaceholderText(self.workspace.default_workstation())
        edit.setToolTip(
            self.tr(
                "Shown beside your name in every record's history, so the ministry can tell "
                "where a change was made. Empty: this computer's name."
            )
        )
        row, _role = rows.getWidgetPosition(self.device_name)
        rows.insertRow(row + 1, self.tr("Workstation name"), edit)
        rows.setRowVisible(edit, self.workspace.on_postgresql)
        return edit

    def _find(self, cls: type[_W], key: str) -> _W:
        widget = self.ui.findChild(cls, f"setting_{key}")
        assert widget is not None, key
        return widget

    def load(self) -> None:
        values = self.workspace.settings.all()
        self.officer_name.setText(values["officer_name"])
        self.officer_position.setText(values["officer_position"])
        self.officer_nip.setText(values["officer_nip"])
        self.province.set_code(values["province_code"] or None, emit=False)
        self.device_name.setText(values["device_name"])
        self.workstation_name.setText(values["workstation_name"])
        self.language.set_code(values["language"] or "id", emit=False)
        if self.full:
            self.letterhead_title.setText(values["letterhead_title"])
            self.letterhead_unit.setText(values["letterhead_unit"])
            self.letterhead_address.setPlainText(values["letterhead_address"])
            self._show_logo(values["logo_path"])
            self.database_url.setText(engine.saved_setting(self.workspace.data_dir) or "")

    def values(self) -> dict[str, str]:
        out = {
            "officer_name": self.officer_name.text().strip(),
            "officer_position": self.officer_position.text().strip(),
            "officer_nip": self.officer_nip.text().strip(),
            "province_code": self.province.code() or "",
            "device_name": self.device_name.text().strip(),
            "language": self.language.code() or "id",
        }
        if self.workspace.on_postgresql:
            out["workstation_name"] = self.workstation_name.text()
        if self.full:
            out.update(
                letterhead_title=self.letterhead_title.text().strip(),
                letterhead_unit=self.letterhead_unit.text().strip(),
                letterhead_address=self.letterhead_address.toPlainText().strip(),
                logo_path=self.logo_path.text(),
            )
        return out

    def save(self, finish_setup: bool = False) -> bool:
        """Store the values; returns True when the language changed.

        Raises ValidationError (nothing stored) when the core refuses them."""
        old_language = self.workspace.settings.get("language")
        values = self.values()
        url = self.database_url.text().strip() if self.full else None
        if url:
            _check_database_url(url)
        self.workspace.settings.save_profile(values, self.workspace.regions.provinces, finish_setup)
        if self.full:
            engine.save_setting(self.workspace.data_dir, url or None)
        # As the core kept it (spaces tidied), so the officer sees what the history will say.
        self.workstation_name.setText(self.workspace.settings.get("workstation_name"))
        self.show_problems(None)
        return values["language"] != old_language

    def show_problems(self, error: ValidationError | None) -> None:
        """List the core's messages above the form and put the cursor in the first bad field."""
        if error is None:
            self.problems.hide()
            self.problems.clear()
            return
        lang = current_language()
        self.problems.setText("\n".join(e.message(lang) for e in error.errors))
        self.problems.show()
        first = self.ui.findChild(QWidget, f"setting_{error.errors[0].field}")
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _choose_logo(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Logo for reports"),
            str(Path.home()),
            self.tr("Images (*.png *.jpg *.jpeg)"),
        )
        if path:
            self._show_logo(path)

    def _show_logo(self, path: str) -> None:
        self.logo_path.setText(path)
        pixmap = QPixmap(path) if path else QPixmap()
        if pixmap.isNull():
            self.logo_preview.clear()
        else:
            self.logo_preview.setPixmap(
                pixmap.scaled(
                    64,
                    64,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )


def _check_database_url(url: str) -> None:
    """The core's refusal of a database address, as a problem of the form's field."""
    try:
        engine.check_url(url, "settings")
    except engine.BadDatabaseUrl as bad:
        raise ValidationError(
            [FieldError("database_url", "bad_url", bad.message("id"), bad.message("en"))]
        ) from None


class SettingsPage(QWidget):
    # True when the language changed (the window is rebuilt in the new language).
    saved = Signal(bool)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings_page")
        self.form = SettingsForm(workspace, True, self)
        # Rows keep their natural height and a readable width; the space left stays below.
        self.form.setMaximumWidth(820)
        holder = QWidget(self)
        column = QVBoxLayout(holder)
        column.addWidget(self.form)
        self.encryption = EncryptionBox(workspace, holder)
        self.encryption.setMaximumWidth(820)
        column.addWidget(self.encryption)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        self.save_button = QPushButton(self.tr("Save settings"), self)
        self.save_button.setObjectName("save_settings")
        self.save_button.clicked.connect(self.save)
        self.status = QLabel(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        title = self.tr("Settings")
        layout.addWidget(QLabel(f"<h2>{title}</h2>", self))
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)

    def save(self) -> None:
        try:
            changed = self.form.save()
        except ValidationError as error:
            self.form.show_problems(error)
            self.status.setText(self.tr("Not saved: see the messages above."))
            return
        self.status.setText(self.tr("Settings saved."))
        self.saved.emit(changed)

    def refresh(self) -> None:
        self.form.load()


class SetupDialog(QDialog):
    """Asked once, on the first start: who uses this laptop and for which province."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setObjectName("setup_dialog")
        self.setWindowTitle(self.tr("Welcome to JIPP Desktop"))
        intro = QLabel(
            self.tr(
                "Welcome! Before you start, tell the app who works on this laptop. "
                "Your name appears in the change history and on reports. "
                "You can change everything later under Settings."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.form = SettingsForm(workspace, False, self)
        buttons = QDialogButtonBox(self)
        self.start_button = buttons.addButton(
            self.tr("Start"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addWidget(buttons)
        self.resize(560, self.sizeHint().height())

    def accept(self) -> None:
        # Enter on a blank form lands here too: it must explain, not finish.
        try:
            self.form.save(finish_setup=True)
        except ValidationError as error:
            self.form.show_problems(error)
            # Taller for the messages, never narrower.
            self.resize(self.width(), max(self.height(), self.sizeHint().height()))
            return
        super().accept()
