"""Named refusals. Each message is the one sentence the clerk reads, in Persian."""

from __future__ import annotations


class ScanStationError(Exception):
    """A refusal or problem the user can act on; `str(e)` is the message to show."""


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
