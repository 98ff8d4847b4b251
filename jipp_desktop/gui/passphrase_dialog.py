"""Choosing a new passphrase: the app proposes one of common Indonesian words.

A generated passphrase is shown in clear, since it is meant to be read out (by phone, to
the receiver of a locked package) or written down; the officer may type another, which
must pass the same length rule as on the command line.  With ``confirm`` (a data
folder's passphrase, which nobody can recover) it must be typed a second time.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from jipp_desktop.core import passphrase
from jipp_desktop.gui.i18n import pick


class NewPassphraseDialog(QDialog):
    def __init__(
        self, title: str, explanation: str, parent: QWidget | None = None, confirm: bool = False
    ) -> None:
        super().__init__(parent)
        self.setObjectName("new_passphrase_dialog")
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        intro = QLabel(explanation, self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        self.edit = QLineEdit(passphrase.generate(), self)
        self.edit.setMinimumWidth(360)
        self.other_button = QPushButton(self.tr("Other words"), self)
        self.other_button.clicked.connect(self.propose)
        row.addWidget(self.edit, 1)
        row.addWidget(self.other_button)
        layout.addLayout(row)
        self.again: QLineEdit | None = None
        if confirm:
            again_label = QLabel(self.tr("Type it again, from what you wrote down:"), self)
            self.again = QLineEdit(self)
            self.again.setObjectName("passphrase_again")
            again_label.setBuddy(self.again)
            layout.addWidget(again_label)
            layout.addWidget(self.again)
            self.again.textChanged.connect(self._check)
        self.problem_label = QLabel(self)
        self.problem_label.setObjectName("passphrase_problem")
        self.problem_label.setStyleSheet("color: #b00020;")
        layout.addWidget(self.problem_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.edit.textChanged.connect(self._check)
        self._check()

    def propose(self) -> None:
        self.edit.setText(passphrase.generate())

    def _check(self) -> None:
        found = passphrase.problem(self.edit.text())
        problem = "" if found is None else pick(found)
        if not problem and self.again is not None and self.again.text() != self.edit.text():
            # Only said once something was typed: an empty field is not a mistake yet.
            if self.again.text():
                problem = self.tr("The two passphrases differ.")
            found = ("", "")
        self.problem_label.setText(problem)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(found is None)

    def passphrase(self) -> str:
        return self.edit.text()
