"""The upload outbox's use cases (steps 11-12): queue an approved dossier, claim a file, record what the store
said, retry by a person, look up by tracking code, find files altered in the store.

Each database step is one unit of work with its audit entry; the network calls happen between them, with no
transaction open (sync/worker.py strings them together). Only images the supervisor approved are ever sent.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from sqlalchemy import bindparam, func, or_, select
from sqlalchemy.orm import Session

from scanstation.core.digits import to_persian
from scanstation.core.errors import Conflict, InvalidInput, NotFound, StepOutOfOrder
from scanstation.core.quoting import quoted
from scanstation.core.jalali import utcnow
from scanstation.core.models import AuditHead, Document, Dossier, PageReading, UploadItem
from scanstation.core.pages import document_pages
from scanstation.core.uow import Actor, UnitOfWork
from scanstation.indexing.taxonomy import load_taxonomy
from scanstation.services.lookup import dossier_by_barcode
from scanstation.services.publication import mark_indexed, mark_uploaded
from scanstation.sync.package import (ManifestDocument, ManifestHead, document_file_name, document_properties,
                                      manifest_bytes, manifest_file_name, with_chain_head, write_outbox_file)
from scanstation.sync.policy import UploadPolicy
from scanstation.sync.store import StoreError, StoreUnavailable, collection_name
from scanstation.sync.tracking import new_tracking_code, normalise_tracking_code

if TYPE_CHECKING:
    from scanstation.capture.page_store import PageStore

SYNC_ACTOR = Actor("system:sync", system=True)


class QueuedElsewhere(Conflict):
    """Another worker queued the same documents while this one was building them: theirs go out, once."""


@dataclass(frozen=True)
class ClaimedItem:
    """What the worker needs for one network trip, as plain data (no session attached)."""

    id: int
    dossier_id: int
    kind: str
    tracking_code: str
    collection: str
    name: str
    path: Path
    sha256: str
    size: int
    properties: dict[str, str]
    in_store: bool  # read back from the store already, on an earlier try


def _require_approved_images(session: Session, dossier: Dossier) -> list[Document]:
    """The dossier's approved documents, refused unless step 7 is done and each approved document's pages are
    exactly the images its approver approved (an approval voided by a change is no approval: it waits)."""
    if dossier.step < 7:
        raise StepOutOfOrder("این پرونده هنوز در مرحله ۷ تأیید نشده است؛ فقط پرونده تأییدشده بارگذاری می‌شود.")
    approved = [d for d in session.execute(select(Document).where(Document.dossier_id == dossier.id)
                                           .order_by(Document.number)).scalars() if d.verified_at is not None]
    for doc in approved:
        if [p.sha256 for p in document_pages(session, doc.id)] != doc.approved_hashes:
            raise Conflict(f"تصاویر سند {to_persian(doc.number)} با تصاویری که ناظر تأیید کرده یکی نیست؛ سند باید "
                           "دوباره تأیید شود و چیزی فرستاده نشد.")
    return approved


def _unique_code(session: Session, taken: set[str]) -> str:
    while True:
        code = new_tracking_code()
        if code not in taken and session.execute(
                select(UploadItem.id).where(UploadItem.tracking_code == code)).first() is None:
            taken.add(code)
            return code


def _manifest_document(session: Session, doc: Document, file_name: str, sha256: str, size: int,
                       code: str) -> ManifestDocument:
    """A document as the manifest lists it: its approver, and exactly the images approved (checked equal to its
    pages by _require_approved_images)."""
    taxonomy = load_taxonomy()
    kind = taxonomy.types[doc.type_code]
    own = document_pages(session, doc.id)
    read = {r.page_id: {"engine": r.engine, "model": r.model} for r in session.execute(
        select(PageReading).where(PageReading.page_id.in_([p.id for p in own]), PageReading.state == "read",
                                  PageReading.text != "")).scalars()}  # the pages whose PDF page carries text
    return ManifestDocument(
        number=doc.number, file=file_name, sha256=sha256, size=size, tracking_code=code, type=doc.type_code,
        type_name=kind.name, heading=doc.heading_code, heading_name=taxonomy.headings[doc.heading_code].name,
        group=kind.group, date=doc.doc_date,
        stamp={"branch": doc.stamp_branch or "", "user_name": doc.stamp_user_name or "",
               "user_code": doc.stamp_user_code or "", "date": doc.stamp_date or ""},
        operators=sorted({p.actor for p in own}), verifier=doc.verified_by,
        approved_at=doc.verified_at.strftime("%Y-%m-%dT%H:%M:%SZ") if doc.verified_at else None,
        pages=[{"seq": p.seq, "sha256": p.sha256, "text": read.get(p.id)} for p in own])


def enqueue(uow: UnitOfWork, barcode: str, pages: PageStore, outbox: Path) -> list[str]:
    """Queue the approved documents of a dossier not queued yet, plus a new manifest version; returns the new
    documents' tracking codes (empty when everything is queued already). The PDFs are built from `pages` and
    written into the `outbox` folder (App.pages, App.outbox)."""
    with uow:
        uow.require_to("upload.queue")
        dossier = dossier_by_barcode(uow.session, barcode)
        approved = _require_approved_images(uow.session, dossier)
        queued = set(uow.session.execute(select(UploadItem.document_id).where(
            UploadItem.dossier_id == dossier.id, UploadItem.kind == "document")).scalars())
        numbers = [d.number for d in approved if d.id not in queued]
    if not numbers:
        return []
    from scanstation.services.document_pdf import stamped_document_pdf  # numpy/PIL: not for `dossier show`

    built = {n: write_outbox_file(outbox, stamped_document_pdf(uow, barcode, n, pages, "upload.queue"), ".pdf")
             for n in numbers}  # outside any transaction: building 200 pages takes a while
    with uow:
        uow.require_to("upload.queue")
        dossier = dossier_by_barcode(uow.session, barcode, lock=True)
        approved = _require_approved_images(uow.session, dossier)
        items = uow.session.execute(select(UploadItem).where(UploadItem.dossier_id == dossier.id)).scalars().all()
        if any(i.kind == "document" and i.document_id is not None and
               uow.session.get(Document, i.document_id).number in built for i in items):
            raise QueuedElsewhere("این پرونده هم‌زمان در جای دیگری در صف بارگذاری گذاشته شد؛ چیزی تکراری فرستاده "
                                  "نمی‌شود.")
        collection = collection_name(dossier.barcode)
        taken: set[str] = set()
        by_doc = {i.document_id: i for i in items if i.kind == "document"}
        listed: list[ManifestDocument] = []
        new_items: list[UploadItem] = []
        now = utcnow()
        for doc in approved:
            if doc.number in built:
                out = built[doc.number]
                code = _unique_code(uow.session, taken)
                entry = _manifest_document(uow.session, doc, document_file_name(doc.number), out.sha256, out.size,
                                           code)
                new_items.append(UploadItem(
                    dossier_id=dossier.id, document_id=doc.id, kind="document", tracking_code=code,
                    collection=collection, name=entry.file, local_file=out.name, sha256=out.sha256, size=out.size,
                    properties=document_properties(entry, dossier.barcode),
                    state="queued", next_try_at=now, created_at=now))
            elif doc.id in by_doc:
                item = by_doc[doc.id]
                entry = _manifest_document(uow.session, doc, item.name, item.sha256, item.size, item.tracking_code)
            else:
                continue
            listed.append(entry)
        head = uow.session.get(AuditHead, 1)
        version = 1 + sum(1 for i in items if i.kind == "manifest")
        manifest = write_outbox_file(outbox, manifest_bytes(version, ManifestHead(
            dossier.barcode, dossier.insured_number, dossier.national_id, dossier.branch.code, dossier.branch.name,
            head.last_seq if head else 0, head.last_hash if head else "0" * 64,
            now.strftime("%Y-%m-%dT%H:%M:%SZ")), listed), ".json")
        name = manifest_file_name(version)
        new_items.append(UploadItem(
            dossier_id=dossier.id, document_id=None, kind="manifest", tracking_code=_unique_code(uow.session, taken),
            collection=collection, name=name, local_file=manifest.name, sha256=manifest.sha256, size=manifest.size,
            properties={"dossier": dossier.barcode, "manifest-version": str(version),
                        "sha256": manifest.sha256}, state="queued", next_try_at=now, created_at=now))
        uow.add_all(new_items)
        codes = [i.tracking_code for i in new_items if i.kind == "document"]
        uow.audit("upload.queued", f"dossier:{dossier.barcode}", documents=sorted(built), tracking_codes=codes,
                  manifest=name, files={i.name: i.sha256 for i in new_items})
        uow.commit()
        return codes


def queue_file(uow: UnitOfWork, dossier: Dossier, kind: str, name: str, data: bytes, properties: dict[str, str],
               outbox: Path) -> str:
    """Inside the caller's unit of work: one more file for the dossier's collection (e.g. destruction minutes,
    records/destruction.py), written durably into the `outbox` and queued; returns its tracking code."""
    out = write_outbox_file(outbox, data, Path(name).suffix)
    code = _unique_code(uow.session, set())
    uow.session.add(UploadItem(
        dossier_id=dossier.id, document_id=None, kind=kind, tracking_code=code,
        collection=collection_name(dossier.barcode), name=name, local_file=out.name, sha256=out.sha256,
        size=out.size, properties={**properties, "sha256": out.sha256},
        state="queued", next_try_at=utcnow(), created_at=utcnow()))
    uow.audit("upload.queued", f"dossier:{dossier.barcode}", files={name: out.sha256}, kind=kind)
    return code


def dossiers_to_queue(uow: UnitOfWork) -> list[str]:
    """Approved dossiers with an approved document not in the outbox yet (what the worker queues on its own),
    documents added by counter intake to a digitised dossier included once approved."""
    with uow:
        uow.require_to("upload.queue")
        queued = select(UploadItem.document_id).where(UploadItem.document_id.is_not(None))
        rows = uow.session.execute(
            select(Dossier.barcode).join(Document, Document.dossier_id == Dossier.id)
            .where(Dossier.step >= 7, Document.verified_at.is_not(None), Document.id.not_in(queued))
            .distinct().order_by(Dossier.barcode)).scalars()
        return list(rows)


def recover(uow: UnitOfWork, worker: str) -> int:
    """Put back the files this worker had claimed when it stopped (killed, power cut), keeping a file already
    verified as sent; returns how many."""
    with uow:
        uow.require_to("upload.send")
        items = uow.session.execute(select(UploadItem).where(UploadItem.state.in_(("sending", "sent")),
                                                             UploadItem.claimed_by == worker)).scalars().all()
        return _put_back(uow, items, "upload.recovered", worker, tried=True)


def release(uow: UnitOfWork, worker: str) -> int:
    """Put back every file the worker still holds as being sent when its run ends: claimed with others and never
    tried, or abandoned on the way (the run was stopped, or the store stopped answering). Their claim's attempt
    is taken back, so a store that was down does not use up the tries of files that never arrived."""
    with uow:
        uow.require_to("upload.send")
        items = uow.session.execute(select(UploadItem).where(
            UploadItem.state == "sending", UploadItem.claimed_by == worker)).scalars().all()
        return _put_back(uow, items, "upload.released", worker, tried=False)


def _put_back(uow: UnitOfWork, items: Sequence[UploadItem], action: str, worker: str, tried: bool) -> int:
    for item in items:
        item.state = "sent" if item.remote_verified_at else "queued"
        item.claimed_by, item.lease_until, item.next_try_at = None, None, utcnow()
        if not tried:
            item.attempts = max(item.attempts - 1, 0)
    if items:
        uow.audit(action, f"worker:{worker}", tracking_codes=[i.tracking_code for i in items])
        uow.commit()
    return len(items)


def claim(uow: UnitOfWork, worker: str, outbox: Path, policy: UploadPolicy, now: datetime | None = None,
          limit: int = 1) -> list[ClaimedItem]:
    """Take up to `limit` due files for `worker` (or ones whose worker's lease ran out) in one unit of work, with
    an audit entry for each: a worker sending several at once claims them together (one commit, not one a file).
    Empty when nothing is due."""
    with uow:
        uow.require_to("upload.send")
        moment = now or utcnow()
        query = (select(UploadItem).where(or_(
            UploadItem.state.in_(("queued", "sent")) & (UploadItem.next_try_at <= moment),
            (UploadItem.state == "sending") & (UploadItem.lease_until < moment)))
            .order_by(UploadItem.id).limit(max(limit, 1)))
        if uow.session.get_bind().dialect.name == "postgresql":  # SQLite's BEGIN IMMEDIATE already serialises
            query = query.with_for_update(skip_locked=True)
        items = uow.session.execute(query).scalars().all()
        for item in items:
            anchor = _stamp_chain_head(uow.session, item, outbox)
            item.state, item.claimed_by = "sending", worker
            item.attempts += 1
            item.lease_until = moment + timedelta(minutes=policy.lease_minutes)
            uow.audit("upload.claim", f"upload:{item.tracking_code}", file=f"{item.collection}/{item.name}",
                      attempt=item.attempts, worker=worker, **anchor)
        if items:
            uow.commit()
        return [_claimed(item, outbox) for item in items]


def _claimed(item: UploadItem, outbox: Path) -> ClaimedItem:
    return ClaimedItem(item.id, item.dossier_id, item.kind, item.tracking_code, item.collection, item.name,
                       outbox / item.local_file, item.sha256, item.size, dict(item.properties),
                       item.remote_verified_at is not None)


def _stamp_chain_head(session: Session, item: UploadItem, outbox: Path) -> dict[str, Any]:
    """Before a manifest's first trip, put the audit chain head of now in it (a new outbox file, its hash in the
    row); retries send those very bytes. Returns what the claim's audit entry records about it."""
    source = outbox / item.local_file
    if item.kind != "manifest" or item.attempts or item.remote_verified_at or not source.exists():
        return {}
    head = session.get(AuditHead, 1)
    seq, digest = (head.last_seq, head.last_hash) if head else (0, "0" * 64)
    stamped = write_outbox_file(outbox, with_chain_head(source.read_bytes(), seq, digest), ".json")
    item.local_file, item.sha256, item.size = stamped.name, stamped.sha256, stamped.size
    item.properties = {**item.properties, "sha256": stamped.sha256}
    return {"chain_head": seq, "sha256": stamped.sha256}


