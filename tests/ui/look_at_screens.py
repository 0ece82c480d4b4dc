"""Screenshots of every role's screens in every state of a clerk's day (tests/ui/screen_states.py), taken of the
whole screen under a real window manager, for a person to look at (issue 22). Run:

    xvfb-run -a -s "-screen 0 1366x768x24" sh -c 'openbox & sleep 1; .venv/bin/python -m tests.ui.look_at_screens OUT'

Each PNG is named role-state-screen; the window's frame and the screen's available geometry are printed beside it.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

from scanstation.bootstrap import bootstrap
from scanstation.services import users
from scanstation.services.setup import CONSOLE
from scanstation.ui.app import Launcher, install_look, pin_singletons
from scanstation.ui.operations import MainThreadCollector
from tests.builders import ADMIN, CLERK, PASSWORD, RECORDS, SUPERVISOR
from tests.ui.screen_states import STATES, Day, screens, staff_longest


def wait(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.02)


def main(out: Path, roles: list[str], states: list[str]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    pin_singletons()
    qapp = QApplication.instance() or QApplication(sys.argv)
    install_look(qapp, "fa")
    MainThreadCollector(qapp)
    with tempfile.TemporaryDirectory() as folder:
        app = bootstrap(db_url=f"sqlite:///{folder}/db.sqlite", data_dir=f"{folder}/data",
                        config_file=f"{folder}/absent.toml", workstation="look")
        app.upgrade_schema()
        staff_longest(app)
        for code in roles:
            who = users.authenticate(app.uow(CONSOLE), code, PASSWORD)
            window = Launcher(app, maximized=True).open_window(who)
            wait(1.5)
            window.queue.select_row(0)
            day = Day(window)
            for state in states:
                day.enter(state)
                for key in screens(window):
                    wait(0.6)
                    screen = window.screen()
                    name = f"{code}-{state}-{key}.png"
                    screen.grabWindow(0).save(str(out / name))
                    frame, room = window.frameGeometry(), screen.availableGeometry()
                    print(f"{name}: frame {frame.width()}x{frame.height()}+{frame.x()}+{frame.y()}, available "
                          f"{room.width()}x{room.height()}", "OVER" if not room.contains(frame) else "", flush=True)
                day.leave()
                wait(0.3)
            window.runner.wait()
            window.close()
            wait(0.3)
        app.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2].split(",") if len(sys.argv) > 2 else [CLERK, SUPERVISOR, RECORDS, ADMIN],
         sys.argv[3].split(",") if len(sys.argv) > 3 else list(STATES))
