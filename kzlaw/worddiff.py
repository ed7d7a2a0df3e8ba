"""Fast, exact word-level diffs, and diff-match-patch patches that every port of diff-match-patch reads.

:func:`word_diff` splits both texts into tokens (a word or one symbol, with the combining marks that
belong to it and its trailing whitespace), trims the common prefix and suffix, anchors on tokens that
occur once in both texts (patience diff: the longest increasing run of such matches), recurses into
the gaps, and runs diff-match-patch's exact bisection (``Diff_Timeout`` 0, so never cut short by the
clock) only inside small gaps, each token encoded as one character of its own gap (so any number of
distinct tokens is fine). A large gap with no anchor, or whose anchors keep little of it (a rewrite,
a translation), is a deletion then an insertion. The result is cleaned up at word level, so a change
reads as whole words, and heavy rewrites read as a deleted run then an inserted run. With the
``fast-diff-match-patch`` package installed, its C++ bisection is used instead: the same results.

:attr:`WordDiff.patch` is diff-match-patch's patch text with offsets and lengths counted in UTF-16
code units, as the JavaScript, Java and C# ports count them (Python's own port counts code points,
which differ past U+FFFF); :func:`apply_patch` applies such a patch exactly.

>>> d = word_diff("от трех до пяти лет", "от четырех до семи лет")
>>> d.ops
((0, 'от '), (-1, 'трех'), (1, 'четырех'), (0, ' до '), (-1, 'пяти'), (1, 'семи'), (0, ' лет'))
>>> apply_patch(d.old, d.patch) == d.new
True
"""

from __future__ import annotations

import functools
import importlib
import re
import unicodedata
import urllib.parse
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable

from attrs import frozen
from diff_match_patch import diff_match_patch

from kzlaw.errors import KzlawError

__all__ = ["PatchError", "WordDiff", "apply_patch", "tokenize", "word_diff"]

Ops = tuple[tuple[int, str], ...]
_SMALL = 36  # the most common tokens (of one side times the other) a gap may have for the exact bisection
_MID = 1024  # gaps up to this size (tokens of one side times the other) first look for common tokens cheaply
_MARGIN, _MAXBITS = 4, 32  # diff-match-patch's Patch_Margin and Match_MaxBits
_SAFE = "!~*'();/?:@&=+$,# "  # what diff-match-patch's patch text leaves unescaped (as encodeURI does)
_HEADER = re.compile(r"@@ -(\d+),?(\d*) \+(\d+),?(\d*) @@")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_MARK_BLOCKS = ((0x300, 0x3400), (0xA000, 0xAC00), (0xF900, 0x20000), (0xE0100, 0xE01F0))  # all of M* (tested)


class PatchError(KzlawError, ValueError):
    """A patch text is malformed, or one of its hunks does not apply exactly to the text."""


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
    class written as "neither space nor symbol".
    """
    blocks = _MARK_BLOCKS if wide else ((0, 0x10000),)
    marks = [c for lo, hi in blocks for c in range(lo, hi) if unicodedata.category(chr(c))[0] == "M"]
    if wide:
        m = _ranges(marks) + "\u200c"
        sym = rf"(?:[\U0001f1e6-\U0001f1ff]{{2}}|[^\w\s{m}\u200d])"
        word, glue = rf"[\w{m}\u200d]", rf"[{m}\U0001f3fb-\U0001f3ff]"
    else:
        joins = {*marks, 0x200C, 0x200D}
        symbols = [c for c in range(0x10000) if not (chr(c).isalnum() or chr(c).isspace() or c in joins or c == 0x5F)]
        sym, word, glue = f"[{_ranges(symbols)}]", f"[^\\s{_ranges(symbols)}]", f"[{_ranges(marks)}\\u200c]"
    return re.compile(rf"(?:{word}+|{sym}(?:{glue}|\u200d{sym}?)*)\s*|\s+")


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


def _bisect_py(a: str, b: str) -> list[tuple[int, int]]:
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0  # deterministic: never cut short by the clock
    return [(op, len(text)) for op, text in dmp.diff_main(a, b, False)]


def _bisect_fast(a: str, b: str) -> list[tuple[int, int]]:
    sign = {"=": 0, "-": -1, "+": 1}
    diff = importlib.import_module("fast_diff_match_patch").diff
    return [(sign[op], n) for op, n in diff(a, b, timelimit=0, checklines=False, cleanup="No", counts_only=True)]


def _engine() -> Callable[[str, str], list[tuple[int, int]]]:
    try:
        importlib.import_module("fast_diff_match_patch")
    except ImportError:
        return _bisect_py
    return _bisect_fast


_exact: Callable[[str, str], list[tuple[int, int]]] = _engine()  # the C++ port when installed: same results


def _lis(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of pairs (sorted by their first item) whose second items increase (patience sorting)."""
    js = [j for _, j in pairs]
    if js == sorted(js):
        return pairs
    tails: list[int] = []
    ends: list[int] = []
    back = [-1] * len(pairs)
    for k, (_, j) in enumerate(pairs):
        p = bisect_left(tails, j)
        if p == len(tails):
            tails.append(j)
            ends.append(k)
        else:
            tails[p], ends[p] = j, k
        back[k] = ends[p - 1] if p else -1
    chain, k = [], ends[-1] if ends else -1
    while k >= 0:
        chain.append(pairs[k])
        k = back[k]
    return chain[::-1]


