"""Each step's count, mean, median and 90th percentile minutes over a range (service time by step), read the
cheapest way each database allows; the figures are those of stats.summary_sql over the same records.

A step counts once for each record of its own action (an approval of one document or a rejection is not the step
done) that ended in the range, from the moment it began (step_record.began_at). On a year of a busy branch that is
over a million records, and sorting them all by step and then by minutes was most of the report's time:

- PostgreSQL takes the steps one by one (a lateral join over the twelve), so each step's records come from the
  (step, at) index and only its own hundred thousand are sorted, by its percentile functions;
- SQLite has no percentile functions and its window functions copy every row of a partition aside before ranking it;
  its index ix_step_record_took keeps each step's records in order of the minutes they took, so after counting them
  the middle record and the one at nine tenths are read off that index (LIMIT 1 OFFSET k), with nothing sorted.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from scanstation.core.models.dossier import SQLITE_STEP_MINUTES
from scanstation.core.workflow import STEPS
from scanstation.reports.dialect import Dialect
from scanstation.reports.period import Period
from scanstation.reports.stats import summary_sql

_STEPS = ", ".join(f"({s.number}, '{s.code}')" for s in STEPS)
_IN_RANGE = "s.at >= :start AND s.at < :end AND s.began_at IS NOT NULL"


def step_summaries(session: Session, d: Dialect, period: Period) -> list[dict[str, Any]]:
    """One row per step done in `period`: `step`, `count`, `mean`, `median` and `p90` (minutes)."""
    if d.postgres:
        return _one_step_at_a_time(session, d, period)
    return _read_off_the_index(session, period)


def _one_step_at_a_time(session: Session, d: Dialect, period: Period) -> list[dict[str, Any]]:
    records = f"""SELECT {d.minutes("s.at", "s.began_at")} AS minutes FROM step_record s
                  WHERE s.step = k.step AND s.action = k.action AND {_IN_RANGE}"""
    sql = f"""SELECT k.step AS step, x.count, x.mean, x.median, x.p90
              FROM (VALUES {_STEPS}) AS k(step, action) CROSS JOIN LATERAL ({summary_sql(records, [], postgres=True)}) AS x
              WHERE x.count > 0 ORDER BY k.step"""
    return [dict(row) for row in session.execute(text(sql), period.bind(True)).mappings()]


def _read_off_the_index(session: Session, period: Period) -> list[dict[str, Any]]:
    bind = period.bind(False)
    minutes = f"({SQLITE_STEP_MINUTES})"  # NULL where the record has no beginning (one document approved)
    # Every column named is in the index, so neither query reads the table itself.
    in_range = f"at >= :start AND at < :end AND {minutes} IS NOT NULL"
    sizes = session.execute(text(f"""
        SELECT step, action, count(*) AS count, avg({minutes}) AS mean FROM step_record
        WHERE action = {_own_action("step")} AND {in_range} GROUP BY step, action ORDER BY step"""), bind).mappings()
    nth = text(f"""SELECT {minutes} FROM step_record INDEXED BY ix_step_record_took
                   WHERE step = :step AND action = :action AND {in_range} ORDER BY {minutes} LIMIT 1 OFFSET :rank - 1""")

    def at_rank(size: Any, rank: int) -> float:
        return float(session.execute(nth, {**bind, "step": size["step"], "action": size["action"], "rank": rank})
                     .scalar_one())

    rows = []
    for size in sizes.all():
        n = int(size["count"])  # the ranks stats.summary_sql takes: the middle two, and the nearest rank ceil(0.9 n)
        rows.append({"step": size["step"], "count": n, "mean": size["mean"],
                     "median": (at_rank(size, (n + 1) // 2) + at_rank(size, (n + 2) // 2)) / 2,
                     "p90": at_rank(size, (9 * n + 9) // 10)})
    return rows


def _own_action(step: str) -> str:
    """The action that completes each step, as SQL over the step number."""
    return f"CASE {step} " + " ".join(f"WHEN {s.number} THEN '{s.code}'" for s in STEPS) + " END"
