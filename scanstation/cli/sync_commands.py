"""`scanstation sync [--once | --check | --retry CODE]` (steps 11-12) and `scanstation track CODE`."""

from __future__ import annotations

import argparse
import signal
import sys
from threading import Event
from typing import TYPE_CHECKING

from scanstation.cli.common import EXIT_OK, EXIT_PROBLEM, UsageError, acting_uow, add_user_flag, later, print_json
from scanstation.core.digits import to_persian

if TYPE_CHECKING:
    from scanstation.bootstrap import App
    from scanstation.services import outbox_status, upload, upload_worker
    from scanstation.sync import credentials, policy as upload_policy
else:
    outbox_status, upload, upload_worker, credentials, upload_policy = later(
        "scanstation.services.outbox_status", "scanstation.services.upload", "scanstation.services.upload_worker",
        "scanstation.sync.credentials", "scanstation.sync.policy")


STOPPED = ("ارسال به درخواست شما متوقف شد؛ اسنادی که در راه بودند با همان تعداد تلاش به صف برگشتند و با اجرای "
           "دوباره فرستاده می‌شوند.")


def _say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def _stop_on_signals(stop: Event) -> list[int]:
    """SIGINT and SIGTERM ask the run to stop, and a second one changes nothing (no traceback): the run gives up
    the requests still out, puts back what it claimed and ends within moments. Returns the signals received."""
    received: list[int] = []

    def stop_asked(signum: int, _frame: object) -> None:
        received.append(signum)
        stop.set()

    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, stop_asked)
    return received


def _end_of_run(app: App, summary: upload_worker.RunSummary) -> int:
    """`sync --once`'s report: the outbox counts on stdout, and on stderr one sentence for each problem that keeps
    a file waiting (this run's or an earlier one's); exit 1 when any does."""
    counts = outbox_status.totals(app.uow(upload.SYNC_ACTOR)).counts
    print(f"verified {summary.verified}, failed tries {summary.failed}, set aside {summary.set_aside}; "
          f"outbox: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    left = outbox_status.waiting(app.uow(upload.SYNC_ACTOR))
    said = set()
    for problem in summary.problems:
        _say(f"scanstation: {problem}")
        said.add(problem.split(": ", 1)[-1])
    for sentence in dict.fromkeys([summary.stopped, *left.problems] if summary.stopped else left.problems):
        if sentence not in said:
            _say(f"scanstation: {sentence}")
    if left.set_aside:
        _say(f"scanstation: {to_persian(left.set_aside)} فایل برای رسیدگی کنار گذاشته شده است؛ پس از رفع مشکل آن را "
             "در صفحه صف بارگذاری با «تلاش دوباره» یا با scanstation sync --retry CODE دوباره بفرستید.")
    return EXIT_PROBLEM if summary.stopped or summary.problems or left.set_aside or left.retrying else EXIT_OK


def _sync(app: App, args: argparse.Namespace) -> int:
    if args.retry:
        if not args.user:
            raise UsageError("--retry needs --user: a person sends a set-aside document again")
        upload.retry(acting_uow(app, args), args.retry)
        print(f"queued again: {args.retry}")
        return EXIT_OK
    store = credentials.open_store(app.settings)
    policy = upload_policy.load_policy()
    worker = app.settings.workstation
    stop = Event()
    received = _stop_on_signals(stop)

    def new_uow():  # type: ignore[no-untyped-def]
        return app.uow(upload.SYNC_ACTOR)

    try:
        if args.check:
            checked = upload_worker.check_store(new_uow, store, stop)
            print(f"checked {checked.checked} files in the store, {len(checked.altered)} altered")
            for name in checked.altered:
                _say(f"scanstation: پرونده «{name}» در مخزن مرکزی تغییر کرده است؛ به مسئول مخزن خبر دهید.")
            if checked.stopped:
                _say(f"scanstation: {checked.stopped}")
            if received:
                return 128 + received[0]
            return EXIT_PROBLEM if checked.altered or checked.stopped else EXIT_OK
        if args.once:
            summary = upload_worker.drain(new_uow, store, app.pages, app.outbox, policy, worker, stop)
            if received:
                _say(f"scanstation: {STOPPED}")
                return 128 + received[0]  # 130 after Ctrl-C, as shells report it
            summary.problems += upload_worker.upkeep(new_uow, store, app.outbox, policy, worker, summary)[1]
            return _end_of_run(app, summary)
        _say(f"scanstation sync: سرویس بارگذاری برای {credentials.shown_address(store.base_url)} آغاز شد "
             f"(هر {to_persian(int(policy.poll_seconds))} ثانیه).")
        upload_worker.serve(new_uow, store, app.pages, app.outbox, policy, worker, stop, _say)
        return EXIT_OK
    finally:
        store.close()


def _track(app: App, args: argparse.Namespace) -> int:
    found = upload.track(acting_uow(app, args), args.code)
    if args.json:
        print_json(found)
    else:
        from scanstation.core.models.upload import UPLOAD_STATE_TITLES
        from scanstation.indexing.taxonomy import load_taxonomy
        from scanstation.sync.tracking import spaced

        kind = load_taxonomy().types.get(found["type"] or "")
        what = (f"سند {to_persian(found['document'])} ({kind.name if kind else found['type']})" if found["document"]
                else "فهرست پرونده (manifest)")
        state = UPLOAD_STATE_TITLES.get(found["state"], found["state"])
        print(f"کد پیگیری {spaced(found['tracking_code'])}: پرونده {found['barcode']}، {what}، {state}")
        for problem in found["problems"]:
            print(f"  - {problem}")
    return EXIT_OK


def register(commands: argparse._SubParsersAction, groups: dict) -> None:
    sync = commands.add_parser("sync", help="steps 11-12: run the upload outbox (a service, or once)")
    mode = sync.add_mutually_exclusive_group()
    mode.add_argument("--once", action="store_true", help="send what can be sent now, then exit")
    mode.add_argument("--check", action="store_true", help="re-read every uploaded file from the store")
    mode.add_argument("--retry", metavar="CODE", help="send a set-aside document again (needs --user)")
    add_user_flag(sync, required=False)
    sync.set_defaults(func=_sync)
    track = commands.add_parser("track", help="a document by its tracking code")
    track.add_argument("code")
    track.add_argument("--json", action="store_true")
    add_user_flag(track)
    track.set_defaults(func=_track)
