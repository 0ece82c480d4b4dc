"""Run service calls off the UI thread and finish them on the main thread (the Anki/Picard pattern).

A screen describes the work as a plain callable plus what to do with its result; the runner does it on
a worker thread so the window never freezes, then calls back on the main thread. A refusal
(ScanStationError) goes to the caller's failure callback or, by default, to one message dialog.
Work runs one job at a time, in the order asked, so a refresh queued after a step sees that step.
"""

from __future__ import annotations

import gc
import itertools
import logging
import os
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

from scanstation.core.errors import ScanStationError
from scanstation.ui.look import codes_as_printed

log = logging.getLogger(__name__)

Success = Callable[[Any], None]
Failure = Callable[[ScanStationError], None]


def show_error(parent: QWidget | None, message: str) -> QMessageBox:
    """The one dialog for refusals and problems: window-modal, non-blocking; Enter or Esc closes it."""
    title = QCoreApplication.translate("operations", "پیام اسکن‌استیشن")
    box = QMessageBox(QMessageBox.Icon.Warning, title, codes_as_printed(message), QMessageBox.StandardButton.Ok,
                      parent)
    box.setTextFormat(Qt.TextFormat.RichText)
    box.setObjectName("errorBox")
    box.button(QMessageBox.StandardButton.Ok).setText(QCoreApplication.translate("operations", "باشه"))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


class _Relay(QObject):
    """The worker's way back: it lives on the main thread, so its signal is delivered there (queued). It holds no
    reference to its runner: a relay that kept its runner alive could free it from inside its own destruction."""

    finished = Signal(int)  # the job's number; its outcome waits in the runner


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


Outcome = tuple[object, Exception | None]  # result, or the exception the work raised


class _Job(QRunnable):
    """One piece of work on the pool's thread. It lets go of the work and of its outcome before reporting, so the
    last references to them (the work is often a closure over a screen) are dropped on the main thread, by the
    runner, never here."""

    def __init__(self, number: int, work: Callable[[], object], outcomes: dict[int, Outcome], relay: _Relay) -> None:
        super().__init__()
        self._number, self._work, self._outcomes, self._relay = number, work, outcomes, relay

    def run(self) -> None:
        _lower_priority()
        work, self._work = self._work, None
        try:
            outcome: Outcome = (work(), None)
        except Exception as exc:  # handed to the main thread, which decides how to show it
            outcome = (None, exc)
        del work
        self._outcomes[self._number] = outcome
        del outcome
        self._relay.finished.emit(self._number)


class Runner(QObject):
    """One per window: runs jobs in order on its own worker thread and counts what is still pending.

    The runner owns everything a job needs until the job's callback has run on the main thread: the work and its
    callbacks sit in `_jobs`, its outcome in `_outcomes`, and the one relay is a child made after the pool, so
    freeing the runner first waits for the pool and then drops any report still queued. Nothing is left to a later
    deleteLater."""

    busy_changed = Signal(bool)

    def __init__(self, owner: QWidget | None) -> None:
        super().__init__(owner)
        self.owner = owner
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._finish)
        self._jobs: dict[int, tuple[Callable[[], object], Success | None, Failure | None]] = {}
        self._outcomes: dict[int, Outcome] = {}  # filled by the worker, emptied here
        self._numbers = itertools.count(1)

    @property
    def idle(self) -> bool:
        return not self._jobs

    def run(self, work: Callable[[], object], on_success: Success | None = None,
            on_failure: Failure | None = None) -> None:
        """Do `work()` off the main thread; then `on_success(result)` or `on_failure(error)` on it."""
        number = next(self._numbers)
        self._jobs[number] = (work, on_success, on_failure)
        if len(self._jobs) == 1:
            self.busy_changed.emit(True)
        self._pool.start(_Job(number, work, self._outcomes, self._relay))

    @Slot(int)
    def _finish(self, number: int) -> None:
        _work, on_success, on_failure = self._jobs[number]
        result, error = self._outcomes.pop(number)
        try:
            if error is None:
                if on_success is not None:
                    on_success(result)
            elif isinstance(error, ScanStationError):
                if on_failure is not None:
                    on_failure(error)
                else:
                    show_error(self.owner, str(error))
            else:
                log.error("operation failed", exc_info=error)
                show_error(self.owner, QCoreApplication.translate(
                    "operations", "خطای پیش‌بینی نشده: {error}").format(error=error))
        finally:
            del self._jobs[number]
            if not self._jobs:
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
