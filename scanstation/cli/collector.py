"""When Python's cycle collector runs in the life of a `scanstation` process.

Starting a command creates a few hundred thousand objects that live as long as the process (SQLAlchemy's and the
models' classes, numpy's, the parsed policy files). Left on, the collector walks them again and again while they are
being made, and once more, all of them, when the interpreter shuts down: together a fifth to a third of a second of
a `scanstation scan` that scans ten pages in two-thirds of a second. So the program holds it off while a command
starts; what exists then is frozen out of its sight before it is let go (a long import or the sync service still
collects its own garbage as usual); and when the command is done everything is frozen again, so shutting down frees
memory without searching it for cycles first. Only the program does this (`program`), never `main()` called in
another process such as the tests. The window keeps its own collector (ui/operations.MainThreadCollector).
"""

from __future__ import annotations

import gc

_held = False


def hold() -> None:
    """The program is starting: no collection until `release`."""
    global _held
    gc.disable()
    _held = True


def release() -> None:
    """The command has started (called where it begins its work): what exists now lives to the end, so it is frozen
    out of the collector's sight, and collection resumes for what the command makes and drops. Nothing when the
    collector was not held (main() called in-process)."""
    global _held
    if _held:
        _held = False
        gc.freeze()
        gc.enable()


def finish() -> None:
    """The program is about to exit: the interpreter frees everything anyway, so none of it is searched for cycles."""
    gc.freeze()
