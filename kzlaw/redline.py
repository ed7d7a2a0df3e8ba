"""The redline of two versions: their texts compared provision by provision, then word by word.

A word diff of two whole texts matches whatever words happen to be alike, so a point repealed in one
part and a new point elsewhere read as one turned into the other (old 2(b) "with regard to a minor"
becoming new 2(e) "with regard to a pregnant woman"), and a stray "the" or "of" ties a repealed
part to a new one. A version knows its provisions, so :func:`redline` cuts each compared text
(:func:`kzlaw.changes.compared_text`) into pieces: the heading, each part's opening words, each of
its points (found by their quoted words), the rest of the part, and each line after the parts
(notes, definitions, footnote, sanction lines). It pairs the pieces that are the same provision, in
order: a part by its id, a point by its tags (else its label) within its part, a line after the
parts by its opening words. A pair is word-diffed (:func:`kzlaw.worddiff.word_diff`); a piece with
no counterpart is deleted or inserted whole. So a point that leaves part 2 for part 3 reads as
deleted there and inserted here, and nothing in a repealed part is matched into a new one.

The pieces joined are exactly the compared texts, so the redline rebuilds both and its patch
applies as any word diff's does; where a text cannot be cut so (a part's words not where the
version says), the texts are word-diffed whole.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from kzlaw.model import Part, Version
from kzlaw.wordalign import align
from kzlaw.worddiff import WordDiff, word_diff

__all__ = ["pieces", "redline"]

Piece = tuple[str, str]  # (key, text): the key pairs a piece with its counterpart; the text ends with its "\n"


def redline(old: Version, new: Version, old_text: str, new_text: str, language: str) -> WordDiff:
    """The word diff of two versions' compared texts, provision by provision (see the module)."""
    a, b = pieces(old, old_text, language), pieces(new, new_text, language)
    if a is None or b is None:
        return word_diff(old_text, new_text)
    ops: list[tuple[int, str]] = []
    i = j = 0
    for op, n in align([k for k, _ in a], [k for k, _ in b]):
        if op == 0:
            for (_, x), (_, y) in zip(a[i : i + n], b[j : j + n], strict=True):
                if x == y:
                    ops.append((0, x))
                else:
                    ops += word_diff(x, y).ops
        else:
            taken = a[i : i + n] if op < 0 else b[j : j + n]
            ops += [(op, text) for _, text in taken]
        i, j = i + (n if op <= 0 else 0), j + (n if op >= 0 else 0)
    return WordDiff(_merged(ops))


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


def pieces(version: Version, text: str, language: str) -> list[Piece] | None:
    """``text`` (the version's compared text in ``language``) cut into keyed pieces, or ``None`` if it cannot be.

    The pieces' texts joined are ``text``; each key is unique in the list.
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
        out += _part_pieces(part, text[at:end], w.parts[part.id].circumstances)
        at = end
    seen: set[str] = set()
    for line in text[at:].splitlines(keepends=True):
        key = "line:" + re.split(r"[.:]\s", line, maxsplit=1)[0][:40]
        while key in seen:  # two lines that open alike: paired in order
            key += "'"
        seen.add(key)
        out.append((key, line))
    return out if "".join(t for _, t in out) == text and at <= len(text) else None


def _between_tokens(text: str, at: int) -> bool:
    """Whether a cut at ``at`` surely falls between two tokens (:func:`kzlaw.worddiff.tokenize`).

    Next to a space, or before ASCII punctuation (a symbol is a token of its own): a sufficient
    test, not a full one; a cut it cannot vouch for keeps the part whole.
    """
    return at in (0, len(text)) or text[at - 1].isspace() or text[at].isspace() or text[at] in ",;:.)"


def _part_pieces(part: Part, text: str, quoted: Mapping[str, str]) -> list[Piece]:
    """A part's text cut at its points: its opening words, each point, and the rest.

    A point starts at its label (``b)``, ``2)``) before its quoted words, if the label is there, and
    runs to the next point; the last ends with its words. Where the points are not found in order,
    or a cut would fall inside a word, the part is one piece.
    """
    whole = [(f"part:{part.id}", text)]
    cuts: list[tuple[int, int, str]] = []  # (start, end of the quoted words, key)
    at = 0
    for c in part.circumstances:
        words = quoted.get(c.label)
        if not words:
            return whole
        start = text.find(words, at)
        end = start + len(words)
        if start < 0:  # the quoted words with other whitespace
            found = re.compile(r"\s+".join(map(re.escape, words.split()))).search(text, at)
            if found is None:
                return whole
            start, end = found.span()
        label = text.rfind(f"{c.label})", at, start)
        if label >= 0 and not text[label + len(c.label) + 1 : start].strip():
            start = label
        key = f"point:{part.id}:" + ("+".join(sorted(c.tags)) if c.tags else f"label {c.label}")
        cuts.append((start, end, key))
        at = end
    if not cuts:
        return whole
    bounds = [s for s, _, _ in cuts] + [cuts[-1][1]]
    if not all(map(_between_tokens, [text] * len(bounds), bounds)) or len({k for _, _, k in cuts}) < len(cuts):
        return whole
    out: list[Piece] = [(f"part:{part.id}", text[: cuts[0][0]])]
    for (start, _, key), end in zip(cuts, bounds[1:], strict=True):
        out.append((key, text[start:end]))
    out.append((f"rest:{part.id}", text[cuts[-1][1] :]))
    return out
