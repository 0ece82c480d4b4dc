"""The one place that asks the database for pages: "the active pages of a dossier" and its variants.

In core, beside the model, because every layer that reads pages (capture, classification, verification, the
upload next) needs the same answers and core is the only layer they all may import.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, Row, func, select, update
from sqlalchemy.orm import InstrumentedAttribute, Session

from scanstation.core.models import Page, PageStatus

_FACTS_MEMO = "scanstation.active_page_facts"  # Session.info key: {dossier id: facts}, in reading units of work only


class PageFacts(NamedTuple):
    """What the checks of a dossier's pages read (flags, classification, sheets and sides), without the rest of a page
    row: "what may I do now" asks several checks at once of a dossier that may hold thousands of pages."""

    seq: int
    sheet: int
    side: str
    qc_reasons: list[str]
    accepted_reason: str | None
    document_id: int | None

    @property
    def open_flag(self) -> bool:
        """A QC flag neither fixed by a rescan nor accepted with a reason (as Page.open_flag)."""
        return bool(self.qc_reasons) and not self.accepted_reason


_FACT_COLUMNS = (Page.seq, Page.sheet, Page.side, Page.qc_reasons, Page.accepted_reason, Page.document_id)


def _active_in_dossier(dossier_id: int) -> ColumnElement[bool]:
    return (Page.dossier_id == dossier_id) & (Page.status == PageStatus.ACTIVE)


def _active_in_document(document_id: int) -> ColumnElement[bool]:
    return (Page.document_id == document_id) & (Page.status == PageStatus.ACTIVE)


def active_pages(session: Session, dossier_id: int) -> list[Page]:
    """The dossier as it is now, in page order."""
    return list(session.execute(select(Page).where(_active_in_dossier(dossier_id)).order_by(Page.seq)).scalars())


def remember_facts(session: Session) -> None:
    """Let `active_facts` read each dossier's once in this session: for a unit of work that only reads, where
    nothing changes them under it."""
    session.info[_FACTS_MEMO] = {}


def active_facts(session: Session, dossier_id: int) -> list[PageFacts]:
    """PageFacts of each active page, in page order: plain columns, read once per reading unit of work."""
    memo: dict[int, list[PageFacts]] | None = session.info.get(_FACTS_MEMO)
    if memo is not None and dossier_id in memo:
        return memo[dossier_id]
    facts = [PageFacts(*row) for row in active_columns(session, dossier_id, _FACT_COLUMNS)]
    if memo is not None:
        memo[dossier_id] = facts
    return facts


def active_columns(session: Session, dossier_id: int,
                   columns: tuple[InstrumentedAttribute[Any], ...]) -> list[Row[Any]]:
    """`columns` of each active page, in page order, as plain rows (attributes named as the columns): for a screen's
    read of thousands of pages, where building a Page object each would cost more than the rest of the read."""
    return list(session.execute(select(*columns).where(_active_in_dossier(dossier_id)).order_by(Page.seq)))


def active_page(session: Session, dossier_id: int, seq: int) -> Page | None:
    """Page number `seq` of the dossier as it is now."""
    return session.execute(select(Page).where(_active_in_dossier(dossier_id), Page.seq == seq)).scalar_one_or_none()


def active_hashes(session: Session, dossier_id: int) -> list[str]:
    """The SHA-256 of each active page, in page order (what a supervisor approves)."""
    return list(session.execute(select(Page.sha256).where(_active_in_dossier(dossier_id)).order_by(Page.seq))
                .scalars())


def held_images(session: Session, dossier_id: int) -> set[str]:
    """The SHA-256 of each active page and of every image it was made from (turned, cut from a scanner's image)."""
    rows = session.execute(select(Page.sha256, Page.derived_from_id).where(_active_in_dossier(dossier_id))).all()
    held = {sha for sha, _ in rows}
    sources = {source for _, source in rows if source is not None}
    while sources:
        rows = session.execute(select(Page.sha256, Page.derived_from_id).where(Page.id.in_(sources))).all()
        held.update(sha for sha, _ in rows)
        sources = {source for _, source in rows if source is not None}
    return held


def active_placement(session: Session, dossier_id: int) -> list[tuple[int, int, str, str]]:
    """(seq, sheet, side, sha256) of each active page, in page order: what the audit state digests after every
    commit, read as plain columns because capture commits once a page."""
    return [tuple(row) for row in session.execute(  # type: ignore[misc]
        select(Page.seq, Page.sheet, Page.side, Page.sha256).where(_active_in_dossier(dossier_id)).order_by(Page.seq))]


def last_seq(session: Session, dossier_id: int) -> int:
    """The number of the dossier's last page (0 when it has none)."""
    return int(session.execute(select(func.max(Page.seq)).where(_active_in_dossier(dossier_id))).scalar() or 0)


def sheet_of(session: Session, dossier_id: int, seq: int) -> int | None:
    """The sheet page `seq` is on (None when there is no such page)."""
    return session.execute(select(Page.sheet).where(_active_in_dossier(dossier_id), Page.seq == seq)).scalar()


def make_room(session: Session, dossier_id: int, seq: int, new_sheet: bool) -> None:
    """Move page `seq` and every later page on by one place (and one sheet when a new sheet goes in)."""
    session.execute(update(Page).where(_active_in_dossier(dossier_id), Page.seq >= seq).values(
        seq=Page.seq + 1, sheet=Page.sheet + (1 if new_sheet else 0)))


def sheets_captured(session: Session, dossier_id: int) -> int:
    """Distinct physical sheets among the dossier's active pages."""
    return int(session.execute(select(func.count(func.distinct(Page.sheet)))
                               .where(_active_in_dossier(dossier_id))).scalar_one())


def document_pages(session: Session, document_id: int) -> list[Page]:
    """A document's active pages, in page order."""
    return list(session.execute(select(Page).where(_active_in_document(document_id)).order_by(Page.seq)).scalars())


def document_page_count(session: Session, document_id: int) -> int:
    return int(session.execute(select(func.count()).select_from(Page).where(_active_in_document(document_id)))
               .scalar_one())


def document_first_seq(session: Session, document_id: int) -> int | None:
    """Where a document starts (None when it has no active page left)."""
    return session.execute(select(func.min(Page.seq)).where(_active_in_document(document_id))).scalar()
