"""`scanstation audit verify`."""

from __future__ import annotations

import argparse
import sys

from scanstation.bootstrap import App
from scanstation.cli.common import EXIT_OK, EXIT_PROBLEM, acting_uow, add_user_flag
from scanstation.core.uow import Actor
from scanstation.services.audit import verify_chain


def _verify(app: App, args: argparse.Namespace) -> int:
    report = verify_chain(acting_uow(app, args) if args.user else app.uow(Actor("system:console", system=True)))
    if report.ok:
        print(f"audit chain intact: {report.checked} entries checked")
        return EXIT_OK
    for sentence in report.drift or (report.problem,):
        print(f"audit chain broken: {sentence}", file=sys.stderr)
    return EXIT_PROBLEM


def register(commands: argparse._SubParsersAction, groups: dict) -> None:
    audit = commands.add_parser("audit", help="the hash-chained audit log")
    sub = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = sub.add_parser("verify", help="recompute the chain; exit 1 naming the first bad entry")
    add_user_flag(verify, required=False)  # a supervisor or admin; without it, the machine's console
    verify.set_defaults(func=_verify)
