"""Fast, exact word-level diffs, and diff-match-patch patches that every port of diff-match-patch reads.

:func:`word_diff` sets aside the texts' common head and tail (found by comparing slices, cut where
a token starts in both), splits the rest of both into tokens (a word or one symbol, with the
combining marks that belong to it and its trailing whitespace) and aligns them with
:func:`kzlaw.wordalign.align`: anchors on tokens that occur once in both (patience diff), an exact
shortest diff inside small gaps, a deletion then an insertion for a gap that has no anchor or that
its anchors keep little of (a rewrite, a translation); near-linear whatever the texts, and never
cut short by the clock. The result is cleaned up at word level, so a change reads as whole words,
and heavy rewrites read as a deleted run then an inserted run.

:attr:`WordDiff.patch` is diff-match-patch's patch text with offsets and lengths counted in UTF-16
code units, as the JavaScript, Java and C# ports count them (Python's own port counts code points,
which differ past U+FFFF); :func:`apply_patch` applies such a patch exactly
(both live in :mod:`kzlaw.wordpatch`).

>>> d = word_diff("от трех до пяти лет", "от четырех до семи лет")
>>> d.ops
((0, 'от '), (-1, 'трех'), (1, 'четырех'), (0, ' до '), (-1, 'пяти'), (1, 'семи'), (0, ' лет'))
>>> apply_patch(d.old, d.patch) == d.new
True
"""

from __future__ import annotations

import functools
import re
import unicodedata
from itertools import accumulate

from attrs import frozen

from kzlaw.wordalign import align
from kzlaw.wordpatch import Ops, PatchError, apply_patch, patch_text

__all__ = ["Ops", "PatchError", "WordDiff", "apply_patch", "tokenize", "word_diff"]

_MARK_BLOCKS = ((0x300, 0x3400), (0xA000, 0xAC00), (0xF900, 0x20000), (0xE0100, 0xE01F0))  # all of M* (tested)


def _ranges(codes: list[int]) -> str:
    """A regular-expression class body for the given code points (ascending)."""
    runs: list[list[int]] = []
    for c in codes:
        if runs and runs[-1][1] == c - 1:
            runs[-1][1] = c
        else:
            runs.append([c, c])
    return "".join(re.escape(chr(lo)) + (f"-{re.escape(chr(hi))}" if hi > lo else "") for lo, hi in runs)


@functools.cache
def _pattern(wide: bool) -> re.Pattern[str]:
    r"""A token: a word, or one symbol (a flag is two), with the marks that join it and its trailing whitespace.

    Word characters are ``\w``, the combining marks and the zero-width (non-)joiners; a symbol is any
    other non-space character. Classes with characters past U+FFFF, and ``\w`` itself, make ``re``
    slow, so a text without such characters gets an equivalent pattern over the BMP alone, its word
    class listed range by range (found with ``re`` itself over all of the BMP).

    Building the classes takes a scan of the code points (tens of milliseconds), so the patterns
    for the Unicode version of kzlaw's own Python are stored in :mod:`kzlaw.tokenclasses` (a test
    checks them against a fresh build); another Unicode version builds its own.
    """
    from kzlaw import tokenclasses

    if unicodedata.unidata_version == tokenclasses.UNIDATA_VERSION:
        return re.compile(tokenclasses.WIDE if wide else tokenclasses.BMP)
    return re.compile(_build_pattern(wide))


def _build_pattern(wide: bool) -> str:
    """The source of :func:`_pattern`'s pattern, built from :mod:`unicodedata` and ``re`` of this Python."""
    blocks = _MARK_BLOCKS if wide else ((0x300, 0x3400), (0xA000, 0xAC00), (0xF900, 0x10000))
    marks = [c for lo, hi in blocks for c in range(lo, hi) if unicodedata.category(chr(c))[0] == "M"]
    if wide:
        m = _ranges(marks) + "\u200c"
        sym = rf"(?:[\U0001f1e6-\U0001f1ff]{{2}}|[^\w\s{m}\u200d])"
        word, glue = rf"[\w{m}\u200d]", rf"[{m}\U0001f3fb-\U0001f3ff]"
    else:
        bmp = "".join(map(chr, range(0x10000)))
        joins = {*marks, 0x200C, 0x200D}
        symbols = [c for c in map(ord, re.findall(r"[^\w\s]", bmp)) if c not in joins]
        words = "".join(
            f"{re.escape(m[0][0])}-{re.escape(m[0][-1])}" for m in re.finditer(rf"[^\s{_ranges(symbols)}]+", bmp)
        )
        sym, word, glue = f"[{_ranges(symbols)}]", f"[{words}]", f"[{_ranges(marks)}\\u200c]"
    return rf"(?:{word}+|{sym}(?:{glue}|\u200d{sym}?)*)\s*|\s+"


