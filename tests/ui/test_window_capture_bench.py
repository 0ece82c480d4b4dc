"""The capture bench in the real window: pages imported from files arrive as thumbnails with their flags; a flag is
accepted with a reason from the keyboard; steps 5-6 close. The window comes from the shared conftest helper, and
qtbot closes it at the end, so no other test module (the translation tests swap translators) ever meets it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sqlalchemy import select

from scanstation.bootstrap import App
from scanstation.core.models import Page
from scanstation.services import classification, queries
from scanstation.ui import capture_bench as capture_bench_module
from tests import imaging as im
from tests.builders import CLERK, new_dossier, walk
from tests.ui.conftest import Settle, capture_bench


def test_capture_fix_and_close_quality_check(qtbot: QtBot, settle: Settle, staffed: App, tmp_path: Path,
                                             artifacts: Path) -> None:
    barcode = new_dossier(staffed)
    walk(staffed, barcode, 4, sheets=3, slimmed=0)
    bench, window = capture_bench(qtbot, settle, staffed, barcode)
    assert bench.buttons["scan"].isEnabled()

    files = [im.save(im.with_barcode(im.text_page(1), barcode), tmp_path / "cover.png"),
             im.save(im.blank_page(), tmp_path / "back.png"), im.save(im.text_page(2), tmp_path / "p3.png")]
    bench.import_files(files)
    settle(window.runner)
    assert bench.thumbs.count() == 3
    assert "سفید" in bench.thumbs.item(1).text()
    # Thumbnails and the large view are read off the main thread and arrive a moment later.
    qtbot.waitUntil(lambda: not any(bench.thumbs.item(r).icon().isNull() for r in range(3)), timeout=10_000)
    qtbot.waitUntil(lambda: bench.viewer.canvas.decoded is not None, timeout=10_000)  # the large page

    settle(bench.discovery)  # the scanner list arrives on a runner of its own
    bench.device.setCurrentIndex(bench.device.findData("test:0"))
    bench.profile.setCurrentIndex(bench.profile.findData("counter"))
    qtbot.mouseClick(bench.buttons["scan"], Qt.MouseButton.LeftButton)
    settle(window.runner)
    assert bench.thumbs.count() == 4  # one flatbed page from the SANE test backend
    assert bench.test_grid.isVisibleTo(bench) and bench.test_grid.isChecked()
    assert "—" not in bench.thumbs.item(3).text()  # the test device's grid, not a white page flagged blank

    bench.select_row(3)
    qtbot.keyClick(bench.thumbs, Qt.Key.Key_F7)  # rescan this page in place
    settle(window.runner)
    with staffed.session_factory() as session:
        replaced = session.execute(select(Page).where(Page.status == "replaced")).scalars().all()
    assert bench.thumbs.count() == 4 and [p.seq for p in replaced] == [4]

    bench.select_row(0)
    bench.next_flagged()
    assert bench.current_seq() == 2
    bench.ask_reason("accept")
    bench.reason_dialog.setTextValue("پشت برگ سفید است")
    bench.reason_dialog.accept()
    settle(window.runner)
    bench.select_row(3)
    bench.ask_reason("delete")
    bench.reason_dialog.setTextValue("صفحه آزمایشی اسکنر")
    bench.reason_dialog.accept()
    settle(window.runner)
    assert bench.thumbs.count() == 3
    classification.classify(staffed.uow(CLERK), barcode, "1-3", "EMPLOYMENT")
    settle(window.runner)
    qtbot.mouseClick(bench.buttons["finish"], Qt.MouseButton.LeftButton)
    settle(window.runner)
    qtbot.mouseClick(bench.buttons["checked"], Qt.MouseButton.LeftButton)
    settle(window.runner)
    detail = queries.dossier_detail(staffed.uow(CLERK), barcode)
    assert detail.state == "checked"
    assert [p.accepted_reason for p in detail.pages] == [None, "پشت برگ سفید است", None]
    qtbot.waitUntil(lambda: bench.viewer.canvas.decoded is not None, timeout=10_000)
    assert "frontend-tester (test:0)" in bench.device.itemText(bench.device.currentIndex())
    window.grab().save(str(artifacts / "window-capture-bench.png"))
    window.close()
    settle(window.runner)
    qtbot.wait(100)  # let the closed window's pending events run while the test still holds the loop


def test_a_running_batch_shows_its_newest_page_a_few_times_a_second_and_its_last_page_always(
        qtbot: QtBot, settle: Settle, staffed: App, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each large view decodes a whole master: at a feeder's pace the view follows the newest page at most every
    LARGE_VIEW_EVERY_MS (here long, so that the second page arrives while the first is on view), and the batch's
    last page is shown when its turn comes, never dropped."""
    monkeypatch.setattr(capture_bench_module, "LARGE_VIEW_EVERY_MS", 3_000)
    barcode = new_dossier(staffed)
    walk(staffed, barcode, 4, sheets=3, slimmed=0)
    bench, window = capture_bench(qtbot, settle, staffed, barcode)
    shown: list[int] = []
    bench.viewer.shown.connect(shown.append)
    bench.import_files([im.save(im.text_page(n), tmp_path / f"p{n}.png") for n in range(3)])
    settle(window.runner)
    assert bench.thumbs.count() == 3 and shown[:1] == [1]
    qtbot.waitUntil(lambda: shown[-1:] == [3], timeout=10_000)
    assert 2 not in shown  # passed over while page 1 was on view
