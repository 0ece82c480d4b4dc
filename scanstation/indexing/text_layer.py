"""The invisible text layer of an uploaded PDF page (issue 23): the words read on the page, over the words.

Each word is drawn in text render mode 3 (invisible) with Vazirmatn unshaped, so every character keeps its own
glyph and its own Unicode value in the font's ToUnicode map: copying or `pdftotext` gives back the letters as
written, not presentation forms. The word's box is filled by scaling its text horizontally (Tz), so a selection
covers the printed word. PDF text extractors order the characters of a line by position and read a line whose
letters are Arabic-script right to left, runs of digits and Latin letters left to right: a Persian word is therefore
set with its characters from right to left (reversed in the content stream), a number or a code as printed, so the
text comes back in reading order with numbers and codes the right way round. poppler (pdftotext, and copying in
Evince or Okular) puts the space after a number or code before it instead («کد ملی  ۰۰۱۲۳۴۵۶۷۹و»), whatever the
layer does with spaces (tried: gaps, space glyphs on either side, no-break spaces, ActualText spans).
The words were read on the page turned upright; when the stored image is not upright, the layer is drawn through
the same quarter turn, over the words where they lie.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from scanstation.core.resources import resource

LAYER_FONT = "Vazirmatn-TextLayer"
_DIGIT_OR_LATIN = "0-9A-Za-z\u06F0-\u06F9\u0660-\u0669"
_LEFT_TO_RIGHT = re.compile(f"[{_DIGIT_OR_LATIN}]")
_RUN = re.compile(f"[{_DIGIT_OR_LATIN}](?:[{_DIGIT_OR_LATIN}/\\-.:\u066B\u066C]*[{_DIGIT_OR_LATIN}])?"
                  f"|[^{_DIGIT_OR_LATIN}]+")


@dataclass(frozen=True)
class TextLayer:
    """What was read on one page: the clockwise turn it was read at, the upright page's size in pixels, and per
    line the words with their boxes (PageReading.words)."""

    turn: int | None
    width: int
    height: int
    lines: list[list[list[Any]]]  # [[[word, left, top, right, bottom], ...], ...]


@lru_cache(maxsize=1)
def _register() -> None:
    pdfmetrics.registerFont(TTFont(LAYER_FONT, str(resource("fonts", "Vazirmatn-Regular.ttf"))))


def stream_order(word: str) -> str:
    """The word's characters in the order they stand from left to right on the page, which is the order a PDF
    extractor meets them in: runs of Persian letters and marks reversed, runs of digits (Persian or Latin, with the
    separators inside a date or a number) and of Latin letters as printed, the runs themselves right to left."""
    runs = _RUN.findall(word)
    if len(runs) == 1 and _LEFT_TO_RIGHT.match(word):
        return word
    return "".join(run if _LEFT_TO_RIGHT.match(run) else run[::-1] for run in reversed(runs))


def _upright_frame(c: Canvas, turn: int | None, width: float, height: float) -> None:
    """Map the upright page's coordinates (points, origin bottom left) onto the stored image's page."""
    if turn == 90:
        c.translate(width, 0)
        c.rotate(90)
    elif turn == 180:
        c.translate(width, height)
        c.rotate(180)
    elif turn == 270:
        c.translate(0, height)
        c.rotate(-90)


def draw_text_layer(c: Canvas, layer: TextLayer, width: float, height: float, dpi: int) -> None:
    """The invisible words of `layer` over the current page, `width` x `height` points, drawn from pixels at `dpi`."""
    _register()
    scale = 72 / dpi
    upright_height = layer.height * scale
    c.saveState()
    _upright_frame(c, layer.turn, width, height)
    for line in layer.lines:
        # One size and one baseline for the whole line, from its box: a word's own box (a dash, a dot) would give it
        # a size and baseline of its own, and extractors would then take it for a line apart.
        top, bottom = min(w[2] for w in line), max(w[4] for w in line)
        size = max(1.0, (bottom - top) * scale * 0.85)
        baseline = upright_height - bottom * scale + (bottom - top) * scale * 0.2
        for text, left, _, right, _ in line:
            shown = stream_order(text)
            natural = pdfmetrics.stringWidth(shown, LAYER_FONT, size)
            obj = c.beginText()
            obj.setTextRenderMode(3)
            obj.setFont(LAYER_FONT, size)
            if natural > 0:
                obj.setHorizScale(100 * (right - left) * scale / natural)
            obj.setTextOrigin(left * scale, baseline)
            obj.textOut(shown)
            c.drawText(obj)
    c.restoreState()
