"""diff-match-patch patch texts with offsets in UTF-16 code units: made from a word diff's runs, and applied exactly.

:func:`patch_text` gives diff-match-patch's ``patch_make`` then ``patch_toText`` of a diff's runs,
offsets and lengths counted in UTF-16 code units, as the JavaScript, Java and C# ports count them
(Python's own port counts code points, which differ past U+FFFF); :func:`apply_patch` applies such
a patch exactly (no fuzzy matching). :class:`kzlaw.WordDiff` gives its patch with the first.

>>> old, new = "до 😀 пяти лет", "до 😀 семи лет"
>>> patch = patch_text(((0, "до 😀 "), (-1, "пяти"), (1, "семи"), (0, " лет")), old, new)
>>> patch.splitlines()[0]
'@@ -2,13 +2,13 @@'
>>> apply_patch(old, patch) == new
True
"""

from __future__ import annotations

import re
import urllib.parse
from bisect import bisect_left

from kzlaw.errors import KzlawError

__all__ = ["Ops", "PatchError", "apply_patch", "patch_text"]

Ops = tuple[tuple[int, str], ...]
_MARGIN, _MAXBITS = 4, 32  # diff-match-patch's Patch_Margin and Match_MaxBits
_SAFE = "!~*'();/?:@&=+$,# "  # what diff-match-patch's patch text leaves unescaped (as encodeURI does)
_HEADER = re.compile(r"@@ -(\d+),?(\d*) \+(\d+),?(\d*) @@")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class PatchError(KzlawError, ValueError):
    """A patch text is malformed, or one of its hunks does not apply exactly to the text."""


def _units(text: str) -> int:
    """The length of a text in UTF-16 code units, as JavaScript, Java and C# count it."""
    return len(text) if text.isascii() else len(text.encode("utf-16-le")) // 2


class _Rolling:
    """The text a hunk of diff-match-patch's rolling patch sees: ``new[:p] + old[q:]``."""

    def __init__(self, new: str, p: int, old: str, q: int) -> None:
        self.new, self.p, self.old, self.q, self.size = new, p, old, q, p + len(old) - q

    def __getitem__(self, s: slice) -> str:
        lo, hi = max(s.start, 0), min(s.stop, self.size)
        if hi <= self.p:
            return self.new[lo:hi]
        if lo >= self.p:
            return self.old[self.q + lo - self.p : self.q + hi - self.p]
        return self.new[lo : self.p] + self.old[self.q : self.q + hi - self.p]

    def repeats(self, pattern: str) -> bool:
        """Whether ``pattern`` occurs at two places or more (``text.find(pattern) != text.rfind(pattern)``)."""
        m, new, p, old, q = len(pattern), self.new, self.p, self.old, self.q
        if not m:
            return self.size > 0
        hits = []
        if (i := new.find(pattern, 0, p)) >= 0:
            hits += [i, new.find(pattern, i + 1, p)]
        window = new[max(0, p - m + 1) : p] + old[q : q + m - 1] if p and q < len(old) else ""
        if (i := window.find(pattern)) >= 0:
            hits += [i, window.find(pattern, i + 1)]
        if (i := old.find(pattern, q)) >= 0:
            hits += [i, old.find(pattern, i + 1)]
        return sum(h >= 0 for h in hits) > 1


