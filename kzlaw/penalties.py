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

import html
from collections.abc import Mapping
from typing import Any, Literal

from attrs import frozen

from kzlaw.errors import KzlawError
from kzlaw.load import load
from kzlaw.model import Article, Corpus, Part, Version
from kzlaw.refs import parse_ref
from kzlaw.render import CSS

__all__ = [
    "BENCHMARKS",
    "Benchmark",
    "BenchmarkResult",
    "PenaltyRow",
    "PenaltyTable",
    "compare_penalties",
    "gravity",
    "penalty_history",
]

Outcome = Literal["meets", "below", "unknown", "not applicable", "judgement"]


@frozen
class Benchmark:
    """An international or national yardstick for a penalty, with its fixed id and source."""

    id: str
    rule: str
    source: str
    months: int | None = None


#: The benchmarks kzlaw checks, by fixed id (shared/reference/benchmarks.md).
BENCHMARKS: Mapping[str, Benchmark] = {
    b.id: b
    for b in (
        Benchmark(
            "untoc.serious_crime",
            "a maximum deprivation of liberty of at least four years makes a 'serious crime'",
            "UN Convention against Transnational Organized Crime (2000), art. 2(b)",
            48,
        ),
        Benchmark(
            "tip.prescribed_max4",
            "the prescribed penalty allows a maximum of at least four years of imprisonment",
            "US TIP Report 2009, prosecution minimum standards guidance",
            48,
        ),
        Benchmark(
            "eu.directive_2011_36.base",
            "a maximum of at least five years for the trafficking offence (applies to the base part)",
            "Directive 2011/36/EU, art. 4(1)",
            60,
        ),
        Benchmark(
            "eu.directive_2011_36.aggravated",
            "a maximum of at least ten years in aggravated cases (applies to the most aggravated part)",
            "Directive 2011/36/EU, art. 4(2)",
            120,
        ),
        Benchmark(
            "kz.rape",
            "at least as severe as the same code's rape article on the same date, base with base and maximum "
            "with maximum",
            "cc1997 and cc2014 art. 120 (shared/reference/cc2014.md)",
        ),
        Benchmark(
            "tvpa.stringent",
            "sufficiently stringent to deter and, for sex trafficking, commensurate with grave crimes such as rape",
            "US Trafficking Victims Protection Act, 22 U.S.C. 7106(a)(2)-(3)",
        ),
    )
}


@frozen
class BenchmarkResult:
    """One benchmark applied to one row: an outcome and the figures behind it."""

    id: str
    outcome: Outcome
    detail: str

    def to_dict(self) -> dict[str, str]:
        """The JSON form: ``outcome`` and ``detail``."""
        return {"outcome": self.outcome, "detail": self.detail}


