"""Upload and records: the outbox by state, the files set aside with their problems (the organization's "file
problems" list), originals held for collection by age, how full the binders are, and the next destruction batch
(by the records package's own rule, records.destruction.next_batch: a handful of originals, not an aggregate)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import text
from sqlalchemy.orm import Session

from scanstation.core.digits import to_persian
from scanstation.core.jalali import tehran_date, utcnow
from scanstation.records.destruction import next_batch
from scanstation.records.register import series_letter
from scanstation.reports.dialect import prepare_report
from scanstation.reports.model import Chart, Column, Report, Section
from scanstation.reports.period import stored_utc

STATE_TITLES = {"queued": "در صف", "sending": "در حال ارسال", "sent": "فرستاده", "verified": "تأییدشده در مخزن",
                "needs_attention": "نیازمند رسیدگی"}
DUE_TITLES = {"ruling": "سایر آرای کمیسیون پزشکی (پس از تأیید در مخزن)",
              "uncollected": "مکاتبات تحویل‌نگرفته (پس از مدت نگهداری)"}
AGE_BUCKETS = ((30, "تا ۱ ماه"), (91, "۱ تا ۳ ماه"), (182, "۳ تا ۶ ماه"), (None, "بیش از ۶ ماه"))


def upload_records(session: Session, now: datetime | None = None) -> Report:
    d = prepare_report(session)
    moment = now or utcnow()
    params = {"now": moment if d.postgres else stored_utc(moment)}
    states = session.execute(text("""
        SELECT state, count(*) AS files, sum(size) AS bytes FROM upload_item GROUP BY state ORDER BY state""")
    ).mappings().all()
    problems = session.execute(text("""
        SELECT u.tracking_code, x.barcode, c.number AS document, u.attempts, u.last_error
        FROM upload_item u JOIN dossier x ON x.id = u.dossier_id LEFT JOIN document c ON c.id = u.document_id
        WHERE u.state = 'needs_attention' ORDER BY u.created_at LIMIT 500""")).mappings().all()
    age = f"{d.minutes(':now', 'o.confirmed_at')} / 1440.0"
    buckets = " ".join(f"WHEN {age} < {limit} THEN {i}" for i, (limit, _) in enumerate(AGE_BUCKETS) if limit)
    held = session.execute(text(f"""
        SELECT CASE {buckets} ELSE {len(AGE_BUCKETS) - 1} END AS bucket, count(*) AS items
        FROM original_item o WHERE o.status = 'held' AND o.confirmed_at IS NOT NULL
        GROUP BY 1 ORDER BY 1"""), params).mappings().all()
    binders = session.execute(text("""
        SELECT b.series, b.number, b.capacity, b.closed_at IS NOT NULL AS closed, coalesce(sum(o.sheets), 0) AS sheets
        FROM binder b LEFT JOIN original_item o ON o.binder_id = b.id
        GROUP BY b.id, b.series, b.number, b.capacity, b.closed_at ORDER BY b.series, b.number""")).mappings().all()
    batch = next_batch(session, tehran_date(moment))
    due = {reason: sum(1 for item in batch.items if item.reason == reason) for reason in DUE_TITLES}
    return Report("upload", "گزارش بارگذاری و اسناد", "اکنون", (
        Section("صف بارگذاری به تفکیک وضعیت",
                (Column("title", "وضعیت"), Column("files", "فایل", "int"), Column("megabytes", "مگابایت", "number")),
                tuple({"state": r["state"], "title": STATE_TITLES.get(r["state"], r["state"]),
                       "files": int(r["files"]), "megabytes": round(int(r["bytes"] or 0) / 1e6, 1)} for r in states),
                Chart("title", "files", "فایل‌های صف بارگذاری")),
        Section("فهرست مشکلات فایل‌ها (نیازمند رسیدگی)",
                (Column("tracking_code", "کد پیگیری", "code"), Column("barcode", "پرونده", "code"),
                 Column("document", "سند", "int"), Column("attempts", "تلاش", "int"), Column("problem", "مشکل")),
                tuple({"tracking_code": r["tracking_code"], "barcode": r["barcode"], "document": r["document"],
                       "attempts": int(r["attempts"]), "problem": r["last_error"] or ""} for r in problems)),
        Section("اصل اسناد در انتظار تحویل به تفکیک مدت",
                (Column("age", "مدت نگهداری"), Column("items", "سند", "int")),
                tuple({"age": AGE_BUCKETS[int(r["bucket"])][1], "items": int(r["items"])} for r in held),
                Chart("age", "items", "اسناد در انتظار تحویل")),
        Section("پر شدن کلاسورها",
                (Column("binder", "کلاسور"), Column("sheets", "برگ", "int"), Column("capacity", "گنجایش", "int"),
                 Column("percent", "درصد پر", "number"), Column("closed", "بسته", "bool")),
                tuple({"binder": f"{series_letter(r['series'])} {to_persian(r['number'])}",
                       "sheets": int(r["sheets"]),
                       "capacity": int(r["capacity"]), "closed": bool(r["closed"]),
                       "percent": round(100.0 * int(r["sheets"]) / int(r["capacity"]), 1) if r["capacity"] else None}
                      for r in binders)),
        Section(f"دسته امحای بعدی: موعد {to_persian(batch.next_due)}"
                f"{'، موعد رسیده است' if batch.due_now else ''}",
                (Column("title", "دلیل امحا"), Column("items", "سند آماده امحا", "int")),
                tuple({"reason": reason, "title": title, "items": due[reason], "next_due": batch.next_due,
                       "due_now": batch.due_now} for reason, title in DUE_TITLES.items())),
    ))
