"""The page viewer driven from the keyboard offscreen: paging (right to left), documents, zoom and pan, the
thumbnail strip's document bands, QC flags with their accepted reason, prefetch, and an unreadable master."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from scanstation.ui.page_viewer import PageViewer, ViewerPage, document_colour
from tests import imaging as im

# (document, type title) per page: two documents, then a page in none
LAYOUT = [(1, "سوابق"), (1, "سوابق"), (1, "سوابق"), (2, "مکاتبات"), (2, "مکاتبات"), (None, None)]


@pytest.fixture(scope="module")
def page_files(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Path, Path]]:
    folder = tmp_path_factory.mktemp("viewer")
    files = []
    for n in range(len(LAYOUT)):
        page = im.text_page(n, dpi=100, lines=8)
        master = im.save(page, folder / f"p{n}.png", dpi=100)
        thumb = page.copy()
        thumb.thumbnail((120, 170))
        files.append((master, im.save(thumb, folder / f"t{n}.png", dpi=None)))
    return files


def _pages(files: list[tuple[Path, Path]], broken: int | None = None) -> list[ViewerPage]:
    pages = []
    for n, ((document, kind), (master, thumb)) in enumerate(zip(LAYOUT, files, strict=True)):
        path = master.with_name("missing.png") if n == broken else master
        pages.append(ViewerPage(seq=n + 1, files=lambda p=path, t=thumb: (p, t), sheet=n // 2 + 1,
                                side="front" if n % 2 == 0 else "back", document=document, doc_type=kind,
                                heading="الف" if document == 1 else None,
                                qc_reasons=("blank",) if n == 1 else ("skew",) if n == 4 else (),
                                accepted_reason="پشت سفید برگ" if n == 1 else None))
    return pages


@pytest.fixture
def viewer(qtbot: QtBot, persian_qapp: QApplication, page_files: list[tuple[Path, Path]]) -> PageViewer:
    widget = PageViewer()
    qtbot.addWidget(widget)
    widget.resize(900, 650)
    widget.show()
    with qtbot.waitSignal(widget.shown, timeout=10_000) as shown:
        widget.set_pages(_pages(page_files))
    assert shown.args == [1]
    widget.setFocus()
    return widget


def _settled(qtbot: QtBot, viewer: PageViewer) -> None:
    qtbot.waitUntil(lambda: viewer._decoder.idle and viewer._thumbnailer.idle, timeout=10_000)


def test_pages_and_documents_from_the_keyboard(qtbot: QtBot, viewer: PageViewer) -> None:
    keys = 0

    def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> int:
        nonlocal keys
        keys += 1
        qtbot.keyClick(QApplication.focusWidget(), key, modifier)
        return viewer.index

    assert press(Qt.Key.Key_PageDown) == 1
    assert press(Qt.Key.Key_Left) == 2  # right to left: ← is forward
    assert press(Qt.Key.Key_Right) == 1
    assert press(Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier) == 3  # document 2 starts at page 4
    assert press(Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier) == 5  # the page in no document
    assert press(Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier) == 5  # nothing after it
    assert press(Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier) == 3
    assert press(Qt.Key.Key_Right) == 2
    assert press(Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier) == 0  # start of document 1
    assert press(Qt.Key.Key_End) == 5 and press(Qt.Key.Key_Home) == 0 and press(Qt.Key.Key_PageUp) == 0
    assert keys == 12
    assert viewer.strip.currentRow() == 0
    assert "سند ۱: سوابق / الف" in viewer.info.text() and "صفحه ۱ از ۶" in viewer.info.text()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_End)
    assert "هنوز در سندی نیست" in viewer.info.text()


def test_flags_and_the_reason_they_were_accepted(qtbot: QtBot, viewer: PageViewer) -> None:
    assert viewer.flags.text() == ""
    viewer.show_page(1)
    assert "پذیرفته شد: پشت سفید برگ" in viewer.flags.text()
    viewer.show_page(4)
    assert "هنوز پذیرفته نشده" in viewer.flags.text()
    assert viewer.strip.item(4).toolTip() == viewer.flags.text()


def test_next_page_is_decoded_before_it_is_asked_for(qtbot: QtBot, viewer: PageViewer) -> None:
    _settled(qtbot, viewer)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageDown)
    assert viewer.canvas.decoded is not None  # from the prefetch cache: no wait for the decoder
    assert viewer.canvas.decoded.fitted.size() == viewer.canvas.size()


def test_zoom_pan_and_fit(qtbot: QtBot, viewer: PageViewer) -> None:
    room = viewer.scroll.viewport().size()
    page = viewer.canvas.size()
    assert page.height() == room.height() and page.width() < room.width()  # a portrait page, fit to page
    focus = QApplication.focusWidget()
    qtbot.keyClick(focus, Qt.Key.Key_Plus)
    assert viewer.canvas.width() == pytest.approx(page.width() * 1.25, abs=2)
    for _ in range(4):
        qtbot.keyClick(focus, Qt.Key.Key_Plus)
    horizontal = viewer.scroll.horizontalScrollBar()
    assert horizontal.maximum() > 0
    before = horizontal.value()
    qtbot.keyClick(focus, Qt.Key.Key_Left)  # zoomed in: the arrows pan instead of turning the page
    assert horizontal.value() < before and viewer.index == 0
    vertical = viewer.scroll.verticalScrollBar()
    qtbot.mousePress(viewer.scroll.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(300, 300))
    qtbot.mouseMove(viewer.scroll.viewport(), QPoint(300, 200))
    qtbot.mouseRelease(viewer.scroll.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(300, 200))
    assert vertical.value() > 0  # dragged up: the view moved down the page
    qtbot.keyClick(focus, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert viewer.canvas.size() == page
    qtbot.keyClick(focus, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: viewer.canvas.decoded is not None
                    and viewer.canvas.decoded.fitted.size() == viewer.canvas.size(), timeout=10_000)
    assert viewer.canvas.width() == viewer.scroll.viewport().width()  # fit to width, beside the scroll bar
    assert viewer.scroll.verticalScrollBar().maximum() > 0
    width = viewer.canvas.width()
    wheel = QWheelEvent(QPointF(200, 200), QPointF(viewer.scroll.viewport().mapToGlobal(QPoint(200, 200))),
                        QPoint(0, 0), QPoint(0, -120), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(viewer.scroll.viewport(), wheel)
    assert viewer.canvas.width() == pytest.approx(width / 1.25, abs=2)


def test_document_bands_in_the_strip(qtbot: QtBot, viewer: PageViewer) -> None:
    _settled(qtbot, viewer)
    for row, document in ((0, 1), (3, 2), (5, None)):
        viewer.strip.scrollToItem(viewer.strip.item(row))
        picture = viewer.strip.viewport().grab().toImage()
        rect = viewer.strip.visualItemRect(viewer.strip.item(row))
        band = picture.pixelColor(rect.right() - 2, rect.center().y())  # right to left: the leading edge is right
        assert band == document_colour(document), row
    assert not viewer.strip.item(0).icon().isNull()  # thumbnails arrived


def test_an_unreadable_master_is_said_in_one_sentence(qtbot: QtBot, persian_qapp: QApplication,
                                                      page_files: list[tuple[Path, Path]]) -> None:
    viewer = PageViewer()
    qtbot.addWidget(viewer)
    viewer.resize(800, 600)
    viewer.show()
    viewer.set_pages(_pages(page_files, broken=0))
    qtbot.waitUntil(lambda: "خوانده نشد" in viewer.flags.text(), timeout=10_000)
    with qtbot.waitSignal(viewer.shown, timeout=10_000):
        qtbot.keyClick(viewer.scroll, Qt.Key.Key_PageDown)
    viewer.set_pages([])
    assert viewer.empty.isVisible() and not viewer.scroll.isVisible()
