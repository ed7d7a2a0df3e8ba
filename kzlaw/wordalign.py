"""How two token lists align: the runs kept, deleted and inserted (the engine of :mod:`kzlaw.worddiff`).

:func:`align` trims the common head and tail of a range, anchors on the tokens that occur once in
both sides of it (patience diff: the longest increasing run of such matches), takes each anchor
with the same tokens around it as one kept run, and recurses into the gaps between the runs. A
small gap gets an exact shortest diff: a longest common subsequence of the tokens its two sides
share, found as the longest increasing run of their matching pairs (at most :data:`SMALL` pairs).
A gap with no anchor, or whose anchors keep under a quarter of it (a rewrite, a translation), is
a deletion then an insertion. So no step costs more than a few passes over its gap, every gap is
at most three quarters of the range it lies in, and the whole is near-linear whatever the texts.

The passes over whole lists run in C where they can (``Counter``, ``dict(zip(...))``, ``map``,
slice comparisons that double), so the Python steps grow with the number of changes, not with
the number of tokens. Nothing depends on the clock.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from itertools import compress, islice
from operator import lt

__all__ = ["MID", "SMALL", "Runs", "align", "increasing"]

Runs = list[tuple[int, int]]
#: The most pairs of equal tokens (one from each side) the exact diff of a gap may look at.
SMALL = 64
#: Gaps up to this size (tokens of one side times the other) first keep only the tokens both sides have.
MID = 1024
_SCANS = 4096  # places (anchors times tokens) found by scanning the lists rather than by indexing them
_Anchors = tuple[list[int], list[int], bool]  # matches (ii[k], jj[k]), and whether they are final


def increasing(ii: list[int], jj: list[int]) -> tuple[list[int], list[int]]:
    """The longest run of the pairs ``(ii[k], jj[k])`` (``ii`` not decreasing) whose ``jj`` increase strictly."""
    if all(map(lt, jj, islice(jj, 1, None))):  # increasing already (then no place in ii repeats)
        return ii, jj
    tails: list[int] = []
    ends: list[int] = []
    back = [-1] * len(jj)
    for k, j in enumerate(jj):
        p = bisect_left(tails, j)
        if p == len(tails):
            tails.append(j)
            ends.append(k)
        else:
            tails[p] = j
            ends[p] = k
        if p:
            back[k] = ends[p - 1]
    chain: list[int] = []
    k = ends[-1] if ends else -1
    while k >= 0:
        chain.append(k)
        k = back[k]
    chain.reverse()
    return [ii[k] for k in chain], [jj[k] for k in chain]


def _lcs(cx: list[str], ix: list[int], cy: list[str], iy: list[int]) -> tuple[list[int], list[int]]:
    """A longest common subsequence of two token lists (``cx`` at places ``ix``, ``cy`` at ``iy``).

    Every pair of equal tokens, the places in ``iy`` of each token of ``cx`` taken backwards, and
    the longest run of pairs increasing in both (Hunt and Szymanski): so the cost follows the pairs.
    """
    where: dict[str, list[int]] = {}
    for k in range(len(cy) - 1, -1, -1):
        where.setdefault(cy[k], []).append(iy[k])
    ii: list[int] = []
    jj: list[int] = []
    for i, t in zip(ix, cx, strict=True):
        js = where.get(t, ())
        ii += [i] * len(js)
        jj += js
    return increasing(ii, jj)


def _anchors(x: list[str], y: list[str], top: bool) -> _Anchors:
    """Matches to anchor on, in order, and whether they are final (a shortest diff's: no more in the gaps).

    Few pairs of equal tokens get the exact diff; else the tokens once in both lists anchor
    (patience diff); failing those, the rarest tokens as frequent in both lists, the k-th in one
    list matched to the k-th in the other. In the whole texts (``top``), under a quarter of the
    words in common (a translation, a new wording) means no anchor at all.
    """
    n, m = len(x), len(y)
    if n * m <= MID:  # a small gap: often few tokens in common; keep only those
        common = set(x).intersection(y)
        if not common:
            return [], [], True
        ix = [i for i, t in enumerate(x) if t in common]
        iy = [j for j, t in enumerate(y) if t in common]
        if top and 4 * min(len(ix), len(iy)) < min(n, m):
            return [], [], True  # under a quarter of the words in common (a translation): replaced whole
        cx, cy = [x[i] for i in ix], [y[j] for j in iy]
        if len(ix) * len(iy) <= SMALL:
            return (*_lcs(cx, ix, cy, iy), True)
        ca, cb = Counter(cx), Counter(cy)
    else:
        ca, cb = Counter(x), Counter(y)  # (the quarter rule at the top is checked by _inside, when it matters)
    once = [t for t, k in ca.items() if k == 1 and cb.get(t) == 1]
    if once:
        if len(once) * (n + m) <= _SCANS:
            ii = sorted(map(x.index, once))
            jj = list(map(y.index, map(x.__getitem__, ii)))
        else:
            wx = dict(zip(x, range(n), strict=True))  # a token's last place: its only one
            wy = dict(zip(y, range(m), strict=True))
            ii = sorted(map(wx.__getitem__, once))
            jj = list(map(wy.__getitem__, map(x.__getitem__, ii)))
    else:
        same = {t for t, k in ca.items() if k == cb.get(t)}
        rarest = 2 * min(map(ca.__getitem__, same), default=0)  # the rarest of them, as histogram diff does
        same = {t for t in same if ca[t] <= rarest}
        # Their places sorted by token (stably): each token's occurrences line up in both lists.
        pairs = sorted(
            zip(
                sorted(compress(range(n), map(same.__contains__, x)), key=x.__getitem__),
                sorted(compress(range(m), map(same.__contains__, y)), key=y.__getitem__),
                strict=True,
            )
        )
        ii, jj = [i for i, _ in pairs], [j for _, j in pairs]
    ii, jj = increasing(ii, jj)
    return ii, jj, not ii  # no anchor: the gap is a deletion and an insertion


def _few(a: list[str], b: list[str], alo: int, ahi: int, blo: int, bhi: int) -> bool:
    """Whether under a quarter of the tokens of the range are in common (counted with their repeats).

    Only asked when the kept runs are under a quarter: kept tokens are common tokens, so otherwise
    the answer is no.
    """
    ca, cb = Counter(a[alo:ahi]), Counter(b[blo:bhi])
    return 4 * sum(min(k, cb[t]) for t, k in ca.items() if t in cb) < min(ahi - alo, bhi - blo)


def _ahead(a: list[str], i: int, i_end: int, b: list[str], j: int, j_end: int) -> int:
    """How many tokens from ``a[i]`` and ``b[j]`` on are the same (a few one by one, then growing slices)."""
    return _same(a, i, b, j, min(i_end - i, j_end - j), forward=True)


def _behind(a: list[str], i: int, i_start: int, b: list[str], j: int, j_start: int) -> int:
    """How many tokens before ``a[i]`` and ``b[j]`` (back to the starts) are the same."""
    return _same(a, i, b, j, min(i - i_start, j - j_start), forward=False)


def _same(a: list[str], i: int, b: list[str], j: int, most: int, forward: bool) -> int:
    """The length of the equal run next to ``a[i]`` and ``b[j]``, ahead or behind, up to ``most`` tokens."""
    n = 0
    while n < most and n < 8:
        if (a[i + n] != b[j + n]) if forward else (a[i - n - 1] != b[j - n - 1]):
            return n
        n += 1
    k = 8
    while n < most:
        k = min(k, most - n)
        ahead = forward and a[i + n : i + n + k] == b[j + n : j + n + k]
        if ahead or (not forward and a[i - n - k : i - n] == b[j - n - k : j - n]):
            n, k = n + k, 2 * k
        elif k == 1:
            break
        else:
            k >>= 1
    return n


def _range(a: list[str], b: list[str], alo: int, ahi: int, blo: int, bhi: int, top: bool, out: Runs) -> None:
    """Append to ``out`` the runs that turn ``a[alo:ahi]`` into ``b[blo:bhi]``."""
    if alo < ahi and blo < bhi and a[alo] == b[blo]:
        n = _ahead(a, alo, ahi, b, blo, bhi)
        out.append((0, n))
        alo, blo = alo + n, blo + n
    tail = 0
    if alo < ahi and blo < bhi and a[ahi - 1] == b[bhi - 1]:
        tail = _behind(a, ahi, alo, b, bhi, blo)
        ahi, bhi = ahi - tail, bhi - tail
    na, nb = ahi - alo, bhi - blo
    if na and nb and na + nb > 2:
        _inside(a, b, alo, ahi, blo, bhi, top, out)
    else:
        out += [(op, n) for op, n in ((-1, na), (1, nb)) if n]
    if tail:
        out.append((0, tail))


def _inside(a: list[str], b: list[str], alo: int, ahi: int, blo: int, bhi: int, top: bool, out: Runs) -> None:
    """Append the runs of a range with no common head or tail, and more than one token on a side.

    Each anchor is widened over the same tokens around it into a kept run (which may cover the
    anchors after it); the gaps between the runs are recursed into, or (final anchors) deleted and
    inserted. Below the top, runs that keep under a quarter of the range (stray matches in a
    rewritten passage, which would interleave unrelated words) are dropped: it is replaced whole.
    """
    na, nb = ahi - alo, bhi - blo
    if na == 1 or nb == 1:  # one token against several: it matches its first twin, if any
        t, rest, lo, hi = (a[alo], b, blo, bhi) if na == 1 else (b[blo], a, alo, ahi)
        try:
            at = rest.index(t, lo, hi) - lo
        except ValueError:
            out += [(-1, na), (1, nb)]
            return
        ii, jj, final = ([0], [at], True) if na == 1 else ([at], [0], True)
    else:
        ii, jj, final = _anchors(a[alo:ahi], b[blo:bhi], top)
    runs: list[tuple[int, int, int]] = []  # (i, j, n): a[i:i + n] is kept as b[j:j + n]
    pa, pb, k, kept = alo, blo, 0, 0
    while k < len(ii):
        i, j = alo + ii[k], blo + jj[k]
        if pa < i and pb < j and a[i - 1] == b[j - 1]:
            n = _behind(a, i, pa, b, j, pb)
            i, j = i - n, j - n
        n = _ahead(a, i, ahi, b, j, bhi)
        runs.append((i, j, n))
        pa, pb, kept = i + n, j + n, kept + n
        k = max(bisect_left(ii, pa - alo, k + 1), bisect_left(jj, pb - blo, k + 1))  # past the anchors it covers
    few = 4 * kept < min(na, nb) and (na * nb > MID and _few(a, b, alo, ahi, blo, bhi) if top else not final)
    if not runs or few:
        out += [(-1, na), (1, nb)]
        return
    pa, pb = alo, blo
    for i, j, n in [*runs, (ahi, bhi, 0)]:
        if pa < i and pb < j and not final:
            _inside(a, b, pa, i, pb, j, False, out) if i - pa + j - pb > 2 else out.extend(((-1, 1), (1, 1)))
        else:
            out += [(op, n) for op, n in ((-1, i - pa), (1, j - pb)) if n]
        if n:
            out.append((0, n))
        pa, pb = i + n, j + n


def align(a: list[str], b: list[str]) -> Runs:
    """Runs ``(op, tokens)`` that turn ``a`` into ``b``: -1 deleted, 0 kept, 1 inserted."""
    out: Runs = []
    _range(a, b, 0, len(a), 0, len(b), True, out)
    return out
