"""The states a clerk's day puts the window in (issue 22), for the screen-fit test and for looking at the screens
under a window manager (tests/ui/look_at_screens.py): no store, a store configured, a scan running, an intake
running, a refusal showing, the longest names the input limits allow. Each state is entered through the real
widgets and the services; `Day.leave()` puts the window back at rest."""

from __future__ import annotations

import threading
from collections.abc import Iterator

from PySide6.QtCore import QEvent, QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QMessageBox, QWidget

from scanstation.bootstrap import App
from scanstation.core.policy import input_limits
from scanstation.services import dossiers, setup, users
from scanstation.services.outbox_status import Totals
from scanstation.services.read_models import CaptureSummary
from scanstation.ui.capture_bench import CaptureBench
from scanstation.ui.intake_view import IntakeView
from scanstation.ui.main_window import MainWindow
from scanstation.ui.operations import show_error
from tests.builders import ADMIN, BRANCH, CLERK, PASSWORD, ROLES, national_id_for, walk

STATES = ("no_store", "store", "scan", "intake", "refusal", "longest")
REFUSAL = ("پرونده SS-0012-1405-000123-7 در مرحله «کنترل کیفیت تصاویر» است و فایل /tmp/scanstation/اسکن‌ها/پرونده-بسیار-"
           "طولانی/config.toml خوانده نشد (Permission denied)؛ پیش از «تأیید و تطبیق با اصل اوراق» باید مرحله ۶ "
           "«کنترل کیفیت تصاویر» انجام شود.")


def longest(text: str, size: int) -> str:
    """`text` repeated to exactly `size` characters: the longest a field accepts."""
    return (text * (size // len(text) + 1))[:size]


def staff_longest(app: App) -> str:
    """Branch 0012 named as long as a name may be, one user per role with the longest name, and a dossier with the
    longest name, shelf and out-of-turn reason, taken to step 4; returns its barcode."""
    limits = input_limits()
    setup.ensure_branch(app.uow(setup.CONSOLE), BRANCH, longest("اداره کل تأمین اجتماعی شعبه ", limits.name_max_chars))
    users.add_user(app.uow(setup.CONSOLE), ADMIN, longest("مدیر سامانه ", limits.name_max_chars), ROLES[ADMIN],
                   PASSWORD, BRANCH)
    for code, roles in ROLES.items():
        if code != ADMIN:
            users.add_user(app.uow(ADMIN), code, longest("عبدالرحمن قاسمی‌نژاد ", limits.name_max_chars), roles,
                           PASSWORD, BRANCH)
    data = dossiers.NewDossier("1000234599", national_id_for(0), longest("سیدمحمدحسین ", limits.name_max_chars),
                               longest("ردیف ۳ قفسه ۱۲ ", limits.shelf_max_chars),
                               longest("بیمه شده در باجه منتظر است ", limits.reason_max_chars), None)
    barcode = dossiers.retrieve(app.uow(CLERK), BRANCH, data)
    walk(app, barcode, 4, sheets=3, slimmed=0)
    return barcode


class Day:
    """Puts one window into each state in turn; a job held on the window's runner stands for a scan or an intake
    still running (the runner does one job at a time, as during a feeder batch)."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self._release = threading.Event()
        self._boxes: list[QWidget] = []

    def enter(self, state: str) -> None:
        window = self.window
        if state == "store":
            totals = Totals({"queued": 123456, "sending": 4, "sent": 98765, "needs_attention": 4321},
                            {"queued": 10**12})
            window.outbox_indicator.show_totals(totals)
        elif state == "scan":
            bench = window.screen_by_key["capture"]
            assert isinstance(bench, CaptureBench)
            self._release.clear()
            bench.progress.show()
            # a feeder batch in progress: only «توقف» works
            bench._run_batch(lambda: CaptureSummary(0) if self._release.wait(30) else CaptureSummary(0))
            bench.status.setText(bench.tr("صفحه {n} رسید ({count} صفحه در این دسته)").format(n="۴۸۷", count="۴۸۷")
                                 + " — " + bench.tr("{rate} صفحه در دقیقه").format(rate="۲۷"))
        elif state == "intake" and "intake" in window.screen_by_key:
            intake = window.screen_by_key["intake"]
            assert isinstance(intake, IntakeView)
            self._release.clear()
            window.runner.run(lambda: self._release.wait(30), lambda _r: None)
            intake.status.setText(intake.tr("در حال پذیرش و کنترل کیفیت…"))
        elif state == "refusal":
            self._boxes.append(show_error(window, REFUSAL))
        QApplication.processEvents()

    def leave(self) -> None:
        self._release.set()
        for box in self._boxes:
            box.close()
        self._boxes.clear()
        QApplication.processEvents()


def laid_out() -> None:
    """Let every pending layout run (a few rounds: a layout's result can ask for another), without painting."""
    for _round in range(4):
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)


def screens(window: MainWindow) -> Iterator[str]:
    """Bring each of the window's screens to the front in turn."""
    for key in list(window.screen_by_key):
        window.show_screen(key)
        laid_out()
        yield key


def overflow(window: MainWindow, screen: QRect) -> list[str]:
    """What does not fit: the window wider or taller than `screen` (the available geometry), a button of the
    screen in front or of the header outside the window's visible area, a dialog or message larger than the
    screen or with a button outside itself."""
    problems = []
    frame = window.frameGeometry()
    if frame.width() > screen.width() or frame.height() > screen.height():
        problems.append(f"window {frame.width()}x{frame.height()} on a {screen.width()}x{screen.height()} screen")
    hint = window.minimumSizeHint()
    if hint.width() > screen.width() or hint.height() > screen.height():
        problems.append(f"window needs at least {hint.width()}x{hint.height()}")
    visible = window.rect()
    front = window.screens.currentWidget()
    for button in [*front.findChildren(QAbstractButton), *window.findChild(QWidget, "header")
                   .findChildren(QAbstractButton)]:
        if not button.isVisibleTo(window) or button.window() is not window:
            continue
        corner = button.mapTo(window, QPoint(0, 0))
        if not visible.contains(QRect(corner, button.size())):
            problems.append(f"button «{button.text()}» at {corner.x()},{corner.y()} {button.width()}x"
                            f"{button.height()} outside the window")
    for dialog in [*window.findChildren(QDialog), *window.findChildren(QMessageBox)]:
        if dialog.isVisible():
            problems += dialog_overflow(dialog, screen)
    return problems


def dialog_overflow(dialog: QWidget, screen: QRect) -> list[str]:
    problems = []
    size = dialog.frameGeometry().size()
    if size.width() > screen.width() or size.height() > screen.height():
        problems.append(f"dialog «{dialog.windowTitle()}» {size.width()}x{size.height()}")
    for button in dialog.findChildren(QAbstractButton):
        if button.isVisibleTo(dialog):
            corner = button.mapTo(dialog, QPoint(0, 0))
            if not dialog.rect().contains(QRect(corner, button.size())):
                problems.append(f"dialog «{dialog.windowTitle()}»: button «{button.text()}» outside it")
    return problems
