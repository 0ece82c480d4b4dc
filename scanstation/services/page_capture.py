"""Steps 5-6 at the page level: capturing pages into a dossier and fixing what the quality check flags.

Each page is committed in its own transaction after its image is durable in the page store, so a crash loses at
most the page in flight. Every action is audited; replaced and deleted images stay in the store with their history.
"""

from __future__ import annotations

import errno
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing
from dataclasses import dataclass, field, replace
from pathlib import Path

from PIL import Image

from sqlalchemy import update

from scanstation.capture.image_files import ImageFileError, load_images
from scanstation.capture.page_store import PageStore
from scanstation.capture.pipeline import PageInFlight, ProcessedPage, begin_page, process_page, turned
from scanstation.capture.qc import load_thresholds
from scanstation.capture.sane_scanner import Scanner, load_profiles
from scanstation.core import pages as page_rows
from scanstation.core.digits import parse_int, to_persian
from scanstation.core.errors import InvalidInput, NotFound, ScanStationError
from scanstation.core.identifiers import plain_text, separator_type
from scanstation.core.jalali import utcnow
from scanstation.core.models import CaptureBatch, Document, Dossier, Page, PageStatus
from scanstation.core.progress import CancelToken, ProgressReporter, Tally
from scanstation.core.uow import UnitOfWork
from scanstation.services import batch_lock
from scanstation.services.classification import classify_by_separators
from scanstation.services.document_changes import documents_changed
from scanstation.services.lookup import dossier_by_barcode
from scanstation.services.read_models import CaptureSummary, PageView
from scanstation.services.steps import guard_page, guard_step


@dataclass
class _BatchLog:
    """What a running batch has done so far; frozen into a CaptureSummary when it ends."""

    batch_id: int
    warnings: list[str] = field(default_factory=list)
    pages: list[PageView] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    stopped: str | None = None
    duplicates: list[str] = field(default_factory=list)  # images already in the dossier, not captured again


def _insert_position(uow: UnitOfWork, dossier: Dossier, after: int | str | None) -> int | None:
    """The place the first inserted page takes (None: at the end). Pages go in whole sheets, so inserting
    between the front and the back of one sheet is refused."""
    if after is None:
        return None
    number = parse_int(after, "شماره صفحه", minimum=0)
    pages = page_rows.active_pages(uow.session, dossier.id)
    if number == 0:
        return 1
    if number > len(pages):
        raise NotFound(f"صفحه {to_persian(number)} در این پرونده نیست؛ پرونده {to_persian(len(pages))} صفحه دارد.")
    if number < len(pages) and pages[number].sheet == pages[number - 1].sheet:
        raise InvalidInput(f"صفحه {to_persian(number)} روی و صفحه {to_persian(number + 1)} پشت همان برگ است؛ "
                           f"پس از صفحه {to_persian(number + 1)} درج کنید.")
    return number + 1


def _start_batch(uow: UnitOfWork, barcode: str, kind: str, after: int | str | None = None,
                 guard: Callable[[UnitOfWork, Dossier], None] | None = None,
                 **details: object) -> tuple[str, int, int | None]:
    with uow:
        dossier = dossier_by_barcode(uow.session, barcode, lock=True)
        if guard is None:
            guard_step(uow, dossier, 5)
        else:
            guard(uow, dossier)
        position = _insert_position(uow, dossier, after)
        batch_lock.require_free(uow, dossier)
        batch = CaptureBatch(dossier_id=dossier.id, kind=kind, actor=uow.actor.code, **batch_lock.owner_columns(),
                             **{k: v for k, v in details.items() if k in ("device", "profile", "source", "dpi", "mode")})
        uow.session.add(batch)
        uow.session.flush()
        uow.audit("capture.batch_start", f"dossier:{dossier.barcode}", batch=batch.id, kind=kind,
                  insert_at=position, **details)
        uow.commit()
        batch_lock.filling(batch.id)
        return dossier.barcode, batch.id, position


def _reopen_quality_check(dossier: Dossier) -> None:
    """New or changed pages after step 6 mean the quality check must be done again."""
    if dossier.step == 6:
        dossier.step = 5


