"""The ``kzlaw`` command line: ``list``, ``show``, ``diff``, ``align``, ``penalties``, ``report`` and more.

Every command takes references in the one form kzlaw uses (``cc1997/128@2006-03-02``) and prints
text for a terminal, JSON with ``--json`` or other formats with ``--format``. Any error prints one
line (``kzlaw: error: ...``) and exits with 2; ``--debug`` shows the traceback instead.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from kzlaw.errors import BadReferenceError, KzlawError

TYPE_CHECKING = False  # typing, json and the model load when a command needs them, not for `kzlaw --help`
if TYPE_CHECKING:
    from typing import Any, NoReturn

    from kzlaw.corpus import Corpus
    from kzlaw.model import Article, Version

    Command = Callable[[argparse.Namespace, Corpus], int]

__all__ = ["COMMANDS", "main"]


def _out(text: str) -> None:
    """Print, replacing what the terminal's encoding cannot show (``PYTHONIOENCODING=ascii``)."""
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    sys.stdout.write(text.encode(encoding, errors="replace").decode(encoding, errors="replace"))
    if not text.endswith("\n"):
        sys.stdout.write("\n")


def _print_json(data: Any) -> None:
    _out(_json_text(data))


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
        _out(f"{a.ref:<14} {len(a.versions)} version(s)  {clean(a.title)}{role}")
    return 0


def cmd_show(args: argparse.Namespace, corpus: Corpus) -> int:
    """Show an article (all versions) or the version a dated reference names."""
    from kzlaw.model import Article
    from kzlaw.present.json import version_data
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
            _out("\n" + "-" * 72)
        _out(render(v, language=_lang(args, v)))
        if note:
            _out(f"\n  note: {note}")
        elif ref.day is not None and v.in_force_on(ref.day) == "uncertain":
            _out(f"\n  warning: whether this wording was in force on {ref.day} is uncertain: it ran {v.period()}")
    links = corpus.links(versions[0].article_ref)
    if links:
        _out("\n  lineage: " + "; ".join(f"{link.relation} {link.ref} ({link.source})" for link in links))
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
        _out("".join(csv_text(r) for r in results[:1]) + "".join(csv_text(r).split("\n", 1)[1] for r in results[1:]))
    else:
        _out("\n\n".join(r.to_text() if args.format == "text" else r.to_markdown() for r in results))
        if len(versions) > 1:
            coverage = align(versions, corpus, args.lang)
            _out("\nCoverage\n" + (coverage.to_text() if args.format == "text" else coverage.to_markdown()))
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
        _out(csv_text(table))
        return 0
    _out(table.to_text() if args.format == "text" else table.to_markdown())
    unknown = {r.ref: r.unknown for r in table.rows if r.unknown}
    for ref, why in unknown.items():
        _out(f"\n  unknown in {ref}: {why}")
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
        _out(csv_text(table))
    else:
        _out(table.to_text() if args.format == "text" else table.to_markdown())
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
        _out(f"{args.refs[0]} has a single version: nothing to diff")
        return 0
    if args.format == "docx":
        from kzlaw.present.redline_docx import write_diffs

        if not args.output:
            raise BadReferenceError("--format docx writes a file: give it with -o FILE.docx")
        write_diffs(found, args.output)
        _out(f"wrote {args.output} ({len(found)} redline(s) with tracked changes)")
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
        _out(f"wrote {args.output}")
    else:
        _out(text)
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
    _out(f"report written to {index} ({sizes}) in {time.perf_counter() - start:.1f} s")
    return 0


