"""Policy files: read once, typed, read-only, and a typo in them refused."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from scanstation.core.errors import InvalidInput
from scanstation.core.policy import capture_limits, lockout_policy, policy_file, typed_table


def test_lockout_policy_is_data() -> None:
    policy = lockout_policy()
    assert (policy.max_failures, policy.lock_minutes) == (5, 15)
    assert policy_file("security.toml")["lockout"]["max_failures"] == policy.max_failures


def test_each_file_is_read_once_and_cannot_be_changed_by_a_caller() -> None:
    assert policy_file("labels.toml") is policy_file("labels.toml")
    assert capture_limits() is capture_limits()
    with pytest.raises(TypeError):
        policy_file("labels.toml")["dossier"]["width"] = 1  # type: ignore[index]


@dataclass(frozen=True)
class _Two:
    a: int
    b: int


def test_a_misspelt_or_missing_key_is_refused() -> None:
    assert typed_table(_Two, {"a": 1, "b": 2}, "x.toml") == _Two(1, 2)
    with pytest.raises(InvalidInput, match="ناشناخته \\['c'\\] و کلیدهای جاافتاده \\['b'\\]"):
        typed_table(_Two, {"a": 1, "c": 2}, "x.toml")


def test_a_missing_policy_file_is_one_sentence(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("SCANSTATION_RESOURCES", str(tmp_path))
    with pytest.raises(InvalidInput, match="not-there.toml"):
        policy_file("not-there.toml")
