"""Reading page images from files (scan-to-folder copiers, earlier scans): PNG, JPEG, TIFF frames, PDF pages.

A bad file is refused with one sentence the clerk can act on, before anything large is decoded: the byte size and
the pixel count are checked first, so a decompression bomb never reaches memory.
"""

from __future__ import annotations

import re
import subprocess
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageSequence

from scanstation.capture.temp_folders import new_pdf_folder
from scanstation.core.digits import to_persian
from scanstation.core.errors import ScanStationError
from scanstation.core.policy import capture_limits

SIGNATURES = {b"\x89PNG\r\n\x1a\n": "png", b"\xff\xd8\xff": "jpeg", b"II*\x00": "tiff", b"MM\x00*": "tiff",
              b"%PDF-": "pdf"}


class ImageFileError(ScanStationError):
    """A file that cannot be used as a page image; the message names the file and what is wrong."""


@dataclass(frozen=True)
class ImageLimits:
    max_pixels: int
    max_file_bytes: int
    pdf_dpi: int = 300


def load_limits() -> ImageLimits:
    """Limits from resources/capture_limits.toml."""
    data = capture_limits()
    return ImageLimits(data.max_pixels, data.max_file_megabytes * 1024 * 1024, data.pdf_dpi)


@dataclass(frozen=True)
class LoadedImage:
    label: str
    image: Image.Image
    dpi: int | None
    source: Path
    index: int


def _kind(path: Path) -> str:
    with path.open("rb") as fh:
        head = fh.read(8)
    for magic, kind in SIGNATURES.items():
        if head.startswith(magic):
            return kind
    raise ImageFileError(f"«{path.name}» تصویر نیست (فقط PNG، JPEG، TIFF و PDF پذیرفته می‌شود).")


def _dpi_of(image: Image.Image) -> int | None:
    dpi = image.info.get("dpi")
    if not dpi:
        return None
    try:
        value = int(round(float(dpi[0])))
    except (TypeError, ValueError):
        return None
    return value if value > 1 else None


def _check_pixels(path: Path, width: int, height: int, limits: ImageLimits) -> None:
    if width * height > limits.max_pixels:
        raise ImageFileError(
            f"«{path.name}» بیش از حد بزرگ است ({to_persian(width)}×{to_persian(height)} نقطه)؛ "
            "آن را با وضوح کمتر (۳۰۰ نقطه در اینچ) دوباره اسکن کنید."
        )


def _open_raster(path: Path) -> Image.Image:
    try:
        return Image.open(path)
    except Image.DecompressionBombError:
        raise ImageFileError(f"«{path.name}» بیش از حد بزرگ است و باز نمی‌شود.") from None
    except (OSError, SyntaxError, ValueError):
        raise ImageFileError(f"«{path.name}» خراب است و باز نمی‌شود؛ دوباره از اسکنر بگیرید.") from None


def _frames(path: Path, opened: Image.Image, limits: ImageLimits) -> Iterator[tuple[int, Image.Image]]:
    """Each frame decoded completely; a frame that is not refuses the whole file, naming the frame."""
    frames = getattr(opened, "n_frames", 1)
    index = 0
    try:
        for index, frame in enumerate(ImageSequence.Iterator(opened)):
            _check_pixels(path, frame.width, frame.height, limits)
            frame.load()
            yield index, frame
    except (OSError, SyntaxError, ValueError, EOFError):
        where = f"صفحه {to_persian(index + 1)} " if frames > 1 else ""
        raise ImageFileError(
            f"{where}«{path.name}» ناقص یا خراب است (احتمالاً کامل کپی نشده) و هیچ صفحه‌ای از آن برداشته نشد؛ "
            "فایل را دوباره بفرستید."
        ) from None


