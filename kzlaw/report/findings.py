"""The report's findings in plain language, computed from the results (never written per article).

Three kinds, each a list of sentences a lawyer reads at the top of the report: what each amendment
changed (:func:`amendment_points`), where the latest versions fall short of the UN Protocol
(:func:`shortfalls`), and which parts fall below which penalty benchmark (:func:`benchmark_findings`).
Every sentence uses human labels; ids appear only where a reader needs them to look a thing up.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from attrs import frozen

from kzlaw.alignment import DEFINITIONAL, Coverage, align
from kzlaw.changes import Change, Diff
from kzlaw.corpus import Corpus, Uncertainty
from kzlaw.model import Article, Version
from kzlaw.penalties import BENCHMARKS, PenaltyRow, PenaltyTable, compare_penalties
from kzlaw.present import labels
from kzlaw.protocol import ELEMENTS
from kzlaw.words import STATUS_LABELS, months_text

__all__ = [
    "Finding",
    "PenaltyRows",
    "amendment_points",
    "benchmark_findings",
    "change_words",
    "current_versions",
    "shortfalls",
    "uncertainty_where",
]

_ID = re.compile(r"\b(?:act|means|purpose|rule|liability)\.[a-z_0-9]+\b")


class PenaltyRows:
    """The penalty rows of each version, computed once per report (versions are looked up by identity)."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self._cache: dict[int, tuple[Version, tuple[PenaltyRow, ...]]] = {}

    def __call__(self, version: Version) -> tuple[PenaltyRow, ...]:
        """The rows of one version."""
        hit = self._cache.get(id(version))
        if hit is None or hit[0] is not version:
            hit = (version, compare_penalties(version, corpus=self.corpus).rows)
            self._cache[id(version)] = hit
        return hit[1]

    def table(self, versions: Sequence[Version]) -> PenaltyTable:
        """The table of several versions, in order."""
        return PenaltyTable(tuple(r for v in versions for r in self(v)))


@frozen
class Finding:
    """One finding: a heading in words, its points, and the anchor of the report section it summarises."""

    heading: str
    points: tuple[str, ...]
    anchor: str = ""


def humanise(text: str) -> str:
    """Replace Protocol element ids in a sentence by the Protocol's words."""
    return _ID.sub(lambda m: ELEMENTS[m.group()].words if m.group() in ELEMENTS else m.group(), text)


def _and(items: Sequence[str], limit: int = 6) -> str:
    items = list(dict.fromkeys(items))
    if len(items) > limit:
        items = [*items[: limit - 1], f"{len(items) - limit + 1} more"]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1] if items else ""


def _years(text: str) -> str:
    return text.removesuffix(" years").removesuffix(" year")


def _heaviest(rows: Sequence[PenaltyRow]) -> tuple[float, str] | None:
    """The article's heaviest imprisonment (sort value, words), or None when any part's is not known."""
    if not rows or any(r.life is None for r in rows):
        return None
    if any(r.life for r in rows):
        return float("inf"), "life imprisonment"
    highs = [r.imprisonment_max_months for r in rows if r.imprisonment_max_months is not None]
    return (float(max(highs)), months_text(max(highs))) if highs else (-1.0, "no imprisonment")


def _short_article(ref: str) -> str:
    return "art. " + ref.split("@")[0].split("/")[1]


def change_words(c: Change, corpus: Corpus) -> str:
    """A change in a reader's words: tag ids replaced by the vocabulary's labels."""
    if c.kind == "element.moved" and c.tag:
        label = labels.tag_label(c.tag)
        dst = c.new or ""
        if "base offence" in (c.old or ""):
            where = f"an aggravating circumstance ({dst})" if "(" in dst else f"a qualified part ({dst})"
            return f"{label} moved from the base offence to {where}"
        return f"{label} moved from {c.old} to {dst}"
    text = c.summary
    if c.tag:
        text = text.replace(f" ({c.tag})", "")
    return re.sub(r"part (\S+) \(([a-z0-9-]+)\)", r"part \1", text)