def _commit_page(uow: UnitOfWork, barcode: str, batch_id: int, page: ProcessedPage, side: str = "front",
                 new_sheet: bool = True, position: int | None = None, duplicate_reason: str | None = None) -> PageView:
    """One page in one transaction: at the end, or at `position` with the later pages (and sheets) moved on.
    `duplicate_reason` marks an image the dossier already held, kept because the clerk said why."""
    with uow:
        dossier = dossier_by_barcode(uow.session, barcode, lock=True)
        top = page_rows.last_seq(uow.session, dossier.id)
        seq = top + 1 if position is None else position
        before = page_rows.sheet_of(uow.session, dossier.id, seq - 1) or 0
        sheet = before + (1 if new_sheet or not before else 0)
        if seq <= top:
            page_rows.make_room(uow.session, dossier.id, seq, sheet > before)
        reasons = list(page.qc.reasons)
        row = Page.captured(dossier_id=dossier.id, batch_id=batch_id, seq=seq, sheet=sheet, side=side,
                            image=page.stored, dpi=page.dpi, origin=page.label, qc_reasons=reasons,
                            qc_metrics=page.qc.metrics, barcodes=[b.value for b in page.barcodes],
                            actor=uow.actor.code, duplicate_reason=duplicate_reason)
        uow.session.add(row)
        uow.session.execute(update(CaptureBatch).where(CaptureBatch.id == batch_id)
                            .values(pages=CaptureBatch.pages + 1, heartbeat_at=utcnow()))
        _reopen_quality_check(dossier)
        uow.audit("page.capture", f"dossier:{dossier.barcode}", seq=seq, sheet=sheet, side=side,
                  sha256=page.stored.sha256, qc=reasons, origin=page.label,
                  **({"duplicate_reason": duplicate_reason} if duplicate_reason else {}))
        shown = _fixed_by_policy(uow, dossier, row, page)
        uow.commit()
        return PageView.of(shown)


def _fixed_by_policy(uow: UnitOfWork, dossier: Dossier, row: Page, page: ProcessedPage) -> Page:
    """Where qc.toml's policy cut the scanner's image to its sheet or turned it upright (`page.fixed`), that image
    takes the row's place as a page change like a rotation: a new row derived from the scanner's, which stays,
    replaced, with the hash the scanner gave; one audit entry for each change. Returns the row the dossier shows."""
    if page.fix is None or page.fixed is None:
        return row
    metrics = dict(row.qc_metrics, **({"turn": 0} if page.fix.turn else {}))
    new = row.successor(image=page.fixed, dpi=row.dpi, origin=row.origin, qc_reasons=row.qc_reasons,
                        qc_metrics=metrics, barcodes=row.barcodes, actor=uow.actor.code,
                        accepted_reason=row.accepted_reason, derived=True)
    uow.session.add(new)
    uow.session.flush()
    row.status, row.replaced_by_id = PageStatus.REPLACED, new.id
    if row.reading is not None:  # queued with the row a moment ago: the reader reads the page that shows, not this
        uow.session.delete(row.reading)
    where = f"dossier:{dossier.barcode}"
    if page.fix.crop is not None:
        uow.audit("page.crop", where, seq=row.seq, box=list(page.fix.crop), sheet_mm=list(page.qc.sheet_mm),
                  source=row.sha256, sha256=new.sha256, by="policy")
    if page.fix.turn:
        uow.audit("page.turn", where, seq=row.seq, degrees=page.fix.turn, source=row.sha256, sha256=new.sha256,
                  by="policy")
    return new


def _finish_batch(uow: UnitOfWork, barcode: str, log: _BatchLog, cancelled: bool) -> CaptureSummary:
    """Close the batch row: done, cancelled or stopped (with its sentence); its pages were committed one by one."""
    summary = CaptureSummary(log.batch_id, tuple(log.pages), tuple(log.problems), log.stopped, tuple(log.warnings),
                             cancelled, duplicates=tuple(log.duplicates))
    try:
        with uow:
            batch = uow.session.get(CaptureBatch, summary.batch_id)
            assert batch is not None
            batch.status = "cancelled" if summary.cancelled else ("stopped" if summary.stopped else "done")
            batch.message = summary.stopped
            batch.finished_at = utcnow()
            uow.audit("capture.batch_end", f"dossier:{barcode}", batch=batch.id, status=batch.status,
                      pages=len(summary.pages), problems=list(summary.problems), stopped=summary.stopped,
                      duplicates=list(summary.duplicates))
            uow.commit()
    finally:  # closed, or the database itself failed: either way a later capture may close it as left over
        batch_lock.released(summary.batch_id)
    return summary