def _raster(path: Path, limits: ImageLimits) -> Iterator[LoadedImage]:
    """Every frame is decoded once to check it before the first is given out, so a file with a bad frame (a TIFF
    whose second page is damaged) is refused whole: nothing of it is stored. Only one frame is held at a time."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # our own pixel limit decides
        warnings.simplefilter("ignore", UserWarning)  # Pillow's notes on damaged metadata: a clerk cannot act on them
        with _open_raster(path) as opened:
            for _ in _frames(path, opened, limits):
                pass
        with _open_raster(path) as opened:
            frames = getattr(opened, "n_frames", 1)
            for index, frame in _frames(path, opened, limits):
                image = frame.copy()
                if image.mode not in ("1", "L", "RGB"):
                    image = image.convert("RGB")
                label = f"{path.name}#{index + 1}" if frames > 1 else path.name
                yield LoadedImage(label, image, _dpi_of(frame), path, index)


def _pdf_pages(path: Path) -> int:
    try:
        out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, timeout=60)
    except FileNotFoundError:
        raise ImageFileError("برای خواندن PDF برنامه poppler-utils لازم است؛ نصب‌کننده را دوباره اجرا کنید.") from None
    match = re.search(r"^Pages:\s+(\d+)", out.stdout, re.MULTILINE)
    if out.returncode != 0 or not match:
        raise ImageFileError(f"«{path.name}» یک PDF سالم نیست و باز نمی‌شود.")
    return int(match.group(1))


# Poppler reports a stream it could not decode completely on stderr and still exits 0, drawing what it had (a blank
# or half page). These are the messages that mean "this page's pixels are not all there".
_DAMAGED = re.compile(r"(?i)^(syntax |internal )?error.*(stream|unexpected end|decod|dct|jpx|jbig2|ccitt|lzw|image data)")


def _pdf(path: Path, limits: ImageLimits) -> Iterator[LoadedImage]:
    """Every page is rendered and checked before the first is given out: a page poppler cannot decode completely
    refuses the whole file, so nothing of it is stored."""
    pages = _pdf_pages(path)
    if pages == 0:
        raise ImageFileError(f"«{path.name}» هیچ صفحه‌ای ندارد.")
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", str(pages), str(path)],
                          capture_output=True, text=True, timeout=60).stdout
    for size in re.finditer(r"size:\s+([\d.]+) x ([\d.]+) pts", info):
        w, h = (float(v) / 72 * limits.pdf_dpi for v in size.groups())
        _check_pixels(path, int(w), int(h), limits)
    with new_pdf_folder() as tmp:
        done = subprocess.run(["pdftoppm", "-r", str(limits.pdf_dpi), "-png", str(path), str(Path(tmp) / "p")],
                              capture_output=True, text=True, timeout=300 * pages)
        rendered = sorted(Path(tmp).glob("p-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
        damaged = [line for line in done.stderr.splitlines() if _DAMAGED.search(line)]
        if done.returncode != 0 or damaged or len(rendered) != pages:
            raise ImageFileError(f"«{path.name}» صفحه‌ای دارد که کامل خوانده نمی‌شود و هیچ صفحه‌ای از آن برداشته "
                                 "نشد؛ PDF را دوباره از اسکنر یا فرستنده بگیرید.")
        for number, png in enumerate(rendered, start=1):
            with Image.open(png) as page:
                image = page.copy()
            png.unlink()
            if image.mode not in ("L", "RGB"):
                image = image.convert("RGB")
            yield LoadedImage(f"{path.name}#{number}" if pages > 1 else path.name, image, limits.pdf_dpi, path,
                              number - 1)


def load_images(path: Path, limits: ImageLimits | None = None) -> Iterator[LoadedImage]:
    """Each page image in the file, in order; ImageFileError (one sentence) when the file cannot be used."""
    limits = limits or load_limits()
    path = Path(path)
    if not path.is_file():
        raise ImageFileError(f"فایل «{path}» پیدا نشد.")
    size = path.stat().st_size
    if size == 0:
        raise ImageFileError(f"«{path.name}» خالی است (صفر بایت)؛ احتمالاً ذخیره آن کامل نشده است.")
    if size > limits.max_file_bytes:
        raise ImageFileError(
            f"«{path.name}» بزرگ‌تر از {to_persian(limits.max_file_bytes // (1024 * 1024))} مگابایت است و پذیرفته نمی‌شود."
        )
    kind = _kind(path)
    yield from (_pdf(path, limits) if kind == "pdf" else _raster(path, limits))
