"""The outbox's retry and lease policy, read from resources/upload.toml."""

from __future__ import annotations

import random
import tomllib
from dataclasses import dataclass
from datetime import timedelta

from scanstation.core.resources import resource


@dataclass(frozen=True)
class UploadPolicy:
    max_attempts: int = 8
    backoff_base_seconds: float = 30
    backoff_max_seconds: float = 3600
    jitter: float = 0.5
    lease_minutes: float = 30
    check_interval_hours: float = 24
    poll_seconds: float = 30
    parallel_uploads: int = 3

    def backoff(self, attempts: int, rnd: random.Random | None = None) -> timedelta:
        """Wait before the next try after `attempts` failed ones: exponential, capped, with jitter."""
        ceiling = min(self.backoff_max_seconds, self.backoff_base_seconds * 2 ** max(attempts - 1, 0))
        factor = 1 - self.jitter * (rnd or random).random()
        return timedelta(seconds=ceiling * factor)


def load_policy() -> UploadPolicy:
    with resource("upload.toml").open("rb") as fh:
        return UploadPolicy(**tomllib.load(fh))
