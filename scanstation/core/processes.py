"""Whether a process on this machine still runs: how work left by a killed process (kill -9, power cut) is told
apart from work another process is still doing."""

from __future__ import annotations

import os
import socket
from functools import lru_cache
from pathlib import Path


def process_alive(pid: int) -> bool:
    """True when a process with this id exists here (also another user's, which is not ours to judge)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


MACHINE_ID = Path("/etc/machine-id")


@lru_cache(maxsize=1)
def host_name() -> str:
    """This machine, as recorded next to a process id (a pid means something only on its own host): its name and,
    where the system has one, the start of its machine id, because workstations cloned from one image often share
    a name, and a live batch on one must never be judged by the process table of another."""
    try:
        machine = MACHINE_ID.read_text(encoding="ascii").strip()[:8]
    except OSError:
        machine = ""
    name = socket.gethostname()
    return (f"{name} ({machine})" if machine else name)[:120]
