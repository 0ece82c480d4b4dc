"""`scanstation taxonomy [--json]`: the document types of resources/taxonomy.toml, no database needed.

A module of its own so that the command imports neither the services nor SQLAlchemy and starts at once.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from scanstation.cli.common import EXIT_OK, print_json

if TYPE_CHECKING:
    from scanstation.bootstrap import App


def _taxonomy(app: App | None, args: argparse.Namespace) -> int:
    from scanstation.indexing.taxonomy import load_taxonomy  # TOML and policy: not for `scanstation --help`

    taxonomy = load_taxonomy()
    rows = [{"code": t.code, "name": t.name, "name_en": t.name_en, "heading": t.heading,
             "heading_name": taxonomy.headings[t.heading].name, "group": t.group, "disposition": t.disposition,
             "binder": t.binder} for t in taxonomy.types.values()]
    if args.json:
        print_json(rows)
    else:
        for r in rows:
            binder = f" ({r['binder']})" if r["binder"] else ""
            print(f"{r['code']:24} {r['heading']:15} {r['disposition']}{binder}  {r['name']}")
    return EXIT_OK


def register(commands: argparse._SubParsersAction, groups: dict) -> None:
    tax = commands.add_parser("taxonomy", help="document types: code, heading, group, what happens to the original")
    tax.add_argument("--json", action="store_true")
    tax.set_defaults(func=_taxonomy, needs_db=False, needs_app=False)
