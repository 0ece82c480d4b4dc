"""Persian text in reportlab PDFs: the bundled Vazirmatn, shaped by HarfBuzz and laid out right to left."""

from __future__ import annotations

import re
from copy import copy
from functools import lru_cache
from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph

from scanstation.core.digits import DECIMAL_SEPARATOR
from scanstation.core.resources import resource

FONT, FONT_BOLD = "Vazirmatn", "Vazirmatn-Bold"
CODE_FONT = "Vazirmatn-Latin"  # Latin digits, for codes a clerk compares with what she types
LATIN_DIGITS_FONT = "Vazirmatn-LatinDigits"  # Persian text whose digits are a code (e.g. a user code `clerk1`)


@lru_cache(maxsize=1)
def register_fonts() -> None:
    """Register the fonts once per process (FD variants: digits drawn Persian)."""
    pdfmetrics.registerFont(TTFont(FONT, str(resource("fonts", "Vazirmatn-FD-Regular.ttf")), shapable=True))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(resource("fonts", "Vazirmatn-FD-Bold.ttf")), shapable=True))
    pdfmetrics.registerFont(TTFont(CODE_FONT, str(resource("fonts", "Vazirmatn-Bold.ttf"))))
    pdfmetrics.registerFont(TTFont(LATIN_DIGITS_FONT, str(resource("fonts", "Vazirmatn-Regular.ttf")), shapable=True))


# Runs of Persian digits, with the separators of dates and numbers inside them.
_LTR_RUN = re.compile(rf"[\u06F0-\u06F9](?:[\u06F0-\u06F9/.:\-{DECIMAL_SEPARATOR}]*[\u06F0-\u06F9])?")


def _protect_ltr_runs(text: str) -> str:
    """ReportLab without the optional `rlbidi` package keeps Latin runs in order in an RTL line but reverses runs
    of Persian digits (checked by rendering). Reversing those runs first makes them come out the right way round."""
    return _LTR_RUN.sub(lambda m: m.group(0)[::-1], text)


_RTL_LETTER = re.compile(r"[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]")  # Hebrew and Arabic script, shaped forms too
_LTR_LETTER = re.compile(r"[A-Za-z0-9]")


def _left_to_right(word: str) -> bool:
    return bool(_LTR_LETTER.search(word)) and not _RTL_LETTER.search(word)


def visual_order(words: list[str]) -> list[str]:
    """The words of one right-to-left line (first word first) in the order they stand from left to right. A run of
    left-to-right words (a code, a Latin name) keeps its own order inside; each Persian word, number or mark takes
    its place from the right."""
    runs: list[list[str]] = []
    for word in words:
        if runs and _left_to_right(word) and _left_to_right(runs[-1][-1]):
            runs[-1].append(word)
        else:
            runs.append([word])
    return [word for run in reversed(runs) for word in run]


class _RightToLeft(Paragraph):
    """A Paragraph whose lines are drawn with their words in right-to-left order. Without the `rlbidi` package
    (not on PyPI), reportlab shapes each word but sets a line's words left to right in the order they were written,
    so a Persian sentence read backwards («اسناد و بارگذاری گزارش»). The lines are broken as written; only the
    drawing sees them reordered, so splitting a paragraph across pages still works on the text as written."""

    def drawPara(self, debug: int = 0) -> None:  # noqa: N802 (reportlab's name)
        written = self.blPara
        shown = copy(written)
        if written.kind == 0:
            shown.lines = [(space, visual_order(list(words))) for space, words in written.lines]
        else:
            shown.lines = [_visual_line(line) for line in written.lines]
        self.blPara = shown
        try:
            super().drawPara(debug)
        finally:
            self.blPara = written


def _visual_line(line: Any) -> Any:
    """A line of style runs (one run each, in this project's paragraphs: a single style) with its words reordered."""
    shown = copy(line)
    shown.words = [frag.clone(text=_reordered(frag.text)) for frag in reversed(line.words)]
    return shown


WORD_GAP = 2147483647  # the cluster reportlab's shaping gives a space between words (a ZWNJ becomes a space too)


def _reordered(text: str) -> str:
    """`text`'s words in visual order, cut and joined by slicing, so that shaped text (reportlab's ShapedStr, which
    carries each glyph's advance) keeps its shaping: a plain string would lose the advances and break words apart.
    Only the gaps between words cut: the zero-width space a ZWNJ turns into («فایل‌ها») stays inside its word."""
    shaping = getattr(text, "__shapeData__", None)
    cuts = [i for i, char in enumerate(text) if char == " " and (shaping is None or int(shaping[i][0]) == WORD_GAP)]
    if not cuts:
        return text
    space = text[cuts[0]:cuts[0] + 1]
    words = [text[a + 1:b] for a, b in zip([-1, *cuts], [*cuts, len(text)])]
    ordered = visual_order([w for w in words if w])
    joined = ordered[0]
    for word in ordered[1:]:
        joined = joined + space + word
    return joined


def paragraph(text: str, size: float, bold: bool = False, centre: bool = False, colour: str = "000000",
              latin_digits: bool = False) -> Paragraph:
    """A right-to-left paragraph of Persian text (paragraph markup: escape user text); `colour` is hex RGB.
    Digits are drawn Persian unless `latin_digits` (one shaped font per line: reportlab cannot mix them)."""
    register_fonts()
    font = LATIN_DIGITS_FONT if latin_digits else FONT_BOLD if bold else FONT
    style = ParagraphStyle("fa", fontName=font, fontSize=size, leading=size * 1.3,
                           alignment=TA_CENTER if centre else TA_RIGHT, wordWrap="RTL", shaping=1,
                           textColor=f"#{colour}")
    return _RightToLeft(_protect_ltr_runs(text), style)
