"""Counter intake through the window: three papers for a reshelved file, their types chosen on their rows, the fate of
each original shown and confirmed (the returned form handed to a named person); a file not scanned yet is put in the
scanning queue out of turn instead."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from scanstation.bootstrap import App
from scanstation.indexing.taxonomy import load_taxonomy
from scanstation.records import intake as records_intake
from scanstation.records import register
from scanstation.services import queries
from scanstation.ui import printing
from scanstation.ui.intake_view import IntakeView
from scanstation.ui.review_view import ReviewView
from scanstation.services.work_queue import work_queue
from tests import imaging as im
from tests.builders import CLERK, RECORDS, SUPERVISOR, new_dossier, walk
from tests.ui.conftest import Settle, capture_bench, open_window, pdf_printer


def _paper(folder: Path, name: str, seed: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return im.save(im.text_page(seed, lines=10), folder / f"{name}.png", dpi=300)


def _intake_screen(qtbot: QtBot, settle: Settle, app: App, barcode: str) -> IntakeView:
    window = open_window(qtbot, settle, app, CLERK)
    window.show_screen("intake")
    view = window.screen_by_key["intake"]
    assert isinstance(view, IntakeView)
    view.show_dossier(barcode)
    settle(window.runner)
    return view


def test_counter_intake_from_the_window(qtbot: QtBot, settle: Settle, staffed: App, tmp_path: Path,
                                       artifacts: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = staffed
    barcode = new_dossier(app)
    walk(app, barcode, 10, sheets=3, slimmed=0)
    view = _intake_screen(qtbot, settle, app, barcode)
    taxonomy = load_taxonomy()
    assert view.add.isEnabled() and not view.out_of_turn.isEnabled(), view.why_not.text()
    view.add_files([_paper(tmp_path, "ruling", 1), _paper(tmp_path, "other", 2), _paper(tmp_path, "form", 3)])
    qtbot.mouseClick(view.add_scan, Qt.MouseButton.LeftButton)  # a letter scanned on the flatbed (SANE test:0)
    for row, code in enumerate(("COMMISSION-DISABILITY", "COMMISSION-OTHER", "FORM", "CORRESPONDENCE")):
        view.choose_type(row, code)
    assert "کلاسور" in view.papers.item(0, 3).text() and "امحا" in view.papers.item(1, 3).text()
    letter_heading = view.papers.cellWidget(3, 2)
    assert letter_heading.currentData() == taxonomy.type("CORRESPONDENCE").heading  # the type's own, by default
    other = next(code for code in taxonomy.headings if code != letter_heading.currentData())
    letter_heading.setCurrentIndex(letter_heading.findData(other))  # the clerk files the letter elsewhere
    qtbot.mouseClick(view.take, Qt.MouseButton.LeftButton)
    settle(view._ws.runner)
    assert view.outcome.rowCount() == 4, view.status.text()
    name = view.outcome.cellWidget(2, 4)
    assert isinstance(name, QLineEdit) and view.outcome.cellWidget(0, 4) is None
    name.setText("زهرا کریمی")
    view.window().grab().save(str(artifacts / "records-intake-screen.png"))
    qtbot.mouseClick(view.confirm, Qt.MouseButton.LeftButton)
    settle(view._ws.runner)
    rows = {r.document: r for r in register.register(app.uow(RECORDS))}
    assert (rows[4].status, rows[4].handed_to) == ("returned", "زهرا کریمی")
    assert (rows[2].binder, rows[2].status, rows[3].status) == ("b", "kept", "due")
    assert (rows[5].disposition, rows[5].status) == ("hold-then-destroy", "held")
    documents = queries.dossier_detail(app.uow(CLERK), barcode).documents
    assert documents[4].heading == other and documents[1].heading == taxonomy.type("COMMISSION-DISABILITY").heading

    # one «اسکن شد» sticker for each original, printed through the print path (a PDF printer stands in)
    assert view.stickers.isEnabled()
    qtbot.mouseClick(view.stickers, Qt.MouseButton.LeftButton)
    dialog = view.active_dialog
    assert dialog is not None and dialog.isVisible() and list(dialog.keys) == ["stamp"]
    target = tmp_path / "stickers.pdf"
    monkeypatch.setattr(printing, "ask_printer", lambda _parent, _title, ready: ready(pdf_printer(target)))
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    settle(view._ws.runner)
    assert view.active_dialog is None and "آماده" in view.status.text()
    info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True, check=True).stdout
    assert "Pages:           4" in info
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-f", "4", "-singlefile", str(target),
                    str(artifacts / "records-intake-sticker")], check=True)
    sticker = np.asarray(Image.open(artifacts / "records-intake-sticker.png").convert("L"))
    assert (sticker < 128).mean() > 0.01  # the fourth label carries the stamp, not a blank page


def test_a_file_not_scanned_yet_goes_in_the_queue_out_of_turn(qtbot: QtBot, settle: Settle, staffed: App) -> None:
    app = staffed
    barcode = new_dossier(app)
    view = _intake_screen(qtbot, settle, app, barcode)
    assert not view.add.isEnabled() and "خارج از نوبت" in view.why_not.text()
    qtbot.mouseClick(view.out_of_turn, Qt.MouseButton.LeftButton)
    settle(view._ws.runner)
    assert work_queue(app.uow(CLERK)).rows[0].out_of_turn
    assert not view.out_of_turn.isEnabled()


def test_an_addition_sent_back_from_the_review_screen_is_fixed_at_the_capture_bench(
        qtbot: QtBot, settle: Settle, staffed: App, tmp_path: Path, artifacts: Path) -> None:
    app = staffed
    barcode = new_dossier(app)
    walk(app, barcode, 10, sheets=3, slimmed=0)
    number = records_intake.intake(app.uow(CLERK), barcode, [
        records_intake.IntakeDocument(_paper(tmp_path, "form", 4), "FORM")], app.pages).numbers[0]
    before = queries.dossier_detail(app.uow(CLERK), barcode)

    supervisor = open_window(qtbot, settle, app, SUPERVISOR)
    supervisor.resize(1366, 768)
    review: ReviewView = supervisor.screen_by_key["review"]  # type: ignore[assignment]
    supervisor.show_screen("review")
    settle(supervisor.runner)
    review.open_dossier(barcode)
    settle(supervisor.runner)
    qtbot.waitUntil(lambda: review.viewer.current() is not None, timeout=10_000)
    assert review.current_document() == number and review.reject_button.isEnabled(), review.reject_button.toolTip()
    dialog = review.reject()
    assert dialog is not None and "افزوده در باجه" in dialog.findChild(QLabel, "dialogIntro").text()
    dialog.field("reason").setText("مهر برابر اصل ندارد")
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    settle(supervisor.runner)
    assert review.active_dialog is None and "برگشت" in review.status.text()
    after = queries.dossier_detail(app.uow(CLERK), barcode)
    assert after.progress == before.progress  # the paper file and its approved documents stay where they were
    flagged = [p.seq for p in after.pages if p.open_flag]
    assert flagged == list(after.documents[-1].pages)
    review.show_queue()
    settle(supervisor.runner)
    assert review.queue.rowCount() == 0  # waiting for the clerk now

    bench, window = capture_bench(qtbot, settle, app, barcode)
    bench.select_row(flagged[0] - 1)
    assert bench.buttons["accept"].isEnabled(), bench.buttons["accept"].toolTip()
    qtbot.mouseClick(bench.buttons["accept"], Qt.MouseButton.LeftButton)
    assert bench.reason_dialog is not None and bench.reason_dialog.isVisible()
    bench.reason_dialog.setTextValue("مهر روی اصل زده شد و همین تصویر درست است")
    bench.reason_dialog.accept()
    settle(window.runner)
    window.grab().save(str(artifacts / "intake-addition-fixed.png"))
    assert not any(p.open_flag for p in queries.dossier_detail(app.uow(CLERK), barcode).pages)
    review.show_queue()
    settle(supervisor.runner)
    assert review.queue.rowCount() == 1 and review.queue.current_barcode() == barcode


def test_a_document_of_many_sheets_goes_through_the_feeder(qtbot: QtBot, settle: Settle, staffed: App) -> None:
    app = staffed
    barcode = new_dossier(app)
    walk(app, barcode, 10, sheets=3, slimmed=0)
    view = _intake_screen(qtbot, settle, app, barcode)
    before = len(queries.dossier_detail(app.uow(CLERK), barcode).pages)
    qtbot.mouseClick(view.add_feeder, Qt.MouseButton.LeftButton)  # SANE test:0's feeder holds several sheets
    assert view.papers.item(0, 0).text() == "اسکن از تغذیه خودکار"
    view.choose_type(0, "FORM")
    qtbot.mouseClick(view.take, Qt.MouseButton.LeftButton)
    settle(view._ws.runner)
    assert view.outcome.rowCount() == 1, view.status.text()
    detail = queries.dossier_detail(app.uow(CLERK), barcode)
    assert len(detail.documents[-1].pages) > 1 and len(detail.pages) == before + len(detail.documents[-1].pages)


def test_the_bench_refuses_a_page_of_an_approved_document_before_the_click(
        qtbot: QtBot, settle: Settle, staffed: App, tmp_path: Path) -> None:
    app = staffed
    barcode = new_dossier(app)
    walk(app, barcode, 10, sheets=3, slimmed=0)
    records_intake.intake(app.uow(CLERK), barcode, [records_intake.IntakeDocument(_paper(tmp_path, "form", 4), "FORM")],
                          app.pages)
    detail = queries.dossier_detail(app.uow(CLERK), barcode)
    bench, _ = capture_bench(qtbot, settle, app, barcode)
    bench.select_row(0)  # a page of the paper file, approved at step 7
    assert not bench.buttons["rotate"].isEnabled() and "تأیید کرده" in bench.buttons["rotate"].toolTip()
    bench.select_row(len(detail.pages) - 1)  # the page taken in at the counter, waiting for approval
    assert bench.buttons["rotate"].isEnabled(), bench.buttons["rotate"].toolTip()
