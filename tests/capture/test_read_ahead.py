"""read_ahead: the items in order, an error in its turn, and a caller that stops early never left waiting."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from scanstation.capture.pipeline import read_ahead


def numbers(fail_at: int | None = None) -> Iterator[int]:
    for n in range(5):
        if n == fail_at:
            raise ValueError(f"bad item {n}")
        yield n


def test_items_come_in_order() -> None:
    assert list(read_ahead(numbers())) == [0, 1, 2, 3, 4]


def test_an_error_arrives_after_the_items_before_it() -> None:
    seen = []
    with pytest.raises(ValueError, match="bad item 3"):
        for n in read_ahead(numbers(fail_at=3)):
            seen.append(n)
    assert seen == [0, 1, 2]


@pytest.mark.parametrize("items", [[0, 1, 2, 3, 4], [0, 1]], ids=["more to come", "only the end to come"])
def test_stopping_early_ends_the_helper_thread(items: list[int]) -> None:
    ahead = read_ahead(iter(items))
    assert next(ahead) == 0
    ahead.close()  # what a `break` or an exception in the caller's loop does
    assert not [t for t in threading.enumerate() if t.name == "read-ahead"]  # closing returned: nothing hangs
