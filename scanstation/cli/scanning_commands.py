"""`scanstation dossier scanned|checked` (steps 5 and 6) and `scanstation page accept|delete|rotate`: what the capture
bench does after a batch, headless, so a script can take a dossier from `dossier new` to step 10.

The page commands need the capture stack (numpy, OpenCV, SANE), so it is imported when one of them runs.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable

from typing import TYPE_CHECKING

from scanstation.cli.common import EXIT_OK, acting_uow, add_user_flag, later

if TYPE_CHECKING:
    from scanstation.bootstrap import App
    from scanstation.services import capture_steps
else:
    capture_steps = later("scanstation.services.capture_steps")

PAGE_FIXES = "scanstation.services.page_fixes"


def _scanned(app: App, args: argparse.Namespace) -> int:
    pages = capture_steps.finish_scanning(acting_uow(app, args), args.barcode)
    print(f"step 5 done: {pages} pages")
    return EXIT_OK


def _checked(app: App, args: argparse.Namespace) -> int:
    capture_steps.complete_quality_check(acting_uow(app, args), args.barcode)
    print("step 6 done: the dossier waits for the supervisor")
    return EXIT_OK


def _page_done(verb: str) -> Callable[[int], None]:
    """One line per page as it is done, so a refusal half-way shows which pages changed before it."""
    return lambda seq: print(f"page {seq} {verb}", flush=True)


def _accept(app: App, args: argparse.Namespace) -> int:
    fixes = importlib.import_module(PAGE_FIXES)
    fixes.accept_flags(acting_uow(app, args), args.barcode, args.pages, args.reason, _page_done("accepted"))
    return EXIT_OK


def _delete(app: App, args: argparse.Namespace) -> int:
    fixes = importlib.import_module(PAGE_FIXES)
    if args.blank_backs:
        fixes.drop_blank_backs(acting_uow(app, args), args.barcode, args.reason, _page_done("deleted"))
    else:
        fixes.delete_pages(acting_uow(app, args), args.barcode, args.pages, args.reason, _page_done("deleted"))
    return EXIT_OK


def _rotate(app: App, args: argparse.Namespace) -> int:
    fixes = importlib.import_module(PAGE_FIXES)
    fixes.rotate_pages(acting_uow(app, args), args.barcode, args.pages, args.degrees, app.pages,
                       _page_done(f"turned {args.degrees}°"))
    return EXIT_OK


def register(commands: argparse._SubParsersAction, groups: dict) -> None:
    dossier = groups["dossier"]
    scanned = dossier.add_parser("scanned", help="step 5 done: every sheet imaged")
    scanned.add_argument("barcode")
    add_user_flag(scanned)
    scanned.set_defaults(func=_scanned)
    checked = dossier.add_parser("checked", help="step 6 done (refused while a QC flag is open, a page is "
                                                 "unclassified, or captured sheets != counted - slimmed)")
    checked.add_argument("barcode")
    add_user_flag(checked)
    checked.set_defaults(func=_checked)

    page = commands.add_parser("page", help="fix captured pages: keep a flagged page, take pages out, turn them")
    actions = page.add_subparsers(dest="page_command", metavar="ACTION", required=True)
    for name, func, help_text in (
            ("accept", _accept, "keep flagged pages as they are, with one reason for all"),
            ("delete", _delete, "take pages out (their images stay stored), with one reason for all"),
            ("rotate", _rotate, "turn pages clockwise by 90, 180 or 270 degrees, as qc --json's turn (a new image; "
                        "nothing is overwritten)")):
        action = actions.add_parser(name, help=help_text)
        action.add_argument("barcode")
        which = action.add_mutually_exclusive_group(required=True)
        which.add_argument("--pages", help="page numbers as shown before the command, e.g. 1-3,5")
        if name == "delete":
            which.add_argument("--blank-backs", action="store_true",
                               help="every back side of a duplex batch the quality check found blank (not kept)")
        if name == "rotate":
            action.add_argument("--degrees", type=int, choices=[90, 180, 270], default=90)
        else:
            action.add_argument("--reason", required=True, metavar="TEXT")
        add_user_flag(action)
        action.set_defaults(func=func)
