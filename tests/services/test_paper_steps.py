"""Steps 1-10 through the services: order, roles, reconciliation, refusals that change nothing."""

from __future__ import annotations

import pytest

from scanstation.bootstrap import App
from scanstation.core.errors import (InvalidInput, PermissionDenied, RecountMismatch, StepOutOfOrder)
from scanstation.services import capture_steps, classification, dossiers, page_capture, queries, verification
from scanstation.services.work_queue import work_queue
from tests.builders import ADMIN, CLERK, CLERK2, RECORDS, SUPERVISOR, new_dossier, staff, walk


@pytest.fixture
def staffed(app: App) -> App:
    staff(app)
    return app


def _detail(app: App, barcode: str) -> dict:
    """The dossier as `dossier show --json` gives it (the CLI contract's shape)."""
    return queries.dossier_detail(app.uow(CLERK), barcode).to_json()


def test_step_one_registers_dossier_with_barcode_and_step_record(staffed: App) -> None:
    barcode = new_dossier(staffed, 1)
    d = _detail(staffed, barcode)
    assert d["barcode"] == barcode and d["state"] == "retrieved"
    assert [(s["step"], s["user"]) for s in d["steps"]] == [(1, CLERK)]
    assert d["steps"][0]["at"].endswith("Z")


def test_step_one_refuses_invalid_national_id_and_creates_nothing(staffed: App) -> None:
    with pytest.raises(InvalidInput, match="کد ملی"):
        dossiers.retrieve(staffed.uow(CLERK), "0012",
                          dossiers.NewDossier("1000234501", "0012345678", "نام", "R1"))
    assert work_queue(staffed.uow(CLERK)).rows == []


def test_each_step_refused_before_its_predecessor(staffed: App) -> None:
    barcode = new_dossier(staffed)
    with pytest.raises(StepOutOfOrder, match="برگ شماری"):
        dossiers.prepare(staffed.uow(CLERK), barcode, 0)
    with pytest.raises(StepOutOfOrder):
        dossiers.reassemble(staffed.uow(CLERK), barcode)
    with pytest.raises(StepOutOfOrder):
        dossiers.recount(staffed.uow(CLERK), barcode, 5)
    with pytest.raises(StepOutOfOrder):
        dossiers.reshelve(staffed.uow(CLERK), barcode, "R2")
    with pytest.raises(StepOutOfOrder):
        verification.approve(staffed.uow(SUPERVISOR), barcode, staffed.pages)
    dossiers.count_sheets(staffed.uow(CLERK), barcode, 10)
    with pytest.raises(StepOutOfOrder, match="انجام شده"):
        dossiers.count_sheets(staffed.uow(CLERK), barcode, 11)
    assert _detail(staffed, barcode)["sheets_counted"] == 10


@pytest.mark.parametrize("actor", [SUPERVISOR, RECORDS, ADMIN])
def test_clerk_steps_refuse_other_roles(staffed: App, actor: str) -> None:
    barcode = new_dossier(staffed)
    with pytest.raises(PermissionDenied):
        dossiers.count_sheets(staffed.uow(actor), barcode, 10)
    with pytest.raises(PermissionDenied):
        dossiers.retrieve(staffed.uow(actor), "0012", dossiers.NewDossier("1000234599", "0012345679", "x", "R"))
    assert _detail(staffed, barcode)["state"] == "retrieved"


def test_unknown_user_is_refused(staffed: App) -> None:
    barcode = new_dossier(staffed)
    with pytest.raises(PermissionDenied, match="وجود ندارد"):
        dossiers.count_sheets(staffed.uow("ghost"), barcode, 3)


def test_slimming_cannot_remove_every_sheet(staffed: App) -> None:
    barcode = new_dossier(staffed)
    walk(staffed, barcode, 3, sheets=5)
    with pytest.raises(InvalidInput):
        dossiers.prepare(staffed.uow(CLERK), barcode, 5)
    dossiers.prepare(staffed.uow(CLERK), barcode, "۲")
    assert _detail(staffed, barcode)["sheets_slimmed"] == 2


