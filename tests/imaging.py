"""Builders of realistic synthetic page images (300-dpi A4 by default) for capture and QC tests."""

from __future__ import annotations

import io
import random
import struct
import zlib
from pathlib import Path

import barcode
import numpy as np
from barcode.writer import ImageWriter
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from scanstation.core.resources import resource

A4_MM = (210, 297)
WORDS = ["پرونده", "بیمه", "شده", "گواهی", "درخواست", "تعهد", "کمیسیون", "پزشکی", "سازمان", "تأمین", "اجتماعی",
         "شعبه", "تاریخ", "شماره", "نامه", "مدرک"]


def blank(dpi: int = 300, mode: str = "L", shade: int = 245) -> Image.Image:
    w, h = (round(mm / 25.4 * dpi) for mm in A4_MM)
    return Image.new(mode, (w, h), shade if mode == "L" else (shade, shade, shade - 5))


def text_page(seed: int = 0, dpi: int = 300, mode: str = "L", lines: int = 30) -> Image.Image:
    """A letter-like page: a title and justified-looking lines of Persian words."""
    rnd = random.Random(seed)
    img = blank(dpi, mode)
    draw = ImageDraw.Draw(img)
    size = round(dpi * 0.14)
    font = ImageFont.truetype(str(resource("fonts", "Vazirmatn-Regular.ttf")), size)
    ink = 20 if mode == "L" else (20, 25, 60)
    margin = round(dpi * 0.9)
    y = margin
    for _ in range(lines):
        text = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(6, 11)))
        draw.text((img.width - margin, y), text, font=font, fill=ink, anchor="ra", direction="rtl")
        y += round(size * 1.9)
        if y > img.height - margin:
            break
    return img


