"""The admin's users screen: every account with its roles and state; add a user, change roles, unlock, give a new
password, deactivate or reactivate. Each action is one call to services/users.py (which checks the admin role and
audits it); refusals appear inside the dialog or in the one message box."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QHBoxLayout, QHeaderView, QLineEdit, QPushButton,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from scanstation.core.jalali import jalali_datetime, utcnow
from scanstation.core.roles import ROLE_TITLES, Role
from scanstation.core.uow import UnitOfWork
from scanstation.services import users
from scanstation.ui.look import latin_digits_item
from scanstation.ui.step_dialogs import Field, StepDialog, open_for_service
from scanstation.ui.workspace import Workspace

translate = QCoreApplication.translate
MANAGED_ROLES = (Role.CLERK, Role.SUPERVISOR, Role.RECORDS_OFFICER, Role.ADMIN, Role.AGENCY_RESPONSIBLE)


def _with_roles(dialog: StepDialog, chosen: tuple[str, ...]) -> dict[str, QCheckBox]:
    """Role check boxes inside `dialog`, above its message line."""
    boxes: dict[str, QCheckBox] = {}
    layout = dialog.layout()
    at = layout.indexOf(dialog.message)
    for offset, role in enumerate(MANAGED_ROLES):
        box = QCheckBox(ROLE_TITLES[role])
        box.setObjectName(f"role-{role.value}")
        box.setChecked(role.value in chosen)
        layout.insertWidget(at + offset, box)  # type: ignore[attr-defined]
        boxes[role.value] = box
    return boxes


def _checked(boxes: dict[str, QCheckBox]) -> list[str]:
    return [code for code, box in boxes.items() if box.isChecked()]


class UsersAdmin(QWidget):
    """Shown to admins only (ui/screens.py)."""

    def __init__(self, ws: Workspace) -> None:
        super().__init__()
        self._ws = ws
        self.rows: list[users.UserRow] = []
        self.active_dialog: StepDialog | None = None
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("usersTable")
        self.table.setHorizontalHeaderLabels([self.tr("کد"), self.tr("نام"), self.tr("نقش‌ها"), self.tr("وضعیت")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.buttons = {
            "add": QPushButton(self.tr("کاربر تازه…")),
            "roles": QPushButton(self.tr("نقش‌ها…")),
            "unlock": QPushButton(self.tr("باز کردن قفل")),
            "password": QPushButton(self.tr("گذرواژه تازه…")),
            "active": QPushButton(self.tr("غیرفعال کردن")),
        }
        row = QHBoxLayout()
        for key, button in self.buttons.items():
            button.setObjectName(f"users-{key}")
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        self.buttons["add"].clicked.connect(self.add_user)
        self.buttons["roles"].clicked.connect(self.change_roles)
        self.buttons["unlock"].clicked.connect(lambda: self._act(lambda uow, code: users.unlock(uow, code)))
        self.buttons["password"].clicked.connect(self.new_password)
        self.buttons["active"].clicked.connect(self._toggle_active)
        self.table.itemSelectionChanged.connect(self._enable)
        self.refresh()

    def refresh(self) -> None:
        uow = self._ws.uow()
        self._ws.runner.run(lambda: users.list_users(uow), self._show)

    def _show(self, rows: list[users.UserRow]) -> None:
        keep = self.selected()
        self.rows = rows
        self.table.setRowCount(len(rows))
        now = utcnow()
        for i, user in enumerate(rows):
            roles = self.tr("، ").join(ROLE_TITLES[Role(r)] for r in user.roles)
            if not user.active:
                state = self.tr("غیرفعال")
            elif user.locked_until and user.locked_until > now:
                state = self.tr("قفل تا {time}").format(time=jalali_datetime(user.locked_until))
            else:
                state = self.tr("فعال")
            for column, text in enumerate((user.code, user.name, roles, state)):
                cell = QTableWidgetItem(text)
                if column == 0:  # the code a user types at login: Latin digits, never «clerk۱»
                    latin_digits_item(cell, self.table)
                self.table.setItem(i, column, cell)
            if keep and user.code == keep.code:
                self.table.setCurrentCell(i, 0)
        self._enable()

    def selected(self) -> users.UserRow | None:
        picked = self.table.selectionModel().selectedRows()
        return self.rows[picked[0].row()] if picked and picked[0].row() < len(self.rows) else None

    def select(self, code: str) -> None:
        for i, user in enumerate(self.rows):
            if user.code == code:
                self.table.setCurrentCell(i, 0)

    def _enable(self) -> None:
        user = self.selected()
        for key in ("roles", "unlock", "password", "active"):
            self.buttons[key].setEnabled(user is not None)
        self.buttons["active"].setText(self.tr("فعال کردن") if user and not user.active else self.tr("غیرفعال کردن"))

    def _act(self, work: Callable[[UnitOfWork, str], object]) -> None:
        """A one-click action on the selected user; a refusal goes to the one message box."""
        user = self.selected()
        if user is None:
            return
        uow = self._ws.uow()
        self._ws.runner.run(lambda: work(uow, user.code), lambda _r: self.refresh())

    def _toggle_active(self) -> None:
        user = self.selected()
        if user is not None:
            self._act(lambda uow, code: users.set_active(uow, code, not user.active))

    def _ask(self, dialog: StepDialog, work: Callable[[UnitOfWork, dict[str, str]], object]) -> StepDialog:
        """Open `dialog`; each submission runs `work` off the UI thread; a refusal stays in the dialog."""
        return open_for_service(self, self._ws.runner, self._ws.uow, dialog, work, lambda _result: self.refresh(),
                                lambda _dialog: setattr(self, "active_dialog", None))

    def add_user(self) -> StepDialog:
        dialog = StepDialog(self, translate("UsersAdmin", "کاربر تازه"),
                            translate("UsersAdmin", "کد کاربر با حروف لاتین و رقم؛ دست‌کم یک نقش را برگزینید."), [
                                Field("code", translate("UsersAdmin", "کد کاربر")),
                                Field("name", translate("UsersAdmin", "نام و نام خانوادگی")),
                                Field("password", translate("UsersAdmin", "گذرواژه")),
                            ], translate("UsersAdmin", "افزودن کاربر"))
        dialog.field("password").setEchoMode(QLineEdit.EchoMode.Password)
        boxes = _with_roles(dialog, ())
        branch = self._ws.branch
        return self._ask(dialog, lambda uow, v: users.add_user(uow, v["code"], v["name"], _checked(boxes),
                                                               v["password"], branch))

    def change_roles(self) -> StepDialog | None:
        user = self.selected()
        if user is None:
            return None
        dialog = StepDialog(self, translate("UsersAdmin", "نقش‌های {code}").format(code=user.code), user.name, [],
                            translate("UsersAdmin", "ثبت نقش‌ها"))
        boxes = _with_roles(dialog, user.roles)
        return self._ask(dialog, lambda uow, _v: users.set_roles(uow, user.code, _checked(boxes)))

    def new_password(self) -> StepDialog | None:
        user = self.selected()
        if user is None:
            return None
        dialog = StepDialog(self, translate("UsersAdmin", "گذرواژه تازه برای {code}").format(code=user.code),
                            translate("UsersAdmin", "گذرواژه را به خود کاربر بدهید؛ قفل حساب هم باز می‌شود."),
                            [Field("password", translate("UsersAdmin", "گذرواژه تازه"))],
                            translate("UsersAdmin", "ثبت گذرواژه"))
        dialog.field("password").setEchoMode(QLineEdit.EchoMode.Password)
        return self._ask(dialog, lambda uow, v: users.reset_password(uow, user.code, v["password"]))
