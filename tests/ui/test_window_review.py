"""Step 7 in the real window (issue 9): a supervisor reviews a 100-page, 8-document dossier from the keyboard alone,
sends one page back through the real reject dialog, and approves every document; the key presses are counted."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from scanstation.bootstrap import App
from scanstation.services import capture_steps, classification, page_fixes, queries
from scanstation.ui.main_window import MainWindow
from scanstation.ui.review_view import ReviewView
from tests.builders import CLERK, SUPERVISOR, SUPERVISOR2, add_pages, new_dossier, walk
from tests.ui.conftest import Settle, open_window

DOCUMENTS = ["1-12", "13-25", "26-37", "38-50", "51-62", "63-75", "76-87", "88-100"]


def hundred_pages(app: App) -> str:
    """A dossier at step 6: 100 pages captured and classified by the clerk into 8 documents."""
    barcode = new_dossier(app)
    walk(app, barcode, 4, sheets=100, slimmed=0)
    add_pages(app, barcode, 100)
    capture_steps.finish_scanning(app.uow(CLERK), barcode)
    for pages in DOCUMENTS:
        classification.classify(app.uow(CLERK), barcode, pages, "EMPLOYMENT")
    capture_steps.complete_quality_check(app.uow(CLERK), barcode)
    return barcode


class Keyboard:
    """Key presses sent where the keyboard focus is, as a person's would be, and counted (typed text apart)."""

    def __init__(self, qtbot: QtBot, window: MainWindow, settle: Settle) -> None:
        self.qtbot, self.window, self.settle = qtbot, window, settle
        self.presses = 0

    def target(self) -> QWidget:
        return QApplication.focusWidget() or self.window

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        self.presses += 1
        self.qtbot.keyClick(self.target(), key, modifier)
        self.settle(self.window.runner)

    def type(self, text: str) -> None:
        """Persian text, character by character (QTest's keyClicks takes Latin-1 only)."""
        for char in text:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(self.target(), QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def look_through(qtbot: QtBot, keys: Keyboard, review: ReviewView) -> None:
    """Turn the pages of the document shown to its last, waiting for each to be painted (only a page drawn from its
    decoded image counts as shown to the approver)."""
    number = review.current_document()
    while True:
        seq = review.viewer.current().seq
        qtbot.waitUntil(lambda s=seq: s in review.seen_pages(), timeout=10_000)
        following = review.viewer.index + 1
        if following >= len(review.viewer.pages) or review.viewer.pages[following].document != number:
            return
        keys.press(Qt.Key.Key_PageDown)


def test_a_supervisor_reviews_100_pages_in_8_documents_from_the_keyboard(
        qtbot: QtBot, settle: Settle, staffed: App, artifacts: Path) -> None:
    barcode = hundred_pages(staffed)
    window = open_window(qtbot, settle, staffed, SUPERVISOR)
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    review: ReviewView = window.screen_by_key["review"]  # type: ignore[assignment]
    keys = Keyboard(qtbot, window, settle)

    keys.press(Qt.Key.Key_F8)  # the review screen, its queue in front
    assert window.screens.currentWidget() is review and review.queue.current_barcode() == barcode
    assert review.queue_hint.text().startswith("Enter")
    queue = review.queue
    assert queue.horizontalHeader().length() <= queue.viewport().width()  # no column cut at 1366x768
    assert queue.item(0, 4).text() == "۱۰۰" and queue.item(0, 5).text() == "۸ از ۸"
    keys.press(Qt.Key.Key_Return)  # open it
    qtbot.waitUntil(lambda: review.viewer.current() is not None, timeout=10_000)
    assert review.current_document() == 1 and review.documents.count() == 8
    qtbot.waitUntil(lambda: review.viewer._decoder.idle and review.viewer._thumbnailer.idle, timeout=10_000)
    documents = review.documents
    assert documents.visualItemRect(documents.item(7)).bottom() <= documents.viewport().height()  # all 8, unscrolled
    window.grab().save(str(artifacts / "review-screen.png"))

    for number in range(1, 8):  # documents 1-7: look at every page, approve; the screen moves on to the next one
        assert review.current_document() == number
        look_through(qtbot, keys, review)
        keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda n=number: review.current_document() == n + 1, timeout=10_000)
    assert [d.verified_by for d in queries.dossier_detail(staffed.uow(CLERK), barcode).documents] == \
        [SUPERVISOR] * 7 + [None]
    keys.press(Qt.Key.Key_PageDown)
    keys.press(Qt.Key.Key_PageDown)  # page 90, the third of document 8
    assert review.viewer.current().seq == 90

    keys.press(Qt.Key.Key_R)
    dialog = review.active_dialog
    assert dialog is not None and dialog.field("pages").text() == "۹۰"
    dialog.activateWindow()  # what the window manager does for a new dialog (offscreen has none)
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5_000)
    keys.type("مهر برابر اصل خوانا نیست")
    keys.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: review.active_dialog is None, timeout=10_000)
    window.activateWindow()  # the window manager gives the keyboard back to the window
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    detail = queries.dossier_detail(staffed.uow(CLERK), barcode)
    assert detail.state == "rejected" and [p.seq for p in detail.pages if p.open_flag] == [90]
    assert review.stack.currentIndex() == 0  # back to the queue, which no longer holds it

    page_fixes.accept_flags(staffed.uow(CLERK), barcode, "90", "اصل برگ همین است")  # the clerk, elsewhere
    capture_steps.complete_quality_check(staffed.uow(CLERK), barcode)
    keys.press(Qt.Key.Key_F5)
    assert review.queue.current_barcode() == barcode and review.queue.item(0, 5).text() == "۱ از ۸"
    keys.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: review.current_document() == 8, timeout=10_000)  # straight to the one waiting
    look_through(qtbot, keys, review)  # pages 88-90 were seen before the rejection; 91-100 not yet
    keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: review.stack.currentIndex() == 0, timeout=10_000)
    assert queries.dossier_detail(staffed.uow(CLERK), barcode).state == "verified"
    assert "مرحله ۷" in review.status.text()
    qtbot.waitUntil(lambda: "در انتظار تأیید نیست" in review.queue_hint.text(), timeout=5_000)  # the queue is empty
    # F8, Enter, 80 pages turned and 7 approvals, 2 pages, R, Enter, F5, Enter, 12 pages and 1 approval
    assert keys.presses <= 108, keys.presses
    approvals = [s.values for s in queries.dossier_detail(staffed.uow(CLERK), barcode).steps
                 if s.action == "approve_document"]
    assert all(not v["pages_not_seen"] for v in approvals) and approvals[-1]["pages_seen"] == list(range(88, 101))


