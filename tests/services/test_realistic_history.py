"""The benchmarks' realistic history (bench/scale_data.py), small: what the scale figures rest on must hold, or the
figures mean nothing (every lookup of a barcode without its check character refused, a chain that does not verify)."""

from __future__ import annotations

from sqlalchemy import func, select

from bench import scale_data
from scanstation.bootstrap import App
from scanstation.core.identifiers import national_id, normalise_barcode
from scanstation.core.models import Dossier, Page, UploadItem
from scanstation.services.audit import verify_chain
from scanstation.services.store_check import verify_store
from scanstation.sync.tracking import normalise_tracking_code
from tests.builders import ADMIN, SUPERVISOR, staff


def test_the_generated_history_is_valid_and_verifies(app: App) -> None:
    staff(app)
    data = scale_data.generate(app, 400, page_files_count=5, page_size=(40, 60))
    assert data.counts["dossier"] == 400 and data.waiting == 40
    with app.session_factory() as session:
        rows = session.execute(select(Dossier.barcode, Dossier.national_id, Dossier.insured_number,
                                      Dossier.physical_step, Dossier.electronic_step)).all()
        codes = session.execute(select(UploadItem.tracking_code)).scalars().all()
        big = session.execute(select(func.count()).select_from(Page).join(Dossier)
                              .where(Dossier.barcode == data.big_barcode)).scalar_one()
    assert all(normalise_barcode(barcode) == barcode for barcode, *_ in rows)
    assert len({national_id(nid) for _, nid, *_ in rows}) == 400
    assert len({insured for _, _, insured, *_ in rows}) == 400
    assert sum(1 for *_, physical, electronic in rows if (physical, electronic) == (10, 12)) == 360
    assert codes and all(normalise_tracking_code(code) == code for code in codes)
    assert big == scale_data.BIG_PAGES
    assert any(sample.name != sample.typed for sample in data.samples)
    report = verify_chain(app.uow(SUPERVISOR))
    assert report.ok, report.problem
    assert report.checked > data.counts["step_record"]  # one entry per step record, after the staff's own
    store = verify_store(app.uow(ADMIN), app.pages)
    assert store.ok and store.files == 5 and store.rows == data.counts["page"]
