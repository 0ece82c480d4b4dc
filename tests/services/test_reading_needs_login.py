"""Issue 8.3: reading names and national IDs needs a logged-in, active user with a role; the audit chain a
supervisor, an admin or the machine's console."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from scanstation.bootstrap import App
from scanstation.core.errors import PermissionDenied
from scanstation.core.models import User
from scanstation.services import audit, classification, queries, setup
from scanstation.services.work_queue import work_queue
from tests.builders import ADMIN, CLERK, RECORDS, SUPERVISOR, new_dossier, staff


def _reads(app: App, actor: str, barcode: str) -> list:
    return [queries.dossier_detail(app.uow(actor), barcode).name, classification.documents(app.uow(actor), barcode),
            [row.national_id for row in work_queue(app.uow(actor)).rows]]


def test_every_role_reads_and_nobody_else_does(app: App) -> None:
    staff(app)
    barcode = new_dossier(app)
    for actor in (CLERK, SUPERVISOR, RECORDS, ADMIN):
        name, documents, national_ids = _reads(app, actor, barcode)
        assert name == "بیمه شده 0" and documents == [] and national_ids == ["0012345679"]
    with app.session_factory() as session:
        session.execute(update(User).where(User.code == CLERK).values(active=False))
        session.commit()
    for actor in ("nobody", CLERK):  # an unknown code, a deactivated clerk
        with pytest.raises(PermissionDenied):
            queries.dossier_detail(app.uow(actor), barcode)
        with pytest.raises(PermissionDenied):
            classification.documents(app.uow(actor), barcode)
        with pytest.raises(PermissionDenied):
            work_queue(app.uow(actor)).rows


def test_audit_chain_is_checked_by_a_supervisor_an_admin_or_the_console(app: App) -> None:
    staff(app)
    new_dossier(app)
    for actor in (SUPERVISOR, ADMIN):
        assert audit.verify_chain(app.uow(actor)).ok
    assert audit.verify_chain(app.uow(setup.CONSOLE)).ok
    for actor in (CLERK, RECORDS, "nobody"):
        with pytest.raises(PermissionDenied):
            audit.verify_chain(app.uow(actor))
