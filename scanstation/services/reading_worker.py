"""The background reader: threads that claim a page, read it in a Tesseract child process and record its text.

It runs off the capture path (the window starts it; headless, `scanstation ocr --pending`). Each thread reads one
page at a time; `workers()` says how many may read now, asked before every claim, so both cores read while nobody
captures and one while a capture runs (the window asks its capture bench; by default, a running batch on this host). The work itself is in the child process: the threads only
wait for it, hold no transaction while it runs, and never write the image.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from scanstation.capture.page_store import PageStore
from scanstation.core.uow import Actor, UnitOfWork
from scanstation.indexing.ocr import OcrUnavailable, load_policy, read_page
from scanstation.services import page_reading
from scanstation.services.page_reading import ReadingProgress


@dataclass
class ReaderRun:
    """What one run did, for its caller's last line."""

    read: int = 0
    failed: int = 0


def run_reader(new_uow: Callable[[Actor], UnitOfWork], store: PageStore, *, stop: threading.Event,
               workers: Callable[[], int] | None = None, until_done: bool = False, poll_seconds: float = 2.0,
               on_progress: Callable[[ReadingProgress], None] | None = None) -> ReaderRun:
    """Read pages until `stop` is set (or, with `until_done`, until none is left to read)."""
    policy = load_policy()
    actor = Actor(page_reading.READER, system=True)
    worker = page_reading.reader_name()
    page_reading.release_dead_claims(new_uow(actor))
    workers = workers or (lambda: policy.capturing_workers if page_reading.capturing_here(new_uow(actor))
                          else policy.idle_workers)
    run, lock = ReaderRun(), threading.Lock()

    def report() -> None:
        if on_progress is not None:
            on_progress(page_reading.progress(new_uow(actor)))

    def thread(index: int) -> None:
        name = f"{worker}/{index}"
        while not stop.is_set():
            if index >= workers():
                stop.wait(poll_seconds)
                continue
            claimed = page_reading.claim(new_uow(actor), name, policy.lease_minutes)
            if claimed is None:
                if until_done:
                    return
                stop.wait(poll_seconds)
                continue
            try:
                page = read_page(store.open(claimed.sha256), claimed.dpi, claimed.turn)
            except (OcrUnavailable, OSError, ValueError) as exc:
                page_reading.record_failure(new_uow(actor), claimed.page_id, name, str(exc))
                with lock:
                    run.failed += 1
            else:
                if page_reading.record(new_uow(actor), claimed.page_id, name, page):
                    with lock:
                        run.read += 1
            report()

    report()
    threads = [threading.Thread(target=thread, args=(i,), name=f"page-reader-{i}", daemon=True)
               for i in range(max(policy.idle_workers, policy.capturing_workers, 1))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return run
