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
from scanstation.reports.dialect import Dialect, dialect_of
from scanstation.reports.model import Chart, Column, Report, Section
from scanstation.reports.period import Period
from scanstation.reports.stats import summary_sql

BY = ("step", "user", "turn", "type")
END_TO_END = "end_to_end"
INTAKE = "intake"
DOCUMENT = "document"


def _step_actions() -> str:
    """The action that ends each step (its own code): approvals of single documents and rejections do not."""
    cases = " ".join(f"WHEN {s.number} THEN '{s.code}'" for s in STEPS)
    return f"CASE s.step {cases} END"


def _timed_steps(d: Dialect) -> str:
    """Each completed step with the moment it began, recorded with it (step_record.began_at: the end of the step
    before it on its track, or the dossier's creation for step 1)."""
    return f"""
        SELECT CAST(s.step AS TEXT) AS step, s.actor AS actor,
               CASE WHEN d.out_of_turn THEN 'out_of_turn' ELSE 'in_turn' END AS turn,
               {d.minutes("s.at", "s.began_at")} AS minutes
        FROM step_record s JOIN dossier d ON d.id = s.dossier_id
        WHERE s.at >= :start AND s.at < :end AND s.began_at IS NOT NULL AND s.action = {_step_actions()}
    """


def _timed_end_to_end(d: Dialect) -> str:
    return f"""
        SELECT '{END_TO_END}' AS step, first_actor AS actor,
               CASE WHEN out_of_turn THEN 'out_of_turn' ELSE 'in_turn' END AS turn,
               {d.minutes("finished", "created_at")} AS minutes
        FROM (SELECT d.created_at, d.out_of_turn,
                     (SELECT s.actor FROM step_record s WHERE s.dossier_id = d.id AND s.step = 1
                      ORDER BY s.at LIMIT 1) AS first_actor,
                     CASE WHEN t.paper > t.store THEN t.paper ELSE t.store END AS finished
              FROM dossier d
              JOIN (SELECT dossier_id, max(CASE WHEN step = 10 AND action = 'reshelve' THEN at END) AS paper,
                           max(CASE WHEN step = 12 AND action = 'index' THEN at END) AS store
                    FROM step_record WHERE step IN (10, 12) GROUP BY dossier_id) AS t ON t.dossier_id = d.id
              WHERE t.paper IS NOT NULL AND t.store IS NOT NULL) AS done
        WHERE finished >= :start AND finished < :end
    """


def _timed_intake(d: Dialect) -> str:
    return f"""
        SELECT '{INTAKE}' AS step, i.actor AS actor, 'in_turn' AS turn, {d.minutes("v.verified", "i.at")} AS minutes
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
        SELECT CASE WHEN o.id IS NULL THEN '{DOCUMENT}' ELSE '{INTAKE}' END AS step, c.type_code AS type,
               {d.minutes("u.remote_verified_at", "coalesce(i.at, x.created_at)")} AS minutes
        FROM upload_item u JOIN document c ON c.id = u.document_id JOIN dossier x ON x.id = c.dossier_id
             LEFT JOIN original_item o ON o.document_id = c.id LEFT JOIN intake i ON i.id = o.intake_id
        WHERE u.kind = 'document' AND u.remote_verified_at >= :start AND u.remote_verified_at < :end
    """


def _order(step: str) -> tuple[int, str]:
    return (int(step), "") if step.isdigit() else (99, step)


def service_time(session: Session, period: Period, by: str = "step") -> Report:
    """Mean, median and 90th percentile minutes of each step (and end to end, and counter intake) in `period`,
    grouped by step, by operator and step, by turn (out-of-turn against the rest) and step, or by document type."""
    d = dialect_of(session)
    groups = {"step": ["step"], "user": ["actor", "step"], "turn": ["turn", "step"], "type": ["type", "step"]}[by]
    if by == "type":
        source = _timed_documents(d)
    else:
        source = " UNION ALL ".join((_timed_steps(d), _timed_end_to_end(d), _timed_intake(d)))
    result = session.execute(text(summary_sql(source, groups, postgres=d.postgres)), period.bind(d.postgres)).mappings().all()
    titles = {str(s.number): f"{s.number}. {s.title}" for s in STEPS}
    titles |= {END_TO_END: "سراسری (از خروج از قفسه تا رقمی شدن)", INTAKE: "پذیرش باجه (تا تأیید در مخزن)",
               DOCUMENT: "سند پرونده (از خروج از قفسه تا تأیید در مخزن)"}
    types = load_taxonomy().types
    rows: list[dict[str, Any]] = []
    for row in sorted(result, key=lambda r: (*(r[g] for g in groups[:-1]), _order(r["step"]))):
        item: dict[str, Any] = {"step": int(row["step"]) if row["step"].isdigit() else row["step"],
                                "title": titles.get(row["step"], row["step"]), "count": int(row["count"]),
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
