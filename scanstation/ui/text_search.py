"""Search by content in the window (issue 23): a field and the pages whose read text holds the words.

The same widget serves the supervisor reviewing a dossier (only that dossier: `dossier_only`) and the branch-wide
«جستجو در متن» screen (every dossier, or the one chosen in the queue). The search runs on the window's Runner, never
on the UI thread; a hit chosen (Enter or a click) is handed on through `page_chosen(barcode, page)`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from scanstation.core.digits import to_persian
from scanstation.services.text_search import TextHit, search_text
from scanstation.ui.look import latin_digits
from scanstation.ui.workspace import Workspace

SEARCH_DELAY_MS = 350  # typing pauses this long before the search runs


class TextSearchBox(QWidget):
    page_chosen = Signal(str, int)  # barcode, page number in the dossier

    def __init__(self, workspace: Workspace, dossier_only: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = workspace
        self.barcode: str | None = None
        self.field = QLineEdit()
        self.field.setObjectName("textSearch")
        self.field.setPlaceholderText(self.tr("جستجو در متن صفحه‌ها") if not dossier_only
                                      else self.tr("جستجو در متن این پرونده"))
        self.field.setClearButtonEnabled(True)
        self.only_this = QCheckBox(self.tr("فقط در پرونده انتخاب‌شده"))
        self.only_this.setChecked(dossier_only)
        self.only_this.setVisible(not dossier_only)
        self.results = QListWidget()
        self.results.setObjectName("textHits")
        self.results.setWordWrap(True)
        latin_digits(self.results)  # barcodes as printed; a snippet's digits as read, Persian or Latin
        self.results.itemActivated.connect(self._chosen)
        self.results.itemClicked.connect(self._chosen)
        self.status = QLabel()
        self.status.setObjectName("caption")
        self.status.setWordWrap(True)
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.search)
        self.field.textChanged.connect(lambda _: self._timer.start())
        self.field.returnPressed.connect(self.search)
        self.only_this.toggled.connect(lambda _: self.search())
        self.results.hide()  # until a search has hits: the screens keep their room
        self.status.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.field, self.only_this, self.status):
            layout.addWidget(widget)
        layout.addWidget(self.results, 1)

    def show_dossier(self, barcode: str | None) -> None:
        self.barcode = barcode
        if self.only_this.isChecked() and self.field.text().strip():
            self.search()

    def search(self) -> None:
        self._timer.stop()
        text = self.field.text().strip()
        if not text:
            self.results.clear()
            self._say("")
            return
        within = self.barcode if self.only_this.isChecked() else None
        if self.only_this.isChecked() and within is None:
            self._say(self.tr("نخست پرونده‌ای را انتخاب کنید."))
            return
        uow = self._ws.uow()
        self._ws.runner.run(lambda: search_text(uow, text, within), self._found, self._refused)

    def _found(self, hits: list[TextHit]) -> None:
        self.results.clear()
        for hit in hits:
            where = self.tr("سند {d}، صفحه {p}").format(d=to_persian(hit.document), p=to_persian(hit.page)) \
                if hit.document else self.tr("صفحه {p}").format(p=to_persian(hit.page))
            prefix = "" if self.only_this.isChecked() else f"{hit.barcode} — "
            item = QListWidgetItem(f"{prefix}{where}\n{hit.snippet}")
            item.setData(Qt.ItemDataRole.UserRole, (hit.barcode, hit.page))
            self.results.addItem(item)
        self._say(self.tr("{n} صفحه یافت شد.").format(n=to_persian(len(hits))) if hits else
                  self.tr("در متن خوانده‌شده صفحه‌ها یافت نشد (صفحه‌هایی که هنوز خوانده نشده‌اند در "
                          "جستجو نیستند)."))

    def _refused(self, error: Exception) -> None:
        self.results.clear()
        self._say(str(error))

    def _say(self, sentence: str) -> None:
        self.status.setText(sentence)
        self.status.setVisible(bool(sentence))
        self.results.setVisible(self.results.count() > 0)

    def _chosen(self, item: QListWidgetItem) -> None:
        barcode, page = item.data(Qt.ItemDataRole.UserRole)
        self.page_chosen.emit(barcode, page)


class TextSearchScreen(QWidget):
    """The branch-wide search: every dossier's pages, or only the dossier chosen in the queue; a hit opens its
    dossier (`dossier_chosen`)."""

    dossier_chosen = Signal(str)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = TextSearchBox(workspace, dossier_only=False)
        self.box.page_chosen.connect(lambda barcode, _page: self.dossier_chosen.emit(barcode))
        title = QLabel(self.tr("جستجو در متن صفحه‌ها"))
        title.setObjectName("paneTitle")
        hint = QLabel(self.tr("واژه‌ها را با هر نوشتاری بنویسید (ی و ک عربی یا فارسی، رقم فارسی یا لاتین، با یا بی "
                              "فاصله)؛ متن صفحه‌ها پس از ذخیره در پس‌زمینه خوانده می‌شود."))
        hint.setObjectName("caption")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addWidget(self.box, 1)
        self.setFocusProxy(self.box.field)

    def show_dossier(self, barcode: str | None) -> None:
        self.box.show_dossier(barcode)
