"""kzlaw's speed and memory against the goals of issue #12 (a script, not a test).

python benchmarks/run.py [--quick] [--json FILE]

In one run, on this machine, each figure beside what it is measured against (medians of repeated
runs, the contenders run in turn so that they share the machine's mood):
- imports: ``import kzlaw`` (fresh interpreters, minus a bare interpreter; and ``-X importtime``),
  ``kzlaw --help`` and ``kzlaw show cc1997/128`` (whole commands, interpreter included);
- loading the bundled corpus against the parse floor (reading and tomllib-parsing the same files):
  cold (the first ``kzlaw.load()`` of a fresh process, its model already imported) with the user's
  cache and without it, and warm (again in the same process: the full validated load, and the cache);
- the word diff (``benchmarks/worddiff.py``: kzlaw against redlines-style difflib);
- ``build_report`` on the bundled data;
- memory of a loaded synthetic corpus of 5,000 articles x 10 versions (made from the bundled articles
  with ``attrs.evolve`` under new numbers, written as statute files and loaded), with and without
  interning (500 articles, scaled x10, with --quick);
- scaling: per-version lookups (definitions, version, lookup, links, alignment, penalties) on
  synthetic corpora of N = 10..5000 articles that all hold definitions, per article;
then every goal with its ratio and met or missed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import attrs

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import kzlaw  # noqa: E402
from benchmarks.worddiff import timings  # noqa: E402
from kzlaw.cache import cached_load  # noqa: E402
from kzlaw.loader import REGISTRIES, bundled_path, load_folder  # noqa: E402

GOALS: list[tuple[str, float, float, str, str]] = []  # name, value, limit, unit, how


def goal(name: str, value: float, limit: float, unit: str, how: str = "") -> str:
    """Record a goal; the line that says whether it is met."""
    GOALS.append((name, value, limit, unit, how))
    return (
        f"  -> goal {name}: {value:.3g} {unit} against <= {limit:.3g} {unit}: {'met' if value <= limit else 'MISSED'}"
    )


#: How repeated timings are summed up: "min" (the least disturbed run) on a shared machine, or "median".
SUMMARY: dict[str, Callable[[list[float]], float]] = {"min": min, "median": statistics.median}
summary: Callable[[list[float]], float] = min


def medians(repeat: int, *fns: Callable[[], Any]) -> list[float]:
    """The time of each function in seconds (see :data:`summary`), the functions run in turn."""
    return [summary(t) for t in timings(repeat, *fns)]


def fresh(args: Sequence[str], env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], env={**os.environ, **(env or {})}, capture_output=True, text=True, check=True
    )


def walls(repeat: int, *commands: Sequence[str], env: dict[str, str] | None = None) -> list[float]:
    """The median wall time of each command in fresh interpreters, in turn."""
    return medians(repeat, *(lambda c=c: fresh(c, env) for c in commands))


def fresh_figures(repeat: int, *runs: tuple[str, dict[str, str]], argv: Sequence[str] = ()) -> list[float]:
    """The median of the number each snippet prints (run with its environment) in fresh interpreters, in turn."""
    samples: list[list[float]] = [[] for _ in runs]
    for _ in range(repeat):
        for (code, env), out in zip(runs, samples, strict=True):
            out.append(float(fresh(["-c", code, *argv], env).stdout.split()[-1]))
    return [summary(s) for s in samples]


# --- imports and commands -------------------------------------------------------------------------


def installed_copy(folder: Path) -> Path:
    """kzlaw laid out as ``pip install .`` leaves it (the package with its data, bytecode compiled) in ``folder``."""
    import compileall

    shutil.copytree(ROOT / "kzlaw", folder / "kzlaw", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "statutes", folder / "kzlaw" / "statutes")
    compileall.compile_dir(folder / "kzlaw", quiet=1)
    return folder


def imports(repeat: int, env: dict[str, str]) -> list[str]:
    cli = ["-c", "import sys; from kzlaw.cli import main; sys.exit(main())"]
    show_args = [*cli, "show", "cc1997/128"]
    with tempfile.TemporaryDirectory() as tmp:
        site = {**env, "PYTHONPATH": str(installed_copy(Path(tmp)))}
        for e in (env, site):
            fresh(show_args, e)  # the user's cache, written once for each copy
        bare, attrs_, imp, help_, show = walls(
            repeat, ["-c", "pass"], ["-c", "import attrs"], ["-c", "import kzlaw"], [*cli, "--help"], show_args, env=env
        )
        installed, installed_attrs = walls(repeat, show_args, ["-c", "import attrs"], env=site)
        top_installed = _importtime_top(fresh(["-X", "importtime", *show_args], site).stderr)
    cumulative: list[float] = []
    for _ in range(repeat):
        err = fresh(["-X", "importtime", "-c", "import kzlaw"], env).stderr
        cumulative += [float(m) for m in re.findall(r"\|\s*(\d+) \| kzlaw$", err, re.M)]
    top = _importtime_top(fresh(["-X", "importtime", *show_args], env).stderr)
    return [
        f"bare interpreter {bare * 1e3:.1f} ms; `import attrs` alone {attrs_ * 1e3:.1f} ms (what any command that"
        f" unpickles or builds the model pays first); bytecode caches for the source tree:"
        f" {'off' if sys.dont_write_bytecode else 'on'}",
        f"import kzlaw: {(imp - bare) * 1e3:.1f} ms over a bare interpreter; -X importtime {summary(cumulative) / 1e3:.1f} ms",
        goal("import kzlaw", (imp - bare) * 1e3, 50, "ms", "fresh interpreter minus a bare one"),
        f"kzlaw --help: {help_ * 1e3:.1f} ms",
        goal("kzlaw --help", help_ * 1e3, 80, "ms", "whole command"),
        f"kzlaw show cc1997/128, from the source tree without bytecode: {show * 1e3:.1f} ms"
        f" ({show / attrs_:.2f}x `import attrs`; the largest imports, cumulative ms: {top})",
        f"kzlaw show cc1997/128, installed (bytecode compiled, as pip leaves it): {installed * 1e3:.1f} ms"
        f" ({installed / installed_attrs:.2f}x `import attrs`; largest imports: {top_installed})",
        goal("kzlaw show", installed * 1e3, 120, "ms", "whole command, installed, cache warm"),
    ]  # fmt: skip


def _importtime_top(err: str, n: int = 6) -> str:
    rows = re.findall(r"\|\s*(\d+) \|( *)(\S+)$", err, re.M)
    top = sorted(((int(us), name) for us, indent, name in rows if len(indent) <= 3), reverse=True)[:n]
    return ", ".join(f"{name} {us / 1e3:.0f}" for us, name in top)


# --- loading --------------------------------------------------------------------------------------


def statute_files(root: Path) -> list[str]:
    """The files the loader reads: the registries and each code folder's articles."""
    files = [root / name for name in REGISTRIES]
    codes = [p for p in sorted(root.iterdir()) if p.is_dir()]
    return [str(f) for f in files + [f for c in codes for f in sorted(c.glob("*.toml"))]]


