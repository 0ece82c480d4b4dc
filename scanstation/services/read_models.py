"""Typed read models: what the screens and the CLI are given about a dossier and a capture batch.

Frozen, so a screen cannot change what it was told; timestamps stay `datetime` until a screen (or `to_json` for
the CLI's JSON output) formats them. A page has this one shape from the capture batch to the screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Row

from scanstation.core.models import Page
from scanstation.core.models.capture import sent_back_reason
from scanstation.core.workflow import Progress


def iso_utc(moment: datetime) -> str:
    """The JSON form of a moment (UTC, to the second), as the CLI contract gives it."""
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class PageView:
    """One active page: its place, image, QC flags and the document it belongs to."""

    seq: int
    sheet: int
    side: str
    sha256: str
    qc_reasons: tuple[str, ...]
    accepted_reason: str | None
    document: int | None  # the document's number in the dossier, None while unclassified
    origin: str | None  # the device or file the image came from
    barcodes: tuple[str, ...]
    duplicate_reason: str | None = None  # the dossier held this image already; kept because of this reason
    supervisor_reason: str | None = None  # the approver sent this page back at step 7 with this sentence

    @classmethod
    def of(cls, page: Page | Row[Any], document: int | None = None) -> PageView:
        """From a page row, or plain columns named as its (PAGE_VIEW_COLUMNS)."""
        return cls(page.seq, page.sheet, page.side, page.sha256, tuple(page.qc_reasons), page.accepted_reason,
                   document, page.origin, tuple(page.barcodes), page.duplicate_reason,
                   sent_back_reason(page.qc_reasons, page.qc_metrics))

    @property
    def open_flag(self) -> bool:
        """A QC flag neither fixed by a rescan nor accepted with a reason."""
        return bool(self.qc_reasons) and not self.accepted_reason

    def to_json(self) -> dict[str, Any]:
        return {"seq": self.seq, "sheet": self.sheet, "side": self.side, "sha256": self.sha256,
                "qc_reasons": list(self.qc_reasons), "accepted_reason": self.accepted_reason,
                "document": self.document, "duplicate_reason": self.duplicate_reason,
                "supervisor_reason": self.supervisor_reason}


# The page columns a PageView is made of, for reads that build one from plain rows (a 2,000-page dossier).
PAGE_VIEW_COLUMNS = (Page.seq, Page.sheet, Page.side, Page.sha256, Page.qc_reasons, Page.accepted_reason,
                     Page.document_id, Page.origin, Page.barcodes, Page.duplicate_reason, Page.qc_metrics)


@dataclass(frozen=True)
class StepView:
    """One recorded step: who did it, where and when, with the values it recorded."""

    step: int
    action: str
    title: str
    user: str
    user_name: str
    workstation: str
    at: datetime
    values: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        return {"step": self.step, "action": self.action, "title": self.title, "user": self.user,
                "user_name": self.user_name, "workstation": self.workstation, "at": iso_utc(self.at),
                "values": self.values}


@dataclass(frozen=True)
class Rejection:
    """One decision of the approver that sent work back to the clerk: the sentence, who and when, which document
    and which pages (numbered as in the dossier then; empty: the whole dossier)."""

    reason: str
    user_name: str
    at: datetime
    document: int | None
    pages: tuple[int, ...]

    def to_json(self) -> dict[str, Any]:
        return {"reason": self.reason, "user_name": self.user_name, "at": iso_utc(self.at),
                "document": self.document, "pages": list(self.pages)}


@dataclass(frozen=True)
class UploadView:
    """Where a document's upload to the central store stands (None until the upload exists)."""

    state: str | None = None
    tracking_code: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"state": self.state, "tracking_code": self.tracking_code}


@dataclass(frozen=True)
class DocumentView:
    number: int
    type: str
    heading: str
    date: str | None  # Jalali YYYY/MM/DD, Latin digits
    pages: tuple[int, ...]
    verified_by: str | None  # who approved it at step 7 (None while it waits, or after a change voided it)
    upload: UploadView
    verified_at: datetime | None = None

    def to_json(self) -> dict[str, Any]:
        return {"number": self.number, "type": self.type, "heading": self.heading, "date": self.date,
                "pages": list(self.pages), "verified_by": self.verified_by,
                "verified_at": iso_utc(self.verified_at) if self.verified_at else None,
                "upload": self.upload.to_json()}


