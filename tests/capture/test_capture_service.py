"""Capturing pages from files into a dossier, and fixing what the quality check flags."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import select

from scanstation.bootstrap import App
from scanstation.core.errors import InvalidInput, PermissionDenied, StepOutOfOrder
from scanstation.core.models import Page
from scanstation.core.uow import Actor
from scanstation.services import capture_steps, classification, dossiers, page_capture, queries
from scanstation.services.audit import verify_chain
from tests import imaging as im
from tests.builders import CLERK, SUPERVISOR, new_dossier, staff, walk


def _import(app: App, barcode: str, *paths: Path) -> page_capture.CaptureSummary:
    return page_capture.import_files(app.uow(CLERK), barcode, list(paths), app.pages)


def test_import_keeps_good_pages_and_names_each_bad_file(ready, tmp_path: Path) -> None:
    app, barcode = ready
    good = im.save(im.with_barcode(im.text_page(1), barcode), tmp_path / "cover.png")
    tif = tmp_path / "more.tif"
    im.text_page(2).save(tif, save_all=True, append_images=[im.blank_page()], dpi=(300, 300), compression="tiff_deflate")
    empty = tmp_path / "empty.png"
    empty.write_bytes(b"")
    seen: list[int] = []
    summary = page_capture.import_files(app.uow(CLERK), barcode, [good, empty, tif], app.pages,
                                   progress=lambda p: seen.append(p.seq))
    assert [p.seq for p in summary.pages] == seen == [1, 2, 3]
    assert len(summary.problems) == 1 and "empty.png" in summary.problems[0]
    assert summary.pages[0].barcodes == (barcode,) and summary.pages[2].qc_reasons == ("blank",)
    store = app.pages
    assert all(store.verify(p.sha256) for p in summary.pages)
    detail = queries.dossier_detail(app.uow(CLERK), barcode)
    assert [p.qc_reasons for p in detail.pages] == [(), (), ("blank",)]


def test_a_page_of_another_dossier_stops_the_batch_keeping_earlier_pages(ready, tmp_path: Path) -> None:
    app, barcode = ready
    other = new_dossier(app, 2)
    files = [im.save(im.text_page(1), tmp_path / "a.png"),
             im.save(im.with_barcode(im.text_page(2), other), tmp_path / "b.png"),
             im.save(im.text_page(3), tmp_path / "c.png")]
    summary = _import(app, barcode, *files)
    assert [p.origin for p in summary.pages] == ["a.png"]
    assert summary.stopped and other in summary.stopped


def test_capture_refused_before_preparation_and_for_other_roles(sqlite_app: App, tmp_path: Path) -> None:
    staff(sqlite_app)
    barcode = new_dossier(sqlite_app)
    walk(sqlite_app, barcode, 3)
    page = im.save(im.text_page(1), tmp_path / "a.png")
    with pytest.raises(StepOutOfOrder):
        _import(sqlite_app, barcode, page)
    dossiers.prepare(sqlite_app.uow(CLERK), barcode, 0)
    with pytest.raises(PermissionDenied):
        page_capture.import_files(sqlite_app.uow(SUPERVISOR), barcode, [page], sqlite_app.pages)


def test_flags_are_fixed_by_accepting_deleting_or_rotating(sqlite_app: App, tmp_path: Path) -> None:
    app = sqlite_app
    staff(app)
    barcode = new_dossier(app)
    walk(app, barcode, 4, sheets=3, slimmed=0)
    files = [im.save(im.text_page(1), tmp_path / "a.png"), im.save(im.blank_page(), tmp_path / "b.png"),
             im.save(im.washed_out(im.text_page(2)), tmp_path / "c.png"), im.save(im.text_page(3), tmp_path / "d.png")]
    _import(app, barcode, *files)
    capture_steps.finish_scanning(app.uow(CLERK), barcode)
    with pytest.raises(StepOutOfOrder):
        capture_steps.complete_quality_check(app.uow(CLERK), barcode)
    with pytest.raises(InvalidInput):
        page_capture.accept_flag(app.uow(CLERK), barcode, 3, " ")
    page_capture.accept_flag(app.uow(CLERK), barcode, "۳", "اصل سند کم‌رنگ است")
    page_capture.delete_page(app.uow(CLERK), barcode, 2, "پشت سفید برگ")
    classification.classify(app.uow(CLERK), barcode, "1-3", "LETTER")
    old = queries.dossier_detail(app.uow(CLERK), barcode).pages
    assert [p.seq for p in old] == [1, 2, 3]
    new_hash = page_capture.rotate_page(app.uow(CLERK), barcode, 3, 90, app.pages)
    with app.pages.open(old[2].sha256) as before, app.pages.open(new_hash) as after:  # clockwise, as qc's `turn`
        assert after.tobytes() == before.transpose(Image.Transpose.ROTATE_270).tobytes()
    pages = queries.dossier_detail(app.uow(CLERK), barcode).pages
    assert pages[2].sha256 == new_hash != old[2].sha256
    with app.session_factory() as s:
        statuses = {p.sha256: p.status for p in s.execute(select(Page)).scalars()}
    assert statuses[old[2].sha256] == "replaced" and list(statuses.values()).count("deleted") == 1
    assert app.pages.verify(old[2].sha256)  # never overwritten
    capture_steps.complete_quality_check(app.uow(CLERK), barcode)
    assert verify_chain(app.uow(Actor("system:console", system=True))).ok


def test_capturing_after_quality_check_reopens_it(sqlite_app: App, tmp_path: Path) -> None:
    app = sqlite_app
    staff(app)
    barcode = new_dossier(app)
    walk(app, barcode, 4, sheets=1, slimmed=0)
    _import(app, barcode, im.save(im.text_page(1), tmp_path / "a.png"))
    classification.classify(app.uow(CLERK), barcode, "1", "LETTER")
    capture_steps.finish_scanning(app.uow(CLERK), barcode)
    capture_steps.complete_quality_check(app.uow(CLERK), barcode)
    assert queries.dossier_detail(app.uow(CLERK), barcode).state == "checked"
    _import(app, barcode, im.save(im.text_page(2), tmp_path / "b.png"))
    assert queries.dossier_detail(app.uow(CLERK), barcode).state == "scanned"