def _problems(item: UploadItem) -> list[str]:
    return list(item.problems or [])


class FileCounts(NamedTuple):
    """A dossier's outbox files, counted (not loaded): this runs for every file recorded."""

    documents: int
    unverified: int  # not read back from the store yet (step 11 waits)
    unindexed: int  # properties not read back yet (step 12 waits)
    due: int  # on their way, or to be sent now: the dossier's read-back of properties waits for them


_DUE_NOW = bindparam("now")
_FILE_COUNTS = select(
    func.count(UploadItem.id).filter(UploadItem.kind == "document"),
    func.count(UploadItem.id).filter(UploadItem.remote_verified_at.is_(None)),
    func.count(UploadItem.id).filter(UploadItem.indexed_at.is_(None)),
    func.count(UploadItem.id).filter(or_(
        UploadItem.state == "sending",
        (UploadItem.next_try_at <= _DUE_NOW) & (UploadItem.state == "queued"),
        (UploadItem.next_try_at <= _DUE_NOW) & (UploadItem.state == "sent") & UploadItem.last_error.is_not(None))),
).where(UploadItem.dossier_id == bindparam("dossier_id"))  # built once: the statement is the same every time


def _file_counts(session: Session, dossier_id: int) -> FileCounts:
    return FileCounts(*session.execute(_FILE_COUNTS, {"dossier_id": dossier_id, "now": utcnow()}).one())


