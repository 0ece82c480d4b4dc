"""The layers of the package point one way: no module imports from a layer above its own (the picture of
ARCHITECTURE.md: 0 arrows back up, 0 circles), and PySide6 is imported only in the window (`scanstation/ui`).
Imports inside functions count too: a late import is still a dependency."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "scanstation"
# Lowest first; modules of one layer may import each other (capture and sync stand side by side and do not).
LAYERS: list[set[str]] = [{"core", "__init__"}, {"indexing"}, {"capture", "sync"}, {"services"}, {"records"},
                          {"reports"}, {"bootstrap"}, {"ui"}, {"cli"}, {"__main__"}]
RANK = {name: rank for rank, names in enumerate(LAYERS) for name in names}


def _layer(module: str) -> str:
    """`scanstation.services.upload` -> `services`; a top-level module is its own layer."""
    return module.split(".")[1] if module.count(".") else "__init__"


def _is_module(dotted: str) -> bool:
    path = PACKAGE.parent.joinpath(*dotted.split("."))
    return path.is_dir() or path.with_suffix(".py").exists()


def _imports(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every import: `from package import submodule` names the submodule."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found += [(node.lineno, f"{node.module}.{a.name}" if _is_module(f"{node.module}.{a.name}")
                       else node.module) for a in node.names]
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
    return found


def _own_layer(path: Path) -> str:
    relative = path.relative_to(PACKAGE)
    return relative.parts[0] if len(relative.parts) > 1 else relative.stem


def test_every_module_sits_in_a_layer() -> None:
    assert {_own_layer(p) for p in PACKAGE.rglob("*.py")} <= set(RANK)


def test_no_module_imports_from_a_layer_above_its_own() -> None:
    upward = []
    for path in sorted(PACKAGE.rglob("*.py")):
        own = _own_layer(path)
        for line, module in _imports(path):
            if module.startswith("scanstation.") and RANK[_layer(module)] > RANK[own]:
                upward.append(f"{path.relative_to(PACKAGE.parent)}:{line} imports {module}")
    assert upward == []


def _module_of(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def test_no_circle_of_imports() -> None:
    """No module reaches itself through the modules it imports (late imports inside functions too): a circle is
    two modules that cannot be understood, tested or moved one without the other."""
    modules = {_module_of(p): p for p in PACKAGE.rglob("*.py")}
    graph = {name: {m for _, m in _imports(path) if m in modules and m != name} for name, path in modules.items()}
    circles, done = [], set()

    def visit(name: str, trail: list[str]) -> None:
        if name in trail:
            circles.append(trail[trail.index(name):] + [name])
            return
        if name in done:
            return
        for nxt in sorted(graph[name]):
            visit(nxt, [*trail, name])
        done.add(name)

    for name in sorted(graph):
        visit(name, [])
    assert circles == []


def test_pyside6_only_in_the_window() -> None:
    outside = [f"{path.relative_to(PACKAGE.parent)}:{line}" for path in sorted(PACKAGE.rglob("*.py"))
               if _own_layer(path) != "ui" for line, module in _imports(path) if module.split(".")[0] == "PySide6"]
    assert outside == []
