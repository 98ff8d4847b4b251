"""Settings of this laptop (officer, hub province, letterhead, language) and the
first-run setup that asks for the same things once.  Values live in the database
through ``workspace.settings`` (keys and defaults in core/settings.py)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QPixmap, QRegularExpressionValidator
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

from jipp_desktop.core.workspace import Workspace
from jipp_desktop.gui.widgets import CodeCombo, ProvinceCombo

LANGUAGE_NAMES = (("id", "Bahasa Indonesia"), ("en", "English"))


class SettingsForm(QWidget):
    """The editable settings; ``full`` adds the letterhead part (not asked at first run)."""

    def __init__(
        self, workspace: Workspace, full: bool = True, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.full = full
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.officer_name = self._line(form, self.tr("Officer name"), "officer_name")
        self.officer_position = self._line(form, self.tr("Position"), "officer_position")
        self.officer_nip = self._line(form, self.tr("NIP (18 digits)"), "officer_nip")
        self.officer_nip.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"\d{0,18}"), self.officer_nip)
        )
        self.province = ProvinceCombo(workspace.regions, "", self)
        self.province.setObjectName("setting_province_code")
        self._row(form, self.tr("Hub province"), self.province)
        self.device_name = self._line(form, self.tr("Laptop name"), "device_name")
        self.device_name.setToolTip(self.tr("Shown to other laptops when exchanging data."))
        self.language = CodeCombo(self)
        self.language.setObjectName("setting_language")
        self.language.fill(list(LANGUAGE_NAMES), None)
        self._row(form, self.tr("Language"), self.language)
        if full:
            self.letterhead_title = self._line(
                form, self.tr("Letterhead: government"), "letterhead_title"
            )
            self.letterhead_title.setPlaceholderText(self.tr("e.g. PEMERINTAH PROVINSI …"))
            self.letterhead_unit = self._line(form, self.tr("Letterhead: unit"), "letterhead_unit")
            self.letterhead_address = QPlainTextEdit(self)
            self.letterhead_address.setObjectName("setting_letterhead_address")
            self.letterhead_address.setTabChangesFocus(True)
            self.letterhead_address.setMaximumHeight(70)
            self._row(form, self.tr("Letterhead: address"), self.letterhead_address)
            self.logo_path = QLineEdit(self)
            self.logo_path.setObjectName("setting_logo_path")
            self.logo_path.setReadOnly(True)
            choose = QPushButton(self.tr("Choose…"), self)
            choose.clicked.connect(self._choose_logo)
            self.logo_preview = QLabel(self)
            self.logo_preview.setFixedSize(64, 64)
            self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
            row = QWidget(self)
            box = QHBoxLayout(row)
            box.setContentsMargins(0, 0, 0, 0)
            box.addWidget(self.logo_path, 1)
            box.addWidget(choose)
            box.addWidget(self.logo_preview)
            self.logo_path.setAccessibleName(self.tr("Logo for reports"))
            form.addRow(self.tr("Logo for reports"), row)
        self.load()

    def _line(self, form: QFormLayout, label: str, key: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(f"setting_{key}")
        self._row(form, label, edit)
        return edit

    def _row(self, form: QFormLayout, label: str, widget: QWidget) -> None:
        widget.setAccessibleName(label)
        form.addRow(label, widget)

    def load(self) -> None:
        values = self.workspace.settings.all()
        self.officer_name.setText(values["officer_name"])
        self.officer_position.setText(values["officer_position"])
        self.officer_nip.setText(values["officer_nip"])
        self.province.set_code(values["province_code"] or None, emit=False)
        self.device_name.setText(values["device_name"])
        self.language.set_code(values["language"] or "id", emit=False)
        if self.full:
            self.letterhead_title.setText(values["letterhead_title"])
            self.letterhead_unit.setText(values["letterhead_unit"])
            self.letterhead_address.setPlainText(values["letterhead_address"])
            self._show_logo(values["logo_path"])

    def values(self) -> dict[str, str]:
        out = {
            "officer_name": self.officer_name.text().strip(),
            "officer_position": self.officer_position.text().strip(),
            "officer_nip": self.officer_nip.text().strip(),
            "province_code": self.province.code() or "",
            "device_name": self.device_name.text().strip(),
            "language": self.language.code() or "id",
        }
        if self.full:
            out.update(
                letterhead_title=self.letterhead_title.text().strip(),
                letterhead_unit=self.letterhead_unit.text().strip(),
                letterhead_address=self.letterhead_address.toPlainText().strip(),
                logo_path=self.logo_path.text(),
            )
        return out

    def save(self) -> bool:
        """Store the values; returns True when the language changed."""
        old_language = self.workspace.settings.get("language")
        values = self.values()
        self.workspace.settings.update(values)
        return values["language"] != old_language

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
        changed = self.form.save()
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
        self.form.save()
        self.workspace.settings.set("setup_done", "1")
        super().accept()
