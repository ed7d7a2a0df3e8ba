"""The ``kzlaw`` command line: ``list``, ``show`` and the analysis commands.

Every command takes references in the one form kzlaw uses (``cc1997/128@2006-03-02``) and
prints text for a terminal, or JSON with ``--json``. Errors print one line and exit with 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any

from kzlaw.errors import BadReferenceError, KzlawError
from kzlaw.load import load
from kzlaw.model import Article, Corpus, Version
from kzlaw.refs import parse_ref
from kzlaw.render import page, version_dict, version_text

__all__ = ["main"]

Command = Callable[[argparse.Namespace, Corpus], int]


def _print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _lineage(corpus: Corpus, art: Article) -> list[dict[str, str]]:
    return [
        {
            "relation": link.relation,
            "ref": link.ref,
            "source": str(link.source),
            "held": str(link.ref in corpus.articles),
        }
        for link in corpus.links(art.ref)
    ]


def cmd_list(args: argparse.Namespace, corpus: Corpus) -> int:
    """List the articles (of one code with ``--code``)."""
    arts = corpus.select(args.code, role=None)
    if args.json:
        _print_json(
            [
                {
                    "ref": a.ref,
                    "title": a.title,
                    "role": a.role,
                    "versions": [v.ref for v in a.versions],
                }
                for a in arts
            ]
        )
        return 0
    for a in arts:
        role = "" if a.role == "offence" else f" ({a.role})"
        print(f"{a.ref:<14} {len(a.versions)} version(s)  {a.title}{role}")
    return 0


def _version_json(corpus: Corpus, v: Version, asked: str) -> dict[str, Any]:
    data = version_dict(v, corpus)
    ref = parse_ref(asked)
    if ref.day is not None:
        data["asked"] = {"ref": asked, "in_force": v.in_force_on(ref.day)}
    data["lineage"] = _lineage(corpus, corpus.article(v.article_ref))
    return data


def cmd_show(args: argparse.Namespace, corpus: Corpus) -> int:
    """Show an article (all versions) or the version a dated reference names."""
    found = corpus.resolve(args.ref)
    versions = found.versions if isinstance(found, Article) else (found,)
    if args.json:
        if isinstance(found, Article):
            _print_json(
                {
                    "ref": found.ref,
                    "title": found.title,
                    "role": found.role,
                    "lineage": _lineage(corpus, found),
                    "versions": [version_dict(v, corpus) for v in versions],
                }
            )
        else:
            _print_json(_version_json(corpus, found, args.ref))
        return 0
    ref = parse_ref(args.ref)
    for i, v in enumerate(versions):
        if i:
            print("\n" + "-" * 72)
        print(version_text(v, corpus))
        if ref.day is not None and v.in_force_on(ref.day) == "uncertain":
            print(f"\n  warning: whether this wording was in force on {ref.day} is uncertain: it ran {v.period()}")
    links = corpus.links(versions[0].article_ref)
    if links:
        print("\n  lineage: " + "; ".join(f"{link.relation} {link.ref} ({link.source})" for link in links))
    return 0


def _targets(corpus: Corpus, refs: Sequence[str]) -> list[Version]:
    """Each reference's version, or every version of an undated article reference."""
    out: list[Version] = []
    for ref in refs:
        found = corpus.resolve(ref)
        out += found.versions if isinstance(found, Article) else [found]
    return out


def cmd_align(args: argparse.Namespace, corpus: Corpus) -> int:
    """Check versions against the UN Trafficking Protocol's definition."""
    from kzlaw.alignment import align

    versions = _targets(corpus, args.refs)
    results = [align(v, corpus) for v in versions]
    if args.json:
        _print_json(results[0].to_dict() if len(results) == 1 else [r.to_dict() for r in results])
        return 0
    for i, r in enumerate(results):
        print(("\n" if i else "") + str(r))
    if len(versions) > 1:
        print("\nCoverage\n" + str(align(versions, corpus)))
    return 0


