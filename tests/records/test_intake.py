"""Counter intake (Part 2.1): new documents join a scanned file without touching the paper file."""

from __future__ import annotations

from pathlib import Path

import pytest

from scanstation.bootstrap import App
from scanstation.core.errors import PermissionDenied, StepOutOfOrder
from scanstation.records import intake as records_intake
from scanstation.records.intake import IntakeDocument
from scanstation.services import page_capture, queries
from scanstation.services.work_queue import work_queue
from tests.builders import CLERK, RECORDS, SUPERVISOR, new_dossier, staff
from tests.records.helpers import paper, shelved_dossier


def test_intake_adds_new_documents_and_leaves_the_paper_file_alone(app: App, tmp_path: Path) -> None:
    """On SQLite and on PostgreSQL (migration 0008, Date columns, the binder lock)."""
    barcode = shelved_dossier(app)
    before = queries.dossier_detail(app.uow(CLERK), barcode)
    docs = [IntakeDocument(paper(tmp_path, "ruling", 1), "COMMISSION-DISABILITY"),
            IntakeDocument(paper(tmp_path, "other", 2, pages=2), "COMMISSION-OTHER"),
            IntakeDocument(paper(tmp_path, "form", 3), "FORM")]
    result = records_intake.intake(app.uow(CLERK), barcode, docs, app.pages)
    after = queries.dossier_detail(app.uow(CLERK), barcode)
    assert result.numbers == [2, 3, 4]
    assert [o.disposition for o in result.originals] == ["binder", "destroy", "return"]
    assert result.originals[0].binder == "b" and result.originals[0].binder_number == 1
    assert result.originals[1].sheets == 2
    assert (after.sheets_counted, after.sheets_recounted, after.progress) == \
        (before.sheets_counted, before.sheets_recounted, before.progress)
    assert after.documents[0] == before.documents[0]
    assert [d.type for d in after.documents[1:]] == ["COMMISSION-DISABILITY", "COMMISSION-OTHER", "FORM"]
    assert all(d.verified_by is None for d in after.documents[1:])
    assert len(after.pages) == len(before.pages) + 4


def test_intake_is_refused_before_the_file_is_scanned_and_to_other_roles(sqlite_app: App, tmp_path: Path) -> None:
    app = sqlite_app
    staff(app)
    fresh = new_dossier(app)
    docs = [IntakeDocument(paper(tmp_path, "form", 3), "FORM")]
    with pytest.raises(StepOutOfOrder, match="خارج از نوبت"):
        records_intake.intake(app.uow(CLERK), fresh, docs, app.pages)
    records_intake.put_in_queue_out_of_turn(app.uow(CLERK), fresh)
    assert work_queue(app.uow(CLERK)).rows[0].out_of_turn
    shelved = shelved_dossier(app, 1, with_staff=False)
    with pytest.raises(PermissionDenied):
        records_intake.intake(app.uow(RECORDS), shelved, docs, app.pages)


def test_intake_scans_a_paper_on_the_flatbed(sqlite_app: App) -> None:
    """The SANE test backend's flatbed, with the counter profile: one scanned batch becomes one new document."""
    app = sqlite_app
    barcode = shelved_dossier(app)
    scan = page_capture.ScanRequest("counter", "test:0")
    result = records_intake.intake(app.uow(CLERK), barcode, [IntakeDocument(None, "CORRESPONDENCE", scan=scan)],
                                   app.pages, secretariat_no="88", registered="1403/03/03")
    (original,) = result.originals
    assert (original.document, original.disposition, original.pages) == (2, "hold-then-destroy", 1)
    detail = queries.dossier_detail(app.uow(CLERK), barcode)
    assert (detail.progress.step, detail.progress.physical_step, detail.sheets_recounted) == (7, 10, 3)
    assert detail.documents[-1].pages == (4,) and detail.documents[-1].verified_by is None


def test_a_rejected_addition_goes_back_alone_and_is_fixed_before_approval(app: App, tmp_path: Path) -> None:
    """The supervisor sends back one page of a counter addition: the paper file stays where it is, its approved pages
    stay frozen, the clerk fixes that page (and only pages of additions still waiting), then it is approved."""
    from scanstation.core.errors import Conflict
    from scanstation.services.verification import approve_document, reject_document

    barcode = shelved_dossier(app)
    form, ruling = records_intake.intake(app.uow(CLERK), barcode, [
        IntakeDocument(paper(tmp_path, "form", 1), "FORM"),
        IntakeDocument(paper(tmp_path, "ruling", 2, pages=2), "COMMISSION-OTHER")], app.pages).numbers
    before = queries.dossier_detail(app.uow(CLERK), barcode)
    filed = next(p.seq for p in before.pages if p.document == 1)
    second = [p.seq for p in before.pages if p.document == ruling][1]
    reject_document(app.uow(SUPERVISOR), barcode, ruling, "صفحه دوم کج اسکن شده است", pages=[second])
    after = queries.dossier_detail(app.uow(CLERK), barcode)
    assert after.progress == before.progress and not after.progress.rejected
    assert [p.seq for p in after.pages if p.open_flag] == [second]
    with pytest.raises(StepOutOfOrder, match="برگردانده"):
        approve_document(app.uow(SUPERVISOR), barcode, ruling, app.pages)
    approve_document(app.uow(SUPERVISOR), barcode, form, app.pages)  # the other addition is not held up
    with pytest.raises(Conflict):
        reject_document(app.uow(SUPERVISOR), barcode, form, "دیر")
    with pytest.raises(StepOutOfOrder):  # the approved paper file's pages stay frozen
        page_capture.rotate_page(app.uow(CLERK), barcode, filed, 90, app.pages)

    turned = page_capture.rotate_page(app.uow(CLERK), barcode, second, 90, app.pages)
    page_capture.accept_flag(app.uow(CLERK), barcode, second, "صفحه چرخانده شد")
    hashes = approve_document(app.uow(SUPERVISOR), barcode, ruling, app.pages)
    assert turned in hashes
    with pytest.raises(StepOutOfOrder):  # approved: frozen like the rest
        page_capture.rotate_page(app.uow(CLERK), barcode, second, 90, app.pages)


def test_an_addition_sent_back_leaves_the_review_queue_until_it_is_fixed(sqlite_app: App, tmp_path: Path) -> None:
    from scanstation.services.review import review_queue
    from scanstation.services.verification import reject_document

    app = sqlite_app
    barcode = shelved_dossier(app)
    number = records_intake.intake(app.uow(CLERK), barcode, [IntakeDocument(paper(tmp_path, "form", 1), "FORM")],
                                   app.pages).numbers[0]
    assert [(i.barcode, i.kind, i.pending) for i in review_queue(app.uow(SUPERVISOR))] == [(barcode, "intake", 1)]
    reject_document(app.uow(SUPERVISOR), barcode, number, "ناخواناست")
    assert review_queue(app.uow(SUPERVISOR)) == []  # it waits for the clerk now
    seq = queries.dossier_detail(app.uow(CLERK), barcode).documents[-1].pages[0]
    page_capture.accept_flag(app.uow(CLERK), barcode, seq, "اصل همین است")
    assert [i.barcode for i in review_queue(app.uow(SUPERVISOR))] == [barcode]
