"""A window started from an icon with a bad setting says so in a box (nobody reads stderr there), then ends with the
setting's sentence; the command line still gets it on stderr with exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from scanstation.core.errors import ConfigError
from scanstation.ui.app import run_window


def test_a_config_file_that_is_not_toml_is_shown_in_a_box(qtbot: QtBot, tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('store_url = "https://dms.example.ir/dav/"\nstore_user = [\n', encoding="utf-8")
    shown: list[str] = []

    def answer() -> None:
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        if not boxes:
            QTimer.singleShot(50, answer)
            return
        shown.append(boxes[0].text())
        boxes[0].button(QMessageBox.StandardButton.Ok).click()

    QTimer.singleShot(50, answer)
    with pytest.raises(ConfigError, match="TOML"):
        run_window(db_url=f"sqlite:///{tmp_path / 'db.sqlite'}", data_dir=str(tmp_path / "data"),
                   config_file=str(config))
    assert len(shown) == 1 and "TOML" in shown[0] and "config.toml" in shown[0]
