"""Start the GUI: ``run_gui(data_dir, lang)`` is what ``jipp-desktop`` runs without a command.

``main`` is the bundle's windowed executable (packaging/jipp_desktop.spec): it also takes
a ``.jipp`` package, which the file manager passes when the officer double-clicks one,
and opens the import of that package once the main window is up.

It opens the data folder (refusing politely when another instance holds it, offering
the latest good backup when the database is damaged), asks the first-run questions,
then shows the main window.  Exit statuses follow the command line's (cli/exit_codes).
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QLineEdit, QMessageBox

from jipp_desktop.cli import exit_codes
from jipp_desktop.core import storage
from jipp_desktop.core.errors import (
    DatabaseDamaged,
    DatabaseMissing,
    DataFolderInUse,
    JippError,
    SchemaTooNew,
)
from jipp_desktop.core.faults import FolderReadOnly, StorageFault
from jipp_desktop.core.folder import resolve_data_dir
from jipp_desktop.core.logs import close_logging, setup_logging
from jipp_desktop.gui import errors, i18n
from jipp_desktop.gui.errors import install_excepthook
from jipp_desktop.gui.icons import icon
from jipp_desktop.gui.pyside_fix import protect_singletons
from jipp_desktop.gui.start_frame import StartFrame

# The models, the engines, the workspace and the main window's modules load after the
# start frame's first paint (docs/gui.md, "Start-up"); here only for type checking.
if TYPE_CHECKING:
    from jipp_desktop.core.workspace import Workspace
    from jipp_desktop.gui.main_window import MainWindow

log = logging.getLogger("jipp_desktop")

SETTINGS_FILE = "gui.ini"


def tell(text: str) -> None:
    """A blocking message before any window exists (tests replace it)."""
    QMessageBox.warning(None, QCoreApplication.translate("app", "JIPP Desktop"), text)


def ask_restore(error: DatabaseDamaged | DatabaseMissing) -> bool:
    """Offer the latest good backup for a damaged or missing database."""
    lang = i18n.current_language()
    if isinstance(error, DatabaseMissing):
        heading = QCoreApplication.translate(
            "app",
            "The database file is missing from a data folder that has held data. "
            "JIPP Desktop does not start from scratch over it.",
        )
        question = QCoreApplication.translate(
            "app",
            "Restore the newest backup (%1)? Files left in the folder are kept in the "
            "backups folder.",
        )
    else:
        heading = QCoreApplication.translate("app", "The database is damaged and cannot be opened.")
        question = QCoreApplication.translate(
            "app",
            "Restore the latest good backup (%1)? The damaged file is kept in the backups folder.",
        )
    text = heading + "\n\n" + error.message(lang)
    text += "\n\n" + question.replace("%1", str(error.latest_backup))
    answer = QMessageBox.question(
        None,
        QCoreApplication.translate("app", "JIPP Desktop"),
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def ask_folder_passphrase(data_dir: Path, wrong: bool) -> str | None:
    """The encrypted folder's passphrase, or None when the officer gives up."""
    dialog = QInputDialog()
    dialog.setWindowTitle(QCoreApplication.translate("app", "JIPP Desktop"))
    label = QCoreApplication.translate(
        "app", "The data folder %1 is encrypted. Passphrase:"
    ).replace("%1", str(data_dir))
    if wrong:
        label = QCoreApplication.translate("app", "Wrong passphrase.") + "\n\n" + label
    dialog.setLabelText(label)
    dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.textValue():
        return None
    return dialog.textValue()


def gui_settings(data_dir: Path) -> QSettings:
    """Window size, layout and list columns, kept with the data they describe."""
    return QSettings(str(data_dir / SETTINGS_FILE), QSettings.Format.IniFormat)


def restore_backup(error: DatabaseDamaged | DatabaseMissing, data_dir: Path) -> None:
    """Put the latest good backup in place; what was there moves aside, never deleted."""
    from jipp_desktop.core import backup

    assert error.latest_backup is not None
    saved = backup.restore(data_dir, error.latest_backup)
    log.warning("restored %s from %s; previous state in %s", data_dir, error.latest_backup, saved)