def _token_classes_module() -> str:
    """The text of :mod:`kzlaw.tokenclasses` for this Python (``python -m kzlaw.worddiff`` writes it)."""
    head = (
        '"""The token patterns of :mod:`kzlaw.worddiff`, built for one Unicode version (generated: do not edit).\n\n'
        "Regenerate with ``python -m kzlaw.worddiff`` on a Python of another Unicode version; a test checks\n"
        'that they are what ``kzlaw.worddiff._build_pattern`` builds.\n"""\n\n'
        "#: The Unicode version (:data:`unicodedata.unidata_version`) the patterns were built for.\n"
        f'UNIDATA_VERSION = "{unicodedata.unidata_version}"\n'
    )
    docs = {
        "BMP": "#: The token pattern for a text with no character past U+FFFF (its classes listed range by range).",
        "WIDE": "#: The token pattern for a text with characters past U+FFFF.",
    }
    return head + "".join(
        f"{docs[name]}\n{name} = (\n{_literal(_build_pattern(wide))})\n"
        for name, wide in (("BMP", False), ("WIDE", True))
    )


def _literal(text: str, width: int = 100) -> str:
    """``text`` as lines of ASCII Python string literals (non-ASCII characters escaped), each under ``width``."""
    lines: list[str] = []
    line = ""
    for ch in text:
        piece = _escaped(ch)
        if len(line) + len(piece) > width:
            lines.append(line)
            line = ""
        line += piece
    return "".join(f'    "{x}"\n' for x in [*lines, line])


def _escaped(ch: str) -> str:
    """One character as it is written in an ASCII Python string literal between double quotes."""
    o = ord(ch)
    if ch in '\\"':
        return "\\" + ch
    return ch if 32 <= o < 127 else f"\\u{o:04x}" if o < 0x10000 else f"\\U{o:08x}"


def _tokens(text: str) -> list[str]:
    """The tokens of a text, each with its trailing whitespace."""
    return _pattern(not text.isascii() and len(text.encode("utf-16-le", "surrogatepass")) > 2 * len(text)).findall(text)


def tokenize(text: str) -> list[str]:
    """The pieces a diff never splits: words (with their marks), symbols and whitespace runs, in order.

    >>> tokenize("ч. 2, ст. 128")
    ['ч', '.', ' ', '2', ',', ' ', 'ст', '.', ' ', '128']
    """
    out = []
    for tok in _tokens(text):
        core = tok.rstrip()
        out += [p for p in (core, tok[len(core) :]) if p]
    return out


def _space(text: str, start: int, end: int, last: bool) -> int:
    """Where the first (``last``: the last) space or line break of ``text[start:end]`` is, or -1."""
    if last:
        return max(text.rfind(" ", start, end), text.rfind("\n", start, end))
    hits = [at for at in (text.find(" ", start, end), text.find("\n", start, end)) if at >= 0]
    return min(hits) if hits else -1


def _cut(old: str, new: str) -> tuple[int, int]:
    """``(p, t)``: ``old[:p]`` and ``old[len(old) - t:]`` are a common head and tail, each ending where a token starts.

    A token starts at every non-space character after a space (a token is its core and all the
    whitespace after it), so the common head is cut at the last such place inside it, and the tail
    at the first: the tokens of the middles are then those of the whole texts there.
    """
    n, m = len(old), len(new)
    p = t = 0
    if old[0] == new[0]:
        q = _common(old, new, 0, False) - 1  # old[q] is the last common character
        at = _space(old, 0, q, True)
        while at >= 0 and old[at + 1].isspace():
            at = _space(old, 0, at, True)
        p = at + 1  # old[at] is a space and old[at + 1] is not: a token starts there (or p is 0)
    if old[-1] == new[-1] and p < n and p < m:
        at = _space(old, n - _common(old, new, p, True), n - 1, False)  # old[at] and old[at + 1] are common
        while at >= 0 and old[at + 1].isspace():
            at = _space(old, at + 1, n - 1, False)
        t = n - at - 1 if at >= 0 else 0
    return p, t


