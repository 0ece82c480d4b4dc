"""Service time agrees with a hand count of the step times the fixture wrote (SQLite and PostgreSQL)."""

from __future__ import annotations

import statistics

from scanstation.bootstrap import App
from scanstation.reports import service_time as st
from scanstation.reports.period import Period
from tests.builders import CLERK, CLERK2
from tests.reports.fixture_data import STORIES, write_history


def _nearest_rank_p90(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[-(-9 * len(ordered) // 10) - 1]


def test_each_step_by_hand(app: App) -> None:
    write_history(app)
    with app.session_factory() as session:
        rows = {r["step"]: r for r in st.service_time(session, Period.parse(None, None)).to_json()}
    for step in range(1, 8):
        times = [s.minutes[step] for s in STORIES if step in s.minutes]
        assert rows[step]["count"] == len(times)
        assert rows[step]["mean_minutes"] == round(statistics.mean(times), 2)
        assert rows[step]["median_minutes"] == round(statistics.median(times), 2)
        assert rows[step]["p90_minutes"] == round(_nearest_rank_p90(times), 2)
    assert 8 not in rows  # no dossier went back to the paper file


def test_by_user_and_turn(app: App) -> None:
    write_history(app)
    with app.session_factory() as session:
        by_user = st.service_time(session, Period.parse(None, None), by="user").to_json()
        by_turn = st.service_time(session, Period.parse(None, None), by="turn").to_json()
    scans = {r["user"]: r for r in by_user if r["step"] == 5}
    assert scans[CLERK]["mean_minutes"] == 40.0 and scans[CLERK]["count"] == 2
    assert scans[CLERK2]["mean_minutes"] == 20.0 and scans[CLERK2]["count"] == 1
    urgent = [r for r in by_turn if r["out_of_turn"] and r["step"] == 2]
    assert urgent == [{"out_of_turn": True, "step": 2, "title": urgent[0]["title"], "count": 1,
                       "mean_minutes": 6.0, "median_minutes": 6.0, "p90_minutes": 6.0}]


def test_a_range_keeps_only_steps_ended_in_it(app: App) -> None:
    write_history(app)
    # the fixture runs on 1404/01/10 (Tehran); the day after holds nothing
    with app.session_factory() as session:
        same_day = st.service_time(session, Period.parse("1404/01/10", "۱۴۰۴/۰۱/۱۰")).to_json()
        next_day = st.service_time(session, Period.parse("1404/01/11", "1404/01/11")).to_json()
    assert sum(r["count"] for r in same_day) == sum(len(s.minutes) for s in STORIES)
    assert next_day == []
