"""Small dialogs that collect a step's inputs. They only gather text: the service validates it, and its
Persian refusal is shown inside the dialog, which stays open so the clerk can correct the value.
Enter submits, Esc cancels; numbers may be typed in Persian or Latin digits."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPushButton, QWidget

from scanstation.core.errors import ScanStationError
from scanstation.core.uow import UnitOfWork
from scanstation.ui.look import codes_as_printed, latin_digits, titled_dialog
from scanstation.ui.operations import Runner, show_error


translate = QCoreApplication.translate


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    value: str = ""
    placeholder: str = ""


Offer = tuple[str, Callable[[], None]]


class StepDialog(QDialog):
    """A titled form; `submitted(values)` asks the caller to run the service, which then calls
    `finish()` on success or `show_error(message)` on refusal."""

    submitted = Signal(dict)

    def __init__(self, parent: QWidget, title: str, intro: str, fields: list[Field], submit_text: str,
                 extra: QWidget | None = None) -> None:
        """`extra`: a widget above the fields (a choice the fields do not express)."""
        super().__init__(parent)
        layout = titled_dialog(self, title, intro, 520)
        if extra is not None:
            layout.addWidget(extra)
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for spec in fields:
            edit = QLineEdit(spec.value)
            edit.setObjectName(spec.key)
            edit.setPlaceholderText(spec.placeholder)
            form.addRow(spec.label, edit)
            self.fields[spec.key] = edit
        layout.addLayout(form)
        self.message = QLabel()
        self.message.setObjectName("dialogMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.RichText)
        self.message.setStyleSheet("color: #b00020;")
        layout.addWidget(self.message)
        self.offer_button = QPushButton()  # a way out a refusal offers (e.g. open the dossier that already exists)
        self.offer_button.setObjectName("dialogOffer")
        latin_digits(self.offer_button)
        self.offer_button.hide()
        self._offer: Callable[[], None] | None = None
        self.offer_button.clicked.connect(self._take_offer)
        layout.addWidget(self.offer_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(submit_text)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(translate("StepDialogs", "انصراف"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if self.fields:
            next(iter(self.fields.values())).setFocus()

    def field(self, key: str) -> QLineEdit:
        return self.fields[key]

    def values(self) -> dict[str, str]:
        return {key: edit.text() for key, edit in self.fields.items()}

    def submit(self) -> None:
        if not self.ok_button.isEnabled():
            return
        self.ok_button.setEnabled(False)
        self.message.setStyleSheet("color: #0b4f6c;")  # work under way, not a refusal: the house's blue
        self.message.setText(translate("StepDialogs", "در حال ثبت…"))
        self.submitted.emit(self.values())

    def show_error(self, message: str, offer: Offer | None = None) -> None:
        """The refusal in the dialog; `offer` (a button text and what it does) is shown under it when given."""
        self.ok_button.setEnabled(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.setText(codes_as_printed(message))
        self._offer = offer[1] if offer else None
        self.offer_button.setText(offer[0] if offer else "")
        self.offer_button.setVisible(offer is not None)

    def _take_offer(self) -> None:
        if self._offer is not None:
            self._offer()

    def finish(self) -> None:
        self.accept()


def new_dossier(parent: QWidget) -> StepDialog:
    """Step 1: the file taken off its shelf is registered."""
    return StepDialog(parent, translate("StepDialogs", "پرونده جدید — خارج کردن از ردیف بایگانی"), "", [
        Field("insured_number", translate("StepDialogs", "شماره بیمه"),
              placeholder=translate("StepDialogs", "مثلاً ۱۰۰۰۲۳۴۵۶۷")),
        Field("national_id", translate("StepDialogs", "کد ملی"), placeholder=translate("StepDialogs", "ده رقم")),
        Field("name", translate("StepDialogs", "نام و نام خانوادگی بیمه شده")),
        Field("shelf", translate("StepDialogs", "محل در بایگانی (ردیف/قفسه)"),
              placeholder=translate("StepDialogs", "مثلاً ردیف ۳ قفسه ۱۲")),
        Field("reason", translate("StepDialogs", "دلیل خارج از نوبت (اگر هست)"),
              placeholder=translate("StepDialogs", "خالی یعنی در نوبت")),
        Field("second", translate("StepDialogs", "دلیل پرونده دوم برای همین کد ملی"),
              placeholder=translate("StepDialogs", "تنها اگر این کد ملی پرونده دیگری دارد")),
    ], translate("StepDialogs", "ثبت پرونده"))


def count(parent: QWidget) -> StepDialog:
    """Step 2: sheets, not image sides."""
    return StepDialog(parent, translate("StepDialogs", "برگ شماری"),
                      translate("StepDialogs", "برگ‌های پرونده را بشمارید (هر برگ یک بار، نه هر رو)."),
                      [Field("sheets", translate("StepDialogs", "تعداد برگ‌ها"))],
                      translate("StepDialogs", "ثبت برگ شماری"))


def prepare(parent: QWidget) -> StepDialog:
    """Step 4: slimmed sheets (Part 4.1) leave the file and reduce the expected recount."""
    return StepDialog(parent, translate("StepDialogs", "آماده سازی"),
                      translate("StepDialogs", "گیره‌ها را باز کنید، برگ‌های آسیب‌دیده را ترمیم و مرتب کنید."),
                      [Field("slimmed", translate("StepDialogs", "تعداد برگ‌های لاغرسازی شده"), "0")],
                      translate("StepDialogs", "ثبت آماده سازی"))


def recount(parent: QWidget) -> StepDialog:
    """Step 9: must equal the step-2 count minus the slimmed sheets; the service says so if not."""
    return StepDialog(parent, translate("StepDialogs", "کنترل تعداد برگ‌ها"),
                      translate("StepDialogs", "برگ‌های پرونده جمع‌آوری شده را دوباره بشمارید."),
                      [Field("sheets", translate("StepDialogs", "تعداد برگ‌ها"))],
                      translate("StepDialogs", "ثبت بازشماری"))


def reshelve(parent: QWidget, shelf: str) -> StepDialog:
    """Step 10: the location may change; the service records the old one."""
    return StepDialog(parent, translate("StepDialogs", "بازگرداندن به قفسه"), "",
                      [Field("shelf", translate("StepDialogs", "محل در بایگانی (ردیف/قفسه)"), shelf)],
                      translate("StepDialogs", "ثبت بازگرداندن"))


def out_of_turn(parent: QWidget, reason: str) -> StepDialog:
    """Part 3.1.b: the insured person is at the counter, or the file is to be transferred."""
    return StepDialog(parent, translate("StepDialogs", "خارج از نوبت"),
                      translate("StepDialogs", "این پرونده در همه صف‌ها پیش از بقیه می‌آید."),
                      [Field("reason", translate("StepDialogs", "دلیل"), reason,
                             translate("StepDialogs", "مثلاً: بیمه شده در باجه است"))],
                      translate("StepDialogs", "ثبت خارج از نوبت"))


class DialogOwner(Protocol):
    """A screen that opens step dialogs and names the one that is open (tests fill it through this)."""

    active_dialog: QDialog | None


def dismiss(owner: QWidget, dialog: QDialog) -> None:
    """A dialog has closed: the owner no longer names it as open (unless another took its place), and it is freed."""
    holder: DialogOwner = owner  # type: ignore[assignment]
    if holder.active_dialog is dialog:
        holder.active_dialog = None
    dialog.deleteLater()


def open_for_service(owner: QWidget, runner: Runner, new_uow: Callable[[], UnitOfWork], dialog: StepDialog,
                     work: Callable[[UnitOfWork, dict[str, str]], object], done: Callable[[object], None],
                     closed: Callable[[StepDialog], None] | None = None,
                     offer: Callable[[ScanStationError], Offer | None] | None = None) -> StepDialog:
    """Open `dialog` window-modal (not exec(): the event loop keeps running and tests can fill it). Each submission
    runs `work(uow, values)` off the UI thread; success closes the dialog (unless it was cancelled meanwhile: Esc, the
    idle lock) and calls `done(result)`; a refusal stays in the dialog, or becomes a message once it has closed.
    `owner.active_dialog` names the open dialog; `closed(dialog)` is called when it closes (by default `dismiss`,
    which forgets and frees it). `offer(error)` may give a
    refusal a button that leads on (a dossier that already exists is opened, not registered twice)."""
    holder: DialogOwner = owner  # type: ignore[assignment]

    def submitted(values: dict[str, str]) -> None:
        uow = new_uow()
        runner.run(lambda: work(uow, values), succeeded, refused)

    def succeeded(result: object) -> None:
        if holder.active_dialog is dialog:
            dialog.finish()
        done(result)

    def refused(error: ScanStationError) -> None:
        if holder.active_dialog is dialog:
            dialog.show_error(str(error), offer(error) if offer else None)
        else:
            show_error(owner, str(error))

    holder.active_dialog = dialog
    dialog.submitted.connect(submitted)
    dialog.finished.connect(lambda _code: closed(dialog) if closed else dismiss(owner, dialog))
    dialog.open()
    return dialog