def _run_batch(uow: UnitOfWork, barcode: str, batch_id: int, images: Iterator[tuple[str, Image.Image, int | None]],
               store: PageStore, log: _BatchLog, min_dpi: int | None = None, duplex: bool = False,
               progress: ProgressReporter[PageView] | None = None, cancel: CancelToken | None = None,
               position: int | None = None, skip_held: bool = False, keep_reason: str | None = None
               ) -> CaptureSummary:
    """Process and commit page after page until the source ends or stops with an error. The source itself honours
    `cancel` (a scanner stops feeding, a file import stops reading), so every image it gave is kept.
    With a `position` the pages are inserted there, one after another, instead of appended. With `skip_held` (file
    imports) an image the dossier already holds is skipped and named, unless the clerk gave a `keep_reason`: then it
    is kept and its page carries that reason. Blank sides are alike by nature and always kept, and a scanner never
    gives the same pixels twice, so scans keep everything."""
    thresholds = load_thresholds()
    count = 0
    held = _images_held(uow, barcode) if skip_held else set()

    def keep(flight: PageInFlight) -> None:
        """Commit a page once its image is durable, in the order the pages came."""
        nonlocal count
        processed = flight.landed()
        duplicate = None
        if skip_held and "blank" not in processed.qc.reasons:
            if processed.stored.sha256 in held:  # a re-run import, or one image under several names
                if keep_reason is None:
                    log.duplicates.append(processed.label)
                    return
                duplicate = keep_reason
            held.add(processed.stored.sha256)
        back = duplex and count % 2 == 1
        captured = _commit_page(uow, barcode, batch_id, processed, "back" if back else "front", not back,
                                None if position is None else position + count, duplicate)
        count += 1
        log.pages.append(captured)
        if progress is not None:
            progress(captured)

    try:
        pending: PageInFlight | None = None  # checked, its image still being written while the next is checked
        try:
            for label, image, dpi in images:
                flight = begin_page(image, dpi, label, store, thresholds, min_dpi)
                if pending is not None:
                    keep(pending)
                pending = flight
                foreign = flight.foreign_dossier(barcode)
                if foreign:
                    flight.landed()  # its image is stored, as every image is, but the page is not the dossier's
                    pending = None
                    log.stopped = (f"«{label}» برچسب پرونده دیگری ({foreign}) را دارد؛ اوراق دو پرونده قاطی شده "
                                   "است. آن برگ‌ها را جدا کنید و ادامه دهید.")
                    break
        finally:  # whatever stopped the source, the page it gave last is kept like the others
            if pending is not None:
                keep(pending)
    except ScanStationError as exc:  # the scanner stopped (jam, cover, I/O): keep what we have
        log.stopped = str(exc)
    except BaseException as exc:  # a full or read-only disk, a lost database, Ctrl-C: end the batch, then say so
        log.stopped = _stop_sentence(exc, len(log.pages))
        try:
            _finish_batch(uow, barcode, log, cancelled=False)
        except Exception:  # the database itself is what failed: the batch row cannot be closed either
            pass
        if not isinstance(exc, Exception):
            raise
        raise ScanStationError(log.stopped) from exc
    summary = _finish_batch(uow, barcode, log, cancel is not None and cancel.is_set())
    return _apply_separators(uow, barcode, summary)


def _images_held(uow: UnitOfWork, barcode: str) -> set[str]:
    """The images the dossier already holds as active pages, and the scanner's images they were cut or turned from:
    the same image is never captured into it twice."""
    with uow:
        dossier = dossier_by_barcode(uow.session, barcode)
        return page_rows.held_images(uow.session, dossier.id)


