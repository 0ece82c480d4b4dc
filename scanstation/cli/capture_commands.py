"""`scanstation scan` and `scanstation import`: steps 5-6 from the scanner or from files.

The capture stack (numpy, OpenCV, zbar, SANE) takes about half a second to import, so it is loaded when one of these
commands runs, not when the parser is built: every other command starts without it.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import threading
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from scanstation.cli.common import EXIT_OK, EXIT_PROBLEM, acting_uow, add_user_flag

if TYPE_CHECKING:
    from scanstation.bootstrap import App
    from scanstation.core.uow import UnitOfWork
    from scanstation.services.read_models import CaptureSummary, PageView

CAPTURE = "scanstation.services.page_capture"


def _print_page(page: PageView) -> None:
    flags = ", ".join(page.qc_reasons) or "ok"
    kept = f" [already in the dossier, kept: {page.duplicate_reason}]" if page.duplicate_reason else ""
    print(f"page {page.seq} (sheet {page.sheet}) {page.sha256[:12]} {flags}  <- {page.origin}{kept}", flush=True)


def _report(summary: CaptureSummary) -> int:
    for line in [*summary.warnings, *summary.problems] + ([summary.stopped] if summary.stopped else []):
        print(f"scanstation: {line}", file=sys.stderr)
    flagged = sum(1 for p in summary.pages if p.qc_reasons)
    skipped = f", {len(summary.duplicates)} skipped as already in the dossier" if summary.duplicates else ""
    print(f"{len(summary.pages)} pages captured, {flagged} flagged by the quality check{skipped}")
    if summary.separators is not None:
        print(f"separator sheets: pages {','.join(map(str, summary.separators.separators))}; "
              f"documents {','.join(map(str, summary.separators.documents))}")
    return EXIT_OK if summary.ok else EXIT_PROBLEM


def _capture_after_login(app: App, args: argparse.Namespace) -> tuple[ModuleType, UnitOfWork]:
    """The capture stack and the acting unit of work. The stack is imported in a helper thread while the password is
    checked (argon2 releases the GIL), so the two waits overlap instead of adding up."""
    loaded: list[ModuleType] = []
    loader = threading.Thread(target=lambda: loaded.append(importlib.import_module(CAPTURE)), name="capture-import")
    loader.start()
    try:
        uow = acting_uow(app, args)
    finally:
        loader.join()
    return (loaded[0] if loaded else importlib.import_module(CAPTURE)), uow  # a failed import raises here


def _scan(app: App, args: argparse.Namespace) -> int:
    capture, uow = _capture_after_login(app, args)
    request = capture.ScanRequest(args.profile, args.device, args.source, args.dpi, args.mode)
    return _report(capture.scan_batch(uow, args.dossier, request, app.pages, progress=_print_page,
                                      after=args.after))


def _import(app: App, args: argparse.Namespace) -> int:
    capture, uow = _capture_after_login(app, args)
    keep = None if args.keep_duplicates is None else capture.KeepDuplicates(args.keep_duplicates)
    return _report(capture.import_files(uow, args.dossier, [Path(p) for p in args.paths], app.pages,
                                        progress=_print_page, after=args.after, duplex=args.duplex,
                                        keep_duplicates=keep))


def _add_after_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--after", metavar="N", help="insert the new pages after page N (0: first) instead of at the end")


def register(commands: argparse._SubParsersAction, groups: dict) -> None:
    scan = commands.add_parser("scan", help="steps 5-6: scan pages into a dossier (quality check on every page)")
    scan.add_argument("--dossier", required=True, metavar="BARCODE")
    scan.add_argument("--device", metavar="NAME", help="SANE device name (default: the first scanner found)")
    scan.add_argument("--profile", default="dossier", help="scan profile from resources/scan_profiles.toml")
    scan.add_argument("--source", choices=["flatbed", "adf", "duplex"])
    scan.add_argument("--dpi", type=int)
    scan.add_argument("--mode", choices=["gray", "color", "lineart"])
    _add_after_flag(scan)
    add_user_flag(scan)
    scan.set_defaults(func=_scan)

    imp = commands.add_parser("import", help="steps 5-6 from image files (PNG, JPEG, TIFF, PDF) instead of a scanner")
    imp.add_argument("--dossier", required=True, metavar="BARCODE")
    imp.add_argument("paths", nargs="+", metavar="PATH")
    _add_after_flag(imp)
    imp.add_argument("--duplex", action="store_true", help="the images alternate front and back of each sheet")
    imp.add_argument("--keep-duplicates", metavar="REASON",
                     help="also keep images the dossier already holds (skipped otherwise); each such page keeps REASON")
    add_user_flag(imp)
    imp.set_defaults(func=_import)
