"""Redlines in Word: a :class:`~kzlaw.changes.Diff` as a .docx whose changes are tracked revisions.

The document holds one paragraph for the title and one per part, aligned by the parts' stable ids
(a part that is new is wholly inserted, one that was dropped wholly deleted), each redlined as the
version redline is (its points paired by meaning, then word by word: :mod:`kzlaw.redline`); where
the wording is kzlaw's summary, each part's sanction is redlined too. Every revision carries the
author ``kzlaw`` and the date the new version took effect (or its amending law's adoption), so
"accept all" in Word or LibreOffice gives the new wording exactly, "reject all" the old.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from kzlaw.present.docx import DocxParagraph, docx_bytes
from kzlaw.present.labels import law_label, version_label

__all__ = ["diff_paragraphs", "redline_docx", "revision_date", "write_diffs"]


def revision_date(d: Any) -> dt.date | None:
    """The date revisions carry: the new version's first day if exact, else its law's adoption, else none."""
    start = d.new.valid_from
    if start.date is not None:
        return start.date  # type: ignore[no-any-return]
    from kzlaw.corpus import resolve_corpus

    law = resolve_corpus(None).laws.get(d.new.amended_by or "")
    return law.adopted if law is not None else None


def diff_paragraphs(d: Any, prefix: str = "") -> list[DocxParagraph]:
    """The paragraphs of one diff: the title, each part (aligned by id), then notes and definitions, each redlined."""
    from kzlaw.redline import part_redlines
    from kzlaw.worddiff import word_diff

    ow, nw = d.old.wording(d.language), d.new.wording(d.language)
    summary = nw.status == "summary" or ow.status == "summary"
    out = [DocxParagraph(f"{prefix}Title", word_diff(ow.title, nw.title).ops)]
    for q, p, words in part_redlines(d.old, d.new, d.language, sanctions=summary):
        part = p or q
        gone = " (removed)" if p is None else ""
        out.append(DocxParagraph(f"{prefix}Part {part.number if part else ''}{gone}", words.ops))
    for what, old_words, new_words in (("Note", ow.notes, nw.notes), ("Definition", ow.definitions, nw.definitions)):
        for label in dict.fromkeys([*old_words, *new_words]):
            ops = word_diff(old_words.get(label, ""), new_words.get(label, "")).ops
            if ops:
                heading = f"{label} (definition)" if what == "Definition" else f"Note {label}".rstrip()
                out.append(DocxParagraph(f"{prefix}{heading}", ops))
    return out


def redline_docx(diffs: Sequence[Any]) -> bytes:
    """The .docx bytes of one or more diffs (one section of paragraphs per diff)."""
    first, last = diffs[0], diffs[-1]
    title = f"{version_label(first.old)} → {version_label(last.new)}"
    subtitle = [f"{d.old.ref} → {d.new.ref} ({d.language}; {d.new.wording(d.language).status_label}; "
                f"amended by {law_label(d.new.amended_by)})" for d in diffs]  # fmt: skip
    paragraphs: list[DocxParagraph] = []
    for d in diffs:
        paragraphs += diff_paragraphs(d, prefix=f"{d.new.ref}: " if len(diffs) > 1 else "")
    legend = (
        "Changes are tracked revisions by 'kzlaw': accept all to read the new wording, reject all for the old. "
        "Sources and text status are as in kzlaw's data; an unofficial translation or summary is not the law's text."
    )
    return docx_bytes(
        title=title,
        subtitle_lines=subtitle,
        paragraphs=paragraphs,
        author="kzlaw",
        date=revision_date(last),
        legend=legend,
    )


def write_diffs(diffs: Sequence[Any], path: str | os.PathLike[str]) -> Path:
    """Write :func:`redline_docx` to ``path`` atomically; returns the path."""
    from kzlaw.fsio import write_atomic

    target = Path(path)
    write_atomic(target, redline_docx(diffs))
    return target