def open_or_explain(data_dir: Path) -> Workspace | int:
    """The open workspace, or the exit status after telling the officer why not (the
    messages show over the start frame)."""
    from jipp_desktop.core.cipher import PassphraseError
    from jipp_desktop.core.engine import BadDatabaseUrl
    from jipp_desktop.core.engine_postgresql import DatabaseUnreachable
    from jipp_desktop.core.workspace import open_workspace

    lang = i18n.current_language()
    secret: str | None = None
    try:
        while True:
            try:
                return open_workspace(data_dir, passphrase=secret)
            except PassphraseError:
                secret = ask_folder_passphrase(data_dir, wrong=secret is not None)
                if secret is None:
                    return exit_codes.BAD_PASSPHRASE
    except DataFolderInUse as exc:
        log.warning("%s", exc.message("en"))
        tell(exc.message(lang))
        return exit_codes.FOLDER_IN_USE
    except (DatabaseDamaged, DatabaseMissing) as exc:
        log.error("%s", exc.message("en"))
        if exc.latest_backup is None:
            tell(exc.message(lang))
            return exit_codes.DAMAGED_FILE
        if not ask_restore(exc):
            return exit_codes.DAMAGED_FILE
        restore_backup(exc, data_dir)
        try:
            return open_workspace(data_dir, passphrase=secret)
        except JippError as again:
            tell(again.message(lang))
            return exit_codes.DAMAGED_FILE
    except SchemaTooNew as exc:
        tell(exc.message(lang))
        return exit_codes.DAMAGED_FILE
    except (DatabaseUnreachable, BadDatabaseUrl) as exc:
        # The ministry's server (docs/cli.md, "PostgreSQL"): named, never its password.
        log.error("%s", exc.message("en"))
        tell(exc.message(lang))
        return int(exc.exit_status)
    except FolderReadOnly as exc:
        # Reading needs no write: the officer can still look things up and print.
        log.warning("%s", exc.message("en"))
        tell(exc.message(lang))
        try:
            return open_workspace(data_dir, readonly=True)
        except JippError as again:
            tell(again.message(lang))
            return exit_codes.STORAGE
    except StorageFault as exc:
        log.error("%s", exc.message("en"))
        tell(exc.message(lang))
        return exit_codes.STORAGE


class Shell:
    """Owns the main window; rebuilds it when the officer switches language."""

    def __init__(self, workspace: Workspace, settings: QSettings) -> None:
        self.workspace = workspace
        self.settings = settings
        self.window = self._make()

    def _make(self) -> MainWindow:
        from jipp_desktop.gui.main_window import MainWindow

        window = MainWindow(self.workspace, self.settings)
        # The start frame of the next start speaks this language before the folder opens.
        self.settings.setValue("window/language", i18n.current_language())
        window.languageChanged.connect(self.switch_language)
        # Lists follow changes made elsewhere (other workstations, sync on another
        # connection); started here so windows built by tests stay still.
        window.watch_changes()
        return window

    def switch_language(self, lang: str) -> None:
        old = self.window
        # Open editors go first (each may ask about unsaved changes); if the officer
        # keeps one open, the switch waits for the next start.
        for editor in list(old.editors):
            if not editor.close():
                return
        old.save_layout()
        i18n.install(lang)
        self.window = self._make()
        self.window.show_page("settings")
        self.window.show()
        old.close()
        old.deleteLater()


def open_package(window: MainWindow, package: Path) -> None:
    """The Sync page's import of ``package``: dry run, the questions, the preview."""
    from jipp_desktop.gui.sync_page import SyncPage

    page = window.show_page("sync")
    if isinstance(page, SyncPage):
        page.import_file(package)


def close_after_smoke_test(window: MainWindow) -> None:
    """``--smoke-test``: the window came up, so the start works; close it (exit 0)."""
    if not window.isVisible():
        QCoreApplication.exit(exit_codes.FAILURE)
        return
    log.info("smoke test: main window shown, closing")
    window.close()


