"""Quality check on realistic synthetic pages: each flag fires where it should and nowhere else."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw

from scanstation.capture.qc import check_page, load_thresholds
from tests import imaging as im

T = load_thresholds()
BASE = im.text_page(1)


def reasons(image, dpi=300) -> tuple[str, ...]:
    return check_page(image, dpi, T).reasons


@pytest.mark.parametrize("page", [BASE, im.text_page(2, mode="RGB"), im.signature_page(), im.stamp_page()],
                         ids=["text", "colour text", "signature only", "stamp only"])
def test_pages_with_content_pass(page) -> None:
    assert reasons(page) == ()


@pytest.mark.parametrize("page", [im.blank(), im.blank_page(), im.blank_page(holes=True, dust=True, adf_edge=True, bleed=True, seed=5)],
                         ids=["white", "holes+dust+ADF edge+bleed-through", "another"])
def test_blank_pages_are_blank_despite_scanner_noise(page) -> None:
    assert reasons(page) == ("blank",)


@pytest.mark.parametrize("angle", [-10, -7.5, -4, -1.6, 2.3, 5, 8.2, 10])
def test_skew_measured_within_half_a_degree(angle: float) -> None:
    result = check_page(im.skewed(BASE, angle), 300, T)
    assert abs(result.metrics["skew_degrees"] - angle) <= 0.5
    assert "skew" in result.reasons


def test_straightening_by_minus_skew_gives_a_straight_page() -> None:
    measured = check_page(im.skewed(BASE, 6), 300, T).metrics["skew_degrees"]
    straightened = im.skewed(im.skewed(BASE, 6), -measured)
    assert abs(check_page(straightened, 300, T).metrics["skew_degrees"]) <= 0.5


def test_small_skew_is_not_flagged() -> None:
    assert reasons(im.skewed(BASE, 0.4)) == ()


def test_blur_dark_light_and_resolution() -> None:
    assert reasons(im.blurred(BASE, 3)) == ("blur",)
    assert reasons(im.darkened(BASE)) == ("too_dark",)
    assert reasons(im.washed_out(BASE)) == ("too_light",)
    assert reasons(im.text_page(3, dpi=150), dpi=150) == ("low_resolution",)
    assert check_page(im.text_page(3, dpi=150), 150, T, min_dpi=150).reasons == ()


def test_unknown_dpi_is_estimated_from_a4_width() -> None:
    result = check_page(im.text_page(3, dpi=150), None, T)
    assert result.metrics["dpi"] == 150 and result.metrics["dpi_estimated"] == 1
    assert "low_resolution" in result.reasons


def stamp_and_signature(slope: float) -> Image.Image:
    """A straight page holding only a round stamp and a signature whose strokes rise at `slope` degrees, as hands
    sign: the signature's slope is not the page's skew."""
    page = im.stamp_page()
    draw = ImageDraw.Draw(page)
    x0, y0, rise = page.width * 0.25, page.height * 0.78, np.tan(np.radians(slope))
    draw.line([(x0 + i * 8, y0 - i * 8 * rise + 40 * np.sin(i / 5.0)) for i in range(110)], fill=30, width=4)
    return page


@pytest.mark.parametrize("slope", [5.4, -3, 8])
def test_stamp_and_signature_on_a_straight_page_is_not_skewed(slope: float) -> None:
    result = check_page(stamp_and_signature(slope), 300, T)
    assert result.reasons == ()
    assert result.metrics["skew_degrees"] is None and result.metrics["skew_confidence"] < T.min_skew_confidence


def test_a_few_lines_of_text_still_give_a_confident_skew() -> None:
    result = check_page(im.skewed(im.text_page(2, lines=3), 5), 300, T)
    assert result.reasons == ("skew",) and abs(result.metrics["skew_degrees"] - 5) <= 0.5


@pytest.mark.parametrize("low", [200, 210, 220])
def test_faint_text_is_too_light_never_blank(low: int) -> None:
    faint = BASE.point(lambda v: int(low + v * (255 - low) / 255 * 0.99))
    assert reasons(faint) == ("too_light",)


@pytest.mark.parametrize("contrast", [0.06, 0.08, 0.10])
def test_washed_out_page_at_8_percent_contrast_is_too_light_not_blank(contrast: float) -> None:
    """Text printed at about 8 % below the paper (a faded copy, a scanner set too bright), with the scanner's noise:
    it was called blank, and blank pages can be dropped in one go."""
    ink = 245 * (1 - contrast)
    faint = np.asarray(BASE.point(lambda v: round(ink + (v - 20) * (245 - ink) / 225)), np.float32)
    noisy = faint + np.random.default_rng(3).normal(0, 2.5, faint.shape)
    assert reasons(Image.fromarray(np.clip(noisy, 0, 255).astype(np.uint8))) == ("too_light",)


def test_every_threshold_is_in_the_policy_file() -> None:
    from dataclasses import fields

    from scanstation.core.policy import policy_file

    assert {f.name for f in fields(T)} == set(policy_file("qc.toml"))


def test_a_blank_page_is_not_searched_for_barcodes_but_a_label_alone_is_not_blank(monkeypatch) -> None:
    """The pipeline skips the barcode search on pages the check finds blank (the blank backs of a duplex batch are
    half of it); the smallest thing worth reading, a label on an otherwise empty sheet, is never blank."""
    from scanstation.capture import pipeline

    label_only = im.with_barcode(im.blank_page(), "SS-0012-1404-000417-K")
    found = pipeline.inspect_page(label_only, 300, load_thresholds())
    assert "blank" not in found.qc.reasons and [b.value for b in found.barcodes] == ["SS-0012-1404-000417-K"]

    def searched(*args: object, **kwargs: object) -> list:
        raise AssertionError("a blank page was searched for barcodes")

    monkeypatch.setattr(pipeline, "read_barcodes", searched)
    found = pipeline.inspect_page(im.blank_page(), 300, load_thresholds(), first=True)
    assert "blank" in found.qc.reasons and found.barcodes == ()
