"""What a destruction batch lists: its items (due originals) and the batch as the screens, the CLI and the minutes
read it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from scanstation.records.register import iso


@dataclass(frozen=True)
class DueItem:
    """An original in a batch (or due for one), with what the minutes list about it."""

    original_id: int
    barcode: str
    insured_number: str
    document: int
    type: str
    type_name: str
    registered: str  # Jalali, Latin digits
    reason: str
    tracking_code: str | None
    remote_verified_at: datetime | None

    def to_json(self) -> dict[str, Any]:
        return {"barcode": self.barcode, "document": self.document, "type": self.type, "reason": self.reason,
                "remote_verified_at": iso(self.remote_verified_at), "insured_number": self.insured_number,
                "registered": self.registered, "tracking_code": self.tracking_code}


@dataclass(frozen=True)
class BatchView:
    number: int
    state: str
    as_of: str  # Jalali
    planned_by: str
    planned_at: datetime
    approved_by: str | None
    executed_by: str | None
    executed_at: datetime | None
    minutes_file: str | None
    items: tuple[DueItem, ...]

    def to_json(self) -> dict[str, Any]:
        return {"batch": self.number, "state": self.state, "as_of": self.as_of, "planned_by": self.planned_by,
                "approved_by": self.approved_by, "executed_by": self.executed_by,
                "executed_at": iso(self.executed_at), "items": [i.to_json() for i in self.items]}
