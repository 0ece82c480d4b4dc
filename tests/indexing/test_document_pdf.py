"""The document PDF the upload will send: real masters from the page store embedded pixel for pixel, the «اسکن شد»
stamp drawn over the first page's corner, the metadata in the Info dictionary, and the command that writes it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from scanstation.bootstrap import App
from scanstation.core.errors import NotFound, ScanStationError
from scanstation.indexing.stamp import stamp_spec
from scanstation.indexing.taxonomy import load_taxonomy
from scanstation.services import capture_steps, classification, page_capture, queries
from scanstation.services.document_pdf import stamped_document_pdf
from tests import imaging as im
from tests.builders import CLERK, PASSWORD, new_dossier, staff, walk

INK_DPI = 150


@pytest.fixture
def classified(sqlite_app: App, tmp_path: Path) -> tuple[App, str, list[str]]:
    """A dossier whose three imported pages (gray 300 dpi, colour 200 dpi, 1-bit 300 dpi) form document 1."""
    staff(sqlite_app)
    barcode = new_dossier(sqlite_app)
    walk(sqlite_app, barcode, 4)
    pages = [im.text_page(1), im.text_page(2, dpi=200, mode="RGB"), im.text_page(3).convert("1")]
    files = [im.save(page, tmp_path / f"p{n}.png", dpi=dpi) for n, (page, dpi) in
             enumerate(zip(pages, (300, 200, 300)))]
    page_capture.import_files(sqlite_app.uow(CLERK), barcode, files, sqlite_app.pages)
    capture_steps.finish_scanning(sqlite_app.uow(CLERK), barcode)
    classification.classify(sqlite_app.uow(CLERK), barcode, "1-3", "CORRESPONDENCE")
    shas = [p.sha256 for p in queries.dossier_detail(sqlite_app.uow(CLERK), barcode).pages]
    return sqlite_app, barcode, shas


def _write(app: App, barcode: str, path: Path) -> Path:
    path.write_bytes(stamped_document_pdf(app.uow(CLERK), barcode, 1, app.pages, "copies.print"))
    return path


def test_page_images_come_out_exactly_as_the_masters(classified, tmp_path: Path) -> None:
    app, barcode, shas = classified
    pdf = _write(app, barcode, tmp_path / "doc.pdf")
    listing = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in listing.splitlines()[2:]]
    assert [(r[5], r[7], r[8]) for r in rows] == [("gray", "8", "image"), ("rgb", "8", "image"), ("gray", "1", "image")]
    assert b"/FlateDecode" in pdf.read_bytes() and b"/DCTDecode" not in pdf.read_bytes()  # "image": Flate, not JPEG
    subprocess.run(["pdfimages", "-png", str(pdf), str(tmp_path / "img")], check=True)
    extracted = sorted(tmp_path.glob("img-*.png"))
    assert len(extracted) == 3
    store = app.pages
    for path, sha in zip(extracted, shas):
        master = store.open(sha)
        with Image.open(path) as image:
            assert (image.mode, image.size) == (master.mode, master.size)
            assert np.array_equal(np.asarray(image), np.asarray(master)), path.name
    sizes = subprocess.run(["pdfinfo", "-f", "1", "-l", "3", str(pdf)], capture_output=True, text=True,
                           check=True).stdout
    points = [(float(line.split()[3]), float(line.split()[5])) for line in sizes.splitlines() if line.startswith("Page ") and " size:" in line]
    assert points == [(2480 * 72 / 300, 3508 * 72 / 300), (1654 * 72 / 200, 2339 * 72 / 200),
                      (2480 * 72 / 300, 3508 * 72 / 300)]  # sized from pixels and dpi: A4 paper at either dpi


def test_the_stamp_is_drawn_over_the_first_page_corner_only(classified, tmp_path: Path, artifacts: Path) -> None:
    app, barcode, _shas = classified
    pdf = _write(app, barcode, tmp_path / "doc.pdf")
    subprocess.run(["pdftoppm", "-r", str(INK_DPI), "-png", str(pdf), str(tmp_path / "page")], check=True)
    rendered = sorted(tmp_path.glob("page-*.png"))
    spec = stamp_spec()
    px = INK_DPI / 25.4
    for number, path in enumerate(rendered, 1):
        rgb = np.asarray(Image.open(path).convert("RGB")).astype(int)
        ink = (rgb[..., 2] - rgb[..., 0] > 60) & (rgb[..., 2] > 100)  # stamp blue, absent from the masters
        if number > 1:
            assert not ink.any(), f"stamp ink on page {number}"
            continue
        height, width = ink.shape
        right, bottom = width - round(spec["inset"] * px), height - round(spec["inset"] * px)
        left, top = right - round(spec["width"] * px), bottom - round(spec["height"] * px)
        inside = ink[top:bottom, left:right]
        assert inside.sum() > 1500  # box and four lines of text
        assert ink.sum() == inside.sum()  # nothing outside the corner
        Image.open(path).save(artifacts / "document-pdf-page1.png")
    subprocess.run(["pdftoppm", "-r", "300", "-png", "-singlefile", "-f", "1", "-l", "1", "-x", "1650", "-y", "2950",
                    "-W", "830", "-H", "560", str(pdf), str(artifacts / "document-pdf-stamp")], check=True)
    assert len(rendered) == 3


def test_metadata_names_the_document_and_the_stamp_in_persian(classified, tmp_path: Path) -> None:
    app, barcode, _shas = classified
    info = subprocess.run(["pdfinfo", str(_write(app, barcode, tmp_path / "doc.pdf"))], capture_output=True,
                          text=True, check=True).stdout
    detail = queries.dossier_detail(app.uow(CLERK), barcode)
    assert f"dossier={barcode}" in info and f"insured={detail.insured_number}" in info
    assert "type=CORRESPONDENCE" in info and "branch=شعبه آزمایشی" in info
    assert f"user=کاربر {CLERK} ({CLERK})" in info and "date=14" in info
    assert "اسکن شد" in info.split("Keywords:")[1].splitlines()[0]
    taxonomy = load_taxonomy()
    title = f"{taxonomy.types['CORRESPONDENCE'].name} — {taxonomy.headings['correspondence'].name}"
    assert info.split("Title:")[1].splitlines()[0].strip() == title  # Persian intact, not mojibake


def test_a_damaged_master_is_named_and_nothing_is_written(classified) -> None:
    app, barcode, shas = classified
    path = app.pages.path_for(shas[1])
    path.write_bytes(path.read_bytes()[:-10])
    with pytest.raises(ScanStationError, match="صفحه ۲"):
        stamped_document_pdf(app.uow(CLERK), barcode, 1, app.pages, "copies.print")
    with pytest.raises(NotFound):
        stamped_document_pdf(app.uow(CLERK), barcode, 2, app.pages, "copies.print")


def test_pdf_command_writes_the_document_or_says_why_not(classified, tmp_path: Path) -> None:
    app, barcode, _shas = classified
    env = dict(os.environ, SCANSTATION_DB=app.settings.db_url, SCANSTATION_DATA=str(app.settings.data_dir),
               SCANSTATION_CONFIG=str(tmp_path / "none.toml"), SCANSTATION_PASSWORD=PASSWORD)
    out = tmp_path / "doc.pdf"
    command = [sys.executable, "-m", "scanstation", "dossier", "pdf", barcode, "--pdf", str(out), "--user", CLERK]
    run = subprocess.run(command + ["--document", "1"], env=env, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert out.read_bytes().startswith(b"%PDF") and run.stdout.strip() == str(out)
    missing = subprocess.run(command + ["--document", "5"], env=env, capture_output=True, text=True, timeout=120)
    assert missing.returncode == 1 and missing.stderr.count("\n") == 1 and "سند ۵" in missing.stderr


def test_masters_written_by_other_png_encoders_come_out_exactly(tmp_path: Path) -> None:
    """The PDF carries a PNG master's compressed rows as they are (Flate with the PNG predictor), so rows filtered
    the way other encoders do (Pillow's adaptive Sub/Up/Average/Paeth) must still give the master's pixels."""
    from scanstation.indexing.document_pdf import DocumentInfo, MasterPage, document_pdf
    from scanstation.indexing.stamp import StampFields

    originals = [im.text_page(4), im.text_page(5, dpi=200, mode="RGB"), im.text_page(6).convert("1")]
    masters = []
    for n, image in enumerate(originals):
        path = tmp_path / f"m{n}.png"
        image.save(path, optimize=True)  # adaptive row filters, unlike the page store's own encoder
        masters.append(MasterPage(path, 300))
    info = DocumentInfo("SS-0012-1404-000001-E", "1000000001", 1, "CORRESPONDENCE", "نامه", "correspondence", "مکاتبات",
                        StampFields("شعبه", "کاربر", "clerk1", "1404/01/10"))
    pdf = tmp_path / "doc.pdf"
    pdf.write_bytes(document_pdf(info, masters))
    assert pdf.read_bytes().count(b"/Predictor 15") == 3  # every page passed through, none decoded and recompressed
    subprocess.run(["pdfimages", "-png", str(pdf), str(tmp_path / "img")], check=True)
    for path, original in zip(sorted(tmp_path.glob("img-*.png")), originals):
        with Image.open(path) as image:
            assert np.array_equal(np.asarray(image.convert(original.mode)), np.asarray(original)), path.name
