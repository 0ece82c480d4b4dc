"""The work queue after a realistic history (issue 21): every waiting dossier reachable by paging, the total right,
out of turn first then oldest, the step filter as the workflow says; and the search by name and identifier."""

from __future__ import annotations

import json
import os
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from bench import scale_data
from scanstation.bootstrap import App
from scanstation.core.errors import InvalidInput
from scanstation.core.jalali import utcnow
from scanstation.core.models import Branch, Dossier
from scanstation.core.workflow import Progress
from scanstation.services import dossiers
from scanstation.services.work_queue import QueuePage, ready_for, work_queue
from tests.builders import BRANCH, CLERK, national_id_for, staff
from tests.cli.conftest import run


@pytest.fixture
def history(app: App) -> tuple[App, scale_data.ScaleData]:
    """A small realistic history: 400 dossiers, the newest 40 waiting at their steps, 5% out of turn."""
    staff(app)
    return app, scale_data.generate(app, 400, page_files_count=3, page_size=(40, 60))


def _all_pages(app: App, **filters: object) -> tuple[list[QueuePage], list[str]]:
    pages = [work_queue(app.uow(CLERK), limit=7, **filters)]  # type: ignore[arg-type]
    while pages[-1].next is not None:
        pages.append(work_queue(app.uow(CLERK), limit=7, after=pages[-1].next, **filters))  # type: ignore[arg-type]
    return pages, [row.barcode for page in pages for row in page.rows]


def _expected(app: App, step: int | None) -> list[str]:
    """What waits (for `step`), out of turn first, then oldest, worked out in Python from every row."""
    with app.session_factory() as session:
        every = session.execute(select(Dossier).order_by(Dossier.created_at, Dossier.id)).scalars().all()
        waiting = [d for d in every
                   if not (p := Progress(d.step, d.physical_step, d.electronic_step)).digitized
                   and (step is None or step in p.next_steps())]
        return [d.barcode for d in sorted(waiting, key=lambda d: not d.out_of_turn)]


def test_every_waiting_dossier_is_reached_in_order_with_the_right_total(
        history: tuple[App, scale_data.ScaleData]) -> None:
    app, data = history
    pages, barcodes = _all_pages(app)
    assert barcodes == _expected(app, None) and len(barcodes) == data.waiting == 40
    assert all(page.total == 40 for page in pages) and len(pages) == 6
    urgent = [row.out_of_turn for page in pages for row in page.rows]
    assert urgent == sorted(urgent, reverse=True) and sum(urgent) == data.out_of_turn_waiting > 0
    for step in range(2, 13):
        step_pages, found = _all_pages(app, step=step)
        assert found == _expected(app, step), step
        assert step_pages[0].total == len(found)
        assert all(step in row.next_steps for page in step_pages for row in page.rows)


def test_a_cursor_that_is_not_one_is_refused_in_one_sentence(history: tuple[App, scale_data.ScaleData]) -> None:
    app, _ = history
    with pytest.raises(InvalidInput, match="نشانگر"):
        work_queue(app.uow(CLERK), after="abc")


def test_the_step_filter_is_the_workflow_rule(app: App) -> None:
    """ready_for(n) in SQL against Progress.next_steps in Python, over every state a dossier can be in."""
    staff(app)
    states = [(s, 0, 0, rejected) for s in range(1, 7) for rejected in (False, True)]
    states += [(7, p, e, False) for p in (0, 8, 9, 10) for e in (0, 11, 12)]
    with app.uow(CLERK) as uow:
        branch = uow.session.execute(select(Branch)).scalar_one()
        for n, (step, physical, electronic, rejected) in enumerate(states):
            uow.session.add(Dossier(branch=branch, barcode=f"B{n}", insured_number=str(n), national_id=str(n),
                                    name="", shelf="", step=step, physical_step=physical,
                                    electronic_step=electronic, rejected_reason="x" if rejected else None,
                                    created_at=utcnow() + timedelta(seconds=n)))
        uow.session.commit()
        for number in range(1, 13):
            found = set(uow.session.execute(select(Dossier.barcode).where(ready_for(number))).scalars())
            wanted = {f"B{n}" for n, (s, p, e, r) in enumerate(states) if number in Progress(s, p, e, r).next_steps()}
            assert found == wanted, number


