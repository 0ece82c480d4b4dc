"""Part 3.2: no paper copies for internal units. Printing or exporting a dossier's page images (the stamped document
PDF) asks for the purpose, is limited to the roles in resources/records.toml and is audited; a copy for an internal
unit is refused with the sentence that the unit reads the file in the central system."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from scanstation.core.errors import InvalidInput, PermissionDenied
from scanstation.core.quoting import quoted
from scanstation.core.uow import UnitOfWork
from scanstation.records.policy import records_policy
from scanstation.services.lookup import dossier_by_barcode

if TYPE_CHECKING:
    from scanstation.capture.page_store import PageStore

INTERNAL_UNIT_REFUSAL = ("به بخش ۳-۲ بخشنامه، اصل یا رونوشت کاغذی پرونده اسکن‌شده به واحدهای داخلی سازمان داده "
                         "نمی‌شود؛ آن واحد پرونده را در سامانه متمرکز مدیریت محتوی می‌بیند.")


@dataclass(frozen=True)
class Purpose:
    code: str
    title: str
    allowed: bool


def purposes() -> list[Purpose]:
    """The purposes a person may name, in the policy's order (refused ones included, so the refusal is explained)."""
    return [Purpose(code, str(spec["title"]), bool(spec["allowed"]))
            for code, spec in records_policy().copy_purposes.items()]


def require_purpose(code: str) -> Purpose:
    """The named purpose; an unknown one is refused naming the valid codes, an internal unit with Part 3.2's
    sentence."""
    found = {p.code: p for p in purposes()}
    purpose = found.get((code or "").strip())
    if purpose is None:
        raise InvalidInput(f"هدف {quoted(code)} تعریف نشده است؛ یکی از این‌ها را بنویسید: {'، '.join(found)}")
    if not purpose.allowed:
        raise PermissionDenied(INTERNAL_UNIT_REFUSAL)
    return purpose


def document_copy(uow: UnitOfWork, barcode: str, number: int, purpose: str, store: PageStore,
                  deliver: Callable[[bytes], None] | None = None) -> bytes:
    """The stamped PDF of document `number` for `purpose`: checked before it is built, recorded once `deliver`
    (a printer, a file) has taken it, so a copy that never left records nothing."""
    from scanstation.services.document_pdf import stamped_document_pdf  # the image stack: only when a copy is made

    with uow:
        uow.require_to("copies.print")
        chosen = require_purpose(purpose)
        dossier_by_barcode(uow.session, barcode)
    pdf = stamped_document_pdf(uow, barcode, number, store, "copies.print")
    with uow:
        uow.require_to("copies.print")
        dossier = dossier_by_barcode(uow.session, barcode)
        if deliver is not None:
            deliver(pdf)
        uow.audit("records.paper_copy", f"dossier:{dossier.barcode}", document=number, purpose=chosen.code,
                  sha256=hashlib.sha256(pdf).hexdigest())
        uow.commit()
        return pdf