def _advance_dossier(uow: UnitOfWork, dossier: Dossier, counts: FileCounts) -> None:
    """Record step 11 when every file of the dossier is verified in the store, step 12 when every one's
    properties read back."""
    if not counts.documents or counts.unverified:
        return
    if dossier.electronic_step < 11:
        items = uow.session.execute(select(UploadItem).where(UploadItem.dossier_id == dossier.id)
                                    .order_by(UploadItem.id)).scalars().all()
        mark_uploaded(uow, dossier, [i.tracking_code for i in items if i.kind == "document"],
                      [i.sha256 for i in items])
    if dossier.electronic_step == 11 and not counts.unindexed:
        mark_indexed(uow, dossier, counts.documents)


def _properties_due(session: Session, dossier_id: int, counts: FileCounts) -> list[str]:
    """The property names to read back for the dossier's files that wait for it, once none of its files is on
    its way or due to be sent now (one read-back then covers them all); an empty list otherwise. A file backing
    off for a while, or set aside, does not keep the others waiting."""
    if counts.due:  # for every file but a dossier's last, this is the answer
        return []
    waiting = session.execute(select(UploadItem.properties).where(
        UploadItem.dossier_id == dossier_id, UploadItem.state == "sent", UploadItem.last_error.is_(None))).scalars()
    return sorted({key for properties in waiting for key in properties})


