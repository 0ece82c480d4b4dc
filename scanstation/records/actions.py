"""What may this user do at the counter and in the records office now, and if not, why (services/actions.py's answer
for the Part 2 screens, asked of the very checks the records use cases run)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from scanstation.core.models import DestructionBatch, Dossier
from scanstation.core.uow import UnitOfWork
from scanstation.records import destruction
from scanstation.records.intake_rules import require_intake_allowed, require_out_of_turn_offer
from scanstation.services.actions import NO_DOSSIER, Action, ask
from scanstation.services.lookup import dossier_by_barcode

# The records officer's actions, which need no dossier: the window's key and the action of permissions.toml.
RECORDS_ACTIONS: dict[str, str] = {
    "plan": "destruction.plan",                               # destruction.plan
    "approve_batch": "destruction.approve",                   # destruction.approve
    "execute": "destruction.execute",                         # destruction.execute
    "hold": "hold.place",                                     # holds.add_hold|release_hold
    "hand_over": "original.hand_over",                        # register.hand_over
}
# The actions on the destruction batch chosen in the batches table.
BATCH_ACTIONS: dict[str, Callable[[UnitOfWork, DestructionBatch], object]] = {
    "approve_batch": destruction.require_approvable,          # destruction.approve
    "execute": destruction.require_executable,                # destruction.execute
}
NO_BATCH = "نخست دسته امحایی را در جدول «دسته‌ها و صورتجلسه‌ها» انتخاب کنید."
# The counter's actions on the dossier chosen in the queue.
INTAKE_ACTIONS: dict[str, Callable[[UnitOfWork, Dossier], object]] = {
    "intake": require_intake_allowed,                         # intake.intake
    "intake_out_of_turn": require_out_of_turn_offer,          # intake.put_in_queue_out_of_turn
}


def records_actions(uow: UnitOfWork) -> dict[str, Action]:
    """Every action of RECORDS_ACTIONS as this unit of work's actor may do it now."""
    with uow.reading():
        return {key: ask(partial(uow.require_to, action)) for key, action in RECORDS_ACTIONS.items()}


def intake_actions(uow: UnitOfWork, barcode: str | None) -> dict[str, Action]:
    """Every action of INTAKE_ACTIONS on the dossier `barcode` (none chosen: each refused, saying so)."""
    if barcode is None:
        return {key: Action(False, NO_DOSSIER) for key in INTAKE_ACTIONS}
    with uow.reading():
        dossier = dossier_by_barcode(uow.session, barcode)
        return {key: ask(partial(check, uow, dossier)) for key, check in INTAKE_ACTIONS.items()}


def batch_actions(uow: UnitOfWork, number: int | None) -> dict[str, Action]:
    """Every action of BATCH_ACTIONS on the batch `number` (none chosen: each refused, saying so)."""
    if number is None:
        return {key: Action(False, NO_BATCH) for key in BATCH_ACTIONS}
    with uow.reading():
        batch = destruction.batch_by_number(uow.session, number)
        return {key: ask(partial(check, uow, batch)) for key, check in BATCH_ACTIONS.items()}