FLOOR = "import sys, time, tomllib\nt = time.perf_counter()\nfor f in sys.argv[1:]:\n    with open(f, 'rb') as h: tomllib.loads(h.read().decode('utf-8'))\nprint(time.perf_counter() - t)"
COLD = "import time, kzlaw, kzlaw.loader\nt = time.perf_counter()\nkzlaw.load()\nprint(time.perf_counter() - t)"


def loading(repeat: int, env: dict[str, str]) -> list[str]:
    root = bundled_path()
    files = statute_files(root)
    fresh(["-c", COLD], env)  # write the cache
    off = {**env, "KZLAW_NO_CACHE": "1"}
    floor, cold, uncached = fresh_figures(repeat, (FLOOR, env), (COLD, env), (COLD, off), argv=files)

    def parse(loads: Callable[[str], Any]) -> None:
        for f in files:
            with open(f, "rb") as h:
                loads(h.read().decode("utf-8"))

    import tomllib

    from kzlaw import tomlparse

    load_folder(root)
    folder = Path(env["XDG_CACHE_HOME"]) / "kzlaw"
    wfloor, warm, warm_cached, own = medians(
        repeat,
        lambda: parse(tomllib.loads),
        lambda: load_folder(root),
        lambda: cached_load(root, load_folder, folder),
        lambda: parse(tomlparse.loads),
    )
    equal = cached_load(root, load_folder, folder) == load_folder(root) == kzlaw.load()
    return [
        f"{len(files)} statute files, {sum(os.path.getsize(f) for f in files) / 1024:.0f} KiB; cached load() == full validated load: {equal}",
        f"cold (fresh process, model imported): parse floor {floor * 1e3:.1f} ms; kzlaw.load() {cold * 1e3:.1f} ms"
        f" from the user's cache ({cold / floor:.2f}x), {uncached * 1e3:.1f} ms without it ({uncached / floor:.2f}x,"
        " the first load on a machine, or KZLAW_NO_CACHE=1)",
        goal("cold load / parse floor", cold / floor, 1.5, "x", "fresh process, cache present"),
        f"warm (same process): parse floor {wfloor * 1e3:.1f} ms; full validated load {warm * 1e3:.1f} ms ({warm / wfloor:.2f}x);"
        f" from the cache {warm_cached * 1e3:.1f} ms ({warm_cached / wfloor:.2f}x)",
        goal("warm load / parse floor", warm / wfloor, 1.3, "x", "full validated load_folder, in process"),
        f"the loader parses with {tomlparse.PARSER} ({'compiled' if tomlparse.loads.__class__.__name__ != 'function' else 'pure Python'}):"
        f" its parse alone {own * 1e3:.1f} ms ({wfloor / own:.2f}x faster than tomllib); the full validated load is"
        f" {warm / own:.2f}x its parse (structuring and checks {(warm - own) * 1e3:.1f} ms)",
    ]  # fmt: skip


