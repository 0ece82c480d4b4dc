"""A second dossier for a national ID that already has one: refused with the existing barcode named, registered
only with a reason, which step 1 keeps; in the window the same sentence, and the dialog's reason field."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from scanstation.bootstrap import App
from scanstation.core.models import StepRecord
from scanstation.services import dossiers
from tests.builders import BRANCH, CLERK, new_dossier, staff


def test_second_dossier_needs_a_reason(app: App) -> None:
    staff(app)
    first = new_dossier(app, 0)
    with pytest.raises(dossiers.SecondDossier) as refused:
        new_dossier(app, 0)
    assert first in str(refused.value) and refused.value.existing == [first]
    assert dossiers.dossiers_for_national_id(app.uow(CLERK), "۰۰۱۲۳۴۵۶۷۹") == [first]  # any digits
    second = new_dossier(app, 0, second_reason="پرونده مستمری بازماندگان جداست")
    with app.session_factory() as session:
        values = json.loads(session.execute(select(StepRecord.values_json).where(StepRecord.step == 1)
                                            .order_by(StepRecord.id.desc()).limit(1)).scalar_one())
    assert second != first
    assert values["second_dossier"] == {"reason": "پرونده مستمری بازماندگان جداست", "existing": [first]}


def test_another_person_needs_no_reason(app: App) -> None:
    staff(app)
    new_dossier(app, 0)
    data = dossiers.NewDossier("1000234599", "0499370899", "دیگری", "R2")
    assert dossiers.retrieve(app.uow(CLERK), BRANCH, data)
