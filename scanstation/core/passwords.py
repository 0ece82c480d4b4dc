"""Password hashing (argon2id). Clear passwords are never stored or logged."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from scanstation.core.errors import InvalidInput

_HASHER = PasswordHasher()
MIN_LENGTH = 6


def hash_password(password: str) -> str:
    """An argon2id hash of a new password; refuses passwords too short to protect anything."""
    if len(password) < MIN_LENGTH:
        raise InvalidInput(f"گذرواژه باید دست‌کم {MIN_LENGTH} نویسه باشد.")
    return _HASHER.hash(password)


def check_password(stored_hash: str, password: str) -> bool:
    """True when `password` matches the stored hash."""
    try:
        return _HASHER.verify(stored_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False
