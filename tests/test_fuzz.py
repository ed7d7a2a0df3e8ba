"""Fuzzing: every mutated statute file loads or raises a StatuteError naming file and field; every random
reference and command line gives a result or a KzlawError (the CLI: 0 or 2 and one line, never a traceback);
load(dump(x)) == x for generated articles; no renderer lets text become markup. Examples are bounded to fit
CI (well under a minute for the file); KZLAW_FUZZ_SCALE=N runs N times more, benchmarks/fuzz_long.py far more."""

from __future__ import annotations

import datetime as dt
import tempfile
import tomllib
from itertools import pairwise
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

import kzlaw
from kzlaw.loader import _load_article as load_checked
from kzlaw.loader import bundled_path, registries
from kzlaw.sanction import KIND_UNITS, PENALTY_KINDS
from kzlaw.tomlwrite import dumps as toml_dumps
from kzlaw.words import TEXT_STATUS_LABELS as TEXT_STATUSES
from tests.conftest import FUZZ_SCALE

FILES = sorted(str(p.relative_to(bundled_path())) for p in bundled_path().glob("cc*/*.toml"))
RAW = {f: (bundled_path() / f).read_bytes() for f in FILES}  # read once: examples must not depend on the disk
NASTY = st.sampled_from(
    ["", " ", "\u202eRTL override", "a\u0301\u0301\u0301", "\u0000", "x" * 100_000, "\ufeff", "\U0001f600", "Қазақ"]
)
ANY_VALUE = st.one_of(
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.floats(allow_nan=False),
    st.booleans(),
    st.text(max_size=50),
    NASTY,
    st.dates(),
    st.lists(st.integers(), max_size=3),
    st.lists(st.text(max_size=5), max_size=3),
    st.dictionaries(st.text(min_size=1, max_size=8), st.integers(), max_size=2),
)


def paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix] if prefix else []
    if isinstance(node, dict):
        for k, v in node.items():
            out += paths(v, (*prefix, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out += paths(v, (*prefix, i))
    return out


REGISTRIES = registries()  # parsed once: each example checks one article file against them


def load_one(relative: str, text: str | bytes) -> kzlaw.Article | None:
    """Write one article file into a fresh folder and load it; return None if it was rejected properly."""
    with tempfile.TemporaryDirectory() as tmp:
        file = Path(tmp) / relative
        file.parent.mkdir(parents=True)
        if isinstance(text, str):
            file.write_text(text, encoding="utf-8")
        else:
            file.write_bytes(text)
        try:
            article = load_checked(file, REGISTRIES, Path(tmp))
        except kzlaw.StatuteError as err:  # anything else escaping fails the test
            event(f"rejected: {type(err).__name__}")
            assert err.file == str(file)
            assert str(err).startswith(f"{file}: ")
            assert err.problem
            return None
        event("loaded")
        return article


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, str]:
    relative = draw(st.sampled_from(FILES))
    data = tomllib.loads(RAW[relative].decode("utf-8"))
    where = draw(st.sampled_from(paths(data)))
    *parents, last = where
    node = data
    for key in parents:
        node = node[key]
    action = draw(st.sampled_from(["drop", "replace", "nasty", "extra", "swap"]))
    if action == "drop":
        del node[last]
    elif action == "replace":
        node[last] = draw(ANY_VALUE)
    elif action == "nasty":
        node[last] = draw(NASTY)
    elif action == "extra" and isinstance(node, dict):
        node[draw(st.text(min_size=1, max_size=10))] = draw(ANY_VALUE)
    elif action == "swap" and isinstance(node, dict) and "minimum" in node and "maximum" in node:
        node["minimum"], node["maximum"] = node["maximum"] + 1, node["minimum"]
    return relative, toml_dumps(data)


@settings(max_examples=80 * FUZZ_SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_data_loads_or_names_the_field(case: tuple[str, str]) -> None:
    load_one(*case)


@st.composite
def broken_text(draw: st.DrawFn) -> tuple[str, bytes]:
    relative = draw(st.sampled_from(FILES))
    raw = RAW[relative]
    lines = raw.split(b"\n")
    action = draw(st.sampled_from(["delete", "duplicate", "truncate", "insert", "flip"]))
    i = draw(st.integers(0, len(lines) - 1))
    if action == "delete":
        del lines[i]
    elif action == "duplicate":
        lines.insert(i, lines[i])
    elif action == "truncate":
        return relative, raw[: draw(st.integers(0, len(raw)))]
    elif action == "insert":
        lines.insert(i, draw(st.binary(max_size=20)) + draw(NASTY).encode("utf-8", "surrogatepass"))
    else:
        pos = draw(st.integers(0, len(raw) - 1))
        return relative, raw[:pos] + bytes([draw(st.integers(0, 255))]) + raw[pos + 1 :]
    return relative, b"\n".join(lines)


@settings(max_examples=150 * FUZZ_SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(broken_text())
def test_broken_text_loads_or_names_the_file(case: tuple[str, bytes]) -> None:
    load_one(*case)


# --- generated articles round-trip through dump and load -----------------------------------------------

CORPUS = kzlaw.load()
TAGS = sorted(CORPUS.tags)
SOURCES = sorted(CORPUS.sources)
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80)
VISIBLE = st.text(st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Zs")), min_size=1, max_size=60).filter(
    str.strip
)


@st.composite
def penalties(draw: st.DrawFn, additional: bool = False) -> kzlaw.Penalty:
    kind = draw(st.sampled_from(sorted(PENALTY_KINDS)))
    if kind == "confiscation":
        return kzlaw.Penalty(kind, optional=draw(st.booleans()) if additional else False)
    if kind in ("imprisonment", "disqualification") and draw(st.booleans()) and draw(st.booleans()):
        return kzlaw.Penalty(kind, lifetime=True, optional=additional and draw(st.booleans()))
    unit = draw(st.sampled_from([u for u in KIND_UNITS[kind] if u in CORPUS.codes["cc2014"].units]))
    high = draw(st.integers(1, 5000))
    low = draw(st.none() | st.integers(0, high))
    return kzlaw.Penalty(
        kind,
        low,
        high,
        unit,
        optional=additional and draw(st.booleans()),
        confirmed=draw(st.booleans()),
        note=draw(TEXT),
    )


def _distinct(options: list[kzlaw.Penalty]) -> tuple[kzlaw.Penalty, ...]:
    seen: dict[tuple[object, ...], kzlaw.Penalty] = {}
    for p in options:
        seen.setdefault((p.kind, p.unit, p.lifetime), p)
    return tuple(seen.values())


@st.composite
def parts(draw: st.DrawFn, count: int) -> tuple[tuple[kzlaw.Part, ...], dict[str, kzlaw.PartWording]]:
    out, words = [], {}
    for n in range(1, count + 1):
        circ_texts = draw(st.lists(VISIBLE, max_size=3))
        circs = tuple(
            kzlaw.Circumstance(chr(ord("a") + i), tuple(draw(st.lists(st.sampled_from(TAGS), max_size=2, unique=True))))
            for i in range(len(circ_texts))
        )
        text = draw(VISIBLE) + " " + "; ".join(circ_texts)
        main = _distinct(draw(st.lists(penalties(), min_size=1, max_size=3)))
        additional = _distinct(draw(st.lists(penalties(additional=True), max_size=2)))
        sanction = kzlaw.Sanction(main, additional, draw(st.sampled_from(["", "partly unknown"])))
        elements = tuple(draw(st.lists(st.sampled_from(TAGS), max_size=4, unique=True)))
        out.append(kzlaw.Part(str(n), f"p{n}", sanction, elements, circs))
        words[f"p{n}"] = kzlaw.PartWording(text, {c.label: t for c, t in zip(circs, circ_texts, strict=True)})
    return tuple(out), words


@st.composite
def articles(draw: st.DrawFn) -> kzlaw.Article:
    number = str(draw(st.integers(1, 999)))
    days = sorted(
        draw(st.lists(st.dates(dt.date(2015, 1, 1), dt.date(2040, 1, 1)), min_size=2, max_size=4, unique=True))
    )
    versions = []
    for i, (start, end) in enumerate(pairwise(days)):
        valid_from = kzlaw.When.exact(start, draw(TEXT))
        last = i == len(days) - 2
        valid_to = None if last and draw(st.booleans()) else kzlaw.When.exact(end)
        the_parts, words = draw(parts(draw(st.integers(1, 3))))
        notes = tuple(kzlaw.Note(str(j)) for j in range(draw(st.integers(0, 2))))
        source = kzlaw.Source(draw(st.sampled_from(SOURCES)), draw(TEXT), draw(TEXT))
        wordings = {}
        for lang in draw(st.lists(st.sampled_from(["en", "ru", "kk"]), min_size=1, max_size=3, unique=True)):
            wordings[lang] = kzlaw.Wording(
                lang,
                draw(st.sampled_from(sorted(TEXT_STATUSES))),
                source,
                draw(VISIBLE),
                words,
                {n.label: draw(VISIBLE) for n in notes},
                footnote=draw(TEXT),
            )
        versions.append(
            kzlaw.Version(
                code="cc2014",
                article=number,
                valid_from=valid_from,
                source=source,
                parts=the_parts,
                valid_to=valid_to,
                notes=notes,
                remarks=draw(TEXT),
                wordings=wordings,
            )
        )
    return kzlaw.Article("cc2014", number, tuple(versions))


@settings(max_examples=40 * FUZZ_SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_generated_articles_round_trip(article: kzlaw.Article) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        written = kzlaw.dump(article, tmp)
        loaded = load_checked(written, REGISTRIES, Path(tmp))
    assert loaded == article


# --- random references and command lines: a result or a KzlawError, never anything else ---------------------

REF_PIECES = st.sampled_from(
    ["cc1997", "cc2014", "CC", "de", "/", "@", "128", "128a", "275-1", "0128", "-", ".", "_", "2006-03-02",
     "2012-01-01", "0001-01-01", "9999-12-31", "2006-02-30", "292-VI", "latest", "today", "unknown-start", " ",
     "\x00", "\x1b[2J", "\u202e", "²", "١٢٨", "\udc80", "../", "%s", "{}", "\n"]
)  # fmt: skip
REFS = st.one_of(
    st.lists(REF_PIECES, max_size=6).map("".join),
    st.text(max_size=30),
    st.sampled_from([r for a in CORPUS for v in a.versions for r in (v.ref, a.ref)]),
)


@settings(max_examples=400 * FUZZ_SCALE, deadline=None)
@given(REFS, st.sampled_from(["parse", "version", "resolve", "versions", "article", "at", "align", "diff"]))
def test_random_references_give_a_result_or_a_kzlaw_error(ref: str, how: str) -> None:
    from kzlaw.refs import parse_ref

    calls = {
        "parse": lambda: parse_ref(ref),
        "version": lambda: CORPUS.version(ref),
        "resolve": lambda: CORPUS.resolve(ref),
        "versions": lambda: CORPUS.versions(ref, [ref]),
        "article": lambda: CORPUS.article(ref),
        "at": lambda: CORPUS.article("cc1997/128").at(ref),
        "align": lambda: kzlaw.align(ref, CORPUS),
        "diff": lambda: kzlaw.diff(ref, "cc1997/128@2006-03-02", CORPUS),
    }
    try:
        calls[how]()
    except kzlaw.KzlawError as err:
        event(f"{how}: {type(err).__name__}")
        assert str(err)
    else:
        event(f"{how}: ok")


REAL_REFS = st.sampled_from([r for a in CORPUS for v in a.versions for r in (v.ref, a.ref)][:40])
ARG = st.one_of(
    REAL_REFS,
    REFS,
    st.sampled_from(["list", "show", "diff", "align", "penalties", "--json", "--format", "text", "markdown", "html",
                     "json", "csv", "docx", "--lang", "en", "ru", "kk", "xx", "--code", "--color", "always",
                     "--side-by-side", "--data", "--debug", "-o", "", "-", "--", "--bogus", "=", "-x"]),
)  # fmt: skip
COMMANDS = st.sampled_from(["list", "show", "diff", "align", "penalties", "bogus", ""])


@settings(max_examples=80 * FUZZ_SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(COMMANDS, st.lists(ARG, max_size=5))
def test_random_command_lines_exit_0_or_2_with_one_line(command: str, args: list[str]) -> None:
    import contextlib
    import io

    from kzlaw.cli import main

    argv = [command, *args]
    if "--debug" in argv or "-o" in argv or "--data" in argv:
        argv = [a for a in argv if a not in ("--debug", "-o", "--data")]  # no tracebacks on purpose, no writing
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)  # anything raised fails the test
    event(f"exit {code}")
    assert code in (0, 2), (argv, code)
    if code == 2:
        lines = err.getvalue().split("\n")
        assert len(lines) == 2, (argv, lines)  # one line and its newline
        assert not set(lines[0]) & {"\x1b", "\r", "\x07", "\x9b"}, lines
        assert lines[0].startswith("kzlaw: error: ")
        assert "Traceback" not in err.getvalue()


# --- no renderer lets statute text become markup ----------------------------------------------------------

MARKUPISH = st.lists(
    st.sampled_from([*"<>&\"'/=ab \n;", "<script>", "</td>", "<b>", "&amp;", "]]>", "<!--"]), max_size=30
).map("".join)


@settings(max_examples=80 * FUZZ_SCALE, deadline=None)
@given(MARKUPISH, MARKUPISH, MARKUPISH)
def test_every_html_renderer_escapes(title: str, text: str, circ: str) -> None:
    import attrs

    from kzlaw.present.html import render
    from tests.htmlcheck import check

    base = CORPUS.version("cc1997/128@2006-03-02")
    w = base.wording("en")
    qualified = base.parts[1]
    part = attrs.evolve(qualified, circumstances=(kzlaw.Circumstance("h", ("deception",)),))
    words = {**w.parts, qualified.id: kzlaw.PartWording(f"x{text} {circ}", {"h": circ} if circ.strip() else {})}
    if not circ.strip():
        part = attrs.evolve(part, circumstances=())
    wording = attrs.evolve(w, title=title if title.strip() else "x", parts=words)
    v = attrs.evolve(base, parts=(base.parts[0], part, *base.parts[2:]), remarks=text, wordings={"en": wording})
    allowed = {"div", "style", "h3", "h4", "p", "table", "tr", "th", "td", "ul", "li", "b", "i", "q", "small", "br",
               "span", "code", "ins", "del", "details", "summary"}  # fmt: skip
    for html in (
        render(v),
        render(attrs.evolve(CORPUS.article("cc1997/128"), versions=(v,))),
        kzlaw.align(v, CORPUS).to_html(),
        kzlaw.align([v, base], CORPUS).to_html(),
        kzlaw.compare_penalties(v, corpus=CORPUS).to_html(),
        kzlaw.diff(base, v, CORPUS).to_html(),
    ):
        assert set(check(html).tags) <= allowed
