"""Label PDFs (reportlab): the step-3 dossier label, an A4 sheet of them, and the step-8 folder label.

Sizes are data (resources/labels.toml). The barcode is drawn as a 1-bit image scaled to whole printer dots, so
it reads back after printing or rendering at 300 dpi.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportlab.lib.units import mm

from scanstation.core.digits import to_persian
from scanstation.core.errors import ScanStationError
from scanstation.core.policy import policy_file

if TYPE_CHECKING:  # the PDF writer loads when a label is made: the window starts without it (issue 21.7)
    from reportlab.pdfgen.canvas import Canvas


@dataclass(frozen=True)
class LabelData:
    barcode: str
    name: str
    insured_number: str
    shelf: str
    branch: str
    jalali_date: str  # Latin digits, e.g. 1403/07/15


def _sizes() -> Mapping[str, Mapping[str, Any]]:
    """Label, sheet, stamp and printing sizes (resources/labels.toml), read once per process."""
    return policy_file("labels.toml")


def label_size(kind: str) -> tuple[float, float]:
    """Width and height in millimetres of the "dossier" or "folder" label, for the texts that offer it."""
    spec = _sizes()[kind]
    return spec["width"], spec["height"]


def max_print_dpi() -> int:
    """The highest resolution a PDF is rasterised at for a printer."""
    return int(_sizes()["printing"]["max_dpi"])


def draw_barcode(c: Canvas, value: str, x: float, y: float, width: float, height: float) -> None:
    """The symbol as wide as fits, each module a whole number of 300-dpi dots where the width allows."""
    from reportlab.lib.utils import ImageReader

    from scanstation.indexing.barcode_image import code128_image, modules

    count = modules(value)
    dot = 25.4 / 300 * mm
    module = max(dot, int(width / count / dot) * dot) if width / count >= dot else width / count
    image = code128_image(value, module_mm=0.25, height_mm=height / mm)
    drawn = module * count
    c.drawImage(ImageReader(image), x + (width - drawn) / 2, y, drawn, height)


def _canvas(buf: io.BytesIO, width: float, height: float) -> Canvas:
    """A PDF canvas of that size (points), the label fonts registered."""
    from reportlab.pdfgen.canvas import Canvas

    from scanstation.indexing.pdf_text import register_fonts

    register_fonts()
    return Canvas(buf, pagesize=(width, height))


def _dossier_label(c: Canvas, data: LabelData, x: float, y: float, spec: dict) -> None:
    from scanstation.indexing.pdf_text import CODE_FONT, paragraph

    w, h, m = spec["width"] * mm, spec["height"] * mm, spec["margin"] * mm
    bar_h = spec["barcode_height"] * mm
    draw_barcode(c, data.barcode, x + m, y + h - m - bar_h, w - 2 * m, bar_h)
    c.setFont(CODE_FONT, 6.2)
    c.drawCentredString(x + w / 2, y + h - m - bar_h - 2.6 * mm, data.barcode)
    text = paragraph(f"{data.name} — بیمه {to_persian(data.insured_number)}", 6.5, bold=True, centre=True)
    _, used = text.wrap(w - 2 * m, h)
    text.drawOn(c, x + m, y + m)


def dossier_label_pdf(data: LabelData) -> bytes:
    """One 50 x 25 mm (by default) label for a label printer."""
    spec = _sizes()["dossier"]
    buf = io.BytesIO()
    c = _canvas(buf, spec["width"] * mm, spec["height"] * mm)
    c.setTitle(f"Dossier label {data.barcode}")
    _dossier_label(c, data, 0, 0, spec)
    c.showPage()
    c.save()
    return buf.getvalue()


def dossier_label_sheet_pdf(items: list[LabelData]) -> bytes:
    """A4 sheets of dossier labels in the grid of resources/labels.toml, for an ordinary printer."""
    sizes = _sizes()
    spec, grid = sizes["dossier"], sizes["sheet"]
    per_page = grid["columns"] * grid["rows"]
    buf = io.BytesIO()
    c = _canvas(buf, grid["page_width"] * mm, grid["page_height"] * mm)
    for start in range(0, len(items), per_page):
        for i, data in enumerate(items[start:start + per_page]):
            col, row = i % grid["columns"], i // grid["columns"]
            x = (grid["left"] + col * (spec["width"] + grid["gap_x"])) * mm
            y = (grid["page_height"] - grid["top"] - (row + 1) * spec["height"] - row * grid["gap_y"]) * mm
            _dossier_label(c, data, x, y, spec)
        c.showPage()
    c.save()
    return buf.getvalue()


def folder_label_pdf(data: LabelData) -> bytes:
    """Step 8: the reassembled folder's label: name, insured number, shelf, «اسکن شد» and the Jalali date."""
    from scanstation.indexing.pdf_text import CODE_FONT, paragraph

    spec = _sizes()["folder"]
    w, h, m = spec["width"] * mm, spec["height"] * mm, spec["margin"] * mm
    bar_h = spec["barcode_height"] * mm
    buf = io.BytesIO()
    c = _canvas(buf, w, h)
    c.setTitle(f"Folder label {data.barcode}")
    c.setLineWidth(0.8)
    c.roundRect(m / 2, m / 2, w - m, h - m, 2 * mm)
    lines = [
        paragraph(f"اسکن شد — {to_persian(data.jalali_date)}", 11, bold=True),
        paragraph(f"{data.name}", 10, bold=True),
        paragraph(f"شماره بیمه: {to_persian(data.insured_number)}     محل: {data.shelf}", 8.5),
        paragraph(data.branch, 8),
    ]
    top = h - m - 1 * mm
    for p in lines:
        _, ph = p.wrap(w - 2 * m, h)
        top -= ph
        p.drawOn(c, m, top)
    draw_barcode(c, data.barcode, m, m + 3 * mm, w - 2 * m, bar_h)
    c.setFont(CODE_FONT, 7)
    c.drawCentredString(w / 2, m + 0.5 * mm, data.barcode)
    c.showPage()
    c.save()
    return buf.getvalue()


def write(pdf: bytes, path: Path) -> Path:
    """Write the PDF; a folder that cannot be made or a file that cannot be written is one sentence, not a crash,
    and the caller records nothing (a label counts as printed only once it exists)."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pdf)
    except OSError as exc:
        raise ScanStationError(f"فایل «{path}» نوشته نشد ({exc.strerror or exc})؛ پوشه و اجازه نوشتن در آن را "
                               "بررسی کنید.") from None
    return path
