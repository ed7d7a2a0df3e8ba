"""The redline of two versions: their texts compared provision by provision, then word by word.

A word diff of two whole texts matches whatever words happen to be alike, so a point repealed in one
part and a new point elsewhere read as one turned into the other (old 2(b) "with regard to a minor"
becoming new 2(e) "with regard to a pregnant woman"), and a stray "the" or "of" ties a repealed
part to a new one. A version knows its provisions, so :func:`redline` cuts each compared text
(:func:`kzlaw.changes.compared_text`) into pieces: the heading, each part's opening words, each of
its points (found by their label and quoted words), the rest of the part, and each line after the
parts (notes, definitions, footnote, sanction lines). It pairs the pieces that are the same
provision, in order: a part by its id, a point by its tags (else its label) within its part, a
sanction line by its part's id, another line by its opening words. A part cut into points in one
version and not in the other is compared whole in both, so a penalty changed in it still reads as
the words that changed. A pair is word-diffed (:func:`kzlaw.worddiff.word_diff`); a piece with no
counterpart is deleted or inserted whole. So a point that leaves part 2 for part 3 reads as deleted
there and inserted here, and nothing in a repealed part is matched into a new one.

The pieces joined are exactly the compared texts, and every cut falls between two tokens of the
word diff (:func:`kzlaw.worddiff.tokenize`), so the redline rebuilds both texts, its runs break
where a word diff's may, and its patch applies as any word diff's does. Where a text cannot be cut
so (a part's words not where the version says), the texts are word-diffed whole.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from kzlaw.model import Part, Version
from kzlaw.wordalign import increasing
from kzlaw.worddiff import WordDiff, word_diff

__all__ = ["paired_diff", "part_pieces", "part_redlines", "pieces", "redline", "sanction_line"]

#: A piece of a compared text: ``(key, text)``. The key pairs it with the same provision of the other
#: version (``heading``, ``part:<id>``, ``point:<id>:<tags>``, ``rest:<id>``, ``sanction:<id>``,
#: ``line:<opening words>``); the texts of a version's pieces, joined, are its compared text.
Piece = tuple[str, str]


def sanction_line(part: Part) -> str:
    """A part's sanction as a line a redline compares where a summary leaves the sanction out."""
    return f"[Sanction, part {part.number}: {part.sanction}]"


def redline(old: Version, new: Version, old_text: str, new_text: str, language: str) -> WordDiff:
    """The word diff of two versions' compared texts, provision by provision (see the module).

    Args:
        old: The earlier version.
        new: The later version.
        old_text: ``old``'s compared text in ``language`` (:func:`kzlaw.changes.compared_text`).
        new_text: ``new``'s, likewise.
        language: The language of both texts.

    Returns:
        A :class:`~kzlaw.worddiff.WordDiff` whose old and new texts are ``old_text`` and ``new_text``.
    """
    a, b = pieces(old, old_text, language), pieces(new, new_text, language)
    return word_diff(old_text, new_text) if a is None or b is None else paired_diff(a, b)


def paired_diff(a: list[Piece], b: list[Piece]) -> WordDiff:
    """The word diff of two texts cut into keyed pieces: the same provisions paired, the rest deleted or inserted.

    Args:
        a: The old text's pieces (from :func:`pieces` or :func:`part_pieces`).
        b: The new text's.

    Returns:
        A :class:`~kzlaw.worddiff.WordDiff` whose old and new texts are the pieces' texts joined.
    """
    a, b = _same_cuts(a, b)
    ops: list[tuple[int, str]] = []
    i = j = 0
    for pi, pj in _paired([k for k, _ in a], [k for k, _ in b]):
        ops += [(-1, text) for _, text in a[i:pi]] + [(1, text) for _, text in b[j:pj]]
        x, y = a[pi][1], b[pj][1]
        ops += [(0, x)] if x == y else word_diff(x, y).ops
        i, j = pi + 1, pj + 1
    ops += [(-1, text) for _, text in a[i:]] + [(1, text) for _, text in b[j:]]
    return WordDiff(_merged(ops))


