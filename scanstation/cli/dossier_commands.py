"""`scanstation dossier ...`: the paper-side steps and `show --json`."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING

from scanstation.cli.common import EXIT_OK, acting_uow, add_user_flag, later, print_json

if TYPE_CHECKING:
    from scanstation.bootstrap import App
    from scanstation.services import dossiers, queries, read_models, setup
else:
    dossiers, queries, read_models, setup = later("scanstation.services.dossiers", "scanstation.services.queries",
                                                  "scanstation.services.read_models", "scanstation.services.setup")


def _new(app: App, args: argparse.Namespace) -> int:
    branch = args.branch or app.settings.branch or setup.default_branch(app.uow(setup.CONSOLE))
    uow = acting_uow(app, args)
    data = dossiers.NewDossier(args.insured_number, args.national_id, args.name, args.shelf, args.out_of_turn,
                               args.allow_second)
    print(dossiers.retrieve(uow, branch, data))
    return EXIT_OK


def _step_command(service: str, *fields: str) -> Callable[[App, argparse.Namespace], int]:
    """A command that calls `dossiers.<service>(uow, barcode, *args.<fields>)` as the `--user` (by name: the
    services load when the command runs)."""

    def run(app: App, args: argparse.Namespace) -> int:
        getattr(dossiers, service)(acting_uow(app, args), args.barcode, *(getattr(args, f) for f in fields))
        return EXIT_OK

    return run


def _show(app: App, args: argparse.Namespace) -> int:
    detail = queries.dossier_detail(acting_uow(app, args), args.barcode)
    if args.json:
        print_json(detail.to_json())
    else:
        print(f"{detail.barcode}  {detail.name}  {detail.state_title}")
        for s in detail.steps:
            print(f"  {s.step:>2} {s.title}  {s.user}  {read_models.iso_utc(s.at)}")
    return EXIT_OK


def register(commands: argparse._SubParsersAction, groups: dict) -> None:
    dossier = commands.add_parser("dossier", help="technical files through the twelve steps")
    groups["dossier"] = sub = dossier.add_subparsers(dest="dossier_command", metavar="ACTION", required=True)

    new = sub.add_parser("new", help="step 1: register a file taken off its shelf; prints its barcode")
    new.add_argument("--insured-number", required=True)
    new.add_argument("--national-id", required=True)
    new.add_argument("--name", required=True)
    new.add_argument("--shelf", required=True)
    new.add_argument("--out-of-turn", metavar="REASON", help="scan ahead of the queue (Part 3.1.b)")
    new.add_argument("--allow-second", metavar="REASON",
                     help="register although the national ID already has a dossier (the reason is recorded)")
    new.add_argument("--branch", help="branch code (default: the only branch)")
    add_user_flag(new)
    new.set_defaults(func=_new)

    for name, service, help_text in (("count", "count_sheets", "step 2: count the sheets"),
                                     ("recount", "recount", "step 9: recount the sheets")):
        p = sub.add_parser(name, help=help_text)
        p.add_argument("barcode")
        p.add_argument("--sheets", required=True)
        add_user_flag(p)
        p.set_defaults(func=_step_command(service, "sheets"))

    prepare = sub.add_parser("prepare", help="step 4: prepared; N sheets slimmed (Part 4.1)")
    prepare.add_argument("barcode")
    prepare.add_argument("--slimmed", default="0", metavar="N")
    add_user_flag(prepare)
    prepare.set_defaults(func=_step_command("prepare", "slimmed"))

    reassemble = sub.add_parser("reassemble", help="step 8: sheets back in the folder, label attached")
    reassemble.add_argument("barcode")
    add_user_flag(reassemble)
    reassemble.set_defaults(func=_step_command("reassemble"))

    reshelve = sub.add_parser("reshelve", help="step 10: back on the shelf")
    reshelve.add_argument("barcode")
    reshelve.add_argument("--shelf", required=True, metavar="LOC")
    add_user_flag(reshelve)
    reshelve.set_defaults(func=_step_command("reshelve", "shelf"))

    urgent = sub.add_parser("out-of-turn", help="mark a dossier to be scanned ahead of the queue")
    urgent.add_argument("barcode")
    urgent.add_argument("--reason", required=True)
    add_user_flag(urgent)
    urgent.set_defaults(func=_step_command("set_out_of_turn", "reason"))

    show = sub.add_parser("show", help="everything about one dossier")
    show.add_argument("barcode")
    show.add_argument("--json", action="store_true")
    add_user_flag(show)
    show.set_defaults(func=_show)
