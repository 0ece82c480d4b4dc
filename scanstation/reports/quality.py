"""Quality: QC flags by reason and by operator, pages accepted with a reason, rescans, and step-7 rejections by the
operator whose work was sent back and by reason."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

from scanstation.capture.qc_titles import reason_title
from scanstation.reports.dialect import prepare_report
from scanstation.reports.model import Chart, Column, Report, Section
from scanstation.reports.period import Period


def quality(session: Session, period: Period) -> Report:
    d = prepare_report(session)
    params = period.bind(d.postgres)
    in_range = "p.created_at >= :start AND p.created_at < :end"
    reasons = session.execute(text(f"""
        SELECT element.value AS reason, count(*) AS pages
        FROM page p, {d.json_elements("p.qc_reasons")}
        WHERE {in_range} GROUP BY element.value ORDER BY pages DESC, reason"""), params).mappings().all()
    operators = session.execute(text(f"""
        SELECT p.actor AS actor, count(*) AS pages,
               sum(CASE WHEN p.qc_reasons IS NOT NULL AND CAST(p.qc_reasons AS TEXT) NOT IN ('[]', 'null')
                        THEN 1 ELSE 0 END) AS flagged,
               sum(CASE WHEN p.accepted_reason IS NOT NULL THEN 1 ELSE 0 END) AS accepted,
               sum(CASE WHEN p.replaced_by_id IS NOT NULL THEN 1 ELSE 0 END) AS rescanned,
               sum(CASE WHEN p.deleted_reason IS NOT NULL THEN 1 ELSE 0 END) AS deleted
        FROM page p WHERE {in_range} GROUP BY p.actor ORDER BY p.actor"""), params).mappings().all()
    rejections = session.execute(text(f"""
        SELECT coalesce((SELECT o.actor FROM step_record o WHERE o.dossier_id = s.dossier_id AND o.step = 5
                         AND o.at <= s.at ORDER BY o.at DESC LIMIT 1), '-') AS operator,
               {d.json_field("s.values_json", "reason")} AS reason, count(*) AS count
        FROM step_record s
        WHERE s.step = 7 AND s.action IN ('reject', 'reject_document') AND s.at >= :start AND s.at < :end
        GROUP BY 1, 2 ORDER BY count DESC, operator"""), params).mappings().all()
    return Report("quality", "گزارش کیفیت", period.words(), (
        Section("ایرادهای کنترل کیفیت به تفکیک نوع",
                (Column("title", "ایراد"), Column("reason", "کد", "code"), Column("pages", "صفحه", "int")),
                tuple({"reason": r["reason"], "title": reason_title(r["reason"]), "pages": int(r["pages"])}
                      for r in reasons),
                Chart("title", "pages", "صفحه‌های دارای ایراد، هر نوع")),
        Section("کیفیت کار هر کاربر",
                (Column("user", "کاربر", "code"), Column("pages", "صفحه", "int"), Column("flagged", "با ایراد", "int"),
                 Column("flagged_percent", "درصد ایراد", "number"), Column("accepted", "پذیرفته با دلیل", "int"),
                 Column("rescanned", "اسکن دوباره", "int"), Column("deleted", "حذف‌شده", "int")),
                tuple({"user": r["actor"], "pages": int(r["pages"]), "flagged": int(r["flagged"]),
                       "flagged_percent": round(100.0 * int(r["flagged"]) / int(r["pages"]), 1),
                       "accepted": int(r["accepted"]), "rescanned": int(r["rescanned"]),
                       "deleted": int(r["deleted"])} for r in operators),
                Chart("user", "flagged_percent", "درصد صفحه‌های با ایراد، هر کاربر")),
        Section("ردهای ناظر (مرحله ۷) به تفکیک اپراتور و دلیل",
                (Column("operator", "اپراتور", "code"), Column("reason", "دلیل"), Column("count", "تعداد", "int")),
                tuple({"operator": r["operator"], "reason": r["reason"] or "", "count": int(r["count"])}
                      for r in rejections)),
    ))
