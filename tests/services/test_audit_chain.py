"""The audit chain: one entry per change in the same transaction, and tampering is named."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, func, select, text, update

from scanstation.bootstrap import App
from scanstation.core.errors import StepOutOfOrder
from scanstation.core.models import AuditEntry
from scanstation.core.uow import Actor
from scanstation.services import dossiers
from scanstation.services.audit import verify_chain
from tests.builders import CLERK, new_dossier, staff, walk

CONSOLE = Actor("system:console", system=True)


def _history(app: App) -> str:
    staff(app)
    barcode = new_dossier(app)
    walk(app, barcode, 10)
    return barcode


def _count(app: App) -> int:
    with app.session_factory() as s:
        return int(s.execute(select(func.count()).select_from(AuditEntry)).scalar_one())


def test_real_history_verifies(app: App) -> None:
    _history(app)
    report = verify_chain(app.uow(CONSOLE))
    assert report.ok and report.checked == _count(app) > 15


def test_refused_action_writes_no_audit_entry(app: App) -> None:
    barcode = _history(app)
    before = _count(app)
    with pytest.raises(StepOutOfOrder):
        dossiers.count_sheets(app.uow(CLERK), barcode, 3)
    assert _count(app) == before


@pytest.mark.parametrize("column,value", [("details", '{"sheets":99}'), ("actor", "someone-else"),
                                          ("at", "2020-01-01T00:00:00.000000Z"), ("action", "dossier.forged"),
                                          ("hash", "f" * 64)])
def test_altering_any_column_of_any_one_row_is_named(app: App, column: str, value: str) -> None:
    _history(app)
    total = _count(app)
    for victim in (1, total // 2, total):
        with app.engine.begin() as conn:
            original = conn.execute(text(f"SELECT {column} FROM audit_entry WHERE seq = :s"), {"s": victim}).scalar()
            conn.execute(update(AuditEntry).where(AuditEntry.seq == victim).values({column: value}))
        report = verify_chain(app.uow(CONSOLE))
        assert not report.ok and report.bad_seq == victim and f"#{victim}" in (report.problem or "")
        with app.engine.begin() as conn:
            conn.execute(update(AuditEntry).where(AuditEntry.seq == victim).values({column: original}))
        assert verify_chain(app.uow(CONSOLE)).ok


def test_deleted_rows_are_noticed(app: App) -> None:
    _history(app)
    _count(app)
    with app.engine.begin() as conn:
        conn.execute(delete(AuditEntry).where(AuditEntry.seq == 5))
    report = verify_chain(app.uow(CONSOLE))
    assert not report.ok and report.bad_seq == 5 and "missing" in (report.problem or "")


def test_truncated_tail_is_noticed(app: App) -> None:
    _history(app)
    total = _count(app)
    with app.engine.begin() as conn:
        conn.execute(delete(AuditEntry).where(AuditEntry.seq == total))
    report = verify_chain(app.uow(CONSOLE))
    assert not report.ok and report.bad_seq == total


@pytest.mark.parametrize("text_value", ["ساده", 'quote " and \\ backslash', "line\nbreak\ttab\x01\x7f", "\u2028\u200c",
                                        "emoji 🙂", ""])
def test_entry_hash_is_the_digest_of_the_canonical_json_of_the_fields(text_value: str) -> None:
    import hashlib

    from scanstation.core.audit_chain import canonical_json, entry_hash

    fields = {"seq": 12345, "at": "2025-03-21T04:30:00.000000Z", "workstation": f"ws {text_value}",
              "actor": text_value, "action": "dossier.count", "entity": f"dossier:{text_value}",
              "details": canonical_json({"after": {"record": text_value}, "n": 1}), "prev_hash": "0" * 64}
    expected = hashlib.sha256(canonical_json(fields).encode("utf-8")).hexdigest()
    assert entry_hash(**fields) == expected
