"""Fixtures for the Part 2 tests: a records policy of the test's own (binder capacity as data, not code)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from scanstation.core.policy import policy_file
from scanstation.core.resources import resources_dir
from scanstation.indexing.taxonomy import load_taxonomy
from scanstation.records.policy import records_policy


def _clear() -> None:
    for cached in (policy_file, records_policy, load_taxonomy):
        cached.cache_clear()


@pytest.fixture
def records_toml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., None]]:
    """`records_toml(binder_capacity_sheets=3)`: the shipped resources with those keys of records.toml changed."""
    shipped = resources_dir()
    folder = tmp_path / "resources"
    folder.mkdir()
    for entry in shipped.iterdir():
        (folder / entry.name).symlink_to(entry)

    def change(**values: object) -> None:
        text = (shipped / "records.toml").read_text(encoding="utf-8")
        lines = [f"{line.split('=')[0].strip()} = {values[line.split('=')[0].strip()]!r}"
                 if line.split("=")[0].strip() in values else line for line in text.splitlines()]
        target = folder / "records.toml"
        target.unlink()
        target.write_text("\n".join(lines) + "\n", encoding="utf-8")
        monkeypatch.setenv("SCANSTATION_RESOURCES", str(folder))
        _clear()

    yield change
    monkeypatch.delenv("SCANSTATION_RESOURCES", raising=False)
    _clear()
