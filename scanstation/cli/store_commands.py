"""`scanstation store verify [--json] [--user CODE]`: re-hash every page image against the database (an admin, or the
machine's console without --user, as `audit verify`)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from scanstation.cli.common import EXIT_OK, EXIT_PROBLEM, acting_uow, add_user_flag, later, print_json

if TYPE_CHECKING:
    from scanstation.bootstrap import App
    from scanstation.services import setup, store_check
else:
    setup, store_check = later("scanstation.services.setup", "scanstation.services.store_check")


def _verify(app: App, args: argparse.Namespace) -> int:
    uow = acting_uow(app, args) if args.user else app.uow(setup.CONSOLE)
    report = store_check.verify_store(uow, app.pages)
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
    add_user_flag(verify, required=False)  # an admin; without it, the machine's console
    verify.set_defaults(func=_verify)
