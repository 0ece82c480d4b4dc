"""One PDF per classified document, as the central content store receives it (Architecture: steps 11-12).

Each page is a master from the page store, embedded pixel for pixel: raw samples, Flate only (no JPEG, no JBIG2,
no resampling), 1-bit masters kept 1-bit. The page is sized from the image's pixels and dpi, so it prints at the
size of the paper original. The «اسکن شد» stamp is vector text drawn over the first page's bottom-right corner:
the directive stamps the document once, and drawing it over the image (not into it) leaves the archived pixels
untouched. The document's identity and the stamp fields go into the PDF's Info dictionary. Over each page whose
text was read lies that text, invisible (indexing/text_layer.py): the image's pixels stay the master's.
"""

from __future__ import annotations

import io
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

from PIL import Image
from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFImageXObject, PDFName, PDFStream
from reportlab.pdfgen.canvas import Canvas

from scanstation.indexing.stamp import StampFields, draw_stamp, stamp_spec, stamp_subject
from scanstation.indexing.text_layer import TextLayer, draw_text_layer

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

_COLOUR_SPACES = {"1": "DeviceGray", "L": "DeviceGray", "RGB": "DeviceRGB"}  # the page store's modes


@dataclass(frozen=True)
class MasterPage:
    path: Path
    dpi: int
    text: TextLayer | None = None  # the words read on it, drawn invisible over the image


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


@dataclass(frozen=True)
class _PngRows:
    """A PNG's own compressed rows (its IDAT data) and what a PDF needs to read them: the page store writes
    non-interlaced 8-bit gray, 8-bit RGB and 1-bit gray PNGs."""

    width: int
    height: int
    bits: int
    colours: int
    data: bytes


def _png_rows(data: bytes) -> _PngRows | None:
    """The rows of a PNG the PDF can take as they are, or None for any other file (read the pixels instead)."""
    if data[:8] != PNG_SIGNATURE:
        return None
    at, header, rows = 8, None, []
    while at + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        body = data[at + 8:at + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            rows.append(body)
        elif kind == b"IEND":
            break
        at += 12 + length
    if header is None or not rows:
        return None
    width, height, bits, colour_type, _, _, interlace = header
    colours = {0: 1, 2: 3}.get(colour_type)
    if colours is None or interlace or (bits, colours) not in ((8, 1), (1, 1), (8, 3)):
        return None
    return _PngRows(width, height, bits, colours, b"".join(rows))


class _PngPredicted(PDFImageXObject):
    """An image whose stream is a PNG's compressed rows, passed through: Flate with the PNG predictor (PDF 1.2)
    undoes exactly what the PNG encoder did, so the pixels are the master's, bit for bit, without decoding a page
    and compressing it again (most of the time it took to package a document)."""

    def __init__(self, name: str, rows: _PngRows) -> None:
        super().__init__(name)
        self.rows = rows
        self.width, self.height, self.bitsPerComponent = rows.width, rows.height, rows.bits
        self.colorSpace = "DeviceGray" if rows.colours == 1 else "DeviceRGB"
        self.streamContent, self._filters, self.mask = rows.data, ("FlateDecode",), None

    def format(self, document: object) -> bytes:
        stream = PDFStream(content=self.streamContent)
        entries = stream.dictionary
        entries["Type"], entries["Subtype"] = PDFName("XObject"), PDFName("Image")
        entries["Width"], entries["Height"] = self.width, self.height
        entries["BitsPerComponent"], entries["ColorSpace"] = self.bitsPerComponent, PDFName(self.colorSpace)
        entries["Filter"] = PDFName("FlateDecode")
        entries["DecodeParms"] = PDFDictionary({"Predictor": 15, "Colors": self.rows.colours,
                                                "BitsPerComponent": self.rows.bits, "Columns": self.width})
        entries["Length"] = len(self.streamContent)
        return stream.format(document)


def _decoded_image(name: str, path: Path) -> tuple[PDFImageXObject, tuple[int, int]]:
    """A master that is not a plain PNG of the store's kinds: its own samples, read and compressed here.
    reportlab's drawImage would turn 1-bit images into 24-bit RGB and wrap streams in ASCII85."""
    with Image.open(path) as image:
        image.load()
        xobject = PDFImageXObject(name)
        xobject.width, xobject.height = image.size
        xobject.bitsPerComponent = 1 if image.mode == "1" else 8
        xobject.colorSpace = _COLOUR_SPACES[image.mode]
        xobject.streamContent = zlib.compress(image.tobytes())  # rows packed as PDF expects (1-bit: 1 = white)
        xobject._filters = ("FlateDecode",)
        xobject.mask = None
        return xobject, image.size


def _lossless_image(c: Canvas, page: MasterPage, name: str) -> tuple[str, tuple[int, int]]:
    """Register the master of `page` as an image XObject of its own samples, using the same registration steps as
    Canvas.drawImage; returns its resource name and its size in pixels."""
    rows = _png_rows(page.path.read_bytes())
    if rows is not None:
        xobject: PDFImageXObject = _PngPredicted(name, rows)
        size = (rows.width, rows.height)
    else:
        xobject, size = _decoded_image(name, page.path)
    reg_name = c._doc.getXObjectName(name)
    c._setXObjects(xobject)
    c._doc.Reference(xobject, reg_name)
    c._doc.addForm(name, xobject)
    c._formsinuse.append(name)
    return reg_name, size


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
        reg_name, (pixels_wide, pixels_high) = _lossless_image(c, page, f"page{index + 1}")
        width, height = pixels_wide * 72 / page.dpi, pixels_high * 72 / page.dpi
        c.setPageSize((width, height))
        c.saveState()
        c.scale(width, height)
        c._code.append(f"/{reg_name} Do")
        c.restoreState()
        if page.text is not None:
            draw_text_layer(c, page.text, width, height, page.dpi)
        if index == 0:
            inset = spec["inset"] * mm
            draw_stamp(c, info.stamp, width - inset - spec["width"] * mm, inset, ink=HexColor(f"#{spec['ink']}"),
                       backing=spec["backing"])
        c.showPage()
    c.save()
    return buf.getvalue()
