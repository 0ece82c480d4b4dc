"""Service time by step reads each step's figures the cheapest way its database allows (reports/step_stats.py): the
figures must be exactly those of the general ranking (stats.summary_sql) over the same records, for odd and even
counts, a range that cuts records off, records of one document approved (no beginning) and actions that do not
complete their step."""

from __future__ import annotations

import random
from datetime import timedelta

from sqlalchemy import select, text

from scanstation.bootstrap import App
from scanstation.core.models import Branch, Dossier, StepRecord
from scanstation.core.workflow import STEP_BY_NUMBER
from scanstation.reports import service_time
from scanstation.reports.dialect import prepare_report
from scanstation.reports.period import Period
from scanstation.reports.stats import summary_sql
from scanstation.reports.step_stats import step_summaries
from scanstation.services import setup
from tests.builders import BRANCH, staff
from tests.reports.fixture_data import T0


def _random_records(app: App) -> None:
    rng = random.Random(12)
    staff(app)
    with app.uow(setup.CONSOLE) as uow:
        branch = uow.session.execute(select(Branch).where(Branch.code == BRANCH)).scalar_one()
        dossier = Dossier(branch_id=branch.id, barcode=f"SS-{BRANCH}-1404-000001", insured_number="1000000001",
                          national_id="0012345679", name="n", shelf="R1", created_at=T0)
        uow.session.add(dossier)
        uow.session.flush()
        for step in (1, 2, 5, 7, 10):
            for n in range({1: 7, 2: 8, 5: 31, 7: 40, 10: 1}[step]):
                began = T0 + timedelta(days=rng.randrange(0, 20), minutes=rng.randrange(0, 600))
                took = timedelta(minutes=rng.choice([3, 5, 5, 8, 13.5, 21, 60, 90]) + rng.random())
                action = STEP_BY_NUMBER[step].code if n % 9 else "approve_document"  # some do not end the step
                uow.session.add(StepRecord(dossier_id=dossier.id, step=step, action=action, actor="clerk1",
                                           workstation="ws", at=began + took,
                                           began_at=None if step == 7 and n % 5 == 0 else began, values_json="{}"))
        uow.commit()


def test_the_figures_are_those_of_the_general_ranking(app: App) -> None:
    _random_records(app)
    for period in (Period.parse(None, None), Period.parse("1404/01/14", "1404/01/22")):
        with app.session_factory() as session:
            d = prepare_report(session)
            read = step_summaries(session, d, period)
            ranked = session.execute(text(summary_sql(service_time._timed_steps(d, "step"), ["step"],
                                                      postgres=d.postgres)), period.bind(d.postgres)).mappings().all()
        expected = {int(r["step"]): (int(r["count"]), *(round(float(r[k]), 9) for k in ("mean", "median", "p90")))
                    for r in ranked}
        assert {int(r["step"]): (int(r["count"]), *(round(float(r[k]), 9) for k in ("mean", "median", "p90")))
                for r in read} == expected
        assert expected and all(count > 0 for count, *_ in expected.values())
    assert expected.keys() != {1, 2, 5, 7, 10}  # the shorter range left some steps out
