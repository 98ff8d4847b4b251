"""Run long work off the GUI thread, one job at a time, with a delayed progress dialog.

API (for every page: demo data, imports, exports, reports, sync)::

    from jipp_desktop.gui.tasks import TaskRunner, task_runner

    runner = task_runner(widget)        # the window's shared runner (one worker thread)
    runner.run(
        job,                            # job(progress) -> result, runs on the worker thread
        title=self.tr("Export"),        # dialog title
        label=self.tr("Exporting…"),    # dialog text
        on_done=lambda result: ...,     # GUI thread, with job's return value
        on_error=lambda exc: ...,       # GUI thread; default: a message box + the log file
        on_cancel=lambda: ...,          # GUI thread, after services.Cancelled
        cancellable=True,
    )

``progress(done, total) -> bool`` is the core's progress protocol
(``services.Progress``): call it from the job as often as you like; it returns False once
the officer pressed Cancel, and the job should then stop (the core raises
``services.Cancelled``, which rolls its transaction back).  The job must never touch
widgets: hand results back through ``on_done``.

Why one worker: SQLite has one writer at a time, so database jobs are serialised
(as Anki's task manager does).  The job's peewee connection is opened on the worker
thread and closed after every job.  The dialog appears only after ``delay_ms``
(600 ms by default) so quick jobs do not flash, and it is window-modal, so the
officer cannot start a conflicting write from a form while a long write runs.
``TaskRunner.finished`` / ``failed`` / ``cancelled`` signals are also emitted for
tests (``qtbot.waitSignal(runner.finished)``).
"""

from __future__ import annotations

import itertools
import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from jipp_desktop.core import models
from jipp_desktop.core.services import Cancelled

log = logging.getLogger(__name__)

Progress = Callable[[int, int], bool]
Job = Callable[[Progress], Any]

DEFAULT_DELAY_MS = 600


@dataclass
class _Running:
    key: int
    title: str
    label: str
    cancellable: bool
    on_done: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None] | None
    on_cancel: Callable[[], None] | None
    cancel: threading.Event = field(default_factory=threading.Event)
    dialog: QProgressDialog | None = None
    timer: QTimer | None = None
    last: tuple[int, int] = (0, 0)


class TaskRunner(QObject):
    """A single background worker with progress dialogs parented to ``parent``."""

    # Emitted on the GUI thread; arguments are the task key and the result/exception.
    finished = Signal(int, object)
    failed = Signal(int, object)
    cancelled = Signal(int)
    # Internal: worker -> GUI thread (queued because the emitter lives on another thread).
    _progressed = Signal(int, int, int)
    _ended = Signal(int, str, object)

    def __init__(self, parent: QWidget | None = None, delay_ms: int = DEFAULT_DELAY_MS) -> None:
        super().__init__(parent)
        self._window = parent
        self._delay_ms = delay_ms
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="jipp-task")
        self._keys = itertools.count(1)
        self._running: dict[int, _Running] = {}
        self._progressed.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self._ended.connect(self._on_end, Qt.ConnectionType.QueuedConnection)

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def run(
        self,
        job: Job,
        *,
        title: str,
        label: str,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_cancel: Callable[[], None] | None = None,
        cancellable: bool = True,
    ) -> int:
        """Queue ``job``; returns its key (used in the signals)."""
        task = _Running(next(self._keys), title, label, cancellable, on_done, on_error, on_cancel)
        self._running[task.key] = task
        task.timer = QTimer(self)
        task.timer.setSingleShot(True)
        task.timer.timeout.connect(lambda k=task.key: self._show_dialog(k))
        task.timer.start(self._delay_ms)
        self._executor.submit(self._work, task, job)
        return task.key

    def cancel_all(self) -> None:
        for task in self._running.values():
            task.cancel.set()

    def shutdown(self) -> None:
        """Ask running jobs to stop and wait for the worker (on window close)."""
        self.cancel_all()
        self._executor.shutdown(wait=True)

    # -- worker thread ----------------------------------------------------------------

    def _work(self, task: _Running, job: Job) -> None:
        def progress(done: int, total: int) -> bool:
            self._progressed.emit(task.key, done, total)
            return not task.cancel.is_set()

        try:
            result = job(progress)
        except Cancelled:
            self._ended.emit(task.key, "cancelled", None)
        except BaseException as exc:
            self._ended.emit(task.key, "failed", exc)
        else:
            if task.cancel.is_set():
                self._ended.emit(task.key, "cancelled", None)
            else:
                self._ended.emit(task.key, "done", result)
        finally:
            # peewee connections are per thread; do not leave one open on the worker.
            if not models.database.is_closed():
                models.database.close()

    # -- GUI thread -------------------------------------------------------------------

    def _show_dialog(self, key: int) -> None:
        task = self._running.get(key)
        if task is None or task.dialog is not None:
            return
        dialog = QProgressDialog(
            task.label, self.tr("Cancel") if task.cancellable else "", 0, 0, self._window
        )
        dialog.setWindowTitle(task.title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(0)
        if not task.cancellable:
            dialog.setCancelButton(None)
        dialog.canceled.connect(task.cancel.set)
        done, total = task.last
        if total:
            dialog.setRange(0, total)
            dialog.setValue(done)
        task.dialog = dialog
        dialog.show()

    def _on_progress(self, key: int, done: int, total: int) -> None:
        task = self._running.get(key)
        if task is None:
            return
        task.last = (done, total)
        if task.dialog is not None and total > 0:
            task.dialog.setRange(0, total)
            task.dialog.setValue(min(done, total))

    def _on_end(self, key: int, outcome: str, value: object) -> None:
        task = self._running.pop(key, None)
        if task is None:
            return
        if task.timer is not None:
            task.timer.stop()
            task.timer.deleteLater()
        if task.dialog is not None:
            task.dialog.close()
            task.dialog.deleteLater()
        if outcome == "done":
            if task.on_done is not None:
                task.on_done(value)
            self.finished.emit(key, value)
        elif outcome == "cancelled":
            if task.on_cancel is not None:
                task.on_cancel()
            self.cancelled.emit(key)
        else:
            assert isinstance(value, BaseException)
            if task.on_error is not None:
                task.on_error(value)
            else:
                from jipp_desktop.gui.errors import show_error

                show_error(self._window, value)
            self.failed.emit(key, value)


def task_runner(widget: QWidget) -> TaskRunner:
    """The runner of ``widget``'s top-level window (created on first use)."""
    window = widget.window()
    runner = window.findChild(
        TaskRunner, "jipp_task_runner", Qt.FindChildOption.FindDirectChildrenOnly
    )
    if runner is None:
        runner = TaskRunner(window)
        runner.setObjectName("jipp_task_runner")
    return runner
