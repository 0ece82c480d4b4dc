"""The page viewer in a window of its own beside the main window, at the office screen's 1366x768, on a real dossier
(pages imported through the pipeline, three documents, QC flags, one accepted): what a person looks at. Screenshots
go to test-artifacts/; under Xvfb with a window manager (QT_QPA_PLATFORM=xcb) the whole screen is grabbed too."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from scanstation.bootstrap import App
from scanstation.services import classification, page_capture, queries, users
from scanstation.services.setup import CONSOLE
from scanstation.ui.app import Launcher
from scanstation.ui.page_viewer import PageViewer
from tests import imaging as im
from tests.builders import CLERK, PASSWORD, SUPERVISOR, new_dossier, walk
from tests.ui.conftest import Settle
from tests.ui.viewer_data import dossier_pages

SCREEN = (1366, 768)


def _dossier(app: App, folder: Path) -> str:
    barcode = new_dossier(app)
    walk(app, barcode, 4)
    images = [im.text_page(n, dpi=150) for n in range(9)]
    images.insert(4, im.blank_page(dpi=150))
    images[6] = im.skewed(images[6], 4)
    files = [im.save(page, folder / f"p{n:02}.png", dpi=150) for n, page in enumerate(images)]
    page_capture.import_files(app.uow(CLERK), barcode, files, app.pages)
    classification.classify(app.uow(CLERK), barcode, "1-4", "EMPLOYMENT")
    classification.classify(app.uow(CLERK), barcode, "5-7", "CORRESPONDENCE")
    flagged = [p.seq for p in queries.dossier_detail(app.uow(CLERK), barcode).pages if p.qc_reasons]
    assert flagged, "the blank and the skewed page are flagged by QC"
    page_capture.accept_flag(app.uow(CLERK), barcode, flagged[0], "پشت سفید برگ، نگه داشته شد")
    return barcode


def test_viewer_beside_the_main_window_at_1366x768(qtbot: QtBot, settle: Settle, staffed: App, tmp_path: Path,
                                                    artifacts: Path) -> None:
    barcode = _dossier(staffed, tmp_path)
    window = Launcher(staffed, maximized=False).open_window(
        users.authenticate(staffed.uow(CONSOLE), SUPERVISOR, PASSWORD))
    qtbot.addWidget(window)
    window.resize(*SCREEN)
    settle(window.runner)
    window.queue.refresh(keep=barcode)
    settle(window.runner)

    harness = QWidget()
    harness.setWindowTitle("PageViewer — " + barcode)
    viewer = PageViewer(harness)
    QVBoxLayout(harness).addWidget(viewer)
    qtbot.addWidget(harness)
    harness.resize(*SCREEN)
    harness.show()
    pages = dossier_pages(staffed, barcode)
    with qtbot.waitSignal(viewer.shown, timeout=10_000):
        viewer.set_pages(pages)
    qtbot.waitUntil(lambda: viewer._decoder.idle and viewer._thumbnailer.idle, timeout=10_000)
    assert viewer.strip.count() == 10
    assert "سند ۱: " in viewer.info.text() and "صفحه ۱ از ۱۰" in viewer.info.text()
    room = viewer.scroll.viewport().size()
    assert viewer.canvas.height() == room.height() and viewer.canvas.width() <= room.width()
    harness.grab().save(str(artifacts / "viewer-fit-page.png"))
    viewer.show_page(4)  # the accepted blank back
    viewer.fit_width()
    qtbot.waitUntil(lambda: viewer.canvas.decoded is not None
                    and viewer.canvas.decoded.fitted.size() == viewer.canvas.size(), timeout=10_000)
    assert "پذیرفته شد" in viewer.flags.text() or "هنوز پذیرفته نشده" in viewer.flags.text()
    harness.grab().save(str(artifacts / "viewer-fit-width.png"))
    window.grab().save(str(artifacts / "window-supervisor-1366.png"))
    if QGuiApplication.platformName() == "xcb":  # as a clerk sees them: maximised under the window manager
        window.showMaximized()
        harness.showMaximized()
        qtbot.wait(500)
        window.raise_()
        qtbot.wait(300)
        QGuiApplication.primaryScreen().grabWindow(0).save(str(artifacts / "screen-window.png"))
        harness.raise_()
        harness.activateWindow()
        qtbot.wait(300)
        QGuiApplication.primaryScreen().grabWindow(0).save(str(artifacts / "screen-viewer.png"))
