"""zbar's assertion warnings, written by C code straight to file descriptor 2, stay off the user's terminal; anything
else written meanwhile still reaches it."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = r'''
import ctypes, sys, threading
from scanstation.indexing.c_stderr import held_back

libc = ctypes.CDLL(None)
noise = (b'WARNING: zbar/decoder/databar.c:1249: _zbar_decode_databar: Assertion "seg->finder >= 0" failed.\n'
         b'\ti=26 f=-1(000) part=1\n')

def decode_like_zbar():
    with held_back():
        for _ in range(200):
            libc.write(2, noise, len(noise))

threads = [threading.Thread(target=decode_like_zbar) for _ in range(4)]
with held_back():
    for t in threads:
        t.start()
    libc.write(2, b"a real problem\n", 15)
    for t in threads:
        t.join()
print("still here", file=sys.stderr, flush=True)
'''


def test_zbar_noise_is_dropped_and_the_rest_kept() -> None:
    run = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0
    assert run.stderr == "a real problem\nstill here\n"
