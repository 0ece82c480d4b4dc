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


def _say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


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

    def new_uow():  # type: ignore[no-untyped-def]
        return app.uow(upload.SYNC_ACTOR)

    try:
        if args.check:
            checked = upload_worker.check_store(new_uow, store)
            print(f"checked {checked.checked} files in the store, {len(checked.altered)} altered")
            for name in checked.altered:
                _say(f"scanstation: پرونده «{name}» در مخزن مرکزی تغییر کرده است؛ به مسئول مخزن خبر دهید.")
            if checked.stopped:
                _say(f"scanstation: {checked.stopped}")
            return EXIT_PROBLEM if checked.altered or checked.stopped else EXIT_OK
        if args.once:
            summary = upload_worker.drain(new_uow, store, app.pages, app.outbox, policy, worker)
            summary.problems += upload_worker.upkeep(new_uow, store, app.outbox, policy, worker, summary)[1]
            counts = outbox_status.totals(new_uow()).counts
            print(f"verified {summary.verified}, failed tries {summary.failed}, set aside {summary.set_aside}; "
                  f"outbox: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
            for problem in summary.problems:
                _say(f"scanstation: {problem}")
            if summary.stopped:
                _say(f"scanstation: {summary.stopped}")
            waiting = sum(v for k, v in counts.items() if k != "verified")
            return EXIT_PROBLEM if summary.stopped or summary.problems or waiting else EXIT_OK
        stop = Event()
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda *_: stop.set())
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
