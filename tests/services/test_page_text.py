"""Issue 23: every stored page is read in the background, survives a killed reader, and is found by its words."""

from __future__ import annotations

import subprocess
import threading

from scanstation.core.models import Page, PageReading, PageStatus
from scanstation.core.processes import host_name
from scanstation.core.uow import Actor
from scanstation.indexing.ocr import Line, PageText, Word
from scanstation.services import page_capture, page_reading
from scanstation.services.reading_worker import run_reader
from scanstation.services.text_search import search_text
from tests.builders import CLERK, add_pages, new_dossier, staff, walk
from tests.persian_pages import blank_back, letter

READER = Actor(page_reading.READER, system=True)


def _readings(app, active_only: bool = False):
    """Each page's reading by page id; `active_only`: the dossier's pages as they are now (the scanner's image of a
    page put upright at capture is kept as its source, and never read)."""
    with app.uow(CLERK) as uow:
        rows = uow.session.query(PageReading).join(Page, Page.id == PageReading.page_id)
        if active_only:
            rows = rows.filter(Page.status == PageStatus.ACTIVE)
        return {r.page_id: (r.state, r.turn, r.text) for r in rows.order_by(Page.seq, Page.id).all()}


def test_an_imported_page_is_read_upright_and_a_blank_back_gives_no_text(sqlite_app, tmp_path):
    app = sqlite_app
    staff(app)
    barcode = new_dossier(app)
    walk(app, barcode, 4)
    page = letter(5, size_pt=12, dpi=200, paper="A5", doc_type="PENSION", paragraphs=1, turn=90)
    files = [page.save(tmp_path / "letter.png"), blank_back(2, dpi=200).save(tmp_path / "back.png")]
    page_capture.import_files(app.uow(CLERK), barcode, files, app.pages)
    assert [state for state, _, _ in _readings(app, active_only=True).values()] == ["queued", "queued"]  # with the page

    run = run_reader(app.uow, app.pages, stop=threading.Event(), until_done=True)

    assert (run.read, run.failed) == (2, 0)
    (first, second) = _readings(app, active_only=True).values()
    assert first[0] == "read" and first[1] in (0, 90)  # put upright at capture (qc.toml turn_policy) or when read
    assert "سازمان تأمین اجتماعی" in first[2] and "مستمری" in first[2]
    assert second == ("read", None, "")
    assert page_reading.progress(app.uow(READER)) == page_reading.ReadingProgress(0, 0)
    assert app.pages.open(app.pages.put(page.image).sha256).tobytes() == page.image.tobytes()  # image untouched


def test_a_claim_left_by_a_killed_reader_is_read_again_and_a_stale_claim_records_nothing(sqlite_app):
    app = sqlite_app
    staff(app)
    barcode = new_dossier(app)
    add_pages(app, barcode, 2)
    dead = subprocess.Popen(["true"])
    dead.wait()
    ghost = f"{host_name()}#{dead.pid}"
    claimed = page_reading.claim(app.uow(READER), ghost, lease_minutes=10)
    assert _readings(app)[claimed.page_id][0] == "reading"

    assert page_reading.release_dead_claims(app.uow(READER)) == 1
    assert _readings(app)[claimed.page_id][0] == "queued"
    again = page_reading.claim(app.uow(READER), "other#1", lease_minutes=10)
    assert again.page_id == claimed.page_id
    read = PageText(0, (8, 4), (Line((Word("متن", (0, 0, 4, 4), 0.9),)),), "tesseract", "test")
    assert page_reading.record(app.uow(READER), again.page_id, ghost, read) is False  # not the claimer's any more
    assert _readings(app)[claimed.page_id] == ("reading", None, None)
    assert page_reading.record(app.uow(READER), again.page_id, "other#1", read) is True
    assert _readings(app)[claimed.page_id] == ("read", 0, "متن")


def _read_as(app, page_id: int, lines: list[str]) -> None:
    claimed = page_reading.claim(app.uow(READER), "w#1", lease_minutes=10)
    assert claimed.page_id == page_id
    words = tuple(Line(tuple(Word(w, (0, 0, 1, 1), 0.9) for w in line.split())) for line in lines)
    assert page_reading.record(app.uow(READER), page_id, "w#1", PageText(0, (100, 100), words, "tesseract", "t"))


def test_search_finds_words_whatever_their_spelling_in_one_dossier_or_all(app):
    staff(app)
    first, second = new_dossier(app, 1), new_dossier(app, 2)
    add_pages(app, first, 2)
    add_pages(app, second, 1)
    _read_as(app, 1, ["سازمان تأمین اجتماعی", "بیمه شده محمدرضا حسین‌زاده به کد ملی ۰۰۱۲۳۴۵۶۷۹"])
    _read_as(app, 2, ["درخواست بازنشستگی", "پرونده SS-0012-1403-000417"])
    _read_as(app, 3, ["نامه کمیسیون پزشکی درباره محمد رضا حسین زاده"])

    hits = search_text(app.uow(CLERK), "محمد رضا حسين زاده")  # Arabic yeh, spaces where the page has none
    assert [(h.barcode, h.page) for h in hits] == [(second, 1), (first, 1)]  # as written first, then compound
    assert "حسین‌زاده" in hits[1].snippet  # shown as read, ZWNJ and all

    assert [(h.barcode, h.page) for h in search_text(app.uow(CLERK), "حسین زاده", first)] == [(first, 1)]
    assert [h.page for h in search_text(app.uow(CLERK), "0012345679")] == [1]  # Latin digits find Persian ones
    assert [h.page for h in search_text(app.uow(CLERK), "ss-0012-1403")] == [2]
    assert search_text(app.uow(CLERK), "تامين اجتماعي")[0].snippet.startswith("سازمان تأمین اجتماعی بیمه شده")
    assert search_text(app.uow(CLERK), "کارافتادگی") == []
