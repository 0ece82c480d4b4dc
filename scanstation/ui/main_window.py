"""The main window: a header (branch, user, Jalali date), the work queue and the screens registry beside it,
locked behind a re-login after the configured idle time."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (QDialog, QFrame, QHBoxLayout, QLabel, QMainWindow, QPushButton, QSizePolicy,
                               QSplitter, QStackedWidget, QTabBar, QVBoxLayout, QWidget)

from scanstation.bootstrap import App
from scanstation.core.digits import to_persian
from scanstation.core.jalali import jalali_date, utcnow
from scanstation.core.permissions import may
from scanstation.core.roles import ROLE_TITLES
from scanstation.services import setup
from scanstation.services.page_reading import ReadingProgress
from scanstation.services.upload_worker import Progress
from scanstation.services.users import LoggedIn
from scanstation.ui.dossier_view import DossierView
from scanstation.ui.elided import ElidedLabel
from scanstation.ui.idle_lock import IdleWatcher, LockOverlay, idle_timeout_ms
from scanstation.ui.look import latin_digits, ltr
from scanstation.ui.operations import Runner, show_error
from scanstation.ui.outbox_view import OutboxIndicator
from scanstation.ui.outbox_worker import OutboxWorker
from scanstation.ui.reader_worker import ReaderWorker
from scanstation.ui.queue_view import QueueView
from scanstation.ui.screens import SCREENS, FollowsQueue
from scanstation.ui.workspace import Workspace


UPLOAD_SETTLE_MS = 500  # after the last file verified in a burst, the queue is read again


class Screens(Mapping[str, QWidget]):
    """The screens this user is shown, by key, each built the first time it is asked for (its tab chosen, a shortcut,
    another screen sending the clerk there); until then a blank placeholder holds its place in the window's stack.
    Building all twelve at start took most of the window's launch. The dossier screen, in front at start, is built
    at once. `in` and iteration name the screens shown without building them."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window
        self._specs = {spec.key: spec for spec in SCREENS if spec.shown_to(window.ws.user.roles)}
        self._built: dict[str, QWidget] = {}
        for spec in self._specs.values():
            window.screens.addWidget(self._build(spec.key) if spec.key == "dossier" else QWidget())
            window.screen_tabs.addTab(spec.title())

    def _build(self, key: str) -> QWidget:
        widget = self._built[key] = self._specs[key].build(self._window.ws)
        self._window.wire(widget)
        return widget

    def __getitem__(self, key: str) -> QWidget:
        if key not in self._specs:
            raise KeyError(key)  # a screen this user is not shown
        if key not in self._built:
            index = list(self._specs).index(key)
            stack = self._window.screens
            placeholder = stack.widget(index)
            widget = self._build(key)
            # only the screen in front claims its width (MainWindow._fit_screen); a placeholder is never in front
            # (the tab's screen is built before it is brought), so the swap changes nothing shown
            widget.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
            stack.removeWidget(placeholder)
            placeholder.deleteLater()
            stack.insertWidget(index, widget)
        return self._built[key]

    def __contains__(self, key: object) -> bool:
        return key in self._specs

    def __iter__(self) -> Iterator[str]:
        return iter(self._specs)

    def __len__(self) -> int:
        return len(self._specs)

    def built(self, key: str) -> QWidget | None:
        """The screen if it has been built, without building it."""
        return self._built.get(key)

    def build_at(self, index: int) -> QWidget:
        return self[list(self._specs)[index]]


