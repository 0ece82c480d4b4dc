"""`scanstation queue`: the work queue as the window shows it, a page at a time (services/work_queue.py)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from scanstation.cli.common import EXIT_OK, acting_uow, add_user_flag, print_json

if TYPE_CHECKING:
    from scanstation.bootstrap import App


def _queue(app: App, args: argparse.Namespace) -> int:
    from scanstation.core.digits import to_persian
    from scanstation.services.work_queue import work_queue

    page = work_queue(acting_uow(app, args), search=args.search or "", step=args.step, limit=args.limit,
                      after=args.after)
    if args.json:
        print_json(page.to_json())
        return EXIT_OK
    print(f"{to_persian(page.total)} پرونده")
    for row in page.rows:
        urgent = "  خارج از نوبت" if row.out_of_turn else ""
        print(f"{row.barcode}  {row.name}  {row.state_title}{urgent}")
    if page.next:
        print(f"next: {page.next}")
    return EXIT_OK


def register(commands: argparse._SubParsersAction, groups: dict) -> None:
    queue = commands.add_parser("queue", help="the work queue: every dossier still in work, out of turn first")
    queue.add_argument("--step", type=int, help="only those ready for this step (2-12)")
    queue.add_argument("--search", help="a barcode (whole or part), national ID, insured number, tracking code or name")
    queue.add_argument("--limit", type=int, help="rows on this page (default 100)")
    queue.add_argument("--after", metavar="CURSOR", help="the page after the one whose `next` this is")
    queue.add_argument("--json", action="store_true")
    add_user_flag(queue)
    queue.set_defaults(func=_queue)