def _exact_matches(a: list[str], b: list[str], ka: list[int], kb: list[int]) -> list[tuple[int, int]]:
    """The matches of a shortest diff of two token lists, given where their common tokens are.

    Tokens absent from the other list can match nothing, so only the common ones are diffed (which
    keeps the diff shortest), with diff-match-patch's bisection, each distinct token as one character
    (at most ``_SMALL`` of them, so the codes stay below the surrogates).
    """
    where = {b[j]: j for j in kb}
    if len(where) == len(kb) == len({a[i] for i in ka}) == len(ka):  # no common token twice: the LCS is the LIS
        return _lis([(i, where[a[i]]) for i in ka])
    codes: dict[str, str] = {}
    ea = "".join([codes.setdefault(a[i], chr(0x100 + len(codes))) for i in ka])
    eb = "".join([codes.setdefault(b[j], chr(0x100 + len(codes))) for j in kb])
    matches: list[tuple[int, int]] = []
    x = y = 0
    for op, n in _exact(ea, eb):
        if op == 0:
            matches += zip(ka[x : x + n], kb[y : y + n], strict=True)
        x, y = x + n * (op <= 0), y + n * (op >= 0)
    return matches


def _matches(a: list[str], b: list[str], top: bool) -> tuple[list[tuple[int, int]], bool]:
    """Matches to anchor on, in order, and whether they are final (a shortest diff's: no more in the gaps).

    Few common tokens get the exact diff; else the tokens once in both lists anchor (patience diff:
    the longest run of them in the same order); failing those, the rarest tokens as frequent in both
    lists, the k-th in one list matched to the k-th in the other. In the whole texts (``top``), under a
    quarter of the words in common (a translation, a new wording) means no anchor at all.
    """
    if len(a) * len(b) <= _MID:  # a small gap: often few tokens in common, found the cheap way
        common = set(a).intersection(b)
        if not common:
            return [], True
        ka = [i for i, t in enumerate(a) if t in common]
        kb = [j for j, t in enumerate(b) if t in common]
        if top and 4 * min(len(ka), len(kb)) < min(len(a), len(b)):
            return [], True  # under a quarter of the words in common (a translation): replaced whole
        if len(ka) * len(kb) <= _SMALL:
            return _exact_matches(a, b, ka, kb), True
    ca, cb = Counter(a), Counter(b)
    common = ca.keys() & cb.keys()
    if not common or (top and 4 * sum(min(ca[t], cb[t]) for t in common) < min(len(a), len(b))):
        return [], True
    if len(common) ** 2 <= _SMALL and sum(ca[t] for t in common) * sum(cb[t] for t in common) <= _SMALL:
        ka = [i for i, t in enumerate(a) if t in common]
        kb = [j for j, t in enumerate(b) if t in common]
        return _exact_matches(a, b, ka, kb), True
    once = {t for t in common if ca[t] == 1 == cb[t]}
    if once:
        where = {t: j for j, t in enumerate(b) if t in once}
        pairs = [(i, where[t]) for i, t in enumerate(a) if t in once]
    else:
        same = {t for t in common if ca[t] == cb[t]}
        rarest = 2 * min((ca[t] for t in same), default=0)  # the rarest of them, as histogram diff does
        same = {t for t in same if ca[t] <= rarest}
        # Their positions sorted by token (stably): each token's occurrences line up in both lists.
        ra = sorted((i for i, t in enumerate(a) if t in same), key=a.__getitem__)
        rb = sorted((j for j, t in enumerate(b) if t in same), key=b.__getitem__)
        pairs = sorted(zip(ra, rb, strict=True))
    chain = _lis(pairs)
    return chain, not chain  # no anchor: the gap is a deletion and an insertion


