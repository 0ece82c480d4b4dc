"""The synthetic Persian pages say truly what is on them: the tests and benches of OCR and orientation trust them."""

from __future__ import annotations

import numpy as np
from PIL import Image

from scanstation.core.match_key import fold
from tests.persian_pages import FONTS, LETTER_TYPES, letter, page_set, turned


def test_letter_ground_truth_is_the_drawn_lines():
    page = letter(3, font="noto-naskh", size_pt=11, doc_type="PENSION")
    assert page.turn == 0 and page.kind == "letter" and page.doc_type == "PENSION"
    assert page.lines[1] == "سازمان تأمین اجتماعی"
    assert page.lines[5] == "موضوع: " + LETTER_TYPES["PENSION"][0]
    body = fold(page.text)
    assert "۱۴" not in body and any(ch.isdigit() for ch in body)  # Persian digits on the page
    # Ink runs down the page about as far as there are lines: the text was drawn, not only recorded.
    ink_rows = np.nonzero((np.asarray(page.image) < 128).sum(axis=1) > 3)[0]
    line_px = 11 / 72 * 300 * 1.75
    assert abs((ink_rows[-1] - ink_rows[0]) / line_px - len(page.lines)) < len(page.lines) * 0.5


def test_turned_pages_come_upright_by_their_turn_and_pages_without_text_claim_none():
    upright = letter(1, size_pt=12)
    for turn in (90, 180, 270):
        fed = turned(upright, turn)
        assert fed.turn == turn
        assert np.array_equal(np.asarray(fed.image.rotate(-turn, expand=True)), np.asarray(upright.image))
    pages = page_set(8, seed=2, dpi=150, without_text=3)
    assert {p.font for p in pages if p.font} == set(FONTS)
    assert {p.turn for p in pages if p.kind == "letter"} == {0, 90, 180, 270}
    assert [(p.kind, p.turn, p.text) for p in pages[-3:]] == [
        ("stamp-signature", None, None), ("id-card", None, None), ("blank-back", None, None)]
    assert all(isinstance(p.image, Image.Image) and p.image.mode == "L" for p in pages)