def _stop_sentence(error: BaseException, kept: int) -> str:
    """One sentence for what stopped a batch, saying the pages already captured are kept."""
    pages = f"{to_persian(kept)} صفحهٔ ثبت‌شده محفوظ است"
    if isinstance(error, OSError) and error.errno == errno.ENOSPC:
        return f"پوشهٔ داده‌ها پر است و اسکن متوقف شد؛ {pages}. جا باز کنید و دوباره اسکن کنید."
    if isinstance(error, OSError) and error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return (f"در پوشهٔ داده‌ها نمی‌توان نوشت (فقط‌خواندنی یا بدون مجوز) و اسکن متوقف شد؛ {pages}. "
                "دسترسی نوشتن را برگردانید و دوباره اسکن کنید.")
    if isinstance(error, OSError):
        return f"نوشتن تصویر در پوشهٔ داده‌ها ممکن نشد ({error.strerror}) و اسکن متوقف شد؛ {pages}."
    if not isinstance(error, Exception):
        return f"اسکن به دستور کاربر قطع شد؛ {pages}."
    return (f"اسکن به سبب خطای پیش‌بینی‌نشده ({type(error).__name__}) متوقف شد؛ {pages}. "
            "دوباره اسکن کنید و اگر تکرار شد به مدیر سیستم خبر دهید.")


def _apply_separators(uow: UnitOfWork, barcode: str, summary: CaptureSummary) -> CaptureSummary:
    """Separator sheets in the batch start their documents now, whichever door (window, scan, import) the batch came
    through; a separator naming an unknown type is reported in its sentence and the pages stay as captured."""
    if not any(separator_type(code) for page in summary.pages for code in page.barcodes):
        return summary
    try:
        return replace(summary, separators=classify_by_separators(uow, barcode))
    except ScanStationError as exc:
        return replace(summary, problems=(*summary.problems, str(exc)))


def _images(paths: Iterable[Path], problems: list[str], cancel: CancelToken | None,
            only: frozenset[str] | None = None, files: ProgressReporter[Tally] | None = None
            ) -> Iterator[tuple[str, Image.Image, int | None]]:
    """The pages of each file in turn (only those labelled in `only`, when given), until cancelled; a file that
    cannot be read adds its sentence to `problems`. `files` hears of each file as its reading starts."""
    paths = list(paths)
    for number, path in enumerate(paths, 1):
        if files is not None:
            files(Tally(number, len(paths), Path(path).name))
        try:
            for loaded in load_images(Path(path)):
                if cancel is not None and cancel.is_set():
                    return
                if only is None or loaded.label in only:
                    yield loaded.label, loaded.image, loaded.dpi
        except ImageFileError as exc:
            problems.append(str(exc))


@dataclass(frozen=True)
class KeepDuplicates:
    """The clerk insists that images the dossier already holds be captured again, and says why (a page really
    filed twice, say); each such page carries the reason. `labels` narrows the import to the images named (those an
    earlier import skipped, as its summary lists them); None keeps every image of the import."""

    reason: str
    labels: frozenset[str] | None = None

    def checked(self) -> KeepDuplicates:
        """The same, with the reason trimmed; refused in one sentence when it is empty or not plain text."""
        reason = plain_text(self.reason, "دلیل نگه‌داشتن تصویر تکراری", "reason_max_chars")
        if not reason:
            raise InvalidInput("بگویید چرا تصویرهایی که پرونده از پیش دارد باید دوباره ثبت شوند.")
        return replace(self, reason=reason)


