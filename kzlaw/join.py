"""Figures joined to the law: each enforcement figure with the version of its article in force, and its penalties.

:class:`Joiner` reads, once per version, the imprisonment range of each part, the gravity, the Protocol means the
base offence requires and whether it covers every act, and each benchmark's outcome (:class:`PartPenalty`), and
joins a figure to them as a :class:`Row`. :mod:`kzlaw.practice` derives its measures from the rows.
"""

from __future__ import annotations

from collections.abc import Iterable

from attrs import field, frozen

from kzlaw.alignment import align
from kzlaw.corpus import Corpus
from kzlaw.enforcement import UNSPECIFIED, Figure
from kzlaw.frozen import FrozenMap, frozen_map
from kzlaw.model import Version
from kzlaw.penalties import BENCHMARKS, compare_penalties
from kzlaw.protocol import elements
from kzlaw.words import months_text

__all__ = ["Joiner", "PartPenalty", "Row", "duration", "span", "verdict"]


@frozen
class PartPenalty:
    """What one part of the version in force prescribes, as :func:`kzlaw.compare_penalties` reads it.

    ``life`` is ``None`` where the imprisonment range is not attested; ``benchmarks`` maps each benchmark id to
    its outcome for this part.
    """

    number: str
    min_months: int | None
    max_months: int | None
    life: bool | None
    gravity: str
    non_custodial_option: bool | None
    benchmarks: FrozenMap[str, str] = field(converter=frozen_map)


@frozen
class Row:
    """A figure joined to the version of its article in force in its period.

    ``status`` is ``in force``, ``start uncertain`` (the only version held may have started later), ``ambiguous``
    (``candidates`` lists the versions the sources leave open), ``not in force``, ``no article`` or ``several
    articles`` (the source names ``refs_named`` without splitting the figure). The penalties, gravity and
    benchmarks are those of the part the figure names, else of all parts (the maximum is the highest, the minimum
    the lowest); a benchmark is ``mixed`` when its outcome depends on the part.
    """

    figure: Figure
    status: str
    article: str | None = None
    version: str | None = None
    candidates: tuple[str, ...] = ()
    parts: tuple[PartPenalty, ...] = ()
    imprisonment_min_months: int | None = None
    imprisonment_max_months: int | None = None
    life: bool | None = None
    gravity: str | None = None
    means_required: tuple[str, ...] = ()
    all_acts: bool | None = None
    benchmarks: FrozenMap[str, str] = field(factory=FrozenMap, converter=frozen_map)
    remarks: tuple[str, ...] = ()

    @property
    def top(self) -> float:
        """The maximum as a number to compare: months, ``inf`` for life, ``-1`` where unknown or not joined."""
        if self.life:
            return float("inf")
        return float(-1 if self.imprisonment_max_months is None else self.imprisonment_max_months)


class Joiner:
    """Joins figures to versions, computing each version's penalties and alignment once."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self._law: dict[str, tuple[tuple[PartPenalty, ...], tuple[str, ...], bool]] = {}

    def label(self, ref: str) -> str:
        """``Criminal Code 1997, art. 271`` for ``cc1997/271``."""
        code, number = ref.split("/", 1)
        found = self.corpus.codes.get(code)
        return f"{found.label if found else code}, art. {number}"

    def labels(self, refs: Iterable[str]) -> str:
        """``Criminal Code 2014, arts. 128, 134 and 308`` for articles of one code (codes in turn)."""
        by_code: dict[str, list[str]] = {}
        for ref in refs:
            by_code.setdefault(ref.split("/", 1)[0], []).append(ref.split("/", 1)[1])
        out = []
        for code, numbers in by_code.items():
            found = self.corpus.codes.get(code)
            listed = numbers[0] if len(numbers) == 1 else f"{', '.join(numbers[:-1])} and {numbers[-1]}"
            out.append(f"{found.label if found else code}, art{'s' * (len(numbers) > 1)}. {listed}")
        return "; ".join(out)

    def _of(self, v: Version) -> tuple[tuple[PartPenalty, ...], tuple[str, ...], bool]:
        if v.ref not in self._law:
            parts = tuple(
                PartPenalty(
                    r.part,
                    r.imprisonment_min_months,
                    r.imprisonment_max_months,
                    r.life,
                    r.gravity,
                    r.non_custodial_option,
                    {k: b.outcome for k, b in r.benchmarks.items()},
                )
                for r in compare_penalties(v, corpus=self.corpus).rows
            )
            a = align(v, self.corpus)
            means = tuple(r.element for r in a if r.status == "constitutive" and r.element.startswith("means."))
            acts = all(a[e.id].status == "constitutive" for e in elements("act"))
            self._law[v.ref] = (parts, means, acts)
        return self._law[v.ref]

    def __call__(self, f: Figure, ref: str | None = None) -> Row:
        """The row of ``f``, joined to ``ref`` (by default the figure's own article)."""
        ref = ref or f.ref
        if ref == UNSPECIFIED:
            if f.refs_named:
                return Row(f, "several articles", remarks=(f"names {', '.join(f.refs_named)} without splitting",))
            return Row(f, "no article")
        art = self.corpus.article(ref)
        day = f.period.day()
        found = art.candidates(day)
        if len(found) != 1:
            status = "ambiguous" if found else "not in force"
            return Row(f, status, ref, candidates=tuple(v.ref for v in found), remarks=(f"{status} on {day}",))
        v = found[0]
        edges = {w.ref for d in (f.period.start, f.period.end) if d for w in art.candidates(d)} - {v.ref}
        penalties, means, all_acts = self._of(v)
        rel = tuple(p for p in penalties if f.part in (None, p.number))
        known = all(p.life is not None for p in rel)
        life = any(p.life for p in rel) if known else None
        lows = [p.min_months for p in rel]
        high = None if not known or life else max((p.max_months or 0 for p in rel), default=None)
        return Row(
            figure=f,
            status="in force" if v.in_force_on(day) == "yes" else "start uncertain",
            article=ref,
            version=v.ref,
            candidates=(v.ref,),
            parts=rel,
            imprisonment_min_months=None if not known or not lows or None in lows else min(x or 0 for x in lows),
            imprisonment_max_months=high,
            life=life,
            gravity=self.corpus.codes[v.code].gravity_of(high, bool(life)) if known else None,
            means_required=means,
            all_acts=all_acts,
            benchmarks={b: verdict(rel, b) for b in BENCHMARKS},
            remarks=(f"also possibly in force during {f.period.label}: {', '.join(sorted(edges))}",) * bool(edges),
        )


def verdict(parts: Iterable[PartPenalty], bid: str) -> str:
    """One benchmark's outcome over several parts: theirs if they agree, else ``mixed`` (or ``unknown``)."""
    seen = {p.benchmarks[bid] for p in parts} - {"not applicable"}
    if len(seen) < 2:
        return seen.pop() if seen else "not applicable"
    return "unknown" if "unknown" in seen else "mixed"


def span(low: int | None, high: int) -> str:
    """A range of months in words: ``5-10 years``, ``up to 5 years``."""
    if not low:
        return f"up to {months_text(high)}"
    return (
        f"{low // 12}-{high // 12} years"
        if low % 12 == high % 12 == 0
        else f"{months_text(low)} to {months_text(high)}"
    )


def duration(months: float) -> str:
    """A term in months in words, ``life`` for an infinite one."""
    return "life" if months == float("inf") else months_text(int(months))
