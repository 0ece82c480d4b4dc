"""`scanstation report service-time|production|backlog|quality|upload` (issue 12; CLI.md "Reports and tracking")."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from scanstation.cli.common import EXIT_OK, acting_uow, add_user_flag, print_json

if TYPE_CHECKING:
    from scanstation.bootstrap import App


def _report(app: App, args: argparse.Namespace) -> int:
    from scanstation.indexing.labels import write
    from scanstation.reports.period import Period
    from scanstation.reports.service import run_report

    report = run_report(acting_uow(app, args), args.name, Period.parse(args.date_from, args.date_to), args.by)
    if args.pdf:
        from scanstation.reports.pdf_export import report_pdf

        print(write(report_pdf(report), Path(args.pdf)))
    elif args.xlsx:
        from scanstation.reports.xlsx_export import report_xlsx

        print(write(report_xlsx(report), Path(args.xlsx)))
    else:
        print_json(report.to_json())
    return EXIT_OK


def register(commands: argparse._SubParsersAction, groups: dict) -> None:
    from scanstation.reports.names import BY, NAMES

    report = commands.add_parser("report", help="reports: service time, production, backlog, quality, upload")
    report.add_argument("name", choices=NAMES)
    report.add_argument("--from", dest="date_from", metavar="YYYY/MM/DD", help="first Jalali day (included)")
    report.add_argument("--to", dest="date_to", metavar="YYYY/MM/DD", help="last Jalali day (included)")
    report.add_argument("--by", choices=BY, default="step",
                        help="service time by step, by user, by turn or by document type")
    out = report.add_mutually_exclusive_group(required=True)
    out.add_argument("--json", action="store_true")
    out.add_argument("--pdf", metavar="FILE")
    out.add_argument("--xlsx", metavar="FILE")
    add_user_flag(report)
    report.set_defaults(func=_report)
