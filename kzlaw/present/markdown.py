"""Markdown: redlines and tables for documents and issue trackers, statute text always escaped.

Deleted words read ``<del>deleted</del>`` and inserted ones ``<ins>inserted</ins>`` (one form,
which CommonMark always honours); everything from the data is escaped so it never becomes markup,
and carriage returns are read as the line breaks CommonMark takes them for, then escaped like any line.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from typing import Any

from kzlaw.present import labels
from kzlaw.present.text import clean
from kzlaw.words import STATUS_LABELS, STATUS_MARKS

__all__ = ["esc", "render", "table"]


def esc(text: object) -> str:
    """Escape text so that CommonMark reads it literally (inline markers anywhere, block markers at line starts)."""
    value = clean(str(text).replace("\r\n", "\n").replace("\r", "\n"))
    value = re.sub(r"([\\`*_\[\]<>|~&!#])", r"\\\1", value)
    value = re.sub(r"(?m)^(\s*)([+=-])", r"\1\\\2", value)
    return re.sub(r"(?m)^(\s*)(\d+)([.)])", r"\1\2\\\3", value)


def _run(op: int, text: str) -> str:
    if op == 0:
        return esc(text)
    tag = "del" if op == -1 else "ins"
    out = []
    for line in re.split(r"(\n)", text.replace("\r\n", "\n").replace("\r", "\n")):
        body = line.strip()
        if not body:
            out.append(line)
            continue
        lead, tail = line[: len(line) - len(line.lstrip())], line[len(line.rstrip()) :]
        out.append(f"{lead}<{tag}>{esc(body)}</{tag}>{tail}")
    return "".join(out)


def _cell(text: object) -> str:
    return esc(" ".join(str(text).split()))


def table(head: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A Markdown table of already-escaped cells."""
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


@functools.singledispatch
def render(obj: Any, **options: Any) -> str:
    """The Markdown of any kzlaw result."""
    from kzlaw.present.text import render as text

    return esc(text(obj))


def _register() -> None:
    from kzlaw.alignment import DEFINITIONAL, Alignment, Coverage
    from kzlaw.changes import Diff
    from kzlaw.penalties import PenaltyTable
    from kzlaw.present.practice import markdown_view  # noqa: F401  (registers the enforcement views)

    @render.register(Diff)
    def _diff(d: Diff) -> str:
        changes = "\n".join(f"- {_cell(c.summary)}" for c in d.changes) or "- no structural change"
        # Hard line breaks; no line may start indented (CommonMark would read an indented code block).
        body = "".join(_run(op, t) for op, t in d.text)
        redline = "  \n".join(line.lstrip() for line in body.split("\n"))
        title = f"{_cell(labels.version_label(d.old))} → {_cell(labels.version_label(d.new))}"
        legend = "*<ins>Inserted</ins> words are underlined, <del>deleted</del> ones struck through.*"
        return f"### {title}\n\n`{d.old.ref}` → `{d.new.ref}`\n\n{changes}\n\n{legend}\n\n{redline}\n"

    @render.register(Alignment)
    def _alignment(a: Alignment) -> str:
        rows = [
            [
                _cell(labels.element_label(r.element)),
                _cell(STATUS_LABELS[r.status]),
                _cell("; ".join(f"{e.place}: {e.words}" for e in r.evidence[:2])),
            ]
            for r in a.elements.values()
        ]
        summary = "\n".join(f"- {_cell(s)}" for s in a.summary)
        head = f"### UN Trafficking Protocol, art. 3: {_cell(labels.article_label(a.ref))}\n\n{summary}\n\n"
        return head + table(["Protocol element", "In this version", "Evidence"], rows)

    @render.register(Coverage)
    def _coverage(c: Coverage) -> str:
        rows = [
            [_cell(labels.element_label(el)), *(STATUS_MARKS[a[el].status] for a in c.alignments)]
            for el in DEFINITIONAL
        ]
        legend = ", ".join(f"{STATUS_MARKS[s]} {STATUS_LABELS[s]}" for s in STATUS_MARKS)
        return table(["Protocol element", *(f"`{r}`" for r in c.refs)], rows) + f"\n{_cell(legend)}\n"

    @render.register(PenaltyTable)
    def _penalties(t: PenaltyTable) -> str:
        rows = [
            [
                f"{_cell(labels.article_label(r.ref))} (`{r.ref}`)",
                _cell(r.part),
                _cell(r.range_text()),
                _cell(r.gravity),
                r.benchmarks["untoc.serious_crime"].outcome,
            ]
            for r in t.rows
        ]
        return table(["Version", "Part", "Imprisonment", "Gravity", "UNTOC"], rows)


_register()
