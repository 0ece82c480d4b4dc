"""A page viewer for checking scanned images against the paper: one page large (fit to page, fit to width, zoom,
pan), a thumbnail strip with the document boundaries as coloured bands, and each page's quality flags with the
reason they were accepted. It takes plain page entries (the PageEntry protocol), so the review screen and the
capture bench can both drop it in whatever shape their read models have.

Masters are decoded off the main thread, with the page already scaled to the view, and the next pages are decoded
ahead of the clerk: paging through a dossier shows each page at once.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (QColor, QIcon, QImage, QImageReader, QKeyEvent, QKeySequence, QMouseEvent, QPainter,
                           QPaintEvent, QPalette, QPen, QPixmap, QShortcut, QWheelEvent)
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QScrollArea,
                               QStyledItemDelegate, QStyleOptionViewItem, QVBoxLayout, QWidget)

from scanstation.capture.qc_titles import REASON_TITLES
from scanstation.core.digits import to_persian
from scanstation.ui.operations import Runner

THUMB_SIZE = QSize(72, 102)
BAND_WIDTH = 7
ZOOM_STEP = 1.25
MIN_ZOOM, MAX_ZOOM = 0.05, 4.0
CACHE_PAGES = 6  # decoded pages kept: the one shown, the ones prefetched and a few behind
# One colour per document, cycled; pages not yet in a document are grey.
DOCUMENT_COLOURS = [QColor(c) for c in ("#2f7fb5", "#e08a1e", "#3a9a5b", "#9b59b6", "#c0392b", "#16a5a5")]
LOOSE = QColor("#b0b7bd")
FLAGGED, ACCEPTED = QColor("#b00020"), QColor("#8a5a00")
SKIPPED = object()  # a decode no longer wanted when its turn came
RLM = "\u200f"  # RIGHT-TO-LEFT MARK


class PageEntry(Protocol):
    """What the viewer needs to know of one page; a frozen dataclass of a read model fits as it is."""

    @property
    def seq(self) -> int: ...
    @property
    def sheet(self) -> int | None: ...
    @property
    def side(self) -> str | None: ...  # "front" | "back"
    @property
    def document(self) -> int | None: ...
    @property
    def doc_type(self) -> str | None: ...  # a title to show, or the code when there is none
    @property
    def heading(self) -> str | None: ...
    @property
    def qc_reasons(self) -> Sequence[str]: ...
    @property
    def accepted_reason(self) -> str | None: ...
    @property
    def sent_back_reason(self) -> str | None: ...  # the approver's sentence when the page was sent back
    def master_path(self) -> Path | None: ...
    def thumbnail_path(self) -> Path | None: ...


@dataclass(frozen=True)
class ViewerPage:
    """A ready-made PageEntry; `files` finds (master, thumbnail) when asked, on the decoding thread."""

    seq: int
    files: Callable[[], tuple[Path | None, Path | None]]
    sheet: int | None = None
    side: str | None = None
    document: int | None = None
    doc_type: str | None = None
    heading: str | None = None
    qc_reasons: Sequence[str] = field(default_factory=tuple)
    accepted_reason: str | None = None
    sent_back_reason: str | None = None

    def master_path(self) -> Path | None:
        return self.files()[0]

    def thumbnail_path(self) -> Path | None:
        return self.files()[1]


@dataclass(frozen=True)
class Decoded:
    """A master as read (for zooming in) and scaled to the view it was asked for (drawn as it is)."""

    full: QImage
    fitted: QImage


def decode(path: Path | None, fit: QSize) -> Decoded | None:
    """Read a master and scale it to `fit` (a QImage may be made on any thread); None when unreadable."""
    if path is None:
        return None
    image = QImageReader(str(path)).read()
    if image.isNull():
        return None
    return Decoded(image, fitted(image, fit))


def fitted(image: QImage, fit: QSize) -> QImage:
    """`image` scaled smoothly into `fit`, by Pillow, which lets go of Python's lock while it resamples: QImage.scaled
    held it some 30 ms for each A4 master, and while a feeder batch ran every new page's view stalled the quality
    check of the next page and the window's own event loop."""
    from PIL import Image  # the image stack: only once a page is shown

    size = image.size().scaled(fit, Qt.AspectRatioMode.KeepAspectRatio)
    gray = image.format() == QImage.Format.Format_Grayscale8
    if not gray:
        image = image.convertToFormat(QImage.Format.Format_RGB888)
    mode = "L" if gray else "RGB"
    source = Image.frombuffer(mode, (image.width(), image.height()), image.constBits(), "raw", mode,
                              image.bytesPerLine(), 1)
    scaled = source.resize((max(1, size.width()), max(1, size.height())), Image.Resampling.LANCZOS, reducing_gap=3.0)
    return QImage(scaled.tobytes(), scaled.width, scaled.height, scaled.width * len(mode),
                  QImage.Format.Format_Grayscale8 if gray else QImage.Format.Format_RGB888).copy()


