"""Checking the audit chain from the window or the CLI, alone or against the anchors kept in the central store."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select

from scanstation.core import audit_chain
from scanstation.core.digits import to_persian
from scanstation.core.models import AuditEntry, Branch, UploadItem
from scanstation.core.progress import ProgressReporter
from scanstation.core.uow import UnitOfWork
from scanstation.sync.package import chain_head
from scanstation.sync.store import ContentStore

MANIFEST_PREFIX, MANIFEST_SUFFIX = "manifest-", ".json"


def verify_chain(uow: UnitOfWork, progress: ProgressReporter[int] | None = None) -> audit_chain.ChainReport:
    """Recompute every entry's hash in order; the report names the first entry that does not hold. One read-only
    snapshot: the branch goes on working while it runs, and what it commits meanwhile is not taken for drift."""
    with uow.reading(snapshot=True):
        uow.require_to("audit.verify")
        return audit_chain.verify(uow.session, progress=progress)


@dataclass(frozen=True)
class AnchorReport:
    """`checked` manifests of this database's branches compared; `rewritten`: one sentence per anchor the local
    chain no longer holds (the local database was rewritten after that manifest was sent)."""

    checked: int
    rewritten: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.rewritten


@dataclass(frozen=True)
class _Anchor:
    file: str
    branch: str
    seq: int
    digest: str


def _remote_anchors(store: ContentStore) -> list[_Anchor]:
    """Every manifest in the store with the chain head it carries (network only: no transaction is open)."""
    anchors = []
    for collection in store.collections():
        for name in store.list(collection):
            if not (name.startswith(MANIFEST_PREFIX) and name.endswith(MANIFEST_SUFFIX)):
                continue
            data = store.read(collection, name)
            if data is None:
                continue
            try:
                seq, digest = chain_head(data)
                branch = str(json.loads(data)["branch"]["code"])
            except (ValueError, KeyError, TypeError):
                continue  # not one of ours
            anchors.append(_Anchor(f"{collection}/{name}", branch, seq, digest))
    return anchors


def verify_against_store(new_uow: Callable[[], UnitOfWork], store: ContentStore) -> AnchorReport:
    """Compare the audit chain heads in the uploaded manifests with the local chain: a head the chain does not hold
    at its position means the local database was rewritten after that manifest left. Manifests of other branches
    (the store is shared) are left out, unless this database uploaded into their collection."""
    with new_uow().reading() as uow:
        uow.require_to("audit.verify")
    anchors = _remote_anchors(store)
    with new_uow().reading() as uow:
        uow.require_to("audit.verify")
        branches = set(uow.session.execute(select(Branch.code)).scalars())
        ours = set(uow.session.execute(select(UploadItem.collection)).scalars())
        rewritten: list[str] = []
        checked = 0
        for anchor in anchors:
            if anchor.branch not in branches and anchor.file.split("/", 1)[0] not in ours:
                continue
            checked += 1
            local = uow.session.get(AuditEntry, anchor.seq) if anchor.seq else None
            if anchor.seq == 0 or (local is not None and local.hash == anchor.digest):
                continue
            where = f"ثبت شماره {to_persian(anchor.seq)}"
            rewritten.append(
                f"پایگاه داده این شعبه بازنویسی شده است: «{anchor.file}» در مخزن مرکزی {where} زنجیره ممیزی را با هش "
                f"{anchor.digest[:12]} گواهی می‌کند ولی زنجیره این رایانه "
                + (f"در آن جا هش {local.hash[:12]} دارد." if local is not None else "به آن شماره نمی‌رسد.")
                + " به مسئول امنیت شعبه خبر دهید.")
        return AnchorReport(checked, tuple(rewritten))
