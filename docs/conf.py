"""Sphinx configuration for kzlaw's documentation.

Environment:
    KZLAW_DOCS_NO_INVENTORIES: ``1`` builds as if none of the offline intersphinx inventories were
        installed; a comma-separated list (``python,attrs``) as if those were missing. The build
        must pass both ways (``.ci/check`` runs it as installed).
"""

from __future__ import annotations

import ast
import datetime as dt
import doctest
import importlib
import os
import re
from pathlib import Path
from typing import Any

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent
BUILD = DOCS / "_build"

project = "kzlaw"
author = "kzlaw developers"
copyright = f"{dt.date.today().year}, {author}"
release = version = importlib.import_module("kzlaw").__version__

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.intersphinx",
    "sphinx.ext.doctest",
    "myst_nb",
]
html_theme = "furo"
html_title = "kzlaw"
exclude_patterns = ["_build", "**.ipynb_checkpoints"]

# Notebooks and MyST-NB pages run at every build, so no page shows output the code does not produce.
nb_execution_mode = "force"
nb_execution_raise_on_error = True
nb_execution_timeout = 300
nb_execution_show_tb = True
# Kept under docs/_build whatever output folder the build is given (see _keep_outputs_in_build below).
nb_execution_cache_path = str(BUILD / ".jupyter_cache")
default_role = "any"
nitpicky = True
autodoc_typehints = "description"
autodoc_member_order = "bysource"
autodoc_default_options = {"members": True, "show-inheritance": True}
napoleon_google_docstring = True
napoleon_numpy_docstring = False

# Offline intersphinx: Debian's python3.11-doc, python-attr-doc and python-cattrs-doc ship the inventories (the
# set-up installs them when it can). Mapping to a missing file would make Sphinx try the network, which fails
# here, so only what exists is mapped.
_INVENTORIES = {
    "python": ("https://docs.python.org/3", "/usr/share/doc/python3.11/html/objects.inv"),
    "attrs": ("https://www.attrs.org/en/stable", "/usr/share/doc/python-attr-doc/html/objects.inv"),
    "cattrs": ("https://catt.rs/en/stable", "/usr/share/doc/python-cattrs-doc/html/objects.inv"),
}
_off = os.environ.get("KZLAW_DOCS_NO_INVENTORIES", "").strip()
_disabled = set(_INVENTORIES) if _off in ("1", "all", "yes") else {n.strip() for n in _off.split(",") if n.strip()}
intersphinx_mapping = {
    name: (url, inv) for name, (url, inv) in _INVENTORIES.items() if name not in _disabled and Path(inv).is_file()
}
MISSING_INVENTORIES = sorted(set(_INVENTORIES) - set(intersphinx_mapping))

# Without an inventory, references to that package's objects (from signatures and docstrings) have nothing to
# link to. Only for the packages whose inventory is missing, they are left unlinked instead of failing the
# nitpicky build; kzlaw's own references are always checked.
_UNLINKED: dict[str, list[tuple[str, str]]] = {
    "python": [
        ("py:.*", r"(datetime|collections\.abc|collections|pathlib|typing|os|io|re|types|enum|tomllib)(\..*)?"),
        ("py:.*", r"(str|int|float|bool|bytes|object|None|tuple|list|dict|set|frozenset|type|slice|range)"),
        ("py:.*", r"(BaseException|Exception|[A-Za-z]*Error|KeyboardInterrupt)"),
        ("py:.*", r"(NotImplemented|Ellipsis|\.\.\.)"),
        ("py:.*", r"(dt|datetime)\.(date|datetime|timedelta)"),
        ("py:mod", r"(?!kzlaw)[a-z_][a-z0-9_.]*"),  # the standard library's modules (ast, tomllib...)
        ("py:(func|obj|data)", r"(tomllib|doctest|difflib|graphlib|importlib|dataclasses|ast)(\..*)?"),
    ],
    "attrs": [("py:.*", r"attrs?(\..*)?")],
    "cattrs": [("py:.*", r"cattrs(\..*)?")],
}
nitpick_ignore_regex = [pattern for name in MISSING_INVENTORIES for pattern in _UNLINKED[name]]

