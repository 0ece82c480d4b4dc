"""Each step records when it began (the end of the step before it on its track), through the services, and
migration 0012 fills it in for steps recorded before."""

from __future__ import annotations

from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session

from scanstation.bootstrap import App
from scanstation.core.db import upgrade
from scanstation.core.models import Dossier, StepRecord
from tests.builders import new_dossier, staff, walk
from tests.core.test_migration_typed_pages import at_revision, empty_engine  # noqa: F401 (the fixture)


def test_steps_record_when_they_began(app: App) -> None:
    staff(app)
    barcode = new_dossier(app)
    walk(app, barcode, 4)
    with app.session_factory() as session:
        dossier = session.execute(select(Dossier).where(Dossier.barcode == barcode)).scalar_one()
        steps = session.execute(select(StepRecord).where(StepRecord.dossier_id == dossier.id)
                                .order_by(StepRecord.id)).scalars().all()
    assert [s.step for s in steps] == [1, 2, 3, 4]
    assert steps[0].began_at == dossier.created_at
    assert [s.began_at for s in steps[1:]] == [s.at for s in steps[:-1]]


def test_migration_fills_began_at_by_track(empty_engine: Engine) -> None:  # noqa: F811
    at_revision(empty_engine, "0011")
    moments = {1: "2025-01-01 10:05:00", 2: "2025-01-01 10:20:00", 7: "2025-01-01 11:00:00",
               8: "2025-01-01 11:30:00", 11: "2025-01-01 12:00:00"}
    codes = {1: "retrieve", 2: "count", 7: "verify", 8: "reassemble", 11: "upload"}
    with empty_engine.begin() as conn:
        conn.execute(text("insert into branch (id, code, name, is_agency) values (1, '0012', 'b', false)"))
        conn.execute(text(
            "insert into dossier (id, branch_id, barcode, insured_number, national_id, name, shelf, out_of_turn, step,"
            " physical_step, electronic_step, created_at) values (1, 1, 'SS-1', '1000234567', '0012345679', 'n',"
            " 'R1', false, 7, 8, 11, '2025-01-01 10:00:00+00:00')"))
        for step, at in moments.items():
            conn.execute(text("insert into step_record (dossier_id, step, action, actor, workstation, at, values_json)"
                              " values (1, :step, :action, 'clerk1', 'ws', :at, '{}')"),
                         {"step": step, "action": codes[step], "at": f"{at}+00:00"})
    upgrade(empty_engine)
    with Session(empty_engine) as session:
        began = {s.step: s.began_at for s in session.execute(select(StepRecord)).scalars()}
        created = session.execute(select(Dossier.created_at)).scalar_one()
    assert began[1] == created
    assert began[2].strftime("%H:%M") == "10:05"
    assert began[7].strftime("%H:%M") == "10:20"
    assert began[8].strftime("%H:%M") == "11:00"  # the file's track: after step 7
    assert began[11].strftime("%H:%M") == "11:00"  # the images' track: after step 7, not after step 8
