"""Importing files into a dossier: every format through the use case and the command, bad files skipped with one
sentence, two-sided copier scans paired into sheets, and forgotten sheets inserted in their place."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from scanstation.bootstrap import App
from scanstation.core.errors import InvalidInput, NotFound
from scanstation.core.progress import CancelFlag
from scanstation.services import page_capture, queries
from scanstation.services.read_models import PageView
from tests import imaging as im
from tests.builders import CLERK, PASSWORD


def _pdf(path: Path, pages: int) -> Path:
    c = canvas.Canvas(str(path), pagesize=A4)
    for n in range(pages):
        c.setFont("Helvetica", 14)
        for line in range(40):
            c.drawString(60, 780 - line * 18, f"page {n + 1} line {line} of an insured person's technical file")
        c.showPage()
    c.save()
    return path


def _pages(app: App, barcode: str) -> list[dict]:
    return queries.dossier_detail(app.uow(CLERK), barcode).pages


def test_every_format_is_imported_and_broken_files_are_skipped(ready, tmp_path: Path) -> None:
    app, barcode = ready
    png = im.save(im.text_page(1), tmp_path / "a.png")
    jpg = im.save(im.text_page(2), tmp_path / "b.jpg", quality=92)
    tif = tmp_path / "c.tif"
    im.text_page(3).save(tif, save_all=True, append_images=[im.text_page(4)], dpi=(300, 300), compression="tiff_lzw")
    pdf = _pdf(tmp_path / "d.pdf", 2)
    truncated = tmp_path / "cut.png"
    truncated.write_bytes(png.read_bytes()[:4000])
    noise = tmp_path / "noise.jpg"
    noise.write_bytes(os.urandom(3000))
    summary = page_capture.import_files(app.uow(CLERK), barcode, [png, truncated, jpg, tif, noise, pdf],
                                   app.pages)
    assert [p.origin for p in summary.pages] == ["a.png", "b.jpg", "c.tif#1", "c.tif#2", "d.pdf#1", "d.pdf#2"]
    assert [p.qc_reasons for p in summary.pages] == [()] * 6
    assert len(summary.problems) == 2 and not summary.ok
    assert "cut.png" in summary.problems[0] and "noise.jpg" in summary.problems[1]
    assert all("\n" not in problem for problem in summary.problems)
    store = app.pages
    master = store.open(summary.pages[0].sha256)
    assert master.mode == "L" and master.tobytes() == im.text_page(1).tobytes()  # the master is lossless
    assert [(p.seq, p.sheet, p.side) for p in _pages(app, barcode)] == [(n, n, "front") for n in range(1, 7)]


def test_two_sided_import_pairs_fronts_and_backs_and_keeps_blank_backs(ready, tmp_path: Path) -> None:
    app, barcode = ready
    sides = [im.text_page(1), im.blank_page(seed=1), im.text_page(2), im.signature_page()]
    files = [im.save(page, tmp_path / f"s{n}.png") for n, page in enumerate(sides)]
    page_capture.import_files(app.uow(CLERK), barcode, files, app.pages, duplex=True)
    pages = _pages(app, barcode)
    assert [(p.sheet, p.side, p.qc_reasons) for p in pages] == [
        (1, "front", ()), (1, "back", ("blank",)), (2, "front", ()), (2, "back", ())]


def test_a_forgotten_sheet_is_inserted_in_its_place(ready, tmp_path: Path) -> None:
    app, barcode = ready
    sides = [im.save(im.text_page(n), tmp_path / f"s{n}.png") for n in range(4)]
    page_capture.import_files(app.uow(CLERK), barcode, sides, app.pages, duplex=True)
    before = _pages(app, barcode)
    with pytest.raises(InvalidInput, match="پشت همان برگ"):
        page_capture.import_files(app.uow(CLERK), barcode, sides[:1], app.pages, after=1)
    with pytest.raises(NotFound):
        page_capture.import_files(app.uow(CLERK), barcode, sides[:1], app.pages, after="۹")
    forgotten = [im.save(im.text_page(n), tmp_path / f"f{n}.png") for n in (10, 11)]
    summary = page_capture.import_files(app.uow(CLERK), barcode, forgotten, app.pages, after="۲", duplex=True)
    assert [(p.seq, p.sheet, p.side) for p in summary.pages] == [(3, 2, "front"), (4, 2, "back")]
    after = _pages(app, barcode)
    assert [(p.seq, p.sheet, p.side) for p in after] == [
        (1, 1, "front"), (2, 1, "back"), (3, 2, "front"), (4, 2, "back"), (5, 3, "front"), (6, 3, "back")]
    assert [p.sha256 for p in after] == [before[0].sha256, before[1].sha256, summary.pages[0].sha256,
                                            summary.pages[1].sha256, before[2].sha256, before[3].sha256]
    first = page_capture.import_files(app.uow(CLERK), barcode, [im.save(im.text_page(20), tmp_path / "cover.png")],
                                 app.pages, after=0)
    assert [p.sha256 for p in _pages(app, barcode)][:2] == [first.pages[0].sha256, before[0].sha256]
    assert [p.sheet for p in _pages(app, barcode)] == [1, 2, 2, 3, 3, 4, 4]


def test_import_command_prints_each_page_and_exits_1_on_a_bad_file(ready, tmp_path: Path) -> None:
    app, barcode = ready
    good = im.save(im.text_page(1), tmp_path / "good.png")
    bad = tmp_path / "bad.tif"
    bad.write_bytes(b"II*\x00garbage")
    env = dict(os.environ, SCANSTATION_DB=app.settings.db_url, SCANSTATION_DATA=str(app.settings.data_dir),
               SCANSTATION_CONFIG=str(tmp_path / "none.toml"), SCANSTATION_PASSWORD=PASSWORD)
    run = subprocess.run([sys.executable, "-m", "scanstation", "import", "--dossier", barcode, str(bad), str(good),
                          "--user", CLERK], env=env, capture_output=True, text=True, timeout=120)
    lines = run.stdout.splitlines()
    assert lines[0].startswith("page 1 (sheet 1) ") and lines[0].endswith("ok  <- good.png")
    assert lines[-1] == "1 pages captured, 0 flagged by the quality check"
    assert "bad.tif" in run.stderr and len(run.stderr.strip().splitlines()) == 1
    assert run.returncode == 1


def test_cancel_stops_reading_and_keeps_what_was_read(ready, tmp_path: Path) -> None:
    app, barcode = ready
    files = [im.save(im.text_page(n), tmp_path / f"p{n}.png") for n in range(4)]

    token, seen_pages = CancelFlag(), []

    def seen(page: PageView) -> None:  # the Stop button, pressed as the second page arrives
        seen_pages.append(page)
        if len(seen_pages) == 2:
            token.set()

    summary = page_capture.import_files(app.uow(CLERK), barcode, files, app.pages, seen, token)
    # a page is committed while the next one is checked, so when the second arrives the third has been read: it is
    # kept like every page read before the stop, and the fourth is never read
    assert [p.origin for p in summary.pages] == ["p0.png", "p1.png", "p2.png"] and summary.cancelled and summary.ok
    assert len(_pages(app, barcode)) == 3
