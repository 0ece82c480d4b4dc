"""`scanstation qc [--json] FILE...`: the quality check on image files, no database needed.

Each page goes through the capture pipeline's checks (capture/pipeline.inspect_page), so a file gets the same verdict
here as when it is imported; the first page of the run gets the thorough barcode search, as a dossier's first does.
The image modules (numpy, OpenCV, zbar) are imported when the command runs, not when the parser is built, so that
every other command starts without paying for them.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scanstation.cli.common import EXIT_OK, EXIT_PROBLEM, print_json

if TYPE_CHECKING:
    from scanstation.bootstrap import App
    from scanstation.capture.image_files import LoadedImage


def file_pages(paths: list[Path]) -> Iterator[tuple[Path, LoadedImage | None, str | None]]:
    """Each page of each file, or the one sentence saying why a file cannot be read."""
    from scanstation.capture.image_files import ImageFileError, load_images, load_limits

    limits = load_limits()
    for path in paths:
        try:
            for loaded in load_images(path, limits):
                yield path, loaded, None
        except ImageFileError as exc:
            yield path, None, str(exc)


def _reports(paths: list[Path]) -> Iterator[dict[str, Any]]:
    """One report per page, file after file, the next page read while this one is checked; a file that cannot be
    read gives one report with `error`."""
    from scanstation.capture.pipeline import inspect_page, read_ahead
    from scanstation.capture.qc import load_thresholds

    thresholds = load_thresholds()
    first = True
    for path, loaded, error in read_ahead(file_pages(paths)):
        if loaded is None:
            yield {"file": str(path), "error": error}
            continue
        found = inspect_page(loaded.image, loaded.dpi, thresholds, first=first)
        first = False
        yield {"file": str(path) if loaded.label == path.name else f"{path}#{loaded.index + 1}",
               "ok": found.qc.ok, "reasons": list(found.qc.reasons), "metrics": found.qc.metrics,
               "barcodes": [{"type": b.type, "value": b.value} for b in found.barcodes],
               "turn": found.qc.turn, "sheet_mm": list(found.qc.sheet_mm)}


def _qc(app: App | None, args: argparse.Namespace) -> int:
    problem = False
    for report in _reports([Path(name) for name in args.files]):
        problem = problem or "error" in report or not report["ok"]
        if args.json:
            print_json(report)
        elif "error" in report:
            print(f"{report['file']}: {report['error']}")
        else:
            verdict = "ok" if report["ok"] else ", ".join(report["reasons"])
            codes = " ".join(b["value"] for b in report["barcodes"])
            print(f"{report['file']}: {verdict}" + (f"  [{codes}]" if codes else ""))
    return EXIT_PROBLEM if problem else EXIT_OK


def register(commands: argparse._SubParsersAction, groups: dict) -> None:
    qc = commands.add_parser("qc", help="quality-check image files (PNG, TIFF, JPEG, PDF pages)")
    qc.add_argument("--json", action="store_true", help="one JSON object per page, one per line")
    qc.add_argument("files", nargs="+", metavar="FILE")
    qc.set_defaults(func=_qc, needs_db=False, needs_app=False)
