"""What may this user do to this dossier now, and if not, why: one answer for every screen.

Each action is asked of the very check its use case runs before changing anything (`guard_step`, `guard_pages`,
`require_label_allowed`, `require_quality_check_closable`, ...), so a refusal is the sentence the service would
give after the click, shown before it. The services keep the last word: the answer can be stale a moment later.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial

from scanstation.core.digits import to_persian
from scanstation.core.errors import ScanStationError
from scanstation.core.models import Dossier
from scanstation.core.uow import UnitOfWork
from scanstation.services import capture_steps, labels, page_fixes, verification
from scanstation.services.dossiers import require_out_of_turn_allowed
from scanstation.services.lookup import document_by_number, dossier_by_barcode
from scanstation.services.read_models import PageView
from scanstation.services.steps import fixable_pages, guard_page_fixes, guard_pages, guard_step

NO_DOSSIER = "نخست یک پرونده را از صف کار انتخاب کنید."
NO_PAGES = "این پرونده هنوز صفحه‌ای ندارد؛ نخست اسکن کنید یا از فایل بیفزایید."
NO_SELECTION = "نخست صفحه‌ای را در فهرست صفحه‌ها انتخاب کنید."
ONE_AT_A_TIME = "اسکن دوباره برای یک صفحه در هر بار است؛ تنها یک صفحه را انتخاب کنید."
NO_OPEN_FLAG = "صفحه‌های انتخاب‌شده ایراد کیفی باز ندارند که پذیرفته شود."
NOT_TURNED = "صفحه‌های انتخاب‌شده وارونه یا چرخیده شناخته نشده‌اند؛ برای چرخاندن دستی «چرخش ۹۰°» را بزنید."
FROZEN_PAGE = ("صفحه {page} در سندی است که ناظر تأیید کرده است و دیگر تغییر نمی‌کند؛ تنها صفحه‌های اسناد افزوده در "
               "باجه که هنوز تأیید نشده‌اند اصلاح می‌شوند.")


@dataclass(frozen=True)
class Action:
    """`allowed`, or `reason`: the one sentence that says why not. `reprint`: a label printed before prints again
    without recording its step."""

    allowed: bool
    reason: str | None = None
    reprint: bool = False


@dataclass(frozen=True)
class ActionSet:
    """The answer for one dossier (or none chosen yet), by action key: see ACTIONS."""

    barcode: str | None
    actions: Mapping[str, Action]
    fixable: frozenset[int] | None = None  # when set, the only pages page fixes may touch (additions waiting)

    def __getitem__(self, key: str) -> Action:
        return self.actions[key]


Check = Callable[[UnitOfWork, Dossier], object]


def _label(kind: str) -> Check:
    return lambda uow, dossier: labels.require_label_allowed(uow, dossier, kind)


def _step(number: int) -> Check:
    return lambda uow, dossier: guard_step(uow, dossier, number)


# Each action and the check its use case runs (by module and function, so the rule is written once, there).
ACTIONS: dict[str, Check] = {
    "count": _step(2),                                        # dossiers.count_sheets
    "register": _label("dossier"),                            # labels.print_label: step 3 or a reprint
    "prepare": _step(4),                                      # dossiers.prepare
    "scan": _step(5),                                         # page_capture.scan_batch
    "import": _step(5),                                       # page_capture.import_files
    "edit_pages": guard_page_fixes,                           # page_capture.accept_flag|delete_page|rescan_page|rotate|upright
    "drop_blank_backs": page_fixes.require_blank_backs,       # page_fixes.drop_blank_backs
    "classify": guard_pages,                                  # classification.classify|split|merge|update
    "finish_scanning": capture_steps.require_scanning_finishable,  # step 5
    "complete_qc": capture_steps.require_quality_check_closable,   # step 6
    "approve": verification.require_verifiable,               # step 7
    "reject": verification.require_verifiable,
    "reassemble": _label("folder"),                           # labels.print_label: step 8 or a reprint
    "recount": _step(9),                                      # dossiers.recount
    "reshelve": _step(10),                                    # dossiers.reshelve
    "out_of_turn": require_out_of_turn_allowed,
    "stamp": lambda uow, dossier: uow.require_to("label.stamp"),
}


def _ask(check: Callable[[], object]) -> Action:
    try:
        result = check()
    except ScanStationError as refusal:
        return Action(False, str(refusal))
    return Action(True, reprint=result is True)


def allowed_actions(uow: UnitOfWork, barcode: str | None) -> ActionSet:
    """Every action of ACTIONS, and `new` (step 1: a file off the shelf), as this unit of work's actor may do them to
    the dossier `barcode` now; with no dossier, only `new` can be allowed."""
    with uow.reading():
        answers = {"new": _ask(lambda: uow.require_to("step.1"))}
        if barcode is None:
            answers.update({key: Action(False, NO_DOSSIER) for key in ACTIONS})
            return ActionSet(None, answers)
        dossier = dossier_by_barcode(uow.session, barcode)
        for key, check in ACTIONS.items():
            answers[key] = _ask(partial(check, uow, dossier))
        return ActionSet(dossier.barcode, answers, fixable_pages(uow.session, dossier))


@dataclass(frozen=True)
class DocumentDecisions:
    """What the actor may decide on one document at step 7 now, each with the sentence saying why not."""

    approve: Action
    reject: Action


def document_actions(uow: UnitOfWork, barcode: str, numbers: list[int]) -> dict[int, DocumentDecisions]:
    """Approve and reject for each document `numbers` of the dossier, asked of the checks approve_document and
    reject_document run (verification.require_document_approvable / require_document_rejectable)."""
    with uow.reading():
        dossier = dossier_by_barcode(uow.session, barcode)
        answers = {}
        for number in numbers:
            doc = document_by_number(uow.session, dossier, number)
            answers[number] = DocumentDecisions(
                _ask(partial(verification.require_document_approvable, uow, dossier, doc)),
                _ask(partial(verification.require_document_rejectable, uow, dossier, doc)))
        return answers


def ask(check: Callable[[], object]) -> Action:
    """One check's answer, for the action sets of the packages above services (records/actions.py)."""
    return _ask(check)


def page_action(allowed: ActionSet, key: str, pages: Sequence[PageView], selected: Sequence[int]) -> Action:
    """A page-edit action of the capture bench (`accept`, `delete`, `rotate`, `upright`, `rescan`) for the pages `selected`
    (their numbers) among `pages`: `edit_pages` as the services answered, then what the choice itself allows."""
    action = allowed["edit_pages"]
    if not action.allowed:
        return action
    if not pages:
        return Action(False, NO_PAGES)
    if not selected:
        return Action(False, NO_SELECTION)
    if key == "rescan" and len(selected) > 1:
        return Action(False, ONE_AT_A_TIME)
    chosen = set(selected)
    frozen = sorted(chosen - allowed.fixable) if allowed.fixable is not None else []
    if frozen:
        return Action(False, FROZEN_PAGE.format(page=to_persian(frozen[0])))
    if key == "accept" and not any(p.open_flag for p in pages if p.seq in chosen):
        return Action(False, NO_OPEN_FLAG)
    if key == "upright" and not all("turned" in p.qc_reasons for p in pages if p.seq in chosen):
        return Action(False, NOT_TURNED)
    return action