def _named(app: App, typed: str) -> set[str]:
    _, barcodes = _all_pages(app, search=typed)
    return set(barcodes)


def test_names_are_found_whatever_their_spelling(history: tuple[App, scale_data.ScaleData]) -> None:
    app, data = history
    karimi = dossiers.retrieve(app.uow(CLERK), BRANCH, dossiers.NewDossier(
        "1000200001", national_id_for(1), "محمدرضا کریمی", "R1"))
    zadeh = dossiers.retrieve(app.uow(CLERK), BRANCH, dossiers.NewDossier(
        "1000200002", national_id_for(2), "مریم حسین\u200cزاده", "R1"))
    assert karimi in _named(app, "محمد رضا كريمي") and karimi in _named(app, "محمد\u200cرضا کریمی")
    assert zadeh in _named(app, "حسین زاده") and zadeh in _named(app, "حسينزاده")
    assert karimi not in _named(app, "حسین زاده")
    assert all(sample.barcode in _named(app, sample.typed) for sample in data.samples)  # none missed
    assert any(sample.typed != sample.name for sample in data.samples)


def test_identifiers_are_found_whole_and_in_part(history: tuple[App, scale_data.ScaleData]) -> None:
    app, data = history
    sample = next(s for s in data.samples if s.tracking_code and not s.waiting)  # a finished file is found too
    for typed in (sample.barcode, sample.national_id, sample.insured_number, sample.barcode.lower(),
                  sample.national_id.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))):
        page = work_queue(app.uow(CLERK), search=typed)
        assert [row.barcode for row in page.rows] == [sample.barcode] and page.total == 1, typed
    [tracked] = work_queue(app.uow(CLERK), search=sample.tracking_code, step=3).rows  # whatever the step filter
    assert tracked.barcode == sample.barcode and tracked.tracked_document is not None
    assert sample.barcode in _named(app, sample.barcode[8:17])  # the year and part of the sequence
    assert sample.barcode in _named(app, sample.national_id[2:8])
    with pytest.raises(InvalidInput, match="دست‌کم"):
        work_queue(app.uow(CLERK), search="م ")


def test_the_queue_command_prints_pages_of_json(sqlite_app: App, tmp_path: Path) -> None:
    staff(sqlite_app)
    data = scale_data.generate(sqlite_app, 200, page_files_count=2, page_size=(40, 60))
    env = {**os.environ, "SCANSTATION_DB": str(sqlite_app.engine.url), "SCANSTATION_DATA": str(tmp_path / "data"),
           "SCANSTATION_CONFIG": str(tmp_path / "absent.toml")}
    first = run(env, "queue", "--json", "--limit", "15", "--user", CLERK, password="pass-word")
    assert first.returncode == 0, first.stderr
    page = json.loads(first.stdout)
    assert page["total"] == data.waiting == 20 and len(page["rows"]) == 15 and page["next"]
    row = page["rows"][0]
    assert set(row) >= {"barcode", "name", "national_id", "insured_number", "state", "next_step", "out_of_turn"}
    assert row["out_of_turn"] is True and isinstance(row["next_step"], int)
    rest = json.loads(run(env, "queue", "--json", "--after", page["next"], "--user", CLERK,
                          password="pass-word").stdout)
    assert len(rest["rows"]) == 5 and rest["next"] is None
    assert {r["barcode"] for r in page["rows"] + rest["rows"]} == set(_expected(sqlite_app, None))
    sample = data.samples[0]
    found = json.loads(run(env, "queue", "--json", "--search", sample.typed, "--user", CLERK,
                           password="pass-word").stdout)
    assert sample.barcode in {r["barcode"] for r in found["rows"]}
    bad = run(env, "queue", "--after", "x", "--user", CLERK, password="pass-word")
    assert bad.returncode == 1 and bad.stderr.count("\n") == 1
