"""A line of text that never widens the window: as wide as its text when there is room, cut short with «…» when
there is not, the whole text in its tooltip. For status sentences, names, reasons and counts whose length the
clerk's data decides."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


SLACK = 4  # pixels asked beyond the text's advance: elidedText cuts a text measured exactly as wide as its room


class ElidedLabel(QLabel):
    """Shows its text on as many lines as it has, each elided to the label's width. It asks for its text's width
    but accepts any less (its minimum width is nil), so no sentence can push the window wider than the screen.
    `text()` is the whole text; what is drawn may be shorter."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setWordWrap(False)
        self._full = ""
        self.setText(text)

    @property
    def full_text(self) -> str:
        return self._full

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        self._full = text
        self.setToolTip(text)
        super().setText(text)
        self.updateGeometry()
        if self.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):  # before that the style sheet has not set
            self._elide()  # the font (and measuring now would polish it before its object name is given)

    def text(self) -> str:
        return self._full

    def _lines_width(self, text: str) -> int:
        return max((self.fontMetrics().horizontalAdvance(line) for line in text.split("\n")), default=0)

    def _padding(self) -> int:
        """What QLabel adds around the text it shows (margins, frame, style-sheet padding)."""
        return super().sizeHint().width() - self._lines_width(super().text())

    def _elide(self) -> None:
        room = max(self.width() - self._padding(), 12)
        lines = [self.fontMetrics().elidedText(line, Qt.TextElideMode.ElideRight, room)
                 for line in self._full.split("\n")]
        shown = "\n".join(lines)
        if shown != super().text():
            super().setText(shown)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        """The whole text's size, in the font the label has now (a style sheet may change it after setText)."""
        hint = super().sizeHint()
        return QSize(self._padding() + self._lines_width(self._full) + SLACK, hint.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(0, super().minimumSizeHint().height())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.updateGeometry()
            self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._elide()
