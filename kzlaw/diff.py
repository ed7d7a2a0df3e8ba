"""What an amendment changed: a word-level redline and a structural diff of two versions.

The redline uses diff-match-patch at word granularity: each word (and each run of spaces or
punctuation) is encoded as one character, the encoded texts are diffed and cleaned up
semantically, then decoded, so a change always reads as whole words (see :func:`word_diff`).
``Diff_Timeout`` is 0, so the result never depends on the machine's speed. The structural diff
aligns parts by their stable id and circumstances by meaning (tags, then words), and reports each
change as a :class:`Change` with a machine-readable ``kind`` and a one-line ``summary``.

>>> import kzlaw
>>> d = kzlaw.diff("cc1997/128@2006-03-01", "cc1997/128@2006-03-02")
>>> [c.summary for c in d.changes if c.kind == "element.moved"]
['deception moved from the base offence (part 1) to part 2(h)', 'organised_group moved from part 3 to part 4(a)']
"""

from __future__ import annotations

import difflib
import functools
import html
import re
from collections.abc import Iterator, Mapping
from itertools import pairwise
from typing import Any

from attrs import frozen

from kzlaw.load import load
from kzlaw.model import Corpus, Penalty, Sanction, Version
from kzlaw.render import CSS, page

__all__ = ["CHANGE_KINDS", "Change", "Diff", "diff", "diffs", "word_diff", "word_patch"]

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

Ops = tuple[tuple[int, str], ...]
_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")  # words, runs of spaces, single punctuation marks
_COARSE = re.compile(r"\w+[^\S\n]*|[^\w\s][^\S\n]*|\s+")  # the same, each with its trailing spaces


@functools.cache
def _dmp() -> Any:
    from diff_match_patch import diff_match_patch

    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0  # deterministic: never cut short by the clock
    return dmp


def _char(i: int) -> str:
    code = i + 1
    return chr(code + 0x800 if code >= 0xD800 else code)  # skip the surrogate block


def _index(ch: str) -> int:
    code = ord(ch)
    return (code - 0x800 if code >= 0xE000 else code) - 1


def _encode(text: str, pattern: re.Pattern[str], vocab: dict[str, str], tokens: list[str]) -> str:
    out = []
    for tok in pattern.findall(text):
        ch = vocab.get(tok)
        if ch is None:
            ch = vocab[tok] = _char(len(tokens))
            tokens.append(tok)
        out.append(ch)
    return "".join(out)


def word_diff(old: str, new: str) -> list[tuple[int, str]]:
    """A word-level diff as diff-match-patch operations ``(op, text)``: -1 deleted, 0 kept, 1 inserted.

    Two passes: the texts are aligned with each word and its trailing spaces as one token (half the
    tokens, so the O(N·D) alignment runs about twice as fast), then every run is re-encoded with
    words and spaces as separate tokens and cleaned up there, merging first, so that a shared space
    is factored out before short equalities are judged. Every run is re-encoded exactly, so the
    operations always rebuild both texts.

    >>> word_diff("by way of deception", "by means of deceit")
    [(0, 'by '), (-1, 'way'), (1, 'means'), (0, ' of '), (-1, 'deception'), (1, 'deceit')]
    """
    dmp = _dmp()
    coarse_vocab: dict[str, str] = {}
    coarse_tokens: list[str] = []
    a = _encode(old, _COARSE, coarse_vocab, coarse_tokens)
    b = _encode(new, _COARSE, coarse_vocab, coarse_tokens)
    vocab: dict[str, str] = {}
    tokens: list[str] = []
    fine = [
        (op, _encode("".join(coarse_tokens[_index(c)] for c in text), _TOKEN, vocab, tokens))
        for op, text in dmp.diff_main(a, b, False)
    ]
    # Clean up in word space, so that merging never splits a word into letters ("wag|es").
    dmp.diff_cleanupMerge(fine)
    dmp.diff_cleanupSemantic(fine)
    return [(op, "".join(tokens[_index(c)] for c in text)) for op, text in fine if text]


