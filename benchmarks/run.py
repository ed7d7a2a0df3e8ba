"""kzlaw's speed measurements (a script, not a test): python benchmarks/run.py [--quick] [--json FILE].

Measures, in one run on this machine:
- `import kzlaw` time (fresh interpreter, median of several, minus the bare interpreter start);
- loading the bundled corpus against the floor of only parsing the same files with the same parser;
- every consecutive-version diff of the corpus, and the longest pair alone, against difflib's
  SequenceMatcher at word level (autojunk off) on the same texts;
- the whole pipeline on the bundled corpus: load, every diff, the alignment of every version,
  and the penalty comparison of every version;
- a synthetic corpus of N articles x M versions of realistic length, N = 10, 100, 1000, 5000
  (10 and 100 with --quick): load, diff, align and compare, with the time per article.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path
from typing import Any

import kzlaw
from kzlaw.diff import word_diff
from kzlaw.load import _load_folder, bundled_path


def best(fn: Callable[[], Any], repeat: int) -> float:
    """The best of ``repeat`` wall-clock timings, in seconds (the least disturbed run)."""
    return best_of(repeat, fn)[0]


def best_of(repeat: int, *fns: Callable[[], Any]) -> list[float]:
    """The best timing of each function, the functions run in turn so that they share the machine's mood."""
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(repeat):
        for fn, samples in zip(fns, times, strict=True):
            start = time.perf_counter()
            fn()
            samples.append(time.perf_counter() - start)
    return [min(samples) for samples in times]


def import_time(repeat: int) -> float:
    def run(code: str) -> float:
        samples = []
        for _ in range(repeat):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", code], check=True)
            samples.append(time.perf_counter() - start)
        return statistics.median(samples)

    return run("import kzlaw") - run("pass")


def parse_floor(root: Path) -> None:
    for file in sorted(root.rglob("*.toml")):
        tomllib.loads(file.read_bytes().decode("utf-8"))


def difflib_words(old: str, new: str) -> list[tuple[str, int, int, int, int]]:
    import re

    a, b = re.findall(r"\w+|\s+|[^\w\s]", old), re.findall(r"\w+|\s+|[^\w\s]", new)
    return difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()


def pairs(corpus: kzlaw.Corpus) -> list[tuple[kzlaw.Version, kzlaw.Version]]:
    return [p for art in corpus for p in pairwise(art.versions)]


def pipeline(root: Path) -> None:
    corpus = _load_folder(root)
    for a, b in pairs(corpus):
        kzlaw.diff(a, b, corpus)
    for art in corpus.select():
        for v in art.versions:
            kzlaw.align(v, corpus)
    kzlaw.compare_penalties(*(v for art in corpus.select() for v in art.versions), corpus=corpus)


# --- synthetic corpus --------------------------------------------------------------------------------

WORDS = [
    "the",
    "same",
    "act",
    "committed",
    "by",
    "a",
    "group",
    "of",
    "persons",
    "upon",
    "prior",
    "agreement",
    "repeatedly",
    "with",
    "violence",
    "dangerous",
    "to",
    "life",
    "or",
    "health",
    "against",
    "a",
    "minor",
    "for",
    "the",
    "purpose",
    "of",
    "exploitation",
    "shall",
    "be",
    "punished",
    "by",
    "imprisonment",
    "for",
    "a",
    "term",
    "of",
    "years",
    "with",
    "confiscation",
    "of",
    "property",
    "transportation",
    "transfer",
    "harbouring",
    "receipt",
    "recruitment",
]


def synthetic(root: Path, articles: int, versions: int, seed: int = 1) -> None:
    """Write a statute folder of ``articles`` x ``versions``, each version ~1,500 words in 4 parts."""
    rng = random.Random(seed)
    shutil.copytree(bundled_path(), root, ignore=shutil.ignore_patterns("cc1997", "cc2014"))
    folder = root / "cc2014"
    folder.mkdir()
    tags = ["recruitment", "transportation", "transfer", "harbouring", "exploitation", "deception", "minor"]
    for n in range(1, articles + 1):
        base = [rng.choice(WORDS) for _ in range(1500)]
        lines = [f'code = "cc2014"\nnumber = "{1000 + n}"\n']
        start = 2015
        for m in range(versions):
            words = list(base)
            for _ in range(60):  # each amendment rewrites about 60 words
                words[rng.randrange(len(words))] = rng.choice(WORDS)
            base = words
            chunks = [" ".join(words[i * 375 : (i + 1) * 375]) for i in range(4)]
            end = f"valid_to = {start + m + 1}-01-01\n" if m < versions - 1 else ""
            lines.append(
                f'[[versions]]\ntitle = "Synthetic article {n}"\nvalid_from = {start + m}-01-01\n{end}'
                'language = "en"\ntext_status = "summary"\nsource = { document = "kzlaw-brief", locator = "synthetic" }\n'
            )
            for p, chunk in enumerate(chunks, 1):
                circ = chunk.split()[3:9]
                lines.append(
                    f'[[versions.parts]]\nnumber = "{p}"\nid = "p{p}"\ntext = """{p}. {chunk}"""\n'
                    f"elements = {json.dumps(rng.sample(tags, 3))}\n"
                    f'sanction.main = [{{ kind = "imprisonment", minimum = {p + m % 3}, maximum = {p + 5 + m % 3}, unit = "years" }}]\n'
                    f'sanction.additional = [{{ kind = "confiscation", optional = {"true" if p < 3 else "false"} }}]\n'
                    f'circumstances = [{{ label = "a", text = "{" ".join(circ)}", tags = {json.dumps(rng.sample(tags, 2))} }}]\n'
                )
        (folder / f"{1000 + n}.toml").write_text("".join(lines), encoding="utf-8")


