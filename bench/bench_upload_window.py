"""The window's event loop while its own upload worker (ui/outbox_worker.py) sends a 200-page dossier to a local
wsgidav: the supervisor's window, offscreen, the outbox screen showing. Goal (issue 10): no stall over 50 ms.
Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_upload_window.py
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _common import ROOT  # noqa: F401,E402 (puts the checkout on sys.path)
from bench_capture_ui import StallMeter  # noqa: E402
from bench_upload import approved_dossier  # noqa: E402
from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from scanstation.services import outbox_status, upload, users  # noqa: E402
from scanstation.services.setup import CONSOLE  # noqa: E402
from scanstation.ui.app import Launcher, pin_singletons  # noqa: E402
from scanstation.ui.look import install_look  # noqa: E402
from scanstation.ui.operations import MainThreadCollector  # noqa: E402
from tests.builders import PASSWORD as USER_PASSWORD, SUPERVISOR  # noqa: E402
from tests.sync.servers import PASSWORD, USER, start_server  # noqa: E402


def main() -> None:
    pin_singletons()  # as run_window does: PySide6's lost references to None/True/False crashed the exit
    qapp = QApplication.instance() or QApplication(sys.argv)
    install_look(qapp, "fa")
    collector = MainThreadCollector(qapp)
    folder = Path(tempfile.mkdtemp(prefix="scanstation-bench-upload-window-"))
    app, barcode = approved_dossier(folder)
    upload.enqueue(app.uow(upload.SYNC_ACTOR), barcode, app.pages, app.outbox)  # packaging is timed elsewhere
    files = outbox_status.totals(app.uow(upload.SYNC_ACTOR)).counts["queued"]
    server = start_server("wsgidav", folder / "dav-root")
    try:
        window = Launcher(app, maximized=False).open_window(  # no store address yet: its worker waits
            users.authenticate(app.uow(CONSOLE), SUPERVISOR, USER_PASSWORD))
        window.show_screen("outbox")
        settle = QEventLoop()  # the first paint of the window and the outbox screen are not the upload's doing
        QTimer.singleShot(300, settle.quit)
        settle.exec()
        collector.collect()  # the set-up's garbage: the window's collector would have swept it long before
        app.settings = replace(app.settings, store_url=server.url, store_user=USER, store_password=PASSWORD)
        meter = StallMeter()
        loop = QEventLoop()
        done = lambda totals: loop.quit() if totals.counts.get("verified") == files else None  # noqa: E731
        window.outbox_worker.totals.connect(done)
        QTimer.singleShot(600_000, loop.quit)
        meter.start()
        t0 = time.perf_counter()
        window.outbox_worker.start()  # as the window does at login when the store is configured
        loop.exec()
        took = time.perf_counter() - t0
        meter.stop()
        verified = outbox_status.totals(app.uow(upload.SYNC_ACTOR)).counts.get("verified", 0)
        print(f"window upload: {verified}/{files} files verified in {took:.2f} s (from the worker's start)")
        print(meter.summary("event loop during the upload"))
        window.close()
        window.deleteLater()
    finally:
        server.close()
    collector.stop()


if __name__ == "__main__":
    main()
