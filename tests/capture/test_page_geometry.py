"""The sheet's edges and the page's orientation, as the quality check finds them on realistic synthetic scans.

Orientation: right on every page of text in several fonts and sizes, at every quarter turn, slightly skewed, with
scanner noise and JPEG; no turn claimed on a page without text (a blank back with bleed-through, a stamp, a signature,
a stamp and a signature, an ID card, a photo). Sheets: an A5 page and a receipt under a grey lid and on a feeder's
black backing, measured within 3 mm; a page that fills the scan area keeps the image's size.
"""

from __future__ import annotations

import io
import random

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from scanstation.capture.qc import check_page, load_thresholds, page_turn
from scanstation.core.resources import resource
from tests import imaging as im

T = load_thresholds()
FONTS = [str(resource("fonts", "Vazirmatn-Regular.ttf")), str(resource("fonts", "Vazirmatn-Bold.ttf")),
         "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"]


def letter(font: str, points: float, seed: int) -> Image.Image:
    """A page of Persian text in `font` at `points`, lines of uneven length set right to left, some short."""
    rnd = random.Random(seed)
    page = im.blank()
    draw = ImageDraw.Draw(page)
    face = ImageFont.truetype(font, round(points / 72 * 300))
    y = 300
    while y < page.height - 400:
        text = " ".join(rnd.choice(im.WORDS) for _ in range(rnd.randint(2, 11)))
        draw.text((page.width - 280, y), text, font=face, fill=20, anchor="ra", direction="rtl")
        y += round(face.size * rnd.uniform(1.6, 2.6))
    return page


def scanned(page: Image.Image, seed: int, skew: float = 0.0) -> Image.Image:
    """As a scanner gives it back: tilted a little, slightly soft, grainy, saved as JPEG."""
    tilted = page.rotate(skew, resample=Image.BILINEAR, fillcolor=245).filter(ImageFilter.GaussianBlur(0.8))
    grain = np.asarray(tilted, np.float32) + np.random.default_rng(seed).normal(0, 3, (page.height, page.width))
    buffer = io.BytesIO()
    Image.fromarray(np.clip(grain, 0, 255).astype(np.uint8)).save(buffer, "JPEG", quality=75)
    return Image.open(buffer).convert("L")


TEXT_PAGES = [(font, points) for font in FONTS for points in (9, 12, 16)]


@pytest.mark.parametrize("font, points", TEXT_PAGES, ids=[f"{f.rsplit('/', 1)[1][:-4]}-{p}pt" for f, p in TEXT_PAGES])
def test_every_text_page_is_told_its_turn_at_every_quarter(font: str, points: float) -> None:
    seed = TEXT_PAGES.index((font, points))
    page = scanned(letter(font, points, seed), seed, skew=(seed % 5 - 2) * 0.7)
    for fed in (0, 90, 180, 270):  # the sheet went in turned clockwise by `fed`
        result = check_page(page.rotate(-fed, expand=True), 300, T)
        assert result.turn == (360 - fed) % 360, (fed, result.metrics)


def test_a_quarter_turned_skewed_page_keeps_its_skew() -> None:
    """Skew is measured along the lines whichever way they run; turning a page is a rotation like the skew, so the
    angle that straightens it is the same."""
    result = check_page(im.skewed(im.text_page(5), 3).rotate(-90, expand=True), 300, T)
    assert result.turn == 270 and abs(result.metrics["skew_degrees"] - 3) <= 0.5 and "skew" in result.reasons


def photo_page() -> Image.Image:
    page = im.blank()
    rough = np.random.default_rng(1).normal(110, 40, (900, 700))
    page.paste(Image.fromarray(np.clip(rough, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(6)),
               (800, 900))
    return page


NO_TEXT = {"blank back with bleed-through": im.blank_page(), "stamp": im.stamp_page(),
           "signature": im.signature_page(), "photo": photo_page(),
           "ID card on the lid": im.on_lid(im.id_card(), at_mm=(60, 80), angle=1)}


@pytest.mark.parametrize("name", NO_TEXT)
def test_no_turn_is_claimed_on_a_page_without_text(name: str) -> None:
    for fed in (0, 90, 180, 270):
        assert page_turn(NO_TEXT[name].rotate(-fed, expand=True), 300) is None, fed


SHEETS = {
    "A5 under the grey lid": (im.on_lid(im.sheet_page(148, 210)), (148, 210)),
    "A5 landscape under the lid": (im.on_lid(im.sheet_page(210, 148, seed=1), at_mm=(3, 60), angle=-2), (210, 148)),
    "receipt under the lid": (im.on_lid(im.sheet_page(80, 160, seed=2, lines=20, font_pt=8), at_mm=(100, 90),
                                        angle=2.5), (80, 160)),
    "receipt on the black backing": (im.on_backing(im.sheet_page(80, 200, seed=3, lines=20, font_pt=8)), (80, 200)),
    "A5 on the black backing": (im.on_backing(im.sheet_page(148, 210, seed=4), at_mm=(30, 5), angle=1.5),
                                (148, 210)),
}


@pytest.mark.parametrize("name", SHEETS)
def test_the_sheet_is_measured_within_3_mm(name: str) -> None:
    scan, (width, height) = SHEETS[name]
    result = check_page(scan, 300, T)
    assert abs(result.sheet_mm[0] - width) <= 3 and abs(result.sheet_mm[1] - height) <= 3, result.sheet_mm
    left, top, right, bottom = result.sheet_box
    assert abs((right - left) / 300 * 25.4 - width) <= 3 + 2 * T.crop_margin_mm + 8  # skewed: its upright box
    assert result.turn == 0  # the checks look at the sheet: its text, not the lid


@pytest.mark.parametrize("page", [im.text_page(1), im.blank_page(), im.darkened(im.text_page(2))],
                         ids=["text", "blank with ADF shadow", "too dark"])
def test_a_page_that_fills_the_scan_area_keeps_the_image_size(page: Image.Image) -> None:
    result = check_page(page, 300, T)
    assert result.sheet_mm == (210.0, 297.0) and result.sheet_box is None


def test_the_lid_around_an_a5_page_is_not_taken_for_content() -> None:
    """Under a grey lid, half the scan is darker than paper: measured on the sheet alone, the page is clean."""
    assert check_page(im.on_lid(im.sheet_page(148, 210), angle=0.3), 300, T).reasons == ()
