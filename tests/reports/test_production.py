"""Production counts by hand: every image made is a page (a rotation too), each sheet once however often redone."""

from __future__ import annotations

from pathlib import Path

from scanstation.bootstrap import App
from scanstation.core.digits import to_persian
from scanstation.reports.period import Period
from scanstation.reports.production import production
from scanstation.reports.shown import is_code_label
from scanstation.services import page_capture
from tests import imaging as im
from tests.builders import CLERK, new_dossier, staff, walk


def test_pages_and_sheets_of_a_duplex_batch_with_a_rotation(app: App, tmp_path: Path) -> None:
    staff(app)
    barcode = new_dossier(app)
    walk(app, barcode, 4, sheets=2, slimmed=0)
    sides = [im.save(im.text_page(n), tmp_path / f"side{n}.png") for n in range(1, 5)]
    page_capture.import_files(app.uow(CLERK), barcode, sides, app.pages, duplex=True)  # 2 sheets, 4 sides
    page_capture.rotate_page(app.uow(CLERK), barcode, 1, 90, app.pages)  # a fifth image, the same sheet
    with app.session_factory() as session:
        daily = production(session, Period.parse(None, None)).sections[0].rows
    assert [(r["user"], r["pages"], r["sheets"]) for r in daily] == [(CLERK, 5, 2)]
    # the chart's label: the day in Persian digits, the user code as printed
    assert daily[0]["bar"] == f"{to_persian(daily[0]['day'])} {CLERK}" and is_code_label("bar")
