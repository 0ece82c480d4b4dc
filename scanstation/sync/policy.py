"""The outbox's retry and lease policy (resources/upload.toml), read once through core.policy."""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import timedelta
from functools import lru_cache

from scanstation.core.policy import policy_file, typed_table


@dataclass(frozen=True)
class UploadPolicy:
    max_attempts: int
    backoff_base_seconds: float
    backoff_max_seconds: float
    jitter: float
    lease_minutes: float
    check_interval_hours: float
    poll_seconds: float
    parallel_uploads: int
    window_parallel_uploads: int
    outbox_keep_days: float
    outbox_orphan_grace_hours: float
    chain_head_note_hours: float
    upkeep_minutes: float
    connect_timeout_seconds: float
    floor_bytes_per_second: float
    min_read_timeout_seconds: float
    store_timeouts_to_stop: int

    def in_window(self) -> UploadPolicy:
        """The policy for the window's own worker: fewer files in flight, so the window's thread waits less."""
        return replace(self, parallel_uploads=self.window_parallel_uploads)

    def timeouts(self, size: int, block: int) -> tuple[float, float]:
        """(connect, read) seconds for a request carrying or fetching `size` bytes sent in `block`-byte writes:
        urllib3 hands the body over under the connect timeout, one write at a time, and the store may answer only
        once it has stored the whole file; a store slower than the floor speed is taken as not answering."""
        floor = self.floor_bytes_per_second
        return max(self.connect_timeout_seconds, block / floor), max(self.min_read_timeout_seconds, size / floor)

    def backoff(self, attempts: int, rnd: random.Random | None = None) -> timedelta:
        """Wait before the next try after `attempts` failed ones: exponential, capped, with jitter."""
        ceiling = min(self.backoff_max_seconds, self.backoff_base_seconds * 2 ** max(attempts - 1, 0))
        factor = 1 - self.jitter * (rnd or random).random()
        return timedelta(seconds=ceiling * factor)


@lru_cache(maxsize=1)
def load_policy() -> UploadPolicy:
    """The upload policy: every key of upload.toml must be there, no defaults in code."""
    return typed_table(UploadPolicy, policy_file("upload.toml"), "upload.toml")
