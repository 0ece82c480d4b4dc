"""Step 12's input: pages grouped into documents, each with a type, heading, date and the "Scanned" stamp fields.

Every active page must belong to exactly one document before the quality check can close (and the dossier go to
the supervisor). Documents are numbered in page order within the dossier.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from scanstation.core.digits import parse_int, to_persian
from scanstation.core.errors import InvalidInput, NotFound, StepOutOfOrder
from scanstation.core.identifiers import separator_type
from scanstation.core.jalali import jalali_date, parse_jalali_date, utcnow
from scanstation.core.models import Document, Dossier, Page, PageReading, PageStatus
from scanstation.core.pages import (PageFacts, active_pages, document_first_seq, document_page_count,
                                    document_pages)
from scanstation.core.uow import UnitOfWork
from scanstation.indexing.page_ranges import parse_ranges
from scanstation.indexing.taxonomy import load_taxonomy
from scanstation.indexing.type_suggestion import Suggestion, suggest_type
from scanstation.services.document_changes import documents_changed
from scanstation.services.lookup import dossier_by_barcode
from scanstation.services.queries import require_reader
from scanstation.services.read_models import SeparatorResult
from scanstation.services.steps import guard_pages


@dataclass(frozen=True)
class DocumentInfo:
    number: int
    type_code: str
    heading: str
    pages: tuple[int, ...]
    date: str | None = None  # Jalali YYYY/MM/DD, Latin digits
    note: str | None = None


SEPARATOR_REASON = "برگ جداکننده سند"  # deleted_reason of a separator sheet's pages: kept, never counted


def require_fully_classified(pages: Sequence[PageFacts]) -> None:
    """Refuse while any of the dossier's active `pages` belongs to no document."""
    loose = [p.seq for p in pages if p.document_id is None]
    if loose:
        listed = "، ".join(to_persian(s) for s in loose[:10])
        raise StepOutOfOrder(f"{to_persian(len(loose))} صفحه هنوز در هیچ سندی طبقه‌بندی نشده است (صفحه {listed}).")


def _editable(uow: UnitOfWork, barcode: str) -> Dossier:
    dossier = dossier_by_barcode(uow.session, barcode, lock=True)
    guard_pages(uow, dossier)
    return dossier


def _renumber(session: Session, dossier_id: int) -> None:
    """Documents numbered 1..n in the order of their first page."""
    docs = list(session.execute(select(Document).where(Document.dossier_id == dossier_id)).scalars())
    first = {d.id: document_first_seq(session, d.id) for d in docs}
    for d in docs:  # park numbers out of the way first: (dossier_id, number) is unique
        d.number = -d.id
    session.flush()
    for n, d in enumerate(sorted(docs, key=lambda d: (first[d.id] or 10**9, d.id)), 1):
        d.number = n
    session.flush()


def _fields(type_code: str, heading: str | None, doc_date: str | None) -> tuple[str, str, str | None]:
    """Type code, heading code (the type's own by default) and the Jalali date as stored, checked."""
    taxonomy = load_taxonomy()
    kind = taxonomy.type(type_code)
    heading_code = taxonomy.heading(heading).code if heading else kind.heading
    date_text = parse_jalali_date(doc_date).strftime("%Y/%m/%d") if doc_date and doc_date.strip() else None
    return kind.code, heading_code, date_text


def _new_document(uow: UnitOfWork, dossier: Dossier, type_code: str, heading_code: str, date_text: str | None,
                  note: str | None) -> Document:
    """A document with the "Scanned" stamp fields of this action (who, where, today)."""
    user = uow.user
    doc = Document(dossier_id=dossier.id, number=0, type_code=type_code, heading_code=heading_code,
                   doc_date=date_text, note=(note or "").strip() or None, stamp_branch=dossier.branch.name,
                   stamp_user_name=user.name if user else uow.actor.code, stamp_user_code=uow.actor.code,
                   stamp_date=jalali_date(utcnow(), persian_digits=False), actor=uow.actor.code,
                   created_at=utcnow())
    uow.session.add(doc)
    uow.session.flush()
    doc.number = -doc.id  # unique until _renumber
    uow.session.flush()
    return doc


def _drop_empty(session: Session, document_ids: set[int | None]) -> None:
    """Documents left without an active page are no documents."""
    session.flush()
    for doc_id in document_ids - {None}:
        if not document_page_count(session, doc_id):
            session.delete(session.get(Document, doc_id))
    session.flush()


def _document(session: Session, dossier: Dossier, number: int | str) -> Document:
    wanted = parse_int(number, "شماره سند", minimum=1)
    doc = session.execute(select(Document).where(Document.dossier_id == dossier.id,
                                                 Document.number == wanted)).scalar_one_or_none()
    if doc is None:
        raise NotFound(f"سند {to_persian(wanted)} در این پرونده نیست.")
    return doc


def _stamp(doc: Document) -> dict[str, str | None]:
    return {"branch": doc.stamp_branch, "user": doc.stamp_user_name, "code": doc.stamp_user_code,
            "date": doc.stamp_date}


