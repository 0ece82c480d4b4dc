"""Issue 8.7: approval re-hashes the images it approves, and what is built afterwards uses exactly those images."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from scanstation.bootstrap import App
from scanstation.core.errors import IntegrityProblem
from scanstation.core.models import Page, StepRecord
from scanstation.services import document_pdf, verification
from scanstation.services.lookup import dossier_by_barcode
from tests.builders import CLERK, SUPERVISOR, new_dossier, staff, tiny_image, walk


def _page_row(app: App, barcode: str, seq: int) -> tuple[int, str]:
    """The id and image hash of active page `seq`."""
    with app.uow(CLERK) as uow:
        dossier = dossier_by_barcode(uow.session, barcode)
        page = uow.session.query(Page).filter_by(dossier_id=dossier.id, seq=seq, status="active").one()
        return page.id, page.sha256


def test_approval_refuses_a_dossier_whose_page_file_was_deleted(app: App) -> None:
    staff(app)
    barcode = new_dossier(app)
    walk(app, barcode, 6, sheets=4, slimmed=0)
    app.pages.path_for(_page_row(app, barcode, 3)[1]).unlink()
    with pytest.raises(IntegrityProblem, match="صفحه ۳"):
        verification.approve(app.uow(SUPERVISOR), barcode, app.pages)
    with app.uow(CLERK) as uow:
        dossier = dossier_by_barcode(uow.session, barcode)
        assert dossier.step == 6 and uow.session.query(StepRecord).filter_by(dossier_id=dossier.id, step=7).count() == 0


def test_approval_refuses_an_altered_page_file(app: App) -> None:
    staff(app)
    barcode = new_dossier(app)
    walk(app, barcode, 6, sheets=2, slimmed=0)
    path = app.pages.path_for(_page_row(app, barcode, 1)[1])
    path.chmod(0o600)
    path.write_bytes(path.read_bytes() + b"tampered")
    with pytest.raises(IntegrityProblem, match="تغییر کرده"):
        verification.approve(app.uow(SUPERVISOR), barcode, app.pages)


def test_a_row_pointed_at_another_image_after_approval_is_not_exported(app: App) -> None:
    staff(app)
    barcode = new_dossier(app)
    walk(app, barcode, 7, sheets=3, slimmed=0)
    assert document_pdf.stamped_document_pdf(app.uow(CLERK), barcode, 1, app.pages, "copies.print").startswith(b"%PDF")
    other = app.pages.put(tiny_image("another dossier", 1))  # a real, intact file: only the row lies
    with app.uow(CLERK) as uow:
        uow.session.execute(update(Page).where(Page.id == _page_row(app, barcode, 2)[0]).values(sha256=other.sha256))
        uow.session.commit()
    with pytest.raises(IntegrityProblem, match="صفحه ۲ همان تصویری نیست"):
        document_pdf.stamped_document_pdf(app.uow(CLERK), barcode, 1, app.pages, "copies.print")
