"""A clerk's day in the real window (issue 22), through the real widgets: the approver's reason reaches the clerk
(capture bench, the page, the step history, the queue row, F9 to the first page sent back); one current state after
the rework; thumbnails keep their size after a log-out and log-in; the idle lock hides every personal detail."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from scanstation.bootstrap import App
from scanstation.services import capture_steps, page_fixes, queries, verification
from scanstation.ui.app import Launcher
from scanstation.ui.capture_bench import ICON_SIZE, CaptureBench
from scanstation.ui.dossier_view import SENT_BACK_FOREGROUND
from scanstation.ui.review_view import ReviewView
from tests import imaging as im
from tests.builders import CLERK, PASSWORD, SUPERVISOR, new_dossier, walk
from tests.ui.conftest import Settle, capture_bench, open_window

REASON = "برگ ۵ ناخوانا است"


def _sent_back(app: App) -> str:
    """A dossier whose document 1 (pages 1-8) the supervisor sent back with page 5 named."""
    barcode = new_dossier(app)
    walk(app, barcode, 6, sheets=10, slimmed=2)
    verification.reject_document(app.uow(SUPERVISOR), barcode, 1, REASON, [5])
    return barcode


def test_the_supervisors_reason_reaches_the_clerk_and_the_rework_leaves_one_state(
        qtbot: QtBot, settle: Settle, staffed: App, artifacts: Path) -> None:
    barcode = _sent_back(staffed)
    bench, window = capture_bench(qtbot, settle, staffed, barcode)
    # On the bench: who, when and why, and the page sent back chosen and large, its flag saying why
    assert bench.rejection.isVisible()
    assert REASON in bench.rejection.full_text and "ناظر" in bench.rejection.full_text
    assert bench.current_seq() == 5
    assert REASON in bench.viewer.flags.text() and "برگشت ناظر" in bench.viewer.flags.text()
    assert REASON in bench.thumbs.item(4).toolTip()
    bench.select_row(0)
    assert bench.buttons["sent_back"].isEnabled()
    qtbot.keyClick(bench.thumbs, Qt.Key.Key_F9)
    assert bench.current_seq() == 5
    window.grab().save(str(artifacts / "window-day-sent-back-bench.png"))

    # On the queue row and in the dossier's step history
    row = window.queue.model.rows[0]
    assert row.state == "rejected" and REASON in row.state_title
    window.screens.setCurrentWidget(window.dossier)
    window.queue.select_row(0)
    settle(window.runner)
    step7 = [window.dossier.steps.item(6, c) for c in range(4)]
    assert "برگشت داده شد" in step7[3].text() and REASON in step7[3].text()
    assert step7[0].foreground().color() == SENT_BACK_FOREGROUND
    assert window.dossier.steps.item(4, 0).font().bold()  # step 5 is next again

    # The clerk reworks page 5 and closes step 6 again: one state, the current one, everywhere
    page_fixes.accept_flags(staffed.uow(CLERK), barcode, [5], "اصل همین است")
    capture_steps.finish_scanning(staffed.uow(CLERK), barcode)
    capture_steps.complete_quality_check(staffed.uow(CLERK), barcode)
    window.queue.refresh(keep=barcode)  # F5, as after work done at another workstation
    window.dossier.show_dossier(barcode)
    settle(window.runner)
    row = window.queue.model.rows[0]
    assert row.state == "checked" and "رد" not in row.state_title
    assert window.dossier.values["state_title"].text() == "کنترل کیفیت شده"
    detail = queries.dossier_detail(staffed.uow(CLERK), barcode)
    assert detail.rejected_reason is None and detail.rejections == ()
    assert "برگشت داده شد" in window.dossier.steps.item(6, 0).toolTip()  # the history keeps what it was
    supervisor = open_window(qtbot, settle, staffed, SUPERVISOR)
    review = supervisor.screen_by_key["review"]
    supervisor.show_screen("review")
    settle(supervisor.runner)
    review.open_dossier(barcode)
    settle(supervisor.runner)
    assert "رد" not in review.title.text() and "کنترل کیفیت شده" in review.title.text()
    supervisor.close()
    window.close()
    settle(window.runner, supervisor.runner)


def test_thumbnails_keep_their_size_after_logging_out_and_in(qtbot: QtBot, settle: Settle, staffed: App,
                                                            tmp_path: Path) -> None:
    barcode = new_dossier(staffed)
    walk(staffed, barcode, 4, sheets=3, slimmed=0)
    bench, first = capture_bench(qtbot, settle, staffed, barcode)
    bench.import_files([im.save(im.text_page(n), tmp_path / f"p{n}.png") for n in range(3)])
    settle(first.runner)
    first.close()
    settle(first.runner)

    launcher = Launcher(staffed, maximized=False)
    qtbot.addWidget(launcher.login)
    launcher.start()
    settle(launcher.runner)
    launcher.login.form.code.setText(CLERK)
    launcher.login.form.password.setText(PASSWORD)
    qtbot.mouseClick(launcher.login.ok_button, Qt.MouseButton.LeftButton)
    settle(launcher.runner)
    for _cycle in range(2):  # the window a log-in builds, then the one after a log-out and log-in
        window = launcher.window
        assert window is not None
        settle(window.runner)
        window.queue.select_row(0)
        window.show_screen("capture")
        bench = window.screen_by_key["capture"]
        assert isinstance(bench, CaptureBench)
        settle(window.runner)
        qtbot.waitUntil(lambda b=bench: b.thumbs.count() == 3, timeout=10_000)
        sizes = [bench.thumbs.visualItemRect(bench.thumbs.item(r)).size() for r in range(3)]
        assert all(s.width() >= ICON_SIZE.width() and s.height() >= ICON_SIZE.height() for s in sizes), sizes
        qtbot.waitUntil(lambda b=bench: not any(b.thumbs.item(r).icon().isNull() for r in range(3)), timeout=10_000)
        sizes = [bench.thumbs.visualItemRect(bench.thumbs.item(r)).size() for r in range(3)]
        assert all(s.width() >= ICON_SIZE.width() and s.height() >= ICON_SIZE.height() for s in sizes), sizes
        if _cycle == 0:
            window.log_out()
            launcher.login.form.code.setText(CLERK)
            launcher.login.form.password.setText(PASSWORD)
            qtbot.mouseClick(launcher.login.ok_button, Qt.MouseButton.LeftButton)
            settle(launcher.runner)
    launcher.window.close()
    settle(launcher.window.runner)


def test_the_idle_lock_hides_every_personal_detail(qtbot: QtBot, settle: Settle, staffed: App,
                                                   artifacts: Path) -> None:
    new_dossier(staffed, 3)
    window = open_window(qtbot, settle, staffed, idle_ms=200)
    window.resize(1366, 768)
    assert window.queue.model.rows[0].name == "بیمه شده 3"
    qtbot.waitUntil(lambda: window.overlay.locked, timeout=5_000)
    window.idle._timer.setInterval(60_000)  # locked once: no second lock while the unlocking is checked
    assert not window.centralWidget().isVisible() and not window.queue.isVisible()
    picture = window.grab().toImage()
    picture.save(str(artifacts / "window-day-locked.png"))
    overlay = window.overlay.palette().color(window.overlay.backgroundRole())
    corner = QColor(picture.pixel(20, picture.height() - 20))  # where the queue's rows were
    assert overlay.alpha() == 255 and corner == overlay, (corner.name(), overlay.name())
    window.overlay.form.password.setText(PASSWORD)
    qtbot.mouseClick(window.overlay.unlock_button, Qt.MouseButton.LeftButton)
    settle(window.runner)
    qtbot.waitUntil(lambda: not window.overlay.locked, timeout=5_000)
    assert window.centralWidget().isVisible() and window.queue.isVisible()


def test_approving_a_document_whose_pages_were_not_all_shown_asks_first(qtbot: QtBot, settle: Settle,
                                                                        staffed: App) -> None:
    barcode = new_dossier(staffed)
    walk(staffed, barcode, 6, sheets=4, slimmed=0)  # one document, pages 1-4
    window = open_window(qtbot, settle, staffed, SUPERVISOR)
    review = window.screen_by_key["review"]
    assert isinstance(review, ReviewView)
    window.show_screen("review")
    settle(window.runner)
    review.open_dossier(barcode)
    settle(window.runner)
    qtbot.waitUntil(lambda: review.seen_pages() == {1}, timeout=10_000)
    qtbot.mouseClick(review.approve_button, Qt.MouseButton.LeftButton)
    box = review.unseen_box
    assert box is not None and box.isVisible() and "۲، ۳، ۴" in box.text()
    assert queries.dossier_detail(staffed.uow(CLERK), barcode).documents[0].verified_by is None
    box.defaultButton().click()  # «نمایش نخستین صفحه دیده‌نشده»
    assert review.viewer.current().seq == 2
    qtbot.waitUntil(lambda: review.seen_pages() == {1, 2}, timeout=10_000)
    review.approve()
    box = review.unseen_box
    assert box is not None and "۳، ۴" in box.text()
    next(b for b in box.buttons() if b is not box.defaultButton()).click()  # approve knowingly
    settle(window.runner)
    detail = queries.dossier_detail(staffed.uow(CLERK), barcode)
    assert detail.documents[0].verified_by == SUPERVISOR
    approval = next(s for s in detail.steps if s.action == "approve_document")
    assert approval.values["pages_seen"] == [1, 2] and approval.values["pages_not_seen"] == [3, 4]
    window.close()
    settle(window.runner)


def test_the_next_step_is_in_sight_on_the_dossier_screen(qtbot: QtBot, settle: Settle, staffed: App) -> None:
    """A dossier with documents at 1366x768: the steps table keeps its rows, the next steps among them."""
    barcode = new_dossier(staffed)
    walk(staffed, barcode, 7, sheets=6, slimmed=0)  # next: steps 8 and 11, documents listed below the steps
    window = open_window(qtbot, settle, staffed)
    window.resize(1366, 768)
    window.queue.refresh(keep=barcode)
    settle(window.runner)
    window.show_screen("dossier")
    settle(window.runner)
    table = window.dossier.steps
    assert window.dossier.documents.isVisible()

    def in_sight(step: int) -> bool:
        rect = table.visualItemRect(table.item(step - 1, 0))
        return rect.top() >= 0 and rect.bottom() <= table.viewport().height()

    qtbot.waitUntil(lambda: in_sight(8) and in_sight(11), timeout=3_000)  # the table scrolls once laid out
    assert table.viewport().height() >= 5 * table.rowHeight(0)  # not squeezed to a few rows by the documents
    window.close()
    settle(window.runner)
