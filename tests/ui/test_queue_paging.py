"""The window's queue after a realistic history (issue 21): it shows how many wait in all, fetches the next rows as
the list is scrolled until every waiting dossier is in it, finds a name typed in another spelling, and a refresh
after a recorded step changes the rows in place instead of rebuilding the list."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from bench import scale_data
from scanstation.bootstrap import App
from scanstation.core.digits import to_persian
from tests.ui.conftest import Settle, open_window


def test_the_queue_pages_through_every_waiting_dossier_and_finds_names(qtbot: QtBot, settle: Settle,
                                                                       staffed: App) -> None:
    data = scale_data.generate(staffed, 1500, page_files_count=2, page_size=(40, 60))
    window = open_window(qtbot, settle, staffed)
    window.resize(1366, 768)
    queue = window.queue
    model = queue.model
    assert model.total == data.waiting == 150 and len(model.rows) == 100
    assert to_persian(150) in queue.count_label.text()
    for _ in range(5):
        queue.table.scrollToBottom()
        settle(window.runner)
    assert len(model.rows) == 150 and len({row.barcode for row in model.rows}) == 150
    assert [row.out_of_turn for row in model.rows] == sorted((row.out_of_turn for row in model.rows), reverse=True)

    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    queue.refresh()
    settle(window.runner)
    assert not resets and len(model.rows) == 150  # the rows held asked again, and changed in place

    sample = next(s for s in data.samples if s.name != s.typed)
    queue.search.setText(sample.typed)
    queue.refresh()
    settle(window.runner)
    assert sample.barcode in {row.barcode for row in model.rows}
    queue.search.setText("م")
    queue.refresh()
    settle(window.runner)
    assert "دست‌کم" in queue.count_label.text()