def read_thumbnail(path: Path | None) -> QImage | None:
    if path is None:
        return None
    image = QImageReader(str(path)).read()
    return None if image.isNull() else image


def document_colour(number: int | None) -> QColor:
    return LOOSE if number is None else DOCUMENT_COLOURS[(number - 1) % len(DOCUMENT_COLOURS)]


class _Canvas(QWidget):
    """The page at the current zoom: the view-sized image is drawn as it is, any other size is scaled from the
    full image (only the exposed part is painted)."""

    painted = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.decoded: Decoded | None = None

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        if self.decoded is None:
            return
        painter = QPainter(self)
        if self.decoded.fitted.size() == self.size():
            painter.drawImage(event.rect(), self.decoded.fitted, event.rect())
        else:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(self.rect(), self.decoded.full)
        painter.end()
        self.painted.emit()


class _StripDelegate(QStyledItemDelegate):
    """A thumbnail with its document's colour band on the leading edge and a rule above a document's first page."""

    def __init__(self, viewer: PageViewer) -> None:
        super().__init__(viewer)
        self._viewer = viewer

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
              ) -> None:
        super().paint(painter, option, index)
        pages = self._viewer.pages
        row = index.row()
        if not 0 <= row < len(pages):
            return
        page, rect = pages[row], option.rect
        band = QRect(rect.right() - BAND_WIDTH + 1, rect.top(), BAND_WIDTH, rect.height())
        if option.direction == Qt.LayoutDirection.LeftToRight:
            band.moveLeft(rect.left())
        painter.fillRect(band, document_colour(page.document))
        if row == 0 or pages[row - 1].document != page.document:
            painter.setPen(QPen(document_colour(page.document), 3))
            painter.drawLine(rect.topLeft() + QPoint(0, 1), rect.topRight() + QPoint(0, 1))


