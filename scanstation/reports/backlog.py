"""Backlog: dossiers waiting at each step, with how long they have waited, oldest first; out-of-turn marked.

After step 7 a dossier waits on two tracks at once: its paper (steps 8-10) and its images (steps 11-12).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import text
from sqlalchemy.orm import Session

from scanstation.core.jalali import utcnow
from scanstation.core.workflow import STEP_BY_NUMBER
from scanstation.reports.dialect import prepare_report
from scanstation.reports.model import Chart, Column, Report, Section
from scanstation.reports.period import stored_utc

LIST_LIMIT = 500


def _waiting_sql() -> str:
    return """
        SELECT d.id, d.barcode, d.out_of_turn, d.step + 1 AS waiting FROM dossier d WHERE d.step < 7
        UNION ALL
        SELECT d.id, d.barcode, d.out_of_turn,
               CASE WHEN d.physical_step < 7 THEN 8 ELSE d.physical_step + 1 END
        FROM dossier d WHERE d.step >= 7 AND d.physical_step < 10
        UNION ALL
        SELECT d.id, d.barcode, d.out_of_turn,
               CASE WHEN d.electronic_step < 11 THEN 11 ELSE d.electronic_step + 1 END
        FROM dossier d WHERE d.step >= 7 AND d.electronic_step < 12
    """


def backlog(session: Session, now: datetime | None = None) -> Report:
    """What waits where now (no range: a backlog is a picture of this moment)."""
    d = prepare_report(session)
    moment = now or utcnow()
    params = {"now": moment if d.postgres else stored_utc(moment)}
    waiting = f"""
        SELECT w.barcode, w.out_of_turn, w.waiting, {d.minutes(":now", "w.since")} / 1440.0 AS days
        FROM (SELECT v.*, coalesce((SELECT max(s.at) FROM step_record s WHERE s.dossier_id = v.id),
                                   (SELECT created_at FROM dossier dd WHERE dd.id = v.id)) AS since
              FROM ({_waiting_sql()}) AS v) AS w
    """  # the last step of each waiting dossier alone, by its index: not a grouping of every step ever recorded
    per_step = session.execute(text(f"""
        SELECT waiting, count(*) AS count, sum(CASE WHEN out_of_turn THEN 1 ELSE 0 END) AS urgent,
               max(days) AS oldest, avg(days) AS mean
        FROM ({waiting}) AS aged GROUP BY waiting ORDER BY waiting"""), params).mappings().all()
    oldest = session.execute(text(f"""
        SELECT barcode, out_of_turn, waiting, days FROM ({waiting}) AS aged
        ORDER BY days DESC, barcode LIMIT {LIST_LIMIT}"""), params).mappings().all()
    steps = tuple({"step": int(r["waiting"]), "title": f"{r['waiting']}. {STEP_BY_NUMBER[int(r['waiting'])].title}",
                   "count": int(r["count"]), "out_of_turn": int(r["urgent"] or 0),
                   "oldest_days": round(float(r["oldest"]), 1), "mean_days": round(float(r["mean"]), 1)}
                  for r in per_step)
    files = tuple({"barcode": r["barcode"], "out_of_turn": bool(r["out_of_turn"]), "step": int(r["waiting"]),
                   "days": round(float(r["days"]), 1)} for r in oldest)
    return Report("backlog", "گزارش کارهای مانده", "اکنون", (
        Section("پرونده‌های منتظر هر مرحله",
                (Column("title", "منتظر مرحله"), Column("count", "تعداد", "int"),
                 Column("out_of_turn", "خارج از نوبت", "int"), Column("oldest_days", "قدیمی‌ترین (روز)", "number"),
                 Column("mean_days", "میانگین انتظار (روز)", "number")),
                steps, Chart("title", "count", "پرونده‌های منتظر در هر مرحله")),
        Section("قدیمی‌ترین پرونده‌های منتظر",
                (Column("barcode", "بارکد", "code"), Column("out_of_turn", "خارج از نوبت", "bool"),
                 Column("step", "منتظر مرحله", "int"), Column("days", "انتظار (روز)", "number")),
                files),
    ))
