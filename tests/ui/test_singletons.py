"""The window survives PySide6 6.12's lost references to True and None (one per Signal.emit, a few per Runner job)
once `pin_singletons` has run, as `run_window` does."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication

from scanstation.ui.app import pin_singletons


class _Emitter(QObject):
    ping = Signal(object)


def test_many_emits_do_not_free_true(persian_qapp: QApplication) -> None:
    pin_singletons()
    emitter, heard = _Emitter(), []
    emitter.ping.connect(heard.append)
    before = sys.getrefcount(True)
    for n in range(20_000):
        emitter.ping.emit(n)
    assert len(heard) == 20_000
    assert sys.getrefcount(True) > 1 << 39  # whatever the binding drops, True stays far from zero
    assert before > 1 << 39
