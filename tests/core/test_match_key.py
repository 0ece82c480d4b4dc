"""The one matching key: the spellings a clerk, a keyboard layout or OCR produce meet; what is shown is untouched."""

from __future__ import annotations

import pytest

from scanstation.core.match_key import fold, match_key


@pytest.mark.parametrize(("typed", "stored"), [
    ("محمد رضا كريمي", "محمدرضا کریمی"),           # Arabic yeh and kaf, a space inside the compound name
    ("حسین زاده", "حسین\u200cزاده"),                 # ZWNJ
    ("فاطمة", "فاطمه"),                              # teh marbuta
    ("آزاده", "ازاده"),                               # alef with madda
    ("مسئول", "مسیول"),                              # yeh with hamza
    ("۰۰۱۲۳۴۵۶۷۹", "0012345679"),                     # Persian digits
    ("٠٠١٢٣٤٥٦٧٩", "0012345679"),                     # Arabic-Indic digits
    ("عَلی", "علی"),                                  # a haraka
    ("نامـــه", "نامه"),                              # tatweel
    ("SS-0012", "ss-0012"),                          # Latin case
])
def test_spellings_meet_on_one_key(typed: str, stored: str) -> None:
    assert match_key(typed) == match_key(stored)


def test_different_names_stay_apart() -> None:
    assert match_key("محمد کریمی") != match_key("احمد کریمی")
    assert match_key("کریمی") in match_key("محمدرضا كريمي")  # a part of a name is a part of its key


def test_fold_keeps_words_apart() -> None:
    assert fold("  سازمان   تأمین\u200cاجتماعی ۱۲ ") == "سازمان تامیناجتماعی 12"