def import_files(uow: UnitOfWork, barcode: str, paths: Iterable[Path], store: PageStore,
                 progress: ProgressReporter[PageView] | None = None, cancel: CancelToken | None = None, *,
                 after: int | str | None = None, duplex: bool = False,
                 keep_duplicates: KeepDuplicates | None = None, files: ProgressReporter[Tally] | None = None
                 ) -> CaptureSummary:
    """Steps 5-6 from files: every readable page is captured; a bad file is reported in one sentence and skipped.
    `after` = N inserts the pages after page N (0: before the first) instead of appending them. `duplex` says the
    images alternate front and back of each sheet, as a copier's two-sided scan to PDF delivers them. An image the
    dossier already holds (a re-run import) is skipped and named in the summary, unless `keep_duplicates` says to keep
    it and why. `files` hears "file n of N"."""
    keep = keep_duplicates.checked() if keep_duplicates is not None else None
    barcode, batch_id, position = _start_batch(uow, barcode, "import", after, source="duplex" if duplex else None,
                                               **({"keep_duplicates": keep.reason} if keep else {}))
    log = _BatchLog(batch_id)
    images = _images(paths, log.problems, cancel, keep.labels if keep else None, files)
    return _run_batch(uow, barcode, batch_id, images, store, log, duplex=duplex, progress=progress, cancel=cancel,
                      position=position, skip_held=True, keep_reason=keep.reason if keep else None)


def import_for_intake(uow: UnitOfWork, barcode: str, paths: Iterable[Path], store: PageStore,
                      guard: Callable[[UnitOfWork, Dossier], None],
                      progress: ProgressReporter[PageView] | None = None,
                      cancel: CancelToken | None = None) -> CaptureSummary:
    """Counter intake (records.intake): the same file import with QC, appended to a scanned dossier, under intake's
    own `guard` instead of step 5's; the caller makes the new documents of the pages it returns."""
    barcode, batch_id, _ = _start_batch(uow, barcode, "intake", None, guard=guard)
    log = _BatchLog(batch_id)
    return _run_batch(uow, barcode, batch_id, _images(paths, log.problems, cancel), store, log, progress=progress,
                      cancel=cancel, skip_held=True)


@dataclass
class ScanRequest:
    """What the clerk chose on the capture bench (None: take it from the profile)."""

    profile: str = "dossier"
    device: str | None = None
    source: str | None = None
    dpi: int | None = None
    mode: str | None = None
    test_grid: bool = False  # SANE's test device: a grid page rather than a white one


def scan_batch(uow: UnitOfWork, barcode: str, request: ScanRequest, store: PageStore,
               progress: ProgressReporter[PageView] | None = None, cancel: CancelToken | None = None,
               scanner_ready: Callable[[Scanner], None] | None = None, *,
               after: int | str | None = None,
               guard: Callable[[UnitOfWork, Dossier], None] | None = None) -> CaptureSummary:
    """Steps 5-6 from the scanner: a flatbed page or a feeder batch until it is empty. A jam, an open cover or an
    I/O error stops the batch with a clear message and keeps every page already captured; scan again to go on.
    `after` = N inserts the scanned sheets after page N (a forgotten sheet) instead of appending them. `guard`:
    counter intake's own check (records.intake) instead of step 5's; the batch is then an intake batch."""
    profiles = load_profiles()
    if request.profile not in profiles:
        raise InvalidInput(f"نمایه اسکن «{request.profile}» تعریف نشده است؛ یکی از این‌ها: {'، '.join(profiles)}")
    profile = profiles[request.profile]
    with uow:  # refuse before touching the scanner
        dossier = dossier_by_barcode(uow.session, barcode, lock=True)
        if guard is None:
            guard_step(uow, dossier, 5)
        else:
            guard(uow, dossier)
        _insert_position(uow, dossier, after)
        batch_lock.require_free(uow, dossier)
        uow.commit()  # left-over batches closed
    scanner = Scanner(request.device)
    try:
        warnings = scanner.apply(profile, request.source, request.dpi, request.mode)
        if request.test_grid:
            scanner.show_test_grid()
        barcode, batch_id, position = _start_batch(
            uow, barcode, "scan" if guard is None else "intake", after, guard, device=scanner.name,
            profile=profile.name,
            source=request.source or profile.source, dpi=scanner.dpi, mode=request.mode or profile.mode,
            warnings=warnings)
        log = _BatchLog(batch_id, warnings)
        if scanner_ready is not None:
            scanner_ready(scanner)
        with closing(scanner.feed(cancel)) as fed:
            images = ((f"{scanner.name} #{n}", image, scanner.dpi) for n, image in enumerate(fed, 1))
            return _run_batch(uow, barcode, batch_id, images, store, log, profile.min_dpi, scanner.duplex,
                              progress, cancel, position)
    finally:
        scanner.close()


