"""Reading a fresh copy of the official text: a Markdown or plain-text export, as adilet or its mirror give it.

Headings ``Статья 128. Торговля людьми`` (``#### `` before them in the mirror; ``128-бап.`` in
Kazakh), parts ``1. ...``, points ``1) ...``, notes after ``Примечание.``, and the ``Сноска.``
footnote. :func:`read_official_text` turns such a text into :class:`OfficialArticle` objects.
"""

from __future__ import annotations

import re

from attrs import field, frozen

from kzlaw.errors import KzlawError
from kzlaw.frozen import FrozenMap, frozen_map

__all__ = [
    "FOOTNOTE_WORDS",
    "HEADINGS",
    "NOTE_HEADINGS",
    "OfficialArticle",
    "OfficialTextError",
    "collapse_space",
    "compared_words",
    "read_official_text",
]

#: Per language: the pattern of an article heading, and how kzlaw writes one.
HEADINGS = {
    "ru": (r"[СC]татья\s+(?P<n>\d+(?:-\d+)*)\.\s*(?P<title>.*)", "Статья {n}. {title}"),
    "kk": (r"(?P<n>\d+(?:-\d+)*)-бап\.\s*(?P<title>.*)", "{n}-бап. {title}"),
    "en": (r"Article\s+(?P<n>\d+(?:-\d+)*)\.\s*(?P<title>.*)", "Article {n}. {title}"),
}
#: The word an official footnote starts with, per language.
FOOTNOTE_WORDS = {"ru": "Сноска.", "kk": "Ескерту.", "en": "Footnote."}
_NOTE = {"ru": r"Примечани[ея]\.", "kk": r"Ескерт(?:пе|у)\.", "en": r"Notes?\."}
#: How kzlaw heads one note and several notes, per language.
NOTE_HEADINGS = {"ru": ("Примечание.", "Примечания."), "kk": ("Ескертпе.", "Ескертпе."), "en": ("Note.", "Notes.")}
_STOP = re.compile(r"^\s*(?:#|(?:Глава|ГЛАВА|Раздел|РАЗДЕЛ|Chapter|Section)\s+\d)")
_NUMBERED = re.compile(r"^(?P<n>\d+(?:-\d+)?)\.\s+")


class OfficialTextError(KzlawError, ValueError):
    """A fresh copy of the official text cannot be read, or holds no article in the language asked."""

    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}")


@frozen
class OfficialArticle:
    """One article of a fresh official copy: its title, parts and notes by number, its footnote and body."""

    number: str
    title: str
    parts: FrozenMap[str, str] = field(factory=FrozenMap, converter=frozen_map)
    notes: FrozenMap[str, str] = field(factory=FrozenMap, converter=frozen_map)
    footnote: str = ""
    body: str = ""


#: What the mirror prints that is not the law's words: the ``<*>`` reference mark of the 1997 Code, and
#: adilet's document codes left from links (``P07001S``).
_ARTIFACTS = re.compile(r"\s*<\*>|\s+\b[A-Z]\d{5,}[A-Z0-9_]*\b(?=\s|$)")


def collapse_space(text: str) -> str:
    """The text with every run of whitespace made one space."""
    return " ".join(text.split())


def compared_words(text: str) -> str:
    """The words compared: whitespace collapsed, the mirror's artifacts (:data:`_ARTIFACTS`) left out."""
    return collapse_space(_ARTIFACTS.sub("", text))


def read_official_text(text: str, language: str = "ru") -> tuple[OfficialArticle, ...]:
    """The articles of an official export (Markdown or plain text), in order."""
    heading = re.compile(r"^\s*#*\s*" + HEADINGS[language][0] + r"\s*$")
    out: list[OfficialArticle] = []
    current: tuple[str, str] | None = None
    body: list[str] = []

    def close() -> None:
        if current is not None:
            out.append(_article(current[0], current[1], body, language))

    for line in text.splitlines():
        m = heading.match(line)
        if m:
            close()
            current, body = (m["n"], m["title"].strip()), []
        elif current is not None and _STOP.match(line):
            close()
            current, body = None, []
        elif current is not None:
            body.append(line)
    close()
    return tuple(out)


def _is_footnote(para: str, language: str) -> bool:
    """Whether a paragraph is the footnote (Kazakh prints notes under "Ескерту." too: a footnote cites a law)."""
    if not para.startswith(FOOTNOTE_WORDS[language]):
        return False
    return language != "kk" or bool(re.search(r"№|Заңымен|заңдарымен|Жарлығымен", para))


def _article(number: str, title: str, lines: list[str], language: str) -> OfficialArticle:
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", "\n".join(lines)) if p.strip()]
    parts: dict[str, list[str]] = {}
    notes: dict[str, list[str]] = {}
    footnotes: list[str] = []
    target: list[str] | None = None
    in_notes = False
    for para in paragraphs:
        para = "\n".join(line.strip() for line in para.splitlines())
        numbered = _NUMBERED.match(para)
        note = re.match(_NOTE[language], para)
        if _is_footnote(para, language):
            footnotes.append(para)
            target = None
        elif note:
            in_notes = True
            rest = para[note.end() :].strip()
            target = notes.setdefault("", []) if rest else None
            if target is not None:
                target.append(rest)
        elif in_notes and numbered:
            target = notes.setdefault(numbered["n"], [para[numbered.end() :]])
        elif numbered and not in_notes:
            target = parts.setdefault(numbered["n"], [para])
        elif target is not None:
            target.append(para)
        else:  # an article whose only part is not numbered, or the words before its first point
            target = parts.setdefault("1", [para])
    return OfficialArticle(
        number,
        title,
        {k: "\n\n".join(v) for k, v in parts.items()},
        {k: "\n\n".join(v) for k, v in notes.items()},
        "\n".join(footnotes),
        "\n\n".join(paragraphs),
    )
