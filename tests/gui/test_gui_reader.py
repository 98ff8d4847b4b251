"""The reader thread: answers on the GUI thread, newer reads on a topic replace older ones."""

from __future__ import annotations

import threading
from typing import Any

from jipp_desktop.gui.reader import Reader


def test_a_newer_read_on_the_same_topic_replaces_a_queued_one(qtbot: Any) -> None:
    reader = Reader()
    gate = threading.Event()
    answers: list[str] = []
    reader.read(lambda: gate.wait(5) and "first", answers.append)
    reader.read(lambda: "stale search", answers.append, topic="search")
    reader.read(lambda: "newest search", answers.append, topic="search")
    gate.set()
    qtbot.waitUntil(lambda: reader.pending == 0)
    assert answers == ["first", "newest search"]
    reader.release()


def test_errors_are_shown_not_raised(qtbot: Any, monkeypatch: Any) -> None:
    from jipp_desktop.gui import errors

    shown: list[BaseException] = []
    monkeypatch.setattr(errors, "show_error", lambda parent, exc: shown.append(exc))
    reader = Reader()
    reader.read(lambda: 1 / 0, lambda _r: None)
    qtbot.waitUntil(lambda: reader.pending == 0)
    assert isinstance(shown[0], ZeroDivisionError)
    reader.release()
