"""One cancel token and one progress-reporter protocol for every long job (capture now, uploads and reports next).

A job takes a `CancelToken` it polls between items, and a `ProgressReporter` it tells about each item done; the
window passes a `CancelFlag` its Stop button sets, the CLI passes none. Nothing here knows about Qt or SANE.
"""

from __future__ import annotations

import threading
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
