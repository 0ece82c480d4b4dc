"""Every action of the permissions table through both doors: the use case refuses exactly the roles the table leaves
out (with the table's sentence), and "what may I do now" and the screens answer the same; a branch that gives an
action to another role changes all three at once."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from scanstation.bootstrap import App
from scanstation.core.errors import PermissionDenied, ScanStationError
from scanstation.core.permissions import permissions
from scanstation.core.roles import Role
from scanstation.core.uow import Actor, UnitOfWork
from scanstation.records import destruction, holds, intake, paper_copies, register
from scanstation.records.actions import records_actions
from scanstation.reports.period import Period
from scanstation.reports.service import allowed_reports, run_report
from scanstation.services import (actions, audit, capture_steps, classification, document_pdf, dossiers, labels,
                                  outbox_status, page_capture, page_reading, queries, review, setup, store_check,
                                  store_settings, upload, users, verification)
from scanstation.sync.policy import load_policy
from tests.builders import ADMIN, BRANCH, CLERK, PASSWORD, RECORDS, SUPERVISOR, new_dossier, staff

AGENCY = "agency1"
AGENCY_BRANCH, AGENCY_PERSON = "0099", "0499370899"  # a dossier of an official agency office (Part 2.5)
ACTORS: dict[Role, Actor] = {Role.CLERK: Actor(CLERK), Role.SUPERVISOR: Actor(SUPERVISOR),
                             Role.RECORDS_OFFICER: Actor(RECORDS), Role.ADMIN: Actor(ADMIN),
                             Role.AGENCY_RESPONSIBLE: Actor(AGENCY), Role.SYNC: Actor("system:sync", system=True)}
Door = Callable[[App, UnitOfWork, str], object]


def _new(app: App, uow: UnitOfWork, barcode: str) -> object:
    return dossiers.retrieve(uow, BRANCH, dossiers.NewDossier("1000234599", "0012345679", "بیمه شده", "R9"))


def _agency_dossier(app: App) -> str:
    return dossiers.dossiers_for_national_id(app.uow(ACTORS[Role.CLERK]), AGENCY_PERSON)[0]


# One use case behind each action, called on a dossier at step 1 (what comes after the permission check may refuse
# for another reason: only a PermissionDenied counts).
DOORS: dict[str, Door] = {
    "step.1": _new,
    "step.2": lambda app, uow, b: dossiers.count_sheets(uow, b, 3),
    "step.3": lambda app, uow, b: dossiers.register(uow, b),
    "step.4": lambda app, uow, b: dossiers.prepare(uow, b, 0),
    "step.5": lambda app, uow, b: page_capture.import_files(uow, b, [], app.pages),
    "step.6": lambda app, uow, b: capture_steps.complete_quality_check(uow, b),
    "step.7": lambda app, uow, b: verification.approve(uow, b, app.pages),
    "step.7.agency": lambda app, uow, b: verification.approve(uow, _agency_dossier(app), app.pages),
    "step.8": lambda app, uow, b: dossiers.reassemble(uow, b),
    "step.9": lambda app, uow, b: dossiers.recount(uow, b, 3),
    "step.10": lambda app, uow, b: dossiers.reshelve(uow, b, "A-1"),
    "step.11": lambda app, uow, b: upload.record_sent(uow, 0, load_policy()),
    "step.12": lambda app, uow, b: upload.record_indexed(uow, 1, {}, app.outbox, load_policy()),
    "dossier.read": lambda app, uow, b: queries.dossier_detail(uow, b),
    "dossier.out_of_turn": lambda app, uow, b: dossiers.set_out_of_turn(uow, b, "بیمه شده در باجه است"),
    "pages.edit": lambda app, uow, b: classification.classify(uow, b, "1", "X"),
    "label.print": lambda app, uow, b: labels.print_label(uow, b),
    "label.stamp": lambda app, uow, b: labels.stamp_stickers(uow, b, [1]),
    "review.queue": lambda app, uow, b: review.review_queue(uow),
    "intake.take": lambda app, uow, b: intake.put_in_queue_out_of_turn(uow, b),
    "original.hand_over": lambda app, uow, b: register.hand_over(uow, b, 1, "بیمه شده"),
    "hold.place": lambda app, uow, b: holds.add_hold(uow, b, "دستور مرجع قضایی"),
    "destruction.view": lambda app, uow, b: destruction.batches(uow),
    "destruction.plan": lambda app, uow, b: destruction.plan(uow),
    "destruction.approve": lambda app, uow, b: destruction.approve(uow, 1),
    "destruction.execute": lambda app, uow, b: destruction.execute(uow, 1, None, app.settings.data_dir, app.outbox),
    "copies.print": lambda app, uow, b: paper_copies.document_copy(uow, b, 1, "insured-person", app.pages),
    "upload.queue": lambda app, uow, b: upload.dossiers_to_queue(uow),
    "upload.send": lambda app, uow, b: upload.uploaded_files(uow),
    "upload.retry": lambda app, uow, b: upload.retry(uow, "0000"),
    "upload.track": lambda app, uow, b: upload.track(uow, "0000"),
    "outbox.view": lambda app, uow, b: outbox_status.overview(uow),
    "audit.verify": lambda app, uow, b: audit.verify_chain(uow),
    "store.check": lambda app, uow, b: store_check.verify_store(uow, app.pages),
    "store.configure": lambda app, uow, b: store_settings.current(uow, app.settings),
    "text.read": lambda app, uow, b: page_reading.release_dead_claims(uow),
    "reports.own": lambda app, uow, b: run_report(uow, "production", Period.parse("1404/01/01", "1404/12/29")),
    "reports.branch": lambda app, uow, b: run_report(uow, "backlog", Period.parse("1404/01/01", "1404/12/29")),
    "users.manage": lambda app, uow, b: users.list_users(uow),
    "branch.configure": lambda app, uow, b: setup.ensure_branch(uow, BRANCH, "شعبه آزمایشی"),
}


@pytest.fixture
def staffed(sqlite_app: App) -> App:
    staff(sqlite_app)
    users.add_user(sqlite_app.uow(ADMIN), AGENCY, "مسئول کارگزاری", ["agency-responsible"], PASSWORD, BRANCH)
    setup.ensure_branch(sqlite_app.uow(setup.CONSOLE), AGENCY_BRANCH, "کارگزاری رسمی", agency=True)
    dossiers.retrieve(sqlite_app.uow(CLERK), AGENCY_BRANCH, dossiers.NewDossier(
        "1000234598", AGENCY_PERSON, "بیمه شده کارگزاری", "R8"))
    return sqlite_app


def _refused(app: App, action: str, role: Role, barcode: str) -> PermissionDenied | None:
    try:
        DOORS[action](app, app.uow(ACTORS[role]), barcode)
    except PermissionDenied as refusal:
        return refusal
    except ScanStationError:
        pass  # allowed past the door, refused for what the dossier or the input is
    return None


def test_every_action_of_the_table_has_a_door() -> None:
    assert set(DOORS) == set(permissions())


def test_each_use_case_lets_in_exactly_the_roles_of_its_action(staffed: App) -> None:
    barcode = new_dossier(staffed)
    wrong = []
    for action, allowed in permissions().items():
        for role in sorted(Role, key=lambda r: r in allowed):  # the refused first: an allowed call may change things
            refusal = _refused(staffed, action, role, barcode)
            if (refusal is None) != (role in allowed):
                wrong.append((action, role.value, str(refusal)))
    assert wrong == [], wrong


def test_the_refusal_names_the_roles_of_the_table(staffed: App) -> None:
    barcode = new_dossier(staffed)
    refusal = _refused(staffed, "destruction.plan", Role.CLERK, barcode)
    assert str(refusal) == "این کار فقط از کارشناس اسناد و اوراق برمی‌آید؛ نقش شما اجازه آن را نمی‌دهد."


def test_what_may_i_do_now_answers_from_the_table(staffed: App) -> None:
    barcode = new_dossier(staffed)
    for role, actor in ACTORS.items():
        answer = actions.allowed_actions(staffed.uow(actor), barcode)
        assert answer["new"].allowed == (role in permissions()["step.1"])
        assert answer["stamp"].allowed == (role in permissions()["label.stamp"])
        office = records_actions(staffed.uow(actor))
        assert office["plan"].allowed == (role in permissions()["destruction.plan"])
        assert office["hold"].allowed == (role in permissions()["hold.place"])
        reports = allowed_reports(staffed.uow(actor))
        assert ("backlog" in reports) == (role in permissions()["reports.branch"])


def test_giving_an_action_to_another_role_opens_both_doors(staffed: App, permission_table) -> None:
    barcode = new_dossier(staffed)
    assert _refused(staffed, "destruction.plan", Role.CLERK, barcode) is not None
    assert not records_actions(staffed.uow(CLERK))["plan"].allowed
    permission_table({"destruction.plan": ["records-officer", "clerk"], "label.stamp": ["clerk"]})
    assert _refused(staffed, "destruction.plan", Role.CLERK, barcode) is None
    assert records_actions(staffed.uow(CLERK))["plan"].allowed
    assert _refused(staffed, "label.stamp", Role.SUPERVISOR, barcode) is not None
    assert not actions.allowed_actions(staffed.uow(SUPERVISOR), barcode)["stamp"].allowed


def test_an_action_given_to_no_one_says_so(staffed: App, permission_table) -> None:
    permission_table({"users.manage": []})
    with pytest.raises(PermissionDenied, match="permissions.toml"):
        users.list_users(staffed.uow(ADMIN))


def test_step_seven_is_recorded_in_the_role_that_allowed_it(staffed: App) -> None:
    from scanstation.core.models import Dossier
    from sqlalchemy import select

    barcode = new_dossier(staffed)
    with staffed.uow(SUPERVISOR) as uow:
        dossier = uow.session.execute(select(Dossier).where(Dossier.barcode == barcode)).scalar_one()
        assert verification.approver_capacity(uow, dossier) == "supervisor"
    with staffed.uow(AGENCY) as uow:
        dossier = uow.session.execute(select(Dossier).where(Dossier.barcode == barcode)).scalar_one()
        with pytest.raises(PermissionDenied):
            verification.approver_capacity(uow, dossier)
        agency = uow.session.execute(select(Dossier).where(Dossier.barcode == _agency_dossier(staffed))).scalar_one()
        assert verification.approver_capacity(uow, agency) == "agency-responsible"


def test_document_pdf_needs_the_callers_action(staffed: App) -> None:
    barcode = new_dossier(staffed)
    with pytest.raises(PermissionDenied):
        document_pdf.stamped_document_pdf(staffed.uow(RECORDS), barcode, 1, staffed.pages, "copies.print")
    with pytest.raises(PermissionDenied):
        document_pdf.stamped_document_pdf(staffed.uow(CLERK), barcode, 1, staffed.pages, "upload.queue")