def _same(a: list[str], i: int, i_end: int, b: list[str], j: int, j_end: int, step: int) -> int:
    """How many tokens from ``a[i]`` and ``b[j]`` on (``step`` 1) or before them (-1) are the same.

    Compares growing slices, so long runs cost a few comparisons in C rather than one Python step a token.
    """
    most, n, k = min(abs(i_end - i), abs(j_end - j)), 0, 1
    while n < most:
        if k > most - n:
            k = most - n
        if a[i + n : i + n + k] == b[j + n : j + n + k] if step > 0 else a[i - n - k : i - n] == b[j - n - k : j - n]:
            n, k = n + k, 2 * k
        elif k == 1:
            break
        else:
            k >>= 1
    return n


def _align(a: list[str], b: list[str]) -> list[tuple[int, int]]:
    """Runs ``(op, tokens)`` that turn ``a`` into ``b``, found by trimming, anchoring and small exact diffs."""
    out: list[tuple[int, int]] = []
    todo: list[tuple[int, int, int, int]] = [(0, len(a), 0, len(b))]  # ranges, or (-1, op, n, 0) to emit
    top = True
    while todo:
        alo, ahi, blo, bhi = todo.pop()
        if alo < 0:
            out.append((ahi, blo))
            continue
        if alo < ahi and blo < bhi and a[alo] == b[blo] and (n := _same(a, alo, ahi, b, blo, bhi, 1)):
            out.append((0, n))
            alo, blo = alo + n, blo + n
        if alo < ahi and blo < bhi and a[ahi - 1] == b[bhi - 1] and (n := _same(a, ahi, alo, b, bhi, blo, -1)):
            todo.append((-1, 0, n, 0))
            ahi, bhi = ahi - n, bhi - n
        if alo == ahi or blo == bhi or (ahi - alo == 1 == bhi - blo):
            out += [(op, k) for op, k in ((-1, ahi - alo), (1, bhi - blo)) if k]
            continue
        if ahi - alo == 1 or bhi - blo == 1:  # one token against several: it matches its first twin, if any
            short, long = (a[alo : alo + 1], b[blo:bhi]) if ahi - alo == 1 else (b[blo : blo + 1], a[alo:ahi])
            k = long.index(short[0]) if short[0] in long else -1
            chain, final = ([(0, k)] if ahi - alo == 1 else [(k, 0)]) if k >= 0 else [], True
        else:
            chain, final = _matches(a[alo:ahi], b[blo:bhi], top)
        tasks, pa, pb, run = [], alo, blo, 0
        for i, j in [*((alo + i, blo + j) for i, j in chain), (ahi, bhi)]:
            if run and pa < i and pb < j and a[pa] == b[pb] and (n := _same(a, pa, i, b, pb, j, 1)):  # extend
                pa, pb, run = pa + n, pb + n, run + n
            if pa < i or pb < j:
                if run:
                    tasks.append((-1, 0, run, 0))
                if final:
                    tasks += [(-1, op, k, 0) for op, k in ((-1, i - pa), (1, j - pb)) if k]
                else:
                    tasks.append((pa, i, pb, j))
                run = 0
            pa, pb, run = i + 1, j + 1, run + 1
        if run > 1:
            tasks.append((-1, 0, run - 1, 0))
        kept = sum(t[2] for t in tasks if t[0] < 0 and t[1] == 0)
        if not top and not final and kept * 4 < min(ahi - alo, bhi - blo):
            # Stray matches in a rewritten passage would only interleave unrelated words: the anchors
            # keep under a quarter of the gap, so it is replaced whole.
            tasks = [(-1, -1, ahi - alo, 0), (-1, 1, bhi - blo, 0)]
        todo += reversed(tasks)
        top = False
    return out


