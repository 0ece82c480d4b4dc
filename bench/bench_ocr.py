"""OCR accuracy and speed on synthetic Persian pages (issue 23), against stock `tesseract -l fas --psm 3`.

The pages come from tests/persian_pages.py: five fonts, 10-14 pt, clean to noisy, blurred, JPEG, every other page
fed turned by 90/180/270, and pages without text (a stamp and a signature, an ID card, a blank back). Each page is
put upright by the quality check's turn (capture/qc.page_turn) and read by `read_page` (binarisation, Tesseract in
one single-threaded process) one at a time, so the time is one core's; the stock command line runs on the upright page as FIELD-NOTES measured it. The character
error rate compares `fold` of the ground truth with `fold` of the text read (Levenshtein distance over the truth's
length, all pages together). Goals: CER <= 5%, <= 2 s a page on one core, every text page's turn right, no turn on
a page without text.
Run: .venv/bin/python bench/bench_ocr.py [pages] [seed]
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import ROOT  # noqa: F401  (puts the project on the path)

from scanstation.core.match_key import fold
from scanstation.capture.qc import page_turn
from scanstation.indexing.ocr import model_version, read_page
from tests.persian_pages import page_set, turned


def distance(a: str, b: str) -> int:
    """Levenshtein distance, row by row."""
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def stock(path: Path) -> str:
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    return subprocess.run(["tesseract", str(path), "-", "-l", "fas", "--psm", "3"], capture_output=True, text=True,
                          env=env).stdout


def main(count: int, seed: int) -> None:
    print(f"engine: {model_version()}")
    pages = page_set(count, seed=seed, without_text=max(3, count // 8))
    errors = truth_chars = stock_errors = 0
    seconds: list[float] = []
    cpu: list[float] = []  # the Tesseract processes' own CPU time: what a page costs a core, however busy the machine
    wrong_turns, claimed_on_blank = [], []
    with tempfile.TemporaryDirectory() as folder:
        for n, page in enumerate(pages):
            path = page.save(Path(folder) / f"p{n}.{'jpg' if page.jpeg else 'png'}")
            image = page.image
            started, children = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
            read = read_page(image, page.dpi, page_turn(image, page.dpi))  # the quality check's turn, as the CLI
            seconds.append(time.perf_counter() - started)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu.append(after.ru_utime + after.ru_stime - children.ru_utime - children.ru_stime)
            if page.text is None:
                if read.turn is not None:
                    claimed_on_blank.append((n, page.kind, read.turn))
                print(f"{n:3} {page.kind:16} turn {read.turn}  {seconds[-1]:.2f} s (cpu {cpu[-1]:.2f} s)")
                continue
            if read.turn != page.turn:
                wrong_turns.append((n, page.turn, read.turn))
            truth = fold(page.text)
            e = distance(truth, fold(read.text))
            upright = turned(page, (360 - page.turn) % 360).save(Path(folder) / f"u{n}.png") if page.turn else path
            s = distance(truth, fold(stock(upright)))
            errors, stock_errors, truth_chars = errors + e, stock_errors + s, truth_chars + len(truth)
            print(f"{n:3} {page.font:15} {page.size_pt:4} pt {'jpeg' if page.jpeg else '    '} turn {page.turn:3}"
                  f"->{read.turn}  CER {100 * e / len(truth):5.1f}%  stock {100 * s / len(truth):5.1f}%  "
                  f"{seconds[-1]:.2f} s (cpu {cpu[-1]:.2f} s)")
    cer, stock_cer = 100 * errors / truth_chars, 100 * stock_errors / truth_chars
    median = sorted(seconds)[len(seconds) // 2]
    cpu_median = sorted(cpu)[len(cpu) // 2]
    print(f"\nCER {cer:.2f}% (stock tesseract -l fas --psm 3 on the upright pages: {stock_cer:.2f}%)  "
          f"goal <= 5%: {'met' if cer <= 5 else 'NOT met'}")
    print(f"time a page (one core, orientation included): median {median:.2f} s wall, max {max(seconds):.2f} s; "
          f"Tesseract CPU median {cpu_median:.2f} s, max {max(cpu):.2f} s")
    print(f"goal <= 2 s a page: {'met' if median <= 2 else 'NOT met'} on the wall clock, "
          f"{'met' if cpu_median <= 2 else 'NOT met'} in CPU time (the figure that holds on a busy machine)")
    print(f"turns wrong on text pages: {wrong_turns or 'none'}; turns claimed on pages without text: "
          f"{claimed_on_blank or 'none'}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 24, int(sys.argv[2]) if len(sys.argv) > 2 else 1)