def word_patch(old: str, ops: list[tuple[int, str]]) -> str:
    """The diff-match-patch patch text that turns ``old`` into the new text of ``ops``."""
    dmp = _dmp()
    return str(dmp.patch_toText(dmp.patch_make(old, ops)))


@frozen
class Change:
    """One change between two versions: a machine-readable ``kind`` and a one-line ``summary``.

    ``part`` is the part it concerns (its number in the new version, or in the old one if removed);
    ``tag``, ``old`` and ``new`` carry what changed where that applies.
    """

    kind: str
    summary: str
    part: str | None = None
    tag: str | None = None
    old: str | None = None
    new: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        """The JSON form: ``kind``, ``summary``, ``part``, ``tag``, ``old``, ``new``."""
        return {
            "kind": self.kind,
            "summary": self.summary,
            "part": self.part,
            "tag": self.tag,
            "old": self.old,
            "new": self.new,
        }


@frozen
class Diff:
    """The differences between two versions: the word redline, the structural changes, and the patch."""

    old: Version
    new: Version
    text: Ops
    changes: tuple[Change, ...]
    patch: str

    def kinds(self) -> tuple[str, ...]:
        """The kinds of the changes, in order."""
        return tuple(c.kind for c in self.changes)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (``kzlaw diff --format json``): ``old``, ``new``, ``text``, ``changes``, ``patch``.

        ``text`` is a list of ``[op, text]`` pairs with op -1 (deleted), 0 (kept) or 1 (inserted), as
        diff-match-patch writes them; ``patch`` is diff-match-patch's patch text.
        """
        return {
            "old": self.old.ref,
            "new": self.new.ref,
            "text": [[op, t] for op, t in self.text],
            "changes": [c.to_dict() for c in self.changes],
            "patch": self.patch,
        }

    def to_text(self, color: bool = False) -> str:
        """A terminal view: the changes, then the redline (``[-deleted-]{+inserted+}``, or ANSI colours)."""
        if color:
            marks = {-1: ("\x1b[9;31m", "\x1b[0m"), 1: ("\x1b[4;32m", "\x1b[0m"), 0: ("", "")}
        else:
            marks = {-1: ("[-", "-]"), 1: ("{+", "+}"), 0: ("", "")}
        lines = [f"{self.old.ref} -> {self.new.ref}", ""]
        lines += [f"  * {c.summary}" for c in self.changes] or ["  (no structural change)"]
        lines += ["", "".join(marks[op][0] + t + marks[op][1] for op, t in self.text)]
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.to_text()

    def to_markdown(self) -> str:
        """A Markdown view: a list of changes and a redline, with statute text escaped.

        Deleted words read ``~~deleted~~`` and inserted ones ``**inserted**``; a change that begins or
        ends with punctuation uses ``<del>``/``<ins>``, which CommonMark always honours.
        """

        def esc(text: str) -> str:
            # What CommonMark could read as markup: inline markers anywhere, block markers at a line start.
            text = re.sub(r"([\\`*_\[\]<>|~&])", r"\\\1", text)
            text = re.sub(r"(?m)^(\s*)([#+=-])", r"\1\\\2", text)
            return re.sub(r"(?m)^(\s*)(\d+)([.)])", r"\1\2\\\3", text)

        def run(op: int, text: str) -> str:
            if op == 0:
                return esc(text)
            out = []
            for line in re.split(r"(\n)", text):
                m = re.fullmatch(r"(\s*)(.*?)(\s*)", line, re.S)
                assert m is not None
                lead, body, tail = m.groups()
                if not body:
                    out.append(line)
                elif body[0].isalnum() and body[-1].isalnum():  # delimiters flank cleanly
                    mark = "~~" if op == -1 else "**"
                    out.append(f"{lead}{mark}{esc(body)}{mark}{tail}")
                else:
                    tag = "del" if op == -1 else "ins"
                    out.append(f"{lead}<{tag}>{esc(body)}</{tag}>{tail}")
            return "".join(out)

        changes = "\n".join(f"- {esc(' '.join(c.summary.split()))}" for c in self.changes) or "- no structural change"
        # Hard line breaks; no line may start indented (CommonMark would read an indented code block).
        redline = "  \n".join(line.lstrip() for line in "".join(run(op, t) for op, t in self.text).split("\n"))
        return f"### {esc(self.old.ref)} → {esc(self.new.ref)}\n\n{changes}\n\n{redline}\n"

    def to_html(self, standalone: bool = False) -> str:
        """An HTML view with ``<del>``/``<ins>`` and kzlaw's small stylesheet; all statute text escaped."""
        e = html.escape
        tag = {-1: "del", 1: "ins"}
        redline = "".join(e(t) if op == 0 else f"<{tag[op]}>{e(t)}</{tag[op]}>" for op, t in self.text)
        items = "".join(f"<li><code>{e(c.kind)}</code> {e(c.summary)}</li>" for c in self.changes)
        body = (
            f'<div class="kz"><style>{CSS}</style><h3>{e(self.old.ref)} → {e(self.new.ref)}</h3>'
            f'<ul>{items or "<li>no structural change</li>"}</ul><div class="kz-text">{redline}</div></div>'
        )
        return page(f"{self.old.ref} → {self.new.ref}", body) if standalone else body

    def _repr_html_(self) -> str:
        return self.to_html()