def properties_due(uow: UnitOfWork, dossier_id: int) -> list[str]:
    """`_properties_due` on its own, after a file of the dossier was set aside (the others need not wait)."""
    with uow:
        uow.require_to("upload.send")
        return _properties_due(uow.session, dossier_id, _file_counts(uow.session, dossier_id))


def _locked_dossier(session: Session, dossier_id: int) -> Dossier:
    """The dossier row, locked: of two workers recording its last files at once, one sees them all done."""
    return session.execute(select(Dossier).where(Dossier.id == dossier_id).with_for_update()).scalar_one()


def record_sent(uow: UnitOfWork, item_id: int, policy: UploadPolicy) -> list[str]:
    """The store holds the file, its read-back SHA-256 matched and its properties were set (counts for step 11).
    When none of its dossier's files is still queued or on its way, the names of the properties to read back
    for them all (`record_indexed`); otherwise an empty list."""
    with uow:
        uow.require_to("step.11")
        item = uow.session.get(UploadItem, item_id)
        if item is None:
            raise NotFound("این مورد صف بارگذاری دیگر وجود ندارد.")
        dossier = _locked_dossier(uow.session, item.dossier_id)
        now = utcnow()
        item.state, item.last_error = "sent", None
        item.remote_verified_at = item.remote_verified_at or now
        item.next_try_at = now + timedelta(minutes=policy.lease_minutes)  # the dossier's read-back comes first
        uow.audit("upload.sent", f"upload:{item.tracking_code}", file=f"{item.collection}/{item.name}",
                  sha256=item.sha256)
        counts = _file_counts(uow.session, dossier.id)
        _advance_dossier(uow, dossier, counts)
        names = _properties_due(uow.session, dossier.id, counts)
        uow.commit()
        return names


