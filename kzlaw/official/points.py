r"""The points of an official part ("1) группой лиц ...", "а) ...") linked to the part's tagged circumstances.

Each numbered or lettered point of an official wording's part is either linked to the circumstance
with its label (the Russian letters а, б, в ... are the Latin a, b, c ... kzlaw labels by, in the
order of the Russian alphabet without ё and й) or listed as untagged. A circumstance with no point
in the official words is listed too.

>>> [(p.label, p.printed_label, p.words) for p in points_of("2. Те же:\n\nа) группой лиц;\n\nб) неоднократно, -")]
[('a', 'а', 'группой лиц;'), ('b', 'б', 'неоднократно, -')]
"""

from __future__ import annotations

import re
import string
from typing import Literal

from attrs import frozen

from kzlaw.corpus import Corpus, resolve_corpus
from kzlaw.display import Presentable

__all__ = ["OfficialPoint", "PointLink", "check_points", "latin_label", "points_of"]

#: Russian list letters in order (ё, й, ъ, ы, ь are not used to letter points).
CYRILLIC_LETTERS = "абвгдежзиклмнопрстуфхцчшщэюя"
_POINT = re.compile(r"^\s*(?P<label>\d+(?:-\d+)?|[a-zа-я](?:-\d+)?)\)\s+(?P<words>.+?)\s*$", re.MULTILINE)

PointStatus = Literal["linked", "untagged", "no_point"]


def latin_label(label: str) -> str:
    """The ASCII label kzlaw gives for a printed point label: ``б`` is ``b``, ``1-1`` stays ``1-1``."""
    head, sep, tail = label.partition("-")
    if len(head) == 1 and head in CYRILLIC_LETTERS:
        head = string.ascii_lowercase[CYRILLIC_LETTERS.index(head)]
    return head + sep + tail


@frozen
class OfficialPoint:
    """A point of a part as printed: its label as printed, kzlaw's ASCII label, and its words."""

    printed_label: str
    label: str
    words: str


def points_of(text: str) -> tuple[OfficialPoint, ...]:
    """The numbered or lettered points of a part's words, in order."""
    return tuple(OfficialPoint(m["label"], latin_label(m["label"]), m["words"]) for m in _POINT.finditer(text))


def _plain(text: str) -> str:
    return " ".join(text.split()).rstrip(" ,;.–-").strip()


@frozen
class PointLink(Presentable):
    """One official point and the circumstance it is linked to (or a circumstance with no point).

    ``status`` is ``linked`` (a circumstance has the point's label), ``untagged`` (none has), or
    ``no_point`` (a circumstance of the part has no point in the official words). ``words_match``
    says, for a linked point, whether the wording's words of the circumstance are the point's own.
    """

    ref: str
    part: str
    language: str
    status: PointStatus
    label: str
    printed_label: str = ""
    words: str = ""
    tags: tuple[str, ...] = ()
    circumstance_words: str = ""
    words_match: bool | None = None


def check_points(corpus: Corpus | None = None) -> tuple[PointLink, ...]:
    """Every point of every official part, linked to its circumstance or listed as untagged.

    Circumstances whose label starts with ``?`` (kzlaw's placeholder for a place not yet located)
    are not expected among the points.
    """
    corpus = resolve_corpus(corpus)
    out: list[PointLink] = []
    for art in corpus:
        for v in art.versions:
            for lang, w in v.wordings.items():
                if w.status != "official":
                    continue
                for p in v.parts:
                    pw = w.parts[p.id]
                    points = points_of(pw.text)
                    by_label = {c.label: c for c in p.circumstances}
                    for pt in points:
                        c = by_label.get(pt.label)
                        if c is None:
                            link = PointLink(v.ref, p.number, lang, "untagged", pt.label, pt.printed_label, pt.words)
                            out.append(link)
                            continue
                        said = pw.circumstances.get(c.label, "")
                        match = bool(_plain(said)) and _plain(said) in _plain(pt.words)
                        out.append(
                            PointLink(
                                v.ref,
                                p.number,
                                lang,
                                "linked",
                                pt.label,
                                pt.printed_label,
                                pt.words,
                                c.tags,
                                said,
                                match,
                            )
                        )
                    printed = {pt.label for pt in points}
                    for c in p.circumstances:
                        if c.label not in printed and not c.label.startswith("?"):
                            out.append(
                                PointLink(
                                    v.ref,
                                    p.number,
                                    lang,
                                    "no_point",
                                    c.label,
                                    tags=c.tags,
                                    circumstance_words=pw.circumstances.get(c.label, ""),
                                )
                            )
    return tuple(out)
