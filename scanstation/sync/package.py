"""What goes to the central store for a dossier: one stamped PDF per document and a JSON manifest per version.

Both are written once into the data folder's `outbox/`, named by their SHA-256, before the outbox row that points
to them commits; retries send those very bytes (a PDF rebuilt later would differ in its timestamps). The manifest
describes every document uploaded so far, so its newest version tells the whole collection, and carries the
audit chain head, an anchor a rewritten local database cannot match (stamped when the manifest is first sent,
`with_chain_head`, not when it was queued). Versions are new files, never rewritten.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from scanstation.core.durable import write_durably

FORMAT_VERSION = 1
MANIFEST_PREFIX, CHAIN_HEAD_PREFIX, JSON_SUFFIX = "manifest-", "chain-head-", ".json"
CHAIN_HEADS_COLLECTION = "chain-heads-"  # + the branch code: one collection of notes per branch


@dataclass(frozen=True)
class OutboxFile:
    name: str  # file name under the outbox folder
    sha256: str
    size: int


def outbox_dir(data_dir: Path) -> Path:
    """The outbox folder of a data folder (called once, by bootstrap's `App.outbox`)."""
    return Path(data_dir) / "outbox"


def write_outbox_file(outbox: Path, data: bytes, suffix: str) -> OutboxFile:
    """Store `data` durably in the outbox folder under its SHA-256 (an existing file of that name already holds
    these bytes)."""
    digest = hashlib.sha256(data).hexdigest()
    target = outbox / f"{digest}{suffix}"
    if not target.exists():
        write_durably(target, data)
    return OutboxFile(target.name, digest, len(data))


def document_file_name(number: int) -> str:
    return f"document-{number:03d}.pdf"


def manifest_file_name(version: int) -> str:
    return f"{MANIFEST_PREFIX}{version:04d}{JSON_SUFFIX}"


@dataclass(frozen=True)
class ManifestDocument:
    """One document as the manifest lists it."""

    number: int
    file: str
    sha256: str
    size: int
    tracking_code: str
    type: str
    type_name: str
    heading: str
    heading_name: str
    group: str
    date: str | None
    stamp: dict[str, str]
    operators: list[str]
    verifier: str | None
    approved_at: str | None
    pages: list[dict[str, Any]] = field(default_factory=list)  # {"seq", "sha256", "text": {"engine", "model"} | None}


@dataclass(frozen=True)
class ManifestHead:
    """The dossier's identity and the audit chain head at packaging time."""

    barcode: str
    insured_number: str
    national_id: str
    branch_code: str
    branch_name: str
    audit_seq: int
    audit_hash: str
    created_at: str


def manifest_bytes(version: int, head: ManifestHead, documents: list[ManifestDocument]) -> bytes:
    """The manifest as canonical UTF-8 JSON (sorted keys), so equal content gives equal bytes and hash."""
    body = {
        "format_version": FORMAT_VERSION,
        "manifest_version": version,
        "created_at": head.created_at,
        "dossier": {"barcode": head.barcode, "insured_number": head.insured_number,
                    "national_id": head.national_id},
        "branch": {"code": head.branch_code, "name": head.branch_name},
        "audit_chain_head": {"seq": head.audit_seq, "hash": head.audit_hash},
        "documents": [doc.__dict__ for doc in sorted(documents, key=lambda d: d.number)],
    }
    return _canonical(body)


def _canonical(body: dict[str, Any]) -> bytes:
    return json.dumps(body, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")


def with_chain_head(manifest: bytes, seq: int, digest: str) -> bytes:
    """The queued manifest with the audit chain head of the moment it is first sent: the anchor is then as late as
    it can be, and still a (seq, hash) the local chain must hold for ever."""
    body = json.loads(manifest)
    body["audit_chain_head"] = {"seq": seq, "hash": digest}
    return _canonical(body)


def chain_head(manifest: bytes) -> tuple[int, str]:
    """The (seq, hash) anchor a manifest carries; ValueError when it is not a manifest of ours."""
    try:
        head = json.loads(manifest)["audit_chain_head"]
        return int(head["seq"]), str(head["hash"])
    except (ValueError, KeyError, TypeError) as exc:
        raise ValueError("not a ScanStation manifest") from exc


def is_anchor_name(name: str) -> bool:
    """A file that carries a chain head: a dossier's manifest, or a branch's chain-head note."""
    return name.endswith(JSON_SUFFIX) and name.startswith((MANIFEST_PREFIX, CHAIN_HEAD_PREFIX))


def chain_head_note(branch_code: str, branch_name: str, seq: int, digest: str, created_at: datetime,
                    workstation: str) -> tuple[str, bytes]:
    """A chain-head note (file name, bytes): the audit chain head alone, sent on a day when no manifest went, so
    that no day's entries wait for the next dossier to be anchored. Names sort by time."""
    stamp = created_at.strftime("%Y%m%dT%H%M%SZ")
    body = {"format_version": FORMAT_VERSION, "kind": "chain-head", "created_at": stamp, "workstation": workstation,
            "branch": {"code": branch_code, "name": branch_name}, "audit_chain_head": {"seq": seq, "hash": digest}}
    return f"{CHAIN_HEAD_PREFIX}{stamp}-{seq:010d}{JSON_SUFFIX}", _canonical(body)


def document_properties(doc: ManifestDocument, barcode: str) -> dict[str, str]:
    """The WebDAV properties set on a document's PDF (and read back for step 12)."""
    return {"dossier": barcode, "document": str(doc.number), "type": doc.type, "heading": doc.heading,
            "group": doc.group, "tracking-code": doc.tracking_code, "sha256": doc.sha256,
            "verifier": doc.verifier or "", "date": doc.date or ""}