def page_files(store: PageStore, sha256: str) -> tuple[Path, Path | None]:
    """The master image and its thumbnail (made if the cache lost it), for screens that show pages.
    The thumbnail is None when the master cannot be read (a branch share that is offline, say)."""
    try:
        return store.path_for(sha256), store.thumbnail(sha256)
    except OSError:
        return store.path_for(sha256), None


def _page(uow: UnitOfWork, barcode: str, seq: int | str) -> tuple[Dossier, Page]:
    number = parse_int(seq, "شماره صفحه", minimum=1)
    dossier = dossier_by_barcode(uow.session, barcode, lock=True)
    page = page_rows.active_page(uow.session, dossier.id, number)
    if page is None:
        raise NotFound(f"صفحه {to_persian(number)} در این پرونده نیست.")
    return dossier, page


def _reasoned_page(uow: UnitOfWork, barcode: str, seq: int | str, reason: str, missing: str
                   ) -> tuple[Dossier, Page, str]:
    """The page to change, after checking that a reason was given and the dossier may still change."""
    reason = reason.strip()
    if not reason:
        raise InvalidInput(missing)
    dossier, page = _page(uow, barcode, seq)
    guard_page(uow, dossier, page)
    return dossier, page, reason


def accept_flag(uow: UnitOfWork, barcode: str, seq: int | str, reason: str) -> None:
    """Keep a flagged page as it is (e.g. the original itself is faint), with the clerk's reason."""
    with uow:
        dossier, page, reason = _reasoned_page(uow, barcode, seq, reason, "دلیل پذیرفتن صفحه با ایراد کیفی را بنویسید.")
        if not page.qc_reasons:
            raise InvalidInput(f"صفحه {to_persian(page.seq)} ایراد کیفی ندارد.")
        page.accepted_reason = reason
        uow.audit("page.accept_flag", f"dossier:{dossier.barcode}", seq=page.seq, sha256=page.sha256,
                  qc=page.qc_reasons, reason=reason)
        uow.commit()


def delete_page(uow: UnitOfWork, barcode: str, seq: int | str, reason: str) -> None:
    """Take a page out of the dossier (its image stays in the store); later pages move up one place."""
    with uow:
        dossier, page, reason = _reasoned_page(uow, barcode, seq, reason, "دلیل حذف صفحه را بنویسید.")
        page.status, page.deleted_reason = PageStatus.DELETED, reason
        uow.session.flush()
        for later in page_rows.active_pages(uow.session, dossier.id):
            if later.seq > page.seq:
                later.seq -= 1
        _reopen_quality_check(dossier)
        documents_changed(uow, dossier, [page.document_id], "page.delete")
        uow.audit("page.delete", f"dossier:{dossier.barcode}", seq=page.seq, sha256=page.sha256, reason=reason)
        uow.commit()


def rescan_page(uow: UnitOfWork, barcode: str, seq: int | str, request: ScanRequest, store: PageStore) -> PageView:
    """Scan one sheet side again and put it in place of page `seq` (same place, sheet and document); the old image
    stays in the store, marked replaced, with a link to its successor."""
    with uow:
        dossier, page = _page(uow, barcode, seq)
        guard_page(uow, dossier, page)
        number = page.seq
    profile = load_profiles().get(request.profile)
    if profile is None:
        raise InvalidInput(f"نمایه اسکن «{request.profile}» تعریف نشده است.")
    scanner = Scanner(request.device)
    try:
        scanner.apply(profile, "flatbed" if request.source is None else request.source, request.dpi, request.mode)
        if request.test_grid:
            scanner.show_test_grid()
        with closing(scanner.feed()) as fed:  # the feeder's thread, so a silent driver cannot hold the rescan
            image = next(fed)
    finally:
        scanner.close()
    processed = process_page(image, scanner.dpi, f"{scanner.name} (rescan)", store, load_thresholds(),
                             profile.min_dpi)
    with uow:
        dossier, old = _page(uow, barcode, number)
        guard_page(uow, dossier, old)
        new = old.successor(image=processed.stored, dpi=processed.dpi, origin=processed.label,
                            qc_reasons=list(processed.qc.reasons), qc_metrics=processed.qc.metrics,
                            barcodes=[b.value for b in processed.barcodes], actor=uow.actor.code)
        uow.session.add(new)
        uow.session.flush()
        old.status, old.replaced_by_id = PageStatus.REPLACED, new.id
        _reopen_quality_check(dossier)
        documents_changed(uow, dossier, [old.document_id], "page.rescan")
        uow.audit("page.rescan", f"dossier:{dossier.barcode}", seq=old.seq, old=old.sha256, sha256=new.sha256,
                  qc=list(processed.qc.reasons))
        new = _fixed_by_policy(uow, dossier, new, processed)
        document = uow.session.get(Document, new.document_id) if new.document_id else None
        uow.commit()
        return PageView.of(new, document.number if document else None)


