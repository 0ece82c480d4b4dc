"""Whether a process on this machine still runs: how work left by a killed process (kill -9, power cut) is told
apart from work another process is still doing."""

from __future__ import annotations

import os
import socket


def process_alive(pid: int) -> bool:
    """True when a process with this id exists here (also another user's, which is not ours to judge)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def host_name() -> str:
    """This machine's name, as recorded next to a process id (a pid means something only on its own host)."""
    return socket.gethostname()[:120]
