"""What an amendment changed: a word-level redline and a structural diff of two versions.

The redline is :func:`kzlaw.worddiff.word_diff` over the full texts in one language (sanctions
included where a summary leaves them out, so a penalty change always shows). The structural diff
aligns parts by their stable id and circumstances by meaning (tags, then words), and reports each
change as a :class:`Change` with a machine-readable ``kind`` and a one-line ``summary``. This module
computes; :mod:`kzlaw.present` renders.

>>> import kzlaw
>>> d = kzlaw.diff("cc1997/128@2006-03-01", "cc1997/128@2006-03-02")
>>> [c.summary for c in d.changes if c.kind == "element.moved"]
['deception moved from the base offence (part 1) to part 2(h)', 'organised_group moved from part 3 to part 4(a)']
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterator, Mapping
from itertools import pairwise
from pathlib import Path
from typing import Literal, cast

from attrs import field, frozen

from kzlaw.corpus import Corpus, resolve_corpus
from kzlaw.display import Presentable
from kzlaw.errors import InvalidValueError, UnknownNameError
from kzlaw.model import Penalty, Sanction, Version
from kzlaw.refs import Ref
from kzlaw.worddiff import WordDiff, word_diff
from kzlaw.words import amount_text, months_text

__all__ = ["CHANGE_KINDS", "Change", "ChangeKind", "Diff", "compared_text", "diff", "diffs"]

#: Every kind of :class:`Change`, with what it means. The kinds are a contract: scripts rely on them.
CHANGE_KINDS: Mapping[str, str] = {
    "title.changed": "the article's title changed",
    "part.added": "a part was added",
    "part.removed": "a part was removed",
    "part.renumbered": "a part kept its id but changed its number",
    "element.added": "a part gained a constitutive element (or a circumstance gained a tag)",
    "element.removed": "a part lost a constitutive element (or a circumstance lost a tag)",
    "element.moved": "an element left one place (e.g. the base offence) and appears in another (e.g. a circumstance)",
    "circumstance.added": "a qualifying circumstance was added",
    "circumstance.removed": "a qualifying circumstance was removed",
    "circumstance.relabelled": "a circumstance kept its meaning but changed its letter or number",
    "circumstance.moved": "a circumstance moved to another part",
    "sanction.option_added": "a main penalty option was added",
    "sanction.option_removed": "a main penalty option was removed",
    "sanction.minimum_raised": "the minimum of an option was raised (or newly stated)",
    "sanction.minimum_lowered": "the minimum of an option was lowered (or no longer stated)",
    "sanction.maximum_raised": "the maximum of an option was raised",
    "sanction.maximum_lowered": "the maximum of an option was lowered",
    "sanction.additional_added": "an additional penalty was added",
    "sanction.additional_removed": "an additional penalty was removed",
    "sanction.became_mandatory": "an additional penalty went from optional to mandatory",
    "sanction.became_optional": "an additional penalty went from mandatory to optional",
    "sanction.article_maximum": "the heaviest imprisonment the article allows changed",
    "note.added": "a note was added",
    "note.removed": "a note was removed",
    "definition.added": "a definition was added",
    "definition.removed": "a definition was removed",
}


#: A change's kind (the keys of :data:`CHANGE_KINDS`).
ChangeKind = Literal[
    "title.changed",
    "part.added",
    "part.removed",
    "part.renumbered",
    "element.added",
    "element.removed",
    "element.moved",
    "circumstance.added",
    "circumstance.removed",
    "circumstance.relabelled",
    "circumstance.moved",
    "sanction.option_added",
    "sanction.option_removed",
    "sanction.minimum_raised",
    "sanction.minimum_lowered",
    "sanction.maximum_raised",
    "sanction.maximum_lowered",
    "sanction.additional_added",
    "sanction.additional_removed",
    "sanction.became_mandatory",
    "sanction.became_optional",
    "sanction.article_maximum",
    "note.added",
    "note.removed",
    "definition.added",
    "definition.removed",
]
Ops = tuple[tuple[int, str], ...]


def _kind_of(kind: str) -> ChangeKind:
    """A kind built from parts (``sanction.{bound}_{direction}``), typed; the class checks it is known."""
    return cast("ChangeKind", kind)


def _kind(_: object, __: object, kind: str) -> None:
    if kind not in CHANGE_KINDS:
        raise InvalidValueError("kind", f"unknown change kind {kind!r}; see kzlaw.CHANGE_KINDS", UnknownNameError)


@frozen
class Change(Presentable):
    """One change between two versions: a machine-readable ``kind`` and a one-line ``summary``.

    ``part`` is the part it concerns (its number in the new version, or in the old one if removed);
    ``tag``, ``old`` and ``new`` carry what changed where that applies.
    """

    kind: ChangeKind = field(validator=_kind)
    summary: str
    part: str | None = None
    tag: str | None = None
    old: str | None = None
    new: str | None = None


@frozen
class Diff(Presentable):
    """The differences between two versions: the word redline, the structural changes, and the patch.

    ``text`` holds diff-match-patch operations (-1 deleted, 0 kept, 1 inserted) over the texts
    :func:`compared_text` gives in ``language``; ``patch`` turns the old text into the new in any
    diff-match-patch implementation (offsets in UTF-16 units); ``redline`` is the word diff itself.
    """

    old: Version
    new: Version
    redline: WordDiff
    changes: tuple[Change, ...]
    language: str = "en"

    @property
    def text(self) -> Ops:
        """The redline's operations."""
        return self.redline.ops

    @property
    def patch(self) -> str:
        """The patch text (UTF-16 offsets, as every diff-match-patch port reads it)."""
        return self.redline.patch

    def kinds(self) -> tuple[str, ...]:
        """The kinds of the changes, in order."""
        return tuple(c.kind for c in self.changes)

    def to_docx(self, path: str | os.PathLike[str]) -> Path:
        """Write the redline as a Word document whose changes are tracked revisions; returns the path."""
        from kzlaw.present.redline_docx import write_diffs

        return write_diffs([self], path)

    def __repr__(self) -> str:
        changed = sum(1 for op, _ in self.text if op)
        what = f"{len(self.changes)} changes, {changed} changed runs"
        return f"<Diff {self.old.ref} -> {self.new.ref} ({self.language}): {what}>"


