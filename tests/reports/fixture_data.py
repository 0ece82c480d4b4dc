"""A small branch history written at known moments, so each report can be checked against a hand count."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from scanstation.bootstrap import App
from scanstation.core.models import CaptureBatch, Dossier, Page, StepRecord
from scanstation.core.workflow import STEP_BY_NUMBER
from scanstation.services import setup
from tests.builders import BRANCH, CLERK, CLERK2, SUPERVISOR, staff, tiny_image

# 1404/01/10 08:00 Tehran = 2025-03-30 04:30 UTC
T0 = datetime(2025, 3, 30, 4, 30, tzinfo=timezone.utc)


@dataclass(frozen=True)
class Story:
    """One dossier: its operator, whether out of turn, and the minutes each step took after the one before."""

    operator: str
    out_of_turn: bool
    minutes: dict[int, float]  # step -> minutes after the previous step's end (step 1: after creation)
    pages: int = 3
    flagged: tuple[str, ...] = ()


STORIES = [
    Story(CLERK, False, {1: 5, 2: 10, 3: 4, 4: 20, 5: 30, 6: 12, 7: 60}, pages=4, flagged=("blur", "skew")),
    Story(CLERK, False, {1: 7, 2: 14, 3: 2, 4: 10, 5: 50, 6: 8}, pages=2, flagged=("blank",)),
    Story(CLERK2, True, {1: 1, 2: 6, 3: 3, 4: 15, 5: 20}, pages=5, flagged=("blur",)),
    Story(CLERK2, False, {1: 9, 2: 8}),
]


def write_history(app: App) -> None:
    """The stories as rows, each dossier starting an hour after the one before (its own creation)."""
    staff(app)
    with app.uow(setup.CONSOLE) as uow:
        from scanstation.core.models import Branch
        from sqlalchemy import select

        branch = uow.session.execute(select(Branch).where(Branch.code == BRANCH)).scalar_one()
        for n, story in enumerate(STORIES):
            created = T0 + timedelta(hours=n)
            dossier = Dossier(branch_id=branch.id, barcode=f"SS-{BRANCH}-1404-{n:06d}", insured_number=f"10000000{n:02d}",
                              national_id="0012345679", name=f"n{n}", shelf="R1", out_of_turn=story.out_of_turn,
                              step=max(story.minutes), created_at=created)
            uow.session.add(dossier)
            uow.session.flush()
            at = created
            for step, minutes in sorted(story.minutes.items()):
                began, at = at, at + timedelta(minutes=minutes)
                actor = SUPERVISOR if step == 7 else story.operator
                uow.session.add(StepRecord(dossier_id=dossier.id, step=step, action=STEP_BY_NUMBER[step].code,
                                           actor=actor, workstation="ws", at=at, began_at=began,
                                           values_json="{}"))
                if step == 5:
                    batch = CaptureBatch(dossier_id=dossier.id, kind="scan", actor=story.operator,
                                         started_at=at - timedelta(minutes=minutes), finished_at=at,
                                         status="done", pages=story.pages)
                    uow.session.add(batch)
                    uow.session.flush()
                    for seq in range(1, story.pages + 1):
                        reasons = [story.flagged[seq - 1]] if seq <= len(story.flagged) else []
                        page = Page.captured(dossier_id=dossier.id, batch_id=batch.id, seq=seq, sheet=seq,
                                             side="front", image=app.pages.put(tiny_image(dossier.barcode, seq)),
                                             dpi=300, origin=None, qc_reasons=reasons, qc_metrics={}, barcodes=[],
                                             actor=story.operator)
                        page.created_at = at
                        uow.session.add(page)
        uow.commit()
