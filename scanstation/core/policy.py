"""Policy files (TOML in the resources folder), each read once per process.

Every policy file has one typed loader, cached: the loaders of the domain modules (`capture.qc.load_thresholds`,
`indexing.taxonomy.load_taxonomy`, `capture.sane_scanner.load_profiles`) and the ones here for the policy that
`core` and several layers share. Changing a policy file takes effect at the next start of the program.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields
from functools import lru_cache
from types import MappingProxyType
from typing import Any, TypeVar

from scanstation.core.errors import InvalidInput
from scanstation.core.resources import resource, resources_dir

T = TypeVar("T")


def _frozen(value: Any) -> Any:
    """Tables become read-only mappings, so a caller cannot change the cached policy for everyone else."""
    if isinstance(value, dict):
        return MappingProxyType({k: _frozen(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(_frozen(v) for v in value)
    return value


@lru_cache(maxsize=None)
def policy_file(name: str) -> Mapping[str, Any]:
    """The parsed contents of one policy file, read-only and read once."""
    try:
        with resource(name).open("rb") as fh:
            return _frozen(tomllib.load(fh))
    except FileNotFoundError:
        raise InvalidInput(f"پرونده سیاست «{name}» در پوشه «{resources_dir()}» نیست؛ آن را برگردانید یا "
                           "SCANSTATION_RESOURCES را درست کنید.") from None
    except tomllib.TOMLDecodeError as exc:
        raise InvalidInput(f"پرونده سیاست «{name}» خوانا نیست ({exc})؛ آن را درست کنید.") from None


def typed_table(cls: type[T], data: Mapping[str, Any], where: str) -> T:
    """A frozen dataclass from a TOML table that must hold exactly its fields: a misspelt or missing key is refused
    at start-up instead of silently falling back to a value in code."""
    names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
    unknown, missing = set(data) - names, names - set(data)
    if unknown or missing:
        raise InvalidInput(f"در «{where}» کلیدهای ناشناخته {sorted(unknown)} و کلیدهای جاافتاده {sorted(missing)} "
                           "هست؛ آن را با نمونه همراه برنامه درست کنید.")
    return cls(**data)


@dataclass(frozen=True)
class LockoutPolicy:
    """How many wrong passwords in a row lock an account, and for how long (resources/security.toml)."""

    max_failures: int
    lock_minutes: int


@lru_cache(maxsize=1)
def lockout_policy() -> LockoutPolicy:
    """The login lockout rule."""
    return typed_table(LockoutPolicy, policy_file("security.toml")["lockout"], "security.toml [lockout]")


@dataclass(frozen=True)
class CaptureLimits:
    """What capture accepts from files and how long it waits on a silent scanner (resources/capture_limits.toml)."""

    max_pixels: int
    max_file_megabytes: int
    pdf_dpi: int
    scanner_stall_seconds: float
    stale_batch_minutes: float


@lru_cache(maxsize=1)
def capture_limits() -> CaptureLimits:
    """The capture limits."""
    return typed_table(CaptureLimits, policy_file("capture_limits.toml"), "capture_limits.toml")


@dataclass(frozen=True)
class InputLimits:
    """The longest free text a clerk may type, in characters, and the work queue's search and paging sizes
    (resources/input_limits.toml)."""

    name_max_chars: int
    shelf_max_chars: int
    reason_max_chars: int
    search_min_chars: int
    queue_page_rows: int
    queue_max_rows: int
    quote_max_chars: int


@lru_cache(maxsize=1)
def input_limits() -> InputLimits:
    """The free-text limits."""
    return typed_table(InputLimits, policy_file("input_limits.toml"), "input_limits.toml")


@dataclass(frozen=True)
class ReviewPolicy:
    """The supervisor's review at step 7 (resources/review.toml)."""

    require_every_page_seen: bool


@lru_cache(maxsize=1)
def review_policy() -> ReviewPolicy:
    """The step-7 review rule."""
    return typed_table(ReviewPolicy, policy_file("review.toml"), "review.toml")
