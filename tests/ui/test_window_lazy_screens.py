"""The window opens with only the dossier screen built (issue 21.7: building all twelve took most of its launch);
each other screen is built the first time it is brought forward, by its tab, its shortcut or another screen, and is
then the same as if it had been there from the start: in its tab's place, showing the queue's dossier, wired."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from scanstation.bootstrap import App
from scanstation.ui.capture_bench import CaptureBench
from scanstation.ui.dossier_view import DossierView
from scanstation.ui.review_view import ReviewView
from tests.builders import SUPERVISOR, new_dossier
from tests.ui.conftest import Settle, open_window


def test_a_screen_is_built_when_first_brought_forward(qtbot: QtBot, settle: Settle, staffed: App) -> None:
    barcode = new_dossier(staffed)
    window = open_window(qtbot, settle, staffed, SUPERVISOR)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    screens = window.screen_by_key
    keys = list(screens)
    assert isinstance(screens.built("dossier"), DossierView) and window.screens.currentWidget() is window.dossier
    assert [key for key in keys if screens.built(key) is not None] == ["dossier"]
    assert "review" in screens and window.screen_tabs.count() == window.screens.count() == len(keys)
    window.queue.select_row(0)
    settle(window.runner)

    tabs = window.screen_tabs  # the capture bench's tab: built, in its place, following the queue's dossier
    qtbot.mouseClick(tabs, Qt.MouseButton.LeftButton, pos=tabs.tabRect(keys.index("capture")).center())
    settle(window.runner)
    bench = screens.built("capture")
    assert isinstance(bench, CaptureBench) and window.screens.currentWidget() is bench
    assert window.screens.indexOf(bench) == keys.index("capture") and bench.barcode == barcode

    search = screens["search"]  # built without being shown: the screen in front stays, the stack keeps its order
    assert window.screens.currentWidget() is bench and window.screens.indexOf(search) == keys.index("search")

    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_F8)  # the review screen's shortcut builds it
    settle(window.runner)
    assert isinstance(window.screens.currentWidget(), ReviewView)
    assert window.screens.currentWidget() is screens.built("review") and tabs.currentIndex() == keys.index("review")
    assert window.screens.count() == len(keys)
    window.close()