@dataclass(frozen=True)
class DossierDetail:
    """Everything known about one dossier; `to_json()` is the `dossier show --json` contract."""

    barcode: str
    branch: str
    insured_number: str
    national_id: str
    name: str
    shelf: str
    out_of_turn: bool
    out_of_turn_reason: str | None
    state: str
    state_title: str
    progress: Progress
    rejected_reason: str | None
    sheets_counted: int | None
    sheets_slimmed: int | None
    sheets_recounted: int | None
    created_at: datetime
    steps: tuple[StepView, ...]
    pages: tuple[PageView, ...]
    documents: tuple[DocumentView, ...]
    rejections: tuple[Rejection, ...] = ()  # while sent back (state "rejected"): the approver's decisions

    def to_json(self) -> dict[str, Any]:
        p = self.progress
        return {
            "barcode": self.barcode, "branch": self.branch, "insured_number": self.insured_number,
            "national_id": self.national_id, "name": self.name, "shelf": self.shelf, "out_of_turn": self.out_of_turn,
            "out_of_turn_reason": self.out_of_turn_reason, "state": self.state, "state_title": self.state_title,
            "step": p.step, "tracks": {"physical": p.physical_step, "electronic": p.electronic_step},
            "next_steps": p.next_steps(), "rejected_reason": self.rejected_reason,
            "sheets_counted": self.sheets_counted, "sheets_slimmed": self.sheets_slimmed,
            "sheets_recounted": self.sheets_recounted, "created_at": iso_utc(self.created_at),
            "steps": [s.to_json() for s in self.steps],
            "pages": [pg.to_json() for pg in self.pages],
            "documents": [doc.to_json() for doc in self.documents],
            "rejections": [r.to_json() for r in self.rejections],
        }


@dataclass(frozen=True)
class SeparatorResult:
    """What the separator sheets did: the pages they were (numbered as before) and the documents they started."""

    separators: tuple[int, ...]
    documents: tuple[int, ...]


@dataclass(frozen=True)
class CaptureSummary:
    """What a batch did: the pages kept, one sentence per problem, and why it stopped early (if it did)."""

    batch_id: int
    pages: tuple[PageView, ...] = ()
    problems: tuple[str, ...] = ()
    stopped: str | None = None
    warnings: tuple[str, ...] = ()
    cancelled: bool = False
    separators: SeparatorResult | None = None  # what the batch's separator sheets did, when it held any
    duplicates: tuple[str, ...] = ()  # labels of images already in the dossier, skipped (issue 8.6)

    @property
    def ok(self) -> bool:
        return not self.problems and self.stopped is None


@dataclass(frozen=True)
class ReviewItem:
    """One dossier waiting for the supervisor (step 7), or a digitised dossier with documents added since (counter
    intake) waiting for theirs: what the review queue shows before the supervisor opens it."""

    barcode: str
    name: str
    out_of_turn: bool
    kind: str  # "dossier": step 7 waits; "intake": documents added to an approved dossier wait
    operators: tuple[str, ...]  # who captured its active pages
    pages: int
    documents: int
    pending: int  # documents not approved yet
    sheets_counted: int | None
    sheets_slimmed: int | None
    sheets_captured: int
    flags_accepted: int  # pages kept with a QC flag, each with the clerk's reason
    since: datetime  # when it started waiting (quality check closed, or the first added document)

    def to_json(self) -> dict[str, Any]:
        return {"barcode": self.barcode, "name": self.name, "out_of_turn": self.out_of_turn, "kind": self.kind,
                "operators": list(self.operators), "pages": self.pages, "documents": self.documents,
                "pending": self.pending, "sheets_counted": self.sheets_counted,
                "sheets_slimmed": self.sheets_slimmed, "sheets_captured": self.sheets_captured,
                "flags_accepted": self.flags_accepted, "since": iso_utc(self.since)}
