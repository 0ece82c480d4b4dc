"""National ID, insured number and dossier barcode: validated and normalised once, here."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from scanstation.core.digits import foreign_digits, is_latin_digits, to_latin, to_persian
from scanstation.core.errors import InvalidInput
from scanstation.core.quoting import quoted
from scanstation.core.policy import input_limits

_ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
BARCODE_PREFIX = "SS"
BARCODE_PATTERN = r"SS-([0-9A-Z]{2,8})-(\d{4})-(\d{6})-([0-9A-Z])"  # also found inside a sentence, by the screens
_BARCODE_RE = re.compile(f"^{BARCODE_PATTERN}$")


def _refuse_foreign_digits(text: str, what: str) -> None:
    if foreign_digits(text):
        raise InvalidInput(f"{what} را فقط با رقم‌های فارسی یا لاتین بنویسید؛ {quoted(text)} رقم‌های دیگری دارد.")


# Zero-width (non-)joiner and the direction marks are part of ordinary Persian typing; every other control or format
# character (escape sequences, newlines, bidi overrides that make text display differently from what is stored) is not.
_ALLOWED_FORMAT = {"\u200c", "\u200d", "\u200e", "\u200f"}


def plain_text(text: str, what: str, limit: str) -> str:
    """Typed free text (a name, a shelf, a reason), trimmed; refused with one sentence when it holds control
    characters or is longer than the policy's `limit` key in resources/input_limits.toml."""
    value = (text or "").strip()
    for ch in value:
        if unicodedata.category(ch)[0] == "C" and ch not in _ALLOWED_FORMAT:
            raise InvalidInput(f"{what} نویسه کنترلی (مانند سطر تازه یا کد فرار) دارد؛ آن را دوباره و ساده تایپ کنید.")
    most = int(getattr(input_limits(), limit))
    if len(value) > most:
        raise InvalidInput(f"{what} بیش از {to_persian(most)} نویسه است؛ آن را کوتاه‌تر بنویسید.")
    return value


def person_name(text: str) -> str:
    """A person's name as typed (trimmed, no control characters, at most the policy's length); may be empty."""
    return plain_text(text, "نام", "name_max_chars")


def national_id(text: str) -> str:
    """A 10-digit Iranian national ID (کد ملی) with its mod-11 check digit, as Latin digits.

    Leading zeros matter, so the value stays text. Dashes and spaces typed by the user are ignored.
    """
    _refuse_foreign_digits(text, "کد ملی")
    raw = to_latin(text).replace("-", "").replace(" ", "").strip()
    if not is_latin_digits(raw) or len(raw) != 10:
        raise InvalidInput(f"کد ملی باید ده رقم باشد؛ {quoted(text)} ده رقم نیست.")
    if len(set(raw)) == 1:
        raise InvalidInput(f"کد ملی «{to_persian(raw)}» معتبر نیست.")
    total = sum(int(raw[i]) * (10 - i) for i in range(9))
    remainder = total % 11
    check = remainder if remainder < 2 else 11 - remainder
    if check != int(raw[9]):
        raise InvalidInput(f"کد ملی «{to_persian(raw)}» معتبر نیست؛ رقم کنترل آن نمی‌خواند. دوباره از روی کارت بخوانید.")
    return raw


def insured_number(text: str) -> str:
    """The insured number (شماره بیمه): digits kept as text so leading zeros survive."""
    _refuse_foreign_digits(text, "شماره بیمه")
    raw = to_latin(text).replace(" ", "").strip()
    if not is_latin_digits(raw) or not 6 <= len(raw) <= 12:
        raise InvalidInput(f"شماره بیمه باید ۶ تا ۱۲ رقم باشد؛ {quoted(text)} پذیرفته نیست.")
    return raw


def branch_code(text: str) -> str:
    """A branch code: 2-8 Latin letters or digits, upper-cased."""
    raw = to_latin(text).strip().upper()
    if not re.fullmatch(r"[0-9A-Z]{2,8}", raw):
        raise InvalidInput(f"کد شعبه {quoted(text)} باید ۲ تا ۸ حرف لاتین یا رقم باشد.")
    return raw


def _check_char(body: str) -> str:
    """ISO 7064 MOD 37,36 check character: catches any single typo and adjacent swaps."""
    m = 36
    p = m
    for ch in body:
        if ch == "-":
            continue
        s = (p + _ALNUM.index(ch)) % m or m
        p = (s * 2) % (m + 1)
    return _ALNUM[(m + 1 - p) % m]


@dataclass(frozen=True)
class DossierBarcode:
    """The parts of a dossier barcode `SS-<branch>-<Jalali year>-<sequence>-<check>`."""

    branch: str
    year: int
    sequence: int

    @property
    def text(self) -> str:
        body = f"{BARCODE_PREFIX}-{self.branch}-{self.year:04d}-{self.sequence:06d}"
        return f"{body}-{_check_char(body)}"


def make_barcode(branch: str, year: int, sequence: int) -> str:
    """The dossier barcode text for a branch, Jalali year and yearly sequence number."""
    if not 1 <= sequence <= 999_999:
        raise InvalidInput("شماره ترتیب پرونده از سقف یک میلیون در سال گذشته است.")
    return DossierBarcode(branch_code(branch), year, sequence).text


def parse_barcode(text: str) -> DossierBarcode:
    """Validate a typed or scanned dossier barcode, catching typos by its check character."""
    raw = to_latin(text).strip().upper()
    match = _BARCODE_RE.match(raw)
    if not match:
        raise InvalidInput(f"{quoted(text)} بارکد پرونده نیست؛ شکل درست مانند SS-0012-1403-000417-K است.")
    branch, year, seq, check = match.groups()
    body = raw[: raw.rfind("-")]
    if _check_char(body) != check:
        raise InvalidInput(f"بارکد {quoted(raw)} اشتباه تایپ شده است؛ نویسه کنترل آن نمی‌خواند.")
    return DossierBarcode(branch, int(year), int(seq))


def normalise_barcode(text: str) -> str:
    """The canonical text of a valid dossier barcode."""
    return parse_barcode(text).text


SEPARATOR_PREFIX = "SEP-"  # never a dossier barcode: those start with "SS-" (see _BARCODE_RE)


def separator_value(type_code: str) -> str:
    """The barcode text of a separator sheet that starts a document of `type_code`."""
    return SEPARATOR_PREFIX + to_latin(type_code).strip().upper()


def separator_type(value: str) -> str | None:
    """The document type code a separator sheet's barcode names, or None for any other barcode."""
    raw = to_latin(value).strip().upper()
    if not raw.startswith(SEPARATOR_PREFIX):
        return None
    return raw[len(SEPARATOR_PREFIX):] or None