# --- synthetic corpora ----------------------------------------------------------------------------


def synthetic(corpus: kzlaw.Corpus, n: int, versions: int = 10, define: bool = False) -> list[kzlaw.Article]:
    """``n`` articles of ``versions`` versions made from the bundled ones under the numbers 1000, 1001...

    With ``define``, every version defines "exploitation" for its own article (as note 2 to art. 125 does
    for four articles), so that every article holds definitions.
    """
    from kzlaw.when import When

    templates = [a for a in corpus if a.role != "definitions"]
    out = []
    for i in range(n):
        t = templates[i % len(templates)]
        number, code = str(1000 + i), corpus.codes[t.code]
        start = code.in_force_from.year + 1
        made = []
        for k in range(versions):
            v = t.versions[k % len(t.versions)]
            end = None if k == versions - 1 and code.in_force_to is None else When.exact(dt.date(start + k + 1, 1, 1))
            changes: dict[str, Any] = {}
            if define:
                label = f"Note to art. {number}"
                changes["definitions"] = (kzlaw.Definition("exploitation", label, ("forced_labour",), (number,)),)  # type: ignore[arg-type]
                changes["wordings"] = {
                    lang: attrs.evolve(w, definitions={label: f"Exploitation, in article {number}: forced labour."})
                    for lang, w in v.wordings.items()
                }
            made.append(
                attrs.evolve(
                    v, article=number, valid_from=When.exact(dt.date(start + k, 1, 1)), valid_to=end, amended_by=None,
                    **changes,
                )
            )  # fmt: skip
        out.append(attrs.evolve(t, number=number, versions=tuple(made), lineage=()))  # type: ignore[arg-type]
    return out


def write_folder(corpus: kzlaw.Corpus, root: Path, n: int, versions: int) -> None:
    """A statute folder of ``n`` synthetic articles (each template's file written once, renumbered)."""
    from kzlaw.writer import article_to_toml

    for name in REGISTRIES:
        shutil.copy(bundled_path() / name, root / name)
    templates = [a for a in corpus if a.role != "definitions"]
    texts = {}
    for art in synthetic(corpus, len(templates), versions):
        renumbered = tuple(attrs.evolve(v, article="9999") for v in art.versions)
        texts[art.number] = (art.code, article_to_toml(attrs.evolve(art, number="9999", versions=renumbered)))  # type: ignore[arg-type]
    for i in range(n):
        code, text = texts[str(1000 + i % len(templates))]
        (root / code).mkdir(exist_ok=True)
        (root / code / f"{1000 + i}.toml").write_text(text.replace('number = "9999"', f'number = "{1000 + i}"', 1))


