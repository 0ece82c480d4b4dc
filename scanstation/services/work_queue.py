"""The work queue (issue 21): every dossier still in work, out of turn first, then oldest, counted and paged in SQL.

Its first screen reads only the partial index `ix_dossier_in_work` (dossiers whose two tracks are not both done,
core/models/dossier.py IN_WORK), so it costs the same after a year or a decade of finished files. Pages follow each
other by keyset (the last row's out-of-turn flag, creation time and id: the `next` cursor), never by OFFSET, so the
thousandth page is as quick as the first and a dossier finished meanwhile shifts nothing.

A search (services/dossier_search.py) looks at every dossier, finished ones too: a clerk looking a person up wants
the file whatever its state. A whole identifier names its dossier whatever the step filter; a name or part of one
is narrowed by the step filter when one is chosen. The window and `scanstation queue` both call `work_queue`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, select, text, tuple_
from sqlalchemy.orm import Session

from scanstation.core.digits import to_persian
from scanstation.core.errors import InvalidInput
from scanstation.core.quoting import quoted
from scanstation.core.models import Dossier
from scanstation.core.models.dossier import IN_WORK
from scanstation.core.policy import input_limits
from scanstation.core.uow import UnitOfWork
from scanstation.core.workflow import ELECTRONIC, PHYSICAL, STEP_BY_NUMBER, state_code, state_title
from scanstation.services import dossier_search
from scanstation.services.queries import require_reader
from scanstation.services.steps import progress_from


@dataclass(frozen=True)
class QueueRow:
    barcode: str
    name: str
    insured_number: str
    national_id: str
    shelf: str
    out_of_turn: bool
    out_of_turn_reason: str | None
    state: str
    state_title: str
    next_steps: tuple[int, ...]
    created_at: datetime
    tracked_document: int | None = None  # the document whose tracking code was searched for

    @property
    def next_step(self) -> int | None:
        """The step the file moves on to (not the rescan that steps 5 and 6 also allow); after step 7 the paper
        track's while it runs, then the upload's; None when both tracks are done."""
        onward = [n for n in self.next_steps if n != 5] or list(self.next_steps)
        return onward[0] if onward else None

    def to_json(self) -> dict[str, Any]:
        return {"barcode": self.barcode, "name": self.name, "national_id": self.national_id,
                "insured_number": self.insured_number, "state": self.state, "next_step": self.next_step,
                "next_steps": list(self.next_steps), "out_of_turn": self.out_of_turn}


@dataclass(frozen=True)
class QueuePage:
    """`total` dossiers match; `rows` are this page of them; `next` asks for the page after it (None: the last)."""

    total: int
    rows: list[QueueRow]
    next: str | None

    def to_json(self) -> dict[str, Any]:
        return {"total": self.total, "rows": [row.to_json() for row in self.rows], "next": self.next}


def ready_for(number: int) -> ColumnElement[bool]:
    """SQL for "step `number` is among the dossier's next steps", exactly as core/workflow.py Progress.next_steps
    says it (tests/services/test_work_queue.py holds the two side by side)."""
    if number <= 7:  # more scanning is allowed from preparation until the supervisor approves
        return Dossier.step.between(4, 6) if number == 5 else Dossier.step == number - 1
    first = PHYSICAL[0] if number in PHYSICAL else ELECTRONIC[0]
    track = Dossier.physical_step if number in PHYSICAL else Dossier.electronic_step
    reached = track < first if number == first else track == number - 1
    return and_(Dossier.step == 7, reached)


_IN_WORK = text(f"({IN_WORK})")  # word for word as the partial index says it (see core/models/dossier.py)
_COLUMNS = (Dossier.id, Dossier.barcode, Dossier.name, Dossier.insured_number, Dossier.national_id, Dossier.shelf,
            Dossier.out_of_turn, Dossier.out_of_turn_reason, Dossier.step, Dossier.physical_step,
            Dossier.electronic_step, Dossier.rejected_reason, Dossier.created_at)
_CURSOR = re.compile(r"([01])\.(\d{1,18})\.(\d{1,18})")
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


@dataclass(frozen=True)
class _Cursor:
    out_of_turn: bool
    created_at: datetime
    id: int

    @classmethod
    def parse(cls, typed: str) -> _Cursor:
        match = _CURSOR.fullmatch(typed.strip())
        if not match:
            raise InvalidInput(f"{quoted(typed)} نشانگر صفحه بعد صف کار نیست؛ مقدار next پاسخ قبلی را بدهید.")
        return cls(match[1] == "1", _EPOCH + timedelta(microseconds=int(match[2])), int(match[3]))

    def text(self) -> str:
        micros = (self.created_at - _EPOCH) // timedelta(microseconds=1)
        return f"{int(self.out_of_turn)}.{micros}.{self.id}"


def work_queue(uow: UnitOfWork, search: str = "", step: int | None = None, limit: int | None = None,
               after: str | None = None) -> QueuePage:
    """One page of the queue: dossiers in work (or those `search` names, see the module's text) whose next steps
    include `step`, out of turn first, then oldest; `after` is the `next` of the page before."""
    limits = input_limits()
    limit = limits.queue_page_rows if limit is None else limit
    if not 1 <= limit <= limits.queue_max_rows:
        raise InvalidInput(f"تعداد سطرهای صف کار باید میان ۱ و {to_persian(limits.queue_max_rows)} باشد.")
    if step is not None and step not in STEP_BY_NUMBER:
        raise InvalidInput(f"مرحله {to_persian(step)} وجود ندارد؛ مرحله‌ها ۱ تا ۱۲ هستند.")
    cursor = _Cursor.parse(after) if after else None
    with uow.reading():  # no write lock on SQLite, a read-only transaction on PostgreSQL
        require_reader(uow)
        session = uow.session
        tracked = None
        if search.strip():
            match = dossier_search.find(session, search)
            where = match.where if match.exact or step is None else and_(match.where, ready_for(step))
            tracked = match.tracked
        else:
            where = and_(_IN_WORK, ready_for(step)) if step is not None else _IN_WORK
        total = session.execute(select(func.count()).select_from(Dossier).where(where)).scalar_one()
        found = _keyset(session, where, cursor, limit + 1)
        rows = [_row(values, tracked) for values in found[:limit]]
        last = found[limit - 1] if len(found) > limit else None
        return QueuePage(total, rows, _Cursor(last.out_of_turn, last.created_at, last.id).text() if last else None)


def _keyset(session: Session, where: ColumnElement[bool], cursor: _Cursor | None, wanted: int) -> list[Any]:
    """Up to `wanted` rows after `cursor`: the out-of-turn part, then the rest, each in (created_at, id) order, so
    each part is one range of the index with its flag fixed."""
    rows: list[Any] = []
    for urgent in (True, False):
        if cursor is not None and urgent and not cursor.out_of_turn:
            continue  # the cursor is already past the out-of-turn part
        query: Select[Any] = select(*_COLUMNS).where(where, Dossier.out_of_turn == urgent)
        if cursor is not None and cursor.out_of_turn == urgent:
            query = query.where(tuple_(Dossier.created_at, Dossier.id) > tuple_(cursor.created_at, cursor.id))
        rows += session.execute(query.order_by(Dossier.created_at, Dossier.id).limit(wanted - len(rows))).all()
        if len(rows) >= wanted:
            break
    return rows


def _row(values: Any, tracked: tuple[int, int | None] | None) -> QueueRow:
    p = progress_from(values.step, values.physical_step, values.electronic_step, values.rejected_reason)
    named = tracked is not None and values.id == tracked[0]
    return QueueRow(values.barcode, values.name, values.insured_number, values.national_id, values.shelf,
                    values.out_of_turn, values.out_of_turn_reason, state_code(p), state_title(p, values.rejected_reason),
                    tuple(p.next_steps()), values.created_at, tracked[1] if named and tracked else None)
