"""Comparing penalties: per part, across articles, versions and codes, against benchmarks.

Each row is one part of one version: its main options, the imprisonment range in months, whether
custody is mandatory, the additional penalties, the gravity category under the code's own rule,
and the result of each benchmark. Where the data does not confirm a figure the row says "unknown"
and why; it never fills in a number.

>>> import kzlaw
>>> table = kzlaw.compare_penalties("cc1997/271@2010-01-01", "cc1997/128@2010-01-01")
>>> [(r.ref, r.part, r.imprisonment_max_months) for r in table.rows if r.is_base or r.is_most_aggravated]
[('cc1997/271@2010-01-01', '1', 36), ('cc1997/271@2010-01-01', '2', 60),
 ('cc1997/128@2006-03-02', '1', 60), ('cc1997/128@2006-03-02', '4', 180)]
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from attrs import field, frozen

from kzlaw.corpus import Corpus, resolve_corpus
from kzlaw.display import Presentable
from kzlaw.frozen import FrozenMap, frozen_map
from kzlaw.model import Article, Part, Version
from kzlaw.refs import Ref
from kzlaw.sanction import severity_key
from kzlaw.words import months_text

__all__ = [
    "BENCHMARKS",
    "Benchmark",
    "BenchmarkResult",
    "Outcome",
    "PenaltyRow",
    "PenaltyTable",
    "compare_penalties",
    "gravity",
    "penalty_history",
]

#: What a benchmark says of a part.
Outcome = Literal["meets", "below", "unknown", "not applicable", "judgement"]


@frozen
class Benchmark:
    """An international or national yardstick for a penalty, with its fixed id, a label and its source."""

    id: str
    rule: str
    source: str
    months: int | None = None
    label: str = ""


#: The benchmarks kzlaw checks, by fixed id (shared/reference/benchmarks.md).
BENCHMARKS: Mapping[str, Benchmark] = {
    b.id: b
    for b in (
        Benchmark(
            "untoc.serious_crime",
            "a maximum deprivation of liberty of at least four years makes a 'serious crime'",
            "UN Convention against Transnational Organized Crime (2000), art. 2(b)",
            48,
            "UN Convention: serious crime (maximum of 4 years or more)",
        ),
        Benchmark(
            "tip.prescribed_max4",
            "the prescribed penalty allows a maximum of at least four years of imprisonment",
            "US TIP Report 2009, prosecution minimum standards guidance",
            48,
            "US TIP Report: maximum of 4 years or more",
        ),
        Benchmark(
            "eu.directive_2011_36.base",
            "a maximum of at least five years for the trafficking offence (applies to the base part)",
            "Directive 2011/36/EU, art. 4(1)",
            60,
            "EU Directive, base offence: maximum of 5 years or more",
        ),
        Benchmark(
            "eu.directive_2011_36.aggravated",
            "a maximum of at least ten years in aggravated cases (applies to the most aggravated part)",
            "Directive 2011/36/EU, art. 4(2)",
            120,
            "EU Directive, aggravated: maximum of 10 years or more",
        ),
        Benchmark(
            "kz.rape",
            "at least as severe as the same code's rape article on the same date, base with base and maximum "
            "with maximum",
            "the code's rape article (art. 120 of both codes, named in codes.toml)",
            None,
            "As severe as rape in the same code",
        ),
        Benchmark(
            "tvpa.stringent",
            "sufficiently stringent to deter and, for sex trafficking, commensurate with grave crimes such as rape",
            "US Trafficking Victims Protection Act, 22 U.S.C. 7106(a)(2)-(3)",
            None,
            "US TVPA: sufficiently stringent (a judgement)",
        ),
    )
}


@frozen
class BenchmarkResult:
    """One benchmark applied to one row: an outcome and the figures behind it."""

    id: str
    outcome: Outcome
    detail: str


@frozen
class PenaltyRow(Presentable):
    """One part of one version, as the comparison reads it."""

    ref: str
    article: str
    code: str
    part: str
    part_id: str
    options: tuple[str, ...]
    additional: tuple[str, ...]
    imprisonment_min_months: int | None
    imprisonment_max_months: int | None
    min_stated: bool
    life: bool | None
    custody_mandatory: bool | None
    non_custodial_option: bool | None
    gravity: str
    is_base: bool
    is_most_aggravated: bool
    unknown: str | None
    benchmarks: FrozenMap[str, BenchmarkResult] = field(converter=frozen_map)

    def range_text(self) -> str:
        """The imprisonment range in words (``5-15 years``, ``up to 5 years``, ``unknown``)."""
        if self.life is None:
            return "unknown"
        if self.life:
            least = months_text(self.imprisonment_min_months) if self.imprisonment_min_months else "unstated"
            return f"{least} to life"
        if self.imprisonment_max_months is None:
            return "unknown" if self.unknown else "no imprisonment"
        high = months_text(self.imprisonment_max_months)
        if not self.min_stated:
            return f"up to {high}"
        low = self.imprisonment_min_months or 0
        if low % 12 == 0 and self.imprisonment_max_months % 12 == 0:
            return f"{low // 12}-{self.imprisonment_max_months // 12} years"
        return f"{months_text(low)} to {high}"

    def severity(self) -> tuple[float, float]:
        """The one severity key (:func:`kzlaw.sanction.severity_key`): life highest, unknown lowest."""
        known = self.life is not None
        return severity_key(known, bool(self.life), self.imprisonment_max_months, self.imprisonment_min_months)


@frozen
class PenaltyTable(Presentable):
    """Rows of :class:`PenaltyRow`, in the order the versions were given."""

    rows: tuple[PenaltyRow, ...]

    def by_severity(self) -> tuple[PenaltyRow, ...]:
        """The rows from the most to the least severe (unknown last)."""
        return tuple(sorted(self.rows, key=PenaltyRow.severity, reverse=True))

    def for_ref(self, ref: str) -> tuple[PenaltyRow, ...]:
        """The rows of one version."""
        return tuple(r for r in self.rows if r.ref == ref)

    def __iter__(self) -> Any:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def __repr__(self) -> str:
        refs = list(dict.fromkeys(r.ref for r in self.rows))
        shown = ", ".join(refs[:4]) + (f" and {len(refs) - 4} more" if len(refs) > 4 else "")
        return f"<PenaltyTable {len(self.rows)} parts of {len(refs)} versions: {shown}>"


def gravity(part: Part, version: Version, corpus: Corpus) -> str:
    """The part's gravity category under its code's own rule (1997 art. 10, 2014 art. 11).

    Intentional offences are classed by the maximum term of imprisonment; a part with no
    imprisonment option is of the lightest category; life makes it the gravest. ``"unknown"`` when
    the imprisonment range is not attested.
    """
    s = part.sanction
    if not s.imprisonment_known:
        return "unknown"
    return corpus.codes[version.code].gravity_of(s.imprisonment_months()[1], s.life)


def _rape(version: Version, corpus: Corpus, which: str) -> tuple[tuple[int | None, bool] | None, str]:
    """The rape article's (max months, life) for the base or most aggravated part on the version's day."""
    article = corpus.comparison(version, "rape")
    day = version.reference_day()
    if article is None or day is None:
        return None, f"no rape article of {version.code} is held"
    ref = article.ref
    figures = set()
    for v in article.candidates(day):
        part = v.parts[0] if which == "base" else max(v.parts, key=lambda p: p.sanction.severity())
        figures.add((part.sanction.imprisonment_months()[1], part.sanction.life, v.ref, part.number))
    if not figures:
        return None, f"no version of {ref} is in force on {day}"
    distinct = {(m, life) for m, life, _, _ in figures}
    if len(distinct) > 1:
        return None, f"the version of {ref} in force on {day} is uncertain and the candidates differ"
    (m, life, vref, number), *_ = sorted(figures)
    return (m, life), f"{vref} part {number}"


def _benchmarks(row: dict[str, Any], version: Version, corpus: Corpus) -> dict[str, BenchmarkResult]:
    high, life, unknown = row["imprisonment_max_months"], row["life"], row["unknown"]
    out: dict[str, BenchmarkResult] = {}

    def threshold(bid: str, applies: bool, what: str) -> BenchmarkResult:
        limit = BENCHMARKS[bid].months or 0
        if not applies:
            return BenchmarkResult(bid, "not applicable", f"applies to the {what} only")
        if life is None or (unknown and high is None and not life):
            return BenchmarkResult(bid, "unknown", unknown or "the imprisonment range is not attested")
        if life:
            return BenchmarkResult(bid, "meets", "life imprisonment is available")
        if high is None:
            return BenchmarkResult(bid, "below", "no imprisonment is available")
        verdict: Outcome = "meets" if high >= limit else "below"
        return BenchmarkResult(bid, verdict, f"maximum {months_text(high)} against {months_text(limit)}")

    out["untoc.serious_crime"] = threshold("untoc.serious_crime", True, "")
    tip = threshold("tip.prescribed_max4", True, "")
    if row["non_custodial_option"]:
        tip = BenchmarkResult(
            tip.id, tip.outcome, tip.detail + "; a fine or other non-custodial penalty may be imposed instead of prison"
        )
    out["tip.prescribed_max4"] = tip
    out["eu.directive_2011_36.base"] = threshold("eu.directive_2011_36.base", row["is_base"], "base part")
    out["eu.directive_2011_36.aggravated"] = threshold(
        "eu.directive_2011_36.aggravated", row["is_most_aggravated"], "most aggravated part"
    )
    if not (row["is_base"] or row["is_most_aggravated"]):
        out["kz.rape"] = BenchmarkResult(
            "kz.rape", "not applicable", "compares base with base and maximum with maximum"
        )
    else:
        rape, where = _rape(version, corpus, "base" if row["is_base"] else "max")
        if rape is None or life is None or (unknown and high is None and not life):
            out["kz.rape"] = BenchmarkResult("kz.rape", "unknown", unknown or where)
        else:
            r_high, r_life = rape
            ours = float("inf") if life else float(high if high is not None else -1)
            theirs = float("inf") if r_life else float(r_high if r_high is not None else -1)
            theirs_text = "life" if r_life else months_text(r_high)
            ours_text = "life" if life else months_text(high)
            outcome: Outcome = "meets" if ours >= theirs else "below"
            out["kz.rape"] = BenchmarkResult(
                "kz.rape", outcome, f"maximum {ours_text} against rape {theirs_text} ({where})"
            )
    out["tvpa.stringent"] = BenchmarkResult(
        "tvpa.stringent", "judgement", "a judgement the TVPA leaves to the reader; see kz.rape and tip.prescribed_max4"
    )
    return out


def _rows(version: Version, corpus: Corpus) -> list[PenaltyRow]:
    parts = version.parts
    if not parts:
        return []
    top = max(parts, key=lambda p: p.sanction.severity())
    rows = []
    for part in parts:
        s = part.sanction
        low, high = s.imprisonment_months()
        known = s.imprisonment_known
        unknown = None
        if not known:
            unknown = s.unknown or "the imprisonment range is not confirmed by the sources"
        elif s.unknown:
            unknown = s.unknown
        row: dict[str, Any] = {
            "imprisonment_max_months": high if known else None,
            "life": s.life if known else None,
            "unknown": unknown,
            "non_custodial_option": (not s.custodial_only) if s.fully_known else None,
            "is_base": part is parts[0],
            "is_most_aggravated": part is top and len(parts) > 1,
        }
        terms = [p for p in s.imprisonment() if not p.lifetime]
        rows.append(
            PenaltyRow(
                ref=version.ref,
                article=version.article_ref,
                code=version.code,
                part=part.number,
                part_id=part.id,
                options=tuple(str(p) for p in s.main),
                additional=tuple(str(p) for p in s.additional),
                imprisonment_min_months=low if known else None,
                imprisonment_max_months=row["imprisonment_max_months"],
                min_stated=bool(terms) and all(p.minimum is not None for p in terms),
                life=row["life"],
                custody_mandatory=s.custodial_only if s.fully_known else None,
                non_custodial_option=row["non_custodial_option"],
                gravity=gravity(part, version, corpus),
                is_base=row["is_base"],
                is_most_aggravated=row["is_most_aggravated"],
                unknown=unknown,
                benchmarks=_benchmarks(row, version, corpus),
            )
        )
    return rows


def compare_penalties(*items: Version | Article | str | Ref, corpus: Corpus | None = None) -> PenaltyTable:
    """A penalty table for versions, articles (all their versions) or references.

    >>> import kzlaw
    >>> t = kzlaw.compare_penalties("cc2014/308@2022-06-01")
    >>> [(r.part, r.imprisonment_max_months, r.gravity, r.non_custodial_option) for r in t.rows]
    [('1', 36, 'medium gravity', True), ('2', 72, 'grave', False), ('3', 84, 'grave', False)]
    """
    corpus = resolve_corpus(corpus)
    rows = [row for v in corpus.versions(*items) for row in _rows(v, corpus)]
    return PenaltyTable(tuple(rows))


def penalty_history(ref: str | Ref | Article, corpus: Corpus | None = None) -> PenaltyTable:
    """The penalties of an article over all its versions and those of its predecessors and successors.

    >>> import kzlaw
    >>> rows = kzlaw.penalty_history("cc2014/128").rows
    >>> [(r.ref, r.imprisonment_max_months) for r in rows if r.is_most_aggravated]
    [('cc1997/128@2006-03-01', 96), ('cc1997/128@2006-03-02', 180), ('cc1997/128@2013-anti-trafficking', 180),
     ('cc2014/128@2015-01-01', 180), ('cc2014/128@292-VI', 180), ('cc2014/128@111-VIII', 180)]
    """
    corpus = resolve_corpus(corpus)
    return compare_penalties(*corpus.history(ref if isinstance(ref, Article) else corpus.article(ref)), corpus=corpus)
