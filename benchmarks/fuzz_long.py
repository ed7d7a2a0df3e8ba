"""A long fuzz run (issue #13): >= 100,000 hostile inputs, asserting that only KzlawError escapes.

Three streams, each from a seeded random generator (``--seed``): mutated statute files (a value replaced,
removed or added, lines deleted, duplicated or truncated, bytes flipped) checked against the bundled
registries; random reference strings through every lookup; random command lines through ``kzlaw.cli.main``
(which must return 0 or 2 and print one line on error). Prints the count per outcome and the wall time.

    .venv/bin/python benchmarks/fuzz_long.py              # 100,000 inputs
    .venv/bin/python benchmarks/fuzz_long.py --total 20000 --seed 7
"""

from __future__ import annotations

import argparse
import contextlib
import io
import random
import sys
import tempfile
import time
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any

import kzlaw
from kzlaw.cli import main as cli_main
from kzlaw.loader import _load_article, bundled_path, registries
from kzlaw.refs import parse_ref
from kzlaw.tomlwrite import dumps

NASTY: list[Any] = ["", " ", "\u202e", "\x00", "\x1b[2J", "\ufeff", "\U0001f600", "x" * 10_000, "0128", "128a",
                    "1 <b>", "$\\frac{$", -1, 0, 2**63 - 1, 1.5, True, [], {}, [1, "a"], {"a": 1}]  # fmt: skip
PIECES = ["cc1997", "cc2014", "CC", "/", "@", "128", "128a", "275-1", "0128", "-", ".", "2006-03-02", "2012-01-01",
          "0001-01-01", "2006-02-30", "292-VI", "latest", "today", " ", "\x00", "\x1b", "\u202e", "²", "١٢٨"]  # fmt: skip
WORDS = ["list", "show", "diff", "align", "penalties", "--json", "--format", "text", "markdown", "html", "json",
         "csv", "--lang", "en", "ru", "kk", "xx", "--code", "cc1997", "--color", "always", "--side-by-side", "",
         "-", "--", "--bogus", "=", "-x"]  # fmt: skip


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix] if prefix else []
    if isinstance(node, dict):
        for k, v in node.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += _paths(v, (*prefix, i))
    return out


def _mutate(rng: random.Random, raw: bytes) -> bytes:
    action = rng.choice(["replace", "drop", "extra", "delete-line", "duplicate-line", "truncate", "flip"])
    if action in ("replace", "drop", "extra"):
        data = tomllib.loads(raw.decode("utf-8"))
        *parents, last = rng.choice(_paths(data))
        node = data
        for key in parents:
            node = node[key]
        if action == "drop":
            del node[last]
        elif action == "replace":
            node[last] = rng.choice(NASTY)
        elif isinstance(node, dict):
            node[rng.choice(["x", "efective", "valid_from", "code", "language"])] = rng.choice(NASTY)
        try:
            return dumps(data).encode("utf-8", "surrogatepass")
        except (TypeError, ValueError):
            return raw
    lines = raw.split(b"\n")
    i = rng.randrange(len(lines))
    if action == "delete-line":
        del lines[i]
    elif action == "duplicate-line":
        lines.insert(i, lines[i])
    elif action == "truncate":
        return raw[: rng.randrange(len(raw))]
    else:
        pos = rng.randrange(len(raw))
        return raw[:pos] + bytes([rng.randrange(256)]) + raw[pos + 1 :]
    return b"\n".join(lines)


def run(total: int, seed: int) -> Counter[str]:
    """Run ``total`` inputs (40% statute files, 40% references, 20% command lines); return the outcomes."""
    rng = random.Random(seed)
    corpus, reg = kzlaw.load(), registries()
    files = {p.relative_to(bundled_path()): p.read_bytes() for p in sorted(bundled_path().glob("cc*/*.toml"))}
    refs = [r for a in corpus for v in a.versions for r in (v.ref, a.ref)]
    counts: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for n in range(total):
            stream = "file" if n % 5 < 2 else "ref" if n % 5 < 4 else "cli"
            try:
                if stream == "file":
                    relative = rng.choice(list(files))
                    target = root / relative
                    target.parent.mkdir(exist_ok=True)
                    target.write_bytes(_mutate(rng, files[relative]))
                    _load_article(target, reg, root)
                    target.unlink()
                elif stream == "ref":
                    ref = "".join(rng.choice(PIECES) for _ in range(rng.randrange(7))) if rng.random() < 0.8 else (
                        rng.choice(refs))  # fmt: skip
                    how = rng.randrange(5)
                    if how == 0:
                        parse_ref(ref)
                    elif how == 1:
                        corpus.version(ref)
                    elif how == 2:
                        corpus.versions(ref)
                    elif how == 3:
                        corpus.article("cc1997/128").at(ref)
                    else:
                        kzlaw.align(ref, corpus)
                else:
                    argv = [rng.choice([*WORDS[:5], "bogus"])] + [
                        rng.choice(WORDS + refs + PIECES) for _ in range(rng.randrange(5))
                    ]
                    err = io.StringIO()
                    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
                        code = cli_main(argv)
                    lines = err.getvalue().split("\n")
                    if code not in (0, 2) or (code == 2 and len(lines) != 2):
                        raise AssertionError(f"kzlaw {argv!r}: exit {code}, stderr {err.getvalue()!r}")
                    counts[f"cli: exit {code}"] += 1
                    continue
                counts[f"{stream}: ok"] += 1
            except kzlaw.KzlawError as e:
                counts[f"{stream}: {type(e).__name__}"] += 1
            for f in root.glob("*/*"):
                f.unlink()
    return counts


def main() -> int:
    """Run the long fuzz and print the counts per outcome and the wall time."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--total", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    start = time.perf_counter()
    counts = run(args.total, args.seed)
    wall = time.perf_counter() - start
    for outcome, count in sorted(counts.items()):
        print(f"{count:>8,}  {outcome}")
    print(f"{sum(counts.values()):>8,}  inputs, only KzlawError escaped, in {wall:.0f} s (seed {args.seed})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
