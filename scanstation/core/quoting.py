"""Typed input quoted back in a sentence: `«value»`, escaped and cut, so a refusal never acts on the terminal or
echoes a pasted page back in full."""

from __future__ import annotations

from scanstation.core.errors import shown_char
from scanstation.core.policy import input_limits


def quoted(value: object) -> str:
    """`«value»` for a sentence: control characters escaped (`\\x1b`), and cut with «…» past the policy's
    `quote_max_chars` (resources/input_limits.toml), so a pasted page of digits is not echoed back in full."""
    most = input_limits().quote_max_chars
    shown = "".join(shown_char(ch) for ch in str(value)[:most + 1])
    return f"«{shown[:most]}…»" if len(shown) > most else f"«{shown}»"
