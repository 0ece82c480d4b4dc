"""The destruction minutes (صورتجلسه امحا): a numbered Persian PDF listing each destroyed original, with signature
lines for the documents-and-papers officer and the administrative-affairs witness."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Spacer

from scanstation.core.digits import to_persian
from scanstation.core.jalali import jalali_date, jalali_datetime
from scanstation.indexing.pdf_text import paragraph
from scanstation.records.batches import BatchView, DueItem
from scanstation.records.pdf_table import build, cell, rtl_table, signature_lines

HEADER = ("ردیف", "بارکد پرونده", "شماره بیمه", "سند", "نوع سند", "تاریخ ثبت", "دلیل امحا", "کد پیگیری",
          "آخرین تأیید رونوشت در مخزن")
WIDTHS = (12, 46, 26, 12, 52, 24, 40, 28, 33)
REASONS = {"ruling": "رای دیگر کمیسیون پزشکی (بخش ۲-۱، بند ب)", "uncollected": "مکاتبه تحویل‌نگرفته (بخش ۲-۲)"}


def minutes_pdf(batch: BatchView, items: Sequence[DueItem], branch: str, names: Mapping[str, str]) -> bytes:
    """The minutes of an executed batch, listing the items destroyed."""
    def who(code: str | None) -> str:
        return f"{names.get(code or '', code or '—')} ({code or '—'})"

    executed = batch.executed_at
    assert executed is not None, "minutes are made at execution"
    story = [
        paragraph(f"صورتجلسه امحای اصل اسناد — شماره {to_persian(batch.number)}", 16, bold=True,
                  centre=True),
        paragraph(f"{branch} — تاریخ اجرا {jalali_datetime(executed)}", 10, centre=True),
        Spacer(1, 4 * mm),
        paragraph(f"به استناد بخش ۲ بخشنامه شماره ۲ (پرونده الکترونیک)، اصل {to_persian(len(items))} سند زیر که "
                  "تصویر آن‌ها پس از تأیید مسئول واحد در سامانه متمرکز مدیریت محتوی بارگذاری و هنگام اجرا دوباره با "
                  "نسخه تأییدشده مقایسه شد، از طریق امور اداری امحا گردید.", 10),
        # «—» between them, never «؛» right after a code: glued to «(records1)» it was drawn between name and code
        paragraph(f"برنامه‌ریزی: {who(batch.planned_by)} — تأیید: {who(batch.approved_by)} — "
                  f"اجرا: {who(batch.executed_by)}", 9, latin_digits=True),
        Spacer(1, 4 * mm),
        rtl_table(HEADER, [
            [cell(to_persian(n)), cell(i.barcode, latin=True), cell(to_persian(i.insured_number)),
             cell(to_persian(i.document)), cell(i.type_name), cell(to_persian(i.registered)),
             cell(REASONS.get(i.reason, i.reason)), cell(i.tracking_code, latin=True),
             cell(jalali_datetime(i.remote_verified_at) if i.remote_verified_at else "—")]
            for n, i in enumerate(items, 1)], WIDTHS),
        Spacer(1, 10 * mm),
        signature_lines(["کارشناس اسناد و اوراق", "نماینده امور اداری (شاهد)", "مسئول واحد (تأییدکننده)"]),
        Spacer(1, 3 * mm),
        paragraph(f"تاریخ تنظیم: {jalali_date(executed)}", 8),
    ]
    return build(story, f"Destruction minutes {batch.number}")