MEMORY = """
import gc, sys, attrs
from pathlib import Path
import kzlaw.loader as loader
from kzlaw.frozen import FrozenMap
if sys.argv[2] == "off":  # the converter interns strings as it structures them (kzlaw.convert)
    sys.intern = lambda s: s
def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096
gc.collect(); before = rss()
corpus = loader.load_folder(Path(sys.argv[1]))
gc.collect(); after = rss()
seen, size, todo = set(), 0, [corpus]
while todo:
    o = todo.pop()
    if id(o) in seen:
        continue
    seen.add(id(o)); size += sys.getsizeof(o); t = type(o)
    if attrs.has(t):
        todo += [getattr(o, a.name) for a in attrs.fields(t)]
    elif t is FrozenMap:
        todo.append(o._data)
    elif t is dict:
        todo += [*o.keys(), *o.values()]
    elif t in (tuple, list):
        todo += o
print(sum(len(a.versions) for a in corpus), after - before, size)
"""


def memory(quick: bool) -> list[str]:
    n, scale = (500, 10) if quick else (5000, 1)
    corpus = kzlaw.load()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        write_folder(corpus, root, n, 10)
        rows: dict[str, tuple[int, float, float, float]] = {}
        for mode in ("on", "off"):
            start = time.perf_counter()
            held, rss, deep = fresh(["-c", MEMORY, str(root), mode]).stdout.split()
            rows[mode] = (
                int(held),
                int(rss) * scale / 2**20,
                int(deep) * scale / 2**20,
                time.perf_counter() - start,
            )
    how = f"{n:,} articles x 10 versions" + (f", scaled x{scale} (--quick)" if scale > 1 else "")
    lines = [f"synthetic corpus loaded from statute files: {how}"]
    for mode, (count, mib, held_mib, took) in rows.items():
        lines.append(
            f"  interning {mode:>3}: {count:,} versions, RSS {mib:6.0f} MiB, objects held {held_mib:6.0f} MiB (load {took:.0f} s)"
        )
    lines.append(goal("memory at 5,000 articles", rows["on"][1], 250, "MiB", "RSS growth of the load, " + how))
    return lines


# --- scaling of per-version lookups ----------------------------------------------------------------


def scaling(sizes: list[int], sample: int = 50) -> list[str]:
    base = kzlaw.load()
    lines = [f"per article (10 versions each, every article holding definitions; timed over {sample} articles), ms:"]
    head = ["N", "index", "definitions", "version", "lookup", "links", "align", "penalties", "uncertainties"]
    lines.append("  " + " ".join(f"{h:>13}" for h in head))
    per = {n: _scale_row(base, n, sample) for n in sizes}
    for n, row in per.items():
        lines.append("  " + f"{n:>13} " + " ".join(f"{x:>13.4f}" for x in row))
    ref = sizes[1] if len(sizes) > 1 else sizes[0]
    ratios = [per[sizes[-1]][i] / per[ref][i] for i in range(len(head) - 1)]
    worst = max(range(len(ratios)), key=ratios.__getitem__)
    lines.append(f"  per-article time at N={sizes[-1]} over N={ref}: " + ", ".join(
        f"{h} {r:.2f}x" for h, r in zip(head[1:], ratios, strict=True)))  # fmt: skip
    lines.append(
        goal(f"linear lookups (per article, N={sizes[-1]}/N={ref}, worst: {head[worst + 1]})", ratios[worst], 2.0, "x")
    )
    return lines


