"""Who may do what (resources/permissions.toml): the one table the use cases, "what may I do now" and the screens
read, so giving an action to another role is one line of policy, not a hunt through the code."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache

from scanstation.core.errors import InvalidInput
from scanstation.core.policy import policy_file
from scanstation.core.roles import Role


@lru_cache(maxsize=1)
def permissions() -> Mapping[str, frozenset[Role]]:
    """Every action of the table and the roles that may do it, read once; an unknown role is refused at load."""
    table = policy_file("permissions.toml").get("actions", {})
    try:
        return {action: frozenset(Role(code) for code in codes) for action, codes in table.items()}
    except ValueError as bad:
        raise InvalidInput(f"permissions.toml نقشی ناشناخته دارد ({bad})؛ نقش‌ها: "
                           f"{'، '.join(r.value for r in Role)}") from None


def roles_for(*actions: str) -> frozenset[Role]:
    """The roles that may do any of `actions`; an action missing from the table is a programming error."""
    table = permissions()
    missing = [a for a in actions if a not in table]
    if missing:
        raise KeyError(f"actions not in permissions.toml: {', '.join(missing)}")
    return frozenset().union(*(table[a] for a in actions))


def may(roles: Iterable[Role | str], *actions: str) -> bool:
    """Whether someone holding `roles` may do at least one of `actions`."""
    return bool(roles_for(*actions) & {Role(r) for r in roles})
