"""The taxonomy covers Directive Part 2, and classification puts every page in exactly one document."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from scanstation.bootstrap import App
from scanstation.core.errors import InvalidInput, NotFound, PermissionDenied, StepOutOfOrder
from scanstation.indexing.page_ranges import parse_ranges
from scanstation.indexing.taxonomy import load_taxonomy, parse_taxonomy
from scanstation.services import capture_steps, classification, queries
from tests.builders import CLERK, SUPERVISOR, add_pages, new_dossier, staff, walk


def test_part_two_cases_a_to_d_and_the_other_dispositions() -> None:
    types = load_taxonomy().types
    binders = {t.binder: t.code for t in types.values() if t.disposition == "binder"}
    assert binders == {"a": "SELF-CONTRACT", "b": "COMMISSION-DISABILITY", "c": "SPECIAL-EXAM-DISABLED",
                       "d": "SICK-LEAVE-REFUSED"}
    assert types["COMMISSION-OTHER"].disposition == "destroy"
    assert types["CORRESPONDENCE"].disposition == "hold-then-destroy"
    assert {"FORM", "CERTIFICATE", "UNDERTAKING", "REQUEST", "MEDICAL-RECORD"} <= set(types)
    assert all(types[c].disposition == "return" for c in ("FORM", "CERTIFICATE", "UNDERTAKING", "REQUEST"))


def test_a_broken_policy_file_is_refused_at_load() -> None:
    data = {"headings": {"h": {"name": "x", "name_en": "x"}}, "groups": {"g": {"name": "x", "name_en": "x"}},
            "types": [{"code": "A", "name": "x", "name_en": "x", "heading": "nope", "group": "g",
                       "disposition": "return"}]}
    with pytest.raises(ValueError, match="unknown heading"):
        parse_taxonomy(data)
    data["types"][0].update(heading="h", disposition="binder")
    with pytest.raises(ValueError, match="binder"):
        parse_taxonomy(data)


def test_page_ranges_in_any_digits() -> None:
    assert parse_ranges("۱-۳،۷") == [1, 2, 3, 7]
    assert parse_ranges("2, 4-5") == [2, 4, 5]
    for bad in ("3-1", "0", "a-b", ""):
        with pytest.raises(InvalidInput):
            parse_ranges(bad)


@pytest.fixture
def scanned(app: App) -> tuple[App, str]:
    staff(app)
    barcode = new_dossier(app)
    walk(app, barcode, 4, sheets=6, slimmed=0)
    add_pages(app, barcode, 6)
    capture_steps.finish_scanning(app.uow(CLERK), barcode)
    return app, barcode


def test_classify_moves_pages_renumbers_and_records_the_stamp(scanned) -> None:
    app, barcode = scanned
    assert classification.classify(app.uow(CLERK), barcode, "4-6", "SICK-LEAVE", doc_date="۱۴۰۳/۷/۱۵") == 1
    assert classification.classify(app.uow(CLERK), barcode, "1-3", "ID-CARD") == 1  # earlier pages come first
    docs = classification.documents(app.uow(CLERK), barcode)
    assert [(d.number, d.type_code, d.heading, d.pages) for d in docs] == [
        (1, "ID-CARD", "identity", (1, 2, 3)), (2, "SICK-LEAVE", "medical", (4, 5, 6))]
    classification.classify(app.uow(CLERK), barcode, "4-6", "SICK-LEAVE-REFUSED", heading="medical")
    docs = classification.documents(app.uow(CLERK), barcode)
    assert [d.type_code for d in docs] == ["ID-CARD", "SICK-LEAVE-REFUSED"]  # the emptied document is gone
    with app.session_factory() as s:
        from scanstation.core.models import Document

        doc = s.query(Document).filter_by(type_code="SICK-LEAVE-REFUSED").one()
    assert (doc.stamp_branch, doc.stamp_user_code, doc.stamp_user_name) == ("شعبه آزمایشی", CLERK, f"کاربر {CLERK}")
    assert len(doc.stamp_date) == 10 and doc.stamp_date.startswith("14")
    detail = queries.dossier_detail(app.uow(CLERK), barcode)
    assert [p.document for p in detail.pages] == [1, 1, 1, 2, 2, 2]


def test_quality_check_cannot_close_with_unclassified_pages(scanned) -> None:
    app, barcode = scanned
    classification.classify(app.uow(CLERK), barcode, "1-4", "LETTER")
    with pytest.raises(StepOutOfOrder, match="طبقه‌بندی نشده"):
        capture_steps.complete_quality_check(app.uow(CLERK), barcode)
    classification.classify(app.uow(CLERK), barcode, "5-6", "FORM")
    capture_steps.complete_quality_check(app.uow(CLERK), barcode)


def test_classification_refusals(scanned) -> None:
    app, barcode = scanned
    with pytest.raises(InvalidInput, match="نوع سند"):
        classification.classify(app.uow(CLERK), barcode, "1", "NO-SUCH-TYPE")
    with pytest.raises(NotFound):
        classification.classify(app.uow(CLERK), barcode, "5-9", "FORM")
    with pytest.raises(InvalidInput):
        classification.classify(app.uow(CLERK), barcode, "1", "FORM", doc_date="1403/13/40")
    with pytest.raises(PermissionDenied):
        classification.classify(app.uow(SUPERVISOR), barcode, "1", "FORM")
    assert classification.documents(app.uow(CLERK), barcode) == []


def test_taxonomy_json_command(tmp_path: Path) -> None:
    run = subprocess.run([sys.executable, "-m", "scanstation", "taxonomy", "--json"], capture_output=True, text=True,
                         timeout=60, env={"PATH": "/usr/bin:/bin", "SCANSTATION_DATA": str(tmp_path),
                                          "SCANSTATION_CONFIG": str(tmp_path / "none.toml")})
    rows = json.loads(run.stdout)
    assert run.returncode == 0 and {"code", "name", "heading", "group", "disposition"} <= set(rows[0])
    assert {r["binder"] for r in rows if r["disposition"] == "binder"} == {"a", "b", "c", "d"}
