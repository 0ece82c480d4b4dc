"""Reading page images from files: every format's pages, and one clear sentence for every broken file."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from scanstation.capture.image_files import ImageFileError, ImageLimits, load_images
from tests import imaging as im


def test_png_jpeg_and_multipage_tiff(tmp_path: Path) -> None:
    page = im.text_page(1, dpi=150)
    png = im.save(page, tmp_path / "a.png", dpi=150)
    jpg = im.save(page, tmp_path / "a.jpg", dpi=150, quality=90)
    tif = tmp_path / "m.tif"
    page.save(tif, save_all=True, append_images=[im.blank(150), im.signature_page(150)], dpi=(150, 150),
              compression="tiff_deflate")
    assert [(p.label, p.dpi) for p in load_images(png)] == [("a.png", 150)]
    assert [p.image.size for p in load_images(jpg)] == [page.size]
    frames = list(load_images(tif))
    assert [f.label for f in frames] == ["m.tif#1", "m.tif#2", "m.tif#3"] and frames[2].dpi == 150


def test_pdf_pages_are_rendered(tmp_path: Path) -> None:
    path = tmp_path / "two.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    for n in range(2):
        c.setFont("Helvetica", 30)
        c.drawString(100, 700, f"page {n + 1}")
        c.showPage()
    c.save()
    pages = list(load_images(path))
    assert [p.label for p in pages] == ["two.pdf#1", "two.pdf#2"]
    assert pages[0].dpi == 300 and abs(pages[0].image.width - 2480) <= 2


@pytest.mark.parametrize("make,expected", [
    (lambda p: p.write_bytes(b""), "خالی"),
    (lambda p: p.write_bytes(b"hello, not an image at all"), "تصویر نیست"),
    (lambda p: p.write_bytes(im.save(im.text_page(1, dpi=100), p, dpi=100).read_bytes()[:5000]), "ناقص"),
    (lambda p: im.bomb_png(p, 60000, 60000), "بزرگ"),
    (lambda p: p.write_bytes(b"%PDF-1.4\n garbage"), "PDF"),
], ids=["empty", "random bytes", "truncated png", "decompression bomb", "broken pdf"])
def test_broken_files_get_one_sentence(tmp_path: Path, make, expected: str) -> None:
    path = tmp_path / "bad.png"
    make(path)
    with pytest.raises(ImageFileError, match=expected) as err:
        list(load_images(path))
    assert "\n" not in str(err.value) and "bad.png" in str(err.value)


def test_file_over_the_byte_limit_is_not_decoded(tmp_path: Path) -> None:
    path = im.save(im.text_page(1, dpi=100), tmp_path / "big.png", dpi=100)
    with pytest.raises(ImageFileError, match="مگابایت"):
        list(load_images(path, ImageLimits(max_pixels=10**9, max_file_bytes=1000)))


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ImageFileError, match="پیدا نشد"):
        list(load_images(tmp_path / "nope.png"))
