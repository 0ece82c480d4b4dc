"""The registry of work screens shown beside the queue. A later screen (capture bench, classification,
verification, labels) plugs in by adding one `Screen` to `SCREENS`; nothing else in the window changes. A screen's
module is imported and its widget built the first time it is shown (main_window.py), so the window opens on the
queue without loading every screen's stack (OpenCV, the PDF writer) first."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from scanstation.core.permissions import may
from scanstation.core.roles import Role
from scanstation.ui.workspace import Workspace


@runtime_checkable
class FollowsQueue(Protocol):
    """A screen that shows whichever dossier is current in the work queue."""

    def show_dossier(self, barcode: str | None) -> None: ...


@dataclass(frozen=True)
class Screen:
    key: str
    title: Callable[[], str]  # called when the window is built, so the title is in the chosen language
    widget: str  # "module:Class" in scanstation.ui, a QWidget taking the Workspace
    actions: tuple[str, ...] = ()  # shown to who may do one of these (permissions.toml); empty: to everyone
    shortcut: str | None = None  # brings the screen to the front from anywhere in the window

    def shown_to(self, roles: frozenset[Role]) -> bool:
        return not self.actions or may(roles, *self.actions)

    def build(self, workspace: Workspace) -> QWidget:
        module, name = self.widget.split(":")
        return getattr(importlib.import_module(f"scanstation.ui.{module}"), name)(workspace)  # type: ignore[no-any-return]


SCREENS: list[Screen] = [
    Screen("dossier", lambda: QCoreApplication.translate("screens", "پرونده"), "dossier_view:DossierView"),
    Screen("capture", lambda: QCoreApplication.translate("screens", "تصویربرداری و کنترل کیفیت"),
           "capture_bench:CaptureBench"),
    Screen("classify", lambda: QCoreApplication.translate("screens", "طبقه‌بندی صفحه‌ها"),
           "classification_view:ClassificationView"),
    Screen("review", lambda: QCoreApplication.translate("screens", "بازبینی ناظر (۷)"), "review_view:ReviewView",
           ("review.queue",), "F8"),
    Screen("search", lambda: QCoreApplication.translate("screens", "جستجو در متن"), "text_search:TextSearchScreen"),
    Screen("intake", lambda: QCoreApplication.translate("screens", "پذیرش باجه"), "intake_view:IntakeView",
           ("intake.take",)),
    Screen("records", lambda: QCoreApplication.translate("screens", "اسناد و اوراق"), "records_view:RecordsView",
           ("destruction.view", "hold.place")),
    Screen("users", lambda: QCoreApplication.translate("screens", "کاربران"), "users_admin:UsersAdmin",
           ("users.manage",)),
    Screen("store", lambda: QCoreApplication.translate("screens", "بررسی مخزن تصویرها"),
           "store_check_view:StoreCheckView", ("store.check",)),
    Screen("outbox", lambda: QCoreApplication.translate("screens", "صف بارگذاری"), "outbox_view:OutboxView",
           ("outbox.view",)),
    Screen("store_settings", lambda: QCoreApplication.translate("screens", "تنظیم مخزن مرکزی"),
           "store_settings_view:StoreSettingsView", ("store.configure",)),
    Screen("reports", lambda: QCoreApplication.translate("screens", "گزارش‌ها"), "reports_view:ReportsView",
           ("reports.own", "reports.branch")),
]
