"""The domain model (SQLAlchemy 2.0 typed ORM). Every table is created by an Alembic migration."""

from scanstation.core.models.base import Base
from scanstation.core.models.org import Branch, User, UserRole
from scanstation.core.models.dossier import Dossier, DossierCounter, StepRecord
from scanstation.core.models.audit import AuditEntry, AuditHead
from scanstation.core.models.document import Document
from scanstation.core.models.capture import CaptureBatch, Page, PageStatus
from scanstation.core.models.reading import PageReading
from scanstation.core.models.flags import DatabaseFlag
from scanstation.core.models.upload import UploadItem
from scanstation.core.models.records import Binder, DestructionBatch, DestructionItem, Intake, LegalHold, Original

__all__ = [
    "Base", "Branch", "User", "UserRole", "Dossier", "DossierCounter", "StepRecord", "AuditEntry", "AuditHead",
    "Document", "CaptureBatch", "Page", "PageStatus", "PageReading", "DatabaseFlag", "UploadItem",
    "Intake", "Binder", "Original", "LegalHold", "DestructionBatch", "DestructionItem",
]
