"""`allowed_actions`: what a user may do to a dossier now, each refusal the very sentence the service gives after the
click."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from scanstation.bootstrap import App
from scanstation.core.errors import ScanStationError
from scanstation.services import actions, capture_steps, classification, dossiers, labels, page_capture, verification
from scanstation.services.actions import allowed_actions
from tests.builders import CLERK, SUPERVISOR, SUPERVISOR2, add_pages, checked_by, new_dossier, staff, walk


@pytest.fixture
def staffed(sqlite_app: App) -> App:
    staff(sqlite_app)
    return sqlite_app


def refusal(call: Callable[[], object]) -> str:
    """The sentence the service refuses with."""
    with pytest.raises(ScanStationError) as err:
        call()
    return str(err.value)


def test_without_a_dossier_only_a_new_one_is_offered(staffed: App) -> None:
    answer = allowed_actions(staffed.uow(CLERK), None)
    assert answer["new"].allowed and answer.barcode is None
    assert {a.reason for key, a in answer.actions.items() if key != "new"} == {actions.NO_DOSSIER}
    for_supervisor = allowed_actions(staffed.uow(SUPERVISOR), None)["new"]
    assert not for_supervisor.allowed and for_supervisor.reason == refusal(lambda: new_dossier(staffed, 1, actor=SUPERVISOR))


def test_each_refusal_is_the_services_sentence(staffed: App) -> None:
    barcode = new_dossier(staffed)
    clerk = allowed_actions(staffed.uow(CLERK), barcode)
    assert clerk["count"] == actions.Action(True) and clerk["out_of_turn"].allowed
    assert clerk["prepare"].reason == refusal(lambda: dossiers.prepare(staffed.uow(CLERK), barcode, 0))
    assert clerk["scan"].reason == clerk["import"].reason  # the same step-5 guard
    assert clerk["approve"].reason == refusal(lambda: verification.approve(staffed.uow(CLERK), barcode, staffed.pages))
    supervisor = allowed_actions(staffed.uow(SUPERVISOR), barcode)
    assert supervisor["count"].reason == refusal(lambda: dossiers.count_sheets(staffed.uow(SUPERVISOR), barcode, 3))
    assert supervisor["stamp"].allowed and supervisor["out_of_turn"].allowed


def test_a_printed_label_prints_again_without_its_step(staffed: App) -> None:
    barcode = new_dossier(staffed)
    walk(staffed, barcode, 2)
    assert allowed_actions(staffed.uow(CLERK), barcode)["register"] == actions.Action(True)
    labels.print_label(staffed.uow(CLERK), barcode)
    answer = allowed_actions(staffed.uow(CLERK), barcode)
    assert answer["register"] == actions.Action(True, reprint=True) and answer["prepare"].allowed
    assert not answer["reassemble"].allowed and not answer["reassemble"].reprint


def test_the_quality_check_says_why_it_cannot_close_before_the_click(staffed: App) -> None:
    barcode = new_dossier(staffed)
    walk(staffed, barcode, 4, sheets=6, slimmed=1)
    add_pages(staffed, barcode, 6, flagged=(2,))
    capture_steps.finish_scanning(staffed.uow(CLERK), barcode)

    def closing() -> str:
        reason = allowed_actions(staffed.uow(CLERK), barcode)["complete_qc"].reason
        assert reason == refusal(lambda: capture_steps.complete_quality_check(staffed.uow(CLERK), barcode))
        return reason

    assert "ایراد کیفی" in closing()
    page_capture.accept_flag(staffed.uow(CLERK), barcode, 2, "اصل کم‌رنگ است")
    assert "طبقه‌بندی نشده" in closing()
    classification.classify(staffed.uow(CLERK), barcode, "1-6", "EMPLOYMENT")
    assert "۶ برگ اسکن شده" in closing()
    page_capture.delete_page(staffed.uow(CLERK), barcode, 6, "برگ لاغرسازی شده")
    answer = allowed_actions(staffed.uow(CLERK), barcode)
    assert answer["complete_qc"].allowed and answer["edit_pages"].allowed and answer["classify"].allowed


def test_the_supervisor_who_scanned_may_not_verify(staffed: App) -> None:
    barcode = new_dossier(staffed)
    checked_by(staffed, barcode, SUPERVISOR2, 2)
    own = allowed_actions(staffed.uow(SUPERVISOR2), barcode)
    assert own["approve"].reason == own["reject"].reason == refusal(
        lambda: verification.approve(staffed.uow(SUPERVISOR2), barcode, staffed.pages))
    assert "خودتان" in (own["approve"].reason or "")
    other = allowed_actions(staffed.uow(SUPERVISOR), barcode)
    assert other["approve"].allowed and other["reject"].allowed
    verification.approve(staffed.uow(SUPERVISOR), barcode, staffed.pages)
    after = allowed_actions(staffed.uow(CLERK), barcode)
    assert after["edit_pages"].reason == refusal(
        lambda: page_capture.rotate_page(staffed.uow(CLERK), barcode, 1, 90, staffed.pages))
    assert "پیش از تأیید ناظر" in (after["edit_pages"].reason or "")
    assert after["reassemble"].allowed and not after["reassemble"].reprint
