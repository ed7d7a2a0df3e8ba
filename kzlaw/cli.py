"""The ``kzlaw`` command line: ``list``, ``show``, ``diff``, ``align``, ``penalties``, ``report`` and more.

Every command takes references in the one form kzlaw uses (``cc1997/128@2006-03-02``) and prints
text for a terminal, JSON with ``--json`` or other formats with ``--format``. Any error prints one
line (``kzlaw: error: ...``) and exits with 2; ``--debug`` shows the traceback instead.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from kzlaw.commands import (
    cmd_align,
    cmd_diff,
    cmd_enforcement,
    cmd_list,
    cmd_penalties,
    cmd_report,
    cmd_show,
)
from kzlaw.errors import KzlawError

TYPE_CHECKING = False  # typing, json and the model load when a command needs them, not for `kzlaw --help`
if TYPE_CHECKING:
    from typing import NoReturn

    from kzlaw.corpus import Corpus

    Command = Callable[[argparse.Namespace, Corpus], int]

__all__ = ["COMMANDS", "main"]


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
        if name in ("show", "diff", "align"):
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
        print(
            f"kzlaw: error: 'kzlaw {name}' needs an optional extra ({err.name}): pip install 'kzlaw[akn]'",
            file=sys.stderr,
        )
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
        from kzlaw.bundled import load

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
