"""What a dossier screen pays for its two questions on a big dossier: `dossier_detail` (the dossier's full picture)
and `allowed_actions` ("what may this user do now"), asked on every load of the dossier, capture and classification
screens. Dossiers of 500, 1,000 and 2,000 pages (a document every 25 pages, open QC flags) at step 5, where every
capture and classification check runs; dossier_detail should grow no faster than its pages (issue 21.5).

    .venv/bin/python bench/bench_actions.py [--runs 20]
"""

from __future__ import annotations

import argparse
import statistics
import time

from _common import ready_app, report

from scanstation.bootstrap import App
from scanstation.services import actions, capture_steps, classification, queries
from tests.builders import CLERK, add_pages, new_dossier, walk

SIZES = (500, 1000, 2000)
PAGES_PER_DOCUMENT = 25
GOALS_MS = {"dossier_detail": 100.0, "allowed_actions": 40.0}  # at 2,000 pages and 80 documents


def big_dossier(app: App, n: int, pages: int) -> str:
    """A dossier of `pages` pages in documents of 25, a flag open on every seventh page, scanning finished."""
    barcode = new_dossier(app, n)
    walk(app, barcode, 4, sheets=pages, slimmed=0)
    add_pages(app, barcode, pages, flagged=tuple(range(1, pages, 7)))
    capture_steps.finish_scanning(app.uow(CLERK), barcode)
    for first in range(1, pages + 1, PAGES_PER_DOCUMENT):
        classification.classify(app.uow(CLERK), barcode, f"{first}-{first + PAGES_PER_DOCUMENT - 1}", "EMPLOYMENT")
    return barcode


def timed(ask: object, runs: int) -> tuple[list[float], float]:
    """Wall milliseconds of each run, and the median CPU milliseconds (steadier on a shared, busy machine)."""
    ask()  # type: ignore[operator]
    samples, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        ask()  # type: ignore[operator]
        samples.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return samples, statistics.median(cpu)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    runs = parser.parse_args().runs
    app, _, _ = ready_app()
    medians: dict[str, dict[int, float]] = {"dossier_detail": {}, "allowed_actions": {}}
    for n, pages in enumerate(SIZES, start=1):
        barcode = big_dossier(app, n, pages)
        docs = pages // PAGES_PER_DOCUMENT
        for name, ask in (("dossier_detail", lambda: queries.dossier_detail(app.uow(CLERK), barcode)),
                          ("allowed_actions", lambda: actions.allowed_actions(app.uow(CLERK), barcode))):
            samples, cpu = timed(ask, runs)
            medians[name][pages] = statistics.median(samples)
            report(f"{name} ({pages} pages, {docs} documents)", samples,
                   GOALS_MS[name] if pages == SIZES[-1] else None)
            print(f"{'':38} cpu median {cpu:7.1f} ms")
    for name, by_size in medians.items():
        growth = by_size[SIZES[-1]] / by_size[SIZES[0]]
        print(f"{name}: x{SIZES[-1] // SIZES[0]} pages -> x{growth:.1f} time "
              f"(linear: about x{SIZES[-1] // SIZES[0]}; {'met' if growth <= 1.25 * SIZES[-1] / SIZES[0] else 'NOT met'})")
    app.close()


if __name__ == "__main__":
    main()
