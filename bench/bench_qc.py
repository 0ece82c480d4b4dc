"""`scanstation qc --json` over 30 A4 300-dpi pages against decoding the same files.

Both are timed as whole processes, start-up included: `python -m scanstation qc --json FILES` and a Python process
that only opens and decodes each file with Pillow. Goal (issue 7): at most 250 ms a page and at most 4 times the
decode. Median of 5 runs, taken in turn (qc, decode, qc, decode...).
Run: .venv/bin/python bench/bench_qc.py [pages]
"""

from __future__ import annotations

import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import ROOT

from tests import imaging as im

DECODE = "import sys\nfrom PIL import Image\nfor name in sys.argv[1:]:\n    Image.open(name).load()\n"


def pages(folder: Path, count: int) -> list[Path]:
    """A dossier-like mix: the first page with its label, text pages (some skewed, two in colour, some upside down),
    a few blanks, A5 letters on the A4 platen under its grey lid."""
    files = [im.save(im.with_barcode(im.text_page(0), "SS-0012-1403-000417-K"), folder / "p00.png")]
    for n in range(1, count):
        if n % 10 == 5:
            page = im.blank_page(seed=n)
        elif n % 10 == 7:
            page = im.skewed(im.text_page(n), 2.5)
        elif n % 10 == 9:
            page = im.on_lid(im.sheet_page(148, 210, seed=n), seed=n)
        elif n % 10 == 1:
            page = im.text_page(n).rotate(180)
        elif n % 15 == 3:
            page = im.text_page(n, mode="RGB")
        else:
            page = im.text_page(n)
        files.append(im.save(page, folder / f"p{n:02d}.png"))
    return files


def timed(cmd: list[str], cpu: list[float]) -> float:
    """Wall time of the process; its CPU time (user + system) goes to `cpu`, a steadier figure on a busy machine."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, check=False, capture_output=True, cwd=ROOT)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return wall


def main(count: int = 30) -> None:
    folder = Path(tempfile.mkdtemp(prefix="scanstation-bench-qc-"))
    files = [str(p) for p in pages(folder, count)]
    qc_runs, decode_runs, qc_cpu, decode_cpu = [], [], [], []
    timed([sys.executable, "-m", "scanstation", "qc", "--json", files[0]], [])  # warm the page cache and .pyc files
    for _ in range(5):
        qc_runs.append(timed([sys.executable, "-m", "scanstation", "qc", "--json", *files], qc_cpu))
        decode_runs.append(timed([sys.executable, "-c", DECODE, *files], decode_cpu))
    qc, decode = statistics.median(qc_runs), statistics.median(decode_runs)
    per_page = qc / count * 1000
    ratio = qc / decode
    print(f"scanstation qc --json, {count} A4 300-dpi PNG pages: {qc:6.2f} s, {per_page:5.0f} ms a page "
          f"(goal <= 250: {'met' if per_page <= 250 else 'NOT met'})")
    print(f"decoding the same files (Pillow, own process):   {decode:6.2f} s, {decode / count * 1000:5.0f} ms a page")
    print(f"ratio {ratio:.2f} (goal <= 4: {'met' if ratio <= 4 else 'NOT met'}); median of 5, start-up included")
    cpu_qc, cpu_decode = statistics.median(qc_cpu), statistics.median(decode_cpu)
    print(f"CPU time (user + system): qc {cpu_qc:.2f} s, decode {cpu_decode:.2f} s, ratio {cpu_qc / cpu_decode:.2f} "
          "(qc uses two threads, so its wall time can be less than its CPU time)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 30)