def cmd_penalties(args: argparse.Namespace, corpus: Corpus) -> int:
    """Compare the penalties of versions, part by part, with gravity and benchmarks."""
    from kzlaw.penalties import compare_penalties

    table = compare_penalties(*_targets(corpus, args.refs), corpus=corpus)
    if args.json:
        _print_json(table.to_dict())
        return 0
    print(table)
    unknown = {r.ref: r.unknown for r in table.rows if r.unknown}
    for ref, why in unknown.items():
        print(f"\n  unknown in {ref}: {why}")
    return 0


def cmd_diff(args: argparse.Namespace, corpus: Corpus) -> int:
    """Diff two versions, or every pair of consecutive versions of one article."""
    from kzlaw.diff import diff, diffs

    if len(args.refs) == 1:
        found = diffs(args.refs[0], corpus)
    elif len(args.refs) == 2:
        found = (diff(args.refs[0], args.refs[1], corpus),)
    else:
        raise BadReferenceError("kzlaw diff takes OLD_REF NEW_REF, or one article REF for its consecutive versions")
    if args.format == "json":
        _print_json(found[0].to_dict() if len(args.refs) == 2 else [d.to_dict() for d in found])
        return 0
    if args.format == "html":
        sys.stdout.write(page(f"kzlaw diff {' '.join(args.refs)}", "".join(d.to_html() for d in found)))
        return 0
    color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty())
    texts = [d.to_text(color=color) if args.format == "text" else d.to_markdown() for d in found]
    print("\n\n".join(texts) if found else f"{args.refs[0]} has a single version: nothing to diff")
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
    size = sum(f.stat().st_size for f in index.parent.iterdir() if f.is_file())
    print(f"report written to {index} ({size / 1024:.0f} KiB) in {time.perf_counter() - start:.1f} s")
    return 0


def _parser(commands: dict[str, tuple[Command, str]]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kzlaw",
        description="Kazakhstan's anti-trafficking criminal law as versioned data.",
    )
    parser.add_argument("--data", metavar="DIR", help="a statute folder to use instead of the bundled data")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (_, help_text) in commands.items():
        p = sub.add_parser(name, help=help_text, description=help_text)
        if name == "list":
            p.add_argument("--code", help="only this code (cc1997, cc2014)")
        if name == "show":
            p.add_argument("ref", help="cc1997/128 or cc1997/128@2006-03-02")
        if name == "diff":
            p.add_argument("refs", nargs="+", metavar="REF", help="OLD_REF NEW_REF, or one article REF")
            p.add_argument("--format", choices=["text", "markdown", "html", "json"], default="text")
            p.add_argument("--color", choices=["auto", "always", "never"], default="auto", help="ANSI colours (text)")
            continue
        if name == "report":
            p.add_argument("refs", nargs="*", metavar="REF", help="articles to include (default: all offences)")
            p.add_argument(
                "-o", "--output", default="report", metavar="DIR", help="the folder to write (default: report)"
            )
            continue
        if name in ("align", "penalties"):
            p.add_argument("refs", nargs="+", metavar="REF", help="a version, or an article for all its versions")
        p.add_argument("--json", action="store_true", help="print JSON")
    return parser


COMMANDS: dict[str, tuple[Command, str]] = {
    "list": (cmd_list, "list the articles held"),
    "show": (cmd_show, "show an article or one version"),
    "diff": (cmd_diff, "show what changed between two versions (redline and structural changes)"),
    "report": (cmd_report, "write an HTML report of the corpus (the main job)"),
    "align": (cmd_align, "check versions against the UN Trafficking Protocol"),
    "penalties": (cmd_penalties, "compare penalties part by part, with gravity and benchmarks"),
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 2 on a kzlaw error)."""
    args = _parser(COMMANDS).parse_args(argv)
    try:
        corpus = load(args.data)
        return COMMANDS[args.command][0](args, corpus)
    except KzlawError as err:
        print(f"kzlaw: error: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # pragma: no cover - `kzlaw show ... | head`
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
