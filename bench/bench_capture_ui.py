"""The capture screen under load: event-loop stalls while capturing, and memory over a 500-page dossier.

Drives the real window offscreen (QT_QPA_PLATFORM=offscreen) through the same Runner and workers a clerk uses:
- stalls: 10 feeder batches of 10 sheets from the SANE test backend (its feeder is empty after 10), started with
  the scan button's slot, while a 5-ms QTimer on the main thread records the gaps between its ticks;
- memory: generated, all-different 300-dpi gray page files imported into one dossier in batches of 50 (as from a
  scan-to-folder copier), reading VmRSS from /proc/self/status before the first page and after each batch.
  The stall timer runs here too, so it also covers distinct pages with their own thumbnails.

Goals (issue 3): longest stall at most 50 ms while capturing 100 pages; RSS growth at most 200 MB over 500 pages.
Run: .venv/bin/python bench/bench_capture_ui.py [scan_batches] [import_pages]
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _common import ROOT, ready_app  # noqa: E402

os.environ["SCANSTATION_SANE_CONFIG"] = str(ROOT / "scanstation" / "resources" / "sane")
os.environ["SANE_CONFIG_DIR"] = str(ROOT / "scanstation" / "resources" / "sane")

from PIL import ImageDraw  # noqa: E402
from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEvent, QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from scanstation.services import users  # noqa: E402
from scanstation.services.setup import CONSOLE  # noqa: E402
from scanstation.ui.app import Launcher, pin_singletons  # noqa: E402
from scanstation.ui.capture_bench import CaptureBench  # noqa: E402
from scanstation.ui.look import install_look  # noqa: E402
from scanstation.ui.operations import MainThreadCollector, Runner  # noqa: E402
from tests import imaging as im  # noqa: E402
from tests.builders import CLERK, PASSWORD  # noqa: E402

STALL_GOAL_MS, RSS_GOAL_MB = 50, 200


def rss_mb() -> float:
    """Resident set size of this process, from /proc (no psutil needed)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


class StallMeter:
    """A 5-ms timer on the main thread; any longer gap between two ticks is time the event loop was blocked."""

    def __init__(self) -> None:
        self.gaps: list[float] = []
        self._clock = QElapsedTimer()
        self._timer = QTimer()
        self._timer.setInterval(5)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        """Start (or resume: gaps add up across runs, the paused time is not counted)."""
        self._clock.start()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        self.gaps.append(self._clock.nsecsElapsed() / 1e6)
        self._clock.restart()

    def summary(self, label: str) -> str:
        gaps = sorted(self.gaps)
        p99 = gaps[int(len(gaps) * 0.99)]
        worst = gaps[-1]
        return (f"{label}: tick gap median {statistics.median(gaps):5.1f} ms  p99 {p99:6.1f}  max {worst:6.1f} "
                f"(n={len(gaps)})  goal max <= {STALL_GOAL_MS} ms: {'met' if worst <= STALL_GOAL_MS else 'NOT met'}")


def wait(runner: Runner, timeout_s: float = 600) -> None:
    """Run the real event loop (as `app.exec()` does, so no Python polls it) until the window's jobs are done."""
    if runner.idle:
        return
    loop = QEventLoop()
    done = lambda busy: None if busy else loop.quit()  # noqa: E731
    runner.busy_changed.connect(done)
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    loop.exec()
    runner.busy_changed.disconnect(done)
    if not runner.idle:
        raise TimeoutError("capture did not finish")


def open_bench() -> tuple[CaptureBench, Runner, QWidget]:
    """A logged-in clerk's window on a fresh dossier ready for capture, the capture screen showing."""
    app, barcode, _folder = ready_app()
    who = users.authenticate(app.uow(CONSOLE), CLERK, PASSWORD)
    window = Launcher(app, maximized=False).open_window(who)
    window.resize(1366, 768)
    bench: CaptureBench = window.screen_by_key["capture"]  # type: ignore[assignment]
    window.screens.setCurrentWidget(bench)
    bench.show_dossier(barcode)
    wait(window.runner)
    wait(bench.discovery)
    return bench, window.runner, window


def close(window: QWidget) -> None:
    """Close and delete the window now, as the app does on quit, so nothing is left for interpreter shutdown."""
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def scan_run(batches: int) -> None:
    bench, runner, window = open_bench()
    bench.device.setCurrentIndex(bench.device.findData("test:0"))
    bench.profile.setCurrentIndex(bench.profile.findData("dossier-simplex"))
    meter = StallMeter()
    meter.start()
    t0 = time.perf_counter()
    for _ in range(batches):
        bench.scan()
        wait(runner)
    elapsed = time.perf_counter() - t0
    meter.stop()
    print(f"scanned {bench.thumbs.count()} pages (SANE test:0 feeder, {batches} batches of 10) in {elapsed:.1f} s")
    print(meter.summary("  while scanning"))
    close(window)


def page_files(folder: Path, first: int, count: int) -> list[Path]:
    """`count` different 300-dpi gray pages: a few text layouts, each stamped with its own number."""
    bases = [im.text_page(seed) for seed in range(5)]
    paths = []
    for n in range(first, first + count):
        page = bases[n % len(bases)].copy()
        ImageDraw.Draw(page).text((200, 3300), f"page {n:04d}", fill=0)
        paths.append(im.save(page, folder / f"p{n:04d}.png"))
    return paths


def import_run(pages: int, per_batch: int = 50) -> None:
    bench, runner, window = open_bench()
    folder = Path(tempfile.mkdtemp(prefix="bench-pages-"))
    meter = StallMeter()
    growth: list[tuple[int, float]] = []
    base = rss_mb()
    t0 = time.perf_counter()
    for first in range(0, pages, per_batch):
        files = page_files(folder, first, min(per_batch, pages - first))
        meter.start()
        bench.import_files(files)
        wait(runner)
        meter.stop()
        for path in files:
            path.unlink()
        growth.append((bench.thumbs.count(), rss_mb() - base))
    elapsed = time.perf_counter() - t0
    shutil.rmtree(folder)
    print(f"imported {bench.thumbs.count()} different pages into one dossier in {elapsed:.1f} s "
          f"(batches of {per_batch}; making the files is not in the tick figures)")
    print(meter.summary("  while importing"))
    print("  RSS growth: " + ", ".join(f"{n} pages {mb:+.0f} MB" for n, mb in growth[1::2] or growth))
    final = growth[-1][1]
    print(f"  RSS at start {base:.0f} MB, growth after {growth[-1][0]} pages {final:+.0f} MB  "
          f"goal <= {RSS_GOAL_MB} MB: {'met' if final <= RSS_GOAL_MB else 'NOT met'}")
    close(window)


def main(batches: int = 10, pages: int = 500) -> None:
    pin_singletons()  # as run_window does: PySide6's lost references to None/True/False crashed the exit
    qapp = QApplication.instance() or QApplication(sys.argv)
    install_look(qapp, "fa")
    collector = MainThreadCollector(qapp)
    if batches:
        scan_run(batches)
    if pages:
        import_run(pages)
    collector.stop()


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3]))
