"""Law in practice: enforcement figures joined to the law in force, and what they show.

:func:`enforcement_table` joins each figure of :mod:`kzlaw.enforcement` to the version of its article in force in
its period (read at the period's middle): the imprisonment range of the part it names (else of all parts), the
gravity under the code's own rule, the Protocol means the version requires and whether it covers every act, and
each benchmark's outcome. From the figures given by article it derives, each with its arithmetic shown, the share
under articles whose maximum is below the trafficking article's, the count-weighted mean maximum, and the share
under articles failing each benchmark; it sets convictions against cases opened where both are given for the same
scope, and sentences imposed against the range of the articles the source names. A version the sources leave
ambiguous is reported, never picked.

>>> table = enforcement_table("2009")
>>> print(table.findings[0])
In 2009, 78% of cases opened (212 of 271) were under Criminal Code 1997, art. 271, whose maximum is 5 years,
against 15 years under art. 128.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from attrs import evolve, frozen

from kzlaw.corpus import Corpus, resolve_corpus
from kzlaw.display import Presentable
from kzlaw.enforcement import MEASURES, UNSPECIFIED, Enforcement, Figure, load_enforcement
from kzlaw.frozen import FrozenMap
from kzlaw.join import Joiner, PartPenalty, Row, duration, span
from kzlaw.penalties import BENCHMARKS

__all__ = ["TRAFFICKING_ARTICLE", "Derived", "EnforcementTable", "PartPenalty", "Row", "enforcement_table"]

#: The number of the trafficking-in-persons article, the same in both codes (1997 and 2014): what the others are
#: measured against.
TRAFFICKING_ARTICLE = "128"
#: The measures given by article, and what they count in words.
_WHAT = {"cases_opened": "cases opened", "convictions": "persons convicted"}
_JUDGEMENTS = ("tvpa.stringent",)  # a benchmark that is a reader's judgement is not counted


@frozen
class Derived:
    """A measure derived from the figures of one period and source; ``text`` shows its arithmetic."""

    period: str
    source: str
    name: str
    value: float | None
    text: str


@frozen
class EnforcementTable(Presentable):
    """Figures joined to the law in force, the measures derived from them, and their findings in plain words."""

    rows: tuple[Row, ...]
    derived: tuple[Derived, ...]
    findings: tuple[str, ...]
    period: str | None = None
    file: str = ""

    def periods(self) -> tuple[str, ...]:
        """The period labels of the rows, in order."""
        return tuple(dict.fromkeys(r.figure.period.label for r in self.rows))

    def by_article(self, measure: str = "cases_opened") -> Mapping[str, tuple[Row, ...]]:
        """For each period, the rows giving ``measure`` by article (what the chart draws), largest first."""
        out: dict[str, list[Row]] = {}
        for r in _listed(self.rows, measure):
            out.setdefault(r.figure.period.label, []).append(r)
        return FrozenMap({p: tuple(sorted(rows, key=lambda r: -r.figure.count)) for p, rows in out.items()})

    def __repr__(self) -> str:
        return (
            f"<EnforcementTable {len(self.rows)} figures of {', '.join(self.periods())}: {len(self.findings)} findings>"
        )


def enforcement_table(
    period: str | None = None, corpus: Corpus | None = None, data: Enforcement | None = None
) -> EnforcementTable:
    """The figures of a period (all with ``None``) joined to the law in force, with derived measures and findings.

    Args:
        period: A period label of the file (``"2009"``, ``"2010-H1"``, ``"2022"``).
        corpus: The statute corpus; the bundled one by default.
        data: The figures; by default :func:`~kzlaw.enforcement.load_enforcement` of the corpus.

    Raises:
        UnknownPeriodError: The file holds no figure for the period.
    """
    corpus = resolve_corpus(corpus)
    data = data if data is not None else load_enforcement(corpus=corpus)
    join = Joiner(corpus)
    rows = tuple(join(f) for f in data.select(period))
    derived: list[Derived] = []
    findings: list[str] = []
    groups: dict[tuple[str, str], list[Row]] = {}
    for r in rows:
        groups.setdefault((r.figure.period.label, r.figure.source.document), []).append(r)
    for (label, doc), group in groups.items():
        d, found = _derive(group, join)
        derived += [Derived(label, doc, name, value, text) for name, value, text in d]
        findings += found
    return EnforcementTable(rows, tuple(derived), tuple(findings), period, data.file)


def _listed(rows: Iterable[Row], measure: str) -> list[Row]:
    """The rows giving ``measure`` by article only (a part only where its whole article is not given)."""
    plain = [r for r in rows if r.figure.measure == measure and r.figure.ref != UNSPECIFIED]
    plain = [r for r in plain if r.figure.dims() | {"ref": UNSPECIFIED, "part": None} == _ALL]
    whole = {_key(r.figure) for r in plain if r.figure.part is None}
    return [r for r in plain if r.figure.part is None or _key(r.figure) not in whole]


def _key(f: Figure) -> tuple[str, str, str]:
    return f.period.label, f.source.document, f.ref


_ALL = {"ref": UNSPECIFIED, "part": None, "exploitation": "unspecified", "nationality": "unspecified", "sentence": None}
Out = list[tuple[str, float | None, str]]


def _when(label: str) -> str:
    if label[:4].isdigit() and label.endswith(("-H1", "-H2")):
        return f"In the {'first' if label.endswith('1') else 'second'} half of {label[:4]}"
    return f"In {label}" if label[0].isdigit() else label[0].upper() + label[1:]


def _derive(group: list[Row], join: Joiner) -> tuple[Out, list[str]]:
    out: Out = []
    findings: list[str] = []
    when = _when(group[0].figure.period.label)
    refs = [ref for r in group for ref in r.figure.articles]
    if refs:
        first = group[0].figure
        traf = join(evolve(first, ref=f"{refs[0].split('/')[0]}/{TRAFFICKING_ARTICLE}", part=None, refs_named=()))
        for measure in _WHAT if traf.version else ():
            findings += _by_article(group, measure, traf, join, when, out)
    _compare(group, out)
    for f in (r.figure for r in group if r.figure.measure == "sentences_imposed"):
        text, finding = _sentences(f, join)
        out.append(("sentences imposed against the prescribed range", None, text))
        findings += [f"{when}, {finding}"] if finding else []
    heads = [r.figure for r in group if r.figure.dims() == _ALL]
    if heads and not any(r.figure.ref != UNSPECIFIED for r in group):
        named = sorted({ref for h in heads for ref in h.refs_named})
        gives = ", ".join(f"{h.count} {h.unit} for {h.measure.replace('_', ' ')}" for h in heads)
        says = f"names {join.labels(named)} without splitting by article" if named else ""
        findings.append(f"{when}, {heads[0].source.document} gives {gives}; it {says or 'names no article'}.")
    return out, findings


def _by_article(group: list[Row], measure: str, traf: Row, join: Joiner, when: str, out: Out) -> list[str]:
    """The penalty measures of the figures given by article; returns the findings."""
    what = _WHAT[measure]
    listed = _listed(group, measure)
    if not listed:
        return []
    total = next((r.figure.count for r in group if r.figure.measure == measure and r.figure.dims() == _ALL), None)
    known = [r for r in listed if r.version and r.top >= 0]
    n, kn, tmax = sum(r.figure.count for r in listed), sum(r.figure.count for r in known), traf.top
    of = f"the {n} {what} listed by article ({'no total stated' if total is None else f'stated total {total}'}"
    of += f"; {n - kn} left out: their article's version or penalty is not determined)" if kn < n else ")"
    if not kn:
        out.append((f"{measure}: penalties of the articles used", None, f"not computed: {of}"))
        return []
    below = [r for r in known if r.top < tmax]
    nb = sum(r.figure.count for r in below)
    terms = " + ".join(str(r.figure.count) for r in below) or "0"
    names = ", ".join(f"{r.figure.scope()} (max {duration(r.top)})" for r in below) or "none"
    against = f"against {duration(tmax)} under {traf.version}"
    text = f"({terms}) / {kn} = {nb} / {kn} = {nb / kn:.1%} of {of}: {names}, {against}"
    out.append((f"{measure}: share under articles with a lower maximum than {traf.article}", nb / kn, text))
    mean = sum(r.figure.count * r.top for r in known) / kn
    terms = " + ".join(f"{r.figure.count}×{r.top:g}" for r in known)
    why = "each figure at the highest maximum of its article or named part"
    text = f"({terms}) / {kn} = {mean:.1f} months ({mean / 12:.1f} years), {why}"
    out.append((f"{measure}: mean maximum penalty weighted by count", mean, text))
    for bid in (b for b in BENCHMARKS if b not in _JUDGEMENTS):
        res = [(r.figure.scope(), r.figure.count, r.benchmarks[bid]) for r in known]
        fail = sum(c for _, c, o in res if o == "below")
        applies = sum(c for _, c, o in res if o in ("meets", "below", "mixed"))
        cut = {o: ", ".join(f"{s} ({c})" for s, c, x in res if x == o) or "none" for o in ("below", "mixed")}
        text = f"{BENCHMARKS[bid].label}: {fail} / {applies} = {fail / (applies or 1):.1%} of the {what} under "
        text += f"articles it applies to are below in every part: {cut['below']}; depends on the part: {cut['mixed']}"
        out.append((f"{measure}: share under articles failing {bid}", fail / applies if applies else None, text))
    article = join.label(traf.article or "")
    found = [
        f"{when}, {nb / kn:.0%} of {what} ({nb} of {kn}) were under articles whose maximum is below the "
        f"{duration(tmax)} of {article}."
    ]
    top = max(listed, key=lambda r: r.figure.count)
    if top.version and 0 <= top.top < tmax:
        whole = total or n
        part = f" part {top.figure.part}" if top.figure.part else ""
        share = f"{top.figure.count / whole:.0%} of {what} ({top.figure.count} of {whole})"
        rest = f"whose maximum is {duration(top.top)}, against {duration(tmax)} under art. {TRAFFICKING_ARTICLE}"
        found.insert(0, f"{when}, {share} were under {join.label(top.figure.ref)}{part}, {rest}.")
    return found


def _compare(group: list[Row], out: Out) -> None:
    """Convictions against cases opened, scope by scope, where the source gives both."""
    by = {m: {r.figure.scope(): r.figure.count for r in group if r.figure.measure == m} for m in MEASURES}
    name, cases, convictions = "convictions against cases opened", by["cases_opened"], by["convictions"]
    if bool(convictions) != bool(cases):
        lacks, gives = "convictions" if cases else "cases_opened", ", ".join(m for m in MEASURES if by[m])
        out.append((name, None, f"not comparable: the source gives no {lacks} for this period, only {gives}"))
        return
    for scope in dict.fromkeys([*cases, *convictions]):
        c, o = convictions.get(scope), cases.get(scope)
        if c is None or o is None:
            has, lacks = ("convictions", "cases opened") if o is None else ("cases opened", "convictions")
            out.append(
                (f"{name} ({scope})", None, f"not comparable: the source gives {has} but no {lacks} for {scope}")
            )
        else:
            why = "the units differ (persons, cases) and a period's convictions need not come from its cases"
            out.append((f"{name} ({scope})", c / o, f"{c} persons convicted / {o} cases opened = {c / o:.2f}; {why}"))


def _sentences(f: Figure, join: Joiner) -> tuple[str, str]:
    """A sentence figure against the prescribed range of each article the source names: the text and a finding."""
    s, named = f.sentence, f.articles
    if s is None or not named:
        return f"{f.count} × {s or 'sentence'}: the source names no article, so none is compared", ""
    out: list[str] = []
    within: list[tuple[str, str]] = []
    over: list[tuple[str, int]] = []
    under: list[tuple[str, int]] = []
    for ref in named:
        r = join(evolve(f, ref=ref, refs_named=(), sentence=None))
        lo, hi = r.imprisonment_min_months or 0, r.imprisonment_max_months or 0
        if not r.version:
            out.append(f"{ref}: version {r.status}")
        elif s.kind != "imprisonment" or s.max_months is None:
            free = ", ".join(p.number for p in r.parts if p.non_custodial_option) or "none"
            out.append(f"{r.version}: not imprisonment; parts with a non-custodial main penalty: {free}")
        else:
            out.append(f"{r.version}: {span(lo, hi)}")
            short = bool(lo and (s.min_months or 0) < lo)
            over += [(ref, hi)] if s.max_months > hi else []
            under += [(ref, lo)] if short else []
            within += [(ref, span(lo, hi))] if s.max_months <= hi and not short else []
    text = f"{f.count} × {s} ({', '.join(named)}; which article each was imposed under is not stated): "
    text += "; ".join(out) + " (kzlaw does not hold the General Part's sentencing rules)"
    found = [f"within the range of {' and '.join(f'{join.label(r)} ({x})' for r, x in within)}"] if within else []
    if over:
        found.append(f"the longest ({duration(s.max_months or 0)}) exceeds the maximum of {_list(over, join)}")
    if under:
        found.append(f"the shortest ({duration(s.min_months or 0)}) is below the minimum of {_list(under, join)}")
    plural = "s" if f.count != 1 else ""
    return text, f"{f.count} sentence{plural} of {s}: " + "; ".join(found) + "." if found else ""


def _list(items: list[tuple[str, int]], join: Joiner) -> str:
    return " and ".join(f"{join.label(r)} ({duration(m)})" for r, m in items)
