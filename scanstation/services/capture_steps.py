"""Closing steps 5 and 6: scanning is finished, and every quality-check flag has been dealt with.

Each closing has its `require_...` check, which the step itself runs and `services.actions` asks before the click,
so a screen can say why a step is refused with the very sentence the step would give.
"""

from __future__ import annotations

from collections.abc import Sequence

from scanstation.core.digits import to_persian
from scanstation.core.errors import StepOutOfOrder
from scanstation.core.models import Dossier
from scanstation.core.pages import PageFacts, active_facts
from scanstation.core.uow import UnitOfWork
from scanstation.core.workflow import require_sheets_captured
from scanstation.services.classification import require_fully_classified
from scanstation.services.lookup import dossier_by_barcode
from scanstation.services.steps import guard_step, record_step


def require_scanning_finishable(uow: UnitOfWork, dossier: Dossier) -> list[PageFacts]:
    """Refuse step 5 for the wrong role, out of order, or with nothing captured; returns the active pages."""
    guard_step(uow, dossier, 5)
    pages = active_facts(uow.session, dossier.id)
    if not pages:
        raise StepOutOfOrder("هنوز هیچ صفحه‌ای برای این پرونده اسکن نشده است.")
    return pages


def finish_scanning(uow: UnitOfWork, barcode: str) -> int:
    """Step 5 done: the clerk says every sheet has been imaged. Returns the number of pages."""
    with uow:
        dossier = dossier_by_barcode(uow.session, barcode, lock=True)
        pages = require_scanning_finishable(uow, dossier)
        record_step(uow, dossier, 5, pages=len(pages), sheets=len({p.sheet for p in pages}))
        uow.commit()
        return len(pages)


def unresolved_flags(pages: Sequence[PageFacts]) -> list[PageFacts]:
    """Pages with a QC flag that was neither fixed by a rescan nor accepted with a reason."""
    return [p for p in pages if p.open_flag]


def require_quality_check_closable(uow: UnitOfWork, dossier: Dossier) -> list[PageFacts]:
    """Refuse step 6 while a QC flag is open, a page is unclassified, or the sheets captured differ from those
    counted minus those slimmed (Directive Part 4.1), so the mismatch is found while pages can still change;
    returns the active pages."""
    guard_step(uow, dossier, 6)
    if dossier.step != 5:
        raise StepOutOfOrder("پیش از کنترل کیفیت باید پایان اسکن ثبت شود.")
    pages = active_facts(uow.session, dossier.id)
    open_flags = unresolved_flags(pages)
    if open_flags:
        seqs = "، ".join(to_persian(p.seq) for p in open_flags[:10])
        raise StepOutOfOrder(
            f"{to_persian(len(open_flags))} صفحه هنوز ایراد کیفی دارد (صفحه {seqs}); "
            "آن‌ها را دوباره اسکن کنید یا با ذکر دلیل بپذیرید."
        )
    require_fully_classified(pages)
    require_sheets_captured(dossier.sheets_counted or 0, dossier.sheets_slimmed or 0, len({p.sheet for p in pages}))
    return pages


def complete_quality_check(uow: UnitOfWork, barcode: str) -> None:
    """Step 6 done: the dossier goes to the supervisor only when require_quality_check_closable lets it."""
    with uow:
        dossier = dossier_by_barcode(uow.session, barcode, lock=True)
        pages = require_quality_check_closable(uow, dossier)
        record_step(uow, dossier, 6, pages=len(pages))
        uow.commit()
