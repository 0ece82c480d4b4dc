"""The page store: lossless masters named by their SHA-256, written durably before any row points to them.

Write order (core.durable.write_durably): temporary file -> fsync -> rename -> fsync of the folder. Only then may the database row that names
the hash commit, so a kill at any moment leaves at worst a file without a row (harmless, re-used on retry),
never a row without its file. Nothing is ever overwritten or deleted: replaced pages keep their images.
"""

from __future__ import annotations

import hashlib
import os
import struct
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image

from scanstation.core.durable import private_folder, write_durably

THUMB_HEIGHT = 220


@dataclass(frozen=True)
class StoredImage:
    sha256: str
    path: Path
    width: int
    height: int
    mode: str


PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
PNG_FORMATS = {"1": (1, 0, 1), "L": (8, 0, 8), "RGB": (8, 2, 24)}  # mode: bit depth, colour type, bits per pixel


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(data, zlib.crc32(kind)))


def encode_lossless(image: Image.Image) -> bytes:
    """PNG bytes; 1-bit stays 1-bit and gray stays gray.

    Written here rather than by Pillow: no row filters and zlib level 1. On scans (mostly flat paper) that is as
    small as Pillow's adaptive filtering and several times faster, and zlib works without holding the GIL."""
    if image.mode not in PNG_FORMATS:
        image = image.convert("RGB")
    depth, colour, bits = PNG_FORMATS[image.mode]
    stride = (image.width * bits + 7) // 8
    rows = np.zeros((image.height, stride + 1), dtype=np.uint8)  # each row starts with filter type 0 (none)
    rows[:, 1:] = np.frombuffer(image.tobytes(), dtype=np.uint8).reshape(image.height, stride)
    header = struct.pack(">IIBBBBB", image.width, image.height, depth, colour, 0, 0, 0)
    return (PNG_SIGNATURE + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(rows.data, 1))
            + _chunk(b"IEND", b""))


class PageStore:
    """Content-addressed image files under `root` (data folder /pages), thumbnails as a cache beside them."""

    def __init__(self, root: Path, thumbs: Path | None = None) -> None:
        self.root = Path(root)
        self.thumbs = Path(thumbs) if thumbs else self.root.parent / "thumbs"

    @classmethod
    def of_data_folder(cls, data_dir: Path) -> PageStore:
        """The page store kept in a data folder (pages/ and thumbs/ beside each other)."""
        return cls(Path(data_dir) / "pages", Path(data_dir) / "thumbs")

    def path_for(self, sha256: str) -> Path:
        return self.root / sha256[:2] / f"{sha256}.png"

    def put(self, image: Image.Image) -> StoredImage:
        """Store the image durably and return its hash; storing the same pixels twice is a no-op."""
        data = encode_lossless(image)
        digest = hashlib.sha256(data).hexdigest()
        target = self.path_for(digest)
        if not target.exists():
            write_durably(target, data)
        return StoredImage(digest, target, image.width, image.height, image.mode)

    def open(self, sha256: str) -> Image.Image:
        with Image.open(self.path_for(sha256)) as img:
            img.load()
            return img

    def verify(self, sha256: str) -> bool:
        """True when the stored file exists and still hashes to its name."""
        return self.check(sha256) == "ok"

    def check(self, sha256: str) -> str:
        """"ok", "missing" or "altered" (the bytes no longer hash to the name); read in blocks, not whole."""
        try:
            with self.path_for(sha256).open("rb") as fh:
                digest = hashlib.file_digest(fh, "sha256").hexdigest()
        except FileNotFoundError:
            return "missing"
        return "ok" if digest == sha256 else "altered"

    def thumbnail(self, sha256: str, image: Image.Image | None = None) -> Path:
        """The cached thumbnail (JPEG is fine here: it is a cache, never the record), made when missing."""
        path = self.thumbs / sha256[:2] / f"{sha256}.jpg"
        if not path.exists():
            source = image if image is not None else self.open(sha256)
            factor = max(1, source.height // (THUMB_HEIGHT * 2))
            if source.mode in ("L", "RGB"):  # shrink first: converting a whole page costs more than the rest
                source = source.reduce(factor)
                factor = 1
            thumb = source.convert("L" if source.mode in ("1", "L") else "RGB").reduce(factor)
            thumb.thumbnail((THUMB_HEIGHT, THUMB_HEIGHT))
            private_folder(path.parent)
            tmp = path.with_suffix(".tmp")
            thumb.save(tmp, format="JPEG", quality=80)
            os.replace(tmp, path)
        return path
