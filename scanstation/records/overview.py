"""What the records officer's screen shows at a glance: originals held for collection and their age, the binders
and their fill, the next batch and whether it is due, batches waiting for approval, and past batches' minutes."""

from __future__ import annotations

from dataclasses import dataclass

import jdatetime
from sqlalchemy import select

from scanstation.core.jalali import tehran_date, tehran_today
from scanstation.core.models import Original
from scanstation.core.uow import UnitOfWork
from scanstation.records import destruction, register
from scanstation.records.batches import BatchView
from scanstation.records.policy import records_policy
from scanstation.services.queries import require_reader


@dataclass(frozen=True)
class HeldItem:
    row: register.RegisterRow
    since: str  # Jalali day of intake, Latin digits
    age_days: int


@dataclass(frozen=True)
class Overview:
    held: tuple[HeldItem, ...]
    binders: tuple[register.BinderView, ...]
    schedule: destruction.Schedule
    waiting: tuple[BatchView, ...]  # planned, waiting for the second person's approval
    approved: tuple[BatchView, ...]  # approved, waiting to be executed
    executed: tuple[BatchView, ...]


def held_items(uow: UnitOfWork, today: jdatetime.date) -> list[HeldItem]:
    """Originals the branch holds for someone to collect (returns not yet handed back, correspondence), oldest
    first."""
    with uow.reading():
        require_reader(uow)
        rows = uow.session.execute(select(Original).where(Original.status == "held").order_by(Original.at)).scalars()
        return [HeldItem(register.row_of(uow.session, o, today.togregorian()),
                         tehran_date(o.at).strftime("%Y/%m/%d"), (today - tehran_date(o.at)).days) for o in rows]


def overview(uow: UnitOfWork, today: jdatetime.date | None = None) -> Overview:
    """Everything on the records officer's screen, read for `today` (default: today in Tehran)."""
    day = today or tehran_today()
    records_policy()  # a broken policy file is one sentence before anything is read
    batches = destruction.batches(uow)
    return Overview(tuple(held_items(uow, day)), tuple(register.binders(uow)), destruction.schedule(uow, day),
                    tuple(b for b in batches if b.state == "planned"),
                    tuple(b for b in batches if b.state == "approved"),
                    tuple(b for b in batches if b.state == "executed"))
