"""The window's event loop while its page reader (ui/reader_worker.py) reads the text of a dossier's pages: a
clerk's window, offscreen, the classification screen showing. Goal (issue 23): no stall over 50 ms while OCR runs.
The pages (300-dpi A4 synthetic Persian letters, tests/persian_pages.py) are stored and queued before the window
opens; the window's reader is stopped for 15 s first (the stalls the machine's load alone causes, a baseline), then
started again, both cores reading (nobody captures).
Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_reader_window.py [pages]
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _common import ready_app  # noqa: E402
from bench_capture_ui import StallMeter  # noqa: E402
from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from scanstation.services import page_capture, users  # noqa: E402
from scanstation.services.page_reading import ReadingProgress  # noqa: E402
from scanstation.services.setup import CONSOLE  # noqa: E402
from scanstation.ui.app import Launcher, pin_singletons  # noqa: E402
from scanstation.ui.look import install_look  # noqa: E402
from scanstation.ui.operations import MainThreadCollector  # noqa: E402
from tests.builders import CLERK, PASSWORD  # noqa: E402
from tests.persian_pages import page_set  # noqa: E402


def main(count: int) -> None:
    pin_singletons()  # as run_window does: PySide6's lost references to None/True/False crashed the exit
    qapp = QApplication.instance() or QApplication(sys.argv)
    install_look(qapp, "fa")
    collector = MainThreadCollector(qapp)
    app, barcode, folder = ready_app()
    files = [page.save(Path(folder) / f"p{n}.png") for n, page in enumerate(page_set(count, seed=3))]
    page_capture.import_files(app.uow(CLERK), barcode, files, app.pages)
    meter = StallMeter()
    loop = QEventLoop()
    left: list[ReadingProgress] = []
    t0 = time.perf_counter()
    window = Launcher(app, maximized=False).open_window(users.authenticate(app.uow(CONSOLE), CLERK, PASSWORD))
    window.reader_worker.progress.connect(lambda p: (left.append(p), loop.quit() if p.waiting == 0 else None))
    window.show_screen("classify")
    window.reader_worker.stop()  # first the same window without the reader: what the machine's load alone costs
    baseline = StallMeter()
    idle = QEventLoop()
    QTimer.singleShot(300, idle.quit)
    idle.exec()
    collector.collect()
    baseline.start()
    QTimer.singleShot(15_000, idle.quit)
    idle.exec()
    baseline.stop()
    print(baseline.summary("event loop, reader stopped (baseline)"))
    collector.collect()
    t0 = time.perf_counter()
    window.reader_worker.start()
    meter.start()
    QTimer.singleShot(900_000, loop.quit)
    loop.exec()
    took = time.perf_counter() - t0
    meter.stop()
    print(f"window reader: {count - (left[-1].waiting if left else count)}/{count} pages read in {took:.1f} s "
          f"({took / max(1, count):.2f} s a page with both cores)")
    print(meter.summary("event loop while the pages are read"))
    window.close()
    window.deleteLater()
    collector.stop()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 8)
