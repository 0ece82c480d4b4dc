"""Where the policy data and bundled assets (`resources/` at the project root) are found."""

from __future__ import annotations

import os
from pathlib import Path


def resources_dir() -> Path:
    """The `resources/` folder; `SCANSTATION_RESOURCES` overrides it for packaged installs."""
    override = os.environ.get("SCANSTATION_RESOURCES")
    if override:
        return Path(override)
    return Path(__file__).resolve().parents[2] / "resources"


def resource(*parts: str) -> Path:
    """Path to one file under `resources/`."""
    return resources_dir().joinpath(*parts)
