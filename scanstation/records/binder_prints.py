"""Printing a binder's spine label and contents list (audited; the register is read with a login)."""

from __future__ import annotations

from scanstation.core.jalali import jalali_date, utcnow
from scanstation.core.uow import UnitOfWork
from scanstation.records.binder_pdf import contents_pdf, spine_label_pdf
from scanstation.records.policy import records_policy
from scanstation.records.register import binder_rows, branch_name


def binder_label(uow: UnitOfWork, series: str, number: int | str) -> bytes:
    """The spine label PDF of one binder."""
    binder, _ = binder_rows(uow, series, number)
    policy = records_policy()
    with uow:
        pdf = spine_label_pdf(binder, branch_name(uow), policy.spine_width_mm, policy.spine_height_mm)
        uow.audit("records.binder_label", f"binder:{binder.series}-{binder.number}")
        uow.commit()
        return pdf


def binder_contents(uow: UnitOfWork, series: str, number: int | str) -> bytes:
    """The contents list PDF of one binder, in position order."""
    binder, rows = binder_rows(uow, series, number)
    with uow:
        pdf = contents_pdf(binder, rows, branch_name(uow), jalali_date(utcnow(), persian_digits=False))
        uow.audit("records.binder_contents", f"binder:{binder.series}-{binder.number}", items=len(rows))
        uow.commit()
        return pdf
