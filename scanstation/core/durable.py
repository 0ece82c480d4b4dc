"""Writing a file so that it is whole on disk before anything that names it is committed."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

OWNER_ONLY_FILE, OWNER_ONLY_FOLDER = 0o600, 0o700


def private_folder(path: Path) -> None:
    """Create `path` (and missing parents) readable by its owner only; a folder that exists is left as it is
    (a branch share's permissions are the branch IT's choice)."""
    path = Path(path)
    if path.is_dir():
        return
    if not path.parent.is_dir():
        private_folder(path.parent)
    path.mkdir(mode=OWNER_ONLY_FOLDER, exist_ok=True)
    os.chmod(path, OWNER_ONLY_FOLDER)  # mkdir's mode is filtered by the umask


def write_durably(target: Path, data: bytes) -> None:
    """Temporary file, fsync, rename, fsync of the folder: after a crash `target` is absent or complete. A folder
    it has to make is the owner's alone, as the file is (mkstemp makes it 0600)."""
    private_folder(target.parent)
    fd, tmp = tempfile.mkstemp(prefix=".incoming-", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    dir_fd = os.open(target.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