nitpick_ignore = [
    ("py:class", "kzlaw.model.InForce"),
    ("py:class", "InForce"),
    # Type variables of generic classes (FrozenMap[K, V]) have no page of their own.
    ("py:class", "K"),
    ("py:class", "V"),
    ("py:obj", "kzlaw.frozen.K"),
    ("py:obj", "kzlaw.frozen.V"),
]
# lxml (kzlaw.akn), matplotlib (kzlaw.plot) and pandas have no offline inventory here; their types stay unlinked.
nitpick_ignore_regex += [
    ("py:.*", r"(lxml\.)?etree\..*"),
    ("py:.*", r"(matplotlib|mpl_toolkits)(\..*)?"),
    ("py:class", r"(Axes|Figure)"),
    ("py:.*", r"(pandas|pd)(\..*)?"),
]

# Docstring examples included by autodoc run in Sphinx's doctest builder with these names available,
# as they do under pytest --doctest-modules in their own modules.
doctest_global_setup = """
import datetime as dt
import kzlaw
from kzlaw import *
from kzlaw.model import *
from kzlaw.protocol import *
from kzlaw.refs import *
from kzlaw.writer import *
from kzlaw.plot import *
from kzlaw.worddiff import tokenize
try:
    from kzlaw.akn import parse_xml  # needs the akn extra (lxml)
except ImportError:
    pass
"""
doctest_default_flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE | doctest.IGNORE_EXCEPTION_DETAIL


# --- references to kzlaw's own objects ------------------------------------------------------------------------
# kzlaw's classes are documented where a reader imports them (kzlaw.Version), but signatures and docstrings name
# them where they are defined (kzlaw.model.Version, kzlaw.registry.Code) or in their module's own words
# (:class:`Wording` inside kzlaw.model). This resolves such a reference to the object it names, and only to an
# object that is documented; anything else stays unresolved and fails the build.


