"""Step 12's input: pages grouped into documents, each with a type, heading, date and the "Scanned" stamp fields.

Every active page must belong to exactly one document before the quality check can close (and the dossier go to
the supervisor). Documents are numbered in page order within the dossier.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from scanstation.core.digits import to_persian
from scanstation.core.errors import NotFound, StepOutOfOrder
from scanstation.core.jalali import jalali_date, parse_jalali_date, utcnow
from scanstation.core.models import Document, Dossier, Page
from scanstation.core.roles import Role
from scanstation.core.uow import UnitOfWork
from scanstation.indexing.page_ranges import parse_ranges
from scanstation.indexing.taxonomy import load_taxonomy
from scanstation.services.lookup import dossier_by_barcode


@dataclass(frozen=True)
class DocumentInfo:
    number: int
    type_code: str
    heading: str
    pages: tuple[int, ...]


def _active_pages(session: Session, dossier_id: int) -> list[Page]:
    return list(session.execute(select(Page).where(Page.dossier_id == dossier_id, Page.status == "active")
                                .order_by(Page.seq)).scalars())


def require_fully_classified(session: Session, dossier_id: int) -> None:
    """Refuse while any active page belongs to no document."""
    loose = [p.seq for p in _active_pages(session, dossier_id) if p.document_id is None]
    if loose:
        listed = "، ".join(to_persian(s) for s in loose[:10])
        raise StepOutOfOrder(f"{to_persian(len(loose))} صفحه هنوز در هیچ سندی طبقه‌بندی نشده است (صفحه {listed}).")


def _editable(uow: UnitOfWork, barcode: str) -> Dossier:
    uow.require(Role.CLERK)
    dossier = dossier_by_barcode(uow.session, barcode, lock=True)
    if dossier.step not in (4, 5, 6):
        raise StepOutOfOrder("طبقه‌بندی صفحه‌ها پس از اسکن و پیش از تأیید ناظر انجام می‌شود.")
    return dossier


def _renumber(session: Session, dossier_id: int) -> None:
    """Documents numbered 1..n in the order of their first page."""
    docs = list(session.execute(select(Document).where(Document.dossier_id == dossier_id)).scalars())
    first = {d.id: session.execute(select(func.min(Page.seq)).where(Page.document_id == d.id,
                                                                    Page.status == "active")).scalar() for d in docs}
    for d in docs:  # park numbers out of the way first: (dossier_id, number) is unique
        d.number = -d.id
    session.flush()
    for n, d in enumerate(sorted(docs, key=lambda d: (first[d.id] or 10**9, d.id)), 1):
        d.number = n
    session.flush()


def classify(uow: UnitOfWork, barcode: str, pages: str, type_code: str, heading: str | None = None,
             doc_date: str | None = None, note: str | None = None) -> int:
    """Make pages (`1-4,7`) one document of a type; returns its number. Pages already in a document move to it."""
    with uow:
        dossier = _editable(uow, barcode)
        taxonomy = load_taxonomy()
        kind = taxonomy.type(type_code)
        heading_code = taxonomy.heading(heading).code if heading else kind.heading
        date_text = parse_jalali_date(doc_date).strftime("%Y/%m/%d") if doc_date else None
        wanted = parse_ranges(pages)
        by_seq = {p.seq: p for p in _active_pages(uow.session, dossier.id)}
        missing = [n for n in wanted if n not in by_seq]
        if missing:
            raise NotFound(f"صفحه {to_persian(missing[0])} در این پرونده نیست (پرونده {to_persian(len(by_seq))} صفحه دارد).")
        user = uow.user
        doc = Document(dossier_id=dossier.id, number=0, type_code=kind.code, heading_code=heading_code,
                       doc_date=date_text, note=(note or "").strip() or None, stamp_branch=dossier.branch.name,
                       stamp_user_name=user.name if user else uow.actor.code, stamp_user_code=uow.actor.code,
                       stamp_date=jalali_date(utcnow(), persian_digits=False), actor=uow.actor.code,
                       created_at=utcnow())
        uow.session.add(doc)
        uow.session.flush()
        emptied = {by_seq[n].document_id for n in wanted} - {None}
        for n in wanted:
            by_seq[n].document_id = doc.id
        uow.session.flush()
        for old_id in emptied:
            left = uow.session.execute(select(func.count()).select_from(Page).where(
                Page.document_id == old_id, Page.status == "active")).scalar_one()
            if not left:
                uow.session.delete(uow.session.get(Document, old_id))
        uow.session.flush()
        _renumber(uow.session, dossier.id)
        uow.audit("document.classify", f"dossier:{dossier.barcode}", document=doc.number, type=kind.code,
                  heading=heading_code, pages=wanted, date=date_text,
                  stamp={"branch": doc.stamp_branch, "user": doc.stamp_user_name, "code": doc.stamp_user_code,
                         "date": doc.stamp_date})
        uow.commit()
        return doc.number


def documents(uow: UnitOfWork, barcode: str) -> list[DocumentInfo]:
    """The dossier's documents with their pages, in order."""
    with uow:
        dossier = dossier_by_barcode(uow.session, barcode)
        pages = _active_pages(uow.session, dossier.id)
        docs = uow.session.execute(select(Document).where(Document.dossier_id == dossier.id)
                                   .order_by(Document.number)).scalars()
        return [DocumentInfo(d.number, d.type_code, d.heading_code,
                             tuple(p.seq for p in pages if p.document_id == d.id)) for d in docs]