_EXAMPLES = {
    "list": "examples:\n  kzlaw list --code cc2014\n  kzlaw list --json",
    "show": "examples:\n  kzlaw show cc1997/128@2006-03-02\n  kzlaw show cc2014/128@292-VI --lang ru\n"
    "  kzlaw show cc2014/128@latest --json",
    "diff": "examples:\n  kzlaw diff cc1997/128@2006-03-01 cc1997/128@2006-03-02\n"
    "  kzlaw diff cc2014/128@2015-01-01 cc2014/128@292-VI --lang ru --format html -o diff.html\n"
    "  kzlaw diff cc1997/128 --format docx -o redline.docx",
    "report": "examples:\n  kzlaw report -o report\n  kzlaw report cc1997/128 cc2014/128 -o report-128",
    "align": "examples:\n  kzlaw align cc1997/128\n  kzlaw align cc2014/128@latest --json\n"
    "  kzlaw align cc1997/128 --format csv",
    "enforcement": "examples:\n  kzlaw enforcement 2009\n  kzlaw enforcement 2022 --json\n"
    "  kzlaw enforcement 2010-H1 --format csv",
    "penalties": "examples:\n  kzlaw penalties cc1997/271@2010-01-01 cc1997/128@2010-01-01\n"
    "  kzlaw penalties cc2014/308 --format csv",
}


