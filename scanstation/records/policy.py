"""The records policy (resources/records.toml): binder capacity, hold and batch periods, copy purposes
(who may do what is in permissions.toml)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from scanstation.core.policy import policy_file, typed_table


@dataclass(frozen=True)
class RecordsPolicy:
    binder_capacity_sheets: int
    hold_months: int
    batch_interval_months: int
    spine_width_mm: float
    spine_height_mm: float
    copy_purposes: Mapping[str, Mapping[str, Any]]


@lru_cache(maxsize=1)
def records_policy() -> RecordsPolicy:
    """The records policy, read once per process."""
    return typed_table(RecordsPolicy, policy_file("records.toml"), "records.toml")