# --- structural diff ---------------------------------------------------------------------------

Loc = tuple[str, str | None]  # (part id, circumstance label or None for the part's own elements)


def _place(version: Version, loc: Loc) -> str:
    pid, label = loc
    part = next(p for p in version.parts if p.id == pid)
    return f"part {part.number}" + (f"({label})" if label else "")


def _locations(version: Version) -> dict[str, set[Loc]]:
    out: dict[str, set[Loc]] = {}
    for p in version.parts:
        for t in p.elements:
            out.setdefault(t, set()).add((p.id, None))
        for c in p.circumstances:
            for t in c.tags:
                out.setdefault(t, set()).add((p.id, c.label))
    return out


def _similar(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a.lower().split(), b.lower().split(), autojunk=False).ratio()


def _match_circumstances(old: Version, new: Version, lang: str) -> dict[Loc, Loc]:
    """Pair old and new circumstances by meaning: shared tags first, then similar words."""
    ow, nw = old.wording(lang), new.wording(lang)
    olds = [((p.id, c.label), c, ow.circumstance(p.id, c.label)) for p in old.parts for c in p.circumstances]
    news = [((p.id, c.label), c, nw.circumstance(p.id, c.label)) for p in new.parts for c in p.circumstances]
    scored = []
    for i, (oloc, oc, otext) in enumerate(olds):
        for j, (nloc, nc, ntext) in enumerate(news):
            union = set(oc.tags) | set(nc.tags)
            tags = len(set(oc.tags) & set(nc.tags)) / len(union) if union else 0.0
            if oc.tags and nc.tags and not tags:
                continue  # both tagged, nothing shared: different circumstances however alike the words
            words = _similar(otext, ntext)
            if tags >= 0.5 or words >= 0.6:
                same_place = 0.01 if oloc == nloc else 0.0
                scored.append((tags + words + same_place, i, j))
    pairs: dict[Loc, Loc] = {}
    used_old: set[int] = set()
    used_new: set[int] = set()
    for _, i, j in sorted(scored, reverse=True):
        if i not in used_old and j not in used_new:
            used_old.add(i)
            used_new.add(j)
            pairs[olds[i][0]] = news[j][0]
    return pairs