def _find(dotted: str) -> tuple[Any, str] | None:
    """The kzlaw object a dotted name leads to, and the member path left over (``Version.wordings``)."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj: Any = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        rest = parts[cut:]
        for i, name in enumerate(rest):
            if i and not isinstance(obj, type):
                return None
            if not hasattr(obj, name):
                return (obj, ".".join(rest[i:])) if i and isinstance(obj, type) else None
            obj = getattr(obj, name)
        return obj, ""
    return None


def _candidates(node: Any) -> list[str]:
    """The dotted names a reference may mean: as written, then in each context it was written in."""
    target = node.get("reftarget", "").lstrip("~.")
    found = [target]
    module, cls = node.get("py:module"), node.get("py:class")
    contexts = [module, f"{module}.{cls}" if module and cls else None]
    if module and cls and (owner := _find(f"{module}.{cls}")) and not owner[1]:
        contexts.append(getattr(owner[0], "__module__", None))
    # autodoc marks where a docstring comes from: ".../changes.py:docstring of kzlaw.changes.Diff"
    source = str(getattr(node, "source", None) or node.get("source") or "")
    if "docstring of " in source:
        where = source.split("docstring of ", 1)[1].split(":")[0].split(".")
        contexts += [".".join(where[:i]) for i in range(len(where), 1, -1)]
    found += [f"{c}.{target}" for c in contexts if c]
    return [n for n in dict.fromkeys(found) if n == "kzlaw" or n.startswith("kzlaw.")]


def _resolve_kzlaw(app: Any, env: Any, node: Any, contnode: Any) -> Any:
    if node.get("refdomain") not in ("py", "") or node.get("reftype") in ("doc", "ref", "term"):
        return None
    domain = env.get_domain("py")
    for dotted in _candidates(node):
        found = _find(dotted)
        if found is None:
            continue
        obj, member = found
        head = dotted[: len(dotted) - len(member) - 1] if member else dotted
        last = head.rsplit(".", 1)[-1]
        for name in domain.objects:
            if not name.startswith("kzlaw") or name.rsplit(".", 1)[-1] != last:
                continue
            same = _find(name)
            full = f"{name}.{member}" if member else name
            if same is not None and not same[1] and same[0] is obj and full in domain.objects:
                role = "obj" if node.get("reftype") == "any" else node["reftype"]
                return domain.resolve_xref(env, node["refdoc"], app.builder, role, full, node, contnode)
    return None


_PROSE_SUMMARY = re.compile(r"[A-Z][a-z]*(?:,? [a-z]+){2,}")


def _prose_is_not_a_type(app: Any, what: str, name: str, obj: Any, options: Any, lines: list[str]) -> None:
    """Undo napoleon's reading of a property's "text: rest" first line as "type: description".

    kzlaw's summaries such as "How a reader names the code: ``Criminal Code 1997``" are prose; napoleon (which
    runs before this) turns the words before the colon into ``:type: How a reader names the code``. Put them back.
    """
    if what not in ("property", "attribute"):
        return
    for i, line in enumerate(lines):
        head = line.removeprefix(":type: ")
        if line.startswith(":type: ") and _PROSE_SUMMARY.fullmatch(head):
            del lines[i]
            if i and not lines[i - 1].strip():
                del lines[i - 1]
            first = next(j for j, text in enumerate(lines) if text.strip())
            lines[first] = f"{head}: {lines[first]}"
            return


# --- the import graph of docs/architecture.rst ----------------------------------------------------------------


def import_graph() -> dict[str, dict[str, Any]]:
    """For each module of kzlaw: its lines, and the kzlaw modules it imports at module level and in functions."""
    package = ROOT / "kzlaw"

    def name(p: Path) -> str:
        parts = list(p.relative_to(ROOT).with_suffix("").parts)
        return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)

    modules = {name(p): p for p in sorted(package.rglob("*.py"))}

    def targets(node: ast.AST, module: str, is_package: bool) -> set[str]:
        if isinstance(node, ast.Import):
            found = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                here = module.split(".") if is_package else module.split(".")[:-1]
                base = ".".join([*here[: len(here) - node.level + 1], *([node.module] if node.module else [])])
            found = [f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base for a in node.names]
        else:
            return set()
        return {n for n in found if (n == "kzlaw" or n.startswith("kzlaw.")) and n != module}

    graph = {}
    for module, path in modules.items():
        text = path.read_text(encoding="utf-8")
        tree = ast.parse(text)
        is_package = path.name == "__init__.py"
        top = set().union(*(targets(n, module, is_package) for n in tree.body))
        lazy: set[str] = set()
        for fn in ast.walk(tree):
            if isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
                lazy |= set().union(*(targets(n, module, is_package) for n in ast.walk(fn)))
        graph[module] = {"lines": len(text.splitlines()), "top": top, "lazy": lazy - top}
    return graph


def _import_table(app: Any) -> None:
    from docutils.parsers.rst import Directive
    from docutils.statemachine import StringList

    class ImportTable(Directive):
        """``.. kzlaw-import-table::``: every module, its size, and what it imports, read from the source."""

        def run(self) -> list[Any]:
            def short(names: set[str]) -> str:
                return ", ".join(f"``{n.removeprefix('kzlaw.')}``" for n in sorted(names)) or "--"

            # Declare each module here (a target for :mod: links) unless a page documents it with automodule.
            elsewhere = set()
            for page in DOCS.glob("*.rst"):
                elsewhere |= set(re.findall(r"^\.\. automodule:: (\S+)", page.read_text(encoding="utf-8"), re.M))
            graph = import_graph()
            rows = [f".. py:module:: {m}" for m in graph if m not in elsewhere]
            rows += ["", ".. py:currentmodule:: None", ""]
            rows += [".. list-table::", "   :header-rows: 1", "   :widths: 22 8 40 30", ""]
            rows += ["   * - module", "     - lines", "     - imports at module level", "     - imports in functions"]
            for module, info in graph.items():
                rows += [f"   * - :mod:`{module}`", f"     - {info['lines']}"]
                rows += [f"     - {short(info['top'])}", f"     - {short(info['lazy'])}"]
            from docutils import nodes

            container = nodes.container()
            self.state.nested_parse(StringList(rows, source="kzlaw-import-table"), self.content_offset, container)
            return list(container.children)

    app.add_directive("kzlaw-import-table", ImportTable)


def _keep_outputs_in_build(app: Any) -> None:
    """MyST-NB writes executed notebooks beside the output folder; keep them in docs/_build, never the repo root."""
    config = getattr(app.env, "mystnb_config", None)
    if config is not None:
        app.env.mystnb_config = config.copy(output_folder=str(BUILD / "jupyter_execute"))


def setup(app: Any) -> dict[str, Any]:
    app.connect("missing-reference", _resolve_kzlaw)
    app.connect("autodoc-process-docstring", _prose_is_not_a_type, priority=900)
    app.connect("builder-inited", _keep_outputs_in_build, priority=900)
    _import_table(app)
    if MISSING_INVENTORIES:
        print(f"kzlaw docs: no intersphinx inventory for {', '.join(MISSING_INVENTORIES)}; those links are left out")
    return {"parallel_read_safe": True}