def amendment_points(d: Diff, corpus: Corpus, rows: PenaltyRows | None = None) -> tuple[str, ...]:
    """What an amendment changed, the weightiest first: penalties, elements, parts, circumstances, notes."""
    rows = rows or PenaltyRows(corpus)
    old_rows, new_rows = rows(d.old), rows(d.new)
    points: list[str] = []
    a, b = _heaviest(old_rows), _heaviest(new_rows)
    if a is not None and b is not None and a[0] != b[0]:
        word = "raised" if b[0] > a[0] else "lowered"
        if a[1].endswith("years") and b[1].endswith("years") and " " not in _years(a[1]) + _years(b[1]):
            points.append(f"maximum {word} from {_years(a[1])} to {b[1]}")
        else:
            points.append(f"maximum {word} from {a[1]} to {b[1]}")
    elif b is not None and a is None and old_rows:
        points.append(f"maximum now {b[1]} (the earlier maximum is not known)")
    olds = {r.part_id: r for r in old_rows}
    ranged = []
    for r in new_rows:
        q = olds.get(r.part_id)
        if q is not None and q.life is not None and r.life is not None and q.range_text() != r.range_text():
            word = "raised" if r.severity() > q.severity() else "lowered" if r.severity() < q.severity() else "changed"
            ranged.append((r, q, word))
    for r, q, word in ranged[:1]:
        what = "the base offence (part 1)" if r.is_base else f"part {r.part}"
        points.append(f"imprisonment for {what} {word} from {q.range_text()} to {r.range_text()}")
    if len(ranged) > 1:
        points.append(f"ranges also changed in parts {_and([r.part for r, _, _ in ranged[1:]])}")
    by_kind: dict[str, list[Change]] = {}
    for c in d.changes:
        by_kind.setdefault(c.kind, []).append(c)
    points += [change_words(c, corpus) for c in by_kind.get("element.moved", [])]
    base = d.new.parts[0].number if d.new.parts else "1"
    added = [labels.tag_label(c.tag) for c in by_kind.get("element.added", []) if c.tag and c.part == base]
    removed = [labels.tag_label(c.tag) for c in by_kind.get("element.removed", []) if c.tag and c.part == base]
    if added:
        points.append(f"the base offence now also covers {_and(added)}")
    if removed:
        points.append(f"no longer in the base offence: {_and(removed)}")
    for c in by_kind.get("part.added", []):
        part = next((p for p in d.new.parts if p.number == c.part), None)
        points.append(f"new part {c.part}" + (f" ({part.sanction})" if part else ""))
    for c in by_kind.get("part.removed", []):
        points.append(f"part {c.part} removed")
    circ = by_kind.get("circumstance.added", [])
    if 0 < len(circ) <= 2:
        points += [f"aggravating circumstance {c.new} added: “{_words(d.new, c)}”" for c in circ]
    elif circ:
        points.append(f"{len(circ)} aggravating circumstances added ({_and([c.new or '' for c in circ])})")
    gone = by_kind.get("circumstance.removed", [])
    if gone:
        points.append(f"circumstance{'s' if len(gone) > 1 else ''} {_and([c.old or '' for c in gone])} removed")
    points += [change_words(c, corpus) for c in by_kind.get("circumstance.moved", [])]
    mandatory = [c.part or "" for c in by_kind.get("sanction.became_mandatory", [])]
    if mandatory:
        points.append(f"an additional penalty made mandatory in part{'s' if len(mandatory) > 1 else ''} "
                      f"{_and(mandatory)}")  # fmt: skip
    options = [c for c in d.changes if c.kind in ("sanction.option_added", "sanction.option_removed")]
    for kind, word in (("sanction.option_removed", "removed"), ("sanction.option_added", "added")):
        found = [c for c in options if c.kind == kind]
        if found:
            what = _and([c.old or c.new or "" for c in found])
            where = _and([c.part or "" for c in found])
            points.append(f"penalty option{'s' if len(found) > 1 else ''} {word} in part {where}: {what}")
    for c in by_kind.get("title.changed", []):
        points.append(f"retitled “{c.new}” (formerly “{c.old}”)")
    points += _notes(d, by_kind)
    if not points:
        points.append("no change to the parts, elements or penalties kzlaw records (the wording may differ)")
    return tuple(points)