class MainWindow(QMainWindow):
    """Built after a successful login, for that user; `idle_ms` overrides the settings (tests use a tiny one)."""

    log_out_requested = Signal()  # the launcher closes this window and asks who works next

    def __init__(self, app: App, user: LoggedIn, idle_ms: int | None = None) -> None:
        super().__init__()
        self.setWindowTitle(self.tr("پرونده الکترونیک"))  # the platform adds « — اسکن‌استیشن»
        self.runner = Runner(self)
        self.ws = Workspace(app, self.runner, user, user.branch or app.settings.branch)
        # Names, counts and sentences in the header are as long as the data makes them: each is cut short (the whole
        # text in its tooltip) rather than widen the window past the screen.
        self.header_branch, self.header_user = ElidedLabel(), ElidedLabel()
        self.header_date, self.busy = QLabel(), QLabel()
        self.header_demo = ElidedLabel()  # says so when the database is a demo (published passwords)
        self.header_demo.setObjectName("demoBadge")
        self.header_demo.setStyleSheet("background: #ffd6d6; color: #8a0000; border-radius: 6px; font-weight: bold;")
        self.header_demo.hide()
        self.header_user.setObjectName("headerUser")
        latin_digits(self.header_user)  # names and user codes as typed (clerk1); its Persian words keep their digits
        self.header_branch.setObjectName("headerBranch")
        latin_digits(self.header_branch)  # the branch code as on the labels
        self.header_date.setObjectName("headerDate")
        self.busy.setObjectName("busy")
        # its room is kept while idle, so the header does not move when work starts or ends
        self.busy.setMinimumWidth(self.busy.fontMetrics().horizontalAdvance(self.tr("در حال کار…")) + 24)
        self.outbox_worker = OutboxWorker(app, self)  # uploads in the window when a store address is configured
        self.outbox_indicator = OutboxIndicator(self.outbox_worker)
        # A dossier's electronic state moves on when its files are verified in the store: the queue shows it once
        # the files verified together have all come in, not once for each.
        self._uploaded = QTimer(self, singleShot=True, interval=UPLOAD_SETTLE_MS)
        self._uploaded.timeout.connect(lambda: self.queue.refresh())
        self.outbox_worker.progress.connect(self._upload_news)
        self.reading = ElidedLabel()  # how many stored pages still wait for their text to be read
        self.reading.setObjectName("readingProgress")
        self.reader_worker = ReaderWorker(app, lambda: bool(getattr(self.screen_by_key.built("capture"),
                                                                    "capturing", False)), self)
        self.reader_worker.progress.connect(self._reading_news)
        self.log_out_button = QPushButton(self.tr("خروج از حساب"))
        self.log_out_button.setObjectName("logOut")
        self.log_out_button.setToolTip(self.tr("خروج و ورود با کاربر دیگر (Ctrl+Shift+L)"))
        self.log_out_button.clicked.connect(self.log_out)
        self.queue = QueueView(self.ws)
        self.screens = QStackedWidget()
        self.screens.setObjectName("screens")
        # The screens' tabs run across the whole window above the queue and the screen: beside the queue, seven
        # of them (a supervisor's) did not fit at 1366x768 and the first ones scrolled out of sight.
        self.screen_tabs = QTabBar()
        self.screen_tabs.setObjectName("screenTabs")
        self.screen_tabs.setDocumentMode(True)
        self.screen_tabs.setExpanding(False)
        self.screen_by_key = Screens(self)
        self.screen_tabs.setVisible(self.screens.count() > 1)
        self.screen_tabs.currentChanged.connect(self._bring)
        self.screens.currentChanged.connect(self.screen_tabs.setCurrentIndex)
        self.dossier: DossierView = self.screen_by_key["dossier"]  # type: ignore[assignment]
        if "records" in self.screen_by_key and not may(user.roles, "step.1", "step.7"):
            self.screens.setCurrentWidget(self.screen_by_key["records"])  # where a records officer's day starts
        self.splitter = splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.queue)
        splitter.addWidget(self.screens)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([770, 576])
        self._wide, self._queue_width = False, 770  # the queue's width while a narrow screen is shown
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(self._header())
        layout.addWidget(self.screen_tabs)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(body)
        self.queue.selected.connect(self._follow)
        self.queue.opened.connect(self._open)
        self.queue.tracked.connect(self._show_tracked)
        self._followed: str | None = None  # the queue's current dossier, which every screen follows
        self.screens.currentChanged.connect(self._fit_screen)
        self.screens.currentChanged.connect(self._show_followed)
        self._fit_screen(self.screens.currentIndex())
        self.runner.busy_changed.connect(lambda busy: self.busy.setText(self.tr("در حال کار…") if busy else ""))
        self.shortcuts = [QShortcut(QKeySequence("Ctrl+F"), self, self._focus_search),
                          QShortcut(QKeySequence("F5"), self, self._refresh),
                          QShortcut(QKeySequence("Ctrl+Shift+L"), self, self.log_out)]
        self.shortcuts += [QShortcut(QKeySequence(spec.shortcut), self, lambda key=spec.key: self.show_screen(key))
                           for spec in SCREENS if spec.shortcut and spec.key in self.screen_by_key]
        self.overlay = LockOverlay(app, self.runner, self)
        self.overlay.unlocked.connect(self._unlocked)
        self.idle = IdleWatcher(idle_ms if idle_ms is not None else idle_timeout_ms(app.settings.idle_lock_minutes),
                                self)
        self.idle.idle.connect(self.lock)
        self._show_user()
        if self.ws.branch is None:
            uow = app.uow(user.code)
            self.runner.run(lambda: setup.only_branch(uow), self._branch_found)
        demo_uow = app.uow(user.code)
        self.runner.run(lambda: setup.is_demo(demo_uow), self._demo_found)
        self.queue.refresh()
        self.idle.start()
        self.outbox_worker.start()
        self.reader_worker.start()
        self.resize(1366, 768)  # the usual office screen; run_window maximises

    def wire(self, widget: QWidget) -> None:
        """Connect a screen, as it is built, to the window and the queue by the signals it has."""
        changed = getattr(widget, "changed", None)
        if changed is not None:  # a screen recorded something: refresh the queue and every screen
            changed.connect(lambda barcode: self.queue.refresh(keep=barcode))
        follows_outbox = getattr(widget, "follow_outbox", None)
        if follows_outbox is not None:  # the outbox screen listens to the window's upload worker
            follows_outbox(self.outbox_worker)
        opens_dossier = getattr(widget, "dossier_chosen", None)
        if opens_dossier is not None:  # a search hit: its dossier in the dossier view
            opens_dossier.connect(self._show_dossier)
        restarts = getattr(widget, "changed_settings", None)
        if restarts is not None:  # the store's settings were saved: upload with them from now on
            restarts.connect(self._store_settings_changed)
        opens = getattr(widget, "open_screen", None)
        if opens is not None:  # a screen sends the clerk on to another one (capture -> classification)
            opens.connect(self.show_screen)

    def _bring(self, index: int) -> None:
        """A tab chosen: its screen, built now if it is shown for the first time."""
        self.screen_by_key.build_at(index)
        self.screens.setCurrentIndex(index)

    def _header(self) -> QFrame:
        frame = QFrame()
        frame.setObjectName("header")
        title = QLabel(self.tr("اسکن‌استیشن"))
        title.setObjectName("appTitle")
        row = QHBoxLayout(frame)
        row.addWidget(title)
        for widget in (self.header_demo, self.header_branch, self.header_user):
            row.addWidget(widget, 1)
        row.addStretch(0)
        row.addWidget(self.reading, 1)
        row.addWidget(self.outbox_indicator, 1)
        row.addWidget(self.busy)
        row.addWidget(self.header_date)
        row.addWidget(self.log_out_button)
        return frame

    def _show_user(self) -> None:
        user = self.ws.user
        roles = self.tr("، ").join(ROLE_TITLES[r] for r in sorted(user.roles))
        self.header_user.setText(self.tr("کاربر: {name} ({roles})").format(name=user.name, roles=roles))
        if self.ws.branch and user.branch == self.ws.branch and user.branch_name:
            self.header_branch.setText(self.tr("{name} (کد {code})").format(name=user.branch_name,
                                                                            code=ltr(self.ws.branch)))
        elif self.ws.branch:
            self.header_branch.setText(self.tr("شعبه {code}").format(code=ltr(self.ws.branch)))
        else:
            self.header_branch.setText(self.tr("شعبه نامشخص"))
        self.header_date.setText(self.tr("امروز {date}").format(date=jalali_date(utcnow(), persian_digits=False)))

    def _demo_found(self, demo: bool) -> None:
        self.header_demo.setText(self.tr("پایگاه داده نمونه — برای کار واقعی نیست"))
        self.header_demo.setVisible(demo)

    def _branch_found(self, code: str | None) -> None:
        self.ws.branch = code
        self._show_user()

    def _follow(self, barcode: str) -> None:
        """The screen in front shows the queue's dossier now; the others catch up when they are brought forward
        (hidden screens reloading pages after every scanned batch would only slow the one in use)."""
        self._followed = barcode
        self._show_followed(self.screens.currentIndex())

    def _show_followed(self, index: int) -> None:
        widget = self.screens.widget(index)
        if self._followed is not None and isinstance(widget, FollowsQueue):
            widget.show_dossier(self._followed)

    def _show_tracked(self, barcode: str, document: int) -> None:
        """A tracking code typed in the search: its dossier in the dossier view, that document chosen (its upload
        state and code on the line below)."""
        self.dossier.choose_document(document)
        if self.screens.currentWidget() is not self.dossier:
            self.screens.setCurrentWidget(self.dossier)
        else:
            self.dossier.show_dossier(barcode)

    def _show_dossier(self, barcode: str) -> None:
        self._followed = barcode
        self.screens.setCurrentWidget(self.dossier)
        self.dossier.show_dossier(barcode)

    def _reading_news(self, progress: ReadingProgress) -> None:
        self.reading.setText(self.tr("خواندن متن صفحه‌ها: {n} مانده").format(n=to_persian(progress.waiting))
                             if progress.waiting else "")

    def _open(self, barcode: str) -> None:
        """Enter on a queue row: show the dossier and put the keyboard on its first possible action."""
        self.screens.setCurrentWidget(self.dossier)
        self.dossier.setFocus()
        for button in self.dossier.buttons.values():
            if button.isEnabled() and button is not self.dossier.buttons["new"]:
                button.setFocus()
                break

    def show_screen(self, key: str) -> None:
        """Bring a screen to the front with the keyboard in it."""
        widget = self.screen_by_key[key]
        self.screens.setCurrentWidget(widget)
        widget.setFocus()

    def _fit_screen(self, index: int) -> None:
        """A wide screen (classification: pages, page and documents side by side) takes most of the queue's room;
        the queue gets its width back when a narrow screen returns. A screen with a queue of its own (`own_queue`:
        the supervisor's review) hides the work queue. Only the screen in front claims its minimum width: the stack
        would otherwise keep the widest screen's (the capture bench's, 900 px) for all of them and leave the
        queue at 1366x768 too narrow to show a dossier's state."""
        for other in range(self.screens.count()):
            claim = QSizePolicy.Policy.Preferred if other == index else QSizePolicy.Policy.Ignored
            self.screens.widget(other).setSizePolicy(claim, claim)
        self.screens.updateGeometry()
        self.queue.setVisible(not getattr(self.screens.widget(index), "own_queue", False))  # the review screen's
        wide = bool(getattr(self.screens.widget(index), "wide", False))
        if wide == self._wide:
            return
        self._wide = wide
        sizes = self.splitter.sizes()
        if wide:
            self._queue_width = sizes[0]
        queue = min(sizes[0], 300) if wide else self._queue_width
        self.splitter.setSizes([queue, sum(sizes) - queue])

    def _store_settings_changed(self) -> None:
        if self.outbox_worker.configured:
            self.outbox_worker.restart()

    def _upload_news(self, news: Progress) -> None:
        if news.event == "verified":
            self._uploaded.start()

    def _refresh(self) -> None:
        """F5: the work queue, and the screen in front when it keeps a list of its own (the review queue)."""
        self.queue.refresh()
        refresh = getattr(self.screens.currentWidget(), "refresh", None)
        if refresh is not None:
            refresh()

    def _focus_search(self) -> None:
        self.queue.search.setFocus()
        self.queue.search.selectAll()

    def log_out(self) -> None:
        """Hand the workstation to someone else; not while work is still running in this user's name."""
        if not self.runner.idle:
            show_error(self, self.tr("کاری هنوز در جریان است؛ پس از پایان آن از حساب خارج شوید."))
            return
        self.log_out_requested.emit()

    def lock(self) -> None:
        """Hide the work behind the re-login overlay (the screens themselves hidden, the overlay opaque); open dialogs
        are cancelled, shortcuts stop."""
        if self.overlay.locked:
            return
        self.idle.stop()
        for dialog in self.findChildren(QDialog):
            if dialog.isVisible():
                dialog.reject()
        self.centralWidget().setEnabled(False)
        self.centralWidget().hide()  # nothing personal is drawn behind the lock, not even under the overlay
        for shortcut in self.shortcuts:
            shortcut.setEnabled(False)
        self.overlay.lock(self.ws.user.code, self.ws.user.name)

    def _unlocked(self, who: LoggedIn) -> None:
        switched = who.code != self.ws.user.code
        self.ws.user = who
        if who.branch:
            self.ws.branch = who.branch
        self.centralWidget().setEnabled(True)
        self.centralWidget().show()
        for shortcut in self.shortcuts:
            shortcut.setEnabled(True)
        self._show_user()
        if switched:
            self.queue.refresh()
            self.dossier.show_dossier(self.queue.current_barcode())
        self.idle.start()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        self.idle.stop()
        self.outbox_worker.stop()
        self.reader_worker.stop()
        self.runner.wait()
        super().closeEvent(event)
