"""`scanstation audit verify [--against-store]`."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from scanstation.cli.common import EXIT_OK, EXIT_PROBLEM, acting_uow, add_user_flag, later

if TYPE_CHECKING:
    from scanstation.bootstrap import App
    from scanstation.core import uow as units
    from scanstation.core.uow import UnitOfWork
    from scanstation.services import audit
    from scanstation.sync import credentials
else:
    units, audit, credentials = later("scanstation.core.uow", "scanstation.services.audit",
                                      "scanstation.sync.credentials")


def _verify(app: App, args: argparse.Namespace) -> int:
    def new_uow() -> UnitOfWork:
        return acting_uow(app, args) if args.user else app.uow(units.Actor("system:console", system=True))

    report = audit.verify_chain(new_uow())
    if not report.ok:
        for sentence in report.drift or (report.problem,):
            print(f"audit chain broken: {sentence}", file=sys.stderr)
        return EXIT_PROBLEM
    print(f"audit chain intact: {report.checked} entries checked")
    if not args.against_store:
        return EXIT_OK
    store = credentials.open_store(app.settings)
    try:
        anchors = audit.verify_against_store(new_uow, store, app.settings.branch)
    finally:
        store.close()
    for sentence in anchors.rewritten:
        print(f"audit chain rewritten: {sentence}", file=sys.stderr)
    for sentence in anchors.unaccounted:
        print(f"upload records missing: {sentence}", file=sys.stderr)
    print(f"store anchors: {anchors.checked} manifests checked, {len(anchors.rewritten)} not held by the local chain, "
          f"{len(anchors.unaccounted)} unknown to the local database")
    return EXIT_OK if anchors.ok else EXIT_PROBLEM


def register(commands: argparse._SubParsersAction, groups: dict) -> None:
    audit = commands.add_parser("audit", help="the hash-chained audit log")
    sub = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = sub.add_parser("verify", help="recompute the chain; exit 1 naming the first bad entry")
    verify.add_argument("--against-store", action="store_true",
                        help="also compare the chain heads in the manifests uploaded to the central store")
    add_user_flag(verify, required=False)  # a supervisor or admin; without it, the machine's console
    verify.set_defaults(func=_verify)