def _tag_label(corpus: Corpus, tag: str) -> str:
    info = corpus.tags.get(tag)
    return info.label if info else tag


def _parts(old: Version, new: Version) -> Iterator[Change]:
    new_ids = {p.id for p in new.parts}
    old_ids = {p.id for p in old.parts}
    for p in old.parts:
        if p.id not in new_ids:
            yield Change("part.removed", f"part {p.number} ({p.id}) removed: {p.sanction}", p.number, old=p.number)
    for p in new.parts:
        if p.id not in old_ids:
            yield Change("part.added", f"part {p.number} ({p.id}) added: {p.sanction}", p.number, new=p.number)
        else:
            before = next(q for q in old.parts if q.id == p.id)
            if before.number != p.number:
                yield Change(
                    "part.renumbered",
                    f"part {before.number} ({p.id}) is now part {p.number}",
                    p.number,
                    old=before.number,
                    new=p.number,
                )


def _elements(old: Version, new: Version, corpus: Corpus, matches: dict[Loc, Loc]) -> Iterator[Change]:
    before, after = _locations(old), _locations(new)
    new_circs = {(p.id, c.label) for p in new.parts for c in p.circumstances}
    matched_new = set(matches.values())
    new_ids = {p.id for p in new.parts}
    base_old = old.parts[0].id if old.parts else None
    for tag in sorted(set(before) | set(after), key=lambda t: (t not in before, t)):
        mapped = {matches.get(loc, loc) if loc[1] is not None else loc for loc in before.get(tag, set())}
        now = after.get(tag, set())
        gone, came = mapped - now, now - mapped
        # Places that vanished with their part or circumstance are told by those changes.
        gone = {loc for loc in gone if loc[0] in new_ids and (loc[1] is None or loc in matched_new)}
        label = _tag_label(corpus, tag)
        if gone and came and any(loc[1] is None for loc in gone | came):
            src = ", ".join(
                "the base offence (part 1)" if loc == (base_old, None) and loc[1] is None else _place(new, loc)
                for loc in sorted(gone, key=str)
            )
            dst = ", ".join(_place(new, loc) for loc in sorted(came, key=str))
            part = _place(new, sorted(came, key=str)[0]).removeprefix("part ")
            yield Change("element.moved", f"{tag} moved from {src} to {dst}", part, tag, src, dst)
            continue
        for loc in sorted(gone, key=str):
            where = _place(new, loc)
            yield Change(
                "element.removed", f"{where}: {label} ({tag}) removed", where.removeprefix("part "), tag, old=where
            )
        for loc in sorted(came, key=str):
            if loc[1] is not None and loc in new_circs and loc not in matched_new:
                continue  # inside a new circumstance: told by circumstance.added
            where = _place(new, loc)
            yield Change(
                "element.added", f"{where}: {label} ({tag}) added", where.removeprefix("part "), tag, new=where
            )


def _circumstances(old: Version, new: Version, matches: dict[Loc, Loc], lang: str) -> Iterator[Change]:
    ow, nw = old.wording(lang), new.wording(lang)
    for p in old.parts:
        for c in p.circumstances:
            loc = (p.id, c.label)
            if loc not in matches:
                where = f"{p.number}({c.label})"
                words = ow.circumstance(p.id, c.label)
                yield Change("circumstance.removed", f"circumstance {where} removed: {words!r}", p.number, old=where)
                continue
            pid, label = matches[loc]
            target = next(q for q in new.parts if q.id == pid)
            old_where, new_where = f"{p.number}({c.label})", f"{target.number}({label})"
            if (pid, label) != loc:
                kind: ChangeKind
                kind, summary = (
                    (
                        "circumstance.moved",
                        f"circumstance {old_where} moved to {new_where}: {ow.circumstance(p.id, c.label)!r}",
                    )
                    if pid != p.id
                    else ("circumstance.relabelled", f"circumstance {old_where} is now {new_where}")
                )
                yield Change(kind, summary, target.number, old=old_where, new=new_where)
    matched = set(matches.values())
    for p in new.parts:
        for c in p.circumstances:
            if (p.id, c.label) not in matched:
                where = f"{p.number}({c.label})"
                words = nw.circumstance(p.id, c.label)
                yield Change("circumstance.added", f"circumstance {where} added: {words!r}", p.number, new=where)


