"""Per-page pipeline at 300-dpi A4 (QC + barcode + thumbnail + lossless encode + hash + fsync + commit).

Goals (issue 3): at most 250 ms gray and 400 ms colour per page on the 2-core reference machine.
Run: .venv/bin/python bench/bench_pipeline.py [pages]
"""

from __future__ import annotations

import sys
import time

from _common import ready_app, report

from scanstation.capture.pipeline import process_page
from scanstation.capture.qc import check_page, load_thresholds
from scanstation.indexing.barcode_reader import read_barcodes
from scanstation.services import page_capture
from tests import imaging as im
from tests.builders import CLERK


def main(pages: int = 12) -> None:
    app, barcode, folder = ready_app()
    store = app.pages
    thresholds = load_thresholds()
    batch = page_capture._start_batch(app.uow(CLERK), barcode, "import")[1]  # one batch: a dossier takes one at a time
    for mode, goal in (("L", 250), ("RGB", 400)):
        images = [im.text_page(seed, mode=mode) for seed in range(pages)]
        qc_ms, bc_ms, total_ms = [], [], []
        for n, image in enumerate(images):
            t0 = time.perf_counter()
            check_page(image, 300, thresholds)
            t1 = time.perf_counter()
            read_barcodes(image)
            t2 = time.perf_counter()
            qc_ms.append((t1 - t0) * 1000)
            bc_ms.append((t2 - t1) * 1000)
            t3 = time.perf_counter()
            processed = process_page(image, 300, f"bench-{mode}-{n}", store, thresholds)
            page_capture._commit_page(app.uow(CLERK), barcode, batch, processed)
            total_ms.append((time.perf_counter() - t3) * 1000)
        label = "gray" if mode == "L" else "colour"
        report(f"quality check alone, {label}", qc_ms)
        report(f"barcode reading alone, {label}", bc_ms)
        report(f"whole pipeline + commit, {label}", total_ms, goal)
    # Pages the policy changes: an A5 letter on the platen cut to its sheet, a page fed upside down turned upright
    # (the image so made is stored too, on the writer thread, and a derived row committed with the scanner's).
    for label, make in (("A5 on the lid, cut to its sheet", lambda n: im.on_lid(im.sheet_page(148, 210, seed=n), seed=n)),
                        ("upside down, put upright", lambda n: im.text_page(n + 50).rotate(180))):
        images = [make(n) for n in range(pages)]
        total_ms = []
        for n, image in enumerate(images):
            t0 = time.perf_counter()
            processed = process_page(image, 300, f"bench-fix-{n}", store, thresholds)
            page_capture._commit_page(app.uow(CLERK), barcode, batch, processed)
            total_ms.append((time.perf_counter() - t0) * 1000)
        report(f"whole pipeline + commit, gray, {label}", total_ms, 250)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 12)
