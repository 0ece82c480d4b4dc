"""The page store: lossless masters named by their SHA-256, written durably before any row points to them.

Write order: temporary file -> fsync -> rename -> fsync of the folder. Only then may the database row that names
the hash commit, so a kill at any moment leaves at worst a file without a row (harmless, re-used on retry),
never a row without its file. Nothing is ever overwritten or deleted: replaced pages keep their images.
"""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

THUMB_HEIGHT = 220


@dataclass(frozen=True)
class StoredImage:
    sha256: str
    path: Path
    width: int
    height: int
    mode: str


def encode_lossless(image: Image.Image) -> bytes:
    """PNG bytes; 1-bit stays 1-bit and gray stays gray. Level 1 is fast and still lossless."""
    if image.mode not in ("1", "L", "RGB"):
        image = image.convert("RGB")
    buf = io.BytesIO()
    image.save(buf, format="PNG", compress_level=1)
    return buf.getvalue()


class PageStore:
    """Content-addressed image files under `root` (data folder /pages), thumbnails as a cache beside them."""

    def __init__(self, root: Path, thumbs: Path | None = None) -> None:
        self.root = Path(root)
        self.thumbs = Path(thumbs) if thumbs else self.root.parent / "thumbs"

    def path_for(self, sha256: str) -> Path:
        return self.root / sha256[:2] / f"{sha256}.png"

    def put(self, image: Image.Image) -> StoredImage:
        """Store the image durably and return its hash; storing the same pixels twice is a no-op."""
        data = encode_lossless(image)
        digest = hashlib.sha256(data).hexdigest()
        target = self.path_for(digest)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".incoming-", dir=target.parent)
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(data)
                    fh.flush()
                    os.fsync(fh.fileno())
                os.replace(tmp, target)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
            dir_fd = os.open(target.parent, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
        return StoredImage(digest, target, image.width, image.height, image.mode)

    def open(self, sha256: str) -> Image.Image:
        with Image.open(self.path_for(sha256)) as img:
            img.load()
            return img

    def verify(self, sha256: str) -> bool:
        """True when the stored file exists and still hashes to its name."""
        path = self.path_for(sha256)
        return path.exists() and hashlib.sha256(path.read_bytes()).hexdigest() == sha256

    def thumbnail(self, sha256: str, image: Image.Image | None = None) -> Path:
        """The cached thumbnail (JPEG is fine here: it is a cache, never the record), made when missing."""
        path = self.thumbs / sha256[:2] / f"{sha256}.jpg"
        if not path.exists():
            source = image if image is not None else self.open(sha256)
            thumb = source.convert("L" if source.mode in ("1", "L") else "RGB")
            thumb = thumb.reduce(max(1, thumb.height // (THUMB_HEIGHT * 2)))
            thumb.thumbnail((THUMB_HEIGHT, THUMB_HEIGHT))
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            thumb.save(tmp, format="JPEG", quality=80)
            os.replace(tmp, path)
        return path
