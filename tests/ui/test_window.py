"""The real window, offscreen: login, a dossier walked through steps 1-4 by clicking, refusals, the queue."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from scanstation.bootstrap import App
from scanstation.core.digits import to_persian
from scanstation.core.jalali import jalali_date, utcnow
from scanstation.core.policy import input_limits
from scanstation.services import dossiers, queries
from scanstation.ui.app import Launcher
from scanstation.ui.dossier_view import NEXT_BACKGROUND
from scanstation.ui.main_window import MainWindow
from scanstation.ui.queue_view import URGENT_BACKGROUND, QueueModel, QueueView
from scanstation.ui.step_dialogs import StepDialog
from scanstation.services.work_queue import work_queue
from tests.builders import (ADMIN, BRANCH, CLERK, CLERK2, PASSWORD, SUPERVISOR, VALID_NATIONAL_IDS, national_id_for,
                            new_dossier, walk)
from tests.ui.screen_states import longest
from tests.ui.conftest import Settle, open_window, print_from_window

JALALI_MOMENT = re.compile(r"^1[34]\d\d/\d\d/\d\d \d\d:\d\d$")


def _log_in(qtbot: QtBot, settle: Settle, launcher: Launcher, code: str, password: str) -> None:
    form = launcher.login.form
    form.code.setText(code)
    form.password.setText(password)
    qtbot.mouseClick(launcher.login.ok_button, Qt.MouseButton.LeftButton)
    settle(launcher.runner)


def _step(qtbot: QtBot, settle: Settle, window: MainWindow, action: str, **values: str) -> StepDialog:
    """Click an action button, fill its dialog like a clerk and press Enter."""
    button = window.dossier.buttons[action]
    assert button.isEnabled(), button.toolTip()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = window.dossier.active_dialog
    assert dialog is not None and dialog.isVisible()
    for key, text in values.items():
        dialog.field(key).setText(text)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    settle(window.runner)
    return dialog


def _steps_row(window: MainWindow, step: int) -> list[str]:
    table = window.dossier.steps
    return [table.item(step - 1, column).text() for column in range(table.columnCount())]


def test_clerk_logs_in_and_walks_a_dossier_through_steps_1_to_4(qtbot: QtBot, settle: Settle, staffed: App,
                                                                artifacts: Path, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    launcher = Launcher(staffed, maximized=False)
    qtbot.addWidget(launcher.login)
    launcher.start()
    settle(launcher.runner)
    launcher.login.grab().save(str(artifacts / "window-login.png"))
    _log_in(qtbot, settle, launcher, CLERK, PASSWORD)
    window = launcher.window
    assert window is not None and not launcher.login.isVisible()
    qtbot.addWidget(window)
    settle(window.runner)
    assert "کاربر clerk1" in window.header_user.text() and "0012" in window.header_branch.text()
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert window.font().family() == "Vazirmatn FD"

    _step(qtbot, settle, window, "new", insured_number=to_persian("1000234599"),
          national_id=to_persian(VALID_NATIONAL_IDS[0]), name="علی محمدی", shelf="ردیف ۳ قفسه ۱۲")
    settle(window.runner)
    barcode = window.dossier.detail.barcode
    assert window.queue.model.rows[0].barcode == barcode
    assert window.dossier.values["insured_number"].text() == "1000234599"  # typed in Persian digits, stored Latin
    _step(qtbot, settle, window, "count", sheets="۱۲")
    print_from_window(qtbot, settle, monkeypatch, window.dossier, "register", tmp_path / "label.pdf")
    _step(qtbot, settle, window, "prepare", slimmed="۲")

    detail = queries.dossier_detail(staffed.uow(CLERK), barcode)
    assert (detail.progress.step, detail.sheets_counted, detail.sheets_slimmed) == (4, 12, 2)
    today = jalali_date(utcnow(), persian_digits=False)
    for step in (1, 2, 3, 4):
        title, who, when, _values = _steps_row(window, step)
        assert who == "کاربر clerk1", (step, who)
        assert JALALI_MOMENT.match(when) and when.startswith(today), when
    assert "12" in _steps_row(window, 2)[3] and "2" in _steps_row(window, 4)[3]
    assert window.dossier.steps.item(4, 0).background().color() == NEXT_BACKGROUND  # step 5 is next
    assert _steps_row(window, 6)[1] == ""  # step 7 not done yet
    assert not window.dossier.buttons["count"].isEnabled()
    assert "قبلاً انجام شده" in window.dossier.buttons["count"].toolTip()
    assert not window.dossier.buttons["recount"].isEnabled()
    assert "کنترل تعداد برگ" in window.dossier.buttons["recount"].toolTip()
    assert window.queue.model.rows[0].state == "prepared"
    window.grab().save(str(artifacts / "window-dossier.png"))


def test_a_refused_value_is_explained_in_the_dialog_and_changes_nothing(qtbot: QtBot, settle: Settle,
                                                                       staffed: App, artifacts: Path, tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    window = open_window(qtbot, settle, staffed)
    dialog = _step(qtbot, settle, window, "new", insured_number="1000234599", national_id="۰۰۱۲۳۴۵۶۷۸",
                   name="علی محمدی", shelf="R1")
    assert dialog.isVisible() and "کد ملی" in dialog.message.text()
    dialog.grab().save(str(artifacts / "window-dialog-refusal.png"))
    assert work_queue(staffed.uow(CLERK)).rows == []
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert window.dossier.active_dialog is None

    barcode = new_dossier(staffed, 1)
    walk(staffed, barcode, 2, sheets=5)
    window.queue.refresh(keep=barcode)
    settle(window.runner)
    print_from_window(qtbot, settle, monkeypatch, window.dossier, "register", tmp_path / "label.pdf", how="pdf")
    dialog = _step(qtbot, settle, window, "prepare", slimmed="۵")
    assert dialog.isVisible() and to_persian(5) in dialog.message.text()
    assert queries.dossier_detail(staffed.uow(CLERK), barcode).progress.step == 3


def test_second_dossier_for_a_national_id_offers_the_existing_one(qtbot: QtBot, settle: Settle, staffed: App,
                                                                 artifacts: Path) -> None:
    first = new_dossier(staffed, 0)
    window = open_window(qtbot, settle, staffed)
    dialog = _step(qtbot, settle, window, "new", insured_number="1000234500",
                   national_id=to_persian(VALID_NATIONAL_IDS[0]), name="علی محمدی", shelf="R9")
    assert dialog.isVisible() and first in dialog.message.text()
    offer = dialog.offer_button
    assert offer.isVisible() and first in offer.text()
    dialog.grab().save(str(artifacts / "window-second-dossier.png"))
    assert [row.barcode for row in work_queue(staffed.uow(CLERK)).rows] == [first]  # nothing registered
    qtbot.mouseClick(offer, Qt.MouseButton.LeftButton)
    settle(window.runner)
    assert window.dossier.active_dialog is None  # the dialog closed (and is freed)
    assert window.dossier.detail is not None and window.dossier.detail.barcode == first


def test_supervisor_sees_why_clerk_buttons_are_disabled(qtbot: QtBot, settle: Settle, staffed: App) -> None:
    barcode = new_dossier(staffed, 0)
    window = open_window(qtbot, settle, staffed, SUPERVISOR)
    window.queue.select_row(0)
    settle(window.runner)
    assert window.dossier.detail.barcode == barcode
    count = window.dossier.buttons["count"]
    assert not count.isEnabled() and "کاربر بایگانی" in count.toolTip()
    assert window.dossier.buttons["out_of_turn"].isEnabled()


def test_wrong_passwords_are_counted_then_the_account_locks(qtbot: QtBot, settle: Settle, staffed: App) -> None:
    launcher = Launcher(staffed, maximized=False)
    qtbot.addWidget(launcher.login)
    launcher.start()
    message = launcher.login.form.message
    _log_in(qtbot, settle, launcher, CLERK, "wrong")
    assert "درست نیست" in message.text() and to_persian(4) in message.text()
    assert launcher.login.form.password.text() == ""
    for _ in range(4):
        _log_in(qtbot, settle, launcher, CLERK, "wrong")
    assert "قفل شد" in message.text()
    _log_in(qtbot, settle, launcher, CLERK, PASSWORD)
    assert "قفل است" in message.text()
    assert launcher.window is None and launcher.login.isVisible()


def test_idle_window_locks_and_opens_for_the_same_or_another_user(qtbot: QtBot, settle: Settle, staffed: App,
                                                                  artifacts: Path) -> None:
    new_dossier(staffed, 0)
    window = open_window(qtbot, settle, staffed, idle_ms=200)
    qtbot.waitUntil(lambda: window.overlay.locked, timeout=5_000)
    assert not window.centralWidget().isEnabled()
    window.idle._timer.setInterval(60_000)  # locked once: no second lock while the unlocking is checked
    window.grab().save(str(artifacts / "window-locked.png"))
    form = window.overlay.form
    assert form.code.text() == CLERK and form.code.isReadOnly()
    form.password.setText("wrong")
    qtbot.keyClick(form.password, Qt.Key.Key_Return)
    settle(window.runner)
    assert window.overlay.locked and "درست نیست" in form.message.text()
    form.password.setText(PASSWORD)
    qtbot.keyClick(form.password, Qt.Key.Key_Return)
    settle(window.runner)
    assert not window.overlay.locked and window.centralWidget().isEnabled()

    window.lock()
    qtbot.mouseClick(window.overlay.switch_button, Qt.MouseButton.LeftButton)
    form.code.setText(CLERK2)
    form.password.setText(PASSWORD)
    qtbot.mouseClick(window.overlay.unlock_button, Qt.MouseButton.LeftButton)
    settle(window.runner)
    assert not window.overlay.locked
    assert window.ws.user.code == CLERK2 and "کاربر clerk2" in window.header_user.text()


def test_queue_puts_out_of_turn_first_marks_it_and_searches_any_digits(qtbot: QtBot, settle: Settle,
                                                                       staffed: App, artifacts: Path) -> None:
    ordinary = [new_dossier(staffed, n) for n in range(3)]
    walk(staffed, ordinary[1], 2)
    urgent = new_dossier(staffed, 3, out_of_turn="بیمه شده در باجه است")
    window = open_window(qtbot, settle, staffed)
    model = window.queue.model
    assert [r.barcode for r in model.rows] == [urgent, *ordinary]
    first = model.index(0, QueueModel.NAME)
    assert model.data(first, Qt.ItemDataRole.BackgroundRole).color() == URGENT_BACKGROUND
    assert "بیمه شده در باجه است" in model.data(first, Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(1, QueueModel.NAME), Qt.ItemDataRole.BackgroundRole) is None
    assert model.data(model.index(0, QueueModel.CREATED)) == jalali_date(utcnow(), persian_digits=False)
    window.queue.select_row(0)
    settle(window.runner)
    assert window.dossier.badge.isVisible()
    window.grab().save(str(artifacts / "window-queue.png"))

    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.queue.search.hasFocus()
    window.queue.search.insert(to_persian(VALID_NATIONAL_IDS[2]))  # QTest cannot type non-Latin keys
    qtbot.keyClick(window.queue.search, Qt.Key.Key_Return)
    settle(window.runner)
    assert [r.barcode for r in model.rows] == [ordinary[2]]
    assert window.dossier.detail.barcode == ordinary[2]

    window.queue.search.clear()
    window.queue.step_filter.setCurrentIndex(window.queue.step_filter.findData(3))
    settle(window.runner)
    assert [r.barcode for r in model.rows] == [ordinary[1]]

    window.queue.step_filter.setCurrentIndex(0)
    settle(window.runner)
    window.queue.select_row(3)
    settle(window.runner)
    assert window.dossier.detail.barcode == ordinary[2]
    _step(qtbot, settle, window, "out_of_turn", reason="انتقال پرونده به شعبه دیگر")
    assert [r.barcode for r in model.rows] == [ordinary[2], urgent, ordinary[0], ordinary[1]]  # oldest first
    assert model.data(model.index(0, QueueModel.NAME), Qt.ItemDataRole.BackgroundRole).color() == URGENT_BACKGROUND


def test_enter_on_a_queue_row_puts_the_keyboard_on_its_next_step(qtbot: QtBot, settle: Settle, staffed: App) -> None:
    new_dossier(staffed, 0)
    window = open_window(qtbot, settle, staffed)
    window.activateWindow()
    window.queue.table.setFocus()
    window.queue.select_row(0)
    settle(window.runner)
    qtbot.keyClick(window.queue.table, Qt.Key.Key_Return)
    assert window.dossier.buttons["count"].hasFocus()


def test_a_service_refusal_without_a_dialog_gets_the_one_message_box(qtbot: QtBot, settle: Settle,
                                                                     staffed: App) -> None:
    window = open_window(qtbot, settle, staffed)
    window.dossier.show_dossier("SS-0012-1405-999999-X")
    settle(window.runner)
    box = window.findChild(QMessageBox, "errorBox")
    assert box is not None and box.isVisible() and box.text()
    box.accept()



def test_physical_track_after_approval_reassemble_recount_reshelve(qtbot: QtBot, settle: Settle, staffed: App,
                                                                   artifacts: Path, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    barcode = new_dossier(staffed, 0)
    walk(staffed, barcode, 7, sheets=10, slimmed=2)
    window = open_window(qtbot, settle, staffed)
    window.queue.select_row(0)
    settle(window.runner)
    assert window.dossier.detail.barcode == barcode
    print_from_window(qtbot, settle, monkeypatch, window.dossier, "reassemble", tmp_path / "folder.pdf", how="pdf")
    dialog = _step(qtbot, settle, window, "recount", sheets="۱۰")
    assert dialog.isVisible() and to_persian(8) in dialog.message.text()  # 10 counted - 2 slimmed
    dialog.field("sheets").setText("8")
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    settle(window.runner)
    assert window.dossier.active_dialog is None  # accepted and gone
    _step(qtbot, settle, window, "reshelve", shelf="ردیف ۹ قفسه ۱")
    detail = queries.dossier_detail(staffed.uow(CLERK), barcode)
    assert (detail.progress.physical_step, detail.sheets_recounted, detail.shelf) == (10, 8, "ردیف ۹ قفسه ۱")
    assert _steps_row(window, 10)[1] == "کاربر clerk1" and "ردیف ۹ قفسه ۱" in _steps_row(window, 10)[3]
    assert window.dossier.steps.item(10, 0).background().color() == NEXT_BACKGROUND  # step 11, electronic track
    assert not any(window.dossier.buttons[k].isEnabled() for k in ("recount", "reshelve"))
    assert "چاپ دوباره" in window.dossier.buttons["reassemble"].toolTip()  # the folder label can be reprinted
    window.grab().save(str(artifacts / "window-physical-track.png"))


def test_locking_while_a_step_is_being_saved_keeps_the_step_and_closes_the_dialog(
        qtbot: QtBot, settle: Settle, staffed: App) -> None:
    barcode = new_dossier(staffed, 0)
    window = open_window(qtbot, settle, staffed)
    window.queue.select_row(0)
    settle(window.runner)
    qtbot.mouseClick(window.dossier.buttons["count"], Qt.MouseButton.LeftButton)
    dialog = window.dossier.active_dialog
    dialog.field("sheets").setText("7")
    dialog.submit()
    window.lock()  # before the saved result reaches the main thread
    assert window.dossier.active_dialog is None
    settle(window.runner)
    assert queries.dossier_detail(staffed.uow(CLERK), barcode).sheets_counted == 7
    assert window.dossier.detail.progress.step == 2 and window.overlay.locked


def test_at_1366x768_the_queue_shows_each_dossiers_state_beside_every_screen(qtbot: QtBot, settle: Settle,
                                                                             staffed: App) -> None:
    """Only the screen in front claims its width (the widest screen's minimum once kept the queue too narrow for the
    state column on every screen); a wide screen still gets its room when it comes to the front."""
    for n in range(2):
        walk(staffed, new_dossier(staffed, n), 2)
    longest_name = dossiers.NewDossier("1000234597", national_id_for(7), longest("سیدمحمدحسین ", input_limits().name_max_chars),
                                    "R7", None, None)
    dossiers.retrieve(staffed.uow(CLERK), BRANCH, longest_name)  # the name gives way to the state, not the reverse
    window = open_window(qtbot, settle, staffed)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    table = window.queue.table
    for key in ("dossier", "capture", "classify", "intake", "dossier"):
        window.show_screen(key)
        settle(window.runner)
        qtbot.wait(50)
        screen = window.screen_by_key[key]
        assert screen.width() >= screen.minimumSizeHint().width(), key  # the screen in front has its room
        state = table.horizontalHeader()
        shown = state.sectionViewportPosition(QueueModel.STATE)
        if not getattr(screen, "wide", False):  # a wide screen may narrow the queue (classification, intake)
            assert shown >= 0 and shown + state.sectionSize(QueueModel.STATE) <= table.viewport().width(), key
        else:  # even then the state begins in sight (cut with «…», whole in its tooltip), the name cut to its least
            end = shown + state.sectionSize(QueueModel.STATE)  # right to left: the state runs from `shown` to `end`
            assert min(end, table.viewport().width()) > max(shown, 0), key
            assert state.sectionSize(QueueModel.NAME) == QueueView.NAME_LEAST, key


@pytest.mark.parametrize("who", [SUPERVISOR, ADMIN])
def test_at_1366x768_every_screens_tab_is_in_sight(qtbot: QtBot, settle: Settle, staffed: App, who: str) -> None:
    """Seven screens' tabs (a supervisor's, an admin's) once sat beside the queue and scrolled the first ones out of
    sight; across the window, each is whole and a click on it brings its screen to the front."""
    window = open_window(qtbot, settle, staffed, who)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    tabs = window.screen_tabs
    assert tabs.count() == window.screens.count() >= 7
    for index in range(tabs.count()):
        assert tabs.rect().contains(tabs.tabRect(index)), tabs.tabText(index)
    qtbot.mouseClick(tabs, Qt.MouseButton.LeftButton, pos=tabs.tabRect(tabs.count() - 1).center())
    assert window.screens.currentIndex() == tabs.count() - 1
    window.close()
