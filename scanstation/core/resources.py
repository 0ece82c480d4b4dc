"""Where the policy data and bundled assets are found: `scanstation/resources/`, shipped inside the package.

They are located through importlib.resources, so an installed wheel finds them as well as a source checkout;
`SCANSTATION_RESOURCES` names another folder (a branch's own policy files) instead.
"""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path


def resources_dir() -> Path:
    """The resources folder. Fonts and the SANE configuration are handed to C libraries by path, so this is a real
    folder: the package is installed unzipped (a wheel always is)."""
    override = os.environ.get("SCANSTATION_RESOURCES")
    if override:
        return Path(override)
    return Path(str(files("scanstation").joinpath("resources")))


def resource(*parts: str) -> Path:
    """Path to one file under the resources folder."""
    return resources_dir().joinpath(*parts)
