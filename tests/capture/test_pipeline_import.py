"""The capture pipeline makes its writer thread pool on the first captured page, not when it is imported."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = ("import gc, concurrent.futures as f, scanstation.capture.pipeline;"
          "print(sum(isinstance(o, f.ThreadPoolExecutor) for o in gc.get_objects()))")


def test_importing_the_pipeline_creates_no_thread_pool() -> None:
    run = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=60)
    assert run.stdout.strip() == "0", run.stderr