class _UsageError(KzlawError, ValueError):
    """A command line argparse cannot read (main prints it on one line and returns 2)."""


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error raises :class:`_UsageError` instead of printing usage and exiting."""

    def error(self, message: str) -> NoReturn:
        """Raise the usage error (``kzlaw: error: ...`` on one line, with where to get help)."""
        raise _UsageError(f"{message} (see {self.prog} --help)")


def _parser(commands: dict[str, tuple[Command, str]]) -> argparse.ArgumentParser:
    from kzlaw import __version__

    parser = _Parser(
        prog="kzlaw",
        description="Kazakhstan's anti-trafficking criminal law as versioned data.",
        epilog="References: cc1997/128 (an article), cc1997/128@2006-03-02 (the version in force that day), "
        "cc2014/128@292-VI (the version a law brought), cc2014/128@latest.",
    )
    parser.add_argument("--version", action="version", version=f"kzlaw {__version__}")
    parser.add_argument("--data", metavar="DIR", help="a statute folder to use instead of the bundled data")
    parser.add_argument("--debug", action="store_true", help="show the traceback of an error")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (_, _, help_text) in DELEGATED.items():
        p = sub.add_parser(name, help=help_text, description=help_text, add_help=False)
        p.add_argument("rest", nargs=argparse.REMAINDER, help="the command's own options (kzlaw %(prog)s --help)")
    for name, (_, help_text) in commands.items():
        p = sub.add_parser(
            name,
            help=help_text,
            description=help_text,
            epilog=_EXAMPLES.get(name),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        if name == "list":
            p.add_argument("--code", help="only this code (cc1997, cc2014)")
        if name == "show":
            p.add_argument("ref", help="cc1997/128 or cc1997/128@2006-03-02")
        if name in ("show", "diff", "align", "report"):
            p.add_argument("--lang", choices=["en", "ru", "kk"], default=None, help="the wording to show (default en)")
        if name == "diff":
            p.add_argument("refs", nargs="+", metavar="REF", help="OLD_REF NEW_REF, or one article REF")
            p.add_argument("--format", choices=["text", "markdown", "html", "json", "csv", "docx"], default="text")
            p.add_argument("--color", choices=["auto", "always", "never"], default="auto", help="ANSI colours (text)")
            p.add_argument("--side-by-side", action="store_true", help="HTML: add old | new by part")
            p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
            continue
        if name == "report":
            p.add_argument("refs", nargs="*", metavar="REF", help="articles to include (default: all offences)")
            p.add_argument(
                "-o", "--output", default="report", metavar="DIR", help="the folder to write (default: report)"
            )
            continue
        if name in ("align", "penalties"):
            p.add_argument("refs", nargs="+", metavar="REF", help="a version, or an article for all its versions")
            p.add_argument("--format", choices=["text", "markdown", "json", "csv"], default="text")
        if name == "enforcement":
            p.add_argument("period", nargs="?", help="a period of the file: 2009, 2010-H1, 2022 (default: all)")
            p.add_argument("--format", choices=["text", "markdown", "json", "csv"], default="text")
            p.add_argument("--file", metavar="FILE", help="an enforcement file instead of the statute folder's own")
        p.add_argument("--json", action="store_true", help="print JSON")
    return parser


#: Commands whose module parses its own arguments: name -> (module, function, help).
DELEGATED: dict[str, tuple[str, str, str]] = {
    "export": ("kzlaw.akn", "export_command", "export versions as Akoma Ntoso 3.0 documents (needs the akn extra)"),
    "verify-official": (
        "kzlaw.official",
        "verify_official_command",
        "compare the held official wordings with a fresh copy of the official text",
    ),
}


def _split_delegated(argv: list[str]) -> tuple[list[str], list[str] | None]:
    """The global options and, if the command is a delegated one, the command and its own arguments."""
    i = 0
    while i < len(argv):
        token = argv[i]
        if token == "--data":
            i += 2
            continue
        if token.startswith("-"):
            i += 1
            continue
        return (argv[:i], argv[i:]) if token in DELEGATED else (argv, None)
    return argv, None


def _delegate(name: str, argv: Sequence[str], data: str | None) -> int:
    import importlib

    module, function, _ = DELEGATED[name]
    try:
        run: Callable[[list[str]], int] = getattr(importlib.import_module(module), function)
    except ImportError as err:
        print(f"kzlaw: error: 'kzlaw {name}' needs an optional extra ({err.name}): pip install 'kzlaw[akn]'", file=sys.stderr)
        return 2
    args = list(argv)
    if data is not None and name == "export":
        args = ["--statutes", data, *args]
    elif data is not None:
        args = ["--data", data, *args]
    return run(args)


COMMANDS: dict[str, tuple[Command, str]] = {
    "list": (cmd_list, "list the articles held"),
    "show": (cmd_show, "show an article or one version"),
    "diff": (cmd_diff, "show what changed between two versions (redline and structural changes)"),
    "report": (cmd_report, "write an HTML report of the corpus (the main job)"),
    "align": (cmd_align, "check versions against the UN Trafficking Protocol"),
    "penalties": (cmd_penalties, "compare penalties part by part, with gravity and benchmarks"),
    "enforcement": (cmd_enforcement, "enforcement figures joined to the law in force, with findings"),
}


def _error(message: str) -> None:
    """Print an error on one line, its control characters shown, not obeyed (a hostile ref or file name)."""
    from kzlaw.present.text import clean

    print("kzlaw: error: " + " ".join(clean(message).splitlines()), file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 2 on any error, with one line saying why)."""
    try:
        return _main(argv)
    except _UsageError as err:
        _error(f"{err}")
        return 2


def _main(argv: Sequence[str] | None) -> int:
    given = list(sys.argv[1:] if argv is None else argv)
    head, rest = _split_delegated(given)
    if rest is not None:
        args = _parser(COMMANDS).parse_args([*head, rest[0]])
        try:
            return _delegate(rest[0], rest[1:], args.data)
        except BrokenPipeError:  # pragma: no cover
            return 0
        except Exception as err:  # never a traceback for a user
            if args.debug:
                raise
            _error(f"{type(err).__name__}: {err} (run with --debug for the traceback)")
            return 2
    args = _parser(COMMANDS).parse_args(given)
    if getattr(args, "json", False) and hasattr(args, "format"):
        args.format = "json"
    try:
        from kzlaw.loader import load

        corpus = load(args.data)
        return COMMANDS[args.command][0](args, corpus)
    except BrokenPipeError:  # pragma: no cover - `kzlaw show ... | head`
        return 0
    except KzlawError as err:
        if args.debug:
            raise
        _error(f"{err}")
        return 2
    except (Exception, RecursionError) as err:  # never a traceback for a user, whatever the input
        if args.debug:
            raise
        _error(f"{type(err).__name__}: {err} (run with --debug for the traceback)")
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
