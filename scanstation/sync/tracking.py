"""Tracking codes (کد پیگیری): 12 digits a clerk can read over the phone, the last a Luhn check digit, so one
mistyped or swapped digit is caught before the lookup."""

from __future__ import annotations

import secrets

from scanstation.core.digits import to_latin

LENGTH = 12


def _luhn_digit(body: str) -> str:
    total = 0
    for index, char in enumerate(reversed(body)):
        value = int(char)
        if index % 2 == 0:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return str((10 - total % 10) % 10)


def new_tracking_code() -> str:
    """A fresh random code (uniqueness is the database's unique index; the caller retries a clash)."""
    body = f"{secrets.randbelow(9 * 10 ** (LENGTH - 2)) + 10 ** (LENGTH - 2)}"  # no leading zero to lose
    return body + _luhn_digit(body)


def normalise_tracking_code(text: str) -> str | None:
    """The code as stored, from what was typed (Persian digits, spaces, dashes); None when it cannot be one."""
    digits = "".join(ch for ch in to_latin(text) if ch.isdigit())
    if len(digits) != LENGTH or _luhn_digit(digits[:-1]) != digits[-1]:
        return None
    return digits


def spaced(code: str) -> str:
    """A 12-digit code in groups of four, as shown, printed and read over the phone (the lookup accepts the
    spaces)."""
    return " ".join(code[i:i + 4] for i in range(0, len(code), 4))