def _fold_relabels(changes: list[Change]) -> list[Change]:
    """Three or more relabellings in one part read as one change (a -> 1, b -> 2, ...)."""
    by_part: dict[str | None, list[Change]] = {}
    for c in changes:
        if c.kind == "circumstance.relabelled":
            by_part.setdefault(c.part, []).append(c)
    out: list[Change] = []
    for c in changes:
        group = by_part.get(c.part, []) if c.kind == "circumstance.relabelled" else []
        if len(group) < 3:
            out.append(c)
        elif c is group[0]:
            pairs = ", ".join(f"{g.old} -> {g.new}" for g in group)
            out.append(
                Change(
                    "circumstance.relabelled",
                    f"part {c.part}: {len(group)} circumstances relabelled ({pairs})",
                    c.part,
                    old=", ".join(g.old or "" for g in group),
                    new=", ".join(g.new or "" for g in group),
                )
            )
    return out


def _options(number: str, old: tuple[Penalty, ...], new: tuple[Penalty, ...], additional: bool) -> Iterator[Change]:
    key = (lambda p: p.kind) if additional else (lambda p: (p.kind, p.unit, p.lifetime))
    before = {key(p): p for p in old}
    after = {key(p): p for p in new}
    what = "additional penalty" if additional else "option"
    kind = "additional" if additional else "option"
    for k, p in before.items():
        if k not in after:
            yield Change(
                _kind_of(f"sanction.{kind}_removed"), f"part {number}: {what} removed: {p}", number, old=str(p)
            )
    for k, p in after.items():
        if k not in before:
            yield Change(_kind_of(f"sanction.{kind}_added"), f"part {number}: {what} added: {p}", number, new=str(p))
            continue
        q = before[k]
        if additional and q.optional != p.optional:
            which = "became_optional" if p.optional else "became_mandatory"
            state = "optional" if p.optional else "mandatory"
            name = p.kind.replace("_", " ")
            yield Change(
                _kind_of(f"sanction.{which}"), f"part {number}: {name} became {state}", number, old=str(q), new=str(p)
            )
        for bound in ("minimum", "maximum"):
            a, b = getattr(q, bound), getattr(p, bound)
            if a == b or (a is None and b is None):
                continue
            if bound == "minimum":  # a minimum newly stated is a raise
                raised = b is not None and (a is None or b > a)
            else:  # a maximum that disappears is no limit at all
                raised = b is None or (a is not None and b > a)
            direction = "raised" if raised else "lowered"
            was, now = amount_text(a, q.unit), amount_text(b, p.unit)
            name = p.kind.replace("_", " ")
            yield Change(
                _kind_of(f"sanction.{bound}_{direction}"),
                f"part {number}: {name} {bound} {direction} from {was} to {now}",
                number,
                old=was,
                new=now,
            )


def _heaviest(version: Version) -> tuple[float, str]:
    """The article's heaviest imprisonment, as a sort value and in words."""
    if not version.parts:
        return (-1.0, "no imprisonment")
    s: Sanction = max((p.sanction for p in version.parts), key=Sanction.severity)
    high = s.severity()[0]
    if s.life:
        return (high, "life imprisonment")
    if high < 0:
        return (high, "no imprisonment")
    return (high, months_text(int(high)))


