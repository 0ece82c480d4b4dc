"""Keep the memory of page-sized buffers for the next page instead of giving it back to the system after each one.

A gray A4 page at 300 dpi is 8.7 MB (26 MB in colour) and passes through several buffers of that size on its way
(the scanner's data, the image, the pixels handed to the checks, the PNG rows). glibc serves a block that large by a
fresh mmap() and unmaps it when it is freed, so every buffer of every page is zero-filled by the kernel one page
fault at a time: for a batch of ten gray pages some 146,000 faults and a third of a second of kernel time, about as
much as the quality check of the whole batch. With the thresholds raised, such blocks come from the heap and freed
ones are reused by the next page; at most `TRIM` of free heap is kept before it is returned to the system.
Nothing happens where the C library has no `mallopt` (not glibc).
"""

from __future__ import annotations

import ctypes

M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3  # glibc's <malloc.h>
MMAP = 64 << 20  # blocks smaller than this (a 600-dpi gray or a 300-dpi colour page) come from the heap
TRIM = 128 << 20


def keep_page_buffers() -> bool:
    """Raise glibc's mmap and trim thresholds for this process; whether it could. Call it before the first page."""
    try:
        mallopt = ctypes.CDLL(None).mallopt  # the C library the interpreter runs on
    except (OSError, AttributeError):
        return False
    mallopt.argtypes, mallopt.restype = (ctypes.c_int, ctypes.c_int), ctypes.c_int
    return bool(mallopt(M_MMAP_THRESHOLD, MMAP)) and bool(mallopt(M_TRIM_THRESHOLD, TRIM))
