"""`scanstation classify`, `scanstation document ...` and `scanstation dossier label|stamp|pdf`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from scanstation.cli.common import EXIT_OK, acting_uow, add_user_flag, later, print_json

if TYPE_CHECKING:
    from scanstation.bootstrap import App
    from scanstation.services import classification
else:
    classification = later("scanstation.services.classification")


def _classify(app: App, args: argparse.Namespace) -> int:
    number = classification.classify(acting_uow(app, args), args.barcode, args.pages, args.type, args.heading,
                                     args.date, args.note)
    print(f"document {number}")
    return EXIT_OK


def _split(app: App, args: argparse.Namespace) -> int:
    print(f"document {classification.split(acting_uow(app, args), args.barcode, args.document, args.at)}")
    return EXIT_OK


def _merge(app: App, args: argparse.Namespace) -> int:
    print(f"document {classification.merge(acting_uow(app, args), args.barcode, args.document)}")
    return EXIT_OK


def _separators(app: App, args: argparse.Namespace) -> int:
    result = classification.classify_by_separators(acting_uow(app, args), args.barcode)
    print_json({"separator_pages": list(result.separators), "documents": list(result.documents)})
    return EXIT_OK


def _write_pdf(args: argparse.Namespace, pdf: bytes) -> int:
    """Write `pdf` to --pdf. reportlab is imported only by the commands that make PDFs, so the others (and the scan
    command above all) start without it."""
    from scanstation.indexing.labels import write

    write(pdf, Path(args.pdf))
    print(args.pdf)
    return EXIT_OK


def _separator_sheets(app: App, args: argparse.Namespace) -> int:
    from scanstation.services import labels

    return _write_pdf(args, labels.separator_sheets(args.type))


def _label(app: App, args: argparse.Namespace) -> int:
    from scanstation.indexing.labels import write
    from scanstation.services import labels

    kind = "folder" if args.folder else "sheet" if args.sheet else "dossier"
    labels.print_label(acting_uow(app, args), args.barcode, kind, lambda pdf: write(pdf, Path(args.pdf)))
    print(args.pdf)
    return EXIT_OK


def _stamp(app: App, args: argparse.Namespace) -> int:
    from scanstation.services import labels

    return _write_pdf(args, labels.stamp_stickers(acting_uow(app, args), args.barcode, [args.document]))


def _pdf(app: App, args: argparse.Namespace) -> int:
    from scanstation.indexing.labels import write
    from scanstation.records.paper_copies import document_copy

    document_copy(acting_uow(app, args), args.barcode, args.document, args.purpose, app.pages,
                  lambda pdf: write(pdf, Path(args.pdf)))
    print(args.pdf)
    return EXIT_OK


def register(commands: argparse._SubParsersAction, groups: dict) -> None:
    cls = commands.add_parser("classify", help="make pages one document of a type (step 12's input)")
    cls.add_argument("barcode")
    cls.add_argument("--pages", required=True, help="page numbers, e.g. 1-4,7")
    cls.add_argument("--type", required=True, metavar="CODE")
    cls.add_argument("--heading", metavar="CODE", help="default: the type's heading")
    cls.add_argument("--date", metavar="YYYY/MM/DD", help="the document's Jalali date")
    cls.add_argument("--note")
    add_user_flag(cls)
    cls.set_defaults(func=_classify)

    document = commands.add_parser("document", help="split, merge or separate classified documents")
    documents = document.add_subparsers(dest="document_command", metavar="ACTION", required=True)
    split = documents.add_parser("split", help="cut a document before a page; the rest becomes a new document")
    split.add_argument("barcode")
    split.add_argument("--document", required=True, metavar="N")
    split.add_argument("--at", required=True, metavar="PAGE", help="the first page of the new document")
    add_user_flag(split)
    split.set_defaults(func=_split)
    merge = documents.add_parser("merge", help="join a document with the next one")
    merge.add_argument("barcode")
    merge.add_argument("--document", required=True, metavar="N")
    add_user_flag(merge)
    merge.set_defaults(func=_merge)
    separate = documents.add_parser("separators", help="classify by the separator sheets scanned with the pages")
    separate.add_argument("barcode")
    add_user_flag(separate)
    separate.set_defaults(func=_separators)
    sheets = documents.add_parser("separator-sheets", help="write the printable separator sheets PDF")
    sheets.add_argument("--pdf", required=True, metavar="FILE")
    sheets.add_argument("--type", action="append", metavar="CODE", help="only these types (default: all)")
    sheets.set_defaults(func=_separator_sheets, needs_db=False)

    label = groups["dossier"].add_parser("label", help="step 3: register and write the barcode label PDF")
    label.add_argument("barcode")
    label.add_argument("--pdf", required=True, metavar="FILE")
    kind = label.add_mutually_exclusive_group()
    kind.add_argument("--sheet", action="store_true", help="an A4 sheet of labels instead of a label-printer label")
    kind.add_argument("--folder", action="store_true", help="the step-8 folder label (records step 8 on first print)")
    add_user_flag(label)
    label.set_defaults(func=_label)

    stamp = groups["dossier"].add_parser("stamp", help="the «Scanned» stamp sticker of a classified document (Part 2)")
    stamp.add_argument("barcode")
    stamp.add_argument("--document", type=int, required=True, metavar="N")
    stamp.add_argument("--pdf", required=True, metavar="FILE")
    add_user_flag(stamp)
    stamp.set_defaults(func=_stamp)

    pdf = groups["dossier"].add_parser("pdf", help="the PDF of a classified document, its pages lossless, "
                                                   "with the «Scanned» stamp (what the upload sends)")
    pdf.add_argument("barcode")
    pdf.add_argument("--document", type=int, required=True, metavar="N")
    pdf.add_argument("--pdf", required=True, metavar="FILE")
    pdf.add_argument("--purpose", default="check", metavar="CODE",
                     help="why the copy is made (Part 3.2; resources/records.toml copy_purposes); default: check")
    add_user_flag(pdf)
    pdf.set_defaults(func=_pdf)