def run_gui(
    data_dir: Path,
    lang: str | None,
    *,
    package: Path | None = None,
    smoke_test: bool = False,
    database: str | None = None,
) -> int:
    """Show the start frame at once, open the data folder after its first paint (the
    same questions and messages as ever, over the frame), then the main window."""
    protect_singletons()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("JIPP Desktop")
    app.setOrganizationName("JIPP")
    app.setWindowIcon(icon("app"))
    storage.keep_private()
    data_dir.mkdir(parents=True, exist_ok=True)
    errors.data_folder = data_dir
    install_excepthook()
    settings = gui_settings(data_dir)
    remembered = settings.value("window/language")
    i18n.install(lang or (remembered if remembered in ("id", "en") else i18n.DEFAULT_LANGUAGE))
    frame = StartFrame(settings)
    start = _Start(app, frame, data_dir, lang, database)
    start.package, start.smoke_test = package, smoke_test
    frame.show()
    frame.after_first_paint(start.open)
    try:
        status = int(app.exec())
        if start.failure is not None:
            raise start.failure
        return start.status if start.status is not None else status
    finally:
        start.close()
        close_logging()


class _Start:
    """Opens the folder once the frame is drawn; holds what ``run_gui`` returns."""

    def __init__(
        self,
        app: QApplication,
        frame: StartFrame,
        data_dir: Path,
        lang: str | None,
        database: str | None,
    ) -> None:
        self.app, self.frame, self.data_dir = app, frame, data_dir
        self.lang, self.database = lang, database
        self.package: Path | None = None
        self.smoke_test = False
        self.workspace: Workspace | None = None
        self.shell: Shell | None = None
        self.status: int | None = None
        self.failure: BaseException | None = None
        # Questions asked over the frame must not end the app when they close.
        self.quit_on_close = app.quitOnLastWindowClosed()
        app.setQuitOnLastWindowClosed(False)

    def open(self) -> None:
        # The log file opens here, not before the frame (logging.handlers loads socket).
        with contextlib.suppress(OSError):  # a read-only folder keeps no log
            setup_logging(self.data_dir)
        try:
            self.status = self._open()
        except BaseException as exc:  # raised again by run_gui, as before the event loop
            self.failure = exc
            self.status = exit_codes.FAILURE
        self.app.setQuitOnLastWindowClosed(self.quit_on_close)
        if self.status is not None:
            self.frame.close()
            self.app.exit(self.status)

    def _open(self) -> int | None:
        """None once the main window is up, else the exit status."""
        from jipp_desktop.core import engine

        engine.choose(self.database)
        opened = open_or_explain(self.data_dir)
        if isinstance(opened, int):
            return opened
        self.workspace = workspace = opened
        lang = self.lang
        i18n.install(lang or workspace.settings.get("language") or i18n.DEFAULT_LANGUAGE)
        if not workspace.settings.get("setup_done"):
            from jipp_desktop.gui.settings_page import SetupDialog

            if SetupDialog(workspace).exec() != QDialog.DialogCode.Accepted:
                return exit_codes.OK
            i18n.install(lang or workspace.settings.get("language"))
        self.shell = shell = Shell(workspace, gui_settings(self.data_dir))
        shell.window.show()
        self.frame.close()
        log.info("GUI started on %s", self.data_dir)
        # Both wait for the event loop, so the window is drawn before anything else.
        package = self.package
        if package is not None:
            QTimer.singleShot(0, lambda: open_package(shell.window, package))
        if self.smoke_test:
            QTimer.singleShot(0, lambda: close_after_smoke_test(shell.window))
        return None

    def close(self) -> None:
        self.app.setQuitOnLastWindowClosed(self.quit_on_close)
        self.frame.close()
        self.frame.deleteLater()
        if self.workspace is not None:
            from jipp_desktop.gui.reader import shared_reader

            shared_reader().release()
            self.workspace.close()
        if "jipp_desktop.core.engine" in sys.modules:
            sys.modules["jipp_desktop.core.engine"].choose(None)


def main(argv: Sequence[str] | None = None) -> int:
    """``jipp-desktop [--data-dir DIR] [--lang id|en] [--smoke-test] [PACKAGE.jipp]``."""
    parser = argparse.ArgumentParser(
        prog="jipp-desktop", description="JIPP Desktop: offline records for innovation hubs."
    )
    parser.add_argument("--data-dir", type=Path, default=None, help="data folder")
    parser.add_argument("--lang", choices=("id", "en"), default=None, help="language of the app")
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="close again once the main window is shown (exit 0): checks an installed bundle",
    )
    parser.add_argument("package", nargs="?", type=Path, help="a .jipp package to import")
    args = parser.parse_args(argv)
    return run_gui(
        resolve_data_dir(args.data_dir),
        args.lang,
        package=args.package,
        smoke_test=args.smoke_test,
    )
