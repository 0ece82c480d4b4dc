"""Barcodes read off pages in any orientation and with the page tilted up to 10 degrees."""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw

from scanstation.capture.qc import check_page, load_thresholds
from scanstation.indexing.barcode_reader import barcode_like, read_barcodes
from tests import imaging as im

VALUE = "SS-0012-1403-000417-K"
BASE = im.text_page(4)


@pytest.mark.parametrize("angle", [0, 90, 180, 270])
def test_any_right_angle_orientation(angle: int) -> None:
    page = im.with_barcode(BASE, VALUE).rotate(angle, expand=True)
    assert [(b.type, b.value) for b in read_barcodes(page)] == [("CODE128", VALUE)]


@pytest.mark.parametrize("tilt", [-10, -7, 7, 10])
def test_tilted_page_is_read_with_the_measured_skew(tilt: float) -> None:
    page = im.skewed(im.with_barcode(BASE, VALUE, where=(0.35, 0.2)), tilt)
    skew = check_page(page, 300, load_thresholds()).metrics["skew_degrees"]
    assert [b.value for b in read_barcodes(page, skew)] == [VALUE]


@pytest.mark.parametrize("tilt", [-10, 10])
def test_crooked_label_on_straight_page_needs_the_thorough_pass(tilt: float) -> None:
    page = im.with_barcode(BASE, VALUE, angle=tilt)
    assert [b.value for b in read_barcodes(page, thorough=True)] == [VALUE]


def test_page_without_barcode() -> None:
    assert read_barcodes(BASE, thorough=True) == []


@pytest.mark.parametrize(("tilt", "faded"), [(-10, False), (10, False), (7, True)])
def test_crooked_label_is_found_without_asking_because_it_looks_like_a_barcode(tilt: float, faded: bool) -> None:
    page = im.with_barcode(BASE, VALUE, angle=tilt)
    if faded:  # 60 % contrast, as a worn thermal label
        page = page.point(lambda v: int(100 + v * 0.6))
    assert barcode_like(page.reduce(2))
    assert [b.value for b in read_barcodes(page)] == [VALUE]


def ruled_table() -> Image.Image:
    page = im.text_page(5)
    draw = ImageDraw.Draw(page)
    for y in range(300, 3300, 120):
        draw.line((200, y, 2300, y), fill=0, width=3)
    for x in range(200, 2400, 400):
        draw.line((x, 300, x, 3260), fill=0, width=3)
    return page


@pytest.mark.parametrize("page", [BASE, im.stamp_page(), im.blank_page(), im.skewed(BASE, 7), ruled_table(),
                                  im.text_page(1).rotate(180), im.text_page(21).rotate(180)],
                         ids=["text", "stamp", "blank with holes and dust", "skewed text", "ruled table",
                              "upside-down letter", "another upside-down letter"])
def test_pages_without_a_barcode_do_not_look_like_one(page) -> None:
    assert not barcode_like(page.reduce(2))


@pytest.mark.parametrize("value", ["996343566206", "990000000000", "991234", "99", "123456789099", "9A-99"])
def test_printed_code_beginning_with_99_reads_back_whole(value: str) -> None:
    """python-barcode alone drops a leading 99 (see barcode_image._Code128): the symbol we print must carry it."""
    from scanstation.indexing.barcode_image import code128_image

    assert [b.value for b in read_barcodes(code128_image(value).convert("L"), thorough=True)] == [value]
