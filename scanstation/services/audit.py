"""Checking the audit chain from the window or the CLI, alone or against the anchors kept in the central store."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from scanstation.core import audit_chain
from scanstation.core.digits import to_persian
from scanstation.core.identifiers import BARCODE_PATTERN
from scanstation.core.models import AuditEntry, Branch, Dossier, UploadItem
from scanstation.core.progress import ProgressReporter
from scanstation.core.uow import UnitOfWork
from scanstation.sync.package import (
    CHAIN_HEAD_PREFIX,
    MANIFEST_PREFIX,
    chain_head,
    is_anchor_name,
)
from scanstation.sync.store import ContentStore, collection_name


def verify_chain(uow: UnitOfWork, progress: ProgressReporter[int] | None = None) -> audit_chain.ChainReport:
    """Recompute every entry's hash in order; the report names the first entry that does not hold. One read-only
    snapshot: the branch goes on working while it runs, and what it commits meanwhile is not taken for drift."""
    with uow.reading(snapshot=True):
        uow.require_to("audit.verify")
        return audit_chain.verify(uow.session, progress=progress)


@dataclass(frozen=True)
class AnchorReport:
    """`checked`: the anchors in the store that are this database's (manifests, and the newest chain-head note);
    `rewritten`: one sentence per anchor the local chain no longer holds (the database was rewritten after it left);
    `unaccounted`: one per manifest of this branch the local database has no record of (its rows deleted or
    renamed, so that the check would not look for it)."""

    checked: int
    rewritten: tuple[str, ...]
    unaccounted: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.rewritten and not self.unaccounted


@dataclass(frozen=True)
class _Anchor:
    collection: str
    name: str
    branch: str
    barcode: str  # the manifest's dossier; empty for a chain-head note
    seq: int
    digest: str
    sha256: str  # of the file as the store serves it

    @property
    def file(self) -> str:
        return f"{self.collection}/{self.name}"


_BARCODE_BRANCH = re.compile(BARCODE_PATTERN)
ZERO_HASH = "0" * 64  # the head of an empty chain
READERS = 4  # collections read at once: each reading thread keeps its own connection to the store


def _branch_of(barcode: str) -> str | None:
    """The branch code written into a dossier barcode (it stays there whatever the branch row is renamed to)."""
    match = _BARCODE_BRANCH.fullmatch(barcode)
    return match.group(1) if match else None


def _collection_anchors(store: ContentStore, collection: str) -> list[_Anchor]:
    """The anchors one collection holds: every manifest, and the newest chain-head note (the notes before it are
    older anchors of the same chain)."""
    names = store.list(collection)
    wanted = [n for n in names if is_anchor_name(n) and n.startswith(MANIFEST_PREFIX)]
    wanted += sorted(n for n in names if is_anchor_name(n) and n.startswith(CHAIN_HEAD_PREFIX))[-1:]
    anchors = []
    for name in wanted:
        data = store.read(collection, name)
        if data is None:
            continue
        try:
            seq, digest = chain_head(data)
            body = json.loads(data)
            branch = str(body["branch"]["code"])
            barcode = str(body.get("dossier", {}).get("barcode", ""))
        except (ValueError, KeyError, TypeError, AttributeError):
            continue  # not one of ours
        anchors.append(_Anchor(collection, name, branch, barcode, seq, digest, hashlib.sha256(data).hexdigest()))
    return anchors


def _remote_anchors(store: ContentStore) -> list[_Anchor]:
    """Every anchor in the store, found from the store's own listing (a PROPFIND of its root), not from what the
    local database says it uploaded; a few collections read at once (network only: no transaction is open)."""
    with ThreadPoolExecutor(max_workers=READERS) as pool:
        return [a for found in pool.map(lambda c: _collection_anchors(store, c), store.collections()) for a in found]


def _held(session: Session, anchors: list[_Anchor]) -> set[tuple[int, str]]:
    """The (seq, hash) pairs of `anchors` that the local chain holds."""
    wanted = sorted({a.seq for a in anchors})
    held = {(0, ZERO_HASH)}
    for start in range(0, len(wanted), 500):  # an IN list of bounded size
        held.update((seq, digest) for seq, digest in session.execute(select(AuditEntry.seq, AuditEntry.hash).where(
            AuditEntry.seq.in_(wanted[start:start + 500]))))
    return held


def verify_against_store(new_uow: Callable[[], UnitOfWork], store: ContentStore,
                         branch: str | None = None) -> AnchorReport:
    """Compare the audit chain heads the store holds with the local chain.

    Which anchors are this database's is decided from what a rewrite cannot change: the store's listing, the branch
    written into each dossier barcode here, the branch of every anchor the local chain still holds, and `branch`
    (the workstation's setting, outside the database); not only from the branch row or the upload rows, which an
    edit could rename or delete. An anchor of ours whose head the chain does not hold means the database was
    rewritten after it left; a manifest of ours with no upload row here means rows were removed. Anchors of other
    branches (the store is shared) are left out."""
    with new_uow().reading() as uow:
        uow.require_to("audit.verify")
    anchors = _remote_anchors(store)
    with new_uow().reading(snapshot=True) as uow:
        uow.require_to("audit.verify")
        session = uow.session
        held = _held(session, anchors)
        local = {collection_name(b) for b in session.execute(select(Dossier.barcode)).scalars()}
        uploaded = {(c, n): sha for c, n, sha in session.execute(  # only manifests are anchors
            select(UploadItem.collection, UploadItem.name, UploadItem.sha256).where(UploadItem.kind == "manifest"))}
        local |= set(session.execute(select(UploadItem.collection).distinct()).scalars())
        ours: set[str | None] = {branch, *session.execute(select(Branch.code)).scalars()}
        ours |= {_branch_of(c) for c in local}
        ours |= {code for a in anchors if (a.seq, a.digest) in held for code in (a.branch, _branch_of(a.barcode))}
        ours.discard(None)
        checked, rewritten, unaccounted = 0, [], []
        for anchor in sorted(anchors, key=lambda a: (a.collection, a.name)):
            if not (anchor.collection in local or anchor.branch in ours or _branch_of(anchor.barcode) in ours):
                continue
            checked += 1
            if (anchor.seq, anchor.digest) not in held:
                rewritten.append(_rewritten(session, anchor))
            elif anchor.name.startswith(MANIFEST_PREFIX) and uploaded.get(
                    (anchor.collection, anchor.name)) != anchor.sha256:
                unaccounted.append(
                    f"مخزن مرکزی «{anchor.file}» را از این شعبه نگه می‌دارد ولی پایگاه داده این رایانه ردیف بارگذاری "
                    "آن را ندارد (پاک یا دگرگون شده است)؛ به مسئول امنیت شعبه خبر دهید.")
        return AnchorReport(checked, tuple(rewritten), tuple(unaccounted))


def _rewritten(session: Session, anchor: _Anchor) -> str:
    local = session.get(AuditEntry, anchor.seq) if anchor.seq else None
    where = f"ثبت شماره {to_persian(anchor.seq)}"
    return (f"پایگاه داده این شعبه بازنویسی شده است: «{anchor.file}» در مخزن مرکزی {where} زنجیره ممیزی را با هش "
            f"{anchor.digest[:12]} گواهی می‌کند ولی زنجیره این رایانه "
            + (f"در آن جا هش {local.hash[:12]} دارد." if local is not None else "به آن شماره نمی‌رسد.")
            + " به مسئول امنیت شعبه خبر دهید.")
