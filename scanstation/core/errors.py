"""Named refusals. Each message is the one sentence the clerk reads, in Persian.

A sentence that repeats what someone typed quotes it with `core.quoting.quoted`: control characters shown escaped (an escape
sequence typed into a date must not recolour or clear the clerk's terminal) and a long input cut. Every message is
also cleaned of terminal control characters when the error is made, for sentences that quote anything else.
"""

from __future__ import annotations

import unicodedata

# Persian words need the zero-width (non-)joiner and the direction marks; every other control or format character
# (ESC, newlines, bidi overrides) is shown as its escape.
_KEPT_FORMAT = frozenset("\u200c\u200d\u200e\u200f")


def shown_char(ch: str) -> str:
    """`ch`, or its escape when it is a control or format character a terminal would act on."""
    if unicodedata.category(ch)[0] == "C" and ch not in _KEPT_FORMAT:
        return ch.encode("unicode_escape").decode("ascii")
    return ch


_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")  # embeddings, overrides, isolates


def _plain(message: object) -> object:
    """A message with its terminal control characters and bidi overrides escaped (line breaks and tabs kept)."""
    if not isinstance(message, str):
        return message
    return "".join(shown_char(ch) if (unicodedata.category(ch) == "Cc" and ch not in "\n\t") or ch in _BIDI else ch
                   for ch in message)


class ScanStationError(Exception):
    """A refusal or problem the user can act on; `str(e)` is the message to show."""

    def __init__(self, *args: object) -> None:
        super().__init__(*(_plain(a) for a in args))


class NotFound(ScanStationError):
    """The named thing (dossier, user, page) does not exist."""


class InvalidInput(ScanStationError):
    """A typed value is malformed (national ID, barcode, count...)."""


class PermissionDenied(ScanStationError):
    """The acting user lacks the role for this action."""


class AuthenticationFailed(ScanStationError):
    """Wrong user code or password."""


class AccountLocked(ScanStationError):
    """Too many wrong passwords; the account is locked for a while."""


class StepOutOfOrder(ScanStationError):
    """The dossier is not at the step this action needs."""


class RecountMismatch(ScanStationError):
    """Step-9 recount differs from the step-2 count minus slimmed sheets."""


class Conflict(ScanStationError):
    """The action clashes with existing data (duplicate barcode, user code...)."""


class IntegrityProblem(ScanStationError):
    """A page file or row no longer matches what was captured or approved: nothing was approved or built."""


class ConfigError(ScanStationError):
    """A setting (flag, environment variable or config file) holds a value the program cannot use: named with where
    it came from, found at start, before anything is touched; a usage error (exit 2)."""
