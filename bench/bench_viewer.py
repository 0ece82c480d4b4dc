"""The page viewer (ui/page_viewer.py) through the real widget offscreen, on 300-dpi A4 gray pages imported through
the real pipeline into the page store:
- open: a page not decoded yet is asked for, until it has been painted (decode off the main thread, scale to the
  view, paint); also when a whole dossier is opened at that page (its thumbnails load at the same time);
- next after prefetch: PgDn once the viewer has decoded the next pages ahead, until the page has been painted.

Goals (issue 9): open <= 150 ms, next <= 50 ms after prefetch.
Run: .venv/bin/python bench/bench_viewer.py [pages]
"""

from __future__ import annotations

import os
import shutil
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _common import ready_app, report  # noqa: E402
from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from scanstation.ui.app import pin_singletons  # noqa: E402
from scanstation.ui.look import install_look  # noqa: E402
from scanstation.ui.operations import MainThreadCollector  # noqa: E402
from scanstation.ui.page_viewer import PageViewer  # noqa: E402
from tests.ui.viewer_data import dossier_pages, import_text_pages  # noqa: E402

OPEN_GOAL_MS, NEXT_GOAL_MS = 150, 50


def until_shown(viewer: PageViewer, action: object) -> float:
    """Milliseconds from `action()` to the viewer's `shown` signal."""
    loop = QEventLoop()
    viewer.shown.connect(loop.quit)
    QTimer.singleShot(10_000, loop.quit)
    clock = QElapsedTimer()
    clock.start()
    action()  # type: ignore[operator]
    if viewer.canvas.decoded is None or viewer._painted_seq is None:
        loop.exec()
    elapsed = clock.nsecsElapsed() / 1e6
    viewer.shown.disconnect(loop.quit)
    return elapsed


def until_idle(viewer: PageViewer) -> None:
    while not viewer._decoder.idle:
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)


def main(count: int) -> None:
    pin_singletons()  # as run_window does
    qapp = QApplication.instance() or QApplication(sys.argv)
    install_look(qapp, "fa")
    MainThreadCollector(qapp)
    app, barcode, folder = ready_app()
    try:
        import_text_pages(app, barcode, count, folder)
        pages = dossier_pages(app, barcode)
        viewer = PageViewer()
        viewer.resize(1100, 700)  # the viewer's share of a 1366x768 window
        viewer.show()
        QApplication.processEvents()
        dossiers = [until_shown(viewer, lambda k=k: viewer.set_pages(pages, current=k)) for k in range(count)]
        size = viewer.canvas.size()
        print(f"{count} pages of 300-dpi A4 gray, shown {size.width()}x{size.height()} (fit to page); "
              f"{os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f}")
        report("open a dossier at a page (+thumbnails)", dossiers, OPEN_GOAL_MS)
        opened = []
        for k in range(count):  # a jump (End, a click in the strip) to a page not decoded yet
            until_idle(viewer)
            viewer._cache.clear()
            opened.append(until_shown(viewer, lambda k=k: viewer.show_page(k)))
        report("open a page (not yet decoded)", opened, OPEN_GOAL_MS)
        for fit in (viewer.fit_page, viewer.fit_width):
            fit()
            viewer.set_pages(pages, current=0)
            nexts = []
            for _ in range(count - 1):
                until_idle(viewer)
                nexts.append(until_shown(viewer, viewer.next_page))
            size = viewer.canvas.size()
            report(f"next page after prefetch, {size.width()}x{size.height()}", nexts, NEXT_GOAL_MS)
    finally:
        app.close()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 12)
