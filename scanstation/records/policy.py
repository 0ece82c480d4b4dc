"""The records policy (resources/records.toml): binder capacity, hold and batch periods, who may do what."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from scanstation.core.policy import policy_file, typed_table
from scanstation.core.roles import Role
from scanstation.core.uow import UnitOfWork


@dataclass(frozen=True)
class RecordsPolicy:
    binder_capacity_sheets: int
    hold_months: int
    batch_interval_months: int
    planner_roles: tuple[str, ...]
    approver_roles: tuple[str, ...]
    print_roles: tuple[str, ...]
    spine_width_mm: float
    spine_height_mm: float
    copy_purposes: Mapping[str, Mapping[str, Any]]

    def roles(self, key: str) -> tuple[Role, ...]:
        """`planner`, `approver` or `print`: the roles of that list, as Role values."""
        return tuple(Role(code) for code in getattr(self, f"{key}_roles"))


@lru_cache(maxsize=1)
def records_policy() -> RecordsPolicy:
    """The records policy, read once per process."""
    return typed_table(RecordsPolicy, policy_file("records.toml"), "records.toml")


def require_planner(uow: UnitOfWork) -> None:
    """Refuse planning or executing a destruction batch to anyone but the documents-and-papers officer."""
    uow.require(*records_policy().roles("planner"))


def require_approver(uow: UnitOfWork) -> None:
    """Refuse approving a destruction batch to anyone but a supervisor or unit head (the second person)."""
    uow.require(*records_policy().roles("approver"))
