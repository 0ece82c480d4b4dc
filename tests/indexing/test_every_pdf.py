"""Every PDF the program makes, rendered and read back with pdftotext (issue 22 point 8): the dossier label and its A4
sheet, the «اسکن شد» sticker, a separator sheet, the tracking receipt, a binder's spine label and contents list, the
destruction minutes and each report. Persian reads in order, numbers a person reads are Persian (with «٫»), codes
compared with a printed label are as printed, and a binder's clause is «ب», never «b».

pdftotext drops the glyphs that have no code point (a medial ی, پ, ت...) and the spaces where the direction
changes, and it misplaces brackets beside a change of direction, so the checks look for words that survive and
compare where they stand in a line (the words of one right-to-left line come out in reading order)."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from datetime import datetime, timezone
from pathlib import Path

import pytest

from scanstation.bootstrap import App
from scanstation.records.batches import BatchView, DueItem
from scanstation.records.binder_pdf import contents_pdf, spine_label_pdf
from scanstation.records.minutes import minutes_pdf
from scanstation.records.register import BinderView, RegisterRow
from scanstation.reports.pdf_export import report_pdf
from scanstation.reports.period import Period
from scanstation.reports.service import NAMES, run_report
from scanstation.services import labels
from scanstation.sync.receipt import ReceiptData, ReceiptLine, receipt_pdf
from tests.builders import CLERK, SUPERVISOR, new_dossier, staff, walk

_MARKS = re.compile(r"[\u202a-\u202e\u2066-\u2069\ue000-\uf8ff]")  # bidi marks pdftotext adds; unmapped glyphs
BRANCH = "شعبه آزمایشی"
CODE = "123456789012"
NOW = datetime(2024, 10, 6, 8, 30, tzinfo=timezone.utc)  # 1403/07/15 in Tehran
BINDER = BinderView("b", 3, 300, 120, 7, False, "1403/01/05", "1403/06/20")


def read_back(pdf: bytes, tmp_path: Path, name: str) -> list[str]:
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    plain = _MARKS.sub("", unicodedata.normalize("NFKC", text)).replace("\u064a", "\u06cc")
    return [line.strip() for line in plain.splitlines() if line.strip()]


def skeleton(text: str) -> str:
    """`text` without what pdftotext may drop (the glyphs with no code point, ZWNJ, spaces), to compare whole lines."""
    return re.sub(r"[\sیيپتژچ\u200c()]", "", text)


def in_order(lines: list[str], *words: str) -> bool:
    """Some line holds every word, each after the one before it."""
    for line in lines:
        places = [line.find(word) for word in words]
        if -1 not in places and places == sorted(places):
            return True
    return False


def no_latin_numbers(lines: list[str], allowed: tuple[str, ...]) -> None:
    """No Latin digits outside the codes of `allowed` (barcodes, tracking codes, user codes), no «.» for «٫»."""
    for line in lines:
        rest = line
        for code in allowed:
            rest = rest.replace(code, "")
        assert not re.search(r"[0-9]", rest), line
        assert not re.search(r"[۰-۹]\.[۰-۹]", line), line


@pytest.fixture
def barcode(sqlite_app: App) -> str:
    staff(sqlite_app)
    made = new_dossier(sqlite_app)
    walk(sqlite_app, made, 7, sheets=4, slimmed=0)
    return made


def test_the_dossier_label_sticker_and_separator_sheet(sqlite_app: App, barcode: str, tmp_path: Path) -> None:
    for kind in ("dossier", "sheet"):
        lines = read_back(labels.print_label(sqlite_app.uow(CLERK), barcode, kind), tmp_path, kind)
        assert barcode in lines, lines  # the barcode's text as printed under the bars
        assert any("۱۰۰۰۲۳۴۵۰۰" in line for line in lines), lines  # the insured number a person reads
    lines = read_back(labels.stamp_stickers(sqlite_app.uow(CLERK), barcode, [1]), tmp_path, "stamp")
    assert lines[0] == "اسکن شد" and in_order(lines, "نام شعبه", BRANCH), lines
    assert any("clerk1" in line for line in lines)  # the user code as typed at login
    assert any(re.search(r"۱۴[۰-۹][۰-۹]/[۰-۹][۰-۹]/[۰-۹][۰-۹]", line) for line in lines), lines  # Persian date
    lines = read_back(labels.separator_sheets(["EMPLOYMENT"]), tmp_path, "separator")
    assert lines[0] == "برگ جداکننده سند" and "SEP-EMPLOYMENT" in lines, lines


def test_the_receipt_and_the_binder_prints(tmp_path: Path) -> None:
    receipt = receipt_pdf(ReceiptData(BRANCH, "SS-0012-1405-000001-E", "علی محمدی", "1000234500", "1403/07/15",
                                      (ReceiptLine(1, "سوابق شغلی", "در مخزن مرکزی تأیید شد", CODE),)))
    lines = read_back(receipt, tmp_path, "receipt")
    assert lines[0] == "رسید بارگذاری در مخزن مرکزی" and BRANCH in lines, lines
    assert "SS-0012-1405-000001-E" in lines and "1234 5678 9012" in lines, lines  # the code in fours, as typed
    assert in_order(lines, "علی محمدی", "شماره بیمه", "۱۰۰۰۲۳۴۵۰۰"), lines
    no_latin_numbers(lines, ("SS-0012-1405-000001-E", "1234 5678 9012"))

    lines = read_back(spine_label_pdf(BINDER, BRANCH, 50, 150), tmp_path, "spine")
    assert "کلاسور اصل اسناد" in lines and "شماره ۳" in lines and "BINDER-B-003" in lines, lines
    assert any(line.startswith("بند ب") for line in lines) and not any("b" in line for line in lines[:-1]), lines
    no_latin_numbers(lines, ("BINDER-B-003",))

    row = RegisterRow(1, "SS-0012-1405-000001-E", "1000234500", "علی محمدی", 2, "X", "رای کمیسیون", "b", 3, 1, 4,
                      "1403/06/20", "4567", "binder", "kept", None, None, False, CODE, "verified", None, None, None)
    lines = read_back(contents_pdf(BINDER, [row], BRANCH, "1403/07/15"), tmp_path, "contents")
    assert in_order(lines, "فهرست محتویات کلاسور ب شماره"), lines
    assert {"BINDER-B-003", "SS-0012-1405-000001-E", CODE, "4567"} <= set(lines), lines
    no_latin_numbers(lines, ("BINDER-B-003", "SS-0012-1405-000001-E", CODE, "4567"))


def test_the_destruction_minutes(tmp_path: Path) -> None:
    batch = BatchView(4, "executed", "1403/07/15", "records1", NOW, "super1", "records1", NOW,
                      "destruction-0004.pdf", ())
    item = DueItem(1, "SS-0012-1405-000001-E", "1000234500", 2, "X", "رای کمیسیون", "1403/06/20", "ruling", CODE, NOW)
    names = {"records1": "حسین رضایی", "super1": "مریم احمدی"}
    lines = read_back(minutes_pdf(batch, [item], BRANCH, names), tmp_path, "minutes")
    assert lines[0] == "صورتجلسه امحای اصل اسناد — شماره ۴", lines
    people = next(line for line in lines if "records1" in line)
    assert in_order([people], "records1", "مریم احمدی", "super1"), people
    assert "؛" not in people, people  # it read «حسین رضایی ؛(records1)»: the mark drawn between name and code
    no_latin_numbers(lines, ("SS-0012-1405-000001-E", CODE, "records1", "super1"))


@pytest.mark.parametrize("name", NAMES)
def test_each_report(sqlite_app: App, barcode: str, tmp_path: Path, name: str) -> None:
    report = run_report(sqlite_app.uow(SUPERVISOR), name, Period.parse(None, None))
    lines = read_back(report_pdf(report, BRANCH), tmp_path, name)
    assert lines[0] == f"{report.title} — {BRANCH}", lines
    whole = skeleton("".join(lines))
    for section in report.sections:  # each section's title, its words in order where pdftotext keeps them whole
        words = [skeleton(word) for word in section.title.split() if "\u200c" not in word]  # joined words break up
        assert all(word in whole for word in words), (section.title, lines)
        assert skeleton(section.title) in whole or len(section.title.split("\u200c")) > 1, (section.title, lines)
    no_latin_numbers(lines, (barcode, "clerk1", "super1"))
