"""The commands of the ``kzlaw`` command line: each takes the parsed arguments and the corpus, prints, returns 0.

:mod:`kzlaw.cli` parses the arguments and turns every error into one line; the functions here do the work, each
importing what it needs when it runs (so ``kzlaw --help`` loads none of it).
"""

from __future__ import annotations

import argparse
import sys

from kzlaw.errors import BadReferenceError

TYPE_CHECKING = False  # typing, json and the model load when a command needs them, not for `kzlaw --help`
if TYPE_CHECKING:
    from typing import Any

    from kzlaw.corpus import Corpus
    from kzlaw.model import Article, Version

__all__ = [
    "cmd_align",
    "cmd_diff",
    "cmd_enforcement",
    "cmd_list",
    "cmd_penalties",
    "cmd_report",
    "cmd_show",
    "out",
]


def out(text: str) -> None:
    """Print, replacing what the terminal's encoding cannot show (``PYTHONIOENCODING=ascii``)."""
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    sys.stdout.write(text.encode(encoding, errors="replace").decode(encoding, errors="replace"))
    if not text.endswith("\n"):
        sys.stdout.write("\n")


def _print_json(data: Any) -> None:
    out(_json_text(data))


def _json_text(data: Any) -> str:
    import json

    return json.dumps(data, ensure_ascii=False, indent=2)


def _lineage(corpus: Corpus, art: Article) -> list[dict[str, Any]]:
    return [
        {"relation": link.relation, "ref": link.ref, "source": str(link.source), "held": link.ref in corpus.articles}
        for link in corpus.links(art.ref)
    ]


def cmd_list(args: argparse.Namespace, corpus: Corpus) -> int:
    """List the articles (of one code with ``--code``)."""
    from kzlaw.present.text import clean

    arts = corpus.select(args.code, role=None)
    if args.json:
        _print_json(
            [{"ref": a.ref, "title": a.title, "role": a.role, "versions": [v.ref for v in a.versions]} for a in arts]
        )
        return 0
    for a in arts:
        role = "" if a.role == "offence" else f" ({a.role})"
        out(f"{a.ref:<14} {len(a.versions)} version(s)  {clean(a.title)}{role}")
    return 0


def cmd_show(args: argparse.Namespace, corpus: Corpus) -> int:
    """Show an article (all versions) or the version a dated reference names."""
    from kzlaw.model import Article
    from kzlaw.present.text import render
    from kzlaw.refs import parse_ref

    ref = parse_ref(args.ref)
    note = ""
    if ref.at is not None and ref.law is None:
        looked = corpus.lookup(ref)
        found: Article | Version = looked.version
        note = looked.explanation
    else:
        found = corpus.resolve(ref)
    versions = found.versions if isinstance(found, Article) else (found,)
    if args.json:
        from kzlaw.present.json import version_data  # the converter, only for JSON

        if isinstance(found, Article):
            _print_json(
                {
                    "ref": found.ref,
                    "title": found.title,
                    "role": found.role,
                    "lineage": _lineage(corpus, found),
                    "versions": [version_data(v, corpus, _lang(args, v)) for v in versions],
                }
            )
        else:
            data = version_data(found, corpus, _lang(args, found))
            if ref.day is not None:
                data["asked"] = {"ref": args.ref, "in_force": found.in_force_on(ref.day)}
            data["lineage"] = _lineage(corpus, corpus.article(found.article_ref))
            _print_json(data)
        return 0
    for i, v in enumerate(versions):
        if i:
            out("\n" + "-" * 72)
        out(render(v, language=_lang(args, v)))
        if note:
            out(f"\n  note: {note}")
        elif ref.day is not None and v.in_force_on(ref.day) == "uncertain":
            out(f"\n  warning: whether this wording was in force on {ref.day} is uncertain: it ran {v.period()}")
    links = corpus.links(versions[0].article_ref)
    if links:
        out("\n  lineage: " + "; ".join(f"{link.relation} {link.ref} ({link.source})" for link in links))
    return 0


def _lang(args: argparse.Namespace, v: Version) -> str | None:
    lang: str | None = getattr(args, "lang", None)
    if lang is not None and lang not in v.wordings:
        raise BadReferenceError(
            f"{v.ref} has no {lang!r} wording; held: {', '.join(v.wordings)} (try --lang {next(iter(v.wordings))})"
        )
    return lang


