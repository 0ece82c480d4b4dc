"""The store check: every page image the database names is re-read and re-hashed, so a file deleted or changed on
disk is found before an approval, an export or an upload trips over it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from threading import Event
from typing import Any

from sqlalchemy import func, select, tuple_

from scanstation.capture.page_store import PageStore
from scanstation.core.digits import to_persian
from scanstation.core.models import Dossier, Page
from scanstation.core.uow import UnitOfWork

StoreProgress = Callable[[int, int], None]  # (files checked so far, files to check)


@dataclass(frozen=True)
class StoreProblem:
    """One page image that does not hold: `kind` is "missing" or "altered"."""

    barcode: str
    seq: int
    status: str
    sha256: str
    kind: str

    @property
    def sentence(self) -> str:
        what = "پیدا نمی‌شود" if self.kind == "missing" else "تغییر کرده است (هش آن نمی‌خواند)"
        state = "" if self.status == "active" else " (نسخه کنار گذاشته)"
        return (f"تصویر صفحه {to_persian(self.seq)}{state} پرونده {self.barcode} "
                f"({self.sha256[:12]}) {what}.")


@dataclass
class StoreReport:
    files: int = 0  # distinct image files checked
    rows: int = 0  # page rows that name them
    problems: list[StoreProblem] = field(default_factory=list)
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems and not self.cancelled


# Page rows read a batch at a time in their files' order, each batch its own short read transaction: memory stays
# flat however many rows the database holds, and no lock or snapshot is held while files are hashed.
BATCH = 5000
_ROW = (Page.sha256, Page.id, Dossier.barcode, Page.seq, Page.status)


def verify_store(uow: UnitOfWork, store: PageStore, progress: StoreProgress | None = None,
                 cancel: Event | None = None, batch: int = BATCH) -> StoreReport:
    """Re-hash the file of every page row (active, replaced and deleted alike: images are never thrown away) and name
    each one that is missing or altered, in dossier and page order. Admins only (it lists every dossier).

    The rows stream in order of their file's hash (keyset on the hash and the row id), so the rows that name one
    file come together and each file is hashed once, as it comes."""
    with uow.reading():
        uow.require_to("store.check")
        total = uow.session.execute(select(func.count(func.distinct(Page.sha256)))).scalar_one()
    report = StoreReport()
    after: tuple[str, int] = ("", 0)
    sha, kind = "", "ok"  # the file being checked and what it was found to be
    while rows := _rows_after(uow, after, batch):
        for row_sha, _, barcode, seq, status in rows:
            if row_sha != sha:
                if cancel is not None and cancel.is_set():
                    report.cancelled = True
                    return _ordered(report)
                sha, kind = row_sha, store.check(row_sha)
                report.files += 1
                if progress is not None:
                    progress(report.files, max(total, report.files))
            report.rows += 1
            if kind != "ok":
                report.problems.append(StoreProblem(barcode, seq, status, sha, kind))
        after = (rows[-1][0], rows[-1][1])
    return _ordered(report)


def _rows_after(uow: UnitOfWork, after: tuple[str, int], batch: int) -> list[Any]:
    """The next `batch` page rows after (hash, id) `after`, in that order, read in a short transaction of their own
    (a row-value comparison: SQLite reads it off the hash index, row id included, even inside a hash many rows name)."""
    with uow.reading():
        return list(uow.session.connection().execute(
            select(*_ROW).join(Dossier, Dossier.id == Page.dossier_id)
            .where(tuple_(Page.sha256, Page.id) > tuple_(*after))
            .order_by(Page.sha256, Page.id).limit(batch)).all())


def _ordered(report: StoreReport) -> StoreReport:
    report.problems.sort(key=lambda p: (p.barcode, p.seq, p.status, p.sha256))
    return report
