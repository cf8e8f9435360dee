"""The import rules of docs/architecture.md, held by a walk over the imports (ast; the
`if TYPE_CHECKING:` blocks, which never run, do not count; an import inside a function
does): the arrows each part must never draw, click only in cli/, and no cycle."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "interim"

PARTS = {
    p.stem if p.is_file() else p.name
    for p in PACKAGE.iterdir()
    if p.suffix == ".py" or (p.is_dir() and (p / "__init__.py").exists())
} - {"__init__", "__main__"}

# part → the parts it must never import (a part is a package or module under interim/).
NEVER: dict[str, set[str]] = {
    "diagnostics": PARTS - {"diagnostics"},  # the bottom: nothing else from interim
    "domain": PARTS - {"domain", "diagnostics"},
    "load": {"measures", "types", "check", "settings", "reader", "folder", "summary", "render"}
    | {"commands", "cli"},
    "measures": {"types", "check", "settings", "reader", "folder", "summary", "render"}
    | {"commands", "cli", "watcher"},
    "types": {"check", "settings", "reader", "folder", "summary", "render", "commands", "cli"},
    "check": {"settings", "reader", "folder", "summary", "render", "commands", "cli"},
    "settings": {"check", "reader", "folder", "summary", "render", "commands", "cli"},
    "reader": {"settings", "folder", "summary", "render", "commands", "cli", "watcher"},
    "folder": {"render", "commands", "cli"},
    "summary": {"load", "check", "reader", "folder", "render", "commands", "cli", "watcher"},
    "render": {"load", "check", "reader", "folder", "settings", "commands", "cli", "watcher"},
    "commands": {"cli"},
    "watcher": {
        "domain",
        "measures",
        "types",
        "check",
        "settings",
        "reader",
        "folder",
        "summary",
        "render",
    }
    | {"commands", "cli"},
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports(path: Path) -> list[tuple[str, int]]:
    """(module imported, line) for every import that runs, TYPE_CHECKING blocks left out."""
    found: list[tuple[str, int]] = []

    def walk(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                walk_else(child)
                continue
            if isinstance(child, ast.Import):
                found.extend((a.name, child.lineno) for a in child.names)
            elif isinstance(child, ast.ImportFrom) and child.module and not child.level:
                for alias in child.names:
                    sub = f"{child.module}.{alias.name}"
                    found.append((sub if sub in MODULES else child.module, child.lineno))
            walk(child)

    def walk_else(node: ast.If) -> None:
        for child in node.orelse:
            walk(ast.Module(body=[child], type_ignores=[]))

    walk(ast.parse(path.read_text(encoding="utf-8")))
    return found


def part_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if parts[0] == "interim" and len(parts) > 1 else None


def test_every_part_is_known() -> None:
    """A new package or module at the top gets its rules here and in the map."""
    known = set(NEVER) | {"errors", "atomic", "cachedir", "clock", "cli"}
    assert known >= PARTS, f"parts with no rules: {sorted(PARTS - known)}"


@pytest.mark.parametrize("part", sorted(NEVER))
def test_no_part_imports_what_it_must_never(part: str) -> None:
    wrong = [
        f"{MODULES[mod].relative_to(PACKAGE.parent)}:{line} imports {target}"
        for mod in MODULES
        if part_of(mod) == part
        for target, line in imports(MODULES[mod])
        if part_of(target) in NEVER[part]
    ]
    assert not wrong, "\n".join(wrong)


def test_only_the_command_line_imports_click() -> None:
    wrong = [
        f"{mod}:{line}"
        for mod in MODULES
        if part_of(mod) != "cli"
        for target, line in imports(MODULES[mod])
        if target.split(".")[0] == "click"
    ]
    assert not wrong, wrong


def test_no_import_cycle() -> None:
    """Between modules, counting that importing a.b.c first runs a/__init__ and a/b/__init__
    (not for a module's own packages, which are being imported already)."""
    graph: dict[str, set[str]] = defaultdict(set)
    for mod, path in MODULES.items():
        for target, _ in imports(path):
            if target not in MODULES or target == mod:
                continue
            graph[mod].add(target)
            parts = target.split(".")
            for k in range(2, len(parts)):
                package = ".".join(parts[:k])
                if package in MODULES and not (mod + ".").startswith(package + "."):
                    graph[mod].add(package)
    cycle = _find_cycle(graph)
    assert cycle is None, " → ".join(cycle or [])


def _find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}  # 1: on the path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)) is not None:
                return found
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)) is not None:
            return found
    return None
