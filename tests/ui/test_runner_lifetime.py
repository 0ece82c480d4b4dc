"""A runner freed right after its last job's callback ran must not take the process down.

Before the fix each job had its own relay that kept its runner alive and deleted itself later (deleteLater); when the
runner's last reference went with that relay, the runner freed the relay a second time and the process died (a bus
error or segfault in QObject::~QObject, seen when test order changed). The scenario runs in a child process, so a
crash is a failed test, not a lost test run."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCENARIO = textwrap.dedent("""
    from PySide6.QtWidgets import QApplication, QWidget
    from scanstation.ui.app import pin_singletons
    from scanstation.ui.operations import MainThreadCollector, Runner

    pin_singletons()
    app = QApplication([])
    collector = MainThreadCollector(app)
    heard = []

    def one_screen(n):
        runner = Runner(None)  # a screen's runner, freed with the screen right after its job reported
        screen = QWidget()
        screen.runner = runner
        runner.run(lambda: n * n, lambda result: (heard.append(result), screen.setWindowTitle(str(result))))
        while not runner.idle:
            app.processEvents()

    for n in range(25):
        one_screen(n)
        app.processEvents()
    collector.stop()
    print("heard", len(heard), sum(heard))
""")


def test_freeing_a_runner_after_its_jobs_reported_does_not_crash() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-X", "faulthandler", "-c", SCENARIO], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["heard", "25", str(sum(n * n for n in range(25)))]
