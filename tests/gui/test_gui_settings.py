"""First-run questions and settings, including switching the language."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings

from jipp_desktop.core.workspace import Workspace
from jipp_desktop.gui import i18n
from jipp_desktop.gui.app import Shell
from jipp_desktop.gui.settings_page import SettingsPage, SetupDialog


def test_first_run_setup_stores_the_officer(
    qtbot: Any, workspace: Workspace, indonesian: None
) -> None:
    dialog = SetupDialog(workspace)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Selamat datang di JIPP Desktop"
    qtbot.keyClicks(dialog.form.officer_name, "Maria Goreti")
    qtbot.keyClicks(dialog.form.officer_nip, "19860926201505200112345")
    assert dialog.form.officer_nip.text() == "198609262015052001"
    dialog.form.province.set_code("53")
    dialog.start_button.click()
    values = workspace.settings.all()
    assert values["officer_name"] == "Maria Goreti"
    assert values["province_code"] == "53"
    assert values["setup_done"] == "1"
    # The audit trail now names the officer.
    hub = workspace.records.create("hub", {"province_code": "53", "name": "Simpul"})
    assert workspace.records.history("hub", hub)[0]["actor"] == "Maria Goreti"


def test_enter_on_the_blank_first_run_form_explains_and_does_not_finish(
    qtbot: Any, workspace: Workspace, indonesian: None
) -> None:
    from PySide6.QtCore import Qt

    dialog = SetupDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.form.officer_name.setFocus()
    qtbot.keyClick(dialog.form.officer_name, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.result() == 0
    shown = dialog.form.problems.text()
    assert dialog.form.problems.isVisible()
    assert "Nama petugas wajib diisi." in shown
    assert "Provinsi simpul wajib dipilih." in shown
    assert dialog.focusWidget() is dialog.form.officer_name
    assert workspace.settings.get("setup_done") == ""
    # Half-filled: still refused, nothing stored, the message now names only the province.
    qtbot.keyClicks(dialog.form.officer_name, "Maria Goreti")
    qtbot.keyClick(dialog.form.officer_name, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.form.problems.text() == "Provinsi simpul wajib dipilih."
    assert dialog.focusWidget() is dialog.form.province
    assert workspace.settings.get("officer_name") == ""
    dialog.form.province.set_code("53")
    qtbot.keyClick(dialog.form.officer_name, Qt.Key.Key_Return)
    assert dialog.result() == 1
    assert workspace.settings.get("setup_done") == "1"


def test_switching_language_rebuilds_the_window(
    qtbot: Any, workspace: Workspace, gui_settings: QSettings, indonesian: None
) -> None:
    shell = Shell(workspace, gui_settings)
    qtbot.addWidget(shell.window)
    shell.window.show()
    page = shell.window.show_page("settings")
    assert isinstance(page, SettingsPage)
    qtbot.keyClicks(page.form.letterhead_unit, "Biro Organisasi")
    page.save_button.click()  # no officer yet: refused with the core's message
    assert shell.window.current_key() == "settings"
    assert "Nama petugas wajib diisi." in page.form.problems.text()
    assert workspace.settings.get("letterhead_unit") == ""
    qtbot.keyClicks(page.form.officer_name, "Maria Goreti")
    page.form.province.set_code("53")
    page.form.language.set_code("en")
    old = shell.window
    page.save_button.click()
    assert shell.window is not old
    qtbot.addWidget(shell.window)
    assert i18n.current_language() == "en"
    assert shell.window.nav.item(0).text() == "Home"
    assert shell.window.current_key() == "settings"
    assert workspace.settings.get("letterhead_unit") == "Biro Organisasi"
    shell.window.close()


def test_settings_show_this_laptops_key_fingerprint(qtbot: Any, workspace: Workspace) -> None:
    from PySide6.QtWidgets import QLabel

    from jipp_desktop.gui.settings_page import SettingsForm
    from jipp_desktop.sync import identity

    form = SettingsForm(workspace)
    qtbot.addWidget(form)
    shown = form.findChild(QLabel, "device_fingerprint")
    assert shown is not None
    assert shown.text() == identity.load_or_create(workspace.data_dir).fingerprint


def test_renaming_the_laptop_is_seen_by_the_next_package(workspace: Workspace) -> None:
    import pytest

    from jipp_desktop.core.errors import ValidationError

    workspace.rename_device("  Laptop Simpul Banten 1 ")
    assert workspace.device_name == "Laptop Simpul Banten 1"
    with pytest.raises(ValidationError):
        workspace.rename_device(" ")


def test_the_ministry_database_is_a_setting_of_this_workstation(
    qtbot: Any, workspace: Workspace, indonesian: None
) -> None:
    from jipp_desktop.core import engine

    page = SettingsPage(workspace)
    qtbot.addWidget(page)
    workspace.settings.update({"officer_name": "Maria Goreti", "province_code": "53"})
    page.refresh()
    assert page.form.database_url.text() == ""
    saved_file = workspace.data_dir / engine.SETTING_FILE
    for refused in ("mysql://root@db/jipp", "postgresql://petugas:rahasia@db.menpan.go.id/jipp"):
        page.form.database_url.setText(refused)
        page.save_button.click()
        assert "postgresql://PENGGUNA@HOST" in page.form.problems.text()
        assert "rahasia" not in page.form.problems.text()
        assert page.form.database_url.hasFocus() or not page.isVisible()
        assert not saved_file.exists()
    url = "postgresql://petugas@db.menpan.go.id:5432/jipp?sslmode=verify-full"
    page.form.database_url.setText(url)
    page.save_button.click()
    assert page.form.problems.isHidden()
    assert engine.resolve_url(None, workspace.data_dir) == url  # used from the next start
    page.form.database_url.clear()
    page.save_button.click()
    assert not saved_file.exists()
