"""What the command-line tests share: a process environment on a fresh database, and a runner for the command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

EXE = [sys.executable, "-m", "scanstation"]


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    e = dict(os.environ)
    e.update(SCANSTATION_DATA=str(tmp_path / "data"), SCANSTATION_CONFIG=str(tmp_path / "none.toml"),
             SCANSTATION_DB=f"sqlite:///{tmp_path / 'db.sqlite'}")
    e.pop("SCANSTATION_PASSWORD", None)
    return e


def run(env: dict[str, str], *args: str, password: str | None = None, stdin: str | None = None
        ) -> subprocess.CompletedProcess[str]:
    e = dict(env)
    if password is not None:
        e["SCANSTATION_PASSWORD"] = password
    return subprocess.run([*EXE, *args], env=e, capture_output=True, text=True, input=stdin, timeout=120)