@dataclass(frozen=True)
class Indexed:
    """What one read-back of a dossier's properties found: the files now verified and those to try again."""

    verified: list[ClaimedItem]
    failed: list[tuple[ClaimedItem, StoreError, str]]  # the file, its problem, the state it is left in


def record_indexed(uow: UnitOfWork, dossier_id: int, found: dict[str, dict[str, str]] | StoreError, outbox: Path,
                   policy: UploadPolicy) -> Indexed:
    """What one PROPFIND of the dossier's collection read back (`found`: file name -> properties), or the problem
    that kept it from answering. Each waiting file whose properties came back as set is verified (step 12 once
    all are); one whose did not is tried again later, the problem kept. A file waiting out a failure of its own
    is left to its own retry."""
    with uow:
        uow.require_to("step.12")
        dossier = _locked_dossier(uow.session, dossier_id)
        items = uow.session.execute(select(UploadItem).where(UploadItem.dossier_id == dossier_id,
                                                             UploadItem.state == "sent",
                                                             UploadItem.last_error.is_(None))
                                    .order_by(UploadItem.id)).scalars().all()
        now = utcnow()
        verified, failed = [], []
        for item in items:
            if not isinstance(found, StoreError) and found.get(item.name) == item.properties:
                item.state, item.indexed_at = "verified", now
                item.claimed_by, item.lease_until = None, None
                uow.audit("upload.verified", f"upload:{item.tracking_code}", file=f"{item.collection}/{item.name}",
                          sha256=item.sha256)
                verified.append(_claimed(item, outbox))
            else:
                problem = found if isinstance(found, StoreError) else StoreUnavailable(
                    f"ویژگی‌های «{item.name}» از مخزن مرکزی همان‌طور که فرستاده شد خوانده نشد؛ کمی بعد دوباره "
                    "امتحان می‌شود.")
                _fail(uow, item, problem, policy)
                failed.append((_claimed(item, outbox), problem, item.state))
        _advance_dossier(uow, dossier, _file_counts(uow.session, dossier_id))
        uow.commit()
        return Indexed(verified, failed)