def test_recount_must_equal_count_minus_slimmed(staffed: App) -> None:
    barcode = new_dossier(staffed)
    walk(staffed, barcode, 8, sheets=12, slimmed=3)
    with pytest.raises(RecountMismatch) as err:
        dossiers.recount(staffed.uow(CLERK), barcode, 12)
    assert "۱۲" in str(err.value) and "۹" in str(err.value)
    assert _detail(staffed, barcode)["sheets_recounted"] is None
    dossiers.recount(staffed.uow(CLERK), barcode, "۹")
    assert _detail(staffed, barcode)["sheets_recounted"] == 9


def test_quality_check_refused_while_flags_open(staffed: App) -> None:
    from tests.builders import add_pages

    barcode = new_dossier(staffed)
    walk(staffed, barcode, 4)
    add_pages(staffed, barcode, 3, flagged=(2,))
    capture_steps.finish_scanning(staffed.uow(CLERK), barcode)
    with pytest.raises(StepOutOfOrder, match="ایراد کیفی"):
        capture_steps.complete_quality_check(staffed.uow(CLERK), barcode)
    assert _detail(staffed, barcode)["state"] == "scanned"


def test_supervisor_approves_but_never_the_operator(staffed: App) -> None:
    from tests.builders import SUPERVISOR2, checked_by

    barcode = new_dossier(staffed)
    checked_by(staffed, barcode, SUPERVISOR2, 4)
    with pytest.raises(PermissionDenied, match="خودتان"):
        verification.approve(staffed.uow(SUPERVISOR2), barcode, staffed.pages)
    with pytest.raises(PermissionDenied):
        verification.approve(staffed.uow(CLERK2), barcode, staffed.pages)
    hashes = verification.approve(staffed.uow(SUPERVISOR), barcode, staffed.pages)
    assert len(hashes) == 4
    step7 = [s for s in _detail(staffed, barcode)["steps"] if s["step"] == 7][0]
    assert step7["values"]["approved_hashes"] == hashes and step7["user"] == SUPERVISOR


def test_rejection_sends_back_to_scanning_with_reason(staffed: App) -> None:
    barcode = new_dossier(staffed)
    walk(staffed, barcode, 6)
    with pytest.raises(InvalidInput):
        verification.reject(staffed.uow(SUPERVISOR), barcode, "  ")
    verification.reject(staffed.uow(SUPERVISOR), barcode, "صفحه ۳ ناخوانا است")
    d = _detail(staffed, barcode)
    assert d["state"] == "rejected" and d["rejected_reason"] == "صفحه ۳ ناخوانا است"
    with pytest.raises(StepOutOfOrder):
        dossiers.reassemble(staffed.uow(CLERK), barcode)
    capture_steps.complete_quality_check(staffed.uow(CLERK), barcode)
    verification.approve(staffed.uow(SUPERVISOR), barcode, staffed.pages)
    assert _detail(staffed, barcode)["state"] == "verified"


def test_two_tracks_run_independently_until_digitized(staffed: App) -> None:
    from scanstation.core.uow import Actor
    from scanstation.services import publication

    sync = Actor("system:sync", system=True)
    barcode = new_dossier(staffed)
    walk(staffed, barcode, 7)
    with pytest.raises(PermissionDenied):
        publication.record_uploaded(staffed.uow(CLERK), barcode, "TRK-1", [])
    with pytest.raises(StepOutOfOrder):
        publication.record_indexed(staffed.uow(sync), barcode, 1)
    publication.record_uploaded(staffed.uow(sync), barcode, "TRK-1", [])
    publication.record_indexed(staffed.uow(sync), barcode, 1)
    d = _detail(staffed, barcode)
    assert d["tracks"] == {"physical": 0, "electronic": 12} and d["state"] == "verified"
    dossiers.reassemble(staffed.uow(CLERK), barcode)
    dossiers.recount(staffed.uow(CLERK), barcode, 8)
    dossiers.reshelve(staffed.uow(CLERK), barcode, "ردیف ۹")
    d = _detail(staffed, barcode)
    assert d["state"] == "digitized" and d["shelf"] == "ردیف ۹"
    assert [s["step"] for s in d["steps"]] == [1, 2, 3, 4, 5, 6, 7, 7, 11, 12, 8, 9, 10]  # 7: the document, the dossier


