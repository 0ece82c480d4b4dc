"""One cancel token and one progress-reporter protocol for every long job (capture now, uploads and reports next).

A job takes a `CancelToken` it polls between items, and a `ProgressReporter` it tells about each item done (or a
`Tally` as each of a known number of items starts); `Pace` turns items into items a minute. The window passes a
`CancelFlag` its Stop button sets, the CLI passes none. Nothing here knows about Qt or SANE.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Protocol, TypeVar

Item = TypeVar("Item", contravariant=True)


class CancelToken(Protocol):
    """Asked between items of a long job; once set, the job stops at the next safe point."""

    def is_set(self) -> bool: ...


class CancelFlag:
    """The token a caller sets from another thread (a Stop button, a signal handler)."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def set(self) -> None:
        self._event.set()

    def is_set(self) -> bool:
        return self._event.is_set()


class ProgressReporter(Protocol[Item]):
    """Called once per item a long job has finished (a captured page, an uploaded document)."""

    def __call__(self, item: Item, /) -> None: ...


@dataclass(frozen=True)
class Tally:
    """Where a job of known size stands: item `number` (from 1) of `total`, named `name`, is under way (a file of an
    import); the job's own end says it is done."""

    number: int
    total: int
    name: str = ""


class Pace:
    """Items a minute (a feeder batch's pages), measured from the first item on, so the scanner's warm-up before
    the first page does not count; the clock is the caller's (seconds)."""

    def __init__(self) -> None:
        self.count = 0
        self._first: float | None = None
        self._last = 0.0

    def tick(self, now: float) -> None:
        """One more item, done at `now`."""
        self.count += 1
        self._first = now if self._first is None else self._first
        self._last = now

    def per_minute(self) -> float | None:
        """None until two items give an interval to measure."""
        if self._first is None or self.count < 2 or self._last <= self._first:
            return None
        return (self.count - 1) * 60 / (self._last - self._first)