def _split(piece: str) -> tuple[str, str]:
    core = piece.rstrip()
    return core, piece[len(core) :]


def _factor(eqs: list[list[str]], chs: list[tuple[list[str], list[str]]]) -> None:
    """Move the tokens a deletion and the insertion beside it share into the equalities around them."""
    for k, (d, i) in enumerate(chs):
        if not d or not i:
            continue
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
            d, i = [*d[:-1], x[0]] if x[0] else d[:-1], [*i[:-1], y[0]] if y[0] else i[:-1]
        eqs[k] += head
        eqs[k + 1][:0] = tail
        chs[k] = (d, i)


def _eliminate(eqs: list[list[str]], chs: list[tuple[list[str], list[str]]]) -> None:
    """Fold into the changes each equality shorter than the changes on both sides of it (as dmp's cleanup).

    Lengths are counted in tokens, each with its trailing whitespace: "shorter", where diff-match-patch
    says "no longer" in characters, so one kept word between two changed words stays.
    """
    out_e, out_c = [eqs[0]], list[tuple[list[str], list[str]]]()
    for k, (d, i) in enumerate(chs):
        while out_c and len(e := out_e[-1]) < max(len(d), len(i)) and len(e) < max(map(len, out_c[-1])):
            pd, pi = out_c.pop()
            out_e.pop()
            pd += e + d
            pi += e + i
            d, i = pd, pi
        out_c.append((d, i))
        out_e.append(eqs[k + 1])
    eqs[:], chs[:] = out_e, out_c


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
    a, b = _tokens(old), _tokens(new)
    eqs: list[list[str]] = [[]]  # the kept pieces before each change and after the last
    chs: list[tuple[list[str], list[str]]] = []  # the deleted and the inserted pieces of each change
    ia = ib = 0
    changing = False
    # Tokens are aligned on their text less trailing whitespace, so "лет" at the end of a sentence
    # still matches "лет " inside one; a whitespace difference becomes a change of its own.
    for op, n in _align(_keys(a), _keys(b)):
        if op == 0 and a[ia : ia + n] == b[ib : ib + n]:
            eqs[-1] += a[ia : ia + n]
            changing = False
        elif op == 0:
            for x, y in zip(a[ia : ia + n], b[ib : ib + n], strict=True):
                if x == y:
                    eqs[-1].append(x)
                    changing = False
                    continue
                core = x.rstrip()
                eqs[-1].append(core)
                chs.append(([], []))
                eqs.append([])
                chs[-1][0].extend([x[len(core) :]] if len(x) > len(core) else [])
                chs[-1][1].extend([y[len(core) :]] if len(y) > len(core) else [])
                changing = True
        else:
            if not changing:
                chs.append(([], []))
                eqs.append([])
            chs[-1][op > 0].extend(a[ia : ia + n] if op < 0 else b[ib : ib + n])
            changing = True
        ia, ib = ia + (op <= 0) * n, ib + (op >= 0) * n
    _eliminate(eqs, chs)
    _factor(eqs, chs)
    ops: list[tuple[int, str]] = []
    for k, e in enumerate(eqs):
        if k:
            d, i = chs[k - 1]
            ops += [(op, t) for op, t in ((-1, "".join(d)), (1, "".join(i))) if t]
        if e:
            text = "".join(e)
            if ops and ops[-1][0] == 0:
                text = ops.pop()[1] + text
            ops.append((0, text))
    return WordDiff(tuple(ops))


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


def _patch(ops: Ops, old: str, new: str) -> str:
    """diff-match-patch's ``patch_make(old, ops)`` then ``patch_toText``, with offsets in UTF-16 code units."""
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
            return _patch(self.ops, self.old, self.new)
        except UnicodeEncodeError as e:
            raise PatchError("a text has a lone surrogate, which no patch text can carry") from e

    @property
    def delta(self) -> str:
        """diff-match-patch's ``diff_toDelta`` (lengths in UTF-16 code units)."""
        return str(diff_match_patch().diff_toDelta(list(self.ops)))

    def __repr__(self) -> str:
        marks = {-1: "[-{}-]", 0: "{}", 1: "{{+{}+}}"}
        text = "".join(marks[op].format(t) for op, t in self.ops)
        return f"WordDiff({text[:60] + '…' if len(text) > 60 else text!r})"
