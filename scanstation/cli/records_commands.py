"""Part 2 headless (CLI.md): `intake`, `originals list|return|label|contents`, `hold add|release`,
`destruction plan|approve|execute|list`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from scanstation.cli.common import EXIT_OK, EXIT_PROBLEM, acting_uow, add_user_flag, print_json

if TYPE_CHECKING:
    from scanstation.bootstrap import App


def _intake(app: App, args: argparse.Namespace) -> int:
    from scanstation.records.intake import IntakeDocument, confirm_dispositions, intake

    documents = [IntakeDocument(Path(p), args.type, args.heading) for p in args.paths]
    uow = acting_uow(app, args)
    result = intake(uow, args.barcode, documents, app.pages, args.secretariat_no, args.registered)
    confirm_dispositions(uow, result.intake_id)  # the clerk who runs the command confirms what it printed
    for problem in result.problems:
        print(f"scanstation: {problem}", file=sys.stderr)
    for item in result.originals:
        where = f" binder {item.binder} #{item.binder_number} position {item.position}" if item.binder else ""
        flags = f" qc: {','.join(item.qc_reasons)}" if item.qc_reasons else ""
        print(f"document {item.document} {item.type_code}: {item.pages} pages, original -> {item.disposition}"
              f"{where}{flags}", file=sys.stderr)
    print(" ".join(str(n) for n in result.numbers))
    return EXIT_PROBLEM if result.problems else EXIT_OK


def _originals_list(app: App, args: argparse.Namespace) -> int:
    from scanstation.records.register import register

    rows = register(acting_uow(app, args), args.binder, args.search or "")
    if args.json:
        print_json([r.to_json() for r in rows])
        return EXIT_OK
    for r in rows:
        where = f"{r.binder}-{r.binder_number} #{r.position}" if r.binder else "-"
        print(f"{where:<10} {r.barcode} doc {r.document} {r.type:<24} {r.registered} {r.disposition:<17} {r.status}"
              + (f" -> {r.handed_to}" if r.handed_to else "") + (" [hold]" if r.on_hold else ""))
    return EXIT_OK


def _originals_return(app: App, args: argparse.Namespace) -> int:
    from scanstation.records.register import hand_over

    status = hand_over(acting_uow(app, args), args.barcode, args.document, args.to)
    print(f"document {args.document}: {status} to {args.to}")
    return EXIT_OK


def _originals_print(app: App, args: argparse.Namespace) -> int:
    from scanstation.indexing.labels import write
    from scanstation.records.binder_prints import binder_contents, binder_label

    render = binder_label if args.command_name == "label" else binder_contents
    path = write(render(acting_uow(app, args), args.binder, args.number), Path(args.pdf))
    print(path)
    return EXIT_OK


def _hold(app: App, args: argparse.Namespace) -> int:
    from scanstation.records.holds import add_hold, release_hold

    uow = acting_uow(app, args)
    if args.action == "add":
        print(f"hold {add_hold(uow, args.barcode, args.reason, args.document)}")
    else:
        print(f"released {release_hold(uow, args.barcode, args.reason, args.document)}")
    return EXIT_OK


def _plan(app: App, args: argparse.Namespace) -> int:
    from scanstation.records.destruction import plan

    batch = plan(acting_uow(app, args), args.as_of)
    if args.json:
        print_json({"batch": batch.number, "items": [i.to_json() for i in batch.items]})
    else:
        for item in batch.items:
            print(f"{item.barcode} doc {item.document} {item.type} {item.reason}", file=sys.stderr)
        print(batch.number)
    return EXIT_OK


def _approve(app: App, args: argparse.Namespace) -> int:
    from scanstation.records.destruction import approve

    batch = approve(acting_uow(app, args), args.batch)
    print(f"batch {batch.number} approved by {batch.approved_by}")
    return EXIT_OK


def _execute(app: App, args: argparse.Namespace) -> int:
    from scanstation.indexing.labels import write
    from scanstation.records.destruction import execute
    from scanstation.records.register import minutes_dir
    from scanstation.sync.credentials import open_store

    uow = acting_uow(app, args)
    store = open_store(app.settings)
    try:
        done = execute(uow, args.batch, store, minutes_dir(app.settings.data_dir), app.outbox)
    finally:
        store.close()
    write(done.minutes, Path(args.minutes))
    for barcode in done.skipped:
        print(f"scanstation: an original of {barcode} was collected before destruction and is not destroyed",
              file=sys.stderr)
    print(f"batch {done.batch.number} executed: {len(done.batch.items) - len(done.skipped)} originals destroyed; "
          f"minutes {args.minutes} (kept as {done.minutes_path})")
    return EXIT_OK


def _batches(app: App, args: argparse.Namespace) -> int:
    from scanstation.records.destruction import batches

    rows = batches(acting_uow(app, args))
    if args.json:
        print_json([b.to_json() for b in rows])
    else:
        for b in rows:
            print(f"batch {b.number} {b.state} as of {b.as_of}: {len(b.items)} items, planned by {b.planned_by}"
                  + (f", approved by {b.approved_by}" if b.approved_by else "")
                  + (f", executed by {b.executed_by}" if b.executed_by else ""))
    return EXIT_OK


def _document_flag(parser: argparse.ArgumentParser, required: bool) -> None:
    parser.add_argument("--document", type=int, required=required, metavar="N", help="the document's number")


def register(commands: argparse._SubParsersAction, groups: dict) -> None:
    intake = commands.add_parser("intake", help="Part 2: new papers into a scanned file, one document per file")
    intake.add_argument("barcode")
    intake.add_argument("paths", nargs="+", metavar="PATH")
    intake.add_argument("--type", required=True, metavar="CODE", help="document type (scanstation taxonomy)")
    intake.add_argument("--heading", metavar="CODE")
    intake.add_argument("--secretariat-no", dest="secretariat_no", metavar="N")
    intake.add_argument("--registered", metavar="YYYY/MM/DD", help="secretariat registration date (Jalali)")
    add_user_flag(intake)
    intake.set_defaults(func=_intake)

    originals = commands.add_parser("originals", help="the register of intake originals (binders a-d)")
    sub = originals.add_subparsers(dest="originals_command", required=True, metavar="COMMAND")
    listing = sub.add_parser("list", help="the register, in binder order")
    listing.add_argument("--binder", choices=["a", "b", "c", "d"])
    listing.add_argument("--search", metavar="TEXT", help="barcode, insured number, national ID or tracking code")
    listing.add_argument("--json", action="store_true")
    add_user_flag(listing)
    listing.set_defaults(func=_originals_list)
    back = sub.add_parser("return", help="an original handed back or collected")
    back.add_argument("barcode")
    _document_flag(back, True)
    back.add_argument("--to", required=True, metavar="NAME", help="who took the paper")
    add_user_flag(back)
    back.set_defaults(func=_originals_return)
    for name, text in (("label", "a binder's spine label PDF"), ("contents", "a binder's contents list PDF")):
        printing = sub.add_parser(name, help=text)
        printing.add_argument("--binder", required=True, choices=["a", "b", "c", "d"])
        printing.add_argument("--number", required=True, type=int)
        printing.add_argument("--pdf", required=True, metavar="FILE")
        add_user_flag(printing)
        printing.set_defaults(func=_originals_print, command_name=name)

    hold = commands.add_parser("hold", help="legal holds: keep originals out of destruction")
    hold.add_argument("action", choices=["add", "release"])
    hold.add_argument("barcode")
    _document_flag(hold, False)
    hold.add_argument("--reason", required=True)
    add_user_flag(hold)
    hold.set_defaults(func=_hold)

    destruction = commands.add_parser("destruction", help="destruction batches: plan, approve, execute")
    steps = destruction.add_subparsers(dest="destruction_command", required=True, metavar="COMMAND")
    planning = steps.add_parser("plan", help="a new batch of what is due")
    planning.add_argument("--as-of", dest="as_of", metavar="YYYY/MM/DD")
    planning.add_argument("--json", action="store_true")
    add_user_flag(planning)
    planning.set_defaults(func=_plan)
    approving = steps.add_parser("approve", help="a second person's approval")
    approving.add_argument("batch")
    add_user_flag(approving)
    approving.set_defaults(func=_approve)
    executing = steps.add_parser("execute", help="destroy an approved batch after reading every copy back")
    executing.add_argument("batch")
    executing.add_argument("--minutes", required=True, metavar="FILE.pdf", help="where to write the minutes PDF")
    add_user_flag(executing)
    executing.set_defaults(func=_execute)
    listing = steps.add_parser("list", help="every batch, newest first")
    listing.add_argument("--json", action="store_true")
    add_user_flag(listing)
    listing.set_defaults(func=_batches)
