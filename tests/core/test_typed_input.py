"""Typed input that must be refused: foreign digit sets, control characters, endless names (issue 8, point 13)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from scanstation.bootstrap import App
from scanstation.core.digits import parse_int
from scanstation.core.errors import InvalidInput, ScanStationError
from scanstation.core.identifiers import (
    insured_number,
    national_id,
    parse_barcode,
    person_name,
)
from scanstation.core.jalali import parse_jalali_date
from scanstation.core.models import Dossier
from scanstation.services import dossiers
from tests.builders import BRANCH, CLERK, staff


@pytest.mark.parametrize("typed", ["००१२३४५६७९", "００１２３４５６７９", "001234567\u2079"])
def test_national_id_refuses_other_digit_sets(typed: str) -> None:
    with pytest.raises(InvalidInput, match="فارسی یا لاتین"):
        national_id(typed)


@pytest.mark.parametrize("typed", ["¹⁰⁰⁰²³⁴⁵⁶⁷", "१०००२३४५६७"])
def test_insured_number_refuses_other_digit_sets(typed: str) -> None:
    with pytest.raises(InvalidInput, match="فارسی یا لاتین"):
        insured_number(typed)


@pytest.mark.parametrize("typed", ["²", "१२", "１２", "10" * 20])
def test_counts_refuse_other_digits_and_huge_values(typed: str) -> None:
    with pytest.raises(InvalidInput, match="تعداد"):
        parse_int(typed, "تعداد برگ‌ها", minimum=1)


def test_persian_and_arabic_indic_digits_still_count() -> None:
    assert parse_int("۱۲", "تعداد") == 12 and parse_int("١٢", "تعداد") == 12


@pytest.mark.parametrize("name", ["علی\x1b[31m محمدی", "علی\nمحمدی", "علی\u202eیدمحم", "ع" * 121])
def test_names_with_control_characters_or_too_long_are_refused(name: str) -> None:
    with pytest.raises(InvalidInput, match="نام"):
        person_name(name)


def test_persian_name_with_zero_width_non_joiner_is_kept() -> None:
    assert person_name(" می\u200cنا ") == "می\u200cنا"


def test_dossier_with_bad_name_or_foreign_digits_is_not_stored(sqlite_app: App) -> None:
    staff(sqlite_app)
    for name, nid in (("x\x1b[2Jy", "0012345679"), ("ع" * 10_000, "0012345679"), ("علی", "००१२३४५६७९")):
        with pytest.raises(InvalidInput):
            dossiers.retrieve(sqlite_app.uow(CLERK), BRANCH, dossiers.NewDossier("1000234567", nid, name, "R1"))
    with sqlite_app.session_factory() as s:
        assert s.execute(select(func.count()).select_from(Dossier)).scalar_one() == 0


@pytest.mark.parametrize("typed", ["1_404/01/15", "1404/0_1/15", "١٤٠٤/٠١/١_٥", "+1404/01/15", " 1404/ 1/15"])
def test_dates_with_underscores_or_signs_are_refused(typed: str) -> None:
    with pytest.raises(InvalidInput, match="تاریخ درستی نیست"):
        parse_jalali_date(typed)


def test_a_refusal_shows_escape_bytes_escaped_and_cuts_long_input() -> None:
    with pytest.raises(InvalidInput) as escaped:
        parse_jalali_date("1404\x1b[31m/01/15")
    assert "\x1b" not in str(escaped.value) and "«1404\\x1b[31m/01/15»" in str(escaped.value)
    with pytest.raises(InvalidInput) as long:
        parse_jalali_date("1" * 5000)
    assert len(str(long.value)) < 200 and "…»" in str(long.value)
    with pytest.raises(InvalidInput) as barcode:
        parse_barcode("SS-\u202e12\x07")
    assert "\u202e" not in str(barcode.value) and "\x07" not in str(barcode.value) and "\\u202e12\\x07" in str(
        barcode.value)


def test_every_refusal_is_cleaned_of_terminal_controls_but_keeps_persian_joiners() -> None:
    sentence = str(ScanStationError("نمی\u200cشود: «a\x1b]0;title\x07b»\n"))
    assert sentence == "نمی\u200cشود: «a\\x1b]0;title\\x07b»\n"