def _common(a: str, b: str, start: int, back: bool) -> int:
    """The length of the common head (``back``: tail) of ``a[start:]`` and ``b[start:]``: a binary search."""
    na, nb = len(a), len(b)
    lo, hi = 0, min(na, nb) - start
    mid = hi
    while lo < mid:
        if a[na - mid : na - lo] == b[nb - mid : nb - lo] if back else a[lo:mid] == b[lo:mid]:
            lo = mid
        else:
            hi = mid
        mid = (hi - lo) // 2 + lo
    return mid


_Change = list[int]  # [deleted from, to, inserted from, to (character offsets), tokens deleted, inserted, kept before]


def _changes(a: list[str], b: list[str], keys: list[str], oa: list[int], ob: list[int]) -> list[_Change]:
    """The changes the alignment of two token lists gives, in order (``oa``, ``ob``: where each token starts).

    Tokens are aligned on their text less trailing whitespace, so "лет" at the end of a sentence
    still matches "лет " inside one; a whitespace difference becomes a change of its own, after the
    token's core.
    """
    out: list[_Change] = []
    ia = ib = kept = 0
    last: _Change | None = None  # the change still open
    for op, n in align(keys, _keys(b)):
        if op == 0:
            if a[ia : ia + n] == b[ib : ib + n]:
                kept, last = kept + n, None
            else:
                for k in range(n):
                    x, y = a[ia + k], b[ib + k]
                    kept += 1
                    if x == y:
                        last = None
                        continue
                    c = len(keys[ia + k])
                    last = [oa[ia + k] + c, oa[ia + k + 1], ob[ib + k] + c, ob[ib + k + 1]]
                    last += [int(len(x) > c), int(len(y) > c), kept]
                    out.append(last)
                    kept = 0
            ia, ib = ia + n, ib + n
            continue
        if last is None:
            last = [oa[ia], oa[ia], ob[ib], ob[ib], 0, 0, kept]
            out.append(last)
            kept = 0
        if op < 0:
            ia += n
            last[1], last[4] = oa[ia], last[4] + n
        else:
            ib += n
            last[3], last[5] = ob[ib], last[5] + n
    return out


def _eliminate(changes: list[_Change]) -> list[_Change]:
    """Fold into the changes each equality shorter than the changes on both sides of it (as dmp's cleanup).

    Lengths are counted in tokens, each with its trailing whitespace: "shorter", where diff-match-patch
    says "no longer" in characters, so one kept word between two changed words stays.
    """
    out: list[_Change] = []
    for c in changes:
        while out and c[6] < (c[4] if c[4] > c[5] else c[5]) and c[6] < max(out[-1][4], out[-1][5]):
            p = out.pop()
            c = [p[0], c[1], p[2], c[3], p[4] + c[6] + c[4], p[5] + c[6] + c[5], p[6]]
        out.append(c)
    return out


def _split(piece: str) -> tuple[str, str]:
    core = piece.rstrip()
    return core, piece[len(core) :]


def _shared(d: list[str], i: list[str]) -> tuple[str, str]:
    """The head and the tail a deletion and its insertion (as tokens) share: whole tokens, then a core or a space."""
    p = 0
    while p < len(d) and p < len(i) and d[p] == i[p]:
        p += 1
    head = d[:p]
    d, i = d[p:], i[p:]
    if d and i and (x := _split(d[0]))[0] and x[0] == (y := _split(i[0]))[0]:
        head.append(x[0])
        d, i = [x[1], *d[1:]] if x[1] else d[1:], [y[1], *i[1:]] if y[1] else i[1:]
    s = 0
    while s < len(d) and s < len(i) and d[-1 - s] == i[-1 - s]:
        s += 1
    tail = d[len(d) - s :]
    d, i = d[: len(d) - s], i[: len(i) - s]
    if d and i and (x := _split(d[-1]))[1] and x[1] == (y := _split(i[-1]))[1]:
        tail.insert(0, x[1])
    return "".join(head), "".join(tail)


def _factor(old: str, new: str, c: _Change) -> None:
    """Move what a deletion and the insertion beside it share into the equalities around them.

    The usual cases (nothing shared at the start; at the end, at most the whitespace after two
    different words) are read off the characters; the others tokenize the change.
    """
    a0, a1, b0, b1 = c[0], c[1], c[2], c[3]
    if a0 == a1 or b0 == b1 or (old[a0] != new[b0] and old[a1 - 1] != new[b1 - 1]):
        return
    if old[a0] != new[b0] and old[a1 - 1].isspace():
        d, i = old[a0:a1].rstrip(), new[b0:b1].rstrip()
        w = a1 - a0 - len(d)
        if (not d or not i or d[-1] != i[-1]) and old[a1 - w : a1] == new[b1 - w : b1] and b1 - b0 - len(i) == w:
            c[1], c[3] = a1 - w, b1 - w  # the tokens differ; only the whitespace after them is the same
            return
    head, tail = _shared(_tokens(old[a0:a1]), _tokens(new[b0:b1]))
    c[0], c[1], c[2], c[3] = a0 + len(head), a1 - len(tail), b0 + len(head), b1 - len(tail)


