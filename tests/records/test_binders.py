"""The retained-originals binders: registration-date order, capacity, the register and its printouts."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from scanstation.bootstrap import App
from scanstation.core.errors import Conflict
from scanstation.records import binder_prints, register
from scanstation.records.intake import IntakeDocument, intake
from tests.builders import CLERK, RECORDS
from tests.records.helpers import paper, shelved_dossier


def _letter(app: App, barcode: str, folder: Path, seed: int, registered: str, pages: int = 1,
            kind: str = "COMMISSION-DISABILITY") -> int:
    result = intake(app.uow(CLERK), barcode, [IntakeDocument(paper(folder, f"p{seed}", seed, pages), kind)],
                    app.pages, secretariat_no=f"۱۲/{seed}", registered=registered)
    return result.numbers[0]


def test_binder_items_stand_in_registration_date_order_and_full_binders_close(
        sqlite_app: App, tmp_path: Path, records_toml) -> None:
    records_toml(binder_capacity_sheets=4)
    app = sqlite_app
    barcode = shelved_dossier(app)
    _letter(app, barcode, tmp_path, 1, "1403/05/10")
    _letter(app, barcode, tmp_path, 2, "1403/02/01")  # registered earlier: takes the first place
    _letter(app, barcode, tmp_path, 3, "1403/03/15")
    rows = register.register(app.uow(RECORDS), "b")
    assert [(r.registered, r.position, r.binder_number) for r in rows] == [
        ("1403/02/01", 1, 1), ("1403/03/15", 2, 1), ("1403/05/10", 3, 1)]
    _letter(app, barcode, tmp_path, 4, "1403/01/20", pages=2)  # 3 + 2 sheets > 4: binder 1 closes, 2 opens
    rows = register.register(app.uow(RECORDS), "b")
    assert [(r.binder_number, r.position, r.registered) for r in rows][-1] == (2, 1, "1403/01/20")
    views = register.binders(app.uow(RECORDS))
    assert [(b.number, b.sheets, b.closed) for b in views] == [(1, 3, True), (2, 2, False)]
    assert all(r.status == "kept" and r.disposition == "binder" for r in rows)


def test_kept_originals_are_not_handed_over_and_returnable_ones_are(sqlite_app: App, tmp_path: Path) -> None:
    app = sqlite_app
    barcode = shelved_dossier(app)
    kept = _letter(app, barcode, tmp_path, 1, "1403/05/10")
    form = _letter(app, barcode, tmp_path, 2, "1403/05/11", kind="FORM")
    with pytest.raises(Conflict, match="کلاسور"):
        register.hand_over(app.uow(CLERK), barcode, kept, "بیمه شده")
    assert register.hand_over(app.uow(CLERK), barcode, form, "علی رضایی") == "returned"
    found = register.where_is(app.uow(RECORDS), barcode, form)
    assert (found.status, found.handed_to) == ("returned", "علی رضایی")
    with pytest.raises(Conflict):
        register.hand_over(app.uow(CLERK), barcode, form, "علی رضایی")


def test_spine_label_and_contents_list_render(sqlite_app: App, tmp_path: Path, artifacts: Path) -> None:
    app = sqlite_app
    barcode = shelved_dossier(app)
    _letter(app, barcode, tmp_path, 1, "1403/05/10")
    for name, pdf in (("spine", binder_prints.binder_label(app.uow(RECORDS), "b", 1)),
                      ("contents", binder_prints.binder_contents(app.uow(RECORDS), "b", 1))):
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", "80", "-png", "-singlefile", str(path), str(artifacts / f"records-{name}")],
                       check=True)
        text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
        assert "BINDER-B-001" in text
        if name == "contents":
            assert barcode in text


def test_two_counters_filing_into_a_series_without_open_binder_share_one(app: App, tmp_path: Path) -> None:
    """PostgreSQL: while one counter's filing is uncommitted (it opened binder 1), the other waits for it instead
    of opening a second "binder 1" and failing on the unique number."""
    import threading

    from sqlalchemy import select

    from scanstation.core.models import Binder, Original
    from scanstation.records.binders import file_original

    if app.engine.dialect.name != "postgresql":
        pytest.skip("SQLite's BEGIN IMMEDIATE already serialises the two counters")
    barcode = shelved_dossier(app)
    intake(app.uow(CLERK), barcode, [IntakeDocument(paper(tmp_path, f"f{n}", n), "FORM") for n in (1, 2)],
           app.pages)
    with app.session_factory() as session:
        ids = session.execute(select(Original.id).order_by(Original.id)).scalars().all()
    first, second = app.session_factory(), app.session_factory()
    file_original(first, first.get(Original, ids[0]), "c", 10)  # binder c-1 opened, not yet committed
    outcome: list[object] = []

    def other_counter() -> None:
        try:
            outcome.append(file_original(second, second.get(Original, ids[1]), "c", 10).number)
            second.commit()
        except Exception as exc:  # what the test reports if the second counter fails
            second.rollback()
            outcome.append(exc)

    thread = threading.Thread(target=other_counter)
    thread.start()
    thread.join(0.5)  # without the lock the other counter is now blocked on the unique index, not on the series
    first.commit()
    thread.join(30)
    first.close()
    second.close()
    assert outcome == [1]
    with app.session_factory() as session:
        binders = session.execute(select(Binder.number).where(Binder.series == "c")).scalars().all()
        positions = session.execute(select(Original.position).where(Original.id.in_(ids))
                                    .order_by(Original.position)).scalars().all()
    assert binders == [1] and positions == [1, 2]
