"""Service time: how long each step takes, from the end of the step before it to its own end (CLI.md).

Step 1 runs from the dossier's creation; step 11 from step 7 (the upload waits for the approval, not for the paper
to go back to its shelf), step 12 from step 11. A step done again (after a rejection) counts again, from the last
step completed before it. End to end runs
from creation to the later of steps 10 and 12; a counter intake from its reception to the remote verification of
the last of its documents. By document type, each document counts from its dossier's creation (or its counter
intake) to the remote verification of its upload.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from scanstation.core.workflow import STEPS
from scanstation.indexing.taxonomy import load_taxonomy
from scanstation.reports.dialect import Dialect, prepare_report
from scanstation.reports.model import Chart, Column, Report, Section
from scanstation.reports.period import Period
from scanstation.reports.stats import summary_sql
from scanstation.reports.step_stats import step_summaries

END_TO_END = "end_to_end"
INTAKE = "intake"
DOCUMENT = "document"
# In SQL every row is keyed by a number, the step's own or one of these: sorting a year of rows by an integer is
# cheaper than by collated text. The report names them again.
SQL_KEYS = {END_TO_END: 100, INTAKE: 101, DOCUMENT: 102}


def _step_actions() -> str:
    """The action that ends each step (its own code): approvals of single documents and rejections do not."""
    cases = " ".join(f"WHEN {s.number} THEN '{s.code}'" for s in STEPS)
    return f"CASE s.step {cases} END"


def _turn(dossier: str) -> str:
    return f"CASE WHEN {dossier}.out_of_turn THEN 'out_of_turn' ELSE 'in_turn' END"


def _timed_steps(d: Dialect, by: str) -> str:
    """Each completed step with the moment it began, recorded with it (step_record.began_at: the end of the step
    before it on its track, or the dossier's creation for step 1). The dossier is joined only for its turn: over a
    year's million step records the join alone costs most of a second."""
    turn = by == "turn"
    return f"""
        SELECT s.step AS step, s.actor AS actor, {_turn("d") if turn else "NULL"} AS turn,
               {d.minutes("s.at", "s.began_at")} AS minutes
        FROM step_record s {"JOIN dossier d ON d.id = s.dossier_id" if turn else ""}
        WHERE s.at >= :start AND s.at < :end AND s.began_at IS NOT NULL AND s.action = {_step_actions()}
    """


def _timed_end_to_end(d: Dialect, by: str) -> str:
    """From the dossier's creation to the later of its reshelving and its indexing in the store, as recorded by the
    period's end; by user, the one who took it off the shelf (looked up only then). The dossier is joined before
    grouping, so the planner hashes it once instead of probing it for each of a year's 90,000 finished files."""
    first_actor = ("(SELECT s.actor FROM step_record s WHERE s.dossier_id = t.id AND s.step = 1 ORDER BY s.at "
                   "LIMIT 1)" if by == "user" else "NULL")
    return f"""
        SELECT {SQL_KEYS[END_TO_END]} AS step, {first_actor} AS actor, {_turn("t")} AS turn,
               {d.minutes("CASE WHEN t.paper > t.store THEN t.paper ELSE t.store END", "t.created_at")} AS minutes
        FROM (SELECT d.id, d.created_at, d.out_of_turn,
                     max(CASE WHEN s.step = 10 AND s.action = 'reshelve' THEN s.at END) AS paper,
                     max(CASE WHEN s.step = 12 AND s.action = 'index' THEN s.at END) AS store
              FROM dossier d JOIN step_record s ON s.dossier_id = d.id
              WHERE s.step IN (10, 12) AND s.at < :end
              GROUP BY d.id, d.created_at, d.out_of_turn) AS t
        WHERE t.paper IS NOT NULL AND t.store IS NOT NULL
              AND CASE WHEN t.paper > t.store THEN t.paper ELSE t.store END >= :start
    """


def _timed_intake(d: Dialect) -> str:
    return f"""
        SELECT {SQL_KEYS[INTAKE]} AS step, i.actor AS actor, 'in_turn' AS turn, {d.minutes("v.verified", "i.at")} AS minutes
        FROM intake i
        JOIN (SELECT o.intake_id, max(u.remote_verified_at) AS verified,
                     sum(CASE WHEN u.remote_verified_at IS NULL THEN 1 ELSE 0 END) AS waiting
              FROM original_item o JOIN upload_item u ON u.document_id = o.document_id
              GROUP BY o.intake_id) AS v ON v.intake_id = i.id
        WHERE v.waiting = 0 AND v.verified >= :start AND v.verified < :end
    """


def _timed_documents(d: Dialect) -> str:
    """Each document verified in the central store: from its dossier's creation (a paper-file document) or from its
    counter intake to that verification, with its type."""
    return f"""
        SELECT CASE WHEN o.id IS NULL THEN {SQL_KEYS[DOCUMENT]} ELSE {SQL_KEYS[INTAKE]} END AS step, c.type_code AS type,
               {d.minutes("u.remote_verified_at", "coalesce(i.at, x.created_at)")} AS minutes
        FROM upload_item u JOIN document c ON c.id = u.document_id JOIN dossier x ON x.id = c.dossier_id
             LEFT JOIN original_item o ON o.document_id = c.id LEFT JOIN intake i ON i.id = o.intake_id
        WHERE u.kind = 'document' AND u.remote_verified_at >= :start AND u.remote_verified_at < :end
    """


_NAMES = {number: name for name, number in SQL_KEYS.items()}


def service_time(session: Session, period: Period, by: str = "step") -> Report:
    """Mean, median and 90th percentile minutes of each step (and end to end, and counter intake) in `period`,
    grouped by step, by operator and step, by turn (out-of-turn against the rest) and step, or by document type."""
    d = prepare_report(session)
    groups = {"step": ["step"], "user": ["actor", "step"], "turn": ["turn", "step"], "type": ["type", "step"]}[by]
    if by == "type":
        sources = [_timed_documents(d)]
    elif by == "step":  # the steps themselves, the bulk of a year, the cheapest way each database allows
        sources = [_timed_end_to_end(d, by), _timed_intake(d)]
    else:
        sources = [_timed_steps(d, by), _timed_end_to_end(d, by), _timed_intake(d)]
    result = [*(step_summaries(session, d, period) if by == "step" else []),
              *session.execute(text(summary_sql(" UNION ALL ".join(sources), groups, postgres=d.postgres)),
                               period.bind(d.postgres)).mappings()]
    titles = {str(s.number): f"{s.number}. {s.title}" for s in STEPS}
    titles |= {END_TO_END: "سراسری (از خروج از قفسه تا رقمی شدن)", INTAKE: "پذیرش باجه (تا تأیید در مخزن)",
               DOCUMENT: "سند پرونده (از خروج از قفسه تا تأیید در مخزن)"}
    types = load_taxonomy().types
    rows: list[dict[str, Any]] = []
    for row in sorted(result, key=lambda r: (*(str(r[g] or "") for g in groups[:-1]), int(r["step"]))):
        step: int | str = _NAMES.get(int(row["step"]), int(row["step"]))
        item: dict[str, Any] = {"step": step, "title": titles[str(step)], "count": int(row["count"]),
                                "mean_minutes": _round(row["mean"]), "median_minutes": _round(row["median"]),
                                "p90_minutes": _round(row["p90"])}
        if by == "user":
            item = {"user": row["actor"], **item}
        elif by == "turn":
            item = {"out_of_turn": row["turn"] == "out_of_turn", **item}
        elif by == "type":
            kind = types.get(row["type"])
            item = {"type": row["type"], "type_name": kind.name if kind else row["type"], **item}
        rows.append(item)
    columns = [Column("title", "مرحله"), Column("count", "تعداد", "int"), Column("mean_minutes", "میانگین (دقیقه)",
               "minutes"), Column("median_minutes", "میانه (دقیقه)", "minutes"),
               Column("p90_minutes", "صدک ۹۰ (دقیقه)", "minutes")]
    if by == "user":
        columns.insert(0, Column("user", "کاربر", "code"))
    elif by == "turn":
        columns.insert(0, Column("out_of_turn", "خارج از نوبت", "bool"))
    elif by == "type":
        columns.insert(0, Column("type_name", "نوع سند"))
    chart = Chart("title", "median_minutes", "میانه زمان هر مرحله (دقیقه)") if by == "step" else None
    section = Section("زمان انجام هر مرحله", tuple(columns), tuple(rows), chart)
    return Report("service-time", "گزارش زمان انجام خدمت", period.words(), (section,))


def _round(value: float | None) -> float | None:
    return None if value is None else round(float(value), 2)
