"""The whole of Directive Part 2 through the services: counter intake of a case-b ruling, another commission ruling
and a returnable form, plus an uncollected letter; per-document approval; upload to a real WebDAV server; the binder
register in registration-date order; a six-monthly batch planned, approved by a second person, refused while a remote
copy is missing or altered or an item is on hold, then executed with its minutes rendered and looked at."""

from __future__ import annotations

import subprocess
from datetime import datetime, time, timedelta, timezone
from pathlib import Path

import jdatetime
import pytest

from scanstation.bootstrap import App
from scanstation.core import jalali
from scanstation.core.digits import to_persian
from scanstation.core.errors import Conflict, IntegrityProblem, PermissionDenied, ScanStationError
from scanstation.core.jalali import tehran_today
from scanstation.records import destruction, holds, register
from scanstation.records.intake import IntakeDocument, intake
from scanstation.records.schedule import add_months
from scanstation.services import upload, users
from scanstation.services.upload_worker import drain
from scanstation.services.verification import approve_document
from scanstation.sync.webdav import WebDavStore
from tests.builders import ADMIN, BRANCH, CLERK, RECORDS, SUPERVISOR, SUPERVISOR2
from tests.builders import PASSWORD as PASSWORD_
from tests.records.helpers import paper, shelved_dossier
from tests.sync.conftest import FAST, wsgidav_server  # noqa: F401 (a fixture)
from tests.sync.servers import PASSWORD, USER, DavServer

HEAD = "head1"  # a unit head who is also a records officer: may plan or approve, never both for one batch


def _upload(app: App, store: WebDavStore) -> None:
    summary = drain(lambda: app.uow(upload.SYNC_ACTOR), store, app.pages, app.outbox, FAST, "test-ws")
    assert not summary.problems and not summary.stopped, summary


def _render(pdf: Path, name: str, artifacts: Path) -> Path:
    out = artifacts / name
    subprocess.run(["pdftoppm", "-r", "70", "-png", "-singlefile", str(pdf), str(out)], check=True)
    png = out.with_suffix(".png")
    return png


def _on_day(monkeypatch: pytest.MonkeyPatch, day: jdatetime.date) -> None:
    """The program's clock at noon, Tehran time, on the Jalali `day`."""
    noon = datetime.combine(day.togregorian(), time(8, 30), tzinfo=timezone.utc)
    monkeypatch.setattr(jalali, "clock", lambda: noon)


