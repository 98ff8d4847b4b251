"""Typing as a person does: key events go to a window, as the window system delivers
them, so they land wherever that window's focus is (or in an open popup list), and
shortcuts fire.  Each press is counted, a chord (Ctrl+S) as one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QWindow
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

_NAMED = {
    "\n": Qt.Key.Key_Return,
    "\t": Qt.Key.Key_Tab,
    " ": Qt.Key.Key_Space,
}


def _key_of(char: str) -> Qt.Key:
    if char in _NAMED:
        return _NAMED[char]
    if char.isalpha() and char.isascii():
        return Qt.Key(ord(char.upper()))
    return Qt.Key(ord(char))


class Keyboard:
    def __init__(self) -> None:
        self.presses = 0
        # Presses that type the content itself (letters, digits, spaces, punctuation),
        # as against moving between fields, picking and saving.
        self.characters = 0

    @staticmethod
    def _window(target: QWidget | None) -> QWindow:
        widget = target or QApplication.activeModalWidget() or QApplication.activeWindow()
        assert widget is not None, "no window to type into"
        handle = widget.window().windowHandle()
        assert handle is not None, "the window has not been created"
        return handle

    def type(self, text: str, target: QWidget | None = None) -> None:
        """Each character as one press (capitals with Shift held, still one press each)."""
        window = self._window(target)
        for char in text:
            modifier = (
                Qt.KeyboardModifier.ShiftModifier
                if char.isupper()
                else Qt.KeyboardModifier.NoModifier
            )
            key = _key_of(char)
            QTest.sendKeyEvent(QTest.KeyAction.Press, window, key, char, modifier)
            QTest.sendKeyEvent(QTest.KeyAction.Release, window, key, char, modifier)
            self.presses += 1
            self.characters += char not in "\t\n"

    def press(
        self,
        key: Qt.Key,
        modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
        target: QWidget | None = None,
        times: int = 1,
    ) -> None:
        window = self._window(target)
        for _ in range(times):
            QTest.keyClick(window, key, modifier)
            self.presses += 1
