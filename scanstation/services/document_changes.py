"""The one door every change to a document's pages or fields goes through (rescan, rotate, delete, classify, move,
split, merge, an edit of its type or heading).

Two rules hang on it: whoever changes a document becomes one of its editors, who may not approve it (separation of
duties, Directive Part 2.3); and a supervisor's approval of the document covered exactly the images it had, so a
change voids that approval (verified_by, verified_at and approved_hashes cleared, and audited).
"""

from __future__ import annotations

from collections.abc import Iterable

from scanstation.core.models import Document, Dossier
from scanstation.core.uow import UnitOfWork


def void_approval(uow: UnitOfWork, dossier: Dossier, doc: Document, cause: str) -> None:
    """Clear the document's approval (the one place it is cleared), with an audit entry naming what was approved."""
    if doc.verified_at is None:
        return
    uow.audit("document.approval_void", f"dossier:{dossier.barcode}", document=doc.number, cause=cause,
              verified_by=doc.verified_by, approved_hashes=doc.approved_hashes)
    doc.verified_by, doc.verified_at, doc.approved_hashes = None, None, None


def documents_changed(uow: UnitOfWork, dossier: Dossier, document_ids: Iterable[int | None], cause: str) -> None:
    """Record the actor as an editor of each document named and void its approval, if it had one. `cause` names the
    change (`page.rotate`, `document.split`, ...) in the audit entry. Unclassified pages (None) have no document."""
    for doc_id in sorted({d for d in document_ids if d is not None}):
        doc = uow.session.get(Document, doc_id)
        if doc is None:  # already dropped as empty by the change itself
            continue
        if uow.actor.code not in (doc.edited_by or []):
            doc.edited_by = [*(doc.edited_by or []), uow.actor.code]
        void_approval(uow, dossier, doc, cause)
