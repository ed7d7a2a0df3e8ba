"""Checking a version against the UN Trafficking Protocol's definition (art. 3) and art. 5.

Every status is computed from the data, never written per article: a part's tags, the
vocabulary's mapping from national tags to Protocol element ids, and the code's definition of
"exploitation" in force. An element is

- ``constitutive`` when the base offence (part 1) requires it (a means) or covers it (an act or a
  purpose);
- ``aggravating`` when it appears only in a higher part or a qualifying circumstance;
- ``absent`` when the version neither requires nor mentions it.

>>> import kzlaw
>>> before = kzlaw.align("cc1997/128@2006-03-01")
>>> before["means.deception"].status, before["act.transfer"].status
('constitutive', 'absent')
>>> kzlaw.align("cc1997/128@2006-03-02")["means.deception"].status
'aggravating'
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Literal, overload

from attrs import field, frozen

from kzlaw.corpus import Corpus, resolve_corpus
from kzlaw.display import Presentable
from kzlaw.errors import UnknownElementError
from kzlaw.frozen import FrozenMap, frozen_map
from kzlaw.model import Definition, Version
from kzlaw.protocol import ELEMENTS, elements
from kzlaw.refs import Ref

__all__ = [
    "DEFINITIONAL",
    "Alignment",
    "Coverage",
    "ElementResult",
    "Evidence",
    "RuleResult",
    "RuleStatus",
    "Status",
    "align",
]

#: An element's status in one version.
Status = Literal["constitutive", "aggravating", "absent"]
#: How a Protocol rule fares.
RuleStatus = Literal["met", "partly", "not met", "stated", "not stated", "unknown", "general part"]
_RANK: Mapping[str, int] = {"constitutive": 2, "aggravating": 1, "absent": 0}
#: The element ids of the definition (acts, means, purposes), in the Protocol's order.
DEFINITIONAL = tuple(e.id for g in ("act", "means", "purpose") for e in elements(g))


@frozen
class Evidence:
    """Where the data supports a status: the version, the place in it, the words, and the tag read.

    ``words`` are in the language asked for (English by default); ``official`` maps each language
    whose wording is official to its words for the same place, so the law itself can be quoted.
    """

    ref: str
    place: str
    words: str
    tag: str
    official: FrozenMap[str, str] = field(factory=FrozenMap, converter=frozen_map)

    def __str__(self) -> str:
        return f"{self.ref} {self.place}: {self.words!r} [{self.tag}]"


@frozen
class ElementResult:
    """The status of one Protocol element in one version, with its evidence and remarks."""

    element: str
    status: Status
    evidence: tuple[Evidence, ...] = ()
    remarks: tuple[str, ...] = ()


@frozen
class RuleResult:
    """How a Protocol rule (3(b)-(d)) or an art. 5 duty fares: a status and why.

    ``status`` is one of ``met``, ``partly``, ``not met``, ``stated``, ``not stated``, ``unknown``
    or ``general part`` (governed by the code's General Part, which kzlaw does not hold).
    """

    rule: str
    status: RuleStatus
    explanation: str
    evidence: tuple[Evidence, ...] = ()


@frozen
class Alignment(Presentable):
    """The Protocol check of one version: a result per element id, the rules, and a summary."""

    ref: str
    elements: FrozenMap[str, ElementResult] = field(converter=frozen_map)
    rules: FrozenMap[str, RuleResult] = field(converter=frozen_map)
    summary: tuple[str, ...]
    language: str = "en"

    def __getitem__(self, element_id: str) -> ElementResult:
        try:
            return self.elements[element_id]
        except KeyError:
            raise UnknownElementError(
                f"{element_id!r} is not a Protocol element id; the ids are {', '.join(self.elements)}"
            ) from None

    def __iter__(self) -> Iterator[ElementResult]:
        return iter(self.elements.values())

    def __repr__(self) -> str:
        counts = {
            s: sum(1 for r in self.elements.values() if r.status == s)
            for s in ("constitutive", "aggravating", "absent")
        }
        shown = ", ".join(f"{n} {s}" for s, n in counts.items())
        return f"<Alignment {self.ref}: {shown}>"


@frozen
class Coverage(Presentable):
    """Which provision covers which Protocol element: alignments of several versions side by side."""

    alignments: tuple[Alignment, ...]
    rules: FrozenMap[str, RuleResult] = field(converter=frozen_map)

    @property
    def refs(self) -> tuple[str, ...]:
        """The versions, in the order given."""
        return tuple(a.ref for a in self.alignments)

    def cell(self, ref: str, element_id: str) -> Status:
        """The status of one element in one version."""
        for a in self.alignments:
            if a.ref == ref:
                return a[element_id].status
        raise UnknownElementError(f"{ref} is not in this coverage matrix; it holds {', '.join(self.refs)}")

    def best(self, element_id: str) -> tuple[Status, tuple[str, ...]]:
        """The strongest status any provision gives the element, and the provisions that give it."""
        statuses: list[Status] = [a[element_id].status for a in self.alignments]
        top: Status = max(statuses, key=_RANK.__getitem__, default="absent")
        return top, tuple(a.ref for a in self.alignments if a[element_id].status == top and top != "absent")

    def __repr__(self) -> str:
        return f"<Coverage of {len(self.alignments)} versions: {', '.join(self.refs)}>"


def _places(version: Version, lang: str) -> Iterator[tuple[bool, str, str, str, FrozenMap[str, str]]]:
    """Every tagged place of a version: (is base, place, words, tag, official words by language)."""
    w = version.wording(lang)
    official = [o for o in version.wordings.values() if o.status == "official" and o.language != lang]
    for i, part in enumerate(version.parts):
        quotes = FrozenMap({o.language: o.part(part.id) for o in official})
        for tag in part.elements:
            yield i == 0, f"part {part.number}", w.part(part.id), tag, quotes
        for c in part.circumstances:
            cquotes = FrozenMap({o.language: o.circumstance(part.id, c.label) for o in official})
            for tag in c.tags:
                yield False, f"part {part.number}({c.label})", w.circumstance(part.id, c.label), tag, cquotes


def _align(version: Version, corpus: Corpus, lang: str) -> Alignment:
    found: dict[str, list[tuple[bool, Evidence]]] = {el: [] for el in DEFINITIONAL}
    remarks: dict[str, list[str]] = {el: [] for el in DEFINITIONAL}
    held = corpus.definitions_with_source(version, "exploitation")
    definitions = [d for _, d in held]
    places = list(_places(version, lang))
    catch_all: list[Evidence] = []
    for is_base, place, words, tag, quotes in places:
        ev = Evidence(version.ref, place, words, tag, quotes)
        info = corpus.tags[tag]
        if info.catch_all and is_base:
            catch_all.append(ev)
        for el in info.protocol:
            if el in found:
                found[el].append((is_base, ev))
        if tag == "exploitation":
            for holder, d in held:
                dw = holder.wording(lang if lang in holder.wordings else None)
                dquotes = {
                    o.language: o.definitions[d.label] for o in holder.wordings.values() if o.status == "official"
                }
                for dtag in d.tags:
                    for el in corpus.tags[dtag].protocol:
                        if el in found:
                            dev = Evidence(
                                version.ref, f"{place} via {d.label}", dw.definitions[d.label], dtag, dquotes
                            )
                            found[el].append((is_base, dev))
    if not definitions and any(t == "exploitation" for _, _, _, t, _ in places):
        for el in DEFINITIONAL:
            if el.startswith("purpose."):
                remarks[el].append("'exploitation' is not defined for this version, so its forms cannot be read")
    results: dict[str, ElementResult] = {}
    for el in DEFINITIONAL:
        hits = found[el]
        status: Status = "constitutive" if any(b for b, _ in hits) else "aggravating" if hits else "absent"
        notes = list(remarks[el])
        if status == "absent" and el.startswith("act.") and catch_all:
            notes.append(
                f"possibly reached by the catch-all '{corpus.tags[catch_all[0].tag].label}' ({catch_all[0].place})"
            )
        evidence = tuple(dict.fromkeys(ev for _, ev in sorted(hits, key=lambda h: not h[0])))
        results[el] = ElementResult(el, status, evidence, tuple(notes))
    rules = _rules([version], {version.ref: results}, corpus, lang)
    return Alignment(version.ref, results, rules, _summary(places, definitions, results, rules, corpus), lang)


def _base_means(results: Mapping[str, ElementResult]) -> list[str]:
    return [el for el, r in results.items() if el.startswith("means.") and r.status == "constitutive"]


def _rules(
    versions: Sequence[Version], results: Mapping[str, Mapping[str, ElementResult]], corpus: Corpus, lang: str
) -> dict[str, RuleResult]:
    rules: dict[str, RuleResult] = {}
    consent = [
        Evidence(v.ref, f"note {n.label}".strip(), v.wording(lang if lang in v.wordings else None).notes[n.label], t)
        for v in versions
        for n in v.notes
        for t in n.tags
        if "rule.consent_irrelevant" in corpus.tags[t].protocol
    ]
    no_means = [v.ref for v in versions if not _base_means(results[v.ref])]
    if consent:
        rules["rule.consent_irrelevant"] = RuleResult(
            "rule.consent_irrelevant", "stated", "a note states that consent is irrelevant", tuple(consent)
        )
    else:
        why = (
            "no provision states it; where the base offence requires no means, consent is simply not an element"
            if no_means
            else "no provision states it"
        )
        rules["rule.consent_irrelevant"] = RuleResult("rule.consent_irrelevant", "not stated", why)
    # 3(c): a child is protected without means where some base offence covers the act without means.
    acts = [e.id for e in elements("act")]
    covered: dict[str, list[str]] = {a: [] for a in acts}
    for v in versions:
        if v.ref in no_means:
            for a in acts:
                if results[v.ref][a].status == "constitutive":
                    covered[a].append(v.ref)
    have = [a for a in acts if covered[a]]
    lacking = [a for a in acts if not covered[a]]
    status: RuleStatus = "met" if not lacking else "partly" if have else "not met"
    explanation = f"base offences that need no means cover {_names(have) if have else 'no Protocol act'}" + (
        f"; not covered without means: {_names(lacking)}" if lacking else ""
    )
    evidence = tuple(ev for a in acts for ref in covered[a] for ev in results[ref][a].evidence if ev.place == "part 1")
    rules["rule.child_no_means"] = RuleResult("rule.child_no_means", status, explanation, evidence)
    rules["rule.child_under_18"] = RuleResult(
        "rule.child_under_18",
        "unknown",
        "the data does not define 'minor' (the General Part does); the Protocol's child is any person under eighteen",
    )
    for el in ("liability.intent", "liability.attempt", "liability.accomplice", "liability.organizing"):
        rules[el] = RuleResult(
            el,
            "general part",
            "governed by the General Part of the code, not by the trafficking articles (kzlaw does not hold it)",
        )
    return rules


def _names(ids: Iterable[str]) -> str:
    return ", ".join(ELEMENTS[i].words for i in ids) or "none"


def _summary(
    places: Sequence[tuple[bool, str, str, str, FrozenMap[str, str]]],
    definitions: Sequence[Definition],
    results: Mapping[str, ElementResult],
    rules: Mapping[str, RuleResult],
    corpus: Corpus,
) -> tuple[str, ...]:
    by = {s: [el for el, r in results.items() if r.status == s] for s in ("constitutive", "aggravating", "absent")}
    out = []
    for group, label in (("act", "acts"), ("purpose", "exploitation purposes")):
        pick = {s: [el for el in by[s] if el.startswith(group + ".")] for s in by}
        out.append(
            f"{label.capitalize()}: in the base offence {_names(pick['constitutive'])}; "
            f"only as aggravation {_names(pick['aggravating'])}; missing {_names(pick['absent'])}."
        )
    means = _base_means(results)
    aggravating_means = [el for el in by["aggravating"] if el.startswith("means.")]
    if means:
        out.append(
            f"The base offence requires a means ({_names(means)}): narrower than the Protocol, which accepts any "
            "of its means for adults and none for children."
        )
    elif any(r.status == "constitutive" for el, r in results.items() if el.startswith("act.")):
        out.append(
            "The base offence requires no means: broader than the Protocol for adults, which states may lawfully "
            "go; it is what the US TIP report criticises as force, fraud or coercion not being an essential element"
            + (f". Means appear only as aggravation: {_names(aggravating_means)}." if aggravating_means else ".")
        )
    beyond = sorted(
        {
            corpus.tags[t].label
            for is_base, _, _, t, _ in places
            if is_base
            and corpus.tags[t].kind in ("act", "purpose")
            and not corpus.tags[t].protocol
            and t != "exploitation"
            and not corpus.tags[t].catch_all
        }
        | {corpus.tags[t].label for d in definitions for t in d.tags if not corpus.tags[t].protocol}
    )
    if beyond:
        out.append(f"Beyond the Protocol's minimum: {'; '.join(beyond)}.")
    child = rules["rule.child_no_means"]
    out.append(f"Child rule (3(c)): {child.status}; {child.explanation}.")
    return tuple(out)


@overload
def align(  # type: ignore[overload-overlap]  # a str is one reference, not an iterable of them
    target: Version | str | Ref, corpus: Corpus | None = None, language: str | None = None
) -> Alignment: ...


@overload
def align(
    target: Iterable[Version | str] | list[str] | tuple[str, ...],
    corpus: Corpus | None = None,
    language: str | None = None,
) -> Coverage: ...


def align(
    target: Version | str | Ref | Iterable[Version | str], corpus: Corpus | None = None, language: str | None = None
) -> Alignment | Coverage:
    """Check one version (an :class:`Alignment`) or several (a :class:`Coverage` matrix) against the Protocol.

    Args:
        target: A :class:`~kzlaw.model.Version`, a dated reference (``cc1997/128@2006-03-02``), or an
            iterable of them (for example ``corpus.in_force("cc1997", date)``).
        corpus: The corpus whose vocabulary and definitions to read; the bundled one by default.
        language: The language evidence quotes (``en`` by default); official words are quoted beside it.
    """
    corpus = resolve_corpus(corpus)
    lang = language or "en"

    def one(v: Version) -> Alignment:
        return _align(v, corpus, lang if lang in v.wordings else v.wording().language)

    if isinstance(target, Version):
        return one(target)
    if isinstance(target, str | Ref):
        return one(corpus.version(target))
    versions = corpus.versions(*target)
    alignments = tuple(one(v) for v in versions)
    results = {a.ref: a.elements for a in alignments}
    return Coverage(alignments, _rules(versions, results, corpus, lang))