def test_a_supervisor_who_edited_a_document_sees_why_they_may_not_decide_it(
        qtbot: QtBot, settle: Settle, staffed: App) -> None:
    barcode = new_dossier(staffed)
    walk(staffed, barcode, 5, sheets=4, slimmed=0)
    classification.classify(staffed.uow(CLERK), barcode, "1-2", "EMPLOYMENT")
    classification.classify(staffed.uow(SUPERVISOR2), barcode, "3-4", "EMPLOYMENT")  # as a clerk: an editor of 2
    capture_steps.complete_quality_check(staffed.uow(CLERK), barcode)
    window = open_window(qtbot, settle, staffed, SUPERVISOR2)
    review: ReviewView = window.screen_by_key["review"]  # type: ignore[assignment]
    window.show_screen("review")
    settle(window.runner)
    review.open_dossier(barcode)
    settle(window.runner)
    qtbot.waitUntil(lambda: review.viewer.current() is not None, timeout=10_000)
    assert review.current_document() == 1 and review.approve_button.isEnabled()
    review.viewer.next_document()
    assert review.current_document() == 2
    assert not review.approve_button.isEnabled() and not review.reject_button.isEnabled()
    assert "سند ۲" in review.approve_button.toolTip()
    review.approve()  # the key does what the button would: nothing, and says why
    settle(window.runner)
    assert "سند ۲" in review.status.text()
    assert queries.dossier_detail(staffed.uow(CLERK), barcode).documents[1].verified_by is None
