"""`scanstation store verify [--json]`: re-hash every page image against the database."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from scanstation.cli.common import EXIT_OK, EXIT_PROBLEM, later, print_json

if TYPE_CHECKING:
    from scanstation.bootstrap import App
    from scanstation.services import setup, store_check
else:
    setup, store_check = later("scanstation.services.setup", "scanstation.services.store_check")


def _verify(app: App, args: argparse.Namespace) -> int:
    report = store_check.verify_store(app.uow(setup.CONSOLE), app.pages)
    if args.json:
        print_json({"ok": report.ok, "files": report.files, "rows": report.rows,
                    "problems": [{"barcode": p.barcode, "seq": p.seq, "status": p.status, "sha256": p.sha256,
                                  "problem": p.kind} for p in report.problems]})
    elif report.ok:
        print(f"page store intact: {report.files} files checked for {report.rows} page rows")
    for problem in report.problems:
        print(f"scanstation: {problem.sentence}", file=sys.stderr)
    return EXIT_OK if report.ok else EXIT_PROBLEM


def register(commands: argparse._SubParsersAction, groups: dict) -> None:
    store = commands.add_parser("store", help="the page store (the scanned images)")
    sub = store.add_subparsers(dest="store_command", metavar="ACTION", required=True)
    verify = sub.add_parser("verify", help="re-hash every page image; exit 1 naming each missing or altered one")
    verify.add_argument("--json", action="store_true", help="one JSON object: files, rows and each problem")
    verify.set_defaults(func=_verify)