def _label_of(c: Change) -> str:
    """The label a note or definition change is about (``1``, ``Note 2``)."""
    if c.kind.startswith("definition."):
        return c.summary.split(":")[0]
    head = c.summary.split(":")[0].removeprefix("note ")
    return head.removesuffix(" added").removesuffix(" removed").strip()


def _notes(d: Diff, by_kind: dict[str, list[Change]]) -> list[str]:
    """Notes and definitions added, removed, or reworded (added and removed under one label)."""
    out = []
    for what in ("definition", "note"):
        added, removed = by_kind.get(f"{what}.added", []), by_kind.get(f"{what}.removed", [])
        same = {c.new for c in added} & {c.old for c in removed}
        out += [f"{what} {_label_of(c)} renumbered (same words)".replace(f"{what}  ", f"{what} ")
                for c in added if c.new in same]  # fmt: skip
        added = [c for c in added if c.new not in same]
        removed = [c for c in removed if c.old not in same]
        both = {_label_of(c) for c in added} & {_label_of(c) for c in removed}
        out += [f"{what} {label} reworded".replace(f"{what}  ", f"{what} ") for label in sorted(both)]
        for items, word in (
            ([c for c in added if _label_of(c) not in both], "added"),
            ([c for c in removed if _label_of(c) not in both], "removed"),
        ):
            if len(items) == 1:
                c = items[0]
                out.append(f"note {word}: {_clip(c.new or c.old or '')}" if what == "note" else c.summary)
            elif items:
                out.append(f"{len(items)} {what}s {word}")
    return out


def _words(version: Version, c: Change) -> str:
    number, _, label = (c.new or "").partition("(")
    part = next((p for p in version.parts if p.number == number), None)
    if part is None:
        return "?"
    try:
        return _clip(version.wording().circumstance(part.id, label.rstrip(")")))
    except Exception:  # a circumstance the default wording does not hold
        return "?"


