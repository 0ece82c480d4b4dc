"""Cleaning a batch on the capture bench: several pages chosen with Shift/Ctrl go with one reason, a duplex batch's
blank backs go in one step, and the page buttons say why they are off when there is no page; an import shows file
n of N. Through the real reason dialogs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt
from pytestqt.qtbot import QtBot

from scanstation.bootstrap import App
from scanstation.services import page_capture, queries
from scanstation.services.actions import NO_PAGES
from tests import imaging as im
from tests.builders import CLERK, new_dossier, walk
from tests.ui.conftest import Settle, capture_bench


def test_page_buttons_are_off_with_no_page(qtbot: QtBot, settle: Settle, staffed: App) -> None:
    barcode = new_dossier(staffed)
    walk(staffed, barcode, 4, sheets=2, slimmed=0)
    bench, _ = capture_bench(qtbot, settle, staffed, barcode)
    for key in ("accept", "delete", "rescan", "rotate"):
        assert not bench.buttons[key].isEnabled() and bench.buttons[key].toolTip() == NO_PAGES


def test_several_pages_and_blank_backs_go_with_one_reason(qtbot: QtBot, settle: Settle, staffed: App,
                                                          tmp_path: Path) -> None:
    barcode = new_dossier(staffed)
    walk(staffed, barcode, 4, sheets=3, slimmed=0)
    sides = [im.text_page(1), im.blank_page(), im.text_page(2), im.blank_page(), im.text_page(3), im.text_page(4)]
    files = [im.save(page, tmp_path / f"side{i}.png") for i, page in enumerate(sides, 1)]
    page_capture.import_files(staffed.uow(CLERK), barcode, files, staffed.pages, duplex=True)
    bench, window = capture_bench(qtbot, settle, staffed, barcode)
    assert bench.thumbs.count() == 6

    assert bench.buttons["blank_backs"].isEnabled(), bench.buttons["blank_backs"].toolTip()
    qtbot.mouseClick(bench.buttons["blank_backs"], Qt.MouseButton.LeftButton)
    assert bench.reason_dialog is not None and bench.reason_dialog.isVisible()
    bench.reason_dialog.setTextValue("پشت برگ‌ها سفید است")
    bench.reason_dialog.accept()
    settle(window.runner)
    assert bench.thumbs.count() == 4  # sides 2 and 4 were blank backs
    assert not bench.buttons["blank_backs"].isEnabled()

    model = bench.thumbs.selectionModel()
    bench.select_row(2)
    model.select(bench.thumbs.model().index(3, 0), QItemSelectionModel.SelectionFlag.Select)
    assert bench.selected_seqs() == [3, 4]
    qtbot.mouseClick(bench.buttons["delete"], Qt.MouseButton.LeftButton)
    assert "۳، ۴" in bench.reason_dialog.labelText()
    bench.reason_dialog.setTextValue("برگ آزمایشی")
    bench.reason_dialog.accept()
    settle(window.runner)
    detail = queries.dossier_detail(staffed.uow(CLERK), barcode)
    assert len(detail.pages) == 2 and bench.thumbs.count() == 2


def test_an_import_shows_file_n_of_n(qtbot: QtBot, settle: Settle, staffed: App, tmp_path: Path) -> None:
    barcode = new_dossier(staffed)
    walk(staffed, barcode, 4, sheets=3, slimmed=0)
    bench, window = capture_bench(qtbot, settle, staffed, barcode)
    seen: list[str] = []
    bench._relay.file_started.connect(lambda _t: seen.append(bench.progress.format()))
    files = [im.save(im.text_page(n), tmp_path / f"p{n}.png") for n in (1, 2, 3)]
    bench.import_files(files)
    settle(window.runner)
    assert seen == ["فایل ۱ از ۳", "فایل ۲ از ۳", "فایل ۳ از ۳"]
    assert not bench.progress.isVisible()  # gone once the import ended
