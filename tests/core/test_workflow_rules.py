"""The pure step-order rules of Directive Part 1."""

from __future__ import annotations

import pytest

from scanstation.core.errors import RecountMismatch, StepOutOfOrder
from scanstation.core.workflow import Progress, require_recount_matches, require_step_allowed, state_code


def test_common_path_is_strict() -> None:
    for done in range(1, 7):
        p = Progress(done)
        for step in range(1, 13):
            if step in p.next_steps():
                require_step_allowed(p, step)
            else:
                with pytest.raises(StepOutOfOrder):
                    require_step_allowed(p, step)


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