def _derived(uow: UnitOfWork, dossier: Dossier, page: Page, image: Image.Image, store: PageStore,
             qc_reasons: list[str], qc_metrics: dict) -> Page:
    """A new image made from page `page` (turned, cut) in its place, linked to its source; nothing is overwritten."""
    stored = store.put(image)
    store.thumbnail(stored.sha256, image)
    new = page.successor(image=stored, dpi=page.dpi, origin=page.origin, qc_reasons=qc_reasons,
                         qc_metrics=qc_metrics, barcodes=page.barcodes, actor=uow.actor.code,
                         accepted_reason=page.accepted_reason, derived=True)
    uow.session.add(new)
    uow.session.flush()
    page.status, page.replaced_by_id = PageStatus.REPLACED, new.id
    return new


def rotate_page(uow: UnitOfWork, barcode: str, seq: int | str, degrees: int, store: PageStore) -> str:
    """Turn a page clockwise by a multiple of 90 degrees (the sense of the quality check's `turn`, so a page
    measured `turn` 90 is put upright by `degrees` 90): a new image linked to its source; nothing is overwritten."""
    if degrees % 90 != 0 or degrees % 360 == 0:
        raise InvalidInput("صفحه فقط به اندازه ۹۰، ۱۸۰ یا ۲۷۰ درجه چرخانده می‌شود.")
    with uow:
        dossier, page = _page(uow, barcode, seq)
        guard_page(uow, dossier, page)
        new = _derived(uow, dossier, page, turned(store.open(page.sha256), degrees % 360), store,
                       page.qc_reasons, page.qc_metrics)
        documents_changed(uow, dossier, [page.document_id], "page.rotate")
        uow.audit("page.rotate", f"dossier:{dossier.barcode}", seq=page.seq, degrees=degrees % 360,
                  source=page.sha256, sha256=new.sha256)
        uow.commit()
        return new.sha256


def upright_page(uow: UnitOfWork, barcode: str, seq: int | str, store: PageStore) -> str:
    """Put a page flagged «turned» upright by the turn the quality check measured (qc.toml turn_policy = "flag"):
    the clerk's one key on the capture bench. A new image linked to its source, the flag gone with the turn."""
    with uow:
        dossier, page = _page(uow, barcode, seq)
        guard_page(uow, dossier, page)
        turn = page.qc_metrics.get("turn")
        if "turned" not in page.qc_reasons or not turn:
            raise InvalidInput(f"صفحه {to_persian(page.seq)} وارونه یا چرخیده شناخته نشده است؛ "
                               "برای چرخاندن دستی از «چرخش ۹۰°» استفاده کنید.")
        new = _derived(uow, dossier, page, turned(store.open(page.sha256), int(turn)), store,
                       [r for r in page.qc_reasons if r != "turned"], dict(page.qc_metrics, turn=0))
        documents_changed(uow, dossier, [page.document_id], "page.turn")
        uow.audit("page.turn", f"dossier:{dossier.barcode}", seq=page.seq, degrees=int(turn), source=page.sha256,
                  sha256=new.sha256, by=uow.actor.code)
        uow.commit()
        return new.sha256
