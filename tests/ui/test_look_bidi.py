"""Latin identifiers in Persian sentences stay in their printed order, and Qt's file dialog speaks Persian with its
filter patterns left to right."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextDocument, QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog, QLabel, QListView
from pytestqt.qtbot import QtBot

from scanstation.bootstrap import App
from scanstation.services import users
from scanstation.services.setup import CONSOLE
from scanstation.ui.app import Launcher
from scanstation.ui.look import LRI, PDI, codes_as_printed, file_filter, ltr
from tests.builders import CLERK, PASSWORD, new_dossier
from tests.ui.conftest import Settle

BARCODE = "SS-0012-1405-000006-4"


def _seen_left_to_right(text: str, font: QFont) -> str:
    """The visible characters of `text` in the order they are painted from left to right in a right-to-left
    paragraph (the invisible isolates are left out)."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    layout.setTextOption(option)
    layout.beginLayout()
    layout.createLine().setLineWidth(10_000)
    layout.endLayout()
    x: dict[int, float] = {}
    for run in layout.glyphRuns(-1, -1, QTextLayout.GlyphRunRetrievalFlag.RetrieveAll):
        for index, point in zip(run.stringIndexes(), run.positions(), strict=True):
            if unicodedata.category(text[index]) != "Cf":
                x.setdefault(index, point.x())
    return "".join(text[i] for i in sorted(x, key=x.__getitem__))


def test_an_isolated_barcode_keeps_its_order_beside_a_number(persian_qapp: QApplication) -> None:
    font = persian_qapp.font()
    bare = _seen_left_to_right(f"پرونده {BARCODE}، 12 صفحه", font)
    isolated = _seen_left_to_right(f"پرونده {ltr(BARCODE)}، 12 صفحه", font)
    assert f"{BARCODE}، 12" in bare  # without the isolate the page count is glued after the check character
    assert "12" in isolated and isolated.index("12") < isolated.index(BARCODE)  # read right to left: after it
    assert BARCODE in isolated and ltr(BARCODE) == f"{LRI}{BARCODE}{PDI}"


def test_window_titles_isolate_the_barcode_and_show_latin_digits(
        qtbot: QtBot, settle: Settle, staffed: App) -> None:
    barcode = new_dossier(staffed)
    window = Launcher(staffed, maximized=False).open_window(users.authenticate(staffed.uow(CONSOLE), CLERK, PASSWORD))
    qtbot.addWidget(window)
    settle(window.runner)
    window.queue.refresh(keep=barcode)
    settle(window.runner)
    title = window.dossier.title
    assert title.text() == f"پرونده {LRI}{barcode}{PDI}"
    assert title.fontInfo().family() == "Vazirmatn"  # not the FD face that draws Latin digits as Persian
    assert f"{LRI}0012{PDI}" in window.header_branch.text()
    assert window.header_branch.fontInfo().family() == "Vazirmatn"


def test_file_dialog_is_persian_and_filters_by_left_to_right_patterns(
        qtbot: QtBot, persian_qapp: QApplication, tmp_path: Path) -> None:
    for name in ("page.png", "notes.txt", "scan.pdf"):
        (tmp_path / name).write_bytes(b"")
    text = file_filter("تصویر (*.png *.pdf)")
    assert text == f"تصویر {LRI}(*.png *.pdf)"
    dialog = QFileDialog(None, "تصاویر", str(tmp_path), text)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
    for name in ("lookInLabel", "fileTypeLabel", "fileNameLabel"):
        assert not any("a" <= c.lower() <= "z" for c in labels[name]), labels[name]
    assert dialog.findChild(QComboBox, "fileTypeCombo").currentText() == text
    listing = dialog.findChild(QListView, "listView")
    qtbot.waitUntil(lambda: listing.model().rowCount(listing.rootIndex()) == 2, timeout=5_000)
    shown = {listing.model().index(row, 0, listing.rootIndex()).data()
             for row in range(listing.model().rowCount(listing.rootIndex()))}
    assert shown == {"page.png", "scan.pdf"}


def test_a_refusal_shows_its_barcode_as_printed_and_keeps_its_lines() -> None:
    from scanstation.ui.look import LATIN_DIGITS_FAMILY, codes_as_printed

    shown = codes_as_printed("پرونده SS-0012-1405-000001-E <قفل> است\nدوباره امتحان کنید")
    assert f"font-family: '{LATIN_DIGITS_FAMILY}'\">{LRI}SS-0012-1405-000001-E{PDI}</span>" in shown
    assert "&lt;قفل&gt;" in shown and "است<br>دوباره" in shown


def test_the_sentence_builder_isolates_paths_codes_and_latin_words(persian_qapp: QApplication) -> None:
    """A refusal carrying a path, a user code, a device name and an English system message: each reads as written,
    in one piece, wherever it falls in the right-to-left sentence (issue 22 point 8)."""
    path = "/tmp/scanstation/اسکن‌ها/config.toml"
    message = f"فایل {path} خوانده نشد (Permission denied)؛ کاربر clerk3، دستگاه test:0."
    document = QTextDocument()
    document.setHtml(codes_as_printed(message))
    shown = document.toPlainText()
    for run in (path, "Permission denied", "clerk3", "test:0"):
        assert f"{LRI}{run}{PDI}" in shown, run
    seen = _seen_left_to_right(shown, persian_qapp.font())
    assert "Permission denied" in seen and "clerk3" in seen and "test:0" in seen
    assert seen.index("test:0") < seen.index("clerk3") < seen.index("Permission denied")  # right to left: later, lefter
    assert seen.index("Permission") < seen.index("/tmp/scanstation/") < seen.index(".toml")  # the path in one piece
    assert seen.index(".toml") - seen.index("/tmp/") < len(path)