def _keys(tokens: list[str]) -> list[str]:
    """What tokens are aligned on: their text less trailing whitespace (a whitespace token is itself)."""
    keys = list(map(str.rstrip, tokens))
    if keys and not keys[0]:  # only the first token can be all whitespace
        keys[0] = tokens[0]
    return keys


def word_diff(old: str, new: str) -> WordDiff:
    """A word-level diff of two texts: changes read as whole words, heavy rewrites as one run out, one in.

    Deterministic and near-linear (see the module's description); the operations always rebuild
    both texts exactly.

    >>> word_diff("by way of deception", "by means of deceit").ops
    ((0, 'by '), (-1, 'way'), (1, 'means'), (0, ' of '), (-1, 'deception'), (1, 'deceit'))
    """
    if old == new:
        return WordDiff(((0, old),) if old else ())
    if not old or not new:
        return WordDiff(((1, new),) if new else ((-1, old),))
    p, t = _cut(old, new)
    if p + t in (len(old), len(new)):  # one side's middle is empty: one run out, or one in
        runs = ((0, old[:p]), (-1, old[p : len(old) - t]), (1, new[p : len(new) - t]), (0, old[len(old) - t :]))
        return WordDiff(tuple((op, text) for op, text in runs if text))
    a, b = _tokens(old[p : len(old) - t]), _tokens(new[p : len(new) - t])
    changes = _changes(a, b, _keys(a), [*accumulate(map(len, a), initial=p)], [*accumulate(map(len, b), initial=p)])
    ops: list[tuple[int, str]] = []
    at = 0
    for c in _eliminate(changes):
        _factor(old, new, c)
        a0, a1, b0, b1 = c[0], c[1], c[2], c[3]
        if a0 == a1 and b0 == b1:
            continue
        if at < a0:
            ops.append((0, old[at:a0]))
        if a0 < a1:
            ops.append((-1, old[a0:a1]))
        if b0 < b1:
            ops.append((1, new[b0:b1]))
        at = a1
    if at < len(old):
        ops.append((0, old[at:]))
    return WordDiff(tuple(ops))


@frozen
class WordDiff:
    """A word-level diff: diff-match-patch operations ``(op, text)``, -1 deleted, 0 kept, 1 inserted.

    Runs of one kind are merged and none is empty; every run boundary falls between tokens of both
    texts (see :func:`tokenize`).
    """

    ops: Ops

    @property
    def old(self) -> str:
        """The old text: the kept and deleted runs."""
        return "".join(t for op, t in self.ops if op <= 0)

    @property
    def new(self) -> str:
        """The new text: the kept and inserted runs."""
        return "".join(t for op, t in self.ops if op >= 0)

    @property
    def changed(self) -> bool:
        """Whether the texts differ."""
        return any(op for op, _ in self.ops)

    @property
    def patch(self) -> str:
        """diff-match-patch's patch text from the old text to the new, offsets in UTF-16 code units.

        Raises:
            PatchError: A text has a lone surrogate, which a patch text (UTF-8, %-escaped) cannot carry.
        """
        try:
            return patch_text(self.ops, self.old, self.new)
        except UnicodeEncodeError as e:
            raise PatchError("a text has a lone surrogate, which no patch text can carry") from e

    @property
    def delta(self) -> str:
        """diff-match-patch's ``diff_toDelta`` (lengths in UTF-16 code units)."""
        from diff_match_patch import diff_match_patch  # only the delta needs it

        return str(diff_match_patch().diff_toDelta(list(self.ops)))

    def __repr__(self) -> str:
        marks = {-1: "[-{}-]", 0: "{}", 1: "{{+{}+}}"}
        text = "".join(marks[op].format(t) for op, t in self.ops)
        return f"WordDiff({text[:60] + '…' if len(text) > 60 else text!r})"


if __name__ == "__main__":  # pragma: no cover - regenerates kzlaw/tokenclasses.py
    from pathlib import Path

    Path(__file__).with_name("tokenclasses.py").write_text(_token_classes_module(), encoding="ascii")
