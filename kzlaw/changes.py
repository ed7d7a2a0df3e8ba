"""What an amendment changed: a word-level redline and a structural diff of two versions.

The redline is a word diff (:func:`kzlaw.worddiff.word_diff`) of the full texts in one language
(sanctions included where a summary leaves them out, so a penalty change always shows), taken
provision by provision (:mod:`kzlaw.redline`): parts paired by id, points by meaning. The structural diff
aligns parts by their stable id and circumstances by meaning (tags, then words), and reports each
change as a :class:`Change` with a machine-readable ``kind`` and a one-line ``summary``. This module
computes; :mod:`kzlaw.present` renders.

>>> import kzlaw
>>> d = kzlaw.diff("cc1997/128@2006-03-01", "cc1997/128@2006-03-02")
>>> for change in d.changes:
...     if change.kind == "element.moved":
...         print(change.summary)
deception (deceit) moved from the base offence (part 1) to part 2(h)
an organised group moved from part 3 to part 4(a)
"""

from __future__ import annotations

import os
from itertools import pairwise
from pathlib import Path

from attrs import frozen

from kzlaw.change import CHANGE_KINDS, Change, ChangeKind
from kzlaw.corpus import Corpus, resolve_corpus
from kzlaw.display import Presentable
from kzlaw.errors import BadReferenceError, UnknownPartError
from kzlaw.model import Version
from kzlaw.redline import redline, sanction_line
from kzlaw.refs import Ref
from kzlaw.structure import structural_changes
from kzlaw.worddiff import WordDiff

__all__ = ["CHANGE_KINDS", "Change", "ChangeKind", "Diff", "compared_text", "diff", "diffs", "sanction_line"]

Ops = tuple[tuple[int, str], ...]


@frozen
class Diff(Presentable):
    """The differences between two versions: the word redline, the structural changes, and the patch.

    ``text`` holds diff-match-patch operations (-1 deleted, 0 kept, 1 inserted) over the texts
    :func:`compared_text` gives in ``language``; ``patch`` turns the old text into the new in any
    diff-match-patch implementation (offsets in UTF-16 units); ``redline`` is the word diff itself,
    taken provision by provision (:func:`kzlaw.redline.redline`).
    """

    old: Version
    new: Version
    redline: WordDiff
    changes: tuple[Change, ...]
    language: str = "en"

    @property
    def text(self) -> Ops:
        """The redline's operations."""
        return self.redline.ops

    @property
    def patch(self) -> str:
        """The patch text (UTF-16 offsets, as every diff-match-patch port reads it)."""
        return self.redline.patch

    def kinds(self) -> tuple[str, ...]:
        """The kinds of the changes, in order."""
        return tuple(c.kind for c in self.changes)

    def to_docx(self, path: str | os.PathLike[str]) -> Path:
        """Write the redline as a Word document whose changes are tracked revisions; returns the path."""
        from kzlaw.present.redline_docx import write_diffs

        return write_diffs([self], path)

    def __repr__(self) -> str:
        changed = sum(1 for op, _ in self.text if op)
        what = f"{len(self.changes)} changes, {changed} changed runs"
        return f"<Diff {self.old.ref} -> {self.new.ref} ({self.language}): {what}>"


def compared_text(version: Version, language: str | None = None) -> str:
    """The text a redline compares: the full text in ``language``, with each part's sanction where
    the wording is a summary that leaves sanctions out (so a penalty change shows in the redline).
    """
    w = version.wording(language)
    text = version.full_text(w.language)
    if w.status != "summary":
        return text
    return "\n".join([text, *(sanction_line(p) for p in version.parts)])


def _language(old: Version, new: Version, language: str | None) -> str:
    if language is not None:
        old.wording(language)
        new.wording(language)
        return language
    shared = [lang for lang in old.wordings if lang in new.wordings]
    return "en" if "en" in shared else shared[0] if shared else old.wording().language


def diff(
    old: Version | str | Ref, new: Version | str | Ref, corpus: Corpus | None = None, language: str | None = None
) -> Diff:
    """Compare two versions: of one article, or across articles and codes (``cc1997/133`` to ``cc2014/135``).

    Args:
        old: The earlier version, or its reference.
        new: The later version, or its reference.
        corpus: The corpus to resolve references and read tag labels from; the bundled one by default.
        language: The wording to redline (``en``, ``ru``, ``kk``); by default English where both hold it.
    """
    corpus = resolve_corpus(corpus)
    a, b = (_one(corpus, given) for given in (old, new))
    lang = _language(a, b, language)
    words = redline(a, b, compared_text(a, lang), compared_text(b, lang), lang)
    return Diff(a, b, words, structural_changes(a, b, corpus, lang), lang)


def _one(corpus: Corpus, given: Version | str | Ref) -> Version:
    found = corpus.versions(given)
    if len(found) != 1:
        refs = ", ".join(v.ref for v in found)
        raise BadReferenceError(f"{given} names {len(found)} versions ({refs}): diff compares two; name one of each")
    return found[0]


def diffs(article: str, corpus: Corpus | None = None, language: str | None = None) -> tuple[Diff, ...]:
    """The diffs of every pair of consecutive versions of an article (of those holding ``language``, if given)."""
    corpus = resolve_corpus(corpus)
    versions = corpus.article(article).versions
    if language is not None:  # compare the versions that hold that wording (say which are left out, if any)
        held = tuple(v for v in versions if language in v.wordings)
        if len(held) < 2 and len(versions) > 1:
            raise UnknownPartError(
                f"{article}: fewer than two versions hold a {language!r} wording "
                f"(held by: {', '.join(v.ref for v in held) or 'none'})"
            )
        versions = held
    return tuple(diff(a, b, corpus, language) for a, b in pairwise(versions))
