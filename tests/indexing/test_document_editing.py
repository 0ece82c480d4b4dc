"""Splitting, merging and changing classified documents: one audit entry each, refused for the wrong role, the
wrong state or a page or document that is not there."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from scanstation.bootstrap import App
from scanstation.core.errors import InvalidInput, NotFound, PermissionDenied, StepOutOfOrder
from scanstation.core.models import AuditEntry
from scanstation.services import classification
from tests.builders import CLERK, CLERK2, SUPERVISOR, add_pages, new_dossier, staff, walk


def _docs(app: App, barcode: str) -> list[tuple]:
    return [(d.number, d.type_code, d.heading, d.pages, d.date, d.note)
            for d in classification.documents(app.uow(CLERK), barcode)]


def _entries(app: App, action: str) -> list[dict]:
    with app.session_factory() as s:
        rows = s.execute(select(AuditEntry).where(AuditEntry.action == action)).scalars().all()
        return [json.loads(r.details) | {"actor": r.actor} for r in rows]


@pytest.fixture
def classified(app: App) -> tuple[App, str]:
    """Ten pages: 1-4 a letter dated 1403/07/15, 5-10 a medical record."""
    staff(app)
    barcode = new_dossier(app)
    walk(app, barcode, 4)
    add_pages(app, barcode, 10)
    classification.classify(app.uow(CLERK), barcode, "1-4", "LETTER", doc_date="۱۴۰۳/۷/۱۵", note="نامه کارفرما")
    classification.classify(app.uow(CLERK), barcode, "5-10", "MEDICAL-RECORD")
    return app, barcode


def test_split_makes_the_later_pages_a_document_of_the_same_kind(classified) -> None:
    app, barcode = classified
    assert classification.split(app.uow(CLERK2), barcode, "۱", "۳") == 2
    assert _docs(app, barcode) == [
        (1, "LETTER", "correspondence", (1, 2), "1403/07/15", "نامه کارفرما"),
        (2, "LETTER", "correspondence", (3, 4), "1403/07/15", "نامه کارفرما"),
        (3, "MEDICAL-RECORD", "medical", (5, 6, 7, 8, 9, 10), None, None)]
    [entry] = _entries(app, "document.split")
    assert (entry["document"], entry["at"], entry["new_document"], entry["pages"], entry["actor"]) == (
        1, 3, 2, [3, 4], CLERK2)
    assert entry["stamp"]["code"] == CLERK2  # the new document's stamp names who split it


def test_merge_joins_a_document_with_the_next_one(classified) -> None:
    app, barcode = classified
    assert classification.merge(app.uow(CLERK), barcode, 1) == 1
    assert _docs(app, barcode) == [(1, "LETTER", "correspondence", tuple(range(1, 11)), "1403/07/15", "نامه کارفرما")]
    [entry] = _entries(app, "document.merge")
    assert entry["absorbed"]["type"] == "MEDICAL-RECORD" and entry["pages"] == [5, 6, 7, 8, 9, 10]


def test_update_changes_only_what_is_given_and_the_heading_follows_the_type(classified) -> None:
    app, barcode = classified
    assert classification.update(app.uow(CLERK), barcode, 2, type_code="sick-leave-refused", doc_date="1403/08/01")
    assert classification.update(app.uow(CLERK), barcode, 1, heading="requests", note="")
    assert not classification.update(app.uow(CLERK), barcode, 1, type_code="LETTER", heading="requests")
    assert _docs(app, barcode) == [
        (1, "LETTER", "requests", (1, 2, 3, 4), "1403/07/15", None),
        (2, "SICK-LEAVE-REFUSED", "medical", (5, 6, 7, 8, 9, 10), "1403/08/01", None)]
    first, second = _entries(app, "document.update")
    assert first["changes"] == {"type_code": ["MEDICAL-RECORD", "SICK-LEAVE-REFUSED"],
                                "doc_date": [None, "1403/08/01"]}
    assert second["changes"] == {"heading_code": ["correspondence", "requests"], "note": ["نامه کارفرما", None]}


def test_refusals_leave_the_documents_as_they_were(classified) -> None:
    app, barcode = classified
    before = _docs(app, barcode)
    with pytest.raises(PermissionDenied):
        classification.split(app.uow(SUPERVISOR), barcode, 1, 3)
    with pytest.raises(PermissionDenied):
        classification.merge(app.uow(SUPERVISOR), barcode, 1)
    with pytest.raises(PermissionDenied):
        classification.update(app.uow(SUPERVISOR), barcode, 1, note="x")
    with pytest.raises(NotFound, match="صفحه ۷ در سند ۱ نیست"):
        classification.split(app.uow(CLERK), barcode, 1, 7)
    with pytest.raises(NotFound, match="صفحه ۴۰ در سند ۱ نیست"):
        classification.split(app.uow(CLERK), barcode, 1, 40)
    with pytest.raises(InvalidInput, match="نخستین صفحه"):
        classification.split(app.uow(CLERK), barcode, 2, 5)
    with pytest.raises(NotFound, match="سند ۳ در این پرونده نیست"):
        classification.update(app.uow(CLERK), barcode, 3, note="x")
    with pytest.raises(InvalidInput, match="آخرین سند"):
        classification.merge(app.uow(CLERK), barcode, 2)
    with pytest.raises(InvalidInput, match="نوع سند"):
        classification.update(app.uow(CLERK), barcode, 1, type_code="NOPE")
    with pytest.raises(InvalidInput, match="تاریخ"):
        classification.update(app.uow(CLERK), barcode, 1, doc_date="1403/13/01")
    assert _docs(app, barcode) == before
    assert not _entries(app, "document.split") and not _entries(app, "document.update")


def test_documents_are_frozen_once_the_supervisor_has_approved(app: App) -> None:
    staff(app)
    barcode = new_dossier(app)
    walk(app, barcode, 7)
    with pytest.raises(StepOutOfOrder, match="پیش از تأیید ناظر"):
        classification.update(app.uow(CLERK), barcode, 1, note="دیر")
    with pytest.raises(StepOutOfOrder):
        classification.split(app.uow(CLERK), barcode, 1, 2)
    with pytest.raises(StepOutOfOrder):
        classification.merge(app.uow(CLERK), barcode, 1)