def _scale_row(base: kzlaw.Corpus, n: int, sample: int) -> list[float]:
    arts = synthetic(base, n, 10, define=True)
    corpus = kzlaw.Corpus(
        codes=base.codes, articles={**base.articles, **{a.ref: a for a in arts}}, laws=base.laws,
        sources=base.sources, tags=base.tags, languages=base.languages,
    )  # fmt: skip
    chosen = arts[:: max(1, n // sample)][:sample]
    versions = [v for a in chosen for v in a.versions]
    start = time.perf_counter()
    corpus.definitions(versions[0], "exploitation")  # builds the corpus's index once
    index = (time.perf_counter() - start) / n
    asked = [f"{a.ref}@{a.versions[len(a.versions) // 2].valid_from}" for a in chosen]
    ops: list[Callable[[], Any]] = [
        lambda: [corpus.definitions(v, "exploitation") for v in versions],
        lambda: [corpus.version(v.ref) for v in versions],
        lambda: [corpus.lookup(ref) for ref in asked],
        lambda: [corpus.links(a.ref) for a in chosen],
        lambda: [kzlaw.align(v, corpus) for v in versions],
        lambda: [kzlaw.compare_penalties(v, corpus=corpus) for v in versions],
    ]
    times = [t / len(chosen) for t in medians(5, *ops)]
    return [index * 1e3, *(t * 1e3 for t in times), medians(1, corpus.uncertainties)[0] / n * 1e3]


# --- the rest ----------------------------------------------------------------------------------------


def word_diff_section(quick: bool) -> list[str]:
    try:
        from benchmarks.worddiff import run
    except Exception as e:  # another helper's work in progress
        return [f"benchmarks/worddiff.py could not be imported: {type(e).__name__}: {e}"]
    lines = run(quick)
    for line in lines:
        m = re.match(r"\s*GOAL (.+?): ([\d.e+-]+) (\S+) vs ([\d.e+-]+) \S+", line)
        if m:
            GOALS.append((m[1], float(m[2]), float(m[4]), m[3], "benchmarks/worddiff.py"))
    return lines


def report_section(quick: bool) -> list[str]:
    import importlib

    build_report = importlib.import_module("kzlaw.report").build_report  # kzlaw.report is being reshaped
    corpus = kzlaw.load()
    with tempfile.TemporaryDirectory() as tmp:
        took = medians(1 if quick else 3, lambda: build_report(Path(tmp) / "report", (), corpus))[0]
    return [
        f"build_report (bundled data, every chart): {took:.2f} s",
        goal("kzlaw report", took, 1.0, "s", "build_report"),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer repeats; memory at 500 articles scaled x10")
    parser.add_argument("--json", metavar="FILE", help="also write the goals as JSON")
    parser.add_argument("--summary", choices=SUMMARY, default="min", help="of repeated timings (default: min)")
    args = parser.parse_args()
    global summary
    summary = SUMMARY[args.summary]
    print(f"timings: the {args.summary} of repeated runs; load average {os.getloadavg()[0]:.2f} on this machine")
    repeat = 5 if args.quick else 15
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.platform()}"
    )
    with tempfile.TemporaryDirectory() as cache_home:
        env = {"XDG_CACHE_HOME": cache_home, "KZLAW_NO_CACHE": ""}
        os.environ.update(env)
        sections: list[tuple[str, Callable[[], list[str]]]] = [
            ("imports and commands", lambda: imports(repeat, env)),
            ("loading the bundled corpus", lambda: loading(repeat, env)),
            ("word diff (benchmarks/worddiff.py)", lambda: word_diff_section(args.quick)),
            ("report", lambda: report_section(args.quick)),
            ("memory", lambda: memory(args.quick)),
            ("scaling", lambda: scaling([10, 100, 1000] if args.quick else [10, 100, 1000, 5000])),
        ]
        for title, section in sections:
            print(f"\n== {title}", flush=True)
            start = time.perf_counter()
            try:
                lines = section()
            except Exception as e:  # another helper's work in progress: say so and go on
                lines = [f"not measured: {type(e).__name__}: {e}"]
            for line in lines:
                print(line, flush=True)
            print(f"   ({time.perf_counter() - start:.0f} s)", flush=True)
            gc.collect()
    print("\n== goals (issue #12)")
    width = max(len(g[0]) for g in GOALS)
    for name, value, limit, unit, how in GOALS:
        verdict = "met" if value <= limit else "MISSED"
        print(
            f"  {name:<{width}}  {value:9.3g} {unit:<3} <= {limit:<6.3g} ratio {value / limit:5.2f}  {verdict:<6}  {how}"
        )
    if args.json:
        data = [dict(zip(("goal", "value", "limit", "unit", "how"), g, strict=True)) for g in GOALS]
        Path(args.json).write_text(json.dumps(data, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
