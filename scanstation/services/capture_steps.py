"""Closing steps 5 and 6: scanning is finished, and every quality-check flag has been dealt with."""

from __future__ import annotations

from scanstation.core.digits import to_persian
from scanstation.core.errors import StepOutOfOrder
from scanstation.core.models import Page
from scanstation.core.pages import active_pages
from scanstation.core.uow import UnitOfWork
from scanstation.services.classification import require_fully_classified
from scanstation.services.lookup import dossier_by_barcode
from scanstation.services.steps import guard_step, record_step


def finish_scanning(uow: UnitOfWork, barcode: str) -> int:
    """Step 5 done: the clerk says every sheet has been imaged. Returns the number of pages."""
    with uow:
        dossier = dossier_by_barcode(uow.session, barcode, lock=True)
        guard_step(uow, dossier, 5)
        pages = active_pages(uow.session, dossier.id)
        if not pages:
            raise StepOutOfOrder("هنوز هیچ صفحه‌ای برای این پرونده اسکن نشده است.")
        record_step(uow, dossier, 5, pages=len(pages), sheets=len({p.sheet for p in pages}))
        uow.commit()
        return len(pages)


def unresolved_flags(pages: list[Page]) -> list[Page]:
    """Pages with a QC flag that was neither fixed by a rescan nor accepted with a reason."""
    return [p for p in pages if p.open_flag]


def complete_quality_check(uow: UnitOfWork, barcode: str) -> None:
    """Step 6 done: refused while any page still carries an unresolved QC flag."""
    with uow:
        dossier = dossier_by_barcode(uow.session, barcode, lock=True)
        guard_step(uow, dossier, 6)
        if dossier.step != 5:
            raise StepOutOfOrder("پیش از کنترل کیفیت باید پایان اسکن ثبت شود.")
        pages = active_pages(uow.session, dossier.id)
        open_flags = unresolved_flags(pages)
        if open_flags:
            seqs = "، ".join(to_persian(p.seq) for p in open_flags[:10])
            raise StepOutOfOrder(
                f"{to_persian(len(open_flags))} صفحه هنوز ایراد کیفی دارد (صفحه {seqs}); "
                "آن‌ها را دوباره اسکن کنید یا با ذکر دلیل بپذیرید."
            )
        require_fully_classified(uow.session, dossier.id)
        record_step(uow, dossier, 6, pages=len(pages))
        uow.commit()
