"""The outbox worker: queue what was approved, then claim, send and record file after file until nothing is due.

Claiming and recording are each one unit of work (services/upload.py); the network trip between them holds no
transaction, so a slow or dead store never blocks the database. Used by `scanstation sync` and by the window (ui/outbox_worker.py).
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from threading import Event, Lock, Thread
from typing import TYPE_CHECKING, Any

from scanstation.core.digits import to_persian
from scanstation.core.errors import ScanStationError
from scanstation.core.uow import UnitOfWork
from scanstation.services import chain_heads, outbox_cleanup, upload
from scanstation.sync.policy import UploadPolicy
from scanstation.sync.store import ContentStore, StoreError, StoreNotAnswering, local_copy_damaged

if TYPE_CHECKING:
    from scanstation.capture.page_store import PageStore


@dataclass(frozen=True)
class Progress:
    """One file's news for a watcher (the window): `event` is "sending", "sent" (in the store and read back, its
    properties to be read back with its dossier's), "verified", "failed" or "released" (back in the queue, its
    try not counted: the run was stopped while it was on its way)."""

    event: str
    tracking_code: str
    name: str
    size: int


Watcher = Callable[[Progress], None]


@dataclass
class RunSummary:
    """What one drain did; `stopped` is the store-wide sentence that ended it early, if any."""

    queued: int = 0
    verified: int = 0
    failed: int = 0
    set_aside: int = 0
    problems: list[str] = field(default_factory=list)
    stopped: str | None = None


def send(store: ContentStore, item: upload.ClaimedItem) -> None:
    """The file's network trip: create it in the store, read it back and compare. A file an earlier try already
    read back (a run cut off before its properties) is read back again, not sent again."""
    if item.in_store and store.remote_sha256(item.collection, item.name) == item.sha256:
        return
    if not item.path.exists():
        raise local_copy_damaged(item.name)
    store.ensure_collection(item.collection)
    store.put_new(item.collection, item.name, item.path, item.sha256)


class _Abandoned(Exception):
    """The run was given up (stopped, or the store stopped answering) while this thread's request was out: the
    thread records nothing more and ends when its request does."""


def drain(new_uow: Callable[[], UnitOfWork], store: ContentStore, pages: PageStore, outbox: Path,
          policy: UploadPolicy, worker: str, stop: Event | None = None, watch: Watcher | None = None) -> RunSummary:
    """Queue approved dossiers, then send every due file; stops early on a store-wide problem or `stop`, without
    waiting for the requests still out: their files go back to the queue with their tries, and the sending threads
    (daemons) record nothing after that. `watch` hears of each file as it starts and ends (on the sending
    threads)."""
    summary = RunSummary()
    upload.recover(new_uow(), worker)
    for barcode in upload.dossiers_to_queue(new_uow()):
        if stop is not None and stop.is_set():
            break
        try:
            summary.queued += len(upload.enqueue(new_uow(), barcode, pages, outbox))
        except upload.QueuedElsewhere:  # another worker won the race: its files go out once, nothing to say
            continue
        except ScanStationError as exc:
            summary.problems.append(f"{barcode}: {exc}")
    halt, given_up = Event(), Event()
    lock = Lock()
    # One database write at a time from these threads. SQLite serialises writers anyway, but a writer that finds
    # the lock taken sleeps in steps of up to 100 ms before it looks again; a Python lock hands over at once.
    writes = Lock()
    timeouts = 0  # requests the store took and never answered, this run

    def write(record: Callable[..., Any], *args: Any) -> Any:
        with writes:
            if given_up.is_set():
                raise _Abandoned
            return record(new_uow(), *args)

    def tell(event: str, item: upload.ClaimedItem) -> None:
        if watch is not None:
            watch(Progress(event, item.tracking_code, item.name, item.size))

    def failed(item: upload.ClaimedItem, exc: StoreError) -> None:
        state = write(upload.record_failure, item.id, exc, policy)
        counted(item, exc, state)
        if state == "needs_attention" and not exc.store_wide:  # the rest of its dossier need not wait for it
            names = write(upload.properties_due, item.dossier_id)
            if names:
                read_back(item, names)

    def counted(item: upload.ClaimedItem, exc: StoreError, state: str) -> None:
        nonlocal timeouts
        tell("failed", item)
        with lock:
            summary.failed += 1
            if state == "needs_attention":
                summary.set_aside += 1
                summary.problems.append(f"{item.tracking_code}: {exc}")
            if isinstance(exc, StoreNotAnswering):
                timeouts += 1
            if exc.store_wide and (timeouts >= policy.store_timeouts_to_stop
                                   or not isinstance(exc, StoreNotAnswering)):
                summary.stopped = str(exc)
                halt.set()

    def read_back(item: upload.ClaimedItem, names: list[str]) -> None:
        """None of the dossier's files is on its way any more: read back the properties of all that wait for it
        (step 12), in one request."""
        try:
            found: dict[str, dict[str, str]] | StoreError = store.collection_properties(item.collection, names)
        except StoreError as exc:
            found = exc
        result = write(upload.record_indexed, item.dossier_id, found, outbox, policy)
        for done in result.verified:
            tell("verified", done)
        with lock:
            summary.verified += len(result.verified)
        for other, exc, state in result.failed:
            counted(other, exc, state)

    senders = max(policy.parallel_uploads, 1)
    ready: deque[upload.ClaimedItem] = deque()  # claimed together with another thread's file, not yet taken
    out: dict[int, upload.ClaimedItem] = {}  # taken by a sending thread and not done with yet

    def taken() -> upload.ClaimedItem | None:
        with lock:
            return ready.popleft() if ready else None

    def next_item() -> upload.ClaimedItem | None:
        """A file claimed earlier with others, or a new claim of one file for each sending thread (one commit
        for them all)."""
        item = taken()
        if item is not None:
            return item
        with writes:
            item = taken()  # claimed by another thread while this one waited its turn
            if item is not None or given_up.is_set():
                return item
            claimed = upload.claim(new_uow(), worker, outbox, policy, None, senders)
        with lock:
            ready.extend(claimed)
        return taken()

    def ending() -> bool:
        return halt.is_set() or (stop is not None and stop.is_set())

    def send_one(item: upload.ClaimedItem) -> None:
        tell("sending", item)
        try:
            send(store, item)
        except StoreError as exc:
            failed(item, exc)
            return
        try:  # their read-back comes once the whole dossier is in the store: one request for all its files
            store.set_properties(item.collection, item.name, item.properties)
        except StoreError as exc:
            write(upload.record_sent, item.id, policy)  # the file itself counts (step 11) all the same
            failed(item, exc)
            return
        names = write(upload.record_sent, item.id, policy)
        tell("sent", item)
        if names:
            read_back(item, names)

    def sender() -> None:
        try:
            while not ending() and (item := next_item()) is not None:
                with lock:
                    out[item.id] = item
                send_one(item)
                with lock:
                    del out[item.id]
        except _Abandoned:
            return

    # A few files in flight at once: one file's read-back, properties and records overlap the next one's PUT.
    threads = [Thread(target=sender, name=f"upload-{n}", daemon=True) for n in range(senders)]
    for thread in threads:
        thread.start()
    while (alive := [t for t in threads if t.is_alive()]) and not ending():
        alive[0].join(0.2)  # looks up now and then: a stop does not wait for a store that does not answer
    with writes:
        given_up.set()  # from here on the threads still out record nothing
    upload.release(new_uow(), worker)  # claimed and not done: back in the queue, tries kept
    with lock:
        abandoned = list(out.values())
    for item in abandoned:
        tell("released", item)
    return summary


@dataclass
class CheckSummary:
    checked: int = 0
    altered: list[str] = field(default_factory=list)
    stopped: str | None = None


def check_store(new_uow: Callable[[], UnitOfWork], store: ContentStore, stop: Event | None = None) -> CheckSummary:
    """Re-read every file the store should hold, whatever its state; one that changed or vanished is set aside and
    reported (on every check, until the store holds it as sent again: then it goes back to where it stood).
    `stop` ends it between two files."""
    summary = CheckSummary()
    for copy in upload.uploaded_files(new_uow()):
        if stop is not None and stop.is_set():
            break
        try:
            found = store.remote_sha256(copy.collection, copy.name)
        except StoreError as exc:
            summary.stopped = str(exc)
            break
        summary.checked += 1
        if found != copy.sha256:
            upload.record_remote_altered(new_uow(), copy.id, found)
            summary.altered.append(f"{copy.collection}/{copy.name}")
        elif copy.set_aside:
            upload.record_remote_restored(new_uow(), copy.id)
    return summary


def upkeep(new_uow: Callable[[], UnitOfWork], store: ContentStore, outbox: Path, policy: UploadPolicy,
           worker: str, summary: RunSummary) -> tuple[list[str], list[str]]:
    """What a worker does after its first pass and then every `upkeep_minutes`: clean the outbox folder (copies the
    store holds verified long enough, orphans of killed runs) and send the chain-head note when one is due (after
    the pass, so a manifest that just went makes it unnecessary; not when the pass found the store unusable).
    Returns (news, problems), each a list of sentences."""
    news: list[str] = []
    swept = outbox_cleanup.sweep_outbox(new_uow(), outbox, policy)
    if swept.uploaded or swept.orphans:
        news.append(f"پوشه صف بارگذاری: {to_persian(swept.uploaded)} نسخه تأییدشده در مخزن و "
                    f"{to_persian(swept.orphans)} پرونده بی‌صاحب پاک شد.")
    if summary.stopped:
        return news, []
    try:
        sent = chain_heads.send_if_due(new_uow, store, outbox, policy, worker)
    except StoreError as exc:
        return news, [str(exc)]
    if sent:
        news.append(f"سر زنجیره ممیزی در «{sent}» به مخزن مرکزی سپرده شد.")
    return news, []


def serve(new_uow: Callable[[], UnitOfWork], store: ContentStore, pages: PageStore, outbox: Path,
          policy: UploadPolicy, worker: str, stop: Event, report: Callable[[str], None],
          watch: Watcher | None = None, wake: Event | None = None, check: bool = True) -> None:
    """Run as a service until `stop` is set: drain, wait, drain again; look after the outbox folder and the
    chain-head note after the first pass and now and then; re-check the store now and then (unless `check` is off:
    the window leaves that to the service). A run the store stopped is followed by a longer wait each time (the
    policy's backoff) until one goes through. `wake` (a person's retry) cuts the wait short."""
    last_check = 0.0
    last_upkeep: float | None = None
    stopped_runs = 0
    while not stop.is_set():
        summary = drain(new_uow, store, pages, outbox, policy, worker, stop, watch)
        if stop.is_set():
            return
        if summary.verified or summary.failed or summary.stopped:
            report(f"بارگذاری: {to_persian(summary.verified)} فایل در مخزن مرکزی تأیید شد، "  # files, not dossiers
                   f"{to_persian(summary.failed)} تلاش ناموفق{'؛ ' + summary.stopped if summary.stopped else ''}")
        if last_upkeep is None or time.monotonic() - last_upkeep >= policy.upkeep_minutes * 60:
            news, problems = upkeep(new_uow, store, outbox, policy, worker, summary)
            last_upkeep = time.monotonic()
            for sentence in news + problems:
                report(sentence)
        if check and not summary.stopped and time.monotonic() - last_check >= policy.check_interval_hours * 3600:
            checked = check_store(new_uow, store, stop)
            last_check = time.monotonic()
            for name in checked.altered:
                report(f"پرونده «{name}» در مخزن مرکزی تغییر کرده است؛ به مسئول مخزن خبر دهید.")
        stopped_runs = stopped_runs + 1 if summary.stopped else 0
        _wait(stop, wake, max(policy.poll_seconds, policy.backoff(stopped_runs).total_seconds() if stopped_runs
                              else 0))


def _wait(stop: Event, wake: Event | None, seconds: float) -> None:
    """Sleep up to `seconds`, less when `stop` or `wake` is set (`wake` is cleared for the next time)."""
    deadline = time.monotonic() + seconds
    while not stop.is_set() and time.monotonic() < deadline:
        if wake is not None and wake.is_set():
            wake.clear()
            return
        stop.wait(min(0.2, max(deadline - time.monotonic(), 0)))
