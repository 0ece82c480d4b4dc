"""Reading page images for the screens without holding up the window: decoded scaled, on a runner's thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QImageReader


def read_scaled(path: Path | None, fit: QSize) -> QImage | None:
    """Decode an image scaled to fit `fit` (a 300-dpi A4 master takes tens of milliseconds, too long for the main
    thread; a QImage, unlike a QPixmap, may be made on any thread). None when there is nothing readable."""
    if path is None:
        return None
    reader = QImageReader(str(path))
    size = reader.size()
    if size.isValid():
        reader.setScaledSize(size.scaled(fit, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return None if image.isNull() else image
