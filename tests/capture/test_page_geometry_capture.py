"""Capture cuts a page to its sheet and puts a turned page upright, by qc.toml's policy: losslessly, as recorded page
changes (a new image derived from the scanner's, which stays with its hash), audited like a rotation; or, with
turn_policy = "flag", leaves the page as scanned, flagged «turned», for the clerk's one key."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import select

from scanstation.bootstrap import App
from scanstation.capture.page_store import encode_lossless
from scanstation.core.models import AuditEntry, Page, PageStatus
from scanstation.services import page_capture, page_fixes, queries
from tests import imaging as im
from tests.builders import CLERK


def _audited(app: App, action: str) -> list[dict]:
    with app.uow(CLERK) as uow:
        rows = uow.session.execute(select(AuditEntry.details).where(AuditEntry.action == action)
                                   .order_by(AuditEntry.seq)).scalars().all()
    return [json.loads(r) for r in rows]


def _rows(app: App) -> list[Page]:
    with app.uow(CLERK) as uow:
        rows = uow.session.execute(select(Page).order_by(Page.id)).scalars().all()
        uow.session.expunge_all()
        return list(rows)


@pytest.fixture
def flag_policy(monkeypatch: pytest.MonkeyPatch) -> None:
    """qc.toml with turn_policy = "flag"."""
    flagged = dataclasses.replace(page_capture.load_thresholds(), turn_policy="flag")
    monkeypatch.setattr(page_capture, "load_thresholds", lambda: flagged)


def test_an_a5_page_on_the_lid_is_cut_to_its_sheet_and_the_scan_kept(ready: tuple[App, str], tmp_path: Path) -> None:
    app, barcode = ready
    scan = im.on_lid(im.sheet_page(148, 210))
    summary = page_capture.import_files(app.uow(CLERK), barcode, [im.save(scan, tmp_path / "a5.png")], app.pages)
    [shown] = summary.pages
    source, cut = _rows(app)
    scanner_sha = hashlib.sha256(encode_lossless(scan)).hexdigest()
    assert source.sha256 == scanner_sha and source.status == PageStatus.REPLACED and source.replaced_by_id == cut.id
    assert cut.derived_from_id == source.id and cut.status == PageStatus.ACTIVE and shown.sha256 == cut.sha256
    [entry] = _audited(app, "page.crop")
    assert entry["source"] == scanner_sha and entry["sha256"] == cut.sha256
    left, top, right, bottom = entry["box"]
    kept = np.asarray(app.pages.open(cut.sha256))
    assert np.array_equal(kept, np.asarray(app.pages.open(source.sha256))[top:bottom, left:right])  # no resampling
    width_mm, height_mm = (n / 300 * 25.4 for n in (kept.shape[1], kept.shape[0]))
    assert 148 <= width_mm <= 148 + 12 and 210 <= height_mm <= 210 + 12  # the sheet, tilted 1.2°, and its margin
    assert cut.qc_reasons == ["skew"]  # the sheet lies 1.2° askew; the lid is not called content


def test_the_same_scan_imported_again_is_still_known_by_the_scanners_hash(ready: tuple[App, str],
                                                                           tmp_path: Path) -> None:
    app, barcode = ready
    path = im.save(im.on_lid(im.sheet_page(148, 210)), tmp_path / "a5.png")
    page_capture.import_files(app.uow(CLERK), barcode, [path], app.pages)
    again = page_capture.import_files(app.uow(CLERK), barcode, [path], app.pages)
    assert again.pages == () and again.duplicates == ("a5.png",)


def test_an_upside_down_page_is_put_upright_losslessly(ready: tuple[App, str], tmp_path: Path) -> None:
    app, barcode = ready
    upright = im.text_page(7)
    page_capture.import_files(app.uow(CLERK), barcode, [im.save(upright.rotate(180), tmp_path / "p.png")], app.pages)
    source, turned = _rows(app)
    assert turned.derived_from_id == source.id and source.status == PageStatus.REPLACED
    assert source.qc_metrics["turn"] == 180 and turned.qc_metrics["turn"] == 0 and turned.qc_reasons == []
    assert np.array_equal(np.asarray(app.pages.open(turned.sha256)), np.asarray(upright))
    [entry] = _audited(app, "page.turn")
    assert {k: entry[k] for k in ("seq", "degrees", "source", "sha256", "by")} == {
        "seq": 1, "degrees": 180, "source": source.sha256, "sha256": turned.sha256, "by": "policy"}
    assert _audited(app, "page.crop") == []  # an A4 page fills the scan area: nothing cut


def test_a_page_fed_sideways_is_flagged_under_the_flag_policy_and_put_upright_by_request(
        ready: tuple[App, str], tmp_path: Path, flag_policy: None) -> None:
    app, barcode = ready
    upright = im.text_page(8)
    fed = upright.rotate(90, expand=True)  # turned counter-clockwise: a clockwise quarter puts it right
    page_capture.import_files(app.uow(CLERK), barcode, [im.save(fed, tmp_path / "p.png")], app.pages)
    [page] = queries.dossier_detail(app.uow(CLERK), barcode).pages
    assert page.qc_reasons == ("turned",) and page.open_flag
    page_fixes.upright_pages(app.uow(CLERK), barcode, "1", app.pages)
    [page] = queries.dossier_detail(app.uow(CLERK), barcode).pages
    assert page.qc_reasons == () and np.array_equal(np.asarray(app.pages.open(page.sha256)), np.asarray(upright))
    source, shown = _rows(app)
    assert shown.derived_from_id == source.id and source.sha256 == hashlib.sha256(encode_lossless(fed)).hexdigest()
    assert _audited(app, "page.turn")[0]["degrees"] == 90
