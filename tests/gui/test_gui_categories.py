"""The innovation form's category picker: the list of the innovation's year, found by
typing, and "Lainnya" with the officer's own words."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from jipp_desktop.core.models import Innovation
from jipp_desktop.core.workspace import Workspace
from jipp_desktop.gui import i18n
from jipp_desktop.gui.display import Display
from jipp_desktop.gui.editors.inputs import CategoryInput, TextInput
from jipp_desktop.gui.editors.record_editor import RecordEditor
from jipp_desktop.gui.main_window import MainWindow
from tests.gui.keyboard import Keyboard


def _picker(editor: RecordEditor) -> CategoryInput:
    category = editor.input("category")
    assert isinstance(category, CategoryInput)
    return category


def _offered(category: CategoryInput) -> list[str]:
    combo = category.combo
    return [combo.itemText(i) for i in range(combo.count()) if combo.itemData(i) is not None]


def _type_year(editor: RecordEditor, year: str) -> None:
    field = editor.input("year_started")
    assert isinstance(field, TextInput)
    field.edit.clear()
    field.edit.setFocus()
    Keyboard().type(year, editor)


def test_the_picker_offers_the_years_list_and_filters_as_you_type(
    qtbot: Any, window: MainWindow
) -> None:
    editor = window.open_editor("innovation", None)
    category = _picker(editor)
    _type_year(editor, "2023")  # the 2022 list holds until the next one
    assert _offered(category) == [
        "Pelayanan Publik yang Inklusif dan Berkeadilan",
        "Efektivitas Institusi Publik untuk Mencapai TPB/SDGs",
        "Ketahanan Institusi Publik di Masa Pandemi dan Antisipasi Pasca-Pandemi",
        "Lainnya (tulis sendiri)",
    ]
    keys = Keyboard()
    category.combo.setFocus()
    keys.type("inklus", editor)
    assert category.combo.shown_matches() == ["Pelayanan Publik yang Inklusif dan Berkeadilan"]
    keys.press(Qt.Key.Key_Return, target=editor)
    assert category.values() == {"category": "2022-inclusive_services"}

    _type_year(editor, "2025")
    offered = _offered(category)
    assert "Transformasi Digital Pelayanan Publik" in offered
    # The 2022 choice stays in sight (nothing is lost); saving would refuse it.
    assert len(offered) == 11 and offered[-1] == "Pelayanan Publik yang Inklusif dan Berkeadilan"
    category.combo.setFocus()
    keys.type("digital", editor)
    keys.press(Qt.Key.Key_Return, target=editor)
    assert category.values() == {"category": "2025-digital"}


def _new_innovation(window: MainWindow) -> RecordEditor:
    editor = window.open_editor("innovation", None)
    editor.input("title").set_values({"title": "Wisata Halal Digital"})
    editor.input("province_code").set_values({"province_code": "53"})
    return editor


def test_other_takes_the_officers_words_and_is_saved_behind_lainnya(
    qtbot: Any, window: MainWindow, workspace: Workspace
) -> None:
    editor = _new_innovation(window)
    category = _picker(editor)
    assert not category.other.isVisible()
    category.combo.setFocus()
    keys = Keyboard()
    keys.type("lainn", editor)
    keys.press(Qt.Key.Key_Return, target=editor)
    assert category.other.isVisible()
    qtbot.waitUntil(lambda: editor.focusWidget() is category.other)
    keys.type("Pariwisata", editor)
    assert editor.save()
    (record,) = workspace.records.list("innovation")
    assert record["category"] == "Lainnya: Pariwisata"

    # Opened again, the picker shows "Lainnya" and the words, ready to edit.
    again = window.open_editor("innovation", record["id"])
    shown = _picker(again)
    assert shown.combo.code() == "Lainnya" and shown.other.text() == "Pariwisata"
    assert shown.other.isVisible()


def test_an_empty_other_is_refused_under_the_field(qtbot: Any, window: MainWindow) -> None:
    editor = _new_innovation(window)
    category = _picker(editor)
    category.combo.set_code("Lainnya")
    assert not editor.save()
    assert editor.error_text("category") == 'Kategori: tulis kategorinya setelah "Lainnya:".'


def test_lists_show_the_label_in_the_officers_language(workspace: Workspace, qapp: Any) -> None:
    display = Display(workspace.regions, lambda: workspace.categories)
    field = Innovation.category
    try:
        i18n.install("en")
        assert display.value(field, "2021-education") == "Education"
        assert display.value(field, "Lainnya: Pariwisata") == "Other: Pariwisata"
        i18n.install("id")
        assert display.value(field, "2021-education") == "Pendidikan"
    finally:
        i18n.install("id")