def signature_page(dpi: int = 300) -> Image.Image:
    """Only a hand signature: a few curved strokes near the bottom."""
    img = blank(dpi)
    draw = ImageDraw.Draw(img)
    cx, cy = img.width * 0.3, img.height * 0.8
    pts = [(cx + i * 6, cy + 60 * np.sin(i / 9.0) + 25 * np.cos(i / 3.0)) for i in range(90)]
    draw.line(pts, fill=30, width=max(2, dpi // 100))
    return img


def stamp_page(dpi: int = 300) -> Image.Image:
    """Only a round stamp."""
    img = blank(dpi)
    draw = ImageDraw.Draw(img)
    r = dpi * 0.6
    cx, cy = img.width * 0.6, img.height * 0.5
    draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=70, width=dpi // 60)
    draw.ellipse((cx - r * 0.7, cy - r * 0.7, cx + r * 0.7, cy + r * 0.7), outline=70, width=dpi // 80)
    return img


def blank_page(dpi: int = 300, holes: bool = True, dust: bool = True, adf_edge: bool = True,
               bleed: bool = True, seed: int = 1) -> Image.Image:
    """A page with nothing on it but what scanners add: punch holes, dust, an ADF shadow, faint bleed-through."""
    img = blank(dpi)
    draw = ImageDraw.Draw(img)
    rnd = random.Random(seed)
    if bleed:
        font = ImageFont.truetype(str(resource("fonts", "Vazirmatn-Regular.ttf")), round(dpi * 0.14))
        for i in range(20):
            draw.text((dpi, dpi + i * dpi * 0.3), " ".join(rnd.choice(WORDS) for _ in range(8)), font=font, fill=222)
    if holes:
        r = dpi * 3 / 25.4
        for fy in (0.38, 0.62):
            cx, cy = dpi * 12 / 25.4, img.height * fy
            draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=15)
    if adf_edge:
        draw.rectangle((0, 0, img.width, round(dpi * 0.08)), fill=30)
        draw.rectangle((img.width - round(dpi * 0.05), 0, img.width, img.height), fill=40)
    if dust:
        for _ in range(40):
            x, y = rnd.randrange(img.width), rnd.randrange(img.height)
            draw.point((x, y), fill=40)
            draw.point((x + 1, y), fill=60)
    return img


def code128(value: str, module_px: int = 4, height_px: int = 160) -> Image.Image:
    """A Code 128 symbol as a grayscale image with quiet zones."""
    buf = io.BytesIO()
    barcode.get("code128", value, writer=ImageWriter()).write(
        buf, {"module_width": module_px * 25.4 / 300, "module_height": height_px * 25.4 / 300, "quiet_zone": 6.5,
              "write_text": False, "dpi": 300})
    return Image.open(io.BytesIO(buf.getvalue())).convert("L")


def with_barcode(page: Image.Image, value: str, angle: float = 0, where: tuple[float, float] = (0.55, 0.08)
                 ) -> Image.Image:
    """The page with a Code 128 label of `value` pasted near the top, rotated by `angle` degrees (CCW)."""
    label = code128(value).rotate(angle, expand=True, fillcolor=255)
    out = page.copy()
    x, y = int(page.width * where[0]), int(page.height * where[1])
    out.paste(label if out.mode == "L" else label.convert(out.mode), (x, y))
    return out


def skewed(page: Image.Image, degrees: float) -> Image.Image:
    """The page turned counter-clockwise by `degrees` (PIL convention), corners filled with paper."""
    fill = 245 if page.mode == "L" else (245, 245, 240)
    return page.rotate(degrees, resample=Image.BILINEAR, fillcolor=fill)


def blurred(page: Image.Image, radius: float = 3.0) -> Image.Image:
    return page.filter(ImageFilter.GaussianBlur(radius))


def darkened(page: Image.Image) -> Image.Image:
    return page.point(lambda v: int(v * 0.35))


def washed_out(page: Image.Image) -> Image.Image:
    return page.point(lambda v: int(175 + v * 80 / 255))


def save(img: Image.Image, path: Path, dpi: int | None = 300, **kw: object) -> Path:
    if dpi:
        kw["dpi"] = (dpi, dpi)
    img.save(path, **kw)
    return path


def bomb_png(path: Path, width: int, height: int) -> Path:
    """A tiny PNG whose header claims an enormous image."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64))
                     + chunk(b"IEND", b""))
    return path


def pdf_with_images(path: Path, pages: list[Image.Image], truncate_page: int | None = None) -> Path:
    """A PDF with one gray Flate-compressed image per page, written by hand so a page's stream can be cut short
    (`truncate_page`, 1-based): poppler then says "Unexpected end of file in flate stream" and still exits 0."""
    objects: list[bytes] = []
    kids = []
    for number, page in enumerate(pages, start=1):
        gray = page.convert("L")
        data = zlib.compress(gray.tobytes())
        if number == truncate_page:
            data = data[: len(data) // 3]
        w, h = gray.size
        image_id, content_id, page_id = len(objects) + 3, len(objects) + 4, len(objects) + 5
        objects.append(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
                       b"/BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n" % (w, h, len(data))
                       + data + b"\nendstream")
        draw = b"q 612 0 0 792 0 0 cm /Im Do Q"
        objects.append(b"<< /Length %d >>\nstream\n" % len(draw) + draw + b"\nendstream")
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
                       b"/Resources << /XObject << /Im %d 0 R >> >> >>" % (content_id, image_id))
        kids.append(b"%d 0 R" % page_id)
    head = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % len(pages)]
    body = b"%PDF-1.4\n"
    offsets = []
    for number, obj in enumerate(head + objects, start=1):
        offsets.append(len(body))
        body += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1)
    body += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    body += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(offsets) + 1, xref)
    path.write_bytes(body)
    return path


def tiff_with_bad_frame(path: Path, pages: list[Image.Image], bad: int) -> Path:
    """A multi-page deflate TIFF whose frame `bad` (1-based) has its compressed strip overwritten with garbage."""
    pages[0].save(path, save_all=True, append_images=pages[1:], dpi=(300, 300), compression="tiff_deflate")
    with Image.open(path) as tif:
        tif.seek(bad - 1)
        offset, length = tif.tag_v2[273][0], tif.tag_v2[279][0]
    data = bytearray(path.read_bytes())
    data[offset + 2: offset + length] = bytes((i * 37 + 11) % 256 for i in range(length - 2))
    path.write_bytes(bytes(data))
    return path
