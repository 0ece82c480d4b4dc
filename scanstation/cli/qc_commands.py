"""`scanstation qc [--json] FILE...`: the quality check on image files, no database needed.

The image modules (numpy, scipy, zbar) are imported when the command runs, not when the parser is built, so that
every other command starts without paying for them.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from scanstation.bootstrap import App
from scanstation.cli.common import EXIT_OK, EXIT_PROBLEM, print_json


def _pages(path: Path, limits: Any, thresholds: Any) -> list[dict[str, Any]]:
    """One report per page of the file; a file that cannot be read gives one line with `error`."""
    from scanstation.capture.image_files import ImageFileError, load_images
    from scanstation.capture.qc import check_page
    from scanstation.indexing.barcode_reader import read_barcodes

    reports: list[dict[str, Any]] = []
    try:
        for loaded in load_images(path, limits):
            result = check_page(loaded.image, loaded.dpi, thresholds)
            codes = read_barcodes(loaded.image, result.metrics.get("skew_degrees"), thorough=True)  # type: ignore[arg-type]
            reports.append({"file": str(path) if loaded.label == path.name else f"{path}#{loaded.index + 1}",
                            "ok": result.ok, "reasons": list(result.reasons), "metrics": result.metrics,
                            "barcodes": [{"type": b.type, "value": b.value} for b in codes]})
    except ImageFileError as exc:
        reports.append({"file": str(path), "error": str(exc)})
    return reports


def _qc(app: App | None, args: argparse.Namespace) -> int:
    from scanstation.capture.image_files import load_limits
    from scanstation.capture.qc import load_thresholds

    limits, thresholds = load_limits(), load_thresholds()
    problem = False
    for name in args.files:
        for report in _pages(Path(name), limits, thresholds):
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
    qc.set_defaults(func=_qc, needs_db=False)
