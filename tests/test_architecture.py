"""The shape of the package, as docs/architecture.rst describes it.

The module-level import graph of ``kzlaw`` (imports at the top of a module, outside functions and
``if TYPE_CHECKING:``) is read with :mod:`ast`, not by importing, so the test sees what a module
needs to load, not what happened to be loaded before it.
"""

from __future__ import annotations

import ast
import graphlib
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "kzlaw"
#: The analysis modules: they compute typed results and leave rendering to kzlaw.present.
ANALYSIS = ("kzlaw.changes", "kzlaw.alignment", "kzlaw.penalties", "kzlaw.worddiff", "kzlaw.enforcement")
MAX_LINES = 400


def _name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _targets(node: ast.stmt, module: str, is_package: bool) -> set[str]:
    """The kzlaw modules an import statement loads (``from kzlaw.present import html`` -> present.html)."""
    if isinstance(node, ast.Import):
        names = [a.name for a in node.names]
    elif isinstance(node, ast.ImportFrom):
        base = node.module or ""
        if node.level:
            here = module.split(".") if is_package else module.split(".")[:-1]
            here = here[: len(here) - (node.level - 1)]
            base = ".".join([*here, *([node.module] if node.module else [])])
        names = [f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base for a in node.names]
    else:
        return set()
    return {n for n in names if n == "kzlaw" or n.startswith("kzlaw.")}


def module_imports(module: str) -> set[str]:
    """The kzlaw modules ``module`` imports at module level (not in functions or TYPE_CHECKING blocks)."""
    path = MODULES[module]
    out: set[str] = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        out |= _targets(node, module, path.name == "__init__.py")
    return out - {module}


def test_the_graph_reads_every_module() -> None:
    assert {"kzlaw", "kzlaw.model", "kzlaw.present.html"} <= set(MODULES)
    assert "kzlaw.errors" in module_imports("kzlaw.sanction")
    assert "kzlaw.present.labels" in module_imports("kzlaw.present.html")  # `from kzlaw.present import labels`


def test_module_level_import_graph_has_no_cycle() -> None:
    graph = {m: module_imports(m) & set(MODULES) for m in MODULES}
    try:
        order = list(graphlib.TopologicalSorter(graph).static_order())
    except graphlib.CycleError as e:
        pytest.fail(f"import cycle at module level: {' -> '.join(e.args[1])}")
    assert order.index("kzlaw.errors") < order.index("kzlaw.model") < order.index("kzlaw.corpus")


@pytest.mark.parametrize("module", [m for m in ANALYSIS if m in MODULES])
def test_analysis_modules_do_not_import_the_presentation_at_module_level(module: str) -> None:
    rendering = sorted(m for m in module_imports(module) if m == "kzlaw.present" or m.startswith("kzlaw.present."))
    assert not rendering, f"{module} imports {', '.join(rendering)} at module level; import it where it is used"


def _reach(module: str) -> set[str]:
    """Every kzlaw module loading ``module`` loads, through module-level imports."""
    seen, todo = set(), [module]
    while todo:
        for m in module_imports(todo.pop()) & set(MODULES):
            if m not in seen:
                seen.add(m)
                todo.append(m)
    return seen


@pytest.mark.parametrize("module", ["kzlaw.sanction", "kzlaw.registry", "kzlaw.model", "kzlaw.corpus", "kzlaw.loader"])
def test_the_model_layer_loads_no_analysis_and_no_presentation(module: str) -> None:
    above = sorted(m for m in _reach(module) if m.startswith(("kzlaw.present", "kzlaw.cli", "kzlaw.report", *ANALYSIS)))
    assert not above, f"{module} loads {', '.join(above)} at module level"


def test_no_module_is_over_400_lines() -> None:
    sizes = {m: len(p.read_text(encoding="utf-8").splitlines()) for m, p in MODULES.items()}
    for module, lines in sorted(sizes.items(), key=lambda kv: -kv[1]):
        print(f"{lines:5}  {MODULES[module].relative_to(PACKAGE.parent)}")
    over = {m: n for m, n in sizes.items() if n > MAX_LINES}
    assert not over, "over 400 lines: " + ", ".join(
        f"{MODULES[m].relative_to(PACKAGE.parent)} ({n})" for m, n in sorted(over.items())
    )
