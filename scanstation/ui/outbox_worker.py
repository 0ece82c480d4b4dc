"""The upload worker of the window: the same service loop as `scanstation sync` (services/upload_worker.serve) on a
thread of its own, never on the UI thread nor on the window's Runner (whose one thread serves the screens' reads:
an upload there would hold them up for minutes). It runs only when a store address is configured; what it does
reaches the window as queued signals."""

from __future__ import annotations

import logging
import time
from threading import Event, Thread
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from scanstation.bootstrap import App
from scanstation.core.errors import ScanStationError
from scanstation.core.uow import UnitOfWork
from scanstation.services import outbox_status, upload
from scanstation.services.upload_worker import Progress, serve
from scanstation.core.settings import store_settings_again
from scanstation.sync.policy import load_policy

if TYPE_CHECKING:  # the HTTP stack loads in the worker's thread, once a store is opened (the window starts without)
    from scanstation.sync.webdav import WebDavStore

log = logging.getLogger(__name__)
TOTALS_EVERY = 0.25  # seconds between two totals while files come and go
RETRY_SETTINGS = 30.0  # seconds between two readings of settings that did not allow the store to open


class OutboxWorker(QObject):
    """Started by the main window, stopped when it closes; `wake()` after a person's retry sends at once."""

    progress = Signal(object)  # upload_worker.Progress: a file started, was verified or failed
    totals = Signal(object)  # outbox_status.Totals after each file and each pass
    news = Signal(str)  # a sentence for the clerk: store not configured, offline, wrong password...

    def __init__(self, app: App, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._stop, self._wake = Event(), Event()
        self._thread: Thread | None = None
        self._totals_at = 0.0

    @property
    def configured(self) -> bool:
        return bool(self._app.settings.store_url)

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        if self.configured and not self.running:
            self._stop.clear()
            self._thread = Thread(target=self._run, name="outbox-worker", daemon=True)
            self._thread.start()

    def wake(self) -> None:
        self._wake.set()

    def stop(self, timeout: float = 15) -> None:
        """Ask the loop to end, and wait for it (a bounded time): requests still out are given up, their files go
        back to the queue with their tries."""
        self._stop.set()
        self._wake.set()  # a wait for settings to be fixed ends too
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def _new_uow(self) -> UnitOfWork:
        return self._app.uow(upload.SYNC_ACTOR)

    def restart(self) -> None:
        """Start again with `app.settings` as they are now (the admin saved the store's settings), off the UI
        thread: the files in flight go back to the queue first."""
        def again() -> None:
            self.stop()
            self.start()

        Thread(target=again, name="outbox-restart", daemon=True).start()

    def _open(self) -> WebDavStore | None:
        """The store, once its settings allow; while they do not (a private file made readable by others, a
        password missing), the sentence is shown and the settings are read again every RETRY_SETTINGS seconds or
        at a person's retry, so that fixing them needs no restart of the window."""
        from scanstation.sync.credentials import open_store

        while True:
            try:
                return open_store(self._app.settings)
            except ScanStationError as exc:
                self.news.emit(str(exc))
            while True:
                if self._stop.wait(0) or self._wake_or_stop(RETRY_SETTINGS):
                    return None
                try:
                    self._app.settings = store_settings_again(self._app.settings)
                    break
                except ScanStationError as exc:  # the file broken meanwhile: said, and read again at the next retry
                    self.news.emit(str(exc))

    def _wake_or_stop(self, seconds: float) -> bool:
        """Wait up to `seconds` for a retry; True when the worker is to stop."""
        self._wake.wait(seconds)
        self._wake.clear()
        return self._stop.is_set()

    def _run(self) -> None:
        store = self._open()
        if store is None:
            return
        try:
            self.totals.emit(outbox_status.totals(self._new_uow()))
            serve(self._new_uow, store, self._app.pages, self._app.outbox, load_policy().in_window(),
                  f"{self._app.settings.workstation}/window", self._stop, self._report, self._watch, self._wake,
                  check=False)
        except ScanStationError as exc:
            self.news.emit(str(exc))
        except Exception:  # a bug must not kill the window; the service's log has it
            log.exception("the window's upload worker stopped")
            self.news.emit(self.tr("بارگذاری در این پنجره متوقف شد؛ برنامه را دوباره باز کنید یا به مسئول فناوری "
                                   "خبر دهید."))
        finally:
            store.close()

    def _report(self, sentence: str) -> None:
        self.news.emit(sentence)
        self.totals.emit(outbox_status.totals(self._new_uow()))

    def _watch(self, news: Progress) -> None:
        """Each file's news at once; the totals (a database read) at most every TOTALS_EVERY seconds: a dossier's
        files are verified together, and a read for each would queue behind the uploads' writes. The end of each
        pass sends the totals anyway (`_report`)."""
        self.progress.emit(news)
        if news.event != "sending" and time.monotonic() - self._totals_at >= TOTALS_EVERY:
            self._totals_at = time.monotonic()
            self.totals.emit(outbox_status.totals(self._new_uow()))
