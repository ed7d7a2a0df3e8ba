"""Reading enforcement files: ``statutes/enforcement.toml`` through the one converter, checked against the corpus.

:func:`read_enforcement` (what :func:`kzlaw.enforcement.load_enforcement` calls) reads the file with
:func:`kzlaw.tomlparse.read_toml`, structures it with :func:`kzlaw.convert.structure` (the classes of
:mod:`kzlaw.enforcement` check their own invariants), then checks what needs the corpus: articles and parts held,
sources known, periods inside the code's period, and figures that break a stated total not summing above it.
"""

from __future__ import annotations

import functools
from pathlib import Path

from attrs import frozen

from kzlaw.convert import file_converter, structure
from kzlaw.corpus import Corpus, resolve_corpus
from kzlaw.enforcement import _GENERIC, UNSPECIFIED, Enforcement, Figure, Period, _structure_period
from kzlaw.errors import (
    PeriodError,
    TotalExceededError,
    UnknownNameError,
)
from kzlaw.tomlparse import read_toml

__all__ = ["default_file", "read_enforcement"]


@frozen
class _File:
    figure: tuple[Figure, ...] = ()


@functools.cache
def _hooks() -> None:
    """Teach the one statute-file converter the period forms (done once)."""
    file_converter().register_structure_hook(Period, _structure_period)


def default_file(corpus: Corpus) -> Path:
    """The corpus folder's ``enforcement.toml``, else the bundled one."""
    from kzlaw.bundled import bundled_path

    own = Path(corpus.root) / "enforcement.toml" if corpus.root else None
    return own if own is not None and own.is_file() else bundled_path() / "enforcement.toml"


def read_enforcement(path: str | Path | None = None, corpus: Corpus | None = None) -> Enforcement:
    """Load and check an enforcement file: the corpus folder's (else the bundled) ``enforcement.toml``, or ``path``.

    Raises:
        StatuteError: A figure is not valid; the message names the file and the field. An unknown article, part,
            measure or source (:class:`~kzlaw.errors.UnknownNameError`), a negative count
            (:class:`~kzlaw.errors.RangeError`), a period outside the article's code
            (:class:`~kzlaw.errors.PeriodError`), a missing quote (:class:`~kzlaw.errors.StatuteSchemaError`),
            parts summing above their stated total (:class:`~kzlaw.errors.TotalExceededError`).
    """
    corpus = resolve_corpus(corpus)
    file = Path(path) if path is not None else default_file(corpus)
    name = str(file)
    raw = read_toml(file)
    _hooks()
    figures = structure(raw, _File, name).figure
    for i, f in enumerate(figures):
        _check(name, f"figure[{i}]", f, corpus)
    _check_totals(name, figures)
    return Enforcement(figures, name)


def _check(file: str, at: str, f: Figure, corpus: Corpus) -> None:
    """What needs the corpus: the source document, the articles and part, the code's period."""
    if f.source.document not in corpus.sources:
        problem = f"unknown source document {f.source.document!r}; add it to sources.toml"
        raise UnknownNameError(file, f"{at}.source.document", problem)
    named = [("ref", f.ref)] if f.ref != UNSPECIFIED else [(f"refs_named[{i}]", r) for i, r in enumerate(f.refs_named)]
    for where, ref in named:
        art = corpus.articles.get(ref)
        if art is None:
            held = ", ".join(a.ref for a in corpus.select(ref.split("/")[0], None)) or "none"
            raise UnknownNameError(file, f"{at}.{where}", f"article {ref!r} is not in the corpus (held: {held})")
        parts = sorted({p.number for v in art.versions for p in v.parts})
        if where == "ref" and f.part is not None and f.part not in parts:
            raise UnknownNameError(file, f"{at}.part", f"{ref} has no part {f.part!r}; its parts: {', '.join(parts)}")
        code = corpus.codes[art.code]
        begin, stop, p = code.in_force_from, code.in_force_to, f.period
        if (p.start or p.end) < begin or (stop is not None and p.end >= stop):
            span = f"{begin} to {stop or 'now'}"
            why = f"{p.label} lies outside the validity of {code.label} ({art.code}: {span}): {ref} cannot apply"
            raise PeriodError(file, f"{at}.period", why)


def _check_totals(file: str, figures: tuple[Figure, ...]) -> None:
    """Refuse figures that sum above the figure stating their total (sentences above the convictions too).

    A figure generic in one dimension is the total of the figures of the same source, period and measure that are
    specific in that dimension and equal in all others. An article's part counts under the article unless the
    whole article's figure is given too; sentences imposed count under the convictions.
    """
    groups: dict[tuple[str, str], list[tuple[int, Figure]]] = {}
    for i, f in enumerate(figures):
        groups.setdefault((f.source.document, f.period.label), []).append((i, f))
    for group in groups.values():
        for t, total in group:
            for dim, generic in _GENERIC.items():
                if total.dims()[dim] != generic:
                    continue
                measure = total.measure
                if dim == "sentence":  # sentences break down their total, and the convictions they follow
                    if measure not in ("sentences_imposed", "convictions"):
                        continue
                    measure = "sentences_imposed"
                free = {"ref": UNSPECIFIED, "part": None} if dim == "ref" else {dim: generic}
                parts = [
                    (i, f)
                    for i, f in group
                    if f.measure == measure and f.dims()[dim] != generic and f.dims() | free == total.dims() | free
                ]
                whole = {f.ref for _, f in parts if f.part is None}
                parts = [(i, f) for i, f in parts if f.part is None or dim != "ref" or f.ref not in whole]
                n = sum(f.count for _, f in parts)
                if n > total.count:
                    listed = " + ".join(f"{f.count} (figure[{i}])" for i, f in parts)
                    raise TotalExceededError(file, f"figure[{t}].count", f"{listed} = {n} > {total.count}, its total")
