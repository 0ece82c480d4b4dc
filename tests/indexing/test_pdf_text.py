"""Persian paragraphs in the PDFs read in the order they were written: right to left, a code left to right inside,
a line broken where the sentence goes on (read back with pdftotext, which orders the text by the glyphs' places)."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from pathlib import Path

from reportlab.platypus import SimpleDocTemplate

from scanstation.indexing.pdf_text import paragraph, visual_order

_MARKS = re.compile(r"[\u202a-\u202e\ue000-\uf8ff]")  # bidi embeddings pdftotext adds; glyphs with no code point


def _read_back(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    plain = _MARKS.sub("", unicodedata.normalize("NFKC", text)).replace("\u064a", "\u06cc")  # some forms fold to ي
    return [line for line in plain.splitlines() if line.strip()]


def test_words_stand_right_to_left_and_codes_left_to_right(tmp_path: Path) -> None:
    pdf = tmp_path / "words.pdf"
    long = "فهرست مشکلات فایل‌ها " + " ".join(["کلمه"] * 40) + " پایان"
    SimpleDocTemplate(str(pdf)).build([paragraph("گزارش بارگذاری و اسناد", 14),
                                       paragraph("سند ۱۲ پرونده SS-0012-1405-000001-E رسید", 14),
                                       paragraph(long, 14)])
    lines = _read_back(pdf)
    assert lines[0] == "گزارش بارگذاری و اسناد", lines  # it read «اسناد و بارگذاری گزارش» before
    # pdftotext drops the spaces at a change of direction and the glyphs with no code point (پ, a medial ی)
    places = [lines[1].find(word) for word in ("سند", "۱۲", "SS-0012-1405-000001-E", "رسید")]
    assert -1 not in places and places == sorted(places), lines
    assert lines[2].startswith("فهرست مشکلات فا") and lines[-1] == "پایان", lines  # first words first


def test_visual_order_keeps_a_run_of_latin_words_together() -> None:
    assert visual_order(["سند", "clerk1", "SS-0012", "رسید"]) == ["رسید", "clerk1", "SS-0012", "سند"]
    assert visual_order(["یک"]) == ["یک"]
