"""The background reading of page text in the window (issue 23): services/reading_worker.run_reader on a thread
of its own, started with the window and stopped when it closes. Both cores read while nobody captures, one while
the capture bench runs a batch; the reading itself happens in Tesseract child processes, so the window's thread
and its event loop are not held. Progress reaches the window as a queued signal."""

from __future__ import annotations

import logging
from collections.abc import Callable
from threading import Event, Thread

from PySide6.QtCore import QObject, Signal

from scanstation.bootstrap import App
from scanstation.indexing.ocr import load_policy
from scanstation.services.reading_worker import run_reader

log = logging.getLogger(__name__)


class ReaderWorker(QObject):
    progress = Signal(object)  # page_reading.ReadingProgress after each page read

    def __init__(self, app: App, capturing: Callable[[], bool], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app, self._capturing = app, capturing
        self._stop = Event()
        self._thread: Thread | None = None

    def start(self) -> None:
        if self._thread is None or not self._thread.is_alive():
            self._stop.clear()
            self._thread = Thread(target=self._run, name="page-reader", daemon=True)
            self._thread.start()

    def stop(self, timeout: float = 15) -> None:
        """Ask the readers to stop after the pages in flight and wait a bounded time; a page cut short is read
        again at the next start (its claim is put back)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def _workers(self) -> int:
        policy = load_policy()
        return policy.capturing_workers if self._capturing() else policy.idle_workers

    def _run(self) -> None:
        try:
            run_reader(self._app.uow, self._app.pages, stop=self._stop, workers=self._workers,
                       on_progress=self.progress.emit)
        except Exception:  # a bug must not kill the window; reading starts again with the next window
            log.exception("the page reader stopped")
