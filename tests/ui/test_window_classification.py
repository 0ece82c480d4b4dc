"""The classification screen in the real window: a clerk classifies a 50-page dossier into eight documents from
the keyboard alone (key presses counted), the quality check refuses while pages are loose, and a document is
edited, split and merged again from its keys."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from scanstation.bootstrap import App
from scanstation.services import capture_steps, classification, page_capture, queries
from scanstation.ui.capture_bench import CaptureBench
from scanstation.ui.classification_view import ClassificationView, matching_types
from scanstation.indexing.taxonomy import load_taxonomy
from tests import imaging as im
from tests.builders import CLERK, new_dossier, walk
from tests.ui.conftest import Settle, open_window

PLAN = [("ID-CARD", 1, 3), ("EMPLOYMENT", 4, 10), ("PAYMENT", 11, 18), ("PAYMENT", 19, 20),
        ("MEDICAL-RECORD", 21, 30), ("SICK-LEAVE", 31, 33), ("CORRESPONDENCE", 34, 45), ("FORM", 46, 50)]


class Keyboard:
    """Presses keys where the keyboard focus is, as the clerk would, and counts them."""

    def __init__(self, qtbot: QtBot, settle: Settle, view: ClassificationView) -> None:
        self.qtbot, self.settle, self.view, self.presses = qtbot, settle, view, 0

    def focus(self) -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None
        return widget

    def key(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        self.qtbot.keyClick(self.focus(), key, modifier)
        self.presses += 1
        self.settle(self.view._ws.runner)

    def type(self, text: str) -> None:
        """One key per character; Persian letters as a Persian keyboard layout sends them (QTest knows only ASCII)."""
        for char in text:
            if char.isascii():
                self.qtbot.keyClicks(self.focus(), char)
            else:
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    QApplication.sendEvent(self.focus(), QKeyEvent(kind, ord(char), Qt.KeyboardModifier.NoModifier,
                                                                   char))
            self.presses += 1
        self.settle(self.view._ws.runner)


def _plan_of(app: App, barcode: str) -> list[tuple[str, int, int]]:
    return [(d.type_code, d.pages[0], d.pages[-1]) for d in classification.documents(app.uow(CLERK), barcode)]


def test_type_ahead_matches_persian_names_and_codes() -> None:
    kinds = list(load_taxonomy().types.values())
    assert matching_types("فیش", kinds)[0].code == "PAYMENT"
    assert matching_types("emp", kinds)[0].code == "EMPLOYMENT"
    assert matching_types("كميسيون", kinds)[0].code == "COMMISSION-DISABILITY"  # Arabic ye and kaf typed
    assert [k.code for k in matching_types("sick-leave", kinds)] == ["SICK-LEAVE", "SICK-LEAVE-REFUSED"]
    assert matching_types("۱۲", kinds)[0].code == "SELF-CONTRACT"  # its name says "12 to 14 percent"


def test_clerk_classifies_fifty_pages_from_the_keyboard(qtbot: QtBot, settle: Settle, staffed: App, tmp_path: Path,
                                                        artifacts: Path) -> None:
    barcode = new_dossier(staffed)
    walk(staffed, barcode, 4, sheets=50, slimmed=0)
    images = [im.save(im.text_page(seed, lines=12 + 4 * seed), tmp_path / f"doc{seed}.png") for seed in range(8)]
    files = [images[n] for n, (_, first, last) in enumerate(PLAN) for _ in range(first, last + 1)]
    assert len(files) == 50
    page_capture.import_files(staffed.uow(CLERK), barcode, files, staffed.pages)
    capture_steps.finish_scanning(staffed.uow(CLERK), barcode)

    window = open_window(qtbot, settle, staffed)
    window.resize(1366, 768)
    window.activateWindow()
    bench: CaptureBench = window.screen_by_key["capture"]  # type: ignore[assignment]
    view: ClassificationView = window.screen_by_key["classify"]  # type: ignore[assignment]
    window.show_screen("capture")
    for screen in (bench, view):
        screen.show_dossier(barcode)
    settle(window.runner)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is bench.thumbs)
    keys = Keyboard(qtbot, settle, view)
    keys.key(Qt.Key.Key_C)  # from the capture bench to the classification screen
    assert window.screens.currentWidget() is view and keys.focus() is view.thumbs
    assert view.thumbs.count() == 50 and "۵۰ صفحه از ۵۰" in view.status.text()

    keys.type("3")
    keys.key(Qt.Key.Key_Return)  # pages 1-3 selected, on to the type
    assert view.selected_seqs() == [1, 2, 3] and keys.focus() is view.chooser.edit
    keys.type("کارت")  # a few letters of the Persian name
    keys.key(Qt.Key.Key_Return)
    assert _plan_of(staffed, barcode) == PLAN[:1] and keys.focus() is view.thumbs
    assert view.selected_seqs() == [4]  # the next page is ready
    keys.type("10")
    keys.key(Qt.Key.Key_Return)
    keys.type("EMP")  # or of the code
    keys.key(Qt.Key.Key_Return)
    keys.type("۱۸")  # Persian digits do as well
    keys.key(Qt.Key.Key_Return)
    keys.type("فیش")
    keys.key(Qt.Key.Key_Return)
    keys.key(Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)  # right to left: the next page is on the left
    assert view.selected_seqs() == [19, 20]
    keys.key(Qt.Key.Key_Space)  # another payment slip: same type as the document before
    keys.type("30")
    keys.key(Qt.Key.Key_Return)
    keys.type("MED")
    keys.key(Qt.Key.Key_Return)
    keys.type("33")
    keys.key(Qt.Key.Key_Return)
    keys.type("SICK")  # SICK-LEAVE-REFUSED comes first in the taxonomy; the next match is the certificate
    keys.key(Qt.Key.Key_Down)
    keys.key(Qt.Key.Key_Return)
    keys.type("45")
    keys.key(Qt.Key.Key_Return)
    keys.type("COR")
    keys.key(Qt.Key.Key_Return)
    assert "۵ صفحه از ۵۰" in view.status.text()

    checked = view.buttons["checked"]  # the refusal is visible before the key, with the service's sentence
    assert not checked.isEnabled() and "۵ صفحه هنوز در هیچ سندی طبقه‌بندی نشده است" in checked.toolTip()
    keys.key(Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)  # finish the quality check: refused
    box = window.findChild(QMessageBox, "errorBox")
    assert box is not None and box.isVisible() and "۵ صفحه هنوز در هیچ سندی طبقه‌بندی نشده است" in box.text()
    keys.key(Qt.Key.Key_Return)  # close the message
    qtbot.waitUntil(lambda: not box.isVisible())
    window.activateWindow()  # the window manager's part, which the offscreen platform leaves out
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.thumbs)
    keys.key(Qt.Key.Key_End, Qt.KeyboardModifier.ShiftModifier)
    keys.key(Qt.Key.Key_Return)
    keys.type("FOR")
    keys.key(Qt.Key.Key_Return)
    assert _plan_of(staffed, barcode) == PLAN
    assert "همه ۵۰ صفحه در ۸ سند" in view.status.text()
    keys.key(Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert queries.dossier_detail(staffed.uow(CLERK), barcode).state == "checked"
    assert keys.presses < 60, keys.presses  # 50 pages, 8 documents, one refusal read and closed

    view.thumbs.setCurrentRow(31)
    window.screens.currentWidget().setFocus()
    view.thumbs.setFocus()
    keys.key(Qt.Key.Key_F2)  # edit the sick-leave certificate: its date, in Persian digits
    assert view.selected_seqs() == [31, 32, 33] and keys.focus() is view.chooser.edit
    keys.key(Qt.Key.Key_Tab)
    keys.key(Qt.Key.Key_Tab)
    assert keys.focus() is view.date
    keys.type("۱۴۰۳/۸/۲")
    keys.key(Qt.Key.Key_Return)
    docs = classification.documents(staffed.uow(CLERK), barcode)
    assert (docs[5].type_code, docs[5].date) == ("SICK-LEAVE", "1403/08/02")
    assert view.table.item(5, 3).text() == "۱۴۰۳/۰۸/۰۲"

    view.thumbs.setCurrentRow(39)
    keys.key(Qt.Key.Key_F3)  # split the correspondence at page 40
    assert _plan_of(staffed, barcode)[6:] == [("CORRESPONDENCE", 34, 39), ("CORRESPONDENCE", 40, 45), ("FORM", 46, 50)]
    view.thumbs.setCurrentRow(34)
    keys.key(Qt.Key.Key_F4)  # and merge it back
    assert _plan_of(staffed, barcode) == PLAN
    view.select_document(5)
    settle(window.runner)
    window.grab().save(str(artifacts / "window-classification.png"))
    window.close()
    settle(window.runner)
    qtbot.wait(100)