@frozen
class PenaltyRow:
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
    life: bool
    custody_mandatory: bool | None
    non_custodial_option: bool | None
    gravity: str
    is_base: bool
    is_most_aggravated: bool
    unknown: str | None
    benchmarks: Mapping[str, BenchmarkResult]

    def range_text(self) -> str:
        """The imprisonment range in words (``5-15 years``, ``up to 5 years``, ``unknown``)."""
        if self.unknown and self.imprisonment_max_months is None:
            return "unknown"
        if self.life:
            low = _years(self.imprisonment_min_months) if self.imprisonment_min_months else "?"
            return f"{low} years to life"
        if self.imprisonment_max_months is None:
            return "no imprisonment"
        high = _years(self.imprisonment_max_months)
        unit = "year" if high == "1" else "years"
        if not self.min_stated:
            return f"up to {high} {unit}"
        return f"{_years(self.imprisonment_min_months)}-{high} years"

    def severity(self) -> tuple[float, float]:
        """A sort key: maximum, then minimum (life highest, unknown lowest)."""
        if self.life:
            return (float("inf"), float(self.imprisonment_min_months or 0))
        if self.imprisonment_max_months is None:
            return (-1.0, -1.0)
        return (float(self.imprisonment_max_months), float(self.imprisonment_min_months or 0))

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (``kzlaw penalties --json``), one object per part."""
        return {
            "ref": self.ref,
            "article": self.article,
            "code": self.code,
            "part": self.part,
            "part_id": self.part_id,
            "options": list(self.options),
            "additional": list(self.additional),
            "imprisonment_min_months": self.imprisonment_min_months,
            "imprisonment_max_months": self.imprisonment_max_months,
            "imprisonment_min_stated": self.min_stated,
            "life_imprisonment": self.life,
            "custody_mandatory": self.custody_mandatory,
            "non_custodial_option": self.non_custodial_option,
            "gravity": self.gravity,
            "is_base": self.is_base,
            "is_most_aggravated": self.is_most_aggravated,
            "unknown": self.unknown,
            "benchmarks": {k: b.to_dict() for k, b in self.benchmarks.items()},
        }


def _years(months: int | None) -> str:
    if months is None:
        return "?"
    return str(months // 12) if months % 12 == 0 else f"{months / 12:g}"


@frozen
class PenaltyTable:
    """Rows of :class:`PenaltyRow`, in the order the versions were given."""

    rows: tuple[PenaltyRow, ...]

    def by_severity(self) -> tuple[PenaltyRow, ...]:
        """The rows from the most to the least severe (unknown last)."""
        return tuple(sorted(self.rows, key=PenaltyRow.severity, reverse=True))

    def for_ref(self, ref: str) -> tuple[PenaltyRow, ...]:
        """The rows of one version."""
        return tuple(r for r in self.rows if r.ref == ref)

    def to_dict(self) -> list[dict[str, Any]]:
        """The JSON form: a list of rows."""
        return [r.to_dict() for r in self.rows]

    def to_dataframe(self) -> Any:
        """The table as a ``pandas.DataFrame`` (needs the ``pandas`` extra)."""
        try:
            import pandas as pd
        except ImportError as err:  # pragma: no cover - depends on the environment
            raise KzlawError("to_dataframe() needs pandas: pip install 'kzlaw[pandas]'") from err
        records = []
        for r in self.rows:
            d = r.to_dict()
            benchmarks = d.pop("benchmarks")
            d["options"] = "; ".join(d["options"])
            d["additional"] = "; ".join(d["additional"])
            d.update({k: v["outcome"] for k, v in benchmarks.items()})
            records.append(d)
        return pd.DataFrame.from_records(records)

    def __str__(self) -> str:
        head = f"{'version':<24} {'part':<5} {'imprisonment':<20} {'gravity':<17} {'UNTOC':<8} {'EU':<8} rape"
        lines = [head, "-" * len(head)]
        for r in self.rows:
            eu = r.benchmarks["eu.directive_2011_36.base" if r.is_base else "eu.directive_2011_36.aggravated"]
            lines.append(
                f"{r.ref:<24} {r.part:<5} {r.range_text():<20} {r.gravity:<17} "
                f"{r.benchmarks['untoc.serious_crime'].outcome:<8} {eu.outcome:<8} {r.benchmarks['kz.rape'].outcome}"
            )
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        e = html.escape
        ids = list(BENCHMARKS)
        head = "".join(f"<th>{e(i)}</th>" for i in ids)
        body = "".join(
            f"<tr><td>{e(r.ref)}</td><td>{e(r.part)}</td><td>{e('; '.join(r.options))}</td>"
            f"<td>{e(r.range_text())}</td><td>{e(r.gravity)}</td>"
            + "".join(f'<td title="{e(r.benchmarks[i].detail)}">{e(r.benchmarks[i].outcome)}</td>' for i in ids)
            + "</tr>"
            for r in self.rows
        )
        return (
            f'<div class="kz"><style>{CSS}</style><table><tr><th>Version</th><th>Part</th><th>Options</th>'
            f"<th>Imprisonment</th><th>Gravity</th>{head}</tr>{body}</table></div>"
        )


def gravity(part: Part, version: Version, corpus: Corpus) -> str:
    """The part's gravity category under its code's own rule (1997 art. 10, 2014 art. 11).

    Intentional offences are classed by the maximum term of imprisonment; a part with no
    imprisonment option is of the lightest category; life makes it the gravest. ``"unknown"`` when
    the imprisonment range is not attested.
    """
    code = corpus.codes[version.code]
    s = part.sanction
    if not s.imprisonment_known:
        return "unknown"
    if s.life:
        return code.top_gravity
    high = s.imprisonment_months()[1]
    if high is None:
        return code.gravity[0][0] if code.gravity else "unknown"
    for name, limit in code.gravity:
        if high <= limit:
            return name
    return code.top_gravity


def _rape(version: Version, corpus: Corpus, which: str) -> tuple[tuple[int | None, bool] | None, str]:
    """The rape article's (max months, life) for the base or most aggravated part on the version's day."""
    ref = f"{version.code}/120"
    day = version.reference_day()
    if ref not in corpus.articles or day is None:
        return None, f"no rape article of {version.code} is held"
    figures = set()
    for v in corpus.articles[ref].candidates(day):
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
        limit = BENCHMARKS[bid].months
        assert limit is not None
        if not applies:
            return BenchmarkResult(bid, "not applicable", f"applies to the {what} only")
        if unknown and high is None and not life:
            return BenchmarkResult(bid, "unknown", unknown)
        if life:
            return BenchmarkResult(bid, "meets", "life imprisonment is available")
        if high is None:
            return BenchmarkResult(bid, "below", "no imprisonment is available")
        verdict: Outcome = "meets" if high >= limit else "below"
        return BenchmarkResult(bid, verdict, f"maximum {_years(high)} years against {_years(limit)}")

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
        if rape is None or (unknown and high is None and not life):
            out["kz.rape"] = BenchmarkResult("kz.rape", "unknown", unknown or where)
        else:
            r_high, r_life = rape
            ours = float("inf") if life else float(high if high is not None else -1)
            theirs = float("inf") if r_life else float(r_high if r_high is not None else -1)
            theirs_text = "life" if r_life else f"{_years(r_high)} years"
            ours_text = "life" if life else f"{_years(high)} years"
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
            "life": s.life if known else False,
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


def _versions(item: Version | Article | str, corpus: Corpus) -> tuple[Version, ...]:
    if isinstance(item, Version):
        return (item,)
    if isinstance(item, Article):
        return item.versions
    ref = parse_ref(item)
    return (corpus.version(ref),) if ref.at else corpus.article(ref).versions


def compare_penalties(*items: Version | Article | str, corpus: Corpus | None = None) -> PenaltyTable:
    """A penalty table for versions, articles (all their versions) or references.

    >>> import kzlaw
    >>> t = kzlaw.compare_penalties("cc2014/308@2022-06-01")
    >>> [(r.part, r.imprisonment_max_months, r.gravity, r.non_custodial_option) for r in t.rows]
    [('1', 36, 'medium gravity', True), ('2', 72, 'grave', False), ('3', 84, 'grave', False)]
    """
    corpus = corpus or load()
    rows = [row for item in items for v in _versions(item, corpus) for row in _rows(v, corpus)]
    return PenaltyTable(tuple(rows))


def penalty_history(ref: str | Article, corpus: Corpus | None = None) -> PenaltyTable:
    """The penalties of an article over all its versions and those of its predecessors and successors.

    >>> import kzlaw
    >>> rows = kzlaw.penalty_history("cc2014/128").rows
    >>> [(r.ref, r.imprisonment_max_months) for r in rows if r.is_most_aggravated]
    [('cc1997/128@2006-03-01', 96), ('cc1997/128@2006-03-02', 180), ('cc2014/128@2015-01-01', 180),
     ('cc2014/128@292-VI', 180), ('cc2014/128@111-VIII', 180)]
    """
    corpus = corpus or load()
    art = ref if isinstance(ref, Article) else corpus.article(ref)
    return compare_penalties(*art.history(corpus), corpus=corpus)
