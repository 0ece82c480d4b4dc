"""The permissions table (resources/permissions.toml) is whole: every action the code asks for is in it, every action
in it is asked for somewhere, and every role it names exists."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from scanstation.core.errors import InvalidInput
from scanstation.core.permissions import may, permissions, roles_for
from scanstation.core.policy import policy_file
from scanstation.core.roles import Role

SOURCE = Path(__file__).resolve().parents[2] / "scanstation"
# The calls whose string arguments name actions (stamped_document_pdf: the action its caller's PDF is for), the
# screens' action tuples and the records office's action map.
ASKING = {"require_to", "may", "acting_role", "stamped_document_pdf", "Screen"}


def _strings(node: ast.AST) -> set[str]:
    return {n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)}


def _asked_in_code() -> set[str]:
    asked: set[str] = set()
    for path in SOURCE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "attr", getattr(node.func, "id", None))
                if name == "Screen":
                    asked |= _strings(node.args[3]) if len(node.args) > 3 else set()
                elif name in ASKING:
                    asked |= {s for arg in node.args for s in _strings(arg) if "." in s.rstrip(".")}
            elif isinstance(node, ast.AnnAssign) and getattr(node.target, "id", "") == "RECORDS_ACTIONS":
                asked |= {v.value for v in node.value.values}  # type: ignore[union-attr]
            elif isinstance(node, ast.JoinedStr) and _strings(node) == {"step."}:
                asked |= {f"step.{n}" for n in range(1, 13)}  # guard_step's f"step.{number}"
    return asked


def test_every_action_the_code_asks_for_is_in_the_table_and_every_table_action_is_asked_for() -> None:
    asked, table = _asked_in_code(), set(permissions())
    assert asked - table == set(), "actions asked for but missing from permissions.toml"
    assert table - asked == set(), "actions in permissions.toml nothing asks for"


def test_every_role_may_do_something_and_the_sync_service_only_what_it_needs() -> None:
    for role in Role:
        assert any(role in roles for roles in permissions().values()), role
    assert {a for a, roles in permissions().items() if Role.SYNC in roles} == {
        "step.11", "step.12", "dossier.read", "upload.queue", "upload.send", "text.read"}


def test_may_answers_from_the_table_and_an_unknown_action_is_a_programming_error() -> None:
    assert may({Role.CLERK}, "step.1") and not may({Role.CLERK}, "step.7")
    assert may({"supervisor"}, "step.1", "step.7")
    assert roles_for("destruction.plan", "destruction.approve") == {Role.RECORDS_OFFICER, Role.SUPERVISOR}
    with pytest.raises(KeyError):
        roles_for("no.such.action")


def test_a_table_naming_an_unknown_role_is_refused_with_the_valid_codes(permission_table) -> None:
    permission_table({"step.1": ["clerk", "janitor"]})
    with pytest.raises(InvalidInput, match="janitor"):
        permissions()
    assert "clerk" in policy_file("permissions.toml")["actions"]["step.1"]
