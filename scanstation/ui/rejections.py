"""The approver's step-7 decisions in the clerk's words: what was sent back, by whom, when, and why."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from scanstation.core.digits import to_persian
from scanstation.core.jalali import jalali_datetime
from scanstation.services.read_models import PageView, Rejection, StepView
from scanstation.ui.look import isolated

translate = QCoreApplication.translate


def _pages(pages: tuple[int, ...] | list[int]) -> str:
    return translate("rejections", "، ").join(to_persian(n) for n in pages)


def rejection_text(rejection: Rejection) -> str:
    """«رد ناظر — مریم احمدی، ۱۴۰۳/۰۶/۲۰ ۱۰:۱۲ — سند ۲، صفحه‌های ۵، ۶: برگ ۵ ناخوانا است»."""
    what = ""
    if rejection.document is not None:
        what = translate("rejections", "سند {n}").format(n=to_persian(rejection.document))
        if rejection.pages:
            what += translate("rejections", "، صفحه‌های {pages}").format(pages=_pages(rejection.pages))
    else:
        what = translate("rejections", "کل پرونده")
    return translate("rejections", "رد ناظر — {who}، {when} — {what}: {reason}").format(
        who=isolated(rejection.user_name), when=jalali_datetime(rejection.at), what=what, reason=rejection.reason)


def sent_back_text(page: PageView) -> str:
    """What the approver said of this page, while it is still to be fixed."""
    if not page.supervisor_reason or not page.open_flag:
        return ""
    return translate("rejections", "برگشت ناظر: {reason}").format(reason=page.supervisor_reason)


def step_record_text(record: StepView) -> str:
    """What one step-7 record was: approved, sent back (with the reason), or the whole dossier rejected."""
    values = record.values
    document = values.get("document")
    if record.action == "approve_document":
        return translate("rejections", "سند {n} تأیید شد").format(n=to_persian(document))
    if record.action == "reject_document":
        pages = values.get("pages") or ()
        where = translate("rejections", "سند {n}").format(n=to_persian(document))
        if pages:
            where += translate("rejections", "، صفحه‌های {pages}").format(pages=_pages(pages))
        return translate("rejections", "برگشت داده شد ({where}): {reason}").format(
            where=where, reason=values.get("reason", ""))
    if record.action == "reject":
        return translate("rejections", "کل پرونده رد شد: {reason}").format(reason=values.get("reason", ""))
    return translate("rejections", "همه اسناد تأیید شد")