def part_redlines(
    old: Version, new: Version, language: str, sanctions: bool = False
) -> list[tuple[Part | None, Part | None, WordDiff]]:
    """Each part's own redline, the parts paired by stable id: ``(old part, new part, redline)``, in order.

    The new version's parts come first (with the old part of the same id, or ``None`` for a new part),
    then the old parts that are gone (``None`` on the new side). Each pair is redlined as :func:`redline`
    redlines it (points paired by meaning); with ``sanctions``, each part's :func:`sanction_line` is
    redlined after its words (for a summary that leaves the sanction out).
    """
    ow, nw = old.wording(language), new.wording(language)

    def cut(part: Part | None, w: Any) -> list[Piece]:
        if part is None:
            return []
        found = part_pieces(part, w.part(part.id), w.parts[part.id].circumstances)
        return [*found, (f"sanction:{part.id}", f"\n{sanction_line(part)}")] if sanctions else found

    olds = {p.id: p for p in old.parts}
    pairs = [(olds.pop(p.id, None), p) for p in new.parts] + [(q, None) for q in olds.values()]
    return [(q, p, paired_diff(cut(q, ow), cut(p, nw))) for q, p in pairs]


def pieces(version: Version, text: str, language: str) -> list[Piece] | None:
    """``text``, the version's compared text in ``language``, cut into its provisions; ``None`` if it cannot be.

    Args:
        version: The version the text is of.
        text: Its compared text (:func:`kzlaw.changes.compared_text`).
        language: The language of the text.

    Returns:
        The pieces in order (their texts joined are ``text``; each key is unique), or ``None`` where
        the version's words are not where it says (the text is then compared whole).
    """
    w = version.wording(language)
    first = text.find("\n") + 1 if "\n" in text else len(text)
    out: list[Piece] = [("heading", text[:first])]
    at = first
    for part in version.parts:
        words = w.part(part.id)
        if not text.startswith(words, at):
            return None
        end = at + len(words) + (1 if text.startswith("\n", at + len(words)) else 0)
        out += part_pieces(part, text[at:end], w.parts[part.id].circumstances)
        at = end
    rest = text[at:]
    summary = "\n[Sanction, part " in rest or rest.startswith("[Sanction, part ")  # lines only a summary has
    sanctions = {sanction_line(p): f"sanction:{p.id}" for p in version.parts} if summary else {}
    for line in re.split(r"(?<=\n)(?=\S)", rest) if rest else ():
        key = sanctions.get(line.rstrip()) or "line:" + re.split(r"[.:]\s", line, maxsplit=1)[0][:40].strip()
        out.append((key, line))
    return _unique(_joined_at_bad_cuts(out, text))  # slices of ``text`` end to end: joined, they are ``text``


def _unique(found: list[Piece]) -> list[Piece]:
    """The pieces with a repeated key marked by its rank (two lines that open alike pair in order)."""
    seen: dict[str, int] = {}
    out: list[Piece] = []
    for key, text in found:
        seen[key] = seen.get(key, 0) + 1
        out.append((key if seen[key] == 1 else f"{key}#{seen[key]}", text))
    return out


def _between_tokens(text: str, at: int) -> bool:
    """Whether a cut at ``at`` surely falls between two tokens (:func:`kzlaw.worddiff.tokenize`).

    A token starts at a character that is not a space after one that is, its whitespace starts where
    its word or symbol ends, and ASCII punctuation is a symbol of its own. A cut this cannot vouch for
    (between two spaces, inside a word, before a combining mark) is not made.
    """
    if at <= 0 or at >= len(text):
        return True
    before, after = text[at - 1].isspace(), text[at].isspace()
    return before != after or (not before and text[at] in ",;:.)")


def _joined_at_bad_cuts(found: list[Piece], text: str) -> list[Piece]:
    """The pieces with each one whose start is not between two tokens joined to the piece before it."""
    out: list[Piece] = []
    at = 0
    for key, piece in found:
        if out and not _between_tokens(text, at):
            out[-1] = (out[-1][0], out[-1][1] + piece)
        else:
            out.append((key, piece))
        at += len(piece)
    return out


