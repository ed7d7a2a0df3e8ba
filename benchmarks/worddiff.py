"""kzlaw.worddiff's speed, side by side with a redlines-style difflib diff (a script, not a test).

python benchmarks/worddiff.py [--quick]

In one run, medians of repeated runs (the contenders run in turn, so they share the machine's mood):
(a) the bundled corpus's consecutive version pairs: kzlaw.worddiff.word_diff against the baseline,
    difflib.SequenceMatcher(None, a, b) (autojunk on) over tokens re.findall(r"\\S+\\s*", text), its
    opcodes turned into (op, text) runs like ours; and against the old kzlaw.diff.word_diff while it exists;
(a2) the redlines kzlaw.diff makes of the bundled consecutive versions (kzlaw.redline: provision by
    provision, then word by word) against the baseline over the same two compared texts;
(b) two unrelated random texts of 500 to 4,000 words (words drawn from the corpus), and the growth per doubling;
(c) a 50,000-word text with 1% of its words replaced.
The load average (/proc/loadavg) is printed with the results: the machine may be shared.
kzlaw.worddiff is pure Python (no accelerator: its exact step looks at a few dozen pairs of tokens).
"""

from __future__ import annotations

import argparse
import difflib
import importlib
import random
import re
import statistics
import time
from collections.abc import Callable
from functools import partial
from itertools import pairwise
from pathlib import Path
from typing import Any

import kzlaw
from kzlaw.worddiff import word_diff

_WORDS = re.compile(r"\S+\s*")


def redlines_style(old: str, new: str) -> list[tuple[int, str]]:
    """The baseline: difflib over words-with-trailing-whitespace, as the redlines package diffs."""
    a, b = _WORDS.findall(old), _WORDS.findall(new)
    out: list[tuple[int, str]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b).get_opcodes():
        if tag == "equal":
            out.append((0, "".join(a[i1:i2])))
        else:
            out += [(op, "".join(t)) for op, t in ((-1, a[i1:i2]), (1, b[j1:j2])) if t]
    return out


def timings(repeat: int, *fns: Callable[[], Any]) -> list[list[float]]:
    """The wall-clock times of each function, in seconds, over ``repeat`` rounds (the functions run in turn)."""
    samples: list[list[float]] = [[] for _ in fns]
    for _ in range(repeat):
        for fn, times in zip(fns, samples, strict=True):
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
    return samples


def medians(repeat: int, *fns: Callable[[], Any]) -> list[float]:
    """The median wall-clock time of each function, in seconds, the functions run in turn."""
    return [statistics.median(times) for times in timings(repeat, *fns)]


def text_of(version: Any) -> str:
    text = version.text
    return str(text() if callable(text) else text)


def goal(name: str, value: float, limit: float, unit: str = "ms") -> str:
    met = "met" if value <= limit else "MISSED"
    return f"GOAL {name}: {value:.3g} {unit} vs {limit:.3g} {unit} (ratio {value / limit:.2f}) {met}"


def redline_lines(corpus: kzlaw.Corpus, repeat: int) -> list[str]:
    """(a2): the version redlines against the baseline on the same texts, in each language both versions hold."""
    from kzlaw.changes import compared_text
    from kzlaw.redline import redline

    rows = []
    totals = [0.0, 0.0, 0.0]
    for art in corpus:
        for x, y in pairwise(art.versions):
            for lang in (lang for lang in x.wordings if lang in y.wordings):
                a, b = compared_text(x, lang), compared_text(y, lang)
                t = medians(
                    repeat, partial(redline, x, y, a, b, lang), partial(word_diff, a, b), partial(redlines_style, a, b)
                )
                totals = [s + u for s, u in zip(totals, t, strict=True)]
                rows.append((t[0] / t[2], t[1] / t[2], f"{x.ref} -> {y.ref} ({lang})"))
    rows.sort(reverse=True)
    lines = [
        f"(a2) the redlines of {len(rows)} version pairs (each language both hold): redline / baseline, (whole-text word diff / baseline)"
    ]
    lines += [f"    {ratio:.2f} ({whole:.2f})  {what}" for ratio, whole, what in rows[:5]]
    lines.append(f"    no slower than the baseline on {sum(r <= 1 for r, _, _ in rows)} of {len(rows)} pairs")
    lines.append(
        f"    total: redline {totals[0] * 1e3:.2f} ms, whole-text word diff {totals[1] * 1e3:.2f}, baseline {totals[2] * 1e3:.2f}"
    )
    lines.append(goal("worst version redline / baseline", rows[0][0], 1.0, "x"))
    lines.append(goal("total, version redlines / baseline", totals[0] / totals[2], 1.0, "x"))
    return lines