# --- structural diff ------------------------------------------------------------------------------

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


def _match_circumstances(old: Version, new: Version) -> dict[Loc, Loc]:
    """Pair old and new circumstances by meaning: shared tags first, then similar words."""
    olds = [((p.id, c.label), c) for p in old.parts for c in p.circumstances]
    news = [((p.id, c.label), c) for p in new.parts for c in p.circumstances]
    scored = []
    for i, (oloc, oc) in enumerate(olds):
        for j, (nloc, nc) in enumerate(news):
            union = set(oc.tags) | set(nc.tags)
            tags = len(set(oc.tags) & set(nc.tags)) / len(union) if union else 0.0
            if oc.tags and nc.tags and not tags:
                continue  # both tagged, nothing shared: different circumstances however alike the words
            words = _similar(oc.text, nc.text)
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


def _circumstances(old: Version, new: Version, matches: dict[Loc, Loc]) -> Iterator[Change]:
    for p in old.parts:
        for c in p.circumstances:
            loc = (p.id, c.label)
            if loc not in matches:
                where = f"{p.number}({c.label})"
                yield Change("circumstance.removed", f"circumstance {where} removed: {c.text!r}", p.number, old=where)
                continue
            pid, label = matches[loc]
            target = next(q for q in new.parts if q.id == pid)
            old_where, new_where = f"{p.number}({c.label})", f"{target.number}({label})"
            if (pid, label) != loc:
                kind, summary = (
                    ("circumstance.moved", f"circumstance {old_where} moved to {new_where}: {c.text!r}")
                    if pid != p.id
                    else ("circumstance.relabelled", f"circumstance {old_where} is now {new_where}")
                )
                yield Change(kind, summary, target.number, old=old_where, new=new_where)
    matched = set(matches.values())
    for p in new.parts:
        for c in p.circumstances:
            if (p.id, c.label) not in matched:
                where = f"{p.number}({c.label})"
                yield Change("circumstance.added", f"circumstance {where} added: {c.text!r}", p.number, new=where)


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


def _bound(value: int | None, unit: str | None) -> str:
    if value is None:
        return "unstated"
    return f"{value} {unit[:-1] if value == 1 and unit in ('years', 'months', 'hours') else unit}"


