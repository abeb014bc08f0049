"""The shape CONTRIBUTING.md promises: module sizes, the pure layers and no import cycles."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"
PACKAGE = SRC / "lodestar"
MAX_LINES = 400
PURE_PACKAGES = ("lib", "modelfile", "scoring", "checks", "rhythm")
# Pure modules inside the Django apps: analyses and readers that take the model as plain values.
DESIGN_ANALYSES = (
    "analysis",
    "competencies",
    "evidence",
    "journey",
    "network",
    "raci",
    "role_card",
    "role_comparison",
    "tasks",
)
PURE_MODULES = (
    *(f"lodestar.design.{name}" for name in (*DESIGN_ANALYSES, "vision")),
    "lodestar.goals.validation",
    "lodestar.goals.derive",
    "lodestar.goals.parent_choices",
    "lodestar.goals.status_text",
)


def _modules() -> dict[str, Path]:
    """Every module of the package by dotted name, migrations aside."""
    found: dict[str, Path] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


MODULES = _modules()


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imported(module: str, path: Path, *, module_level_only: bool) -> set[str]:
    """The modules `module` imports (module-level statements only, when asked), resolved to known names."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    names: set[str] = set()

    def visit(nodes: list[ast.stmt]) -> None:
        for node in nodes:
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*anchor, base] if base else anchor)
                names.add(base)
                names.update(f"{base}.{alias.name}" for alias in node.names)
            elif isinstance(node, ast.If) and _is_type_checking(node):
                continue
            elif isinstance(node, ast.If | ast.Try | ast.With):
                visit(node.body)
                visit(getattr(node, "orelse", []))
                for handler in getattr(node, "handlers", []):
                    visit(handler.body)
                visit(getattr(node, "finalbody", []))
            elif not module_level_only and isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                visit(node.body)

    visit(tree.body)
    return names


def _internal(names: set[str]) -> set[str]:
    return {name for name in names if name in MODULES}


def test_no_module_in_src_has_more_than_400_lines() -> None:
    long = {
        str(path.relative_to(SRC)): count
        for path in MODULES.values()
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def _pure_import(name: str) -> bool:
    return name.split(".", 1)[0] != "django" and (
        not name.startswith("lodestar.")
        or name.startswith(tuple(f"lodestar.{package}" for package in PURE_PACKAGES))
        or name.startswith(PURE_MODULES)
    )


@pytest.mark.parametrize("package", [*PURE_PACKAGES, *PURE_MODULES])
def test_the_pure_layers_import_neither_django_nor_the_apps(package: str) -> None:
    prefix = package if package.startswith("lodestar.") else f"lodestar.{package}"
    offending: dict[str, list[str]] = {}
    for module, path in MODULES.items():
        if not (module == prefix or module.startswith(f"{prefix}.")):
            continue
        if ".management" in module or module.endswith(".apps"):
            continue
        bad = sorted(name for name in _imported(module, path, module_level_only=False) if not _pure_import(name))
        if bad:
            offending[module] = bad
    assert offending == {}


def test_only_the_delivery_layers_import_management_commands() -> None:
    offending = {
        module: sorted(
            name
            for name in _imported(module, path, module_level_only=False)
            if name.startswith("lodestar.") and ".management" in name
        )
        for module, path in MODULES.items()
        if ".management" not in module
    }
    assert {module: names for module, names in offending.items() if names} == {}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                connect(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return found


def test_no_modules_import_each_other_in_a_cycle() -> None:
    graph: dict[str, set[str]] = {}
    for module, path in MODULES.items():
        imported = _internal(_imported(module, path, module_level_only=False))
        # Importing a package's submodule runs the package first; a package's own submodules are its parts.
        graph[module] = {name for name in imported if name != module and not name.startswith(f"{module}.")}
    assert _cycles(graph) == []
