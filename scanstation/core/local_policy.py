"""A tiny cached reader for the policy files this layer needs (resources/*.toml).

Kept local and small on purpose: a general policy loader may replace it; callers only use `policy(name)`."""

from __future__ import annotations

import tomllib
from functools import cache
from typing import Any

from scanstation.core.resources import resource


@cache
def policy(name: str) -> dict[str, Any]:
    """The parsed contents of resources/`name` (read once per process)."""
    with resource(name).open("rb") as fh:
        return tomllib.load(fh)
