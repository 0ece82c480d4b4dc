"""The registry of work screens shown beside the queue. A later screen (capture bench, classification,
verification, labels) plugs in by adding one `Screen` to `SCREENS`; nothing else in the window changes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from scanstation.core.roles import Role
from scanstation.ui.capture_bench import CaptureBench
from scanstation.ui.classification_view import ClassificationView
from scanstation.ui.dossier_view import DossierView
from scanstation.ui.intake_view import IntakeView
from scanstation.ui.outbox_view import OutboxView
from scanstation.ui.records_view import RecordsView
from scanstation.ui.reports_view import ReportsView
from scanstation.ui.review_view import ReviewView
from scanstation.ui.store_check_view import StoreCheckView
from scanstation.ui.store_settings_view import StoreSettingsView
from scanstation.ui.text_search import TextSearchScreen
from scanstation.ui.users_admin import UsersAdmin
from scanstation.ui.workspace import Workspace


@runtime_checkable
class FollowsQueue(Protocol):
    """A screen that shows whichever dossier is current in the work queue."""

    def show_dossier(self, barcode: str | None) -> None: ...


@dataclass(frozen=True)
class Screen:
    key: str
    title: Callable[[], str]  # called when the window is built, so the title is in the chosen language
    build: Callable[[Workspace], QWidget]
    roles: frozenset[Role] = frozenset()  # who sees it; empty: everyone (the services still check each action)
    shortcut: str | None = None  # brings the screen to the front from anywhere in the window

    def shown_to(self, roles: frozenset[Role]) -> bool:
        return not self.roles or bool(self.roles & roles)


SCREENS: list[Screen] = [
    Screen("dossier", lambda: QCoreApplication.translate("screens", "پرونده"), DossierView),
    Screen("capture", lambda: QCoreApplication.translate("screens", "تصویربرداری و کنترل کیفیت"), CaptureBench),
    Screen("classify", lambda: QCoreApplication.translate("screens", "طبقه‌بندی صفحه‌ها"), ClassificationView),
    Screen("review", lambda: QCoreApplication.translate("screens", "بازبینی ناظر (۷)"), ReviewView,
           frozenset({Role.SUPERVISOR, Role.AGENCY_RESPONSIBLE}), "F8"),
    Screen("search", lambda: QCoreApplication.translate("screens", "جستجو در متن"), TextSearchScreen),
    Screen("intake", lambda: QCoreApplication.translate("screens", "پذیرش باجه"), IntakeView, frozenset({Role.CLERK})),
    Screen("records", lambda: QCoreApplication.translate("screens", "اسناد و اوراق"), RecordsView,
           frozenset({Role.RECORDS_OFFICER, Role.SUPERVISOR})),
    Screen("users", lambda: QCoreApplication.translate("screens", "کاربران"), UsersAdmin, frozenset({Role.ADMIN})),
    Screen("store", lambda: QCoreApplication.translate("screens", "بررسی مخزن تصویرها"), StoreCheckView,
           frozenset({Role.ADMIN})),
    Screen("outbox", lambda: QCoreApplication.translate("screens", "صف بارگذاری"), OutboxView,
           frozenset({Role.SUPERVISOR, Role.ADMIN})),
    Screen("store_settings", lambda: QCoreApplication.translate("screens", "تنظیم مخزن مرکزی"), StoreSettingsView,
           frozenset({Role.ADMIN})),
    Screen("reports", lambda: QCoreApplication.translate("screens", "گزارش‌ها"), ReportsView,
           frozenset({Role.SUPERVISOR, Role.ADMIN, Role.RECORDS_OFFICER, Role.AGENCY_RESPONSIBLE, Role.CLERK})),
]
