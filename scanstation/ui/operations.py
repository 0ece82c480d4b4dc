"""Run service calls off the UI thread and finish them on the main thread (the Anki/Picard pattern).

A screen describes the work as a plain callable plus what to do with its result; the runner does it on
a worker thread so the window never freezes, then calls back on the main thread. A refusal
(ScanStationError) goes to the caller's failure callback or, by default, to one message dialog.
Work runs one job at a time, in the order asked, so a refresh queued after a step sees that step.
"""

from __future__ import annotations

import gc
import logging
import os
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from scanstation.core.errors import ScanStationError

log = logging.getLogger(__name__)

Success = Callable[[Any], None]
Failure = Callable[[ScanStationError], None]


def show_error(parent: QWidget | None, message: str) -> QMessageBox:
    """The one dialog for refusals and problems: window-modal, non-blocking; Enter or Esc closes it."""
    title = QCoreApplication.translate("operations", "پیام اسکن‌استیشن")
    box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorBox")
    box.button(QMessageBox.StandardButton.Ok).setText(QCoreApplication.translate("operations", "باشه"))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


class _Relay(QObject):
    """Lives on the main thread; the worker's signal is therefore delivered there (queued)."""

    finished = Signal(object, object)  # result, exception

    def __init__(self, runner: Runner, on_success: Success | None, on_failure: Failure | None) -> None:
        super().__init__(runner)
        self._runner, self._on_success, self._on_failure = runner, on_success, on_failure
        self.finished.connect(self._finish)

    @Slot(object, object)
    def _finish(self, result: object, error: BaseException | None) -> None:
        try:
            if error is None:
                if self._on_success is not None:
                    self._on_success(result)
            elif isinstance(error, ScanStationError):
                if self._on_failure is not None:
                    self._on_failure(error)
                else:
                    show_error(self._runner.owner, str(error))
            else:
                log.error("operation failed", exc_info=error)
                show_error(self._runner.owner, QCoreApplication.translate(
                    "operations", "خطای پیش‌بینی نشده: {error}").format(error=error))
        finally:
            self._runner._finished()
            self.deleteLater()


WORKER_NICENESS = 5  # a worker yields the CPU to the window's thread: a busy machine slows a batch, never the screen


def _lower_priority() -> None:
    """Make this worker thread (and the threads it starts, which inherit it) nicer than the main thread. Linux gives
    each thread its own nice value; elsewhere this does nothing."""
    if hasattr(os, "setpriority"):
        try:
            tid = threading.get_native_id()
            os.setpriority(os.PRIO_PROCESS, tid, max(os.getpriority(os.PRIO_PROCESS, tid), WORKER_NICENESS))
        except OSError:  # not allowed here: run at normal priority
            pass


class _Job(QRunnable):
    def __init__(self, work: Callable[[], object], relay: _Relay) -> None:
        super().__init__()
        self._work, self._relay = work, relay

    def run(self) -> None:
        _lower_priority()
        try:
            result, error = self._work(), None
        except Exception as exc:  # handed to the main thread, which decides how to show it
            result, error = None, exc
        self._relay.finished.emit(result, error)


class Runner(QObject):
    """One per window: runs jobs in order on its own worker thread and counts what is still pending."""

    busy_changed = Signal(bool)

    def __init__(self, owner: QWidget | None) -> None:
        super().__init__(owner)
        self.owner = owner
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pending = 0

    @property
    def idle(self) -> bool:
        return self._pending == 0

    def run(self, work: Callable[[], object], on_success: Success | None = None,
            on_failure: Failure | None = None) -> None:
        """Do `work()` off the main thread; then `on_success(result)` or `on_failure(error)` on it."""
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        self._pool.start(_Job(work, _Relay(self, on_success, on_failure)))

    def _finished(self) -> None:
        self._pending -= 1
        if self._pending == 0:
            self.busy_changed.emit(False)

    def wait(self) -> None:
        """Block until every job is done (used when the window closes)."""
        self._pool.waitForDone()


class MainThreadCollector(QObject):
    """Python's cycle collector runs on whichever thread happens to allocate; if that is a worker, it may
    destroy widgets there and crash Qt. This turns automatic collection off and collects on the main thread
    instead, from a timer, generation by generation (the usual recipe for threaded Qt programs). What exists when it
    starts (modules, classes, the window) is frozen out of collection, so a full pass looks only at what came after
    and no longer stalls the window for tens of milliseconds."""

    def __init__(self, parent: QObject, interval_ms: int = 1000) -> None:
        super().__init__(parent)
        gc.disable()
        gc.freeze()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect)
        self._timer.start(interval_ms)

    def stop(self) -> None:
        """Give collection back to Python (after a last full pass here, on the main thread)."""
        self._timer.stop()
        gc.unfreeze()
        gc.collect()
        gc.enable()

    @Slot()
    def collect(self) -> None:
        first, second, third = gc.get_threshold()
        count0, count1, count2 = gc.get_count()
        if count0 > first:
            generation = 2 if count2 > third else 1 if count1 > second else 0
            gc.collect(generation)
