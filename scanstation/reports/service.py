"""The one door to the reports, for the window and the CLI alike: who may see which report, then the report.

Unit heads and supervisors (and the records officer and the system admin) see every report; a clerk sees their
own production only (issue 12), whatever they ask for.
"""

from __future__ import annotations

from scanstation.core.errors import InvalidInput, PermissionDenied
from scanstation.core.quoting import quoted
from scanstation.core.uow import UnitOfWork
from scanstation.reports.backlog import backlog
from scanstation.reports.model import Report
from scanstation.reports.names import BY, NAMES
from scanstation.reports.period import Period
from scanstation.reports.production import production
from scanstation.reports.quality import quality
from scanstation.reports.service_time import service_time
from scanstation.reports.upload_records import upload_records


def allowed_reports(uow: UnitOfWork) -> tuple[str, ...]:
    """The reports this user may open (for the window's list)."""
    with uow.reading():
        if uow.may("reports.branch"):
            return NAMES
        return ("production",) if uow.may("reports.own") else ()


def run_report(uow: UnitOfWork, name: str, period: Period, by: str = "step") -> Report:
    """Report `name` over `period`; refused to anyone it is not for, with one sentence."""
    if name not in NAMES:
        raise InvalidInput(f"گزارش {quoted(name)} شناخته نیست؛ یکی از این‌ها: {'، '.join(NAMES)}")
    if by not in BY:
        raise InvalidInput(f"تفکیک {quoted(by)} شناخته نیست؛ یکی از این‌ها: {'، '.join(BY)}")
    with uow.reading():
        uow.require_to("reports.own", "reports.branch")
        manager = uow.may("reports.branch")
        if not manager and name != "production":
            raise PermissionDenied("این گزارش برای مسئول واحد و ناظر است؛ شما گزارش تولید خودتان را می‌بینید.")
        session = uow.session
        if name == "service-time":
            return service_time(session, period, by)
        if name == "production":
            return production(session, period, None if manager else uow.actor.code)
        if name == "backlog":
            return backlog(session)
        if name == "quality":
            return quality(session, period)
        return upload_records(session)