def _hunk(text: _Rolling, start: int, length1: int, diffs: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """diff-match-patch's ``patch_addContext``: widen the hunk until its text is unique (within limits)."""
    if not text.size:
        return diffs
    pattern, padding = text[start : start + length1], 0
    while text.repeats(pattern) and len(pattern) < _MAXBITS - 2 * _MARGIN:
        padding += _MARGIN
        pattern = text[start - padding : start + length1 + padding]
    padding += _MARGIN
    prefix, suffix = text[start - padding : start], text[start + length1 : start + length1 + padding]
    return [(0, prefix)] * bool(prefix) + diffs + [(0, suffix)] * bool(suffix)


def _coords(start: int, length: int) -> str:
    return f"{start},0" if length == 0 else f"{start + 1}" if length == 1 else f"{start + 1},{length}"


def patch_text(ops: Ops, old: str, new: str) -> str:
    """diff-match-patch's ``patch_make(old, ops)`` then ``patch_toText``, with offsets in UTF-16 code units.

    Args:
        ops: The runs ``(op, text)`` of a diff from ``old`` to ``new``: -1 deleted, 0 kept, 1 inserted.
        old: The old text (the kept and deleted runs).
        new: The new text (the kept and inserted runs).

    Raises:
        UnicodeEncodeError: A text has a lone surrogate, which a patch text (UTF-8, %-escaped) cannot carry.
    """
    hunks: list[tuple[int, list[tuple[int, str]]]] = []
    diffs: list[tuple[int, str]] = []
    p = q = i_old = i_new = start = length1 = 0
    for x, (op, text) in enumerate(ops):
        if not diffs and op:
            start = i_new
        if op or (len(text) <= 2 * _MARGIN and diffs and x != len(ops) - 1):
            diffs.append((op, text))
            length1 += len(text) * (op <= 0)
        if not op and len(text) >= 2 * _MARGIN and diffs:
            hunks.append((start, _hunk(_Rolling(new, p, old, q), start, length1, diffs)))
            diffs, length1, p, q = [], 0, i_new, i_old
        i_old, i_new = i_old + len(text) * (op <= 0), i_new + len(text) * (op >= 0)
    if diffs:
        hunks.append((start, _hunk(_Rolling(new, p, old, q), start, length1, diffs)))
    astral = [m.start() for m in _ASTRAL.finditer(new)] if not new.isascii() else []
    out = []
    for start, diffs in hunks:
        head = start - len(diffs[0][1]) * (diffs[0][0] == 0)
        at = head + bisect_left(astral, head)
        l1, l2 = (sum(_units(t) for op, t in diffs if op != side) for side in (1, -1))
        out.append(f"@@ -{_coords(at, l1)} +{_coords(at, l2)} @@\n")
        out += [{-1: "-", 0: " ", 1: "+"}[op] + urllib.parse.quote(t.encode(), _SAFE) + "\n" for op, t in diffs]
    return "".join(out)


def _parse(patch: str) -> list[tuple[int, int, int, list[tuple[int, str]]]]:
    """The hunks of a patch text as ``(start2, length1, length2, diffs)``, as ``patch_fromText`` reads them."""
    hunks: list[tuple[int, int, int, list[tuple[int, str]]]] = []
    for line in patch.split("\n"):
        if not line:
            continue
        if line[0] == "@":
            if not (m := _HEADER.fullmatch(line)):
                raise PatchError(f"invalid patch header: {line!r}")
            l1 = 1 if m[2] == "" else int(m[2])
            l2 = 1 if m[4] == "" else int(m[4])
            hunks.append((int(m[3]) - (l2 != 0), l1, l2, []))
        elif line[0] in "+- " and hunks:
            try:
                text = urllib.parse.unquote(line[1:], errors="strict")
            except UnicodeDecodeError as e:
                raise PatchError(f"invalid %-escape in patch line {line!r}") from e
            hunks[-1][3].append(({"+": 1, "-": -1, " ": 0}[line[0]], text))
        else:
            raise PatchError(f"invalid patch line: {line!r}")
    return hunks


def apply_patch(text: str, patch: str) -> str:
    """Apply a diff-match-patch patch text, offsets in UTF-16 code units, exactly (no fuzzy matching).

    Raises:
        PatchError: The patch is malformed, or a hunk's text is not at its place in ``text``.
    """
    try:
        src = text.encode("utf-16-le")
    except UnicodeEncodeError as e:
        raise PatchError("the text has a lone surrogate, which no patch text can carry") from e
    out: list[bytes] = []
    done = pos = 0  # code units written to out, and read from src
    leads: list[tuple[int, bytes]] = []
    for n, (start, length1, length2, diffs) in enumerate(_parse(patch), 1):
        units = [(op, t.encode("utf-16-le")) for op, t in diffs if t]
        if (
            sum(len(u) for op, u in units if op <= 0) != 2 * length1
            or sum(len(u) for op, u in units if op >= 0) != 2 * length2
        ):
            raise PatchError(f"hunk {n}: its header's lengths do not match its lines")
        lead = units.pop(0)[1] if units and units[0][0] == 0 else b""
        trail = units.pop()[1] if units and units[-1][0] == 0 else b""
        leads.append((2 * start, lead))
        gap = 2 * (start - done) + len(lead)
        if gap < 0 or pos + gap > len(src):
            raise PatchError(f"hunk {n}: starts at code unit {start}, outside the text left to patch")
        out.append(src[pos : pos + gap])
        pos, done = pos + gap, done + gap // 2
        for op, u in [*units, (2, trail)]:
            if op != 1 and src[pos : pos + len(u)] != u:
                raise PatchError(f"hunk {n}: the text at code unit {done} is not the hunk's")
            if op in (0, 1):
                out.append(u)
                done += len(u) // 2
            pos += len(u) * (op in (-1, 0))
    out.append(src[pos:])
    result = b"".join(out)
    for at, lead in leads:
        if result[at : at + len(lead)] != lead:
            raise PatchError(f"a hunk's leading context is not at code unit {at // 2}")
    try:
        return result.decode("utf-16-le")
    except UnicodeDecodeError as e:
        raise PatchError("the patch splits a surrogate pair") from e
