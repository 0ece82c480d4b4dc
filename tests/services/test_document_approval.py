"""Issue 9 (step 7): per-document approval of exact images, rejection of pages back to the clerk, voiding an approval
when a document's pages change, separation of duties and the agency's responsible person, and the review queue."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

from scanstation.bootstrap import App
from scanstation.core.errors import Conflict, InvalidInput, NotFound, PermissionDenied, StepOutOfOrder
from scanstation.core.jalali import utcnow
from scanstation.core.models import AuditEntry, Branch, Document, Dossier, Page, StepRecord
from scanstation.core.pages import last_seq
from scanstation.indexing.taxonomy import load_taxonomy
from scanstation.services import (capture_steps, classification, dossiers, page_capture, page_fixes, queries, setup,
                                  upload, users, verification)
from scanstation.services.lookup import dossier_by_barcode
from tests.builders import (ADMIN, BRANCH, CLERK, CLERK2, PASSWORD, SUPERVISOR, SUPERVISOR2, add_pages, new_dossier,
                            staff, tiny_image, walk)


def three_documents(app: App, n: int = 0, actor: str = CLERK) -> str:
    """A dossier at step 6: six pages captured by `actor`, documents 1-3 of two pages each, closed by CLERK."""
    barcode = new_dossier(app, n)
    walk(app, barcode, 4, sheets=6, slimmed=0)
    add_pages(app, barcode, 6, actor=actor)
    capture_steps.finish_scanning(app.uow(CLERK), barcode)
    for pages in ("1-2", "3-4", "5-6"):
        classification.classify(app.uow(CLERK), barcode, pages, "EMPLOYMENT")
    capture_steps.complete_quality_check(app.uow(CLERK), barcode)
    return barcode


def _documents(app: App, barcode: str) -> list[Document]:
    with app.uow(CLERK) as uow:
        dossier = dossier_by_barcode(uow.session, barcode)
        docs = list(uow.session.execute(select(Document).where(Document.dossier_id == dossier.id)
                                        .order_by(Document.number)).scalars())
        uow.session.expunge_all()
        return docs


def _dossier(app: App, barcode: str) -> Dossier:
    with app.uow(CLERK) as uow:
        dossier = dossier_by_barcode(uow.session, barcode)
        uow.session.expunge(dossier)
        return dossier


def _steps(app: App, barcode: str) -> list[tuple[int, str, dict]]:
    with app.uow(CLERK) as uow:
        dossier = dossier_by_barcode(uow.session, barcode)
        return [(s.step, s.action, json.loads(s.values_json)) for s in uow.session.execute(
            select(StepRecord).where(StepRecord.dossier_id == dossier.id).order_by(StepRecord.id)).scalars()]


def _voids(app: App) -> list[dict]:
    with app.uow(CLERK) as uow:
        return [json.loads(e.details) for e in uow.session.execute(
            select(AuditEntry).where(AuditEntry.action == "document.approval_void")).scalars()]


def test_each_document_is_approved_with_its_exact_hashes_and_step_7_closes_with_the_last(app: App) -> None:
    staff(app)
    barcode = three_documents(app)
    hashes = verification.approve_document(app.uow(SUPERVISOR), barcode, 2, app.pages)
    docs = _documents(app, barcode)
    assert [d.verified_by for d in docs] == [None, SUPERVISOR, None] and docs[1].approved_hashes == hashes
    assert len(hashes) == 2 and docs[1].verified_at is not None and _dossier(app, barcode).step == 6
    assert _steps(app, barcode)[-1] == (7, "approve_document", {"document": 2, "approved_hashes": hashes,
                                                                "capacity": "supervisor"})
    with pytest.raises(Conflict, match="قبلاً تأیید"):
        verification.approve_document(app.uow(SUPERVISOR), barcode, 2, app.pages)
    with pytest.raises(NotFound):
        verification.approve_document(app.uow(SUPERVISOR), barcode, 4, app.pages)
    verification.approve_document(app.uow(SUPERVISOR), barcode, 1, app.pages)
    assert _dossier(app, barcode).step == 6
    verification.approve_document(app.uow(SUPERVISOR), barcode, 3, app.pages)
    assert _dossier(app, barcode).step == 7
    step, action, values = _steps(app, barcode)[-1]
    assert (step, action) == (7, "verify") and values["approved_hashes"] == [
        h for d in _documents(app, barcode) for h in d.approved_hashes]
    detail = queries.dossier_detail(app.uow(CLERK), barcode).to_json()
    assert [d["verified_by"] for d in detail["documents"]] == [SUPERVISOR] * 3
    assert all(d["verified_at"].endswith("Z") for d in detail["documents"])


def test_approve_without_a_document_approves_every_pending_one(app: App) -> None:
    staff(app)
    barcode = three_documents(app)
    verification.approve_document(app.uow(SUPERVISOR), barcode, 1, app.pages)
    first = _documents(app, barcode)[0].verified_at
    assert len(verification.approve(app.uow(SUPERVISOR2), barcode, app.pages)) == 6
    docs = _documents(app, barcode)
    assert [d.verified_by for d in docs] == [SUPERVISOR, SUPERVISOR2, SUPERVISOR2] and docs[0].verified_at == first
    assert _dossier(app, barcode).step == 7


def test_rejected_pages_go_back_to_the_clerk_as_flags_with_the_reason(app: App) -> None:
    staff(app)
    barcode = three_documents(app)
    verification.approve_document(app.uow(SUPERVISOR), barcode, 1, app.pages)
    with pytest.raises(InvalidInput, match="دلیل"):
        verification.reject_document(app.uow(SUPERVISOR), barcode, 2, "  ", [3])
    with pytest.raises(NotFound, match="صفحه ۵ در سند ۲ نیست"):
        verification.reject_document(app.uow(SUPERVISOR), barcode, 2, "کج", [5])
    verification.reject_document(app.uow(SUPERVISOR), barcode, 2, "مهر اصل برابر دیده نمی‌شود", [4])
    pages = queries.dossier_detail(app.uow(CLERK), barcode).pages
    assert [p.open_flag for p in pages] == [False, False, False, True, False, False]
    assert pages[3].qc_reasons == ("supervisor",)
    with app.uow(CLERK) as uow:
        page = uow.session.execute(select(Page).where(Page.sha256 == pages[3].sha256)).scalar_one()
        assert page.qc_metrics["supervisor_reason"] == "مهر اصل برابر دیده نمی‌شود"
    dossier = _dossier(app, barcode)
    assert dossier.step == 5 and "مهر اصل" in dossier.rejected_reason
    assert _steps(app, barcode)[-1][:2] == (7, "reject_document")
    assert _steps(app, barcode)[-1][2]["pages"] == [4] and _steps(app, barcode)[-1][2]["document"] == 2
    with pytest.raises(StepOutOfOrder, match="ایراد کیفی"):
        capture_steps.complete_quality_check(app.uow(CLERK), barcode)
    assert _documents(app, barcode)[0].verified_by == SUPERVISOR  # its pages did not change
    page_fixes.accept_flags(app.uow(CLERK), barcode, "4", "اصل برگ مهر ندارد")
    capture_steps.complete_quality_check(app.uow(CLERK), barcode)
    verification.reject_document(app.uow(SUPERVISOR), barcode, 3, "دو برگ جابه‌جا")  # default: all its pages
    assert [p.open_flag for p in queries.dossier_detail(app.uow(CLERK), barcode).pages] == [False] * 4 + [True] * 2


def _approved_first(app: App) -> str:
    """A dossier at step 6 whose document 1 (pages 1-2) is approved and the others wait."""
    barcode = three_documents(app)
    verification.approve_document(app.uow(SUPERVISOR), barcode, 1, app.pages)
    assert _documents(app, barcode)[0].verified_at is not None
    return barcode


CHANGES: dict[str, Callable[[App, str], object]] = {
    "page.rotate": lambda app, b: page_fixes.rotate_pages(app.uow(CLERK), b, "2", 90, app.pages),
    "page.delete": lambda app, b: page_fixes.delete_pages(app.uow(CLERK), b, "1", "برگ تکراری"),
    "document.classify": lambda app, b: classification.classify(app.uow(CLERK), b, "2-3", "EMPLOYMENT"),
    "document.split": lambda app, b: classification.split(app.uow(CLERK), b, 1, 2),
    "document.merge": lambda app, b: classification.merge(app.uow(CLERK), b, 1),
    "document.update": lambda app, b: classification.update(app.uow(CLERK), b, 1, doc_date="1402/01/05"),
}


@pytest.mark.parametrize("cause", sorted(CHANGES))
def test_any_change_to_an_approved_documents_pages_voids_its_approval(sqlite_app: App, cause: str) -> None:
    app = sqlite_app
    staff(app)
    barcode = _approved_first(app)
    CHANGES[cause](app, barcode)
    docs = _documents(app, barcode)
    assert all(d.verified_at is None and d.verified_by is None and d.approved_hashes is None for d in docs)
    voids = _voids(app)
    assert [(v["cause"], v["document"], v["verified_by"]) for v in voids] == [(cause, 1, SUPERVISOR)]
    assert len(voids[0]["approved_hashes"]) == 2
    assert CLERK in docs[0].edited_by


def test_a_rescan_voids_the_approval_of_its_document(sqlite_app: App) -> None:
    from scanstation.capture.sane_scanner import Scanner

    app = sqlite_app
    staff(app)
    barcode = _approved_first(app)
    Scanner("test:0").close()
    page_capture.rescan_page(app.uow(CLERK), barcode, 2, page_capture.ScanRequest("counter", "test:0"), app.pages)
    assert _documents(app, barcode)[0].verified_at is None
    assert [v["cause"] for v in _voids(app)] == ["page.rescan"]


def test_a_change_to_another_document_leaves_an_approval_standing(sqlite_app: App) -> None:
    app = sqlite_app
    staff(app)
    barcode = _approved_first(app)
    page_fixes.rotate_pages(app.uow(CLERK), barcode, "5", 90, app.pages)
    assert _documents(app, barcode)[0].verified_by == SUPERVISOR and not _voids(app)


def test_nobody_approves_a_document_they_captured_or_edited(app: App) -> None:
    staff(app)
    users.set_roles(app.uow(ADMIN), SUPERVISOR, ["supervisor", "clerk"])
    barcode = three_documents(app)
    classification.update(app.uow(SUPERVISOR2), barcode, 2, note="برگ دوم پشت‌نویسی دارد")  # an edit, as a clerk
    with pytest.raises(PermissionDenied, match="سند ۲"):
        verification.approve_document(app.uow(SUPERVISOR2), barcode, 2, app.pages)
    with pytest.raises(PermissionDenied, match="سند ۲"):
        verification.reject_document(app.uow(SUPERVISOR2), barcode, 2, "x")
    verification.approve_document(app.uow(SUPERVISOR2), barcode, 1, app.pages)  # the others are not theirs

    second = three_documents(app, 1, actor=SUPERVISOR)  # SUPERVISOR captured every page (holding the clerk role)
    with pytest.raises(PermissionDenied, match="اسکن یا ویرایش"):
        verification.approve_document(app.uow(SUPERVISOR), second, 1, app.pages)
    with pytest.raises(PermissionDenied):
        verification.approve(app.uow(SUPERVISOR), second, app.pages)

    third = new_dossier(app, 2)  # SUPERVISOR2 closed the quality check
    walk(app, third, 5, sheets=2, slimmed=0)
    classification.classify(app.uow(CLERK), third, "1-2", "EMPLOYMENT")
    capture_steps.complete_quality_check(app.uow(SUPERVISOR2), third)
    with pytest.raises(PermissionDenied, match="کنترل کیفیت"):
        verification.approve_document(app.uow(SUPERVISOR2), third, 1, app.pages)
    with pytest.raises(PermissionDenied, match="ناظر"):
        verification.approve_document(app.uow(CLERK2), third, 1, app.pages)


def test_in_an_agency_office_only_its_responsible_person_approves_and_is_recorded_so(app: App) -> None:
    staff(app)
    setup.ensure_branch(app.uow(ADMIN), "0777", "کارگزاری رسمی نمونه", agency=True)
    users.add_user(app.uow(ADMIN), "agent1", "مسئول کارگزاری", ["agency-responsible"], PASSWORD, "0777")
    barcode = dossiers.retrieve(app.uow(CLERK), "0777", dossiers.NewDossier("1000234599", "0012345679", "ب", "R1"))
    walk(app, barcode, 5, sheets=2, slimmed=0)
    classification.classify(app.uow(CLERK), barcode, "1-2", "EMPLOYMENT")
    capture_steps.complete_quality_check(app.uow(CLERK), barcode)
    with pytest.raises(PermissionDenied, match="مسئول کارگزاری"):
        verification.approve_document(app.uow(SUPERVISOR), barcode, 1, app.pages)
    verification.approve_document(app.uow("agent1"), barcode, 1, app.pages)
    assert [(s, a, v["capacity"]) for s, a, v in _steps(app, barcode)[-2:]] == [
        (7, "approve_document", "agency-responsible"), (7, "verify", "agency-responsible")]
    ordinary = three_documents(app, 1)
    with pytest.raises(PermissionDenied):
        verification.approve_document(app.uow("agent1"), ordinary, 1, app.pages)  # not a supervisor of 0012
    with app.uow(CLERK) as uow:
        assert uow.session.execute(select(Branch.is_agency).where(Branch.code == BRANCH)).scalar_one() is False


def _add_intake_document(app: App, barcode: str) -> None:
    """What counter intake does to an approved dossier: a new document (number 99 here), taken in by SUPERVISOR2
    (who also holds the clerk role), whose one page waits for the supervisor."""
    image = app.pages.put(tiny_image(barcode, 100))
    with app.uow(CLERK) as uow:
        dossier = dossier_by_barcode(uow.session, barcode)
        last = last_seq(uow.session, dossier.id)
        doc = Document(dossier_id=dossier.id, number=99, type_code="EMPLOYMENT",
                       heading_code=load_taxonomy().type("EMPLOYMENT").heading, actor=SUPERVISOR2,
                       created_at=utcnow() - timedelta(days=2))  # waiting longer than the others
        uow.session.add(doc)
        uow.session.flush()
        uow.session.add(Page.captured(dossier_id=dossier.id, batch_id=None, seq=last + 1, sheet=last + 1,
                                      side="front", image=image, dpi=300, origin=None, qc_reasons=[], qc_metrics={},
                                      barcodes=[], actor=SUPERVISOR2, document_id=doc.id))
        uow.commit()


def test_the_review_queue_and_the_upload_follow_each_documents_approval(app: App) -> None:
    staff(app)
    late = three_documents(app, 0)
    urgent = new_dossier(app, 1, out_of_turn="درخواست دادگاه")
    walk(app, urgent, 6, sheets=3, slimmed=0)
    approved = new_dossier(app, 2)
    walk(app, approved, 7, sheets=2, slimmed=0)
    queue = verification.review_queue(app.uow(SUPERVISOR))
    assert [i.barcode for i in queue] == [urgent, late]
    item = queue[1]
    assert (item.kind, item.pages, item.documents, item.pending, item.sheets_counted, item.sheets_slimmed,
            item.sheets_captured, item.operators, item.flags_accepted) == ("dossier", 6, 3, 3, 6, 0, 6, (CLERK,), 0)
    with pytest.raises(PermissionDenied):
        verification.review_queue(app.uow(CLERK))

    assert upload.dossiers_to_queue(app.uow(SUPERVISOR)) == [approved]
    _add_intake_document(app, approved)
    queue = verification.review_queue(app.uow(SUPERVISOR))
    assert [(i.barcode, i.kind, i.pending) for i in queue] == [(urgent, "dossier", 1), (approved, "intake", 1),
                                                              (late, "dossier", 3)]
    assert upload.dossiers_to_queue(app.uow(SUPERVISOR)) == [approved]  # document 1 only: 99 waits
    with pytest.raises(PermissionDenied, match="اسکن یا ویرایش"):
        verification.approve_document(app.uow(SUPERVISOR2), approved, 99, app.pages)
    verification.approve_document(app.uow(SUPERVISOR), approved, 99, app.pages)
    assert approved not in [i.barcode for i in verification.review_queue(app.uow(SUPERVISOR))]


def test_upload_sends_exactly_each_documents_approved_images(sqlite_app: App, tmp_path: Path) -> None:
    app = sqlite_app
    staff(app)
    barcode = three_documents(app)
    verification.approve(app.uow(SUPERVISOR), barcode, app.pages)
    codes = upload.enqueue(app.uow(SUPERVISOR), barcode, app.pages, tmp_path)
    assert len(codes) == 3
    manifest = max(tmp_path.glob("*.json"), key=lambda p: p.stat().st_mtime)
    listed = json.loads(manifest.read_text(encoding="utf-8"))["documents"]
    docs = _documents(app, barcode)
    assert [[p["sha256"] for p in d["pages"]] for d in listed] == [d.approved_hashes for d in docs]
    assert [d["verifier"] for d in listed] == [SUPERVISOR] * 3
    with app.uow(CLERK) as uow:  # the approval names other images than the pages hold (changed behind our back)
        uow.session.execute(update(Document).where(Document.id == docs[2].id).values(
            approved_hashes=list(reversed(docs[2].approved_hashes))))
        uow.commit()
    with pytest.raises(Conflict, match="سند ۳"):
        upload.enqueue(app.uow(SUPERVISOR), barcode, app.pages, tmp_path)


def test_the_window_is_told_per_document_what_may_be_decided_and_why_not(sqlite_app: App) -> None:
    from scanstation.services.actions import document_actions

    app = sqlite_app
    staff(app)
    barcode = three_documents(app)
    classification.update(app.uow(SUPERVISOR2), barcode, 3, note="یادداشت")
    verification.approve_document(app.uow(SUPERVISOR), barcode, 1, app.pages)
    answers = document_actions(app.uow(SUPERVISOR2), barcode, [1, 2, 3])
    assert [(a.approve.allowed, a.reject.allowed) for a in answers.values()] == [(False, True), (True, True),
                                                                                (False, False)]
    assert "قبلاً تأیید" in answers[1].approve.reason and "سند ۳" in answers[3].approve.reason
    assert not document_actions(app.uow(CLERK), barcode, [2])[2].approve.allowed
