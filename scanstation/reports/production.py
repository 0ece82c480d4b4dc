"""Production: pages, sheets, dossiers and documents per day and operator, and pages per scanning hour."""

from __future__ import annotations

from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from scanstation.core.digits import to_persian
from scanstation.reports.dialect import prepare_report
from scanstation.reports.model import Chart, Column, Report, Section
from scanstation.reports.period import Period
from scanstation.reports.shown import jalali_day


def production(session: Session, period: Period, only_actor: str | None = None) -> Report:
    """Per Tehran day and operator; `only_actor` limits it to one person (a clerk sees their own work only). Pages
    count every image made (a rotation or a rescan too: work done); sheets count the front sides not replaced by a
    rescan or a turn, so each sheet once (counting distinct sheets took three times as long on a month)."""
    d = prepare_report(session)
    mine = "AND {col} = :actor" if only_actor else ""
    params = {**period.bind(d.postgres), "actor": only_actor}
    daily = session.execute(text(f"""
        SELECT day, actor, sum(pages) AS pages, sum(sheets) AS sheets, sum(dossiers) AS dossiers,
               sum(documents) AS documents
        FROM (SELECT {d.day("p.created_at")} AS day, p.actor AS actor, count(*) AS pages,
                     sum(CASE WHEN p.side = 'front' AND p.status <> 'replaced' THEN 1 ELSE 0 END) AS sheets,
                     0 AS dossiers, 0 AS documents
              FROM page p WHERE p.created_at >= :start AND p.created_at < :end {mine.format(col="p.actor")}
              GROUP BY 1, 2
              UNION ALL
              SELECT {d.day("s.at")}, s.actor, 0, 0, count(*), 0
              FROM step_record s WHERE s.step = 5 AND s.action = 'scan' AND s.at >= :start AND s.at < :end
                   {mine.format(col="s.actor")}
              GROUP BY 1, 2
              UNION ALL
              SELECT {d.day("c.created_at")}, c.actor, 0, 0, 0, count(*)
              FROM document c WHERE c.created_at >= :start AND c.created_at < :end {mine.format(col="c.actor")}
              GROUP BY 1, 2) AS work
        GROUP BY day, actor ORDER BY day, actor"""), params).mappings().all()
    hours = session.execute(text(f"""
        SELECT b.actor AS actor, sum(b.pages) AS pages, sum({d.minutes("b.finished_at", "b.started_at")}) / 60.0 AS hours
        FROM capture_batch b
        WHERE b.finished_at IS NOT NULL AND b.started_at >= :start AND b.started_at < :end {mine.format(col="b.actor")}
        GROUP BY b.actor ORDER BY b.actor"""), params).mappings().all()
    per_day = tuple(_day_row(r) for r in daily)
    per_hour = tuple({"user": r["actor"], "pages": int(r["pages"] or 0), "hours": round(float(r["hours"] or 0), 2),
                      "pages_per_hour": round(float(r["pages"] or 0) / float(r["hours"]), 1) if r["hours"] else None}
                     for r in hours)
    return Report("production", "گزارش تولید", period.words(), (
        Section("تولید روزانه هر کاربر",
                (Column("day", "روز", "date"), Column("user", "کاربر", "code"), Column("pages", "صفحه", "int"),
                 Column("sheets", "برگ", "int"), Column("dossiers", "پرونده اسکن‌شده", "int"),
                 Column("documents", "سند", "int")),
                per_day, Chart("bar", "pages", "صفحه‌های اسکن‌شده در هر روز، هر کاربر")),
        Section("صفحه در هر ساعت اسکن",
                (Column("user", "کاربر", "code"), Column("pages", "صفحه", "int"), Column("hours", "ساعت اسکن", "number"),
                 Column("pages_per_hour", "صفحه در ساعت", "number")),
                per_hour, Chart("user", "pages_per_hour", "صفحه در هر ساعت اسکن، هر کاربر")),
    ))


def _day_row(r: Any) -> dict[str, Any]:
    """One operator's day; its bar is named by the day in Persian digits, then the user code as printed."""
    day = jalali_day(r["day"])
    return {"day": day, "user": r["actor"], "bar": f"{to_persian(day)} {r['actor']}", "pages": int(r["pages"]),
            "sheets": int(r["sheets"]), "dossiers": int(r["dossiers"]), "documents": int(r["documents"])}
