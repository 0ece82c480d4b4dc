"""Issue 23 in the window: the reader's progress in the header, a suggested type accepted with F6 (never applied by
itself), a supervisor searching the text of the dossier under review, and the branch-wide text search."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from scanstation.bootstrap import App
from scanstation.services import capture_steps, classification, page_capture
from scanstation.services.reading_worker import run_reader
from scanstation.ui.classification_view import ClassificationView
from scanstation.ui.review_view import ReviewView
from scanstation.ui.text_search import TextSearchScreen
from tests.builders import CLERK, SUPERVISOR, new_dossier, walk
from tests.persian_pages import letter
from tests.ui.conftest import Settle, open_window


def _read_dossier(app: App, tmp_path: Path) -> str:
    barcode = new_dossier(app)
    walk(app, barcode, 4, sheets=2, slimmed=0)
    pages = [letter(21, dpi=200, paper="A5", doc_type="PENSION", paragraphs=1),
             letter(22, dpi=200, paper="A5", doc_type="SICK-LEAVE", paragraphs=1)]
    page_capture.import_files(app.uow(CLERK), barcode, [p.save(tmp_path / f"p{n}.png") for n, p in enumerate(pages)],
                              app.pages)
    run_reader(app.uow, app.pages, stop=threading.Event(), until_done=True)
    return barcode


def test_a_suggested_type_waits_for_f6_and_the_text_is_searched(qtbot: QtBot, settle: Settle, staffed: App,
                                                               tmp_path: Path) -> None:
    barcode = _read_dossier(staffed, tmp_path)
    capture_steps.finish_scanning(staffed.uow(CLERK), barcode)
    window = open_window(qtbot, settle, staffed)
    qtbot.waitUntil(lambda: window.reading.text() == "", timeout=15_000)  # nothing left to read: no line

    view: ClassificationView = window.screen_by_key["classify"]  # type: ignore[assignment]
    window.screens.setCurrentWidget(view)
    view.show_dossier(barcode)
    settle(window.runner)
    view._select_rows(0, 0)
    qtbot.waitUntil(lambda: view.suggested is not None, timeout=5_000)
    settle(window.runner)
    assert view.suggested.code == "PENSION" and "مستمری" in view.suggestion.text()
    assert classification.documents(staffed.uow(CLERK), barcode) == []  # shown, not applied
    qtbot.keyClick(view.thumbs, Qt.Key.Key_F6)
    settle(window.runner)
    assert [(d.type_code, d.pages) for d in classification.documents(staffed.uow(CLERK), barcode)] == [
        ("PENSION", (1,))]

    search: TextSearchScreen = window.screen_by_key["search"]  # type: ignore[assignment]
    window.screens.setCurrentWidget(search)
    search.box.field.setText("استراحت پزشكي")  # Arabic kaf and yeh
    search.box.search()
    settle(window.runner)
    assert search.box.results.count() == 1
    assert search.box.results.item(0).data(Qt.ItemDataRole.UserRole) == (barcode, 2)
    window.close()


def test_a_supervisor_searches_the_text_of_the_dossier_under_review(qtbot: QtBot, settle: Settle, staffed: App,
                                                                   tmp_path: Path) -> None:
    barcode = _read_dossier(staffed, tmp_path)
    capture_steps.finish_scanning(staffed.uow(CLERK), barcode)
    classification.classify(staffed.uow(CLERK), barcode, "1-2", "PENSION")
    for seq in (1, 2):  # A5 pages at 200 dpi: the quality check flags them, the clerk keeps them
        page_capture.accept_flag(staffed.uow(CLERK), barcode, seq, "برگ کوچک است")
    capture_steps.complete_quality_check(staffed.uow(CLERK), barcode)
    window = open_window(qtbot, settle, staffed, SUPERVISOR)
    review: ReviewView = window.screen_by_key["review"]  # type: ignore[assignment]
    window.screens.setCurrentWidget(review)
    review.open_dossier(barcode)
    settle(window.runner)
    assert review.viewer.index == 0
    review.text_search.field.setText("غرامت دستمزد")
    review.text_search.search()
    settle(window.runner)
    assert review.text_search.results.count() == 1
    qtbot.mouseClick(review.text_search.results.viewport(), Qt.MouseButton.LeftButton,
                     pos=review.text_search.results.visualItemRect(review.text_search.results.item(0)).center())
    assert review.viewer.index == 1  # the hit's page is shown
    window.close()