def record_failure(uow: UnitOfWork, item_id: int, problem: StoreError, policy: UploadPolicy) -> str:
    """Keep the problem; back off, or set the file aside for a person. Returns the item's new state.

    A store-wide problem (wrong password, certificate) does not use up a try: the file waits unchanged."""
    with uow:
        uow.require_to("upload.send")
        item = uow.session.get(UploadItem, item_id)
        if item is None:
            raise NotFound("این مورد صف بارگذاری دیگر وجود ندارد.")
        _fail(uow, item, problem, policy)
        uow.commit()
        return item.state


def _fail(uow: UnitOfWork, item: UploadItem, problem: StoreError, policy: UploadPolicy) -> None:
    sentence = str(problem)
    count_attempt = not problem.store_wide
    if not count_attempt:
        item.attempts = max(item.attempts - 1, 0)
    problems = _problems(item)
    if sentence not in problems:
        problems.append(sentence)
    item.problems = problems
    item.last_error = sentence
    item.claimed_by, item.lease_until = None, None
    if (problem.transient and item.attempts >= policy.max_attempts) or not (problem.transient or
                                                                             problem.store_wide):
        item.state = "needs_attention"
    else:  # "sent" keeps what already counts: the file is verified, its properties are what is left
        item.state = "sent" if item.remote_verified_at else "queued"
        item.next_try_at = utcnow() + (policy.backoff(item.attempts) if count_attempt else timedelta(0))
    uow.audit("upload.failed", f"upload:{item.tracking_code}", file=f"{item.collection}/{item.name}",
              attempt=item.attempts, problem=sentence, state=item.state)


def retry(uow: UnitOfWork, code: str) -> None:
    """A person sends a set-aside file again: fresh tries, the problems kept for the record."""
    with uow:
        uow.require_to("upload.retry")
        item = _by_code(uow.session, code)
        if item.state != "needs_attention":
            raise Conflict("این سند منتظر رسیدگی نیست؛ صف بارگذاری خودش آن را می‌فرستد.")
        item.state, item.attempts, item.next_try_at = "queued", 0, utcnow()
        uow.audit("upload.retry", f"upload:{item.tracking_code}", problems=_problems(item))
        uow.commit()


def _by_code(session: Session, code: str) -> UploadItem:
    normal = normalise_tracking_code(code)
    if normal is None:
        raise InvalidInput(f"{quoted(code)} کد پیگیری درستی نیست؛ دوازده رقم کد را دوباره از روی رسید بخوانید.")
    item = session.execute(select(UploadItem).where(UploadItem.tracking_code == normal)).scalar_one_or_none()
    if item is None:
        raise NotFound(f"سندی با کد پیگیری {to_persian(normal)} در این شعبه ثبت نشده است.")
    return item


