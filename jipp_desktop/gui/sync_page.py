"""The Sync page: exchange packages with other laptops and review conflicts.

All work on packages runs on the window's task runner (gui/tasks.py), never on the
GUI thread; the questions an import needs (trust an unknown sender, the
passphrase, "import these changes?") are asked here between two jobs, because a
job must not touch widgets.  Each question is one method, so tests can answer it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from jipp_desktop.core.workspace import Workspace
from jipp_desktop.gui.display import never
from jipp_desktop.gui.i18n import current_language
from jipp_desktop.gui.passphrase_dialog import NewPassphraseDialog
from jipp_desktop.gui.tasks import Progress, task_runner
from jipp_desktop.sync import (
    conflicts,
    exporter,
    folder,
    identity,
    importer,
    peers,
    report,
    revocation,
    undo,
)
from jipp_desktop.sync.errors import BadPassphrase, UntrustedSender

_CONFLICT_COLUMNS = 5


class ReportDialog(QDialog):
    """An import report (or a dry-run summary) as text, printable; optionally a question."""

    def __init__(
        self, title: str, text: str, parent: QWidget | None = None, *, question: str | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        if question:
            layout.addWidget(QLabel(question, self))
        self.text = QPlainTextEdit(text, self)
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        font = self.text.font()
        font.setFamily("monospace")
        self.text.setFont(font)
        layout.addWidget(self.text)
        if question:
            buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
            self.accept_button = buttons.addButton(
                self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
            )
        else:
            buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
            self.accept_button = buttons.addButton(
                self.tr("Print…"), QDialogButtonBox.ButtonRole.ActionRole
            )
            self.accept_button.clicked.connect(self.print_report)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 420)

    def print_report(self) -> None:
        printer = QPrinter()
        if QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted:
            document = QTextDocument(self)
            document.setPlainText(self.text.toPlainText())
            document.print_(printer)


class SyncPage(QWidget):
    # Emitted after anything changed the data (an import, a resolved conflict).
    data_changed = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.lang = current_language()
        self._conflicts: list[dict[str, Any]] = []
        layout = QVBoxLayout(self)
        heading = self.tr("Synchronisation")
        title = QLabel(f"<h2>{heading}</h2>", self)
        title.setObjectName("page_title")
        layout.addWidget(title)
        layout.addWidget(self._identity_box())
        layout.addWidget(self._actions_box())
        layout.addWidget(self._conflicts_box(), 1)
        lower = QHBoxLayout()
        lower.addWidget(self._trusted_box(), 2)
        lower.addWidget(self._notices_box(), 1)
        lower.addWidget(self._reports_box(), 1)
        layout.addLayout(lower, 1)
        self.refresh()

    # -- building ------------------------------------------------------------------

    def _identity_box(self) -> QGroupBox:
        # On PostgreSQL the peer is the database: one name and key for every workstation.
        shared = self.workspace.on_postgresql
        box = QGroupBox(self.tr("This database") if shared else self.tr("This laptop"), self)
        self.identity_box = box
        form = QFormLayout(box)
        self.name_label = QLabel(box)
        self.fingerprint_label = QLabel(box)
        self.digest_label = QLabel(box)
        self.last_label = QLabel(box)
        for label in (self.fingerprint_label, self.digest_label):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        name_row = QHBoxLayout()
        name_row.addWidget(self.name_label, 1)
        self.rename_button = QPushButton(self.tr("Rename…"), box)
        self.rename_button.clicked.connect(self._ask_rename)
        name_row.addWidget(self.rename_button)
        form.addRow(self.tr("Name"), name_row)
        form.addRow(self.tr("Key fingerprint"), self.fingerprint_label)
        form.addRow(self.tr("Dataset digest"), self.digest_label)
        form.addRow(self.tr("Last exchange"), self.last_label)
        return box

    def _actions_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Exchange"), self)
        row = QHBoxLayout(box)
        self.folder_button = QPushButton(self.tr("Exchange through a folder…"), box)
        self.export_button = QPushButton(self.tr("Export to a folder…"), box)
        self.locked_button = QPushButton(self.tr("Export locked with a passphrase…"), box)
        self.import_button = QPushButton(self.tr("Import a package…"), box)
        self.folder_button.clicked.connect(self._choose_exchange_folder)
        self.export_button.clicked.connect(self._choose_export_folder)
        self.locked_button.clicked.connect(self._choose_locked_export)
        self.import_button.clicked.connect(self._choose_import_file)
        buttons = (self.folder_button, self.export_button, self.locked_button, self.import_button)
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        return box

    def _conflicts_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Needs review"), self)
        layout = QVBoxLayout(box)
        self.conflict_table = QTableWidget(0, _CONFLICT_COLUMNS, box)
        self.conflict_table.setHorizontalHeaderLabels(
            [
                self.tr("Record"),
                self.tr("Title"),
                self.tr("Field"),
                self.tr("Current value"),
                self.tr("Other value"),
            ]
        )
        self.conflict_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.conflict_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.conflict_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.conflict_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.conflict_table)
        buttons = QHBoxLayout()
        self.keep_current_button = QPushButton(self.tr("Keep the current value"), box)
        self.keep_other_button = QPushButton(self.tr("Use the other value"), box)
        self.keep_current_button.clicked.connect(lambda: self.resolve_selected("current"))
        self.keep_other_button.clicked.connect(lambda: self.resolve_selected("other"))
        buttons.addStretch(1)
        buttons.addWidget(self.keep_current_button)
        buttons.addWidget(self.keep_other_button)
        layout.addLayout(buttons)
        self.conflict_table.itemSelectionChanged.connect(self._update_buttons)
        return box

    def _trusted_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Trusted laptops"), self)
        layout = QVBoxLayout(box)
        self.trusted_table = QTableWidget(0, 3, box)
        self.trusted_table.setAccessibleName(self.tr("Trusted laptops"))
        self.trusted_table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Key fingerprint"), self.tr("Status")]
        )
        self.trusted_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.trusted_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.trusted_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.trusted_table.verticalHeader().setVisible(False)
        self.trusted_table.setWordWrap(False)
        header = self.trusted_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.trusted_table.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.trusted_table)
        self.untrust_button = QPushButton(self.tr("Withdraw trust…"), box)
        self.untrust_button.clicked.connect(self._untrust_selected)
        layout.addWidget(self.untrust_button)
        self._trusted: list[dict[str, Any]] = []
        return box

    def _notices_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Missing packages and warnings"), self)
        layout = QVBoxLayout(box)
        self.notices = QListWidget(box)
        layout.addWidget(self.notices)
        return box

    def _reports_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Import reports"), self)
        layout = QVBoxLayout(box)
        self.reports = QListWidget(box)
        self.reports.itemActivated.connect(
            lambda item: self.show_report(str(item.data(Qt.ItemDataRole.UserRole)))
        )
        layout.addWidget(self.reports)
        self.undo_button = QPushButton(self.tr("Undo this package…"), box)
        self.undo_button.setToolTip(self.tr("Bring back what this package moved to the Trash"))
        self.undo_button.clicked.connect(self._undo_selected)
        self.reports.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.undo_button)
        return box

    # -- showing -------------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read identity, digest, conflicts, gaps and reports (in the background)."""
        lang = self.lang

        def job(progress: Progress) -> dict[str, Any]:
            info = peers.sync_status(self.workspace, lang)
            info["conflicts"] = conflicts.list_conflicts(lang=lang)
            info["reports"] = report.kept(self.workspace.data_dir)
            info["trusted"] = revocation.trusted_keys(self.workspace.data_dir)
            return info

        task_runner(self).run(
            job,
            title=self.tr("Synchronisation"),
            label=self.tr("Reading the sync status…"),
            on_done=self._show,
            cancellable=False,
        )

    def _show(self, info: dict[str, Any]) -> None:
        device = info["device"]
        self.name_label.setText(device["name"])
        self.fingerprint_label.setText(device["fingerprint"])
        self.digest_label.setText(info["digest"])
        self.last_label.setText(info["last_exchange"] or never())
        self._conflicts = info["conflicts"]
        table = self.conflict_table
        table.setRowCount(len(self._conflicts))
        for row, found in enumerate(self._conflicts):
            cells = (
                found["record_type"],
                found["title"],
                found["label"],
                self._value_text(found["current"]),
                self._value_text(found["other"]),
            )
            for column, text in enumerate(cells):
                table.setItem(row, column, QTableWidgetItem(str(text)))
        self._show_trusted(info["trusted"])
        self.notices.clear()
        self.notices.addItems([g["message"] for g in info["gaps"]] + list(info["warnings"]))
        self.reports.clear()
        for kept in info["reports"]:
            self.reports.addItem(kept.label())
            item = self.reports.item(self.reports.count() - 1)
            item.setData(Qt.ItemDataRole.UserRole, kept.name)
            item.setToolTip(kept.label())  # the narrow list cuts the officer's name off
        self._update_buttons()

    def _show_trusted(self, trusted: list[dict[str, Any]]) -> None:
        self._trusted = trusted
        roles = {
            "hub": self.tr("hub"),
            "province": self.tr("province"),
            "ministry": self.tr("ministry"),
        }
        self.trusted_table.setRowCount(len(trusted))
        for row, found in enumerate(trusted):
            status = self.tr("withdrawn") if found["revoked"] else roles[str(found["role"])]
            cells = (found["name"] or found["device_id"] or "?", found["fingerprint"], status)
            for column, text in enumerate(cells):
                self.trusted_table.setItem(row, column, QTableWidgetItem(str(text)))

    def _value_text(self, value: Any) -> str:
        if value is None:
            return self.tr("(empty)")
        if isinstance(value, bool):
            return self.tr("yes") if value else self.tr("no")
        return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)

    def _update_buttons(self) -> None:
        selected = bool(self.conflict_table.selectionModel().selectedRows())
        self.keep_current_button.setEnabled(selected)
        self.keep_other_button.setEnabled(selected)
        self.undo_button.setEnabled(bool(self.reports.selectedItems()))
        rows = self.trusted_table.selectionModel().selectedRows()
        self.untrust_button.setEnabled(bool(rows) and not self._trusted[rows[0].row()]["revoked"])

    def show_report(self, name: str) -> None:
        """Show the kept report ``name`` (a file here or, on a shared database, a row)."""
        saved = self._load_report(name)
        if saved is None:
            return
        ReportDialog(self.tr("Import report"), saved.text(self.lang), self).exec()

    def _load_report(self, name: str) -> report.ImportReport | None:
        try:
            return report.load_named(self.workspace.data_dir, name)
        except report.UnknownReport as exc:  # a file removed since the list was read
            self._error(exc)
            return None

    def _rename_title(self) -> str:
        if self.workspace.on_postgresql:
            return self.tr("Rename this database")
        return self.tr("Rename this laptop")

    def _ask_rename(self) -> None:
        if self.workspace.on_postgresql:
            hint = self.tr(
                "The name other laptops see, the same for every workstation of this database "
                "(for example Kementerian PANRB):"
            )
        else:
            hint = self.tr("The name other laptops see (for example Laptop Simpul Banten 1):")
        text, ok = QInputDialog.getText(
            self,
            self._rename_title(),
            hint,
            QLineEdit.EchoMode.Normal,
            self.workspace.device_name,
        )
        if ok:
            self.rename(text)

    def rename(self, name: str) -> None:
        name = name.strip()
        if not name or len(name) > 80:
            QMessageBox.warning(
                self, self._rename_title(), self.tr("The name must be 1 to 80 characters.")
            )
            return
        self.workspace.rename_device(name)
        self.name_label.setText(name)

    # -- conflicts -----------------------------------------------------------------

    def resolve_selected(self, keep: str) -> None:
        rows = self.conflict_table.selectionModel().selectedRows()
        if not rows:
            return
        conflict_id = self._conflicts[rows[0].row()]["id"]

        def job(progress: Progress) -> bool:
            return conflicts.resolve(self.workspace, conflict_id, keep)

        task_runner(self).run(
            job,
            title=self.tr("Needs review"),
            label=self.tr("Saving the choice…"),
            on_done=lambda _changed: self._changed(),
            cancellable=False,
        )

    def _changed(self) -> None:
        self.data_changed.emit()
        self.refresh()

    # -- trust -----------------------------------------------------------------------

    def confirm_untrust(self, name: str, fingerprint: str) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Withdraw trust"),
            self.tr(
                "Refuse every later package signed by {0} (fingerprint {1})?\n\n"
                "What was already imported from it stays. The withdrawal travels with this "
                "laptop's packages; laptops that trust this one as a province or ministry "
                "laptop will refuse that key too. Use this for a lost or stolen laptop."
            ).format(name, fingerprint),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes

    def _untrust_selected(self) -> None:
        rows = self.trusted_table.selectionModel().selectedRows()
        if not rows:
            return
        chosen = self._trusted[rows[0].row()]
        fingerprint = str(chosen["fingerprint"])
        if not self.confirm_untrust(str(chosen["name"] or fingerprint), fingerprint):
            return
        ws = self.workspace

        def job(progress: Progress) -> None:
            key = identity.load_or_create(ws.data_dir)
            revocation.untrust(key, ws.device_id, ws.device_name, fingerprint)

        task_runner(self).run(
            job,
            title=self.tr("Withdraw trust"),
            label=self.tr("Saving…"),
            on_done=lambda _none: self.refresh(),
            cancellable=False,
        )

    # -- exporting -----------------------------------------------------------------

    def choose_folder(self, title: str) -> Path | None:
        chosen = QFileDialog.getExistingDirectory(self, title)
        return Path(chosen) if chosen else None

    def _choose_export_folder(self) -> None:
        target = self.choose_folder(self.tr("Export to which folder?"))
        if target is not None:
            self.export_to(target)

    def ask_new_passphrase(self) -> str | None:
        dialog = NewPassphraseDialog(
            self.tr("Lock the package"),
            self.tr(
                "The package will be locked with this passphrase. Write it down or read it to "
                "the receiver by phone: it is not kept anywhere, and without it the package "
                "cannot be opened. You may type another one (at least 10 characters)."
            ),
            self,
        )
        return dialog.passphrase() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def _choose_locked_export(self) -> None:
        secret = self.ask_new_passphrase()
        if secret is None:
            return
        target = self.choose_folder(self.tr("Export to which folder?"))
        if target is not None:
            self.export_to(target, passphrase=secret)

    def export_to(self, target_folder: Path, *, passphrase: str | None = None) -> None:
        """Write a full package for anyone into ``target_folder``, locked if ``passphrase``."""
        path = target_folder / folder.outgoing_name(self.workspace)

        def job(progress: Progress) -> exporter.ExportResult:
            return exporter.export(
                self.workspace, path, full=True, passphrase=passphrase, progress=progress
            )

        task_runner(self).run(
            job,
            title=self.tr("Export"),
            label=self.tr("Writing the package…"),
            on_done=self._exported,
        )

    def _exported(self, result: exporter.ExportResult) -> None:
        written = self.tr("Package {0} was written to {1}.").format(result.seq, str(result.path))
        if result.clock_repair is not None:
            # The officer must learn that the clock was wrong, not only that all went well.
            QMessageBox.warning(
                self, self.tr("Export"), result.clock_repair.message(self.lang) + "\n\n" + written
            )
        else:
            QMessageBox.information(self, self.tr("Export"), written)
        self.refresh()

    def _choose_exchange_folder(self) -> None:
        shared = self.choose_folder(self.tr("Exchange through which folder?"))
        if shared is not None:
            self.exchange(shared)

    def exchange(self, shared: Path) -> None:
        """The one button: write our package into ``shared``, import the others there.

        Unknown senders are asked about first, one question each, before any import.
        """

        def scan(progress: Progress) -> list[folder.Sender]:
            return folder.untrusted_senders(self.workspace, shared)

        task_runner(self).run(
            scan,
            title=self.tr("Exchange through a folder"),
            label=self.tr("Writing and reading packages…"),
            on_done=lambda senders: self._exchange_trusting(shared, senders),
        )

    def _exchange_trusting(self, shared: Path, senders: list[folder.Sender]) -> None:
        chosen = [s for s in senders if self.ask_trust(s.name, s.device_id, s.fingerprint)]

        def job(progress: Progress) -> folder.FolderResult:
            for sender in chosen:
                identity.trust(sender.fingerprint, sender.name, sender.device_id)
            # A package that would move many records to the trash is never taken in
            # passing: it is held and named, to be imported (and asked about) alone.
            return folder.exchange(
                self.workspace, shared, progress=progress, hold_mass_deletions=True
            )

        task_runner(self).run(
            job,
            title=self.tr("Exchange through a folder"),
            label=self.tr("Writing and reading packages…"),
            on_done=self._exchanged,
        )

    def _exchanged(self, result: folder.FolderResult) -> None:
        lines = [o.message(self.lang) for o in result.outcomes] or [
            self.tr("No packages from other laptops in this folder yet.")
        ]
        ReportDialog(self.tr("Exchange through a folder"), "\n".join(lines), self).exec()
        self._changed()

    # -- importing -----------------------------------------------------------------

    def _choose_import_file(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import which package?"), "", self.tr("JIPP packages (*.jipp)")
        )
        if chosen:
            self.import_file(Path(chosen))

    def ask_trust(self, name: str, device_id: str, fingerprint: str) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Unknown sender"),
            self.tr(
                "This package comes from a laptop not trusted yet:\n\n{0}\n{1}\n"
                "Fingerprint: {2}\n\nCompare the fingerprint with the sender (by phone or in "
                "person). Trust this sender?"
            ).format(name, device_id, fingerprint),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes

    def ask_passphrase(self) -> str | None:
        text, ok = QInputDialog.getText(
            self,
            self.tr("Locked package"),
            self.tr("Passphrase of this package:"),
            QLineEdit.EchoMode.Password,
        )
        return text if ok and text else None

    def confirm_import(self, preview: report.ImportReport) -> bool:
        dialog = ReportDialog(
            self.tr("Import preview"),
            preview.text(self.lang),
            self,
            question=self.tr("Nothing has changed yet. Import these changes?"),
        )
        return dialog.exec() == QDialog.DialogCode.Accepted

    def import_file(
        self, path: Path, *, passphrase: str | None = None, trust: bool = False
    ) -> None:
        """Dry run first; ask what must be asked; then the real import."""

        def job(progress: Progress) -> report.ImportReport:
            return importer.import_package(
                self.workspace,
                path,
                passphrase=passphrase,
                trust=trust,
                dry_run=True,
                progress=progress,
            )

        def retry_after(exc: BaseException) -> None:
            if isinstance(exc, UntrustedSender):
                if self.ask_trust(exc.sender_name, exc.device_id, exc.fingerprint):
                    self.import_file(path, passphrase=passphrase, trust=True)
                return
            if isinstance(exc, BadPassphrase):
                again = self.ask_passphrase()
                if again is not None:
                    self.import_file(path, passphrase=again, trust=trust)
                return
            self._error(exc)

        task_runner(self).run(
            job,
            title=self.tr("Import"),
            label=self.tr("Checking the package…"),
            on_done=lambda preview: self._previewed(path, preview, passphrase, trust),
            on_error=retry_after,
        )

    def confirm_mass_deletion(self, preview: report.ImportReport) -> bool:
        """Asked on top of the preview: a package that empties the trash-can of another
        laptop's work must not go through on a habitual Enter (No is the default)."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Many deletions"),
            (preview.deletion_text(self.lang) or "")
            + "\n\n"
            + self.tr(
                'Records in the Trash can be brought back later with "Undo this package". '
                "Import this package and move them to the Trash?"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes

    def _previewed(
        self, path: Path, preview: report.ImportReport, passphrase: str | None, trust: bool
    ) -> None:
        if preview.nothing_new:
            QMessageBox.information(self, self.tr("Import"), preview.headline(self.lang))
            return
        if not self.confirm_import(preview):
            return
        if preview.mass_deletion and not self.confirm_mass_deletion(preview):
            return

        def job(progress: Progress) -> report.ImportReport:
            return importer.import_package(
                self.workspace, path, passphrase=passphrase, trust=trust, progress=progress
            )

        task_runner(self).run(
            job,
            title=self.tr("Import"),
            label=self.tr("Importing the package…"),
            on_done=self._imported,
            on_error=self._error,
        )

    def _imported(self, done: report.ImportReport) -> None:
        ReportDialog(self.tr("Import report"), done.text(self.lang), self).exec()
        self._changed()

    def confirm_undo(self, saved: report.ImportReport) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Undo this package"),
            self.tr(
                "Bring back everything package {0} from {1} moved to the Trash that is still "
                "there? Each record comes back as a new change that travels to the other "
                "laptops."
            ).format(saved.seq, saved.sender_name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        return box.exec() == QMessageBox.StandardButton.Yes

    def _undo_selected(self) -> None:
        items = self.reports.selectedItems()
        if not items:
            return
        saved = self._load_report(str(items[0].data(Qt.ItemDataRole.UserRole)))
        if saved is None or not self.confirm_undo(saved):
            return

        def job(progress: Progress) -> undo.UndoResult:
            return undo.undo(self.workspace, saved.package_id)

        task_runner(self).run(
            job,
            title=self.tr("Undo this package"),
            label=self.tr("Bringing records back…"),
            on_done=self._undone,
            on_error=self._error,
            cancellable=False,
        )

    def _undone(self, result: undo.UndoResult) -> None:
        QMessageBox.information(self, self.tr("Undo this package"), result.message(self.lang))
        self._changed()

    def _error(self, exc: BaseException) -> None:
        from jipp_desktop.gui.errors import show_error

        show_error(self, exc)
