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

import html
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Literal, overload

from attrs import frozen

from kzlaw.load import load
from kzlaw.model import Corpus, Definition, Version
from kzlaw.protocol import ELEMENTS, elements
from kzlaw.render import CSS

__all__ = ["Alignment", "Coverage", "ElementResult", "Evidence", "RuleResult", "align"]

Status = Literal["constitutive", "aggravating", "absent"]
_RANK: Mapping[str, int] = {"constitutive": 2, "aggravating": 1, "absent": 0}
DEFINITIONAL = tuple(e.id for g in ("act", "means", "purpose") for e in elements(g))


@frozen
class Evidence:
    """Where the data supports a status: the version, the place in it, the words, and the tag read."""

    ref: str
    place: str
    words: str
    tag: str

    def __str__(self) -> str:
        return f"{self.ref} {self.place}: {self.words!r} [{self.tag}]"

    def to_dict(self) -> dict[str, str]:
        """The JSON form: ``ref``, ``place``, ``words``, ``tag``."""
        return {"ref": self.ref, "place": self.place, "words": self.words, "tag": self.tag}


@frozen
class ElementResult:
    """The status of one Protocol element in one version, with its evidence and remarks."""

    element: str
    status: Status
    evidence: tuple[Evidence, ...] = ()
    remarks: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: ``status``, ``evidence`` (ref, place, words, tag) and ``remarks``."""
        return {
            "status": self.status,
            "evidence": [e.to_dict() for e in self.evidence],
            "remarks": list(self.remarks),
        }


@frozen
class RuleResult:
    """How a Protocol rule (3(b)-(d)) or an art. 5 duty fares: a status and why.

    ``status`` is one of ``met``, ``partly``, ``not met``, ``stated``, ``not stated``, ``unknown``
    or ``general part`` (governed by the code's General Part, which kzlaw does not hold).
    """

    rule: str
    status: str
    explanation: str
    evidence: tuple[Evidence, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: ``status``, ``explanation`` and ``evidence``."""
        return {
            "status": self.status,
            "explanation": self.explanation,
            "evidence": [e.to_dict() for e in self.evidence],
        }


@frozen
class Alignment:
    """The Protocol check of one version: a result per element id, the rules, and a summary."""

    ref: str
    elements: Mapping[str, ElementResult]
    rules: Mapping[str, RuleResult]
    summary: tuple[str, ...]

    def __getitem__(self, element_id: str) -> ElementResult:
        return self.elements[element_id]

    def __iter__(self) -> Iterator[ElementResult]:
        return iter(self.elements.values())

    def with_status(self, status: Status) -> tuple[str, ...]:
        """The element ids that have this status."""
        return tuple(k for k, r in self.elements.items() if r.status == status)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (``kzlaw align --json``): ``ref``, ``elements``, ``rules``, ``summary``."""
        return {
            "ref": self.ref,
            "elements": {k: r.to_dict() for k, r in self.elements.items()},
            "rules": {k: r.to_dict() for k, r in self.rules.items()},
            "summary": list(self.summary),
        }

    def __str__(self) -> str:
        lines = [f"Protocol alignment of {self.ref}"]
        for r in self.elements.values():
            where = "; ".join(f"{e.place} ({e.tag})" for e in r.evidence[:3])
            lines.append(f"  {r.element:<32} {r.status:<13} {where}")
        lines.append("")
        for rule in self.rules.values():
            lines.append(f"  {rule.rule:<32} {rule.status:<13} {rule.explanation}")
        lines.append("")
        lines += [f"  - {s}" for s in self.summary]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        e = html.escape
        rows = "".join(
            f'<tr><td>{e(r.element)}</td><td class="kz-{e(r.status)}">{e(r.status)}</td><td>'
            + "<br>".join(f"{e(ev.place)}: <q>{e(ev.words)}</q> <small>[{e(ev.tag)}]</small>" for ev in r.evidence)
            + "".join(f"<br><i>{e(m)}</i>" for m in r.remarks)
            + "</td></tr>"
            for r in self.elements.values()
        )
        rules = "".join(
            f"<tr><td>{e(r.rule)}</td><td>{e(r.status)}</td><td>{e(r.explanation)}</td></tr>"
            for r in self.rules.values()
        )
        summary = "".join(f"<li>{e(s)}</li>" for s in self.summary)
        return (
            f'<div class="kz"><style>{CSS}</style><h3>Protocol alignment of {e(self.ref)}</h3>'
            f"<table><tr><th>Element</th><th>Status</th><th>Evidence</th></tr>{rows}</table>"
            f"<table><tr><th>Rule</th><th>Status</th><th>Why</th></tr>{rules}</table><ul>{summary}</ul></div>"
        )


@frozen
class Coverage:
    """Which provision covers which Protocol element: alignments of several versions side by side."""

    alignments: tuple[Alignment, ...]
    rules: Mapping[str, RuleResult]

    @property
    def refs(self) -> tuple[str, ...]:
        """The versions, in the order given."""
        return tuple(a.ref for a in self.alignments)

    def cell(self, ref: str, element_id: str) -> Status:
        """The status of one element in one version."""
        for a in self.alignments:
            if a.ref == ref:
                return a[element_id].status
        raise KeyError(ref)

    def best(self, element_id: str) -> tuple[Status, tuple[str, ...]]:
        """The strongest status any provision gives the element, and the provisions that give it."""
        statuses: list[Status] = [a[element_id].status for a in self.alignments]
        top: Status = max(statuses, key=_RANK.__getitem__, default="absent")
        return top, tuple(a.ref for a in self.alignments if a[element_id].status == top and top != "absent")

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: ``refs``, ``matrix`` (element id -> ref -> status), ``best`` and ``rules``."""
        return {
            "refs": list(self.refs),
            "matrix": {el: {a.ref: a[el].status for a in self.alignments} for el in DEFINITIONAL},
            "best": {el: {"status": self.best(el)[0], "refs": list(self.best(el)[1])} for el in DEFINITIONAL},
            "rules": {k: r.to_dict() for k, r in self.rules.items()},
        }

    def __str__(self) -> str:
        short = [a.ref.split("@")[0] for a in self.alignments]
        width = max(len(s) for s in short) if short else 0
        head = " " * 32 + " ".join(s.rjust(width) for s in short)
        mark = {"constitutive": "C", "aggravating": "a", "absent": "."}
        rows = [head] + [
            f"{el:<32}" + " ".join(mark[a[el].status].rjust(width) for a in self.alignments) for el in DEFINITIONAL
        ]
        return "\n".join([*rows, "", "C constitutive, a aggravating only, . absent"])

    def _repr_html_(self) -> str:
        e = html.escape
        mark = {"constitutive": "C", "aggravating": "a", "absent": "·"}
        groups = "".join(
            f'<th colspan="{sum(1 for el in DEFINITIONAL if el.startswith(g + "."))}">{g}</th>'
            for g in ("act", "means", "purpose")
        )
        cols = "".join(
            f'<th class="kz-v" title="{e(ELEMENTS[el].words)}"><small>{e(el.partition(".")[2])}</small></th>'
            for el in DEFINITIONAL
        )
        body = "".join(
            f'<tr><td class="kz-ref">{e(a.ref)}</td>'
            + "".join(
                f'<td class="kz-cell kz-{a[el].status}" title="{e(el)}: {e(a[el].status)}">{mark[a[el].status]}</td>'
                for el in DEFINITIONAL
            )
            + "</tr>"
            for a in self.alignments
        )
        return (
            f'<div class="kz"><style>{CSS}</style><table><tr><th rowspan="2">Provision</th>{groups}</tr>'
            f"<tr>{cols}</tr>{body}</table>"
            "<p><small>C constitutive (base offence), a aggravating only, · absent</small></p></div>"
        )


def _places(version: Version) -> Iterator[tuple[bool, str, str, str]]:
    """Every tagged place of a version: (is base, place, words, tag)."""
    for i, part in enumerate(version.parts):
        for tag in part.elements:
            yield i == 0, f"part {part.number}", part.text, tag
        for c in part.circumstances:
            for tag in c.tags:
                yield False, f"part {part.number}({c.label})", c.text, tag


def _align(version: Version, corpus: Corpus) -> Alignment:
    found: dict[str, list[tuple[bool, Evidence]]] = {el: [] for el in DEFINITIONAL}
    remarks: dict[str, list[str]] = {el: [] for el in DEFINITIONAL}
    definitions = corpus.definitions(version, "exploitation")
    places = list(_places(version))
    catch_all: list[Evidence] = []
    for is_base, place, words, tag in places:
        ev = Evidence(version.ref, place, words, tag)
        info = corpus.tags[tag]
        if info.catch_all and is_base:
            catch_all.append(ev)
        for el in info.protocol:
            if el in found:
                found[el].append((is_base, ev))
        if tag == "exploitation":
            for d in definitions:
                for dtag in d.tags:
                    for el in corpus.tags[dtag].protocol:
                        if el in found:
                            found[el].append((is_base, Evidence(version.ref, f"{place} via {d.label}", d.text, dtag)))
    if not definitions and any(t == "exploitation" for _, _, _, t in places):
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
    rules = _rules([version], {version.ref: results}, corpus)
    return Alignment(version.ref, results, rules, _summary(places, definitions, results, rules, corpus))


def _base_means(results: Mapping[str, ElementResult]) -> list[str]:
    return [el for el, r in results.items() if el.startswith("means.") and r.status == "constitutive"]


def _rules(
    versions: Sequence[Version], results: Mapping[str, Mapping[str, ElementResult]], corpus: Corpus
) -> dict[str, RuleResult]:
    rules: dict[str, RuleResult] = {}
    consent = [
        Evidence(v.ref, f"note {n.label}".strip(), n.text, t)
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
    status = "met" if not lacking else "partly" if have else "not met"
    explanation = f"base offences that need no means cover {', '.join(have) or 'no Protocol act'}" + (
        f"; not covered without means: {', '.join(lacking)}" if lacking else ""
    )
    evidence = tuple(ev for a in acts for ref in covered[a] for ev in results[ref][a].evidence if ev.place == "part 1")
    rules["rule.child_no_means"] = RuleResult("rule.child_no_means", status, explanation, evidence)
    minor_defs = [d for v in versions for d in corpus.definitions(v, "minor")]
    if minor_defs:
        rules["rule.child_under_18"] = RuleResult(
            "rule.child_under_18",
            "stated",
            minor_defs[0].text,
            tuple(Evidence("", d.label, d.text, "minor") for d in minor_defs),
        )
    else:
        rules["rule.child_under_18"] = RuleResult(
            "rule.child_under_18",
            "unknown",
            "the data does not define 'minor'; the Protocol's child is any person under eighteen",
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
    places: Sequence[tuple[bool, str, str, str]],
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
            for is_base, _, _, t in places
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
def align(target: Version | str, corpus: Corpus | None = None) -> Alignment: ...


@overload
def align(target: Iterable[Version] | list[str] | tuple[str, ...], corpus: Corpus | None = None) -> Coverage: ...


def align(
    target: Version | str | Iterable[Version] | list[str] | tuple[str, ...], corpus: Corpus | None = None
) -> Alignment | Coverage:
    """Check one version (an :class:`Alignment`) or several (a :class:`Coverage` matrix) against the Protocol.

    Args:
        target: A :class:`~kzlaw.model.Version`, a dated reference (``cc1997/128@2006-03-02``), or an
            iterable of them (for example ``corpus.in_force("cc1997", date)``).
        corpus: The corpus whose vocabulary and definitions to read; the bundled one by default.
    """
    corpus = corpus or load()

    def resolve(item: Version | str) -> Version:
        return corpus.version(item) if isinstance(item, str) else item

    if isinstance(target, Version | str):
        return _align(resolve(target), corpus)
    versions = [resolve(t) for t in target]
    alignments = tuple(_align(v, corpus) for v in versions)
    results = {a.ref: a.elements for a in alignments}
    return Coverage(alignments, _rules(versions, results, corpus))