def test_physical_track_can_finish_first(staffed: App) -> None:
    barcode = new_dossier(staffed)
    walk(staffed, barcode, 10)
    d = _detail(staffed, barcode)
    assert d["tracks"] == {"physical": 10, "electronic": 0} and d["next_steps"] == [11]


def test_out_of_turn_dossiers_lead_every_queue(staffed: App) -> None:
    first = new_dossier(staffed, 1)
    second = new_dossier(staffed, 2)
    urgent = new_dossier(staffed, 3, out_of_turn="بیمه شده در باجه است")
    later = new_dossier(staffed, 4)
    dossiers.set_out_of_turn(staffed.uow(CLERK), later, "انتقال پرونده به شعبه دیگر")
    order = [r.barcode for r in work_queue(staffed.uow(CLERK)).rows]
    assert order == [urgent, later, first, second]
    assert [r.barcode for r in work_queue(staffed.uow(CLERK), step=2).rows] == [urgent, later, first, second]
    with pytest.raises(InvalidInput):
        dossiers.set_out_of_turn(staffed.uow(CLERK), first, " ")


def test_queue_search_by_barcode_insured_number_or_national_id(staffed: App) -> None:
    a = new_dossier(staffed, 1)
    b = new_dossier(staffed, 2)
    assert [r.barcode for r in work_queue(staffed.uow(CLERK), search=a[-8:].lower()).rows] == [a]
    assert [r.barcode for r in work_queue(staffed.uow(CLERK), search="۱۰۰۰۲۳۴۵۰۲").rows] == [b]
    assert [r.barcode for r in work_queue(staffed.uow(CLERK), search="0067749828").rows] == [b]


def test_barcodes_are_sequential_and_unique_per_branch(staffed: App) -> None:
    codes = [new_dossier(staffed, i) for i in range(5)]
    assert len(set(codes)) == 5
    assert [int(c.split("-")[3]) for c in codes] == [1, 2, 3, 4, 5]


def test_sheets_are_reconciled_when_the_quality_check_closes(staffed: App) -> None:
    """Issue 9.5: 6 counted, 1 slimmed, 6 sheets captured. Step 6 is refused (pages can still change), one sheet is
    taken out, step 6 closes, and the recount of 5 at step 9 passes."""
    from tests.builders import add_pages

    barcode = new_dossier(staffed)
    walk(staffed, barcode, 4, sheets=6, slimmed=1)
    add_pages(staffed, barcode, 6)
    capture_steps.finish_scanning(staffed.uow(CLERK), barcode)
    classification.classify(staffed.uow(CLERK), barcode, "1-6", "EMPLOYMENT")
    with pytest.raises(RecountMismatch) as err:
        capture_steps.complete_quality_check(staffed.uow(CLERK), barcode)
    assert "۵ برگ دارد" in str(err.value) and "۶ برگ اسکن شده" in str(err.value)
    assert _detail(staffed, barcode)["state"] == "scanned"
    page_capture.delete_page(staffed.uow(CLERK), barcode, 6, "برگ لاغرسازی شده به اشتباه اسکن شد")
    capture_steps.complete_quality_check(staffed.uow(CLERK), barcode)
    verification.approve(staffed.uow(SUPERVISOR), barcode, staffed.pages)
    dossiers.reassemble(staffed.uow(CLERK), barcode)
    dossiers.recount(staffed.uow(CLERK), barcode, 5)
    assert _detail(staffed, barcode)["sheets_recounted"] == 5


