"""The page store: content-addressed lossless masters, written whole or not at all; thumbnails are a cache."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from PIL import Image

from scanstation.bootstrap import App
from scanstation.capture.page_store import PageStore
from scanstation.services import page_capture
from tests import imaging as im


def test_content_addressed_lossless_and_idempotent(tmp_path: Path) -> None:
    store = PageStore(tmp_path / "pages")
    page = im.text_page(1, dpi=100)
    a, b = store.put(page), store.put(page.copy())
    assert a.sha256 == b.sha256 and store.verify(a.sha256)
    assert a.path == tmp_path / "pages" / a.sha256[:2] / f"{a.sha256}.png"
    assert hashlib.sha256(a.path.read_bytes()).hexdigest() == a.sha256
    assert store.open(a.sha256).tobytes() == page.tobytes()
    assert list((tmp_path / "pages").rglob(".incoming-*")) == []
    bits = page.crop((0, 0, 853, 400)).convert("1")  # a width that does not fill its last byte
    reread = store.open(store.put(bits).sha256)
    assert reread.mode == "1" and reread.tobytes() == bits.tobytes()
    colour = im.text_page(2, dpi=100, mode="RGB")
    assert store.open(store.put(colour).sha256).tobytes() == colour.tobytes()


def test_a_failed_write_leaves_neither_a_file_nor_a_temporary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A crash between write and rename (the disk fills, the power goes) must not leave a file under a hash name."""
    store = PageStore(tmp_path / "pages")

    def disk_full(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(OSError):
        store.put(im.text_page(1, dpi=100))
    assert [p for p in (tmp_path / "pages").rglob("*") if p.is_file()] == []


def test_a_corrupted_master_fails_verification(tmp_path: Path) -> None:
    store = PageStore(tmp_path / "pages")
    stored = store.put(im.text_page(1, dpi=100))
    data = bytearray(stored.path.read_bytes())
    data[-20] ^= 0xFF
    stored.path.write_bytes(bytes(data))
    assert not store.verify(stored.sha256)
    assert not store.verify("0" * 64)


def test_lost_thumbnails_are_made_again(sqlite_app: App) -> None:
    data_dir, store = sqlite_app.settings.data_dir, sqlite_app.pages  # the store bootstrap built for the data folder
    stored = store.put(im.text_page(1))
    master, thumb = page_capture.page_files(store, stored.sha256)
    assert master == stored.path and thumb is not None and thumb.is_relative_to(data_dir / "thumbs")
    thumb.unlink()
    again = page_capture.page_files(store, stored.sha256)[1]
    assert again == thumb and again.exists() and max(Image.open(again).size) <= 220
    master.unlink()
    (data_dir / "thumbs").joinpath(thumb.relative_to(data_dir / "thumbs")).unlink()
    assert page_capture.page_files(store, stored.sha256)[1] is None  # an unreadable master: no thumbnail, no crash
