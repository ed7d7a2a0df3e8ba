"""The structural diff: parts aligned by stable id, circumstances by meaning, elements, sanctions, notes.

:func:`structural_changes` lists, as :class:`~kzlaw.change.Change` objects, what an amendment changed in the
legal state: parts added, removed or renumbered; elements added, removed or moved (deception leaving the base
offence for a qualifying circumstance is one move); circumstances added, removed, relabelled or moved; each
sanction option's bounds; the article's heaviest term; notes and definitions.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from kzlaw.change import Change, ChangeKind, kind_of
from kzlaw.corpus import Corpus
from kzlaw.model import Penalty, Sanction, Version
from kzlaw.words import amount_text, months_text

__all__ = ["structural_changes"]

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
            yield Change("element.moved", f"{label} moved from {src} to {dst}", part, tag, src, dst)
            continue
        for loc in sorted(gone, key=str):
            where = _place(new, loc)
            yield Change("element.removed", f"{where}: {label} removed", where.removeprefix("part "), tag, old=where)
        for loc in sorted(came, key=str):
            if loc[1] is not None and loc in new_circs and loc not in matched_new:
                continue  # inside a new circumstance: told by circumstance.added
            where = _place(new, loc)
            yield Change("element.added", f"{where}: {label} added", where.removeprefix("part "), tag, new=where)


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
            yield Change(kind_of(f"sanction.{kind}_removed"), f"part {number}: {what} removed: {p}", number, old=str(p))
    for k, p in after.items():
        if k not in before:
            yield Change(kind_of(f"sanction.{kind}_added"), f"part {number}: {what} added: {p}", number, new=str(p))
            continue
        q = before[k]
        if additional and q.optional != p.optional:
            which = "became_optional" if p.optional else "became_mandatory"
            state = "optional" if p.optional else "mandatory"
            name = p.kind.replace("_", " ")
            yield Change(
                kind_of(f"sanction.{which}"), f"part {number}: {name} became {state}", number, old=str(q), new=str(p)
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
                kind_of(f"sanction.{bound}_{direction}"),
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
    if high == -2.0:  # the heaviest part's imprisonment is not attested: nothing can be said of the maximum
        return (high, "an unattested term")
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
    if a != b and -2.0 not in (a, b):
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


def structural_changes(old: Version, new: Version, corpus: Corpus, lang: str) -> tuple[Change, ...]:
    """Every structural change from ``old`` to ``new``, reading words in ``lang``, in a stable order."""
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
