"""The words a person reads for codes, articles, versions, laws, tags, Protocol elements and benchmarks.

>>> article_label("cc1997/128")
'Criminal Code 1997, art. 128'
>>> element_label("means.abuse_of_vulnerability")
'the abuse of a position of vulnerability'
"""

from __future__ import annotations

import functools
from typing import Any

from kzlaw.protocol import ELEMENTS
from kzlaw.refs import parse_ref

__all__ = [
    "article_label",
    "benchmark_label",
    "code_label",
    "element_label",
    "law_label",
    "tag_label",
    "version_label",
    "version_label_ref",
]


@functools.cache
def _registries() -> Any:
    from kzlaw.corpus import resolve_corpus

    return resolve_corpus(None)


def code_label(code_id: str) -> str:
    """``Criminal Code 1997`` for ``cc1997`` (the code's short title), else the id."""
    code = _registries().codes.get(code_id)
    return code.label if code is not None else code_id


def article_label(ref: str) -> str:
    """``Criminal Code 1997, art. 128`` for ``cc1997/128`` (or any version reference of it)."""
    r = parse_ref(ref)
    return f"{code_label(r.code)}, art. {r.article}"


def law_label(law_id: str | None) -> str:
    """``Law No. 292-VI of 27 December 2019`` for ``292-VI``; ``not stated`` for ``None``."""
    if law_id is None:
        return "not stated"
    law = _registries().laws.get(law_id)
    return law.label if law is not None else f"Law No. {law_id}"


def version_label(version: Any) -> str:
    """``Criminal Code 1997, art. 128, as amended by the law of March 2006`` (or ``original text``)."""
    base = article_label(version.article_ref)
    law = version.amended_by
    if law is None:
        end = version.valid_to.date if version.valid_to is not None else None
        return f"{base}, as worded before {end.isoformat()}" if end else f"{base}, in force from {version.valid_from}"
    registry = _registries()
    code = registry.codes.get(version.code)
    if code is not None and code.number and law == code.number:
        return f"{base}, original text"
    return f"{base}, as amended by {law_label(law)}"


def version_label_ref(ref: str) -> str:
    """:func:`version_label` for a version reference (the bundled corpus resolves it), else the article label."""
    try:
        return version_label(_registries().version(ref))
    except Exception:  # a reference to data the bundled corpus does not hold
        return article_label(ref)


def tag_label(tag: str) -> str:
    """The vocabulary's words for a tag (``material or other dependence``), else the tag."""
    info = _registries().tags.get(tag)
    return info.label if info is not None else tag.replace("_", " ")


def element_label(element_id: str) -> str:
    """The Protocol's words for an element (``the abuse of a position of vulnerability``)."""
    element = ELEMENTS.get(element_id)
    return element.words if element is not None else element_id


def benchmark_label(benchmark_id: str) -> str:
    """A benchmark's label (``EU Directive, base offence: maximum of 5 years or more``)."""
    from kzlaw.penalties import BENCHMARKS

    b = BENCHMARKS.get(benchmark_id)
    return b.label or b.id if b is not None else benchmark_id
