"""Write folders of AKN documents: :func:`write_akn`, and ``kzlaw export --format akn -o DIR [refs...]``."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from kzlaw.akn.base import AknError, parse_xml, validate
from kzlaw.akn.write import anchor, language_code, to_akn
from kzlaw.corpus import Corpus
from kzlaw.errors import KzlawError
from kzlaw.fsio import write_atomic
from kzlaw.model import Version

__all__ = ["akn_path", "export_command", "write_akn"]


def akn_path(version: Version, language: str, corpus: Corpus | None = None) -> Path:
    """Where :func:`write_akn` puts a document, relative to its folder: ``cc1997/128/eng@2006-03-02.xml``.

    Args:
        version: The version.
        language: The wording's language.
        corpus: The corpus whose languages give the AKN code (else :data:`~kzlaw.akn.base.AKN_LANGUAGES`).

    Returns:
        The relative path.
    """
    start = anchor(version.valid_from)
    day = start.isoformat() if start is not None else ""
    return Path(version.code, version.article, f"{language_code(language, corpus)}@{day}.xml")


def write_akn(
    versions: Iterable[Version], folder: Path, corpus: Corpus | None = None, check: bool = True
) -> list[Path]:
    """Write one AKN document per version and language held, atomically, under ``folder``.

    Args:
        versions: The versions to export.
        folder: The folder to write into (created if missing); files go to :func:`akn_path`.
        corpus: The corpus the versions belong to (see :func:`to_akn`).
        check: Validate each document against the strict schema before writing it.

    Returns:
        The paths written, in order.

    Raises:
        AknError: A document does not validate, or two would share a path.
        kzlaw.errors.WriteError: A file cannot be written.
    """
    written: list[Path] = []
    seen: dict[Path, str] = {}
    for version in versions:
        for language in version.languages:
            rel = akn_path(version, language, corpus)
            if rel in seen:
                raise AknError(f"{version.ref} and {seen[rel]} would both be written to {rel}")
            seen[rel] = version.ref
            data = to_akn(version, language, corpus)
            if check:
                validate(parse_xml(data))
            target = folder / rel
            write_atomic(target, data)
            written.append(target)
    return written


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kzlaw export",
        description="Write one Akoma Ntoso 3.0 document per version and language under DIR/CODE/ARTICLE/.",
    )
    parser.add_argument("--format", choices=["akn"], default="akn", help="the export format (akn: Akoma Ntoso 3.0)")
    parser.add_argument("-o", "--output", required=True, type=Path, metavar="DIR", help="the folder to write into")
    parser.add_argument("--statutes", type=Path, metavar="PATH", help="a statute folder instead of the bundled data")
    parser.add_argument("--no-check", action="store_true", help="skip validation against the strict AKN schema")
    parser.add_argument("refs", nargs="*", help="versions or articles (cc1997/128, cc2014/128@292-VI); default: all")
    return parser


def export_command(argv: Sequence[str] | None = None) -> int:
    """Run ``kzlaw export``: write the documents, print one line of what was written.

    Each file is written atomically (a temporary file in the same folder, then :func:`os.replace`), so an
    interrupted export leaves every file either old or new, never half-written.

    Args:
        argv: The arguments after ``export`` (``["--format", "akn", "-o", "out", "cc1997/128"]``).

    Returns:
        0 on success; 2 on an error, after one line ``kzlaw: error: ...`` on standard error (as every command).
    """
    try:
        args = _parser().parse_args(argv)
    except SystemExit as stop:
        return 0 if stop.code in (0, None) else 2
    try:
        import kzlaw

        corpus = kzlaw.load(args.statutes)
        versions = corpus.versions(*args.refs) if args.refs else tuple(v for a in corpus for v in a.versions)
        started = time.perf_counter()
        paths = write_akn(versions, args.output, corpus, check=not args.no_check)
        elapsed = time.perf_counter() - started
    except (KzlawError, ImportError) as err:
        print(f"kzlaw: error: {err}", file=sys.stderr)
        return 2
    size = sum(p.stat().st_size for p in paths)
    checked = ", each valid against the strict AKN 3.0 schema" if not args.no_check else ""
    print(f"wrote {len(paths)} Akoma Ntoso documents ({size:,} bytes) to {args.output} in {elapsed:.2f} s{checked}")
    return 0
