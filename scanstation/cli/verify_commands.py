"""`scanstation verify BARCODE (--approve | --reject REASON) [--document N [--pages 1-3]]`: step 7 by a supervisor
(or, in an official agency office, the agency's responsible person), for the whole dossier or one document."""

from __future__ import annotations

import argparse

from typing import TYPE_CHECKING

from scanstation.cli.common import EXIT_OK, UsageError, acting_uow, add_user_flag, later
from scanstation.core.digits import parse_int
from scanstation.indexing.page_ranges import parse_ranges

if TYPE_CHECKING:
    from scanstation.bootstrap import App
    from scanstation.services import verification
else:
    verification = later("scanstation.services.verification")

PAGES_NEED_DOCUMENT = "--pages فقط همراه --document و --reject می‌آید: صفحه‌هایی از همان سند که برمی‌گردند."


def _verify(app: App, args: argparse.Namespace) -> int:
    if args.pages is not None and (args.document is None or args.approve):
        raise UsageError(PAGES_NEED_DOCUMENT)
    uow = acting_uow(app, args)
    if args.document is None and args.approve:
        hashes = verification.approve(uow, args.barcode, app.pages)
        print(f"approved {len(hashes)} pages")
    elif args.document is None:
        verification.reject(uow, args.barcode, args.reject)
        print("rejected: back to scanning and quality check")
    elif args.approve:
        number = parse_int(args.document, "شماره سند", minimum=1)
        hashes = verification.approve_document(uow, args.barcode, number, app.pages)
        print(f"approved document {number}: {len(hashes)} pages")
    else:
        number = parse_int(args.document, "شماره سند", minimum=1)
        pages = parse_ranges(args.pages) if args.pages else None
        verification.reject_document(uow, args.barcode, number, args.reject, pages)
        print(f"rejected document {number}: its pages are flagged back to the clerk")
    return EXIT_OK


def register(commands: argparse._SubParsersAction, groups: dict) -> None:
    verify = commands.add_parser("verify", help="step 7: approve the images against the originals, or reject")
    verify.add_argument("barcode")
    decision = verify.add_mutually_exclusive_group(required=True)
    decision.add_argument("--approve", action="store_true")
    decision.add_argument("--reject", metavar="REASON")
    verify.add_argument("--document", metavar="N", help="one document only (step 7 closes when all are approved)")
    verify.add_argument("--pages", metavar="RANGES",
                        help="with --document and --reject: the pages sent back (e.g. 3-4,7; default all)")
    add_user_flag(verify)
    verify.set_defaults(func=_verify)