def _options(number: str, old: tuple[Penalty, ...], new: tuple[Penalty, ...], additional: bool) -> Iterator[Change]:
    key = (lambda p: p.kind) if additional else (lambda p: (p.kind, p.unit, p.lifetime))
    before = {key(p): p for p in old}
    after = {key(p): p for p in new}
    what = "additional penalty" if additional else "option"
    kind = "additional" if additional else "option"
    for k, p in before.items():
        if k not in after:
            yield Change(f"sanction.{kind}_removed", f"part {number}: {what} removed: {p}", number, old=str(p))
    for k, p in after.items():
        if k not in before:
            yield Change(f"sanction.{kind}_added", f"part {number}: {what} added: {p}", number, new=str(p))
            continue
        q = before[k]
        if additional and q.optional != p.optional:
            which = "became_optional" if p.optional else "became_mandatory"
            state = "optional" if p.optional else "mandatory"
            name = p.kind.replace("_", " ")
            yield Change(f"sanction.{which}", f"part {number}: {name} became {state}", number, old=str(q), new=str(p))
        for bound in ("minimum", "maximum"):
            a, b = getattr(q, bound), getattr(p, bound)
            if a == b or (a is None and b is None):
                continue
            if bound == "minimum":  # a minimum newly stated is a raise
                raised = b is not None and (a is None or b > a)
            else:  # a maximum that disappears is no limit at all
                raised = b is None or (a is not None and b > a)
            direction = "raised" if raised else "lowered"
            was, now = _bound(a, q.unit), _bound(b, p.unit)
            name = p.kind.replace("_", " ")
            yield Change(
                f"sanction.{bound}_{direction}",
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
    months = int(high)
    return (high, f"{months // 12} years" if months % 12 == 0 else f"{months} months")


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


def _notes(old: Version, new: Version) -> Iterator[Change]:
    before = {(n.label, n.text) for n in old.notes}
    after = {(n.label, n.text) for n in new.notes}
    for label, text in sorted(before - after):
        yield Change("note.removed", f"note {label} removed: {text[:80]!r}".replace("note  ", "note "), old=text)
    for label, text in sorted(after - before):
        yield Change("note.added", f"note {label} added: {text[:80]!r}".replace("note  ", "note "), new=text)
    dbefore = {(d.term, d.label, d.text) for d in old.definitions}
    dafter = {(d.term, d.label, d.text) for d in new.definitions}
    for term, label, text in sorted(dbefore - dafter):
        yield Change("definition.removed", f"{label}: definition of {term!r} removed", old=text)
    for term, label, text in sorted(dafter - dbefore):
        yield Change("definition.added", f"{label}: definition of {term!r} added", new=text)


def _structural(old: Version, new: Version, corpus: Corpus) -> tuple[Change, ...]:
    changes: list[Change] = []
    if old.title != new.title:
        changes.append(
            Change("title.changed", f"title changed from {old.title!r} to {new.title!r}", old=old.title, new=new.title)
        )
    matches = _match_circumstances(old, new)
    changes += _parts(old, new)
    changes += _elements(old, new, corpus, matches)
    changes += _fold_relabels(list(_circumstances(old, new, matches)))
    changes += _sanctions(old, new)
    changes += _notes(old, new)
    return tuple(changes)


def diff(old: Version | str, new: Version | str, corpus: Corpus | None = None) -> Diff:
    """Compare two versions: of one article, or across articles and codes (``cc1997/133`` to ``cc2014/135``).

    Args:
        old: The earlier version, or its reference.
        new: The later version, or its reference.
        corpus: The corpus to resolve references and read tag labels from; the bundled one by default.
    """
    corpus = corpus or load()
    a = corpus.version(old) if isinstance(old, str) else old
    b = corpus.version(new) if isinstance(new, str) else new
    ops = word_diff(a.text, b.text)
    return Diff(a, b, tuple(ops), _structural(a, b, corpus), word_patch(a.text, ops))


def diffs(article: str, corpus: Corpus | None = None) -> tuple[Diff, ...]:
    """The diffs of every pair of consecutive versions of an article."""
    corpus = corpus or load()
    versions = corpus.article(article).versions
    return tuple(diff(a, b, corpus) for a, b in pairwise(versions))
