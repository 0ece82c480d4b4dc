"""One dossier: its data, the twelve steps with who did each and when, and the paper-step actions.

Which steps may be done now comes from core.workflow (the same rule the services enforce), so a disabled
button can say why in its tooltip; the service still has the last word and its refusal is shown as is.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (QAbstractItemView, QGridLayout, QHBoxLayout, QHeaderView, QLabel, QPushButton,
                               QSizePolicy, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from scanstation.core.errors import ScanStationError
from scanstation.core.jalali import jalali_datetime
from scanstation.core.roles import ROLE_TITLES, Role
from scanstation.core.uow import UnitOfWork
from scanstation.core.workflow import STEP_BY_NUMBER, STEPS, Progress, require_step_allowed
from scanstation.services import dossiers, queries
from scanstation.ui import step_dialogs
from scanstation.ui.look import latin_digits
from scanstation.ui.operations import show_error
from scanstation.ui.step_dialogs import StepDialog
from scanstation.ui.workspace import Workspace

NEXT_BACKGROUND = QColor("#d7f0dc")
PENDING_FOREGROUND = QColor("#8a8a8a")


def _moment(text: str) -> datetime:
    """The service's `...Z` timestamps back to aware UTC datetimes."""
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)


class DossierView(QWidget):
    """Shows the dossier chosen in the queue; `changed(barcode)` tells the window a step was recorded."""

    changed = Signal(str)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = workspace
        self._generation = 0
        self.detail: dict[str, Any] | None = None
        self.active_dialog: StepDialog | None = None  # the open step dialog, if any
        self.title = QLabel()
        self.title.setObjectName("paneTitle")
        latin_digits(self.title)
        self.badge = QLabel()
        self.badge.setObjectName("urgentBadge")
        self.badge.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.badge.hide()
        self._badge_text = ""
        self.values: dict[str, QLabel] = {}
        facts = QGridLayout()
        facts.setHorizontalSpacing(12)
        rows = [[("name", self.tr("نام")), ("insured_number", self.tr("شماره بیمه"))],
                [("national_id", self.tr("کد ملی")), ("shelf", self.tr("محل در بایگانی"))],
                [("state_title", self.tr("وضعیت")), ("sheets", self.tr("برگ‌ها"))]]
        for row, pairs in enumerate(rows):
            for number, (key, text) in enumerate(pairs):
                caption = QLabel(text + ":")
                caption.setObjectName("caption")
                value = QLabel()
                value.setObjectName(f"value_{key}")
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                value.setWordWrap(True)  # the state after step 7 names both tracks
                value.setAlignment(self._leading())
                facts.addWidget(caption, row, number * 2, Qt.AlignmentFlag.AlignTop)
                facts.addWidget(value, row, number * 2 + 1)
                self.values[key] = value
        facts.setColumnStretch(1, 1)
        facts.setColumnStretch(3, 1)
        self.steps = QTableWidget(len(STEPS), 4)
        self.steps.setObjectName("stepsTable")
        self.steps.setHorizontalHeaderLabels([self.tr("مرحله"), self.tr("انجام دهنده"), self.tr("زمان"),
                                              self.tr("جزئیات")])
        self.steps.verticalHeader().hide()
        self.steps.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.steps.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.steps.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.steps.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.steps.setWordWrap(False)
        self.steps.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 4)
        header = self.steps.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.buttons: dict[str, QPushButton] = {}
        actions = QGridLayout()
        specs: list[tuple[str, str, str, Callable[[], None]]] = [
            ("new", self.tr("پرونده جدید (۱)"), "Ctrl+N", self.new_dossier),
            ("count", self.tr("برگ شماری (۲)"), "Alt+2", self.count),
            ("register", self.tr("ثبت و الصاق بارکد (۳)"), "Alt+3", self.register),
            ("prepare", self.tr("آماده سازی (۴)"), "Alt+4", self.prepare),
            ("reassemble", self.tr("جمع آوری اوراق (۸)"), "Alt+8", self.reassemble),
            ("recount", self.tr("کنترل تعداد برگ‌ها (۹)"), "Alt+9", self.recount),
            ("reshelve", self.tr("بازگرداندن به قفسه (۱۰)"), "Alt+0", self.reshelve),
            ("out_of_turn", self.tr("خارج از نوبت"), "Ctrl+U", self.out_of_turn),
        ]
        for number, (key, text, keys, slot) in enumerate(specs):
            button = QPushButton(text)
            button.setObjectName(f"action_{key}")
            button.setShortcut(QKeySequence(keys))
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            actions.addWidget(button, number // 3, number % 3)
            self.buttons[key] = button
        heading = QHBoxLayout()
        heading.addWidget(self.title)
        heading.addWidget(self.badge, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(heading)
        layout.addLayout(facts)
        layout.addWidget(self.steps, 1)
        layout.addLayout(actions)
        self._render(None)

    def _leading(self) -> Qt.AlignmentFlag:
        """Text starts on the reading side even when it is all digits (which Qt would put on the left)."""
        side = Qt.AlignmentFlag.AlignRight if self.isRightToLeft() else Qt.AlignmentFlag.AlignLeft
        return Qt.AlignmentFlag.AlignAbsolute | side | Qt.AlignmentFlag.AlignVCenter

    # ----- loading and drawing
    def show_dossier(self, barcode: str | None) -> None:
        self._generation += 1
        generation = self._generation
        if barcode is None:
            self._render(None)
            return
        uow = self._ws.uow()
        self._ws.runner.run(lambda: queries.dossier_detail(uow, barcode),
                            lambda detail: self._loaded(generation, detail))

    def _loaded(self, generation: int, detail: dict[str, Any]) -> None:
        if generation == self._generation:
            self._render(detail)

    def _render(self, detail: dict[str, Any] | None) -> None:
        self.detail = detail
        if detail is None:
            self.title.setText(self.tr("پرونده‌ای انتخاب نشده است"))
            self.badge.hide()
            for value in self.values.values():
                value.clear()
        else:
            self.title.setText(self.tr("پرونده {barcode}").format(barcode=detail["barcode"]))
            self._badge_text = self.tr("خارج از نوبت: {reason}").format(reason=detail["out_of_turn_reason"] or "")
            self.badge.setToolTip(self._badge_text)
            self.badge.setVisible(bool(detail["out_of_turn"]))
            self._fit_badge()
            for key in ("name", "insured_number", "national_id", "shelf", "state_title"):
                self.values[key].setText(str(detail[key]))
            self.values["sheets"].setText(self._sheets_text(detail))
        self._render_steps(detail)
        self._update_buttons(detail)

    def _fit_badge(self) -> None:
        """One line beside the title, elided when the pane is narrow (the tooltip has it all)."""
        room = max(40, self.badge.width() - 24)
        self.badge.setText(self.badge.fontMetrics().elidedText(self._badge_text, Qt.TextElideMode.ElideRight, room))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit_badge()

    def _sheets_text(self, detail: dict[str, Any]) -> str:
        parts = []
        if detail["sheets_counted"] is not None:
            parts.append(self.tr("شمارش {n}").format(n=detail["sheets_counted"]))
        if detail["sheets_slimmed"] is not None:
            parts.append(self.tr("لاغرسازی {n}").format(n=detail["sheets_slimmed"]))
        if detail["sheets_recounted"] is not None:
            parts.append(self.tr("بازشماری {n}").format(n=detail["sheets_recounted"]))
        return self.tr("، ").join(parts) if parts else self.tr("هنوز شمرده نشده")

    def _values_text(self, values: dict[str, Any]) -> str:
        names = {"sheets": self.tr("برگ"), "slimmed": self.tr("لاغرسازی"), "shelf": self.tr("محل")}
        return self.tr("، ").join(f"{names[k]}: {values[k]}" for k in names if values.get(k) not in (None, ""))

    def _render_steps(self, detail: dict[str, Any] | None) -> None:
        last = {record["step"]: record for record in (detail["steps"] if detail else [])}
        upcoming = set(detail["next_steps"]) if detail else set()
        bold = QFont(self.font())
        bold.setBold(True)
        for row, step in enumerate(STEPS):
            record = last.get(step.number)
            cells = [f"{step.number}. {step.title}", "", "", ""]
            if record is not None:
                cells[1:] = [record["user_name"], jalali_datetime(_moment(record["at"]), persian_digits=False),
                             self._values_text(record["values"])]
            elif step.number in upcoming:
                cells[1] = self.tr("مرحله بعد")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if step.number in upcoming:
                    item.setBackground(QBrush(NEXT_BACKGROUND))
                    item.setFont(bold)
                elif record is None:
                    item.setForeground(QBrush(PENDING_FOREGROUND))
                self.steps.setItem(row, column, item)
        if upcoming:  # on a short screen the table scrolls: keep the next step in sight
            self.steps.scrollToItem(self.steps.item(max(upcoming) - 1, 0))

    # ----- which buttons work, and why not
    def _progress(self, detail: dict[str, Any]) -> Progress:
        return Progress(detail["step"], detail["tracks"]["physical"], detail["tracks"]["electronic"],
                        detail["rejected_reason"] is not None)

    def _why_not(self, detail: dict[str, Any] | None, roles: tuple[Role, ...], step: int | None) -> str | None:
        if not set(roles) & self._ws.user.roles:
            return self.tr("این کار فقط از {role} برمی‌آید.").format(
                role=self.tr(" یا ").join(ROLE_TITLES[r] for r in roles))
        if step == 1:
            return None
        if detail is None:
            return self.tr("نخست یک پرونده را از صف کار انتخاب کنید.")
        if step is not None:
            try:
                require_step_allowed(self._progress(detail), step)
            except ScanStationError as refusal:
                return str(refusal)
        return None

    def _update_buttons(self, detail: dict[str, Any] | None) -> None:
        rules = {"new": 1, "count": 2, "register": 3, "prepare": 4, "reassemble": 8, "recount": 9, "reshelve": 10}
        for key, step in rules.items():
            self._enable(key, self._why_not(detail, (STEP_BY_NUMBER[step].role,), step),
                         STEP_BY_NUMBER[step].title)
        self._enable("out_of_turn", self._why_not(detail, (Role.CLERK, Role.SUPERVISOR), None),
                     self.tr("این پرونده در همه صف‌ها پیش از بقیه می‌آید."))

    def _enable(self, key: str, reason: str | None, description: str) -> None:
        button = self.buttons[key]
        button.setEnabled(reason is None)
        shortcut = button.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        button.setToolTip(reason if reason else f"{description} ({shortcut})")

    # ----- actions: a dialog collects values, the service decides
    def _ask(self, dialog: StepDialog, work: Callable[[UnitOfWork, dict[str, str]], object],
             barcode: str | None = None) -> StepDialog:
        """Open `dialog`; each submission runs `work(uow, values)` off the UI thread (the job holds no widget).
        Afterwards the dossier `barcode` is shown again (for a new dossier: the barcode `work` returns)."""
        def submitted(values: dict[str, str]) -> None:
            uow = self._ws.uow()
            self._ws.runner.run(lambda: work(uow, values), succeeded, refused)

        def succeeded(result: object) -> None:
            if self.active_dialog is dialog:  # not cancelled meanwhile (Esc, or the idle lock)
                dialog.finish()
            self._changed(barcode or str(result))

        def refused(error: ScanStationError) -> None:
            if self.active_dialog is dialog:
                dialog.show_error(str(error))
            else:
                show_error(self, str(error))

        self.active_dialog = dialog
        dialog.submitted.connect(submitted)
        dialog.finished.connect(lambda _code: self._dialog_closed(dialog))
        dialog.open()  # window-modal, not exec(): the event loop keeps running and tests can fill it
        return dialog

    def _dialog_closed(self, dialog: StepDialog) -> None:
        if self.active_dialog is dialog:
            self.active_dialog = None
        dialog.deleteLater()

    def _barcode(self) -> str:
        assert self.detail is not None, "step buttons are disabled until a dossier is shown"
        return str(self.detail["barcode"])

    def _changed(self, barcode: str) -> None:
        self.show_dossier(barcode)
        self.changed.emit(barcode)

    def new_dossier(self) -> StepDialog:
        branch = self._ws.branch or ""

        def work(uow: UnitOfWork, v: dict[str, str]) -> str:
            data = dossiers.NewDossier(v["insured_number"], v["national_id"], v["name"], v["shelf"], v["reason"])
            return dossiers.retrieve(uow, branch, data)

        return self._ask(step_dialogs.new_dossier(self), work)

    def count(self) -> StepDialog:
        barcode = self._barcode()
        return self._ask(step_dialogs.count(self),
                         lambda uow, v: dossiers.count_sheets(uow, barcode, v["sheets"]), barcode)

    def register(self) -> StepDialog:
        barcode = self._barcode()
        dialog = step_dialogs.confirm(self, STEP_BY_NUMBER[3].title, self.tr(
            "پرونده {barcode} در سامانه ثبت و برچسب بارکد آن الصاق شد؟").format(barcode=barcode))
        return self._ask(dialog, lambda uow, _v: dossiers.register(uow, barcode), barcode)

    def prepare(self) -> StepDialog:
        barcode = self._barcode()
        return self._ask(step_dialogs.prepare(self),
                         lambda uow, v: dossiers.prepare(uow, barcode, v["slimmed"]), barcode)

    def reassemble(self) -> StepDialog:
        barcode = self._barcode()
        dialog = step_dialogs.confirm(self, STEP_BY_NUMBER[8].title, self.tr(
            "اوراق پرونده {barcode} در پوشه گذاشته و برچسب آن الصاق شد؟").format(barcode=barcode))
        return self._ask(dialog, lambda uow, _v: dossiers.reassemble(uow, barcode), barcode)

    def recount(self) -> StepDialog:
        barcode = self._barcode()
        return self._ask(step_dialogs.recount(self),
                         lambda uow, v: dossiers.recount(uow, barcode, v["sheets"]), barcode)

    def reshelve(self) -> StepDialog:
        barcode = self._barcode()
        shelf = str(self.detail["shelf"]) if self.detail else ""
        return self._ask(step_dialogs.reshelve(self, shelf),
                         lambda uow, v: dossiers.reshelve(uow, barcode, v["shelf"]), barcode)

    def out_of_turn(self) -> StepDialog:
        barcode = self._barcode()
        reason = str(self.detail.get("out_of_turn_reason") or "") if self.detail else ""
        return self._ask(step_dialogs.out_of_turn(self, reason),
                         lambda uow, v: dossiers.set_out_of_turn(uow, barcode, v["reason"]), barcode)
