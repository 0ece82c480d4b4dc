"""One PDF per classified document, as the central content store receives it (Architecture: steps 11-12).

Each page is a master from the page store, embedded pixel for pixel: raw samples, Flate only (no JPEG, no JBIG2,
no resampling), 1-bit masters kept 1-bit. The page is sized from the image's pixels and dpi, so it prints at the
size of the paper original. The «اسکن شد» stamp is vector text drawn over the first page's bottom-right corner:
the directive stamps the document once, and drawing it over the image (not into it) leaves the archived pixels
untouched. The document's identity and the stamp fields go into the PDF's Info dictionary.
"""

from __future__ import annotations

import io
import zlib
from dataclasses import dataclass
from pathlib import Path

from PIL import Image
from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfdoc import PDFImageXObject
from reportlab.pdfgen.canvas import Canvas

from scanstation.indexing.stamp import StampFields, draw_stamp, stamp_spec, stamp_subject

_COLOUR_SPACES = {"1": "DeviceGray", "L": "DeviceGray", "RGB": "DeviceRGB"}  # the page store's modes


@dataclass(frozen=True)
class MasterPage:
    path: Path
    dpi: int


@dataclass(frozen=True)
class DocumentInfo:
    barcode: str
    insured_number: str
    number: int
    type_code: str
    type_name: str
    heading_code: str
    heading_name: str
    stamp: StampFields


def _lossless_image(c: Canvas, image: Image.Image, name: str) -> str:
    """Register `image` as an image XObject of its own samples and return its resource name.

    reportlab's drawImage turns 1-bit images into 24-bit RGB and wraps streams in ASCII85; the masters are
    therefore embedded here as they are, using the same registration steps as Canvas.drawImage."""
    xobject = PDFImageXObject(name)
    xobject.width, xobject.height = image.size
    xobject.bitsPerComponent = 1 if image.mode == "1" else 8
    xobject.colorSpace = _COLOUR_SPACES[image.mode]
    xobject.streamContent = zlib.compress(image.tobytes())  # rows packed as PDF expects (1-bit: 1 = white)
    xobject._filters = ("FlateDecode",)
    xobject.mask = None
    reg_name = c._doc.getXObjectName(name)
    c._setXObjects(xobject)
    c._doc.Reference(xobject, reg_name)
    c._doc.addForm(name, xobject)
    c._formsinuse.append(name)
    return reg_name


def document_pdf(info: DocumentInfo, pages: list[MasterPage]) -> bytes:
    """The document's pages in order, the stamp on the first, the metadata in the Info dictionary."""
    spec = stamp_spec()
    buf = io.BytesIO()
    c = Canvas(buf, pageCompression=1)
    c.setTitle(f"{info.type_name} — {info.heading_name}")
    c.setAuthor(f"{info.stamp.user_name} ({info.stamp.user_code})")
    c.setSubject(f"dossier={info.barcode}; insured={info.insured_number}; document={info.number}; "
                 f"type={info.type_code}; heading={info.heading_code}; {stamp_subject(info.stamp)}")
    c.setKeywords(", ".join([info.barcode, info.insured_number, info.type_code, info.heading_code, info.type_name,
                             info.heading_name, "اسکن شد", info.stamp.branch, info.stamp.user_code,
                             info.stamp.date]))
    c.setCreator("ScanStation")
    for index, page in enumerate(pages):
        with Image.open(page.path) as image:
            image.load()
            width, height = image.width * 72 / page.dpi, image.height * 72 / page.dpi
            c.setPageSize((width, height))
            reg_name = _lossless_image(c, image, f"page{index + 1}")
        c.saveState()
        c.scale(width, height)
        c._code.append(f"/{reg_name} Do")
        c.restoreState()
        if index == 0:
            inset = spec["inset"] * mm
            draw_stamp(c, info.stamp, width - inset - spec["width"] * mm, inset, ink=HexColor(f"#{spec['ink']}"),
                       backing=spec["backing"])
        c.showPage()
    c.save()
    return buf.getvalue()
