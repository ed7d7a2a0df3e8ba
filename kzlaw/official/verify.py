"""The drift check: compare the held official wordings with a fresh copy of the official text.

A fresh copy is a Markdown or plain-text export of the code as adilet or its mirror give it:
headings ``Статья 128. Торговля людьми`` (``#### `` before them in the mirror; ``128-бап.`` in
Kazakh), parts ``1. ...``, points ``1) ...``, notes after ``Примечание.``, and the ``Сноска.``
footnote. :func:`verify_official` reports every difference by article and part; whitespace is
not a difference, nor the mirror's ``<*>`` marks and leftover link codes; every other character
is. :func:`official_markdown` writes the held wordings out in that form (what a round trip, or a
maintainer's first copy, starts from). Reading the copy is :mod:`kzlaw.official.reader`'s part.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Literal, NoReturn

from attrs import frozen

from kzlaw.corpus import Corpus, resolve_corpus
from kzlaw.display import Presentable
from kzlaw.errors import KzlawError
from kzlaw.model import Version
from kzlaw.official.reader import (
    FOOTNOTE_WORDS,
    HEADINGS,
    NOTE_HEADINGS,
    OfficialArticle,
    OfficialTextError,
    collapse_space,
    compared_words,
    read_official_text,
)
from kzlaw.when import as_date

__all__ = [
    "Difference",
    "OfficialArticle",
    "OfficialTextError",
    "VerifyReport",
    "official_markdown",
    "read_official_text",
    "verify_official",
    "verify_official_command",
]

DifferenceKind = Literal[
    "missing_article",
    "changed_title",
    "missing_part",
    "new_part",
    "changed_words",
    "missing_note",
    "new_note",
    "changed_note",
    "changed_definition",
    "changed_footnote",
]


@frozen
class Difference(Presentable):
    """One difference between a held official wording and the fresh copy.

    ``where`` names the place (``part 2``, ``note 1``, ``footnote``, ``title``, ``article``);
    ``diff`` is a short word diff (``[-old-]{+new+}``) where words changed.
    """

    article: str
    version: str | None
    where: str
    kind: DifferenceKind
    held: str = ""
    fresh: str = ""
    diff: str = ""


@frozen
class VerifyReport(Presentable):
    """Every difference between the held official wordings of a code and a fresh official copy.

    ``compared`` pairs each article compared with the version whose wording was compared.
    """

    file: str
    code: str
    language: str
    articles_in_file: int
    compared: tuple[tuple[str, str], ...]
    differences: tuple[Difference, ...]

    @property
    def ok(self) -> bool:
        """Whether the held wordings and the fresh copy agree everywhere compared."""
        return not self.differences


def short_diff(old: str, new: str, context: int = 3) -> str:
    """A word diff with ``[-deleted-]{+inserted+}`` marks, long unchanged runs cut to ``context`` words each side."""
    from kzlaw.worddiff import word_diff

    out: list[str] = []
    for op, text in word_diff(collapse_space(old), collapse_space(new)).ops:
        if op == -1:
            out.append(f"[-{text.strip()}-] ")
        elif op == 1:
            out.append(f"{{+{text.strip()}+}} ")
        else:
            words = text.split()
            if len(words) > 2 * context + 1:
                words = [*words[:context], "…", *words[-context:]]
            out.append(" ".join(words) + " ")
    return collapse_space("".join(out))


def _official(v: Version, language: str) -> bool:
    w = v.wordings.get(language)
    return w is not None and w.status == "official"


def held_versions(corpus: Corpus, code: str, language: str, at: dt.date | str | None = None) -> tuple[Version, ...]:
    """For each article of ``code``, the latest version holding an official wording in ``language``.

    With ``at`` (a date), the latest such version that may have been in force that day, for a copy
    of the text as it stood then.
    """
    day = None if at is None else as_date(at, "at")
    out = []
    for art in corpus.select(code, role=None):
        versions = art.versions if day is None else art.candidates(day)
        held = [v for v in versions if _official(v, language)]
        if held:
            out.append(held[-1])
    return tuple(out)


def _strip(text: str, label: str) -> str:
    text = compared_words(text)
    return text[len(label) + 2 :] if label and text.startswith(f"{label}. ") else text


def _unfoot(text: str, language: str) -> str:
    text = compared_words(text)
    word = FOOTNOTE_WORDS[language]
    return text[len(word) :].strip() if text.startswith(word) else text


_NOTE_LABEL = re.compile(r"^(?:Note|Примечание|Ескертпе)\s+(?P<n>\d+(?:-\d+)?)$")


def _held_notes(v: Version, language: str) -> dict[tuple[str, str], str]:
    """The held notes by ``(note label, definition label)``: a definition printed as a note ("Note 2") is one."""
    w = v.wordings[language]
    out = {(n.label, ""): w.notes[n.label] for n in v.notes}
    for d in v.definitions:
        m = _NOTE_LABEL.match(d.label)
        if m:
            out[(m["n"], d.label)] = w.definitions[d.label]
    return dict(sorted(out.items(), key=lambda kv: [int(x) if x.isdigit() else 0 for x in kv[0][0].split("-")]))


def _compare(v: Version, fresh: OfficialArticle, language: str) -> list[Difference]:
    w = v.wordings[language]
    ref, out = v.article_ref, []

    def diff(where: str, kind: DifferenceKind, held: str, new: str) -> None:
        out.append(Difference(ref, v.ref, where, kind, held, new, short_diff(held, new)))

    if compared_words(w.title) != compared_words(fresh.title):
        diff("title", "changed_title", w.title, fresh.title)
    for p in v.parts:
        held = w.part(p.id)
        if p.number not in fresh.parts:
            out.append(Difference(ref, v.ref, f"part {p.number}", "missing_part", held))
        elif _strip(held, p.number) != _strip(fresh.parts[p.number], p.number):
            diff(f"part {p.number}", "changed_words", held, fresh.parts[p.number])
    numbers = {p.number for p in v.parts}
    for n, text in fresh.parts.items():
        if n not in numbers and (v.parts or not v.definitions):
            out.append(Difference(ref, v.ref, f"part {n}", "new_part", fresh=text))
    held_notes = _held_notes(v, language)
    for label, held in held_notes.items():
        what, where = ("definition", f"definition {label[1]}") if label[1] else ("note", f"note {label[0]}".strip())
        if label[0] not in fresh.notes:
            out.append(Difference(ref, v.ref, where, "missing_note", held))
        elif _strip(held, label[0]) != _strip(fresh.notes[label[0]], label[0]):
            diff(where, "changed_definition" if what == "definition" else "changed_note", held, fresh.notes[label[0]])
    for n, text in fresh.notes.items():
        if n not in {label for label, _ in held_notes}:
            out.append(Difference(ref, v.ref, f"note {n}".strip(), "new_note", fresh=text))
    body = compared_words(fresh.body)
    for d in v.definitions:
        if _NOTE_LABEL.match(d.label):
            continue
        held = re.sub(r"^\d+(?:-\d+)?\)\s*", "", compared_words(w.definitions[d.label]))
        if held not in body:
            point = re.search(r"(\d+(?:-\d+)?)\s*$", d.label)
            m = point and re.search(rf"(?:^| ){re.escape(point.group(1))}\) (.*?)(?= \d+(?:-\d+)?\) |$)", body)
            diff(f"definition {d.label}", "changed_definition", held, m.group(1) if m else "")
    if _unfoot(w.footnote, language) != _unfoot(fresh.footnote, language):
        diff("footnote", "changed_footnote", w.footnote, fresh.footnote)
    return out


def verify_official(
    corpus: Corpus | None,
    file: Path | str,
    code: str = "cc2014",
    language: str = "ru",
    at: dt.date | str | None = None,
) -> VerifyReport:
    """Compare the held official wordings of ``code`` in ``language`` with a fresh official copy in ``file``.

    Each article's latest version holding an official wording is compared; with ``at``, the one in
    force on that day (for a copy of the text as it stood then).

    Raises:
        OfficialTextError: The file cannot be read, or holds no article heading in ``language``.
    """
    corpus = resolve_corpus(corpus)
    path = Path(file)
    if language not in HEADINGS:
        raise OfficialTextError(str(path), f"no reader for language {language!r}; known: {', '.join(HEADINGS)}")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise OfficialTextError(str(path), f"cannot be read: {e}") from None
    fresh = {a.number: a for a in read_official_text(text, language)}
    if not fresh:
        example = HEADINGS[language][1].format(n=128, title="...")
        raise OfficialTextError(str(path), f"holds no article heading like {example!r}: is it the {language} text?")
    differences: list[Difference] = []
    compared: list[tuple[str, str]] = []
    for v in held_versions(corpus, code, language, at):
        compared.append((v.article_ref, v.ref))
        if v.article not in fresh:
            differences.append(Difference(v.article_ref, v.ref, "article", "missing_article"))
        else:
            differences += _compare(v, fresh[v.article], language)
    return VerifyReport(str(path), code, language, len(fresh), tuple(compared), tuple(differences))


def official_markdown(
    corpus: Corpus | None = None, code: str = "cc2014", language: str = "ru", at: dt.date | str | None = None
) -> str:
    """The held official wordings of ``code`` written out as the mirror prints them (one Markdown text)."""
    corpus = resolve_corpus(corpus)
    blocks: list[str] = []
    for v in held_versions(corpus, code, language, at):
        w = v.wordings[language]
        paras = ["#### " + HEADINGS[language][1].format(n=v.article, title=w.title)]
        for p in v.parts:
            text = w.part(p.id)
            many = len(v.parts) > 1
            paras.append(text if not many or text.startswith(f"{p.number}. ") else f"{p.number}. {text}")
        for d in v.definitions:
            if _NOTE_LABEL.match(d.label):
                continue
            text, point = w.definitions[d.label], re.search(r"(\d+(?:-\d+)?)\s*$", d.label)
            label = point.group(1) if point else ""
            paras.append(text if not label or text.startswith(f"{label}) ") else f"{label}) {text}")
        one, many_notes = NOTE_HEADINGS[language]
        notes = _held_notes(v, language)
        if list(notes) == [("", "")]:
            paras.append(f"{one} {notes[('', '')]}")
        elif notes:
            paras.append(many_notes)
            paras += [f"{n}. {_strip(text, n)}" for (n, _), text in notes.items()]
        if w.footnote:
            word = FOOTNOTE_WORDS[language]
            paras.append(w.footnote if w.footnote.startswith(word) else f"{word} {w.footnote}")
        blocks.append("\n\n".join(paras))
    return "\n\n".join(blocks) + "\n"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        print(f"kzlaw verify-official: error: {message}", file=sys.stderr)
        raise SystemExit(2)


def verify_official_command(argv: Sequence[str]) -> int:
    """``kzlaw verify-official FILE [--code cc2014] [--lang ru] [--at DATE] [--json] [--data DIR]``.

    Returns 0 if the held official wordings and the file agree, 1 if they differ, 2 on an error
    (with one line on standard error saying why).
    """
    parser = _Parser(
        prog="kzlaw verify-official",
        description="Compare the held official wordings with a fresh copy of the official text "
        "(a Markdown or plain-text export of the code, as adilet or its mirror give it).",
    )
    parser.add_argument("file", metavar="FILE", help="the fresh copy (e.g. rus/81097.md of quyse/kz-laws)")
    parser.add_argument("--code", default="cc2014", help="the code the file holds (default cc2014)")
    parser.add_argument("--lang", default="ru", choices=sorted(HEADINGS), help="the file's language (default ru)")
    parser.add_argument("--at", metavar="DATE", help="compare the versions in force on DATE (YYYY-MM-DD)")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--data", metavar="DIR", help="a statute folder to use instead of the bundled data")
    try:
        args = parser.parse_args(list(argv))
    except SystemExit as e:
        return int(e.code or 0)
    try:
        from kzlaw.bundled import load

        report = verify_official(load(args.data), args.file, args.code, args.lang, args.at)
    except KzlawError as e:
        print(f"kzlaw verify-official: error: {e}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(report.to_text())
    return 0 if report.ok else 1