def _sanctions(old: Version, new: Version) -> Iterator[Change]:
    olds = {p.id: p for p in old.parts}
    for p in new.parts:
        q = olds.get(p.id)
        if q is None:
            continue
        yield from _options(p.number, q.sanction.main, p.sanction.main, additional=False)
        yield from _options(p.number, q.sanction.additional, p.sanction.additional, additional=True)
    (a, a_text), (b, b_text) = _heaviest(old), _heaviest(new)
    if a != b:
        word = "raised" if b > a else "lowered"
        yield Change(
            "sanction.article_maximum",
            f"maximum term across the article {word} from {a_text} to {b_text}",
            old=a_text,
            new=b_text,
        )


def _notes(old: Version, new: Version, lang: str) -> Iterator[Change]:
    ow, nw = old.wording(lang), new.wording(lang)
    before = {(n.label, ow.notes[n.label]) for n in old.notes}
    after = {(n.label, nw.notes[n.label]) for n in new.notes}
    for label, text in sorted(before - after):
        yield Change("note.removed", f"note {label} removed: {text[:80]!r}".replace("note  ", "note "), old=text)
    for label, text in sorted(after - before):
        yield Change("note.added", f"note {label} added: {text[:80]!r}".replace("note  ", "note "), new=text)
    dbefore = {(d.term, d.label, ow.definitions[d.label]) for d in old.definitions}
    dafter = {(d.term, d.label, nw.definitions[d.label]) for d in new.definitions}
    for term, label, text in sorted(dbefore - dafter):
        yield Change("definition.removed", f"{label}: definition of {term!r} removed", old=text)
    for term, label, text in sorted(dafter - dbefore):
        yield Change("definition.added", f"{label}: definition of {term!r} added", new=text)


def _structural(old: Version, new: Version, corpus: Corpus, lang: str) -> tuple[Change, ...]:
    changes: list[Change] = []
    a, b = old.wording(lang).title, new.wording(lang).title
    if a != b:
        changes.append(Change("title.changed", f"title changed from {a!r} to {b!r}", old=a, new=b))
    matches = _match_circumstances(old, new, lang)
    changes += _parts(old, new)
    changes += _elements(old, new, corpus, matches)
    changes += _fold_relabels(list(_circumstances(old, new, matches, lang)))
    changes += _sanctions(old, new)
    changes += _notes(old, new, lang)
    return tuple(changes)


def compared_text(version: Version, language: str | None = None) -> str:
    """The text a redline compares: the full text in ``language``, with each part's sanction where
    the wording is a summary that leaves sanctions out (so a penalty change shows in the redline).
    """
    w = version.wording(language)
    words = None
    text = version.full_text(w.language)
    if w.status != "summary":
        return text
    lines = [text]
    for p in version.parts:
        lines.append(f"[Sanction, part {p.number}: {p.sanction}]")
    del words
    return "\n".join(lines)


def _language(old: Version, new: Version, language: str | None) -> str:
    if language is not None:
        old.wording(language)
        new.wording(language)
        return language
    shared = [lang for lang in old.wordings if lang in new.wordings]
    return "en" if "en" in shared else shared[0] if shared else old.wording().language


def diff(
    old: Version | str | Ref, new: Version | str | Ref, corpus: Corpus | None = None, language: str | None = None
) -> Diff:
    """Compare two versions: of one article, or across articles and codes (``cc1997/133`` to ``cc2014/135``).

    Args:
        old: The earlier version, or its reference.
        new: The later version, or its reference.
        corpus: The corpus to resolve references and read tag labels from; the bundled one by default.
        language: The wording to redline (``en``, ``ru``, ``kk``); by default English where both hold it.
    """
    corpus = resolve_corpus(corpus)
    (a,), (b,) = corpus.versions(old), corpus.versions(new)
    lang = _language(a, b, language)
    redline = word_diff(compared_text(a, lang), compared_text(b, lang))
    return Diff(a, b, redline, _structural(a, b, corpus, lang), lang)


def diffs(article: str, corpus: Corpus | None = None, language: str | None = None) -> tuple[Diff, ...]:
    """The diffs of every pair of consecutive versions of an article."""
    corpus = resolve_corpus(corpus)
    versions = corpus.article(article).versions
    return tuple(diff(a, b, corpus, language) for a, b in pairwise(versions))
