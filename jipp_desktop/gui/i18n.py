"""Language of the interface: Qt translators for our strings and Qt's own dialogs.

Our source strings are English; ``resources/translations/jipp_id.qm`` turns them into
Indonesian.  Field labels, vocabulary labels and core error messages already come
from the core in both languages, so the GUI only picks the pair element here.
Qt ships no Indonesian ``qtbase`` catalogue, so a small one for the standard dialog
buttons and the text-field menus lives beside ours and is used when Qt has none.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from jipp_desktop.paths import resource

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"

_state: dict[str, object] = {"lang": DEFAULT_LANGUAGE, "translators": []}


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for pyside6-lupdate (which looks for this name) without translating
    it yet; ``QCoreApplication.translate(context, text)`` shows it later.  Qt's own
    function is untyped in the stubs; this one keeps mypy informed."""
    del context
    return text


def current_language() -> str:
    return str(_state["lang"])


def pick(pair: tuple[str, str]) -> str:
    """The element of a core (Indonesian, English) pair for the current language."""
    return pair[0] if current_language() == "id" else pair[1]


def translations_dir() -> str:
    return str(resource("translations"))


def install(lang: str) -> None:
    """Switch every translator of the application to ``lang`` ("id" or "en")."""
    if lang not in LANGUAGES:
        lang = DEFAULT_LANGUAGE
    app = QCoreApplication.instance()
    assert app is not None
    old: list[QTranslator] = _state["translators"]  # type: ignore[assignment]
    for translator in old:
        app.removeTranslator(translator)
    new: list[QTranslator] = []
    ours = QTranslator(app)
    if ours.load(f"jipp_{lang}", translations_dir()):
        new.append(ours)
    qt_own = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_own.load(f"qtbase_{lang}", qt_dir) or qt_own.load(f"qtbase_{lang}", translations_dir()):
        new.append(qt_own)
    for translator in new:
        app.installTranslator(translator)
    _state["translators"] = new
    _state["lang"] = lang
    QLocale.setDefault(
        QLocale(
            QLocale.Language.Indonesian if lang == "id" else QLocale.Language.English,
            QLocale.Country.Indonesia,
        )
    )
