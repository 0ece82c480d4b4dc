"""The pure step-order rules of Directive Part 1."""

from __future__ import annotations

import pytest

from scanstation.core.errors import RecountMismatch, StepOutOfOrder
from scanstation.core.workflow import Progress, require_recount_matches, require_step_allowed, state_code


# (step, physical_step, electronic_step) -> the steps Directive Part 1 allows next, written out by hand from the
# directive (not taken from next_steps()), so a rule that drifts fails here.
ALLOWED = {
    (0, 0, 0): {1},
    (1, 0, 0): {2},
    (2, 0, 0): {3},
    (3, 0, 0): {4},
    (4, 0, 0): {5},
    (5, 0, 0): {5, 6},  # more scanning is allowed until the supervisor approves
    (6, 0, 0): {5, 7},
    (7, 0, 0): {8, 11},  # after approval the two tracks run independently
    (7, 8, 0): {9, 11},
    (7, 9, 11): {10, 12},
    (7, 10, 0): {11},
    (7, 0, 12): {8},
    (7, 10, 12): set(),  # digitized: nothing left
}


@pytest.mark.parametrize("where", ALLOWED, ids=lambda w: "-".join(map(str, w)))
def test_each_step_is_allowed_exactly_when_the_directive_says(where: tuple[int, int, int]) -> None:
    progress = Progress(*where)
    assert set(progress.next_steps()) == ALLOWED[where]
    for step in range(1, 13):
        if step in ALLOWED[where]:
            require_step_allowed(progress, step)
        else:
            with pytest.raises(StepOutOfOrder):
                require_step_allowed(progress, step)


def test_after_verification_two_independent_tracks() -> None:
    assert Progress(7).next_steps() == [8, 11]
    assert Progress(7, physical_step=10).next_steps() == [11]
    assert Progress(7, electronic_step=12).next_steps() == [8]
    assert Progress(7, physical_step=9, electronic_step=11).next_steps() == [10, 12]
    assert state_code(Progress(7, 10, 12)) == "digitized"
    assert state_code(Progress(7, 10, 11)) == "verified"


def test_rescanning_allowed_until_approval() -> None:
    assert Progress(5).next_steps() == [5, 6]
    assert Progress(6).next_steps() == [5, 7]


def test_recount_rule_names_both_numbers() -> None:
    require_recount_matches(40, 3, 37)
    with pytest.raises(RecountMismatch) as err:
        require_recount_matches(40, 3, 36)
    assert "۳۶" in str(err.value) and "۳۷" in str(err.value)


def test_recount_must_also_match_the_sheets_captured() -> None:
    require_recount_matches(40, 3, 37, captured=37)
    with pytest.raises(RecountMismatch) as err:
        require_recount_matches(40, 3, 37, captured=35)
    assert "۳۵" in str(err.value) and "۳۷" in str(err.value)
