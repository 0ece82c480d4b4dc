"""The store check: every page image the database names is re-read and re-hashed, so a file deleted or changed on
disk is found before an approval, an export or an upload trips over it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from threading import Event

from sqlalchemy import select

from scanstation.capture.page_store import PageStore
from scanstation.core.digits import to_persian
from scanstation.core.models import Dossier, Page
from scanstation.core.roles import Role
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


def verify_store(uow: UnitOfWork, store: PageStore, progress: StoreProgress | None = None,
                 cancel: Event | None = None) -> StoreReport:
    """Re-hash the file of every page row (active, replaced and deleted alike: images are never thrown away) and name
    each one that is missing or altered. Admins only (it lists every dossier)."""
    with uow:
        uow.require(Role.ADMIN)
        rows = uow.session.execute(
            select(Dossier.barcode, Page.seq, Page.status, Page.sha256)
            .join(Dossier, Dossier.id == Page.dossier_id).order_by(Dossier.barcode, Page.seq, Page.id)).all()
    by_hash: dict[str, list[tuple[str, int, str]]] = {}
    for barcode, seq, status, sha in rows:
        by_hash.setdefault(sha, []).append((barcode, seq, status))
    report = StoreReport(rows=len(rows))
    total = len(by_hash)
    for done, (sha, named) in enumerate(by_hash.items(), start=1):
        if cancel is not None and cancel.is_set():
            report.cancelled = True
            break
        kind = store.check(sha)
        if kind != "ok":
            report.problems.extend(StoreProblem(b, s, st, sha, kind) for b, s, st in named)
        report.files = done
        if progress is not None:
            progress(done, total)
    return report