def cmd_align(args: argparse.Namespace, corpus: Corpus) -> int:
    """Check versions against the UN Trafficking Protocol's definition."""
    from kzlaw.alignment import align
    from kzlaw.present.frame import csv_text

    versions = corpus.versions(*args.refs)
    results = [align(v, corpus, args.lang) for v in versions]
    if args.format == "json":
        _print_json(results[0].to_dict() if len(results) == 1 else [r.to_dict() for r in results])
    elif args.format == "csv":
        out("".join(csv_text(r) for r in results[:1]) + "".join(csv_text(r).split("\n", 1)[1] for r in results[1:]))
    else:
        out("\n\n".join(r.to_text() if args.format == "text" else r.to_markdown() for r in results))
        if len(versions) > 1:
            coverage = align(versions, corpus, args.lang)
            out("\nCoverage\n" + (coverage.to_text() if args.format == "text" else coverage.to_markdown()))
    return 0


def cmd_penalties(args: argparse.Namespace, corpus: Corpus) -> int:
    """Compare the penalties of versions, part by part, with gravity and benchmarks."""
    from kzlaw.penalties import compare_penalties
    from kzlaw.present.frame import csv_text

    table = compare_penalties(*corpus.versions(*args.refs), corpus=corpus)
    if args.format == "json":
        _print_json(table.to_dict())
        return 0
    if args.format == "csv":
        out(csv_text(table))
        return 0
    out(table.to_text() if args.format == "text" else table.to_markdown())
    unknown = {r.ref: r.unknown for r in table.rows if r.unknown}
    for ref, why in unknown.items():
        out(f"\n  unknown in {ref}: {why}")
    return 0


def cmd_enforcement(args: argparse.Namespace, corpus: Corpus) -> int:
    """Show the enforcement figures of a period joined to the law in force, with derived measures and findings."""
    from kzlaw.enforcement import load_enforcement
    from kzlaw.practice import enforcement_table
    from kzlaw.present.frame import csv_text

    table = enforcement_table(args.period, corpus, load_enforcement(args.file, corpus))
    if args.format == "json":
        _print_json(table.to_dict())
    elif args.format == "csv":
        out(csv_text(table))
    else:
        out(table.to_text() if args.format == "text" else table.to_markdown())
    return 0


def cmd_diff(args: argparse.Namespace, corpus: Corpus) -> int:
    """Diff two versions, or every pair of consecutive versions of one article."""
    from kzlaw.changes import diff, diffs
    from kzlaw.present.frame import csv_text
    from kzlaw.present.html import page, render

    if len(args.refs) == 1:
        found = diffs(args.refs[0], corpus, args.lang)
    elif len(args.refs) == 2:
        found = (diff(args.refs[0], args.refs[1], corpus, args.lang),)
    else:
        raise BadReferenceError("kzlaw diff takes OLD_REF NEW_REF, or one article REF for its consecutive versions")
    if not found:
        out(f"{args.refs[0]} has a single version: nothing to diff")
        return 0
    if args.format == "docx":
        from kzlaw.present.redline_docx import write_diffs

        if not args.output:
            raise BadReferenceError("--format docx writes a file: give it with -o FILE.docx")
        write_diffs(found, args.output)
        out(f"wrote {args.output} ({len(found)} redline(s) with tracked changes)")
        return 0
    if args.format == "json":
        data: Any = found[0].to_dict() if len(args.refs) == 2 else [d.to_dict() for d in found]
        text = _json_text(data)
    elif args.format == "csv":
        text = "".join(csv_text(d) if i == 0 else csv_text(d).split("\n", 1)[1] for i, d in enumerate(found))
    elif args.format == "html":
        body = "".join(render(d, styled=False, side_by_side=args.side_by_side) for d in found)
        text = page(f"kzlaw diff {' '.join(args.refs)}", f'<div class="kz kz">{body}</div>')
    else:
        color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty())
        text = "\n\n".join(d.to_text(color=color) if args.format == "text" else d.to_markdown() for d in found)
    if args.output:
        from pathlib import Path

        from kzlaw.fsio import write_atomic

        write_atomic(Path(args.output), text)
        out(f"wrote {args.output}")
    else:
        out(text)
    return 0


def cmd_report(args: argparse.Namespace, corpus: Corpus) -> int:
    """Write the HTML report of the corpus (or of the articles named) into a folder."""
    import time

    from kzlaw.report import build_report

    tty = sys.stderr.isatty()

    def progress(done: int, total: int, ref: str) -> None:
        if tty:
            print(f"\r  [{done}/{total}] {ref:<16}", end="" if done < total else "\n", file=sys.stderr, flush=True)

    start = time.perf_counter()
    index = build_report(args.output, args.refs, corpus, progress)
    files = [index.parent / name for name in ("index.html", "report.json")]
    sizes = ", ".join(f"{f.name} {f.stat().st_size / 1024:.0f} KiB" for f in files if f.is_file())
    out(f"report written to {index} ({sizes}) in {time.perf_counter() - start:.1f} s")
    return 0
