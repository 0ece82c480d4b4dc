"""Step 7 in the window: the supervisor's review queue, and the review of one dossier document by document.

The queue (services/review.py) lists what waits, out-of-turn first; Enter opens a dossier in the page viewer with a
documents panel beside it. Keyboard: PgDn/PgUp or the arrows turn pages, Ctrl+PgDn/Ctrl+PgUp go to the next or
previous document, + and − zoom; Ctrl+Enter (or A) approves the document shown and moves on to the next one still
waiting; R sends pages back with a reason (the dialog proposes the page shown); Esc returns to the queue. Each
approval re-hashes the document's images, so it runs off the UI thread. What is allowed, and why not, comes from
services/actions.document_actions; the services keep the last word.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QListWidget, QListWidgetItem,
                               QMessageBox,
                               QPushButton, QStackedWidget, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from scanstation.core.digits import to_persian
from scanstation.core.jalali import utcnow
from scanstation.core.policy import review_policy
from scanstation.core.uow import UnitOfWork
from scanstation.indexing.page_ranges import parse_ranges
from scanstation.indexing.taxonomy import load_taxonomy
from scanstation.services import actions, page_capture, queries, verification
from scanstation.services.actions import DocumentDecisions
from scanstation.services.read_models import DocumentView, DossierDetail, ReviewItem
from scanstation.ui import step_dialogs
from scanstation.ui.elided import ElidedLabel
from scanstation.ui.look import LATIN_DIGITS_FAMILY, latin_digits, latin_digits_item, ltr
from scanstation.ui.page_viewer import PageViewer, ViewerPage, document_colour
from scanstation.ui.step_dialogs import Field, StepDialog
from scanstation.ui.text_search import TextSearchBox
from scanstation.ui.workspace import Workspace

translate = QCoreApplication.translate
# Ctrl+Enter is the approval on every keyboard; A and R are the letters on a Latin layout, ش and ق the same keys on
# the Persian one (Qt matches the character typed).
APPROVE_KEYS = ("Ctrl+Return", "Ctrl+Enter", "A", "ش")
REJECT_KEYS = ("R", "ق")
APPROVED = QColor("#2e7d32")


def waiting_text(since: datetime, now: datetime) -> str:
    """How long something has waited, in the largest whole unit (minutes, hours or days)."""
    minutes = max(int((now - since).total_seconds() // 60), 0)
    if minutes < 60:
        return translate("ReviewView", "{n} دقیقه").format(n=to_persian(minutes))
    if minutes < 24 * 60:
        return translate("ReviewView", "{n} ساعت").format(n=to_persian(minutes // 60))
    return translate("ReviewView", "{n} روز").format(n=to_persian(minutes // (24 * 60)))


def reject_dialog(parent: QWidget, number: int, page: int | None, addition: bool = False) -> StepDialog:
    """The supervisor's reason and the pages sent back (the page shown, unless changed). An `addition` from the
    counter goes back alone: the dossier stays where it is."""
    goes = (translate("ReviewView", "صفحه‌های نام‌برده با دلیل شما به اپراتور برمی‌گردند تا اصلاح شوند؛ این سند "
                                    "افزوده در باجه است و پرونده و اسناد تأییدشده‌اش دست نمی‌خورند.") if addition else
            translate("ReviewView", "صفحه‌های نام‌برده با دلیل شما به اپراتور برمی‌گردند و پرونده به "
                                    "تصویربرداری بازمی‌گردد."))
    return StepDialog(parent, translate("ReviewView", "رد سند {n}").format(n=to_persian(number)),
                      goes + " " + translate("ReviewView", "صفحه‌ها را با شماره در پرونده بنویسید؛ خالی یعنی همه "
                                                           "صفحه‌های سند."),
                      [Field("reason", translate("ReviewView", "دلیل رد"),
                             placeholder=translate("ReviewView", "مثلاً: مهر برابر اصل خوانا نیست")),
                       Field("pages", translate("ReviewView", "صفحه‌ها"), to_persian(page) if page else "",
                             translate("ReviewView", "مثلاً ۳-۴،۷"))],
                      translate("ReviewView", "رد و بازگرداندن"))


class ReviewQueue(QTableWidget):
    """The review queue as a table; Enter or a double click opens the row's dossier (`opened(barcode)`)."""

    opened = Signal(str)
    COLUMNS = ("barcode", "name", "kind", "operators", "pages", "documents", "sheets", "accepted", "waiting")

    def __init__(self) -> None:
        super().__init__(0, len(self.COLUMNS))
        self.setObjectName("reviewQueue")
        self.items: list[ReviewItem] = []
        self.setHorizontalHeaderLabels([
            self.tr("بارکد"), self.tr("نام"), self.tr("نوع"), self.tr("اپراتور"), self.tr("صفحه"),
            self.tr("سند در انتظار"), self.tr("برگ: شمارش − لاغری / اسکن"), self.tr("ایراد پذیرفته"),
            self.tr("انتظار")])
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setWordWrap(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.activated.connect(lambda index: self._open(index.row()))

    def _sheets_text(self, item: ReviewItem, counted: str) -> str:
        """Counted less slimmed against captured. After a counter intake the captured sheets include the papers
        added since, which no count covered: it says so rather than show a mismatch."""
        if item.kind == "intake":
            return self.tr("{captured} اسکن، {counted} در شمارش (پیش از اوراق افزوده)").format(
                captured=to_persian(item.sheets_captured), counted=counted)
        return f"{counted} / {to_persian(item.sheets_captured)}"

    def set_items(self, items: list[ReviewItem], now: datetime) -> None:
        keep = self.current_barcode()
        self.items = items
        self.setRowCount(len(items))
        for row, item in enumerate(items):
            counted = "؟" if item.sheets_counted is None else to_persian(item.sheets_counted - (item.sheets_slimmed
                                                                                                 or 0))
            texts = [item.barcode, item.name,
                     self.tr("پرونده") if item.kind == "dossier" else self.tr("سند افزوده"),
                     "، ".join(item.operators), to_persian(item.pages),
                     self.tr("{pending} از {total}").format(pending=to_persian(item.pending),
                                                           total=to_persian(item.documents)),
                     self._sheets_text(item, counted), to_persian(item.flags_accepted),
                     waiting_text(item.since, now)]
            for column, text in enumerate(texts):
                cell = QTableWidgetItem(text)
                if column in (0, 3):  # the barcode and the operators' codes, as on labels and logins
                    latin_digits_item(cell, self)
                if item.out_of_turn:
                    cell.setBackground(QColor("#ffe8b3"))
                    cell.setToolTip(self.tr("خارج از نوبت"))
                self.setItem(row, column, cell)
        barcodes = [i.barcode for i in items]
        if items:
            self.setCurrentCell(barcodes.index(keep) if keep in barcodes else 0, 0)

    def current_barcode(self) -> str | None:
        row = self.currentRow()
        return self.items[row].barcode if 0 <= row < len(self.items) else None

    def _open(self, row: int) -> None:
        if 0 <= row < len(self.items):
            self.opened.emit(self.items[row].barcode)


class ReviewView(QWidget):
    """The supervisor's screen for step 7; `changed(barcode)` tells the window a decision was recorded."""

    changed = Signal(str)
    wide = True  # the page wants the room: the window narrows the work queue while this screen is shown
    own_queue = True  # and hides it: the review queue takes its place

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = workspace
        self.barcode: str | None = None
        self.detail: DossierDetail | None = None
        self.decisions: dict[int, DocumentDecisions] = {}
        self.active_dialog: StepDialog | None = None
        self._go_to: int | None = None  # the document to show once the dossier is loaded again
        self.status = QLabel()
        self.status.setObjectName("reviewStatus")
        self.status.setWordWrap(True)

        self.queue = ReviewQueue()
        self.queue.opened.connect(self.open_dossier)
        self.queue_title = QLabel(self.tr("پرونده‌های در انتظار تأیید ناظر (مرحله ۷)"))
        self.queue_title.setObjectName("paneTitle")
        queue_page = QWidget()
        queue_layout = QVBoxLayout(queue_page)
        queue_layout.addWidget(self.queue_title)
        queue_layout.addWidget(self.queue, 1)
        self.queue_hint = QLabel()
        self.queue_hint.setObjectName("reviewQueueHint")
        queue_layout.addWidget(self.queue_hint)

        self.title = ElidedLabel()  # name and state: cut, not the window widened
        self.title.setObjectName("paneTitle")
        latin_digits(self.title)
        self.viewer = PageViewer()
        self.viewer.page_changed.connect(self._page_changed)
        self.viewer.shown.connect(self._page_shown)
        # the images shown to the approver (Directive 2.3), by hash: a page rescanned since counts as not seen
        self.seen: set[str] = set()
        self._sha_of: dict[int, str] = {}  # the open dossier's page numbers and their images
        self.unseen_box: QMessageBox | None = None
        self.documents = QListWidget()
        self.documents.setObjectName("reviewDocuments")
        self.documents.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.documents.setWordWrap(False)  # two lines a document, cut short rather than wrapped: eight fit at 768 px
        self.documents.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.documents.itemClicked.connect(lambda item: self.show_document(item.data(Qt.ItemDataRole.UserRole)))
        self.approve_button = QPushButton(self.tr("تأیید سند"))
        self.approve_button.setObjectName("approveDocument")
        self.approve_button.clicked.connect(self.approve)
        self.reject_button = QPushButton(self.tr("رد سند…"))
        self.reject_button.setObjectName("rejectDocument")
        self.reject_button.clicked.connect(self.reject)
        self.back_button = QPushButton(self.tr("بازگشت به صف (Esc)"))
        self.back_button.clicked.connect(self.show_queue)
        for button in (self.approve_button, self.reject_button, self.back_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAutoDefault(False)
        self.text_search = TextSearchBox(workspace, dossier_only=True)  # the words read on this dossier's pages
        self.text_search.page_chosen.connect(lambda _barcode, seq: self.show_page_number(seq))
        panel = QVBoxLayout()
        panel.addWidget(QLabel(self.tr("اسناد پرونده")))
        panel.addWidget(self.documents, 1)
        panel.addWidget(self.text_search.results)  # shown while a search has hits; the field sits by the title
        panel.addWidget(self.text_search.status)
        self.text_search.results.setMaximumHeight(self.fontMetrics().height() * 9)
        decide = QHBoxLayout()  # side by side: the list keeps the height for eight documents at 768 px
        decide.addWidget(self.approve_button, 1)
        decide.addWidget(self.reject_button, 1)
        panel.addLayout(decide)
        panel.addWidget(self.back_button)
        side = QWidget()
        side.setLayout(panel)
        side.setFixedWidth(250)
        body = QHBoxLayout()
        body.addWidget(side)
        body.addWidget(self.viewer, 1)
        review_page = QWidget()
        review_layout = QVBoxLayout(review_page)
        heading = QHBoxLayout()
        heading.addWidget(self.title, 1)
        heading.addWidget(self.text_search.field)
        review_layout.addLayout(heading)
        review_layout.addLayout(body, 1)

        self.stack = QStackedWidget()
        self.stack.addWidget(queue_page)
        self.stack.addWidget(review_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.status)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        self.shortcuts = [QShortcut(QKeySequence(k), review_page, self.approve, context=context) for k in APPROVE_KEYS]
        self.shortcuts += [QShortcut(QKeySequence(k), review_page, self.reject, context=context) for k in REJECT_KEYS]
        self.shortcuts.append(QShortcut(QKeySequence("Escape"), review_page, self.show_queue, context=context))
        self.setFocusProxy(self.queue)

    # ----- the queue
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self.stack.currentIndex() == 0:
            self.refresh()

    def refresh(self) -> None:
        """Read the review queue again (and the dossier under review, if one is open)."""
        if self.stack.currentIndex() == 1 and self.barcode is not None:
            self._load()
            return
        uow = self._ws.uow()
        self._ws.runner.run(lambda: verification.review_queue(uow), self._queue_loaded)

    def _queue_loaded(self, items: list[ReviewItem]) -> None:
        self.queue.set_items(items, utcnow())
        self.queue_hint.setText(self.tr("Enter: بازبینی پرونده انتخاب شده") if items else
                                self.tr("پرونده‌ای در انتظار تأیید نیست؛ پرونده‌ای که کاربر کنترل کیفیت آن را به پایان "
                                        "برساند (مرحله ۶) اینجا می‌آید."))

    def show_queue(self) -> None:
        self.barcode, self.detail = None, None
        self.stack.setCurrentIndex(0)
        self.setFocusProxy(self.queue)
        self.queue.setFocus()
        self.refresh()

    # ----- one dossier
    def open_dossier(self, barcode: str) -> None:
        if barcode != self.barcode:
            self.seen.clear()
        self.barcode, self._go_to = barcode, None
        self.text_search.show_dossier(barcode)
        self.status.clear()
        self.stack.setCurrentIndex(1)
        self.setFocusProxy(self.viewer)
        self.viewer.setFocus()
        self._load()

    def _load(self) -> None:
        barcode, uow = self.barcode, self._ws.uow()
        assert barcode is not None

        def load() -> tuple[DossierDetail, dict[int, DocumentDecisions]]:
            detail = queries.dossier_detail(uow, barcode)
            return detail, actions.document_actions(uow, barcode, [d.number for d in detail.documents])

        self._ws.runner.run(load, self._loaded)

    def _loaded(self, loaded: tuple[DossierDetail, dict[int, DocumentDecisions]]) -> None:
        detail, decisions = loaded
        if detail.barcode != self.barcode:
            return  # the supervisor has gone on meanwhile
        self.detail, self.decisions = detail, decisions
        self._sha_of = {page.seq: page.sha256 for page in detail.pages}
        self.title.setText(self.tr("بازبینی پرونده {barcode} — {name} — {state}").format(
            barcode=ltr(detail.barcode), name=detail.name, state=detail.state_title))
        taxonomy, store = load_taxonomy(), self._ws.app.pages
        doc_of = {d.number: d for d in detail.documents}
        pages = []
        for page in detail.pages:
            doc = doc_of.get(page.document) if page.document else None
            kind = taxonomy.types.get(doc.type) if doc else None
            heading = taxonomy.headings.get(doc.heading) if doc else None
            pages.append(ViewerPage(seq=page.seq, files=lambda sha=page.sha256: page_capture.page_files(store, sha),
                                    sheet=page.sheet, side=page.side, document=page.document,
                                    doc_type=kind.name if kind else (doc.type if doc else None),
                                    heading=heading.name if heading else None, qc_reasons=page.qc_reasons,
                                    accepted_reason=page.accepted_reason))
        target = self._go_to if self._go_to in doc_of else self._first_waiting(detail.documents)
        self.viewer.set_pages(pages, self._first_index(detail, target))
        self._render_documents()

    def _first_waiting(self, docs: tuple[DocumentView, ...], after: int = 0) -> int | None:
        """The first document still waiting after `after` (wrapping round); None when every one is approved."""
        waiting = [d.number for d in docs if d.verified_by is None]
        later = [n for n in waiting if n > after]
        return (later or waiting or [None])[0]

    def _first_index(self, detail: DossierDetail, number: int | None) -> int:
        for index, page in enumerate(detail.pages):
            if page.document == number:
                return index
        return 0

    def _render_documents(self) -> None:
        detail = self.detail
        self.documents.clear()
        if detail is None:
            return
        taxonomy = load_taxonomy()
        codes_font = self.documents.font()  # its numbers are Persian code points: only the code keeps Latin digits
        codes_font.setFamily(LATIN_DIGITS_FAMILY)
        for doc in detail.documents:
            kind = taxonomy.types.get(doc.type)
            pages = (f"{to_persian(doc.pages[0])}–{to_persian(doc.pages[-1])}" if len(doc.pages) > 1
                     else to_persian(doc.pages[0]) if doc.pages else "")
            state = (self.tr("تأیید شد: {who}").format(who=ltr(doc.verified_by)) if doc.verified_by
                     else self.tr("در انتظار تأیید"))
            item = QListWidgetItem(self.tr("سند {n}، ص {pages}، {state}\n{kind}").format(
                n=to_persian(doc.number), kind=kind.name if kind else doc.type, pages=pages, state=state))
            item.setData(Qt.ItemDataRole.UserRole, doc.number)
            item.setForeground(APPROVED if doc.verified_by else document_colour(doc.number))
            item.setFont(codes_font)  # the approver's code as typed at login («super1», not «super۱»)
            self.documents.addItem(item)
        self._page_changed(self.viewer.index)

    def current_document(self) -> int | None:
        page = self.viewer.current()
        return page.document if page is not None else None

    def show_page_number(self, seq: int) -> None:
        """The page numbered `seq` in the dossier (a text search hit)."""
        if self.detail is not None:
            for index, page in enumerate(self.detail.pages):
                if page.seq == seq:
                    self.viewer.show_page(index)
                    self.viewer.setFocus()
                    return

    def show_document(self, number: int) -> None:
        if self.detail is not None:
            self.viewer.show_page(self._first_index(self.detail, number))
            self.viewer.setFocus()

    def _page_changed(self, _index: int) -> None:
        number = self.current_document()
        for row in range(self.documents.count()):
            item = self.documents.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == number:
                self.documents.setCurrentItem(item)
        decision = self.decisions.get(number) if number is not None else None
        none = self.tr("این صفحه در هیچ سندی نیست.")
        self._enable(self.approve_button, decision.approve.reason if decision else none, decision is not None,
                     self.tr("تأیید تصاویر این سند با اصل اوراق (Ctrl+Enter یا A)"))
        self._enable(self.reject_button, decision.reject.reason if decision else none, decision is not None,
                     self.tr("بازگرداندن صفحه‌های این سند به اپراتور با ذکر دلیل (R)"))

    def _enable(self, button: QPushButton, reason: str | None, known: bool, description: str) -> None:
        allowed = known and reason is None
        button.setEnabled(allowed)
        button.setToolTip(description if allowed else reason or "")

    # ----- decisions
    def _page_shown(self, seq: int) -> None:
        sha = self._sha_of.get(seq)
        if sha is not None:
            self.seen.add(sha)

    def seen_pages(self) -> set[int]:
        """The numbers of the open dossier's pages whose present image was shown."""
        return {seq for seq, sha in self._sha_of.items() if sha in self.seen}

    def _unseen(self, number: int) -> list[int]:
        doc = next((d for d in self.detail.documents if d.number == number), None) if self.detail else None
        seen = self.seen_pages()
        return [seq for seq in (doc.pages if doc else ()) if seq not in seen]

    def approve(self, unseen_confirmed: bool = False) -> None:
        number, barcode = self.current_document(), self.barcode
        if number is None or barcode is None or not self._ws.runner.idle:
            return
        decision = self.decisions.get(number)
        if decision is None or not decision.approve.allowed:
            self.status.setText(decision.approve.reason if decision else self.tr("این صفحه در هیچ سندی نیست."))
            return
        unseen = self._unseen(number)
        if unseen and review_policy().require_every_page_seen and not unseen_confirmed:
            self._ask_unseen(number, unseen)
            return
        uow, store, seen = self._ws.uow(), self._ws.app.pages, frozenset(self.seen_pages())
        self.status.setText(self.tr("در حال خواندن دوباره تصاویر سند {n}…").format(n=to_persian(number)))
        self._ws.runner.run(lambda: verification.approve_document(uow, barcode, number, store, seen),
                            lambda hashes: self._approved(barcode, number, len(hashes)))

    def _ask_unseen(self, number: int, unseen: list[int]) -> None:
        """Some pages of the document were never shown: show the first of them, or approve knowingly."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("صفحه‌های دیده‌نشده"), self.tr(
            "{count} صفحه از سند {n} به شما نشان داده نشده است (صفحه‌های {pages}). تأیید شما یعنی تصویر هر صفحه "
            "با اصل آن تطبیق داده شده است.").format(count=to_persian(len(unseen)), n=to_persian(number),
                                                   pages=self.tr("، ").join(to_persian(p) for p in unseen[:12])),
            parent=self)
        box.setObjectName("unseenPages")
        show = box.addButton(self.tr("نمایش نخستین صفحه دیده‌نشده"), QMessageBox.ButtonRole.RejectRole)
        approve = box.addButton(self.tr("تأیید بدون دیدن همه صفحه‌ها"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(show)
        box.setEscapeButton(show)
        first = next(i for i, page in enumerate(self.viewer.pages) if page.seq == unseen[0])

        def answered(button: object) -> None:
            self.unseen_box = None
            if button is approve:
                self.approve(unseen_confirmed=True)
            else:
                self.viewer.show_page(first)
                self.viewer.setFocus()

        box.buttonClicked.connect(answered)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.unseen_box = box
        box.open()

    def _approved(self, barcode: str, number: int, pages: int) -> None:
        self.changed.emit(barcode)
        if self.barcode != barcode or self.detail is None:
            return
        following = self._first_waiting(tuple(d for d in self.detail.documents if d.number != number), number)
        if following is None:
            self.show_queue()
            self.status.setText(self.tr("همه اسناد پرونده {barcode} تأیید شد و مرحله ۷ ثبت شد.").format(
                barcode=ltr(barcode)))
            return
        self.status.setText(self.tr("سند {n} با {pages} صفحه تأیید شد.").format(n=to_persian(number),
                                                                            pages=to_persian(pages)))
        self._go_to = following
        self._load()

    def reject(self) -> StepDialog | None:
        number, barcode = self.current_document(), self.barcode
        page = self.viewer.current()
        if number is None or barcode is None or self.active_dialog is not None:
            return None
        decision = self.decisions.get(number)
        if decision is None or not decision.reject.allowed:
            self.status.setText(decision.reject.reason if decision else self.tr("این صفحه در هیچ سندی نیست."))
            return None

        def work(uow: UnitOfWork, values: dict[str, str]) -> None:
            pages = parse_ranges(values["pages"]) if values["pages"].strip() else None
            verification.reject_document(uow, barcode, number, values["reason"], pages)

        return step_dialogs.open_for_service(self, self._ws.runner, self._ws.uow,
                                             reject_dialog(self, number, page.seq if page else None,
                                                           self.detail is not None and self.detail.progress.done(7)),
                                             work,
                                             lambda _result: self._rejected(barcode, number), self._dialog_closed)

    def _rejected(self, barcode: str, number: int) -> None:
        self.changed.emit(barcode)
        self.show_queue()
        self.status.setText(self.tr("سند {n} پرونده {barcode} با دلیل شما به اپراتور برگشت.").format(
            n=to_persian(number), barcode=ltr(barcode)))

    def _dialog_closed(self, dialog: StepDialog) -> None:
        step_dialogs.dismiss(self, dialog)
        if self.stack.currentIndex() == 1:
            self.viewer.setFocus()