def classify(uow: UnitOfWork, barcode: str, pages: str, type_code: str, heading: str | None = None,
             doc_date: str | None = None, note: str | None = None) -> int:
    """Make pages (`1-4,7`) one document of a type; returns its number. Pages already in a document move to it."""
    with uow:
        dossier = _editable(uow, barcode)
        code, heading_code, date_text = _fields(type_code, heading, doc_date)
        wanted = parse_ranges(pages)
        by_seq = {p.seq: p for p in active_pages(uow.session, dossier.id)}
        missing = [n for n in wanted if n not in by_seq]
        if missing:
            raise NotFound(f"صفحه {to_persian(missing[0])} در این پرونده نیست (پرونده {to_persian(len(by_seq))} صفحه دارد).")
        doc = _new_document(uow, dossier, code, heading_code, date_text, note)
        emptied = {by_seq[n].document_id for n in wanted}
        documents_changed(uow, dossier, emptied | {doc.id}, "document.classify")
        for n in wanted:
            by_seq[n].document_id = doc.id
        _drop_empty(uow.session, emptied)
        _renumber(uow.session, dossier.id)
        uow.audit("document.classify", f"dossier:{dossier.barcode}", document=doc.number, type=code,
                  heading=heading_code, pages=wanted, date=date_text, stamp=_stamp(doc))
        uow.commit()
        return doc.number


def add_intake_document(uow: UnitOfWork, dossier: Dossier, pages: list[Page], type_code: str,
                        heading: str | None = None, doc_date: str | None = None) -> Document:
    """Counter intake (records.intake, which guards it): the newly captured `pages` become one new document of the
    dossier, numbered after the existing ones; documents already there are not touched."""
    code, heading_code, date_text = _fields(type_code, heading, doc_date)
    doc = _new_document(uow, dossier, code, heading_code, date_text, None)
    for page in pages:
        page.document_id = doc.id
    _renumber(uow.session, dossier.id)
    uow.audit("document.intake", f"dossier:{dossier.barcode}", document=doc.number, type=code, heading=heading_code,
              pages=[p.seq for p in pages], stamp=_stamp(doc))
    return doc


def split(uow: UnitOfWork, barcode: str, number: int | str, at_page: int | str) -> int:
    """Cut document `number` before page `at_page`: that page and the document's later pages become a new document
    of the same type, heading, date and note. Returns the new document's number."""
    with uow:
        dossier = _editable(uow, barcode)
        doc = _document(uow.session, dossier, number)
        at = parse_int(at_page, "شماره صفحه", minimum=1)
        pages = document_pages(uow.session, doc.id)
        if at not in {p.seq for p in pages}:
            raise NotFound(f"صفحه {to_persian(at)} در سند {to_persian(doc.number)} نیست.")
        if at == pages[0].seq:
            raise InvalidInput(f"صفحه {to_persian(at)} نخستین صفحه سند {to_persian(doc.number)} است؛ "
                               "سند را از صفحه‌ای پس از آن جدا کنید.")
        new = _new_document(uow, dossier, doc.type_code, doc.heading_code, doc.doc_date, doc.note)
        documents_changed(uow, dossier, [doc.id, new.id], "document.split")
        moved = [p.seq for p in pages if p.seq >= at]
        for p in pages:
            if p.seq >= at:
                p.document_id = new.id
        uow.session.flush()
        old_number = doc.number
        _renumber(uow.session, dossier.id)
        uow.audit("document.split", f"dossier:{dossier.barcode}", document=old_number, at=at,
                  new_document=new.number, pages=moved, stamp=_stamp(new))
        uow.commit()
        return new.number


def merge(uow: UnitOfWork, barcode: str, number: int | str) -> int:
    """Join document `number` and the next one into one, keeping the first one's type and fields; returns its
    number."""
    with uow:
        dossier = _editable(uow, barcode)
        doc = _document(uow.session, dossier, number)
        following = uow.session.execute(select(Document).where(Document.dossier_id == dossier.id,
                                                               Document.number == doc.number + 1)).scalar_one_or_none()
        if following is None:
            raise InvalidInput(f"سند {to_persian(doc.number)} آخرین سند پرونده است؛ سند بعدی برای ادغام نیست.")
        moved = document_pages(uow.session, following.id)
        documents_changed(uow, dossier, [doc.id, following.id], "document.merge")
        for p in moved:
            p.document_id = doc.id
        absorbed = {"number": following.number, "type": following.type_code, "heading": following.heading_code,
                    "date": following.doc_date, "note": following.note}
        _drop_empty(uow.session, {following.id})
        _renumber(uow.session, dossier.id)
        uow.audit("document.merge", f"dossier:{dossier.barcode}", document=doc.number, absorbed=absorbed,
                  pages=[p.seq for p in moved])
        uow.commit()
        return doc.number