class PageViewer(QWidget):
    """Keyboard: PgDn/PgUp or ←/→ (right to left) next/previous page, Ctrl+PgDn/Ctrl+PgUp next/previous document,
    Home/End, + and − zoom, Ctrl+0 fit page, Ctrl+9 fit width; arrows pan when the page is larger than the view.
    Mouse: the wheel zooms about the pointer, a drag pans, a click in the strip shows that page.

    To drop in: `set_pages(entries)`, then follow `page_changed(index)` (e.g. to enable a screen's page actions).
    A screen with a page list of its own (the capture bench: several pages chosen at once) passes `strip=False`."""

    page_changed = Signal(int)  # index in `pages`
    shown = Signal(int)  # seq of the page just painted from its decoded image

    def __init__(self, parent: QWidget | None = None, prefetch: int = 2, strip: bool = True) -> None:
        super().__init__(parent)
        self._with_strip = strip
        self.pages: list[PageEntry] = []
        self.index = -1
        self.prefetch = prefetch
        self.mode = "page"  # "page" | "width" | "free"
        self.zoom = 1.0
        self._cache: OrderedDict[tuple[int, int, int, int], Decoded | None] = OrderedDict()  # (index, w, h, gen)
        self._asked: set[tuple[int, int, int, int]] = set()
        self._generation = 0  # bumped by set_pages: late results for another dossier are dropped
        self._painted_seq: int | None = None
        self._canvas_index = -1  # the page whose image the canvas holds
        self._drag: QPoint | None = None
        self._decoder, self._thumbnailer = Runner(self), Runner(self)  # a slow thumbnail never delays the page

        self.info, self.flags = QLabel(), QLabel()
        self.info.setObjectName("viewerInfo")
        self.flags.setObjectName("viewerFlags")
        self.flags.setWordWrap(True)
        self.canvas = _Canvas()
        self.canvas.painted.connect(self._painted)
        self.canvas.installEventFilter(self)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("viewerPage")
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll.setBackgroundRole(QPalette.ColorRole.Dark)  # a light page stands out from the desk around it
        self.scroll.setWidget(self.canvas)
        self.scroll.installEventFilter(self)
        self.scroll.viewport().installEventFilter(self)
        self.strip = QListWidget()
        self.strip.setObjectName("viewerStrip")
        self.strip.setViewMode(QListWidget.ViewMode.IconMode)
        self.strip.setFlow(QListWidget.Flow.TopToBottom)
        self.strip.setWrapping(False)
        self.strip.setIconSize(THUMB_SIZE)
        # a fixed cell, so rows keep their height before their thumbnails arrive (no slivers)
        self.strip.setGridSize(QSize(THUMB_SIZE.width() + 2 * BAND_WIDTH + 16,
                                     THUMB_SIZE.height() + self.fontMetrics().height() + 14))
        self.strip.setUniformItemSizes(True)
        self.strip.setMovement(QListWidget.Movement.Static)
        self.strip.setFixedWidth(self.strip.gridSize().width() + self.strip.verticalScrollBar().sizeHint().width()
                                 + 2 * self.strip.frameWidth() + 4)
        self.strip.setItemDelegate(_StripDelegate(self))
        self.strip.currentRowChanged.connect(self.show_page)
        self.strip.installEventFilter(self)
        self.empty = QLabel(self.tr("صفحه‌ای برای نمایش نیست"))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        actions = [("fit_page", self.tr("کل صفحه"), "Ctrl+0", self.fit_page),
                   ("fit_width", self.tr("پهنای صفحه"), "Ctrl+9", self.fit_width),
                   ("zoom_in", "+", "+", self.zoom_in), ("zoom_out", "−", "-", self.zoom_out),
                   ("previous_document", self.tr("سند قبلی"), "Ctrl+PgUp", self.previous_document),
                   ("next_document", self.tr("سند بعدی"), "Ctrl+PgDown", self.next_document)]
        for key, text, shortcut, slot in actions:
            button = QPushButton(text)
            button.setObjectName(f"viewer_{key}")
            button.setToolTip(QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText))
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(slot)
            self.buttons[key] = button
            row.addWidget(button)
        row.addStretch(1)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        self.shortcuts = [QShortcut(QKeySequence(key), self, slot, context=context) for key, slot in (
            ("PgDown", self.next_page), ("PgUp", self.previous_page), ("Home", lambda: self.show_page(0)),
            ("End", lambda: self.show_page(len(self.pages) - 1)), ("Ctrl+PgDown", self.next_document),
            ("Ctrl+PgUp", self.previous_document), ("+", self.zoom_in), ("=", self.zoom_in), ("-", self.zoom_out),
            ("Ctrl+0", self.fit_page), ("Ctrl+9", self.fit_width))]

        page_side = QVBoxLayout()
        page_side.addLayout(row)
        page_side.addWidget(self.info)  # a line of its own: the buttons keep their width in a narrow screen
        page_side.addWidget(self.flags)  # above the page: never pushed off a short screen
        page_side.addWidget(self.scroll, 1)
        page_side.addWidget(self.empty, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.strip)
        layout.addLayout(page_side, 1)
        self.strip.setVisible(strip)
        self.setFocusProxy(self.scroll)
        self._show_empty(True)

    # -- what is shown ---------------------------------------------------------------------------------------
    def set_pages(self, pages: Sequence[PageEntry], current: int = 0) -> None:
        """Show these pages (a dossier, or the documents under review), at `current`."""
        self._generation += 1
        self._cache.clear()
        self._asked.clear()
        self._canvas_index = -1
        self.pages = list(pages)
        self.index = -1
        self.strip.blockSignals(True)
        self.strip.clear()
        for number, page in enumerate(self.pages):
            self._add_strip_item(number, page)
        self.strip.blockSignals(False)
        self._show_empty(not self.pages)
        if self.pages:
            self.show_page(min(max(current, 0), len(self.pages) - 1))

    def add_page(self, page: PageEntry) -> None:
        """One more page at the end (a page just captured), without touching what is decoded already."""
        self.pages.append(page)
        self._add_strip_item(len(self.pages) - 1, page)
        self._show_empty(False)

    def _add_strip_item(self, number: int, page: PageEntry) -> None:
        item = QListWidgetItem(RLM + self._strip_text(page))  # read right to left though it opens with a digit
        item.setSizeHint(self.strip.gridSize())  # the thumbnail's room, before it arrives
        item.setToolTip(self._flags_text(page))
        if page.qc_reasons:
            item.setForeground(ACCEPTED if page.accepted_reason else FLAGGED)
        self.strip.addItem(item)
        if not self._with_strip:
            return  # nobody sees the strip: no thumbnail to read
        generation = self._generation
        self._thumbnailer.run(lambda p=page: read_thumbnail(p.thumbnail_path()),
                              lambda image, n=number, g=generation: self._thumbnail_read(n, g, image))

    def current(self) -> PageEntry | None:
        return self.pages[self.index] if 0 <= self.index < len(self.pages) else None

    def show_page(self, index: int) -> None:
        if not 0 <= index < len(self.pages) or index == self.index:
            return
        self.index = index
        self._painted_seq = None
        self.strip.setCurrentRow(index)
        page = self.pages[index]
        self.info.setText(self._info_text(page))
        self.flags.setText(self._flags_text(page))
        self.flags.setStyleSheet(f"color: {(ACCEPTED if page.accepted_reason else FLAGGED).name()};")
        self._refresh()
        self.page_changed.emit(index)

    def next_page(self) -> None:
        self.show_page(self.index + 1)

    def previous_page(self) -> None:
        self.show_page(self.index - 1)

    def next_document(self) -> None:
        """The first page of the next document (or of the next run of pages in no document)."""
        here = self.current()
        if here is None:
            return
        for index in range(self.index + 1, len(self.pages)):
            if self.pages[index].document != here.document:
                self.show_page(index)
                return

    def previous_document(self) -> None:
        """The first page of this document, or of the one before when already there."""
        if self.current() is None:
            return
        start = self._document_start(self.index)
        self.show_page(start if start < self.index else self._document_start(max(start - 1, 0)))

    def _document_start(self, index: int) -> int:
        while index > 0 and self.pages[index - 1].document == self.pages[index].document:
            index -= 1
        return index

    # -- zoom ------------------------------------------------------------------------------------------------
    def fit_page(self) -> None:
        self.mode = "page"
        self._refresh()

    def fit_width(self) -> None:
        self.mode = "width"
        self._refresh()

    def zoom_in(self) -> None:
        self._zoom_by(ZOOM_STEP)

    def zoom_out(self) -> None:
        self._zoom_by(1 / ZOOM_STEP)

    def _zoom_by(self, factor: float, anchor: QPoint | None = None) -> None:
        """Zoom keeping the point under `anchor` (viewport coordinates; the centre by default) where it is."""
        decoded = self.canvas.decoded
        if decoded is None:
            return
        viewport = self.scroll.viewport()
        anchor = anchor or viewport.rect().center()
        old = self.canvas.width() or 1
        spot = self.canvas.mapFrom(viewport, anchor)
        self.zoom = min(MAX_ZOOM, max(MIN_ZOOM, self.canvas.width() / decoded.full.width() * factor))
        self.mode = "free"
        self._place(decoded)
        ratio = self.canvas.width() / old
        self.scroll.horizontalScrollBar().setValue(round(spot.x() * ratio - anchor.x()))
        self.scroll.verticalScrollBar().setValue(round(spot.y() * ratio - anchor.y()))

    def _fit_size(self) -> QSize:
        """The view's room for a page in the current fit mode (in free zoom, the page's fit-to-page size)."""
        room = self.scroll.contentsRect().size()  # the viewport with no scroll bar shown, whatever is shown now
        if self.mode == "width":  # the page is taller than wide: the vertical scroll bar will take its room
            return QSize(room.width() - self.scroll.verticalScrollBar().sizeHint().width(), 100_000)
        return room

    def _place(self, decoded: Decoded) -> None:
        """Size the canvas for the mode: the fitted image exactly, or the full image times the zoom."""
        if self.mode == "free":
            size = decoded.full.size() * self.zoom
        else:
            size = decoded.full.size().scaled(self._fit_size(), Qt.AspectRatioMode.KeepAspectRatio)
        self.canvas.setFixedSize(size)
        self.canvas.update()

    # -- decoding --------------------------------------------------------------------------------------------
    def _key(self, index: int) -> tuple[int, int, int, int]:
        fit = self._fit_size()
        return index, fit.width(), fit.height(), self._generation

    def _refresh(self) -> None:
        """Show the current page from the cache, or ask for it; then ask for the next ones."""
        if self.index < 0:
            return
        key = self._key(self.index)
        if key in self._cache:
            self._cache.move_to_end(key)
            self._display(self._cache[key])
        else:
            if self._canvas_index == self.index and self.canvas.decoded is not None:
                self._place(self.canvas.decoded)  # the same page at a new size: scaled from the full image meanwhile
            else:
                self.canvas.decoded = None
                self.canvas.update()
            self._ask(key)
        for ahead in range(self.index + 1, min(self.index + 1 + self.prefetch, len(self.pages))):
            self._ask(self._key(ahead))

    def _ask(self, key: tuple[int, int, int, int]) -> None:
        if key in self._cache or key in self._asked:
            return
        self._asked.add(key)
        page, fit = self.pages[key[0]], QSize(key[1], key[2])
        self._decoder.run(lambda: decode(page.master_path(), fit) if self._wanted(key) else SKIPPED,
                          lambda decoded: self._decoded(key, decoded))

    def _wanted(self, key: tuple[int, int, int, int]) -> bool:
        """Still worth decoding when its turn comes (the clerk may have jumped far ahead meanwhile)."""
        return key[3] == self._generation and self.index <= key[0] <= self.index + self.prefetch

    def _decoded(self, key: tuple[int, int, int, int], decoded: Decoded | None | object) -> None:
        self._asked.discard(key)
        if key[3] != self._generation or not (decoded is None or isinstance(decoded, Decoded)):
            return  # for another dossier, or skipped: asked again if the clerk comes back to it
        self._cache[key] = decoded
        while len(self._cache) > CACHE_PAGES:
            self._cache.popitem(last=False)
        if key == self._key(self.index):
            self._display(decoded)

    def _display(self, decoded: Decoded | None) -> None:
        self.canvas.decoded, self._canvas_index = decoded, self.index
        if decoded is None:
            self.flags.setText(self.tr("تصویر این صفحه خوانده نشد؛ پوشه صفحه‌ها را بررسی کنید."))
            self.canvas.setFixedSize(0, 0)
            return
        self._place(decoded)

    def _painted(self) -> None:
        page = self.current()
        if page is not None and self.canvas.decoded is not None and self._painted_seq != page.seq:
            self._painted_seq = page.seq
            self.shown.emit(page.seq)

    def _thumbnail_read(self, number: int, generation: int, image: QImage | None) -> None:
        if generation == self._generation and image is not None and number < self.strip.count():
            self.strip.item(number).setIcon(QIcon(QPixmap.fromImage(image)))

    # -- texts -----------------------------------------------------------------------------------------------
    def _strip_text(self, page: PageEntry) -> str:
        side = {"front": self.tr("رو"), "back": self.tr("پشت")}.get(page.side or "", "")
        sheet = self.tr("برگ {n}").format(n=to_persian(page.sheet)) + (f" {side}" if side else "") \
            if page.sheet is not None else ""
        return f"{to_persian(page.seq)}" + (f" · {sheet}" if sheet else "")

    def _info_text(self, page: PageEntry) -> str:
        parts = [self.tr("صفحه {n} از {total}").format(n=to_persian(page.seq), total=to_persian(len(self.pages)))]
        if page.sheet is not None:
            parts.append(self._strip_text(page).split(" · ", 1)[-1])
        if page.document is None:
            parts.append(self.tr("هنوز در سندی نیست"))
        else:
            kind = " / ".join(t for t in (page.doc_type, page.heading) if t)
            parts.append(self.tr("سند {n}").format(n=to_persian(page.document)) + (f": {kind}" if kind else ""))
        return " — ".join(parts)

    def _flags_text(self, page: PageEntry) -> str:
        if not page.qc_reasons:
            return ""
        flags = self.tr("، ").join(REASON_TITLES.get(r, r) for r in page.qc_reasons)
        if page.accepted_reason:
            return self.tr("ایراد کنترل کیفیت: {flags} — پذیرفته شد: {reason}").format(
                flags=flags, reason=page.accepted_reason)
        if page.sent_back_reason:
            return self.tr("برگشت ناظر: {reason} — هنوز اصلاح نشده").format(reason=page.sent_back_reason)
        return self.tr("ایراد کنترل کیفیت: {flags} — هنوز پذیرفته نشده").format(flags=flags)

    def _show_empty(self, empty: bool) -> None:
        self.scroll.setVisible(not empty)
        self.empty.setVisible(empty)
        if empty:
            self.info.clear()
            self.flags.clear()

    # -- input -----------------------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if watched is self.scroll and kind == QEvent.Type.Resize and self.mode != "free":
            self._refresh()  # fitted to the old size: the page is shown scaled until it is decoded for the new one
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and self._arrow(event):
            return True
        if watched is self.canvas or watched is self.scroll.viewport():
            if kind == QEvent.Type.Wheel and isinstance(event, QWheelEvent):
                steps = event.angleDelta().y() / 120
                if steps:
                    anchor = self.scroll.viewport().mapFrom(watched, event.position().toPoint()) \
                        if watched is self.canvas else event.position().toPoint()
                    self._zoom_by(ZOOM_STEP ** steps, anchor)
                return True
            if isinstance(event, QMouseEvent):
                return self._pan(kind, event)
        return False

    def _arrow(self, event: QKeyEvent) -> bool:
        """←/→ turn pages (← is forward in right-to-left reading) unless the page is wider than the view, when
        they pan; ↑/↓ pan a page taller than the view."""
        key = event.key()
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        horizontal, vertical = self.scroll.horizontalScrollBar(), self.scroll.verticalScrollBar()
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            if horizontal.maximum() > 0:
                sign = -1 if key == Qt.Key.Key_Left else 1
                horizontal.setValue(horizontal.value() + sign * horizontal.singleStep() * 5)
            else:
                forward = (key == Qt.Key.Key_Left) == (self.layoutDirection() == Qt.LayoutDirection.RightToLeft)
                self.next_page() if forward else self.previous_page()
            return True
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and vertical.maximum() > 0:
            sign = -1 if key == Qt.Key.Key_Up else 1
            vertical.setValue(vertical.value() + sign * vertical.singleStep() * 5)
            return True
        return False

    def _pan(self, kind: QEvent.Type, event: QMouseEvent) -> bool:
        """Drag the page with the mouse."""
        if kind == QEvent.Type.MouseButtonPress and event.button() == Qt.MouseButton.LeftButton:
            self._drag = event.globalPosition().toPoint()
            self.scroll.setFocus()
            return True
        if kind == QEvent.Type.MouseMove and self._drag is not None:
            now = event.globalPosition().toPoint()
            delta, self._drag = now - self._drag, now
            horizontal, vertical = self.scroll.horizontalScrollBar(), self.scroll.verticalScrollBar()
            horizontal.setValue(horizontal.value() - delta.x())
            vertical.setValue(vertical.value() - delta.y())
            return True
        if kind == QEvent.Type.MouseButtonRelease and self._drag is not None:
            self._drag = None
            return True
        return False
