"""How the window looks and speaks: direction, the bundled Vazirmatn fonts, the style sheet, translations.

Source texts in the code are Persian; English comes from translations/scanstation_en.qm (Qt Linguist).
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from scanstation.core.identifiers import BARCODE_PATTERN
from scanstation.core.resources import resource

TRANSLATIONS = Path(__file__).with_name("translations")
# Vazirmatn FD draws Latin digits as Persian ones, so every number on screen reads Persian while the
# text itself (copied barcodes, typed IDs) keeps Latin digits. English uses the plain family.
FONT_FILES = {"fa": ("Vazirmatn-FD-Regular.ttf", "Vazirmatn-FD-Bold.ttf"),
              "en": ("Vazirmatn-Regular.ttf", "Vazirmatn-Bold.ttf")}
LATIN_DIGITS_FAMILY = "Vazirmatn"  # for codes matched against printed labels: barcodes, user codes
BASE_POINT_SIZE = 12
STYLE = """
QLabel#appTitle { font-size: 17pt; font-weight: bold; color: #0b4f6c; }
QLabel#paneTitle, QLabel#dialogTitle { font-size: 15pt; font-weight: bold; }
QLabel#paneTitle { font-family: "Vazirmatn"; }  /* a title names a dossier by its barcode: Latin digits */
QFrame#header { background: #eef4f7; border-bottom: 2px solid #0b4f6c; }
QFrame#header QLabel { padding: 2px 10px; }
QLabel#urgentBadge { background: #ffe8b3; color: #7a3e00; border-radius: 6px; padding: 3px 10px; font-weight: bold; }
QLabel#busy { color: #0b4f6c; }
QLabel#caption { color: #4a5a66; }
QFrame#lockOverlay { background: #14283a; }  /* opaque: no name or ID shows through a locked window */
QFrame#lockPanel { background: white; border-radius: 10px; padding: 18px; }
QPushButton { padding: 5px 12px; }
QTableView { gridline-color: #d0d7dc; }
QTableView#queueTable { font-size: 11pt; }
QHeaderView::section { padding: 5px; font-weight: bold; }
QTabBar#screenTabs::tab { padding: 6px 16px; margin-left: 3px; border: 1px solid #c5d3db; border-bottom: none;
                          border-top-left-radius: 6px; border-top-right-radius: 6px; background: #f4f7f9; }
QTabBar#screenTabs::tab:selected { background: #0b4f6c; color: white; border-color: #0b4f6c; }
QTabBar#screenTabs::tab:hover:!selected { background: #e1ecf2; }
"""


def install_look(qapp: QApplication, language: str) -> list[QTranslator]:
    """Direction, font and translators for `language` ("fa" or "en"); returns the translators to keep alive."""
    language = language if language in FONT_FILES else "fa"
    family = ""
    for lang, names in FONT_FILES.items():
        for name in names:
            font_id = QFontDatabase.addApplicationFont(str(resource("fonts", name)))
            if font_id >= 0 and lang == language:
                family = family or QFontDatabase.applicationFontFamilies(font_id)[0]
    if family:
        qapp.setFont(QFont(family, BASE_POINT_SIZE))
    qapp.setStyleSheet(STYLE)
    translators: list[QTranslator] = []
    if language == "fa":
        qapp.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        QLocale.setDefault(QLocale(QLocale.Language.Persian, QLocale.Country.Iran))
        qt_own = QTranslator(qapp)  # Qt's own texts (context menus, standard buttons, file dialog) in Persian
        if qt_own.load(QLocale(QLocale.Language.Persian), "qtbase", "_",
                       QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            translators.append(qt_own)
        qt_extra = QTranslator(qapp)  # what qtbase_fa lacks in Qt 6 (the file dialog's labels); installed later,
        if qt_extra.load(str(TRANSLATIONS / "qt_extra_fa.qm")):  # so asked first
            translators.append(qt_extra)
    else:
        qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        QLocale.setDefault(QLocale(QLocale.Language.English))
        ours = QTranslator(qapp)  # our sources are Persian; English comes from scanstation_en.qm
        if ours.load(str(TRANSLATIONS / "scanstation_en.qm")):
            translators.append(ours)
    for translator in translators:
        qapp.installTranslator(translator)
    # the name every window and message box is titled with (the platform adds it after a window's own title)
    qapp.setApplicationDisplayName(QCoreApplication.translate("look", "اسکن‌استیشن"))
    return translators


LRI, PDI = "\u2066", "\u2069"  # LEFT-TO-RIGHT ISOLATE ... POP DIRECTIONAL ISOLATE


def ltr(text: object) -> str:
    """`text` (a barcode, national ID, insured number, user code) as one left-to-right island in a Persian
    sentence: right-to-left layout can no longer move its check character to the front or glue a following
    number to it. Its digits stay Latin code points, as printed on the label."""
    return f"{LRI}{text}{PDI}"


FSI = "\u2068"  # FIRST STRONG ISOLATE: a run whose direction its own first letter decides


def isolated(text: object) -> str:
    """A name (Persian, or a code such as «super1») as one island in a sentence: a Latin name cannot pull the
    comma and the date after it into its own left-to-right run."""
    return f"{FSI}{text}{PDI}"


def file_filter(text: str) -> str:
    """A file dialog filter such as «تصویر (*.png *.pdf)» with its patterns kept left to right. The isolate is
    left open (the end of the text closes it) because Qt reads the patterns from the text's final parentheses."""
    name, bracket, patterns = text.rpartition("(")
    return f"{name}{LRI}{bracket}{patterns}" if bracket else text


def latin_digits(widget: QWidget) -> None:
    """Show `widget`'s digits as typed/printed (a barcode or user code), whatever the language."""
    font = QFont(widget.font())
    font.setFamily(LATIN_DIGITS_FAMILY)
    widget.setFont(font)


_BARCODE_IN_TEXT = re.compile(BARCODE_PATTERN)
# A left-to-right run inside a Persian sentence: a file path (/tmp/…/config.toml, C:\…), or Latin words, digits and
# their punctuation together («Permission denied», «test:0», «clerk1»). Persian words inside a path stay in it.
_LTR_WORD = r"[A-Za-z0-9](?:[A-Za-z0-9_.:@+\-]*[A-Za-z0-9])?"  # a sentence's full stop stays outside
_LTR_RUN = re.compile(rf"(?:[A-Za-z]:\\|~?/)[^\s،؛«»()]*[^\s،؛«»().,:]|{_LTR_WORD}(?:[ ,/\\]{_LTR_WORD})*")


def codes_as_printed(message: str) -> str:
    """A service's sentence as rich text in which every dossier barcode reads as on its label (Latin digits, left to
    right, the check character at the end) and every other left-to-right run (a path, a user code, an English
    system message) is one isolated island drawn as written, its digits Latin. For a QLabel or message box in
    rich-text format."""
    parts, end = [], 0
    for found in _BARCODE_IN_TEXT.finditer(message):
        parts += [_runs_isolated(message[end:found.start()]), code_html(found[0])]
        end = found.end()
    parts.append(_runs_isolated(message[end:]))
    return "".join(parts).replace("\n", "<br>")  # rich text would run lines together


def _runs_isolated(text: str) -> str:
    out, end = [], 0
    for run in _LTR_RUN.finditer(text):
        out += [html.escape(text[end:run.start()], quote=False), code_html(run[0])]
        end = run.end()
    out.append(html.escape(text[end:], quote=False))
    return "".join(out)


def code_html(code: str) -> str:
    """A code (barcode, insured number) for rich text, as printed: Latin digits, one left-to-right island."""
    return f"<span style=\"font-family: '{LATIN_DIGITS_FAMILY}'\">{ltr(html.escape(code))}</span>"


def latin_digits_item(cell: QTableWidgetItem, table: QTableWidget) -> None:
    """A table cell holding a code (barcode, user code) in its Latin digits, kept left to right."""
    font = table.font()
    font.setFamily(LATIN_DIGITS_FAMILY)
    cell.setFont(font)
    cell.setText(ltr(cell.text()))


def titled_dialog(dialog: QDialog, title: str, intro: str, min_width: int) -> QVBoxLayout:
    """Give `dialog` the house look: window title, a bold heading and a wrapped introduction; returns its layout."""
    dialog.setWindowTitle(title)
    dialog.setMinimumWidth(min_width)
    heading = QLabel(title)
    heading.setObjectName("dialogTitle")
    layout = QVBoxLayout(dialog)
    layout.addWidget(heading)
    if intro:
        text = QLabel(intro)
        text.setObjectName("dialogIntro")
        text.setWordWrap(True)
        layout.addWidget(text)
    return layout