def track(uow: UnitOfWork, code: str) -> dict[str, Any]:
    """A document (or manifest) by its tracking code: dossier, document, type, state and problems."""
    with uow.reading():
        uow.require_to("upload.track")
        item = _by_code(uow.session, code)
        dossier = uow.session.get(Dossier, item.dossier_id)
        doc = uow.session.get(Document, item.document_id) if item.document_id else None
        return {"tracking_code": item.tracking_code, "barcode": dossier.barcode, "kind": item.kind,
                "document": doc.number if doc else None, "type": doc.type_code if doc else None,
                "heading": doc.heading_code if doc else None, "state": item.state, "attempts": item.attempts,
                "file": f"{item.collection}/{item.name}", "sha256": item.sha256, "problems": _problems(item),
                "verified_at": item.remote_verified_at.strftime("%Y-%m-%dT%H:%M:%SZ")
                if item.remote_verified_at else None}


@dataclass(frozen=True)
class RemoteCopy:
    id: int
    collection: str
    name: str
    sha256: str
    set_aside: bool  # needs a person now (perhaps because the store altered it)


def uploaded_files(uow: UnitOfWork) -> list[RemoteCopy]:
    """Every file the store should hold (read back once, whatever its state now: one set aside because the store
    altered it is read again, and reported again, until the store holds it as sent), for the periodic re-check."""
    with uow.reading():
        uow.require_to("upload.send")
        rows = uow.session.execute(select(UploadItem.id, UploadItem.collection, UploadItem.name, UploadItem.sha256,
                                          UploadItem.state == "needs_attention")
                                   .where(UploadItem.remote_verified_at.is_not(None)).order_by(UploadItem.id))
        return [RemoteCopy(*row) for row in rows]


def _remote_sentence(item: UploadItem, found: str | None) -> str:
    return (f"پرونده «{item.collection}/{item.name}» در مخزن مرکزی پس از بارگذاری تغییر کرده است؛ "
            "به مسئول مخزن خبر دهید." if found else
            f"پرونده «{item.collection}/{item.name}» پس از بارگذاری از مخزن مرکزی برداشته شده است؛ "
            "به مسئول مخزن خبر دهید.")


def record_remote_altered(uow: UnitOfWork, item_id: int, found: str | None) -> None:
    """The store no longer holds what was verified: set the file aside for a person with the problem (once: a
    check that finds it the same way again records nothing new)."""
    with uow:
        uow.require_to("upload.send")
        item = uow.session.get(UploadItem, item_id)
        sentence = _remote_sentence(item, found)
        if item.state == "needs_attention" and item.last_error == sentence:
            return
        if sentence not in _problems(item):
            item.problems = [*_problems(item), sentence]
        item.state, item.last_error = "needs_attention", sentence
        uow.audit("upload.remote_altered", f"upload:{item.tracking_code}", file=f"{item.collection}/{item.name}",
                  expected=item.sha256, found=found)
        uow.commit()


def record_remote_restored(uow: UnitOfWork, item_id: int) -> bool:
    """The store holds again exactly what was sent (its keeper put the file back): a file set aside only for that
    goes back to where it stood. True when it did."""
    with uow:
        uow.require_to("upload.send")
        item = uow.session.get(UploadItem, item_id)
        if item.state != "needs_attention" or item.last_error not in (_remote_sentence(item, "x"),
                                                                       _remote_sentence(item, None)):
            return False
        item.state = "verified" if item.indexed_at else "sent"
        item.last_error = None
        item.next_try_at = utcnow()
        uow.audit("upload.remote_restored", f"upload:{item.tracking_code}", file=f"{item.collection}/{item.name}",
                  sha256=item.sha256, state=item.state)
        uow.commit()
        return True
