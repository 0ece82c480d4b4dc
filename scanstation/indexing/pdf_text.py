"""Persian text in reportlab PDFs: the bundled Vazirmatn, shaped by HarfBuzz and laid out right to left."""

from __future__ import annotations

import re
from functools import lru_cache

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph

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
_LTR_RUN = re.compile(r"[\u06F0-\u06F9](?:[\u06F0-\u06F9/.:\-]*[\u06F0-\u06F9])?")


def _protect_ltr_runs(text: str) -> str:
    """ReportLab without the optional `rlbidi` package keeps Latin runs in order in an RTL line but reverses runs
    of Persian digits (checked by rendering). Reversing those runs first makes them come out the right way round."""
    return _LTR_RUN.sub(lambda m: m.group(0)[::-1], text)


def paragraph(text: str, size: float, bold: bool = False, centre: bool = False, colour: str = "000000",
              latin_digits: bool = False) -> Paragraph:
    """A right-to-left paragraph of Persian text (paragraph markup: escape user text); `colour` is hex RGB.
    Digits are drawn Persian unless `latin_digits` (one shaped font per line: reportlab cannot mix them)."""
    register_fonts()
    font = LATIN_DIGITS_FONT if latin_digits else FONT_BOLD if bold else FONT
    style = ParagraphStyle("fa", fontName=font, fontSize=size, leading=size * 1.3,
                           alignment=TA_CENTER if centre else TA_RIGHT, wordWrap="RTL", shaping=1,
                           textColor=f"#{colour}")
    return Paragraph(_protect_ltr_runs(text), style)