def scaling(sizes: list[int], versions: int) -> list[dict[str, Any]]:
    rows = []
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp) / "statutes"
            synthetic(root, n, versions)
            start = time.perf_counter()
            parse_floor(root)
            floor = time.perf_counter() - start
            start = time.perf_counter()
            corpus = _load_folder(root)
            load = time.perf_counter() - start
            arts = corpus.select("cc2014")
            start = time.perf_counter()
            for art in arts:
                for a, b in pairwise(art.versions):
                    kzlaw.diff(a, b, corpus)
            diff = time.perf_counter() - start
            start = time.perf_counter()
            for art in arts:
                for v in art.versions:
                    kzlaw.align(v, corpus)
            align = time.perf_counter() - start
            start = time.perf_counter()
            kzlaw.compare_penalties(*(v for art in arts for v in art.versions), corpus=corpus)
            compare = time.perf_counter() - start
        row = {"articles": n, "versions": n * versions, "parse": floor, "load": load, "diff": diff, "align": align,
               "compare": compare}  # fmt: skip
        rows.append(row)
        per = {k: 1000 * v / n for k, v in row.items() if isinstance(v, float)}
        print(
            f"  N={n:>5}  load {load:7.2f}s (parse {floor:6.2f}s)  diff {diff:7.2f}s  align {align:6.2f}s  "
            f"compare {compare:6.2f}s   per article: load {per['load']:.2f} ms, diff {per['diff']:.2f} ms, "
            f"align {per['align']:.2f} ms, compare {per['compare']:.2f} ms",
            flush=True,
        )
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer repeats; synthetic N = 10, 100 only")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    args = parser.parse_args()
    repeat = 3 if args.quick else 10
    results: dict[str, Any] = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.platform()}"
    }
    print(f"machine: {results['machine']}")

    results["import_s"] = import_time(repeat)
    print(f"import kzlaw: {results['import_s'] * 1000:.0f} ms")

    root = bundled_path()
    floor, load = best_of(repeat, lambda: parse_floor(root), lambda: _load_folder(root))
    results.update(parse_floor_s=floor, load_s=load, load_ratio=load / floor)
    print(f"load bundled corpus: {load * 1000:.1f} ms; parse floor {floor * 1000:.1f} ms; ratio {load / floor:.2f}x")

    corpus = _load_folder(root)
    texts = [(a.text, b.text) for a, b in pairs(corpus)]
    ours, theirs = best_of(
        repeat, lambda: [word_diff(a, b) for a, b in texts], lambda: [difflib_words(a, b) for a, b in texts]
    )
    longest = max(texts, key=lambda t: len(t[0]) + len(t[1]))
    ours_one, theirs_one = best_of(repeat, lambda: word_diff(*longest), lambda: difflib_words(*longest))
    full = best(lambda: [kzlaw.diff(a, b, corpus) for a, b in pairs(corpus)], repeat)
    results.update(
        pairs=len(texts), diff_words_s=ours, difflib_words_s=theirs, diff_ratio=ours / theirs,
        longest_chars=len(longest[0]) + len(longest[1]), diff_longest_s=ours_one, difflib_longest_s=theirs_one,
        full_diff_s=full,
    )  # fmt: skip
    print(
        f"diff {len(texts)} consecutive pairs (word redline): kzlaw {ours * 1000:.1f} ms, difflib {theirs * 1000:.1f} ms,"
        f" ratio {ours / theirs:.2f}x; with the structural diff and patch: {full * 1000:.1f} ms"
    )
    print(
        f"longest pair ({results['longest_chars']} chars): kzlaw {ours_one * 1000:.2f} ms, "
        f"difflib {theirs_one * 1000:.2f} ms, ratio {ours_one / theirs_one:.2f}x"
    )

    total = best(lambda: pipeline(root), repeat)
    results["pipeline_s"] = total
    print(f"bundled pipeline (load + every diff + align every version + compare every version): {total * 1000:.0f} ms")

    sizes = [10, 100] if args.quick else [10, 100, 1000, 5000]
    print(f"synthetic corpus, 3 versions of ~1,500 words per article, N = {sizes}:")
    results["scaling"] = scaling(sizes, 3)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