def test_part_two_from_the_counter_to_the_minutes(sqlite_app: App, tmp_path: Path, artifacts: Path,
                                                  wsgidav_server: DavServer,  # noqa: F811
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    app = sqlite_app
    barcode = shelved_dossier(app)
    users.add_user(app.uow(ADMIN), HEAD, "رئیس واحد", ["records-officer", "supervisor"], PASSWORD_, BRANCH)
    scans = tmp_path / "scans"
    counter = intake(app.uow(CLERK), barcode, [
        IntakeDocument(paper(scans, "ruling-b", 1), "COMMISSION-DISABILITY"),
        IntakeDocument(paper(scans, "ruling-other", 2, pages=2), "COMMISSION-OTHER"),
        IntakeDocument(paper(scans, "form", 3), "FORM")], app.pages, secretariat_no="۴۵۶۷", registered="1403/06/20")
    earlier = intake(app.uow(CLERK), barcode, [IntakeDocument(paper(scans, "ruling-b-old", 4),
                                                              "COMMISSION-DISABILITY")],
                     app.pages, secretariat_no="3001", registered="1403/02/11")
    letter = intake(app.uow(CLERK), barcode, [IntakeDocument(paper(scans, "letter", 5), "CORRESPONDENCE")],
                    app.pages, secretariat_no="5120", registered="1403/07/01")
    ruling_b, ruling_other, form = counter.numbers
    (old_b,), (letter_no,) = earlier.numbers, letter.numbers

    # The binder register stands in registration-date order: the earlier ruling took the first place.
    binder_b = register.register(app.uow(RECORDS), "b")
    assert [(r.document, r.position, r.registered) for r in binder_b] == [(old_b, 1, "1403/02/11"),
                                                                          (ruling_b, 2, "1403/06/20")]

    # Nothing is destroyed before approval and upload: the plan finds nothing due yet.
    with pytest.raises(ScanStationError, match="آماده امحا نیست"):
        destruction.plan(app.uow(RECORDS))

    for number in (ruling_b, ruling_other, form, old_b, letter_no):
        approve_document(app.uow(SUPERVISOR), barcode, number, app.pages)
    store = WebDavStore(wsgidav_server.url, USER, PASSWORD)
    try:
        _upload(app, store)
        assert all(r.upload_state == "verified" for r in register.register(app.uow(RECORDS)))

        # The form goes back to the person; the letter waits for collection; the other ruling is due at once.
        register.hand_over(app.uow(CLERK), barcode, form, "مریم احمدی")
        today = destruction.plan(app.uow(RECORDS))
        assert [(i.document, i.reason) for i in today.items] == [(ruling_other, "ruling")]
        destruction.approve(app.uow(SUPERVISOR), today.number)

        # Seven months on, the uncollected letter is due too: the six-monthly batch.
        ahead = add_months(tehran_today(), 7).strftime("%Y/%m/%d")
        with pytest.raises(PermissionDenied):  # a records officer alone cannot approve
            destruction.approve(app.uow(RECORDS), today.number)
        batch = destruction.plan(app.uow(HEAD), ahead)
        assert [(i.document, i.reason) for i in batch.items] == [(letter_no, "uncollected")]
        with pytest.raises(PermissionDenied, match="خودتان برنامه‌ریزی"):
            destruction.approve(app.uow(HEAD), batch.number)
        destruction.approve(app.uow(SUPERVISOR2), batch.number)

        minutes_dir = register.minutes_dir(app.settings.data_dir)
        ruling_row = register.where_is(app.uow(RECORDS), barcode, ruling_other)
        remote = wsgidav_server.files / barcode / f"document-{ruling_other:03d}.pdf"
        kept = remote.read_bytes()

        remote.unlink()  # the remote copy is missing
        with pytest.raises(IntegrityProblem, match="اکنون در مخزن مرکزی نیست"):
            destruction.execute(app.uow(RECORDS), today.number, store, minutes_dir, app.outbox)
        remote.write_bytes(kept.replace(b"%%EOF", b"%%EOF\n% altered"))  # altered in the store
        with pytest.raises(IntegrityProblem, match="با نسخه تأییدشده یکی نیست"):
            destruction.execute(app.uow(RECORDS), today.number, store, minutes_dir, app.outbox)
        remote.write_bytes(kept)
        holds.add_hold(app.uow(RECORDS), barcode, "استعلام مرجع قضایی", ruling_other)
        with pytest.raises(IntegrityProblem, match="توقیف"):
            destruction.execute(app.uow(RECORDS), today.number, store, minutes_dir, app.outbox)
        holds.release_hold(app.uow(SUPERVISOR), barcode, "پاسخ استعلام رسید", ruling_other)
        assert register.where_is(app.uow(RECORDS), barcode, ruling_other).status == "due"
        with pytest.raises(PermissionDenied):
            destruction.execute(app.uow(SUPERVISOR), today.number, store, minutes_dir, app.outbox)

        first = destruction.execute(app.uow(RECORDS), today.number, store, minutes_dir, app.outbox)

        # The six-monthly batch is a preview until its day: refused today and the day before, naming the day; the
        # letter is still here (held, or due in the register once its six months are over). On the day it runs.
        ahead_day = add_months(tehran_today(), 7)
        for day in (tehran_today(), ahead_day - timedelta(days=1)):
            _on_day(monkeypatch, day)
            with pytest.raises(Conflict, match=f"برای {to_persian(ahead)} برنامه‌ریزی شده و از همان روز اجراشدنی"):
                destruction.execute(app.uow(RECORDS), batch.number, store, minutes_dir, app.outbox)
            kept_letter = register.where_is(app.uow(RECORDS), barcode, letter_no)
            assert (kept_letter.status, kept_letter.destroyed_batch) in (("held", None), ("due", None))
        _on_day(monkeypatch, ahead_day)
        second = destruction.execute(app.uow(RECORDS), batch.number, store, minutes_dir, app.outbox)
        _upload(app, store)  # the minutes go into the dossier's collection with its documents
    finally:
        store.close()

    assert (first.minutes_path.read_bytes(), first.batch.state) == (first.minutes, "executed")
    for done in (first, second):
        assert (wsgidav_server.files / barcode / done.minutes_path.name).read_bytes() == done.minutes
    pdf = tmp_path / "minutes.pdf"
    pdf.write_bytes(second.minutes)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert barcode in text and ruling_row.tracking_code in (
        subprocess.run(["pdftotext", "-layout", str(first.minutes_path), "-"], capture_output=True, text=True,
                       check=True).stdout)
    _render(first.minutes_path, "records-minutes", artifacts)

    rows = {r.document: r for r in register.register(app.uow(RECORDS))}
    assert (rows[ruling_other].status, rows[ruling_other].destroyed_batch) == ("destroyed", today.number)
    assert (rows[letter_no].status, rows[letter_no].destroyed_batch) == ("destroyed", batch.number)
    assert (rows[form].status, rows[form].handed_to) == ("returned", "مریم احمدی")
    assert rows[ruling_b].status == rows[old_b].status == "kept"
    executed = {b.number: b for b in destruction.batches(app.uow(SUPERVISOR))}
    assert (executed[today.number].planned_by, executed[batch.number].planned_by) == (RECORDS, HEAD)
    assert (executed[today.number].approved_by, executed[batch.number].approved_by) == (SUPERVISOR, SUPERVISOR2)