def run(quick: bool) -> list[str]:
    """Run every measurement; the lines of the report."""
    repeat = 7 if quick else 31
    corpus = kzlaw.load()
    pairs = [(text_of(x), text_of(y)) for art in corpus for x, y in pairwise(art.versions)]
    try:  # the old word diff, while kzlaw.diff still has its own
        old_word_diff = importlib.import_module("kzlaw.diff").word_diff
    except (ImportError, AttributeError):
        old_word_diff = None
    if old_word_diff is word_diff:
        old_word_diff = None
    load = " ".join(Path("/proc/loadavg").read_text().split()[:3]) if Path("/proc/loadavg").exists() else "unknown"
    lines = [f"load average {load}; (a) {len(pairs)} bundled version pairs, median of {repeat} runs each (ms)"]
    word_diff("warm", "up")
    totals = [0.0, 0.0, 0.0]
    rows = []
    for k, (a, b) in enumerate(pairs):
        fns: list[Callable[[], Any]] = [partial(word_diff, a, b), partial(redlines_style, a, b)]
        if old_word_diff is not None:
            fns.append(partial(old_word_diff, a, b))
        t = medians(repeat, *fns)
        totals = [x + y for x, y in zip(totals, [*t, 0.0][:3], strict=True)]
        rows.append((t[0] / t[1], k, len(a.split()), len(b.split()), t))
    rows.sort(reverse=True)
    lines.append("    worst pairs (words old->new): worddiff / redlines-style ms [old kzlaw.diff]")
    for ratio, k, na, nb, t in rows[:5]:
        extra = f"  old {t[2] * 1e3:.3f}" if len(t) > 2 else ""
        lines.append(f"    pair {k:2} ({na}->{nb}): {t[0] * 1e3:.3f} / {t[1] * 1e3:.3f} = {ratio:.2f}{extra}")
    faster = sum(r <= 1 for r, *_ in rows)
    lines.append(f"    worddiff no slower than the baseline on {faster} of {len(rows)} pairs")
    lines.append(
        f"    total: worddiff {totals[0] * 1e3:.2f}, redlines-style {totals[1] * 1e3:.2f}, ratio {totals[0] / totals[1]:.2f}"
    )
    if old_word_diff is not None:
        lines.append(
            f"    total: old kzlaw.diff.word_diff {totals[2] * 1e3:.2f} (worddiff is {totals[2] / totals[0]:.1f}x faster)"
        )
    lines.append(goal("worst pair, worddiff / baseline", rows[0][0], 1.0, "x"))
    lines.append(goal("total, worddiff / baseline", totals[0] / totals[1], 1.0, "x"))

    lines += redline_lines(corpus, repeat)

    rng = random.Random(20260101)
    vocab = [w for a, _ in pairs for w in a.split()]
    sizes = (500, 1000, 2000) if quick else (500, 1000, 2000, 4000)
    lines.append("(b) two unrelated random texts (words drawn from the corpus), median ms")
    previous = None
    unrelated = {}
    for n in sizes:
        a = " ".join(rng.choice(vocab) for _ in range(n))
        b = " ".join(rng.choice(vocab) for _ in range(n))
        unrelated[n] = (a, b)
        ours, base = medians(max(3, repeat // 4), partial(word_diff, a, b), partial(redlines_style, a, b))
        growth = f", x{ours / previous:.2f} per doubling" if previous else ""
        lines.append(
            f"    {n:5} words: worddiff {ours * 1e3:7.2f}, redlines-style {base * 1e3:7.2f} (ratio {ours / base:.2f}){growth}"
        )
        previous = ours
    if 4000 in unrelated:
        a, b = unrelated[4000]
        lines.append(goal("two unrelated 4,000-word texts", medians(5, lambda: word_diff(a, b))[0] * 1e3, 50))

    n = 10_000 if quick else 50_000
    words = [rng.choice(vocab) for _ in range(n)]
    changed = list(words)
    for k in rng.sample(range(n), n // 100):
        changed[k] = rng.choice(vocab)
    big_a, big_b = " ".join(words), " ".join(changed)
    lines.append(f"(c) {n:,} words, 1% of them replaced, median ms")
    ours = medians(3 if quick else 5, lambda: word_diff(big_a, big_b))[0]
    base = medians(1, lambda: redlines_style(big_a, big_b))[0]
    lines.append(f"    worddiff {ours * 1e3:.1f}, redlines-style {base * 1e3:.1f} (one run; ratio {ours / base:.2f})")
    if not quick:
        lines.append(goal("50,000 words, 1% changed", ours * 1e3, 300))

    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats and smaller texts")
    for line in run(parser.parse_args().quick):
        print(line)


if __name__ == "__main__":
    main()
