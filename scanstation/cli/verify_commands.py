"""`scanstation verify BARCODE (--approve | --reject REASON)`: step 7 by a supervisor."""

from __future__ import annotations

import argparse

from scanstation.bootstrap import App
from scanstation.cli.common import EXIT_OK, acting_uow, add_user_flag
from scanstation.core.errors import ScanStationError
from scanstation.services import verification


PER_DOCUMENT_LATER = ("تأیید یا رد سند به سند با صفحه بازبینی ناظر می‌آید؛ فعلاً کل پرونده را بدون --document "
                      "تأیید یا رد کنید.")


def _verify(app: App, args: argparse.Namespace) -> int:
    if args.document is not None:  # refused before anything is read or changed: no approval is half-recorded
        raise ScanStationError(PER_DOCUMENT_LATER)
    uow = acting_uow(app, args)
    if args.approve:
        hashes = verification.approve(uow, args.barcode, app.pages)
        print(f"approved {len(hashes)} pages")
    else:
        verification.reject(uow, args.barcode, args.reject)
        print("rejected: back to scanning and quality check")
    return EXIT_OK


def register(commands: argparse._SubParsersAction, groups: dict) -> None:
    verify = commands.add_parser("verify", help="step 7: approve the images against the originals, or reject")
    verify.add_argument("barcode")
    decision = verify.add_mutually_exclusive_group(required=True)
    decision.add_argument("--approve", action="store_true")
    decision.add_argument("--reject", metavar="REASON")
    verify.add_argument("--document", metavar="N", help="one document only (comes with the review screen)")
    add_user_flag(verify)
    verify.set_defaults(func=_verify)