def update(uow: UnitOfWork, barcode: str, number: int | str, type_code: str | None = None,
           heading: str | None = None, doc_date: str | None = None, note: str | None = None) -> bool:
    """Change a document's type, heading, date or note (None: leave it; an empty date or note clears it). A new
    type brings its own heading unless one is given. Returns whether anything changed (nothing changed: no entry)."""
    with uow:
        dossier = _editable(uow, barcode)
        doc = _document(uow.session, dossier, number)
        code, heading_code, date_text = _fields(type_code or doc.type_code,
                                                heading or (None if type_code else doc.heading_code), doc_date)
        wanted = {"type_code": code, "heading_code": heading_code,
                  "doc_date": doc.doc_date if doc_date is None else date_text,
                  "note": doc.note if note is None else note.strip() or None}
        changes = {k: [getattr(doc, k), v] for k, v in wanted.items() if getattr(doc, k) != v}
        if not changes:
            return False
        for key, (_, value) in changes.items():
            setattr(doc, key, value)
        documents_changed(uow, dossier, [doc.id], "document.update")
        uow.audit("document.update", f"dossier:{dossier.barcode}", document=doc.number, changes=changes)
        uow.commit()
        return True


def _separator_kind(page: Page) -> str | None:
    for value in page.barcodes:
        code = separator_type(value)
        if code is not None:
            return code
    return None


def classify_by_separators(uow: UnitOfWork, barcode: str) -> SeparatorResult:
    """After capture: each separator sheet starts a document of the type it names, running to the next separator.

    The separator's own pages (its front, and its back when scanned duplex) are not sheets of the dossier: they
    are marked deleted with SEPARATOR_REASON, so their images stay in the store and the audit names them, but
    they are never classified, shown or counted at the recount. Pages before the first separator are left as
    they were. Nothing to do (no separator among the active pages): no change and no entry.
    """
    with uow:
        dossier = _editable(uow, barcode)
        taxonomy = load_taxonomy()
        pages = active_pages(uow.session, dossier.id)
        if not any(_separator_kind(p) for p in pages):
            return SeparatorResult((), ())
        separators: list[int] = []
        started: list[Document] = []
        emptied: set[int | None] = set()
        kind, separator_sheet, doc = None, None, None
        for page in pages:
            code = _separator_kind(page)
            if code is not None:
                try:
                    kind = taxonomy.type(code)
                except InvalidInput:
                    raise InvalidInput(f"برگ جداکننده صفحه {to_persian(page.seq)} نوع سند «{code}» را دارد که در "
                                       "فهرست انواع سند نیست؛ برگ جداکننده تازه چاپ کنید.") from None
                separator_sheet, doc = page.sheet, None
            if code is not None or page.sheet == separator_sheet:
                separators.append(page.seq)
                emptied.add(page.document_id)
                page.status, page.deleted_reason, page.document_id = PageStatus.DELETED, SEPARATOR_REASON, None
                continue
            if kind is None:
                continue
            if doc is None:
                doc = _new_document(uow, dossier, kind.code, kind.heading, None, None)
                started.append(doc)
            emptied.add(page.document_id)
            page.document_id = doc.id
        documents_changed(uow, dossier, emptied | {d.id for d in started}, "document.separators")
        _drop_empty(uow.session, emptied)
        for seq, page in enumerate(active_pages(uow.session, dossier.id), 1):
            page.seq = seq
        _renumber(uow.session, dossier.id)
        numbers = tuple(d.number for d in started)
        uow.audit("document.separators", f"dossier:{dossier.barcode}", separators=separators,
                  documents=[{"number": d.number, "type": d.type_code,
                              "pages": [p.seq for p in document_pages(uow.session, d.id)]} for d in started])
        uow.commit()
        return SeparatorResult(tuple(separators), numbers)


def documents(uow: UnitOfWork, barcode: str) -> list[DocumentInfo]:
    """The dossier's documents with their pages, in order."""
    with uow.reading():
        require_reader(uow)
        dossier = dossier_by_barcode(uow.session, barcode)
        pages = active_pages(uow.session, dossier.id)
        docs = uow.session.execute(select(Document).where(Document.dossier_id == dossier.id)
                                   .order_by(Document.number)).scalars()
        return [DocumentInfo(d.number, d.type_code, d.heading_code,
                             tuple(p.seq for p in pages if p.document_id == d.id), d.doc_date, d.note) for d in docs]


def suggested_type(uow: UnitOfWork, barcode: str, seqs: list[int]) -> Suggestion | None:
    """The type the read text of these pages (numbers as shown) suggests, for the classification screen to offer;
    None while their text is not read yet or speaks for no single type."""
    with uow.reading():
        require_reader(uow)
        dossier = dossier_by_barcode(uow.session, barcode)
        texts = uow.session.execute(
            select(PageReading.text).join(Page, Page.id == PageReading.page_id)
            .where(Page.dossier_id == dossier.id, Page.status == PageStatus.ACTIVE, Page.seq.in_(seqs),
                   PageReading.state == "read")).scalars()
        return suggest_type("\n".join(t for t in texts if t), load_taxonomy())
