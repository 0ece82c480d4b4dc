"""National IDs, insured numbers, digits and dossier barcodes."""

from __future__ import annotations

import pytest

from scanstation.core.digits import parse_int, persian_decimal, to_latin, to_persian
from scanstation.core.errors import InvalidInput
from scanstation.core.identifiers import insured_number, make_barcode, national_id, normalise_barcode, parse_barcode


@pytest.mark.parametrize("typed", ["0012345679", "۰۰۱۲۳۴۵۶۷۹", "٠٠١٢٣٤٥٦٧٩", "001-234567-9", " 0012345679 "])
def test_national_id_accepts_any_digits_and_keeps_leading_zeros(typed: str) -> None:
    assert national_id(typed) == "0012345679"


@pytest.mark.parametrize("bad", ["0012345678", "12345", "00123456790", "abcdefghij", "1111111111", ""])
def test_national_id_refuses_bad_check_digit_length_and_repeats(bad: str) -> None:
    with pytest.raises(InvalidInput, match="کد ملی"):
        national_id(bad)


def test_insured_number_stays_text_with_leading_zeros() -> None:
    assert insured_number("۰۰۱۲۳۴۵۶۷۸") == "0012345678"
    with pytest.raises(InvalidInput):
        insured_number("12a456")


def test_digit_conversion_round_trip() -> None:
    assert to_latin("۱۴۰۳/۰۷/۱۵") == "1403/07/15"
    assert to_persian("1403/07/15") == "۱۴۰۳/۰۷/۱۵"
    assert parse_int("۴۲", "تعداد") == 42
    assert persian_decimal(2.5) == persian_decimal(2.46) == "۲٫۵"
    with pytest.raises(InvalidInput):
        parse_int("-3", "تعداد")


def test_barcode_round_trip_and_persian_digits() -> None:
    code = make_barcode("0012", 1403, 417)
    assert code.startswith("SS-0012-1403-000417-")
    assert normalise_barcode(to_persian(code).lower()) == code
    parsed = parse_barcode(code)
    assert (parsed.branch, parsed.year, parsed.sequence) == ("0012", 1403, 417)


def test_barcode_check_character_catches_every_single_substitution_and_adjacent_swap() -> None:
    code = make_barcode("0012", 1403, 417)
    body_positions = [i for i, ch in enumerate(code) if ch != "-" and i >= 3]
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    for i in body_positions:
        for ch in alphabet:
            if ch == code[i]:
                continue
            typo = code[:i] + ch + code[i + 1:]
            with pytest.raises(InvalidInput):
                parse_barcode(typo)
    for i, j in zip(body_positions, body_positions[1:]):
        if j == i + 1 and code[i] != code[j]:
            swapped = code[:i] + code[j] + code[i] + code[j + 1:]
            with pytest.raises(InvalidInput):
                parse_barcode(swapped)
