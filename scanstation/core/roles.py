"""Roles and what each may do. The workflow step rules name roles from here."""

from __future__ import annotations

from enum import StrEnum

from scanstation.core.errors import InvalidInput
from scanstation.core.quoting import quoted


class Role(StrEnum):
    CLERK = "clerk"
    SUPERVISOR = "supervisor"
    RECORDS_OFFICER = "records-officer"
    ADMIN = "admin"
    SYNC = "sync"
    AGENCY_RESPONSIBLE = "agency-responsible"  # Directive Part 2.5: does step 7 in an official agency office


ROLE_TITLES: dict[Role, str] = {
    Role.CLERK: "کاربر بایگانی / اپراتور اسکن",
    Role.SUPERVISOR: "مسئول واحد / ناظر",
    Role.RECORDS_OFFICER: "کارشناس اسناد و اوراق",
    Role.ADMIN: "مدیر سیستم شعبه",
    Role.SYNC: "سرویس بارگذاری",
    Role.AGENCY_RESPONSIBLE: "مسئول کارگزاری رسمی",
}


def parse_role(text: str) -> Role:
    """A role by its code; an unknown one is refused naming the valid codes."""
    try:
        return Role(text.strip().lower())
    except ValueError:
        valid = "، ".join(r.value for r in Role)
        raise InvalidInput(f"نقش {quoted(text)} شناخته نیست؛ یکی از این‌ها را بنویسید: {valid}") from None