def part_pieces(part: Part, text: str, quoted: Mapping[str, str]) -> list[Piece]:
    """A part's text cut at its points: its opening words, each point, and the rest (``quoted``: the points' words).

    A point is found by its label and quoted words (``b) with regard to a minor``), else by its words
    alone, after the point before it; it starts at its label and runs to the next point; the last ends
    with its words. Where a point is not found, or a cut would not fall between two tokens, the part
    is one piece (and :func:`paired_diff` then compares it whole in the other version too).
    """
    whole = [(f"part:{part.id}", text)]
    cuts: list[tuple[int, int, str]] = []  # (start, end of the quoted words, key)
    at = 0
    for c in part.circumstances:
        words = quoted.get(c.label)
        if not words:
            return whole
        found = _find(text, at, c.label, words)
        if found is None:
            return whole
        key = f"point:{part.id}:" + ("+".join(sorted(c.tags)) if c.tags else f"label {c.label}")
        cuts.append((*found, key))
        at = found[1]
    bounds = [start for start, _, _ in cuts] + [cuts[-1][1]] if cuts else []
    if not cuts or not all(_between_tokens(text, at) for at in bounds):
        return whole
    out: list[Piece] = [(f"part:{part.id}", text[: cuts[0][0]])]
    for (start, _, key), (end, _, _) in zip(cuts, [*cuts[1:], (cuts[-1][1], 0, "")], strict=True):
        out.append((key, text[start:end]))
    out.append((f"rest:{part.id}", text[cuts[-1][1] :]))
    return out


def _find(text: str, at: int, label: str, words: str) -> tuple[int, int] | None:
    """Where a point is in a part's text from ``at``: its label and words, else its words; ``(start, end)``.

    The words as quoted are looked for first (a plain search), then with any whitespace between them.
    """
    for head in (f"{label}) ", f"{label})\n", ""):
        start = text.find(head + words, at)
        while start > 0 and head and not text[start - 1].isspace():  # "1)" inside "11)"
            start = text.find(head + words, start + 1)
        if start >= 0:
            return start, start + len(head) + len(words)
    spaced = r"\s+".join(map(re.escape, words.split()))
    found = re.search(rf"(?<!\S){re.escape(label)}\)\s*{spaced}", text[at:]) or re.search(spaced, text[at:])
    return None if found is None else (at + found.start(), at + found.end())


def _same_cuts(a: list[Piece], b: list[Piece]) -> tuple[list[Piece], list[Piece]]:
    """Both versions' pieces, with a part cut into points in one and whole in the other made whole in both."""
    uneven = _cut_parts(a) ^ _cut_parts(b)
    return _whole(a, uneven), _whole(b, uneven)


def _cut_parts(found: list[Piece]) -> set[str]:
    """The ids of the parts cut into points."""
    return {key.split(":")[1] for key, _ in found if key.startswith("point:")}


def _whole(found: list[Piece], parts: set[str]) -> list[Piece]:
    """The pieces with the points and rest of each part in ``parts`` joined back to its opening words."""
    out: list[Piece] = []
    for key, text in found:
        kind, _, rest = key.partition(":")
        if kind in ("point", "rest") and rest.split(":")[0] in parts and out:
            out[-1] = (out[-1][0], out[-1][1] + text)
        else:
            out.append((key, text))
    return out


def _paired(a: list[str], b: list[str]) -> list[tuple[int, int]]:
    """The places of the keys ``a`` and ``b`` share, paired in order (the longest run kept in order)."""
    where = {k: j for j, k in enumerate(b)}
    ii = [i for i, k in enumerate(a) if k in where]
    ii, jj = increasing(ii, [where[a[i]] for i in ii])
    return list(zip(ii, jj, strict=True))


def _merged(ops: list[tuple[int, str]]) -> tuple[tuple[int, str], ...]:
    """The operations with neighbours of one kind joined and empty ones dropped."""
    out: list[tuple[int, str]] = []
    for op, text in ops:
        if not text:
            continue
        if out and out[-1][0] == op:
            out[-1] = (op, out[-1][1] + text)
        else:
            out.append((op, text))
    return tuple(out)
