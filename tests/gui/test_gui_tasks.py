"""The shared task runner: results, cancellation and errors come back on the GUI thread."""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtWidgets import QWidget

from jipp_desktop.core.services import Cancelled
from jipp_desktop.gui.tasks import TaskRunner, task_runner


def test_result_arrives_on_the_gui_thread(qtbot: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    runner = TaskRunner(parent, delay_ms=0)
    seen: list[Any] = []

    def job(progress: Any) -> int:
        for i in range(3):
            assert progress(i, 3)
        return threading.get_ident()

    with qtbot.waitSignal(runner.finished) as blocker:
        runner.run(
            job, title="t", label="l", on_done=lambda r: seen.append((r, threading.get_ident()))
        )
    worker_id, gui_id = seen[0]
    assert worker_id != gui_id == threading.get_ident()
    assert blocker.args[1] == worker_id
    assert not runner.busy
    runner.shutdown()


def test_cancel_stops_the_job(qtbot: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    runner = TaskRunner(parent, delay_ms=0)
    started = threading.Event()

    def job(progress: Any) -> None:
        started.set()
        while progress(1, 10):
            pass
        raise Cancelled()

    cancelled: list[bool] = []
    with qtbot.waitSignal(runner.cancelled):
        runner.run(job, title="t", label="l", on_cancel=lambda: cancelled.append(True))
        started.wait(5)
        runner.cancel_all()
    assert cancelled == [True]
    runner.shutdown()


def test_errors_reach_on_error(qtbot: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    runner = task_runner(parent)
    assert task_runner(parent) is runner

    def job(_progress: Any) -> None:
        raise ValueError("bad input")

    failures: list[BaseException] = []
    with qtbot.waitSignal(runner.failed):
        runner.run(job, title="t", label="l", on_error=failures.append)
    assert isinstance(failures[0], ValueError)
    runner.shutdown()
