"""qc.toml turn_policy = "flag": a page fed upside down arrives flagged «turned» on the capture bench, and one key
(U) puts it upright, through the real widget; the button is off, saying why, on a page that is not turned."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from scanstation.bootstrap import App
from scanstation.services import page_capture, queries
from scanstation.services.actions import NOT_TURNED
from tests import imaging as im
from tests.builders import CLERK, new_dossier, walk
from tests.ui.conftest import Settle, capture_bench


def test_one_key_puts_a_flagged_page_upright(qtbot: QtBot, settle: Settle, staffed: App, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    flagged = dataclasses.replace(page_capture.load_thresholds(), turn_policy="flag")
    monkeypatch.setattr(page_capture, "load_thresholds", lambda: flagged)
    barcode = new_dossier(staffed)
    walk(staffed, barcode, 4, sheets=2, slimmed=0)
    upright = im.text_page(9)
    files = [im.save(im.text_page(10), tmp_path / "p1.png"), im.save(upright.rotate(180), tmp_path / "p2.png")]
    bench, window = capture_bench(qtbot, settle, staffed, barcode)
    bench.import_files(files)
    settle(window.runner)
    assert bench.thumbs.count() == 2 and "وارونه" in bench.thumbs.item(1).text()

    bench.select_row(0)
    assert not bench.buttons["upright"].isEnabled() and bench.buttons["upright"].toolTip() == NOT_TURNED
    bench.select_row(1)
    assert bench.buttons["upright"].isEnabled(), bench.buttons["upright"].toolTip()
    qtbot.keyClick(bench.thumbs, Qt.Key.Key_U)
    settle(window.runner)

    pages = queries.dossier_detail(staffed.uow(CLERK), barcode).pages
    assert [p.qc_reasons for p in pages] == [(), ()]
    assert np.array_equal(np.asarray(staffed.pages.open(pages[1].sha256)), np.asarray(upright))
    assert "وارونه" not in bench.thumbs.item(1).text()
