"""`scanstation taxonomy`, `scanstation classify` and `scanstation dossier label`."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from scanstation.bootstrap import App
from scanstation.cli.common import EXIT_OK, acting_uow, add_user_flag, print_json
from scanstation.indexing.taxonomy import load_taxonomy
from scanstation.services import classification


def _taxonomy(app: App, args: argparse.Namespace) -> int:
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


def _classify(app: App, args: argparse.Namespace) -> int:
    number = classification.classify(acting_uow(app, args), args.barcode, args.pages, args.type, args.heading,
                                     args.date, args.note)
    print(f"document {number}")
    return EXIT_OK


def _write_pdf(args: argparse.Namespace, make: Callable[[ModuleType], bytes]) -> int:
    """Write the PDF `make(services.labels)` returns to --pdf; reportlab is imported only by the commands that write
    PDFs, so the others start without it."""
    from scanstation.indexing.labels import write
    from scanstation.services import labels

    write(make(labels), Path(args.pdf))
    print(args.pdf)
    return EXIT_OK


def _label(app: App, args: argparse.Namespace) -> int:
    kind = "folder" if args.folder else "sheet" if args.sheet else "dossier"
    return _write_pdf(args, lambda labels: labels.print_label(acting_uow(app, args), args.barcode, kind))


def _stamp(app: App, args: argparse.Namespace) -> int:
    return _write_pdf(args, lambda labels: labels.stamp_sticker(acting_uow(app, args), args.barcode, args.document))


def register(commands: argparse._SubParsersAction, groups: dict) -> None:
    tax = commands.add_parser("taxonomy", help="document types: code, heading, group, what happens to the original")
    tax.add_argument("--json", action="store_true")
    tax.set_defaults(func=_taxonomy, needs_db=False)

    cls = commands.add_parser("classify", help="make pages one document of a type (step 12's input)")
    cls.add_argument("barcode")
    cls.add_argument("--pages", required=True, help="page numbers, e.g. 1-4,7")
    cls.add_argument("--type", required=True, metavar="CODE")
    cls.add_argument("--heading", metavar="CODE", help="default: the type's heading")
    cls.add_argument("--date", metavar="YYYY/MM/DD", help="the document's Jalali date")
    cls.add_argument("--note")
    add_user_flag(cls)
    cls.set_defaults(func=_classify)

    label = groups["dossier"].add_parser("label", help="step 3: register and write the barcode label PDF")
    label.add_argument("barcode")
    label.add_argument("--pdf", required=True, metavar="FILE")
    kind = label.add_mutually_exclusive_group()
    kind.add_argument("--sheet", action="store_true", help="an A4 sheet of labels instead of a label-printer label")
    kind.add_argument("--folder", action="store_true", help="the step-8 folder label")
    add_user_flag(label)
    label.set_defaults(func=_label)

    stamp = groups["dossier"].add_parser("stamp", help="the «Scanned» stamp sticker of a classified document (Part 2)")
    stamp.add_argument("barcode")
    stamp.add_argument("--document", type=int, required=True, metavar="N")
    stamp.add_argument("--pdf", required=True, metavar="FILE")
    add_user_flag(stamp)
    stamp.set_defaults(func=_stamp)
