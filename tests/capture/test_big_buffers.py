"""Page-sized buffers are kept for the next page: a batch no longer makes the kernel zero-fill every buffer of every
page afresh (counted in page faults, in a process of its own so the test's own allocations do not mix in)."""

from __future__ import annotations

import json
import subprocess
import sys

SNIPPET = """
import json, resource, sys
from scanstation.capture.big_buffers import keep_page_buffers
kept = keep_page_buffers() if sys.argv[1] == "keep" else None
page = 2480 * 3508  # a gray A4 page at 300 dpi
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
for _ in range(30):  # a page's pixels and a copy of them alive at once, as the scanner's data and its image are
    pixels = bytearray(page)  # zero-filled: every memory page of it is touched
    copy = bytes(pixels)
    del pixels, copy
print(json.dumps({"kept": kept, "faults": resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before}))
"""


def _faults(mode: str) -> dict:
    run = subprocess.run([sys.executable, "-c", SNIPPET, mode], capture_output=True, text=True, timeout=60, check=True)
    return json.loads(run.stdout)


def test_thirty_pages_reuse_one_buffer_instead_of_faulting_in_thirty() -> None:
    plain, kept = _faults("plain"), _faults("keep")
    assert kept["kept"] is True
    one_buffer = 2480 * 3508 // 4096
    assert plain["faults"] > 40 * one_buffer  # each buffer a fresh mapping: the cost being removed
    assert kept["faults"] < 4 * one_buffer  # the first page's two buffers, then reused
