"""Every public name of kzlaw is in the API reference (docs/api.rst) and has a docstring."""

from __future__ import annotations

import importlib
import inspect
import re
from pathlib import Path

import pytest
from sphinx.pycode import ModuleAnalyzer

import kzlaw

API = Path(__file__).resolve().parent.parent / "docs" / "api.rst"
#: The autodoc directives of the page and the names they document.
DIRECTIVE = re.compile(r"^\.\. auto(?:class|function|data|exception|method|attribute)::\s+(\S+)\s*$", re.M)


def documented() -> set[str]:
    return set(DIRECTIVE.findall(API.read_text(encoding="utf-8")))


def test_the_page_is_read() -> None:
    names = documented()
    assert "kzlaw.Version" in names
    assert "kzlaw.load" in names
    assert "kzlaw.change.CHANGE_KINDS" in names
    assert not any(n.startswith("kzlaw.kzlaw") for n in names)


def where_documented(name: str) -> str | None:
    """The name under which api.rst documents ``kzlaw.<name>``.

    Classes and functions are documented as ``kzlaw.<name>``; a constant under the module whose ``#:`` comment
    documents it (``kzlaw.change.CHANGE_KINDS``), since that comment is its docstring.
    """
    obj = getattr(kzlaw, name)
    if inspect.isclass(obj) or inspect.isroutine(obj):
        return f"kzlaw.{name}" if f"kzlaw.{name}" in documented() else None
    for full in sorted(documented()):
        module, _, attr = full.rpartition(".")
        if attr == name and module.startswith("kzlaw.") and getattr(importlib.import_module(module), name, None) is obj:
            return full
    return None


@pytest.mark.parametrize("name", kzlaw.__all__)
def test_every_public_name_is_documented(name: str) -> None:
    assert where_documented(name), f"add '.. auto...:: kzlaw.{name}' (a constant: its module's name) to docs/api.rst"


def _docstring(module: str, name: str) -> str:
    obj = getattr(importlib.import_module(module), name)
    if inspect.isclass(obj) or inspect.isroutine(obj):
        return inspect.cleandoc(obj.__doc__ or "")  # its own, not one inherited from a base class
    # A constant's documentation is the '#:' comment above its assignment, in the module that defines it.
    docs = ModuleAnalyzer.for_module(module).find_attr_docs()
    return "\n".join(docs.get(("", name), []))


@pytest.mark.parametrize("name", kzlaw.__all__)
def test_every_public_name_has_a_docstring(name: str) -> None:
    full = where_documented(name) or f"kzlaw.{name}"
    module = full.rpartition(".")[0] if full != f"kzlaw.{name}" else kzlaw._NAMES[name]
    doc = _docstring(module, name)
    assert len(doc.split()) >= 3, f"kzlaw.{name} has no docstring (a constant needs a '#:' comment)"


def test_a_missing_docstring_is_caught() -> None:
    assert _docstring("kzlaw.change", "CHANGE_KINDS").startswith("Every kind")
    assert _docstring("kzlaw.worddiff", "Ops") == ""  # an alias without a '#:' comment
