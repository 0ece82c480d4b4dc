"""The English translation: complete for every Persian text in the window's code, and compiled."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from scanstation.bootstrap import App
from scanstation.ui.login_dialog import LoginDialog
from scanstation.ui.look import TRANSLATIONS
from scanstation.ui.operations import Runner

UI = Path(__file__).resolve().parents[2] / "scanstation" / "ui"
TS, QM = TRANSLATIONS / "scanstation_en.ts", TRANSLATIONS / "scanstation_en.qm"


def _tool(name: str) -> Path:
    tool = Path(sys.executable).parent / name
    if not tool.exists():
        pytest.skip(f"{name} is not in this environment (PySide6-Essentials ships it)")
    return tool


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    return {(ctx.findtext("name") or "", m.findtext("source") or ""): m.find("translation")  # type: ignore[misc]
            for ctx in root.iter("context") for m in ctx.iter("message")}


def test_every_text_in_the_code_has_an_english_translation(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    shutil.copy(TS, fresh)
    subprocess.run([str(_tool("pyside6-lupdate")), *map(str, sorted(UI.glob("*.py"))), "-ts", str(fresh),
                    "-no-obsolete"], check=True, capture_output=True)
    shipped, current = _messages(TS), _messages(fresh)
    assert set(current) == set(shipped), "run pyside6-lupdate and translate the new texts"
    unfinished = [src for (_, src), tr in current.items() if tr.get("type") == "unfinished" or not tr.text]
    assert unfinished == []
    assert len(current) > 80


def test_compiled_translation_matches_its_source(tmp_path: Path) -> None:
    compiled = tmp_path / "en.qm"
    subprocess.run([str(_tool("pyside6-lrelease")), str(TS), "-qm", str(compiled)], check=True,
                   capture_output=True)
    assert compiled.read_bytes() == QM.read_bytes(), "run pyside6-lrelease on scanstation_en.ts"


def test_english_login_dialog(qtbot: QtBot, persian_qapp: QApplication, sqlite_app: App) -> None:
    translator = QTranslator()
    assert translator.load(str(QM))
    persian_qapp.installTranslator(translator)
    try:
        runner = Runner(None)
        dialog = LoginDialog(sqlite_app, runner)
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "Log in to ScanStation"
        assert dialog.ok_button.text() == "Log in"
        qtbot.waitUntil(lambda: runner.idle)
        assert "scanstation init --demo" in dialog.form.message.text() and "No users" in dialog.form.message.text()
    finally:
        persian_qapp.removeTranslator(translator)
