"""Keeping a C library's noise off the user's terminal.

zbar writes `WARNING: ... Assertion "seg->finder >= 0" failed.` (and a detail line) straight to file descriptor 2 on
some pages, hundreds of lines a page, where Python's `sys.stderr` never sees it. While any thread is inside
`held_back()`, descriptor 2 points at a temporary file; when the last one leaves, the descriptor is restored and
whatever else arrived in the meantime (a Python warning from another thread) is written to the real stderr, so
nothing but the noise is lost: it is only delayed.
"""

from __future__ import annotations

import os
import re
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager

# A zbar diagnostic: its first line, then detail lines indented by a tab.
NOISE = re.compile(r"^WARNING: .*zbar.*\n(?:\t.*\n?)*", re.MULTILINE)

_LOCK = threading.Lock()
_state: dict[str, int] = {"depth": 0}


def _enter() -> None:
    with _LOCK:
        if _state["depth"] == 0:
            capture = tempfile.TemporaryFile()
            _state["saved"] = os.dup(2)
            _state["capture"] = os.dup(capture.fileno())
            capture.close()
            os.dup2(_state["capture"], 2)
        _state["depth"] += 1


def _leave() -> None:
    with _LOCK:
        _state["depth"] -= 1
        if _state["depth"]:
            return
        saved, capture = _state.pop("saved"), _state.pop("capture")
        os.dup2(saved, 2)
        os.close(saved)
        os.lseek(capture, 0, os.SEEK_SET)
        with os.fdopen(capture, "rb") as fh:
            text = fh.read().decode("utf-8", "replace")
    rest = NOISE.sub("", text)
    if rest:
        os.write(2, rest.encode("utf-8"))


@contextmanager
def held_back() -> Iterator[None]:
    """Run the block with the C libraries' stderr set aside and their diagnostics dropped."""
    _enter()
    try:
        yield
    finally:
        _leave()
