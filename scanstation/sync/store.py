"""The content-store interface the outbox talks to, and the typed problems any adapter raises.

Each problem carries the one Persian sentence a clerk reads and says what the worker should do with the item:
try again later (`transient`), stop the whole run until a person fixes the settings (`store_wide`), or set the
item aside for a person (neither).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from scanstation.core.errors import ScanStationError

NAMESPACE = "urn:scanstation:1"


class StoreError(ScanStationError):
    """A problem with the central store; `str(e)` is the sentence for the clerk."""

    transient = False
    store_wide = False


class StoreUnavailable(StoreError):
    """Connection refused or cut, timeout, 5xx, store full: the same request may work later."""

    transient = True


class StoreOffline(StoreUnavailable):
    """Nothing answers at the store's address: offline is normal, so no try is used up; the run waits."""

    store_wide = True


class StoreNotAnswering(StoreUnavailable):
    """The store took the connection and did not answer in time: its problem, not the file's. No try is used up;
    the run stops after a few (upload.toml: store_timeouts_to_stop) and a later run tries again."""

    store_wide = True


class StoreAuthFailed(StoreError):
    """Wrong user or password (401), or a certificate that cannot be verified: nothing works until fixed."""

    store_wide = True


class StoreRefused(StoreError):
    """The store said no to this item (403, 404, 409...): a person must look."""


class RemoteMismatch(StoreError):
    """A remote file under our name does not hold the bytes we sent."""


@dataclass(frozen=True)
class PutResult:
    """`created`: this call wrote the file; otherwise an identical file was already there."""

    sha256: str
    size: int
    created: bool


class ContentStore(Protocol):
    """What the outbox needs from a central store; one collection per dossier, files never overwritten."""

    def ensure_collection(self, collection: str) -> None:
        """Create the dossier's collection if it is missing."""

    def put_new(self, collection: str, name: str, source: Path, sha256: str) -> PutResult:
        """Write `source` as a new file, never over another; read it back and compare hashes before returning.
        Raises LocalCopyDamaged, leaving nothing of it in the store, when `source` no longer hashes to `sha256`."""

    def remote_sha256(self, collection: str, name: str) -> str | None:
        """Hash of the remote file as the store serves it now, None when it is absent."""

    def set_properties(self, collection: str, name: str, properties: dict[str, str]) -> None:
        """Set metadata on the remote file (in the project's namespace)."""

    def collection_properties(self, collection: str, names: list[str]) -> dict[str, dict[str, str]]:
        """Read the named properties of every file in the collection back at once: file name -> properties
        found (a missing one left out)."""

    def read(self, collection: str, name: str) -> bytes | None:
        """The remote file's bytes (small files: manifests), None when it is absent."""

    def list(self, collection: str) -> list[str]:
        """Names of the files in the collection (empty when the collection does not exist)."""

    def collections(self) -> list[str]:
        """Names of the dossier collections the store holds."""


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")


def collection_name(barcode: str) -> str:
    """A dossier's collection: its barcode with anything outside [A-Za-z0-9._-] replaced, never empty or dotted."""
    safe = _UNSAFE.sub("_", barcode.strip()).strip(".")
    if not safe:
        raise StoreRefused("بارکد پرونده برای نام پوشه در مخزن مرکزی خالی است؛ بارکد را بررسی کنید.")
    return safe


class LocalCopyDamaged(StoreError):
    """The file waiting in the outbox folder is gone or no longer matches its hash: whatever of it reached the
    store is removed again, and a person queues the document anew."""


def local_copy_damaged(name: str) -> LocalCopyDamaged:
    return LocalCopyDamaged(f"نسخه آماده ارسال «{name}» در پوشه صف بارگذاری این رایانه خراب یا گم شده است؛ سند را "
                            "دوباره در صف بگذارید.")
