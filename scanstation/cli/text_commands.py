"""Page text from the command line (issue 23).

`scanstation ocr [--json] FILE...`: the text of image files, each page put upright first; no database needed. Pages
are read two at a time (each in its own single-threaded Tesseract process) and printed in input order, one line a
page; a file that cannot be read gets its line with `error` and the run goes on (exit 1 at the end).
`scanstation reader [--once]`: the background reading of stored pages, as a service or until none is left.
`scanstation search TEXT [--dossier B] [--json] --user U`: the pages whose text holds the words, best first.
"""

from __future__ import annotations

import argparse
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scanstation.cli.common import EXIT_OK, EXIT_PROBLEM, acting_uow, add_user_flag, print_json
from scanstation.cli.qc_commands import file_pages

if TYPE_CHECKING:
    from scanstation.bootstrap import App
    from scanstation.capture.image_files import LoadedImage


def _report(path: Path, loaded: LoadedImage | None, error: str | None) -> dict[str, Any]:
    from scanstation.capture.qc import page_turn
    from scanstation.indexing.ocr import OcrUnavailable, read_page

    if loaded is None:
        return {"file": str(path), "error": error}
    name = str(path) if loaded.label == path.name else f"{path}#{loaded.index + 1}"
    try:
        page = read_page(loaded.image, loaded.dpi or 300, page_turn(loaded.image, loaded.dpi))
    except OcrUnavailable as exc:
        return {"file": name, "error": str(exc)}
    return {"file": name, "turn": page.turn, "text": page.text, "confidence": page.confidence}


def _reports(paths: list[Path]) -> Iterator[dict[str, Any]]:
    from scanstation.indexing.ocr import load_policy

    workers = max(1, load_policy().idle_workers)
    with ThreadPoolExecutor(workers) as pool:
        waiting: deque[Future[dict[str, Any]]] = deque()
        for item in file_pages(paths):  # at most two pages a worker in memory, not every file's
            waiting.append(pool.submit(_report, *item))
            if len(waiting) >= 2 * workers:
                yield waiting.popleft().result()
        while waiting:
            yield waiting.popleft().result()


def _ocr(app: App | None, args: argparse.Namespace) -> int:
    problem = False
    for report in _reports([Path(name) for name in args.files]):
        problem = problem or "error" in report
        if args.json:
            print_json(report)
        elif "error" in report:
            print(f"{report['file']}: {report['error']}")
        else:
            print(f"== {report['file']}\n{report['text']}")
    return EXIT_PROBLEM if problem else EXIT_OK


def _reader(app: App, args: argparse.Namespace) -> int:
    import signal
    import threading

    from scanstation.services import page_reading
    from scanstation.core.uow import Actor
    from scanstation.services.reading_worker import run_reader

    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    run = run_reader(app.uow, app.pages, stop=stop, until_done=args.once)
    left = page_reading.progress(app.uow(Actor(page_reading.READER, system=True)))
    print(f"read {run.read} pages, {run.failed} could not be read now; {left.waiting} waiting, "
          f"{left.failed} set aside")
    return EXIT_PROBLEM if run.failed else EXIT_OK


def _search(app: App, args: argparse.Namespace) -> int:
    from scanstation.services.text_search import search_text

    hits = search_text(acting_uow(app, args), args.text, args.dossier)
    if args.json:
        print_json([hit.to_json() for hit in hits])
    else:
        for hit in hits:
            document = f"document {hit.document}" if hit.document else "unclassified"
            print(f"{hit.barcode} {document} page {hit.page}: {hit.snippet}")
    return EXIT_OK


def register(commands: argparse._SubParsersAction, groups: dict) -> None:
    ocr = commands.add_parser("ocr", help="read the text of image files (Persian and English), each page put upright")
    ocr.add_argument("--json", action="store_true", help="one JSON object per page, one per line")
    ocr.add_argument("files", nargs="+", metavar="FILE")
    ocr.set_defaults(func=_ocr, needs_db=False, needs_app=False)
    reader = commands.add_parser("reader", help="read the text of stored pages (a service, or until none is left)")
    reader.add_argument("--once", action="store_true", help="read every page waiting now, then exit")
    reader.set_defaults(func=_reader)
    search = commands.add_parser("search", help="pages whose text holds the words")
    search.add_argument("text")
    search.add_argument("--dossier", metavar="BARCODE", help="only in this dossier")
    search.add_argument("--json", action="store_true", help="a JSON array, best first")
    add_user_flag(search)
    search.set_defaults(func=_search)
