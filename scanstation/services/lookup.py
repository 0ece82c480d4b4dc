"""Finding rows by what a user types; shared by the use cases."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from scanstation.core.errors import NotFound
from scanstation.core.quoting import quoted
from scanstation.core.identifiers import normalise_barcode
from scanstation.core.digits import to_persian
from scanstation.core.models import Branch, Document, Dossier, User


def dossier_by_barcode(session: Session, barcode: str, *, lock: bool = False) -> Dossier:
    """The dossier with this barcode (typed in any digits); NotFound in one sentence otherwise."""
    code = normalise_barcode(barcode)
    query = select(Dossier).where(Dossier.barcode == code)
    if lock:
        query = query.with_for_update()
    dossier = session.execute(query).scalar_one_or_none()
    if dossier is None:
        raise NotFound(f"پرونده‌ای با بارکد {quoted(code)} ثبت نشده است.")
    return dossier


def document_by_number(session: Session, dossier: Dossier, number: int) -> Document:
    """Document `number` of the dossier; NotFound in one sentence otherwise."""
    doc = session.execute(select(Document).where(Document.dossier_id == dossier.id,
                                                 Document.number == number)).scalar_one_or_none()
    if doc is None:
        raise NotFound(f"سند {to_persian(number)} در این پرونده نیست.")
    return doc


def user_by_code(session: Session, code: str) -> User:
    user = session.execute(select(User).where(User.code == code)).scalar_one_or_none()
    if user is None:
        raise NotFound(f"کاربری با کد {quoted(code)} وجود ندارد.")
    return user


def branch_by_code(session: Session, code: str) -> Branch:
    branch = session.execute(select(Branch).where(Branch.code == code)).scalar_one_or_none()
    if branch is None:
        raise NotFound(f"شعبه‌ای با کد {quoted(code)} تعریف نشده است؛ ابتدا scanstation init را اجرا کنید.")
    return branch