def _clip(text: str, n: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def current_versions(articles: Sequence[Article]) -> dict[str, list[Version]]:
    """By code: the latest version held of each article (the law as kzlaw last knows it)."""
    out: dict[str, list[Version]] = {}
    for art in articles:
        if art.latest.parts:
            out.setdefault(art.code, []).append(art.latest)
    return out


def _code_heading(code: str, corpus: Corpus, versions: Sequence[Version]) -> str:
    info = corpus.codes.get(code)
    name = labels.code_label(code)
    if info is not None and info.in_force_to is not None:
        return f"{name} (repealed {info.in_force_to.isoformat()}), as last worded"
    in_force = all(v.valid_to is None for v in versions)
    return f"{name}, latest versions held" + ("" if in_force else " (some no longer in force)")


def _places(coverage: Coverage, el: str, limit: int = 4) -> str:
    spots = [
        f"{_short_article(a.ref)} {ev.place.split(' via ')[0]}"
        for a in coverage.alignments
        if a[el].status != "absent"
        for ev in a[el].evidence[:1]
    ]
    more = f" and {len(spots) - limit} more" if len(spots) > limit else ""
    return "; ".join(spots[:limit]) + more


def shortfalls(articles: Sequence[Article], corpus: Corpus) -> tuple[Finding, ...]:
    """Per code, the Protocol elements absent from every latest version, or there only as aggravation."""
    out = []
    for code, versions in current_versions(articles).items():
        coverage = align(versions, corpus)
        points = []
        for group, what in (("act", "acts"), ("purpose", "exploitation purposes"), ("means", "means")):
            els = [el for el in DEFINITIONAL if el.startswith(group + ".")]
            absent = [ELEMENTS[el].words for el in els if coverage.best(el)[0] == "absent"]
            aggravating = [
                f"{ELEMENTS[el].words} ({_places(coverage, el)})" for el in els if coverage.best(el)[0] == "aggravating"
            ]
            if absent:
                points.append(f"Protocol {what} absent from every provision: {_and(absent)}.")
            if aggravating:
                points.append(f"Protocol {what} only as an aggravating circumstance: {'; '.join(aggravating)}.")
        no_means = [
            _short_article(a.ref)
            for a in coverage.alignments
            if not any(a[el].status == "constitutive" for el in DEFINITIONAL if el.startswith("means."))
            and any(a[el].status == "constitutive" for el in DEFINITIONAL if el.startswith("act."))
        ]
        if no_means:
            points.append(
                f"The base offences of {_and(no_means)} require no means: broader than the Protocol for adults, so a "
                "means that is absent or only aggravating does not narrow them."
            )
        for rule in ("rule.child_no_means", "rule.consent_irrelevant", "rule.child_under_18"):
            r = coverage.rules.get(rule)
            if r is not None:
                points.append(f"{ELEMENTS[rule].words.capitalize()} (art. {ELEMENTS[rule].provision}): "
                              f"{r.status}; {humanise(r.explanation)}.")  # fmt: skip
        out.append(Finding(_code_heading(code, corpus, versions), tuple(points), "coverage"))
    return tuple(out)


def benchmark_findings(
    articles: Sequence[Article], corpus: Corpus, rows: PenaltyRows | None = None
) -> tuple[Finding, ...]:
    """Per code, which parts of the latest versions fall below which benchmark (and where it is not known)."""
    rows = rows or PenaltyRows(corpus)
    out = []
    for code, versions in current_versions(articles).items():
        table = rows.table(versions)
        points = []
        for bid, bench in BENCHMARKS.items():
            results = [(r, r.benchmarks[bid]) for r in table.rows if bid in r.benchmarks]
            below = [
                f"{_short_article(r.ref)} part {r.part} ({r.range_text()})" for r, b in results if b.outcome == "below"
            ]
            unknown = [f"{_short_article(r.ref)} part {r.part}" for r, b in results if b.outcome == "unknown"]
            applied = [b for _, b in results if b.outcome not in ("not applicable", "judgement")]
            label = labels.benchmark_label(bid)
            if any(b.outcome == "judgement" for _, b in results):
                points.append(f"{label}: a judgement kzlaw leaves to the reader ({bench.rule}).")
                continue
            if below:
                points.append(f"Below “{label}”: {'; '.join(below)}.")
            elif applied:
                points.append(f"Every part it applies to meets “{label}”.")
            if unknown:
                points.append(f"Not known against “{label}”: {'; '.join(unknown)}.")
        out.append(Finding(_code_heading(code, corpus, versions), tuple(points), "penalties"))
    return tuple(out)


def uncertainty_where(u: Uncertainty, corpus: Corpus) -> str:
    """Where an uncertainty is, in words: ``Law No. 292-VI of 27 December 2019``, a version's label."""
    kind, _, rest = u.where.partition(" ")
    if kind == "law":
        return labels.law_label(rest)
    if kind == "code":
        return labels.code_label(rest)
    ref, _, part = u.where.partition(" part ")
    try:
        name = labels.version_label(corpus.version(ref))
    except Exception:  # a reference the corpus does not resolve: show it as it is
        return u.where
    return f"{name}, part {part}" if part else name


def status_words(status: str) -> str:
    """A Protocol status in words."""
    return STATUS_LABELS.get(status, status)
