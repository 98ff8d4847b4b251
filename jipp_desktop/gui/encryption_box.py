"""The settings page's "Data protection" box: encrypt the data folder, change its
passphrase, or turn encryption off, as the ``encrypt``, ``change-passphrase`` and
``decrypt`` commands do (core/encryption.py).

The conversion rewrites every database file, so it runs on the task runner with a
progress dialog and Cancel, under the folder lock the app already holds (no other
instance can slip in).  Every connection to the database is closed first (this thread's
and the background reader's); afterwards the workspace opens the converted folder again,
with the new passphrase, or with the old one when the work was cancelled or failed (the
core then turned the converted files back).
"""

from __future__ import annotations

import gc
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jipp_desktop.core import cipher, encryption, engine, models
from jipp_desktop.core.services import Progress
from jipp_desktop.core.workspace import DB_NAME, Workspace
from jipp_desktop.gui.errors import show_error
from jipp_desktop.gui.i18n import current_language
from jipp_desktop.gui.passphrase_dialog import NewPassphraseDialog
from jipp_desktop.gui.reader import shared_reader
from jipp_desktop.gui.tasks import task_runner


class EncryptionBox(QGroupBox):
    # After a conversion (done, cancelled or failed): the database was opened again.
    reopened = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Data protection"))
        self.setObjectName("encryption_box")
        self.workspace = workspace
        self.state = QLabel(self)
        self.state.setObjectName("encryption_state")
        self.state.setWordWrap(True)
        # What the last conversion did (kept on the page, no box to click away).
        self.outcome = QLabel(self)
        self.outcome.setObjectName("encryption_outcome")
        self.outcome.setWordWrap(True)
        self.encrypt_button = self._button("encrypt_folder", self.tr("Encrypt…"), self.encrypt)
        self.change_button = self._button(
            "change_passphrase", self.tr("Change passphrase…"), self.change_passphrase
        )
        self.decrypt_button = self._button(
            "decrypt_folder", self.tr("Turn encryption off…"), self.decrypt
        )
        buttons = QHBoxLayout()
        for button in (self.encrypt_button, self.change_button, self.decrypt_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addLayout(buttons)
        layout.addWidget(self.outcome)
        self.show_state()
        # The ministry's PostgreSQL database is protected on its server (the commands
        # refuse there too, engine.refuse_on_postgresql); this box is a laptop's.
        self.setHidden(engine.is_postgresql())

    def _button(self, name: str, text: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    @property
    def encrypted(self) -> bool:
        return cipher.passphrase() is not None

    def show_state(self) -> None:
        if self.encrypted:
            self.state.setText(
                self.tr(
                    "This data folder is encrypted: its database, backups, attachments "
                    "and sync reports cannot be read without the passphrase, which the "
                    "app asks for at every start."
                )
            )
        else:
            self.state.setText(
                self.tr(
                    "This data folder is not encrypted: whoever has this laptop can read "
                    "the names, NIPs and phone numbers in it. Encrypt it with a passphrase "
                    "that you write down and keep apart from the laptop."
                )
            )
        writable = not self.workspace.readonly
        self.encrypt_button.setVisible(not self.encrypted)
        self.change_button.setVisible(self.encrypted)
        self.decrypt_button.setVisible(self.encrypted)
        for button in (self.encrypt_button, self.change_button, self.decrypt_button):
            button.setEnabled(writable)

    # -- the three actions ------------------------------------------------------------

    def encrypt(self) -> None:
        new = self._ask_new(
            self.tr("Encrypt the data folder"),
            self.tr(
                "Write this passphrase down and keep it apart from the laptop. Without "
                "it nobody, not even the JIPP team, can open the data again."
            ),
        )
        if new is not None:
            self._convert(None, new, self.tr("The data folder is encrypted."))

    def change_passphrase(self) -> None:
        old = self._ask_current(self.tr("Current passphrase of the data folder:"))
        if old is None:
            return
        new = self._ask_new(
            self.tr("Change the passphrase"),
            self.tr(
                "The new passphrase replaces the old one at once; the old one will no "
                "longer open the data folder or its backups. Write the new one down."
            ),
        )
        if new is not None:
            self._convert(old, new, self.tr("The passphrase was changed."))

    def decrypt(self) -> None:
        old = self._ask_current(
            self.tr(
                "Turning encryption off stores the data unencrypted again, readable by "
                "whoever has this laptop. Current passphrase, to confirm:"
            )
        )
        if old is not None:
            self._convert(old, None, self.tr("The data folder is no longer encrypted."))

    # -- questions --------------------------------------------------------------------

    def _ask_new(self, title: str, explanation: str) -> str | None:
        dialog = NewPassphraseDialog(title, explanation, self, confirm=True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.passphrase()

    def _ask_current(self, label: str) -> str | None:
        """The current passphrase, checked against the database (None: not given)."""
        dialog = QInputDialog(self)
        dialog.setObjectName("current_passphrase_dialog")
        dialog.setWindowTitle(self.tr("Data protection"))
        dialog.setLabelText(label)
        for text in dialog.findChildren(QLabel):
            # The explanation reads as a paragraph, not as one line across the screen.
            text.setWordWrap(True)
            text.setMinimumWidth(440)
        dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.textValue():
            return None
        given = dialog.textValue()
        try:
            cipher.check_key(self.workspace.db_path, given)
        except cipher.PassphraseError as wrong:
            QMessageBox.warning(self, self.tr("Data protection"), wrong.message(current_language()))
            return None
        return given

    # -- the conversion ---------------------------------------------------------------

    def _convert(self, old: str | None, new: str | None, success: str) -> None:
        self.outcome.clear()
        lock = self.workspace.lock
        assert lock is not None  # the buttons are disabled on a read-only folder
        folder = self.workspace.data_dir
        shared_reader().release()
        models.database.close()
        # The whole suite once crashed in the cycle collector on this thread while the
        # worker was inside SQLCipher (sqlcipher3 0.6.4): collect what is left over now,
        # and let the collector wait until the conversion ends.
        gc.collect()
        gc.disable()

        def job(progress: Progress) -> encryption.Converted:
            return encryption.convert(folder, DB_NAME, old, new, lock=lock, progress=progress)

        def done(_result: object) -> None:
            if self._reopen(new, old):
                self.outcome.setText(success)

        def failed(exc: BaseException) -> None:
            if self._reopen(old, new):
                self.outcome.setText(self.tr("Not converted: the data folder stays as it was."))
                show_error(self, exc, self.tr("Data protection"))

        def cancelled() -> None:
            if self._reopen(old, new):
                self.outcome.setText(self.tr("Cancelled: the data folder stays as it was."))

        task_runner(self).run(
            job,
            title=self.tr("Data protection"),
            label=self.tr("Converting the database and its backups…"),
            on_done=done,
            on_error=failed,
            on_cancel=cancelled,
        )

    def _reopen(self, first: str | None, then: str | None) -> bool:
        """Open the database again (whichever passphrase fits its form now)."""
        gc.enable()
        shared_reader().release()
        try:
            self.workspace.reopen(first, then)
        except cipher.PassphraseError as exc:
            show_error(self, exc, self.tr("Data protection"))
            return False
        finally:
            self.show_state()
        self.reopened.emit()
        return True
