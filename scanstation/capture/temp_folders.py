"""Temporary folders for rendering PDF pages, and cleaning up after a process that was killed mid-import.

Each folder's name carries the owning process id (`scanstation-pdf-<pid>-<random>`), so a later start can tell a
folder whose owner is gone (kill -9, power cut) from one another import is still using. Only folders of the current
user are touched."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import time
from pathlib import Path

from scanstation.core.processes import process_alive

PREFIX = "scanstation-pdf-"
_OWNED = re.compile(rf"^{PREFIX}(\d+)-")
ORPHAN_MINUTES = 60  # a folder without an owner id in its name (older versions) is left this long


def new_pdf_folder() -> tempfile.TemporaryDirectory[str]:
    """A private temporary folder named for this process; removed when the `with` block ends."""
    return tempfile.TemporaryDirectory(prefix=f"{PREFIX}{os.getpid()}-")


def clean_stale(root: Path | None = None, now: float | None = None) -> list[Path]:
    """Remove this user's PDF folders whose owning process is gone (or, unnamed, older than ORPHAN_MINUTES);
    returns what was removed. Never raises: a folder that cannot be removed is simply left for next time."""
    root = Path(root or tempfile.gettempdir())
    now = time.time() if now is None else now
    removed: list[Path] = []
    try:
        candidates = [p for p in root.iterdir() if p.name.startswith(PREFIX)]
    except OSError:
        return removed
    for path in candidates:
        try:
            info = path.lstat()
            if not path.is_dir() or path.is_symlink() or info.st_uid != os.getuid():
                continue
            owner = _OWNED.match(path.name)
            stale = (not process_alive(int(owner.group(1))) if owner
                     else now - info.st_mtime > ORPHAN_MINUTES * 60)
            if stale and (owner is None or int(owner.group(1)) != os.getpid()):
                shutil.rmtree(path)
                removed.append(path)
        except OSError:
            continue
    return removed
