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
from PIL import Image, ImageDraw, ImageFilter, ImageFont, ImageOps

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
    rnd = random.Random(seed)
    if bleed:  # the back's text, seen through the paper: mirrored, faint, diffused by the paper's fibres
        back = Image.new("L", img.size, 0)
        font = ImageFont.truetype(str(resource("fonts", "Vazirmatn-Regular.ttf")), round(dpi * 0.14))
        for i in range(20):
            ImageDraw.Draw(back).text((dpi, dpi + i * dpi * 0.3), " ".join(rnd.choice(WORDS) for _ in range(8)),
                                      font=font, fill=255)
        seen = ImageOps.mirror(back).filter(ImageFilter.GaussianBlur(dpi / 120))
        img = Image.composite(Image.new("L", img.size, 222), img, seen)
    draw = ImageDraw.Draw(img)
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


def sheet_page(width_mm: float, height_mm: float, seed: int = 0, dpi: int = 300, lines: int = 12,
               font_pt: float = 10) -> Image.Image:
    """A smaller sheet (an A5 letter, a receipt): Persian lines running to within 4 mm of its right and top edges."""
    rnd = random.Random(seed)
    img = Image.new("L", (round(width_mm / 25.4 * dpi), round(height_mm / 25.4 * dpi)), 246)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(str(resource("fonts", "Vazirmatn-Regular.ttf")), round(font_pt / 72 * dpi))
    edge = round(4 / 25.4 * dpi)
    y = edge
    for _ in range(lines):
        text = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(2, 6)))
        draw.text((img.width - edge, y), text, font=font, fill=25, anchor="ra", direction="rtl")
        y += round(font.size * 1.8)
        if y > img.height - edge - font.size:
            break
    return img


def on_surround(sheet: Image.Image, level: int, area_mm: tuple[float, float], at_mm: tuple[float, float],
                angle: float, shadow: bool, seed: int = 0, dpi: int = 300) -> Image.Image:
    """`sheet` laid at `at_mm` (its top-left, before the tilt of `angle` degrees counter-clockwise) on a scan area of
    `area_mm` whose surround is `level` with a mottled texture and grain, and, with `shadow`, the dark line a sheet's
    edge casts on the lid; then the scanner's own noise over everything."""
    rng = np.random.default_rng(seed)
    w, h = (round(mm / 25.4 * dpi) for mm in area_mm)
    mottle = _mottle(rng.normal(0, 6, (h // 16 + 1, w // 16 + 1)), (w, h))
    ground = Image.fromarray(np.clip(level + mottle + rng.normal(0, 4, (h, w)), 0, 255).astype(np.uint8))
    tilted = sheet.rotate(angle, resample=Image.BILINEAR, expand=True, fillcolor=0)
    mask = Image.new("L", sheet.size, 255).rotate(angle, resample=Image.BILINEAR, expand=True, fillcolor=0)
    x, y = (round(mm / 25.4 * dpi) for mm in at_mm)
    x, y = x - (tilted.width - sheet.width) // 2, y - (tilted.height - sheet.height) // 2
    if shadow:  # the edge's shadow on the lid, below and to the right of the sheet
        ground.paste(Image.new("L", tilted.size, max(0, level - 70)), (x + 3, y + 3), mask.filter(ImageFilter.GaussianBlur(2)))
    ground.paste(tilted, (x, y), mask)
    noisy = np.asarray(ground, np.float32) + rng.normal(0, 2, (h, w))
    return Image.fromarray(np.clip(noisy, 0, 255).astype(np.uint8))


def _mottle(coarse: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    """A coarse random field smoothly enlarged to `size`: the mottling of a lid's foam."""
    return np.asarray(Image.fromarray(coarse.astype(np.float32), mode="F").resize(size, Image.BICUBIC))


def on_lid(sheet: Image.Image, at_mm: tuple[float, float] = (15, 20), angle: float = 1.2, seed: int = 0
           ) -> Image.Image:
    """A sheet on the A4 flatbed under a grey lid (textured, the sheet's edge casting a shadow), slightly skewed."""
    return on_surround(sheet, 185, (215.9, 297.0), at_mm, angle, shadow=True, seed=seed)


def on_backing(sheet: Image.Image, at_mm: tuple[float, float] = (60, 4), angle: float = -0.8, seed: int = 0
               ) -> Image.Image:
    """A sheet fed through the feeder against its black backing: the scan as wide as the feeder, a little longer
    than the sheet."""
    length = sheet.height * 25.4 / 300 + 2 * at_mm[1]
    return on_surround(sheet, 28, (215.9, length), at_mm, angle, shadow=False, seed=seed)


def id_card(seed: int = 0, dpi: int = 300) -> Image.Image:
    """A national ID card (85.6 x 54 mm): a photo, an emblem, a few short lines of small type."""
    rnd = random.Random(seed)
    card = Image.new("L", (round(85.6 / 25.4 * dpi), round(54 / 25.4 * dpi)), 236)
    draw = ImageDraw.Draw(card)
    mm = dpi / 25.4
    photo = np.random.default_rng(seed).normal(90, 35, (round(32 * mm), round(25 * mm)))
    card.paste(Image.fromarray(np.clip(photo, 0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(4)),
               (round(4 * mm), round(14 * mm)))
    draw.ellipse((60 * mm, 3 * mm, 70 * mm, 13 * mm), outline=80, width=round(0.6 * mm))
    font = ImageFont.truetype(str(resource("fonts", "Vazirmatn-Regular.ttf")), round(7 / 72 * dpi))
    for i in range(5):
        text = " ".join(rnd.choice(WORDS) for _ in range(2))
        draw.text((card.width - 4 * mm, (16 + i * 6.5) * mm), text, font=font, fill=30, anchor="ra", direction="rtl")
    return card


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
