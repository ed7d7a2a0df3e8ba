"""Plain text for terminals: what ``str()``, ``print()`` and the command line show.

Statute text is printed through :func:`clean`, which replaces terminal control sequences (ESC, other
C0 and C1 controls) and bidirectional overrides with visible ``<U+001B>`` codes, so a hostile file
cannot retitle, clear or write to the clipboard of the terminal that prints it.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from kzlaw.present import labels
from kzlaw.present.lazy import once
from kzlaw.words import STATUS_LABELS, STATUS_MARKS

__all__ = ["clean", "render"]

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_COLOURS = {-1: ("\x1b[9;31m", "\x1b[0m"), 1: ("\x1b[4;32m", "\x1b[0m"), 0: ("", "")}
_MARKS = {-1: ("[-", "-]"), 1: ("{+", "+}"), 0: ("", "")}


def clean(text: object) -> str:
    """The text with control characters and bidi overrides shown as ``<U+XXXX>`` (newlines and tabs kept)."""
    return _CONTROL.sub(lambda m: f"<U+{ord(m.group()):04X}>", str(text))


@functools.singledispatch
def render(obj: Any, color: bool = False, **options: Any) -> str:
    """The terminal text of any kzlaw object (``color=True`` for ANSI colours in redlines)."""
    if _load_result_views():
        return render(obj, color=color, **options)
    return clean(obj)


def redline(ops: Any, color: bool = False) -> str:
    """Diff operations with ``[-deleted-]{+inserted+}`` marks (or ANSI strike-through and underline)."""
    marks = _COLOURS if color else _MARKS
    return "".join(marks[op][0] + clean(t) + marks[op][1] for op, t in ops)


def _model_views() -> None:
    from kzlaw.corpus import Corpus, Uncertainty
    from kzlaw.model import Article, Version

    @render.register(Version)
    def _version(v: Version, color: bool = False, language: str | None = None) -> str:
        w = v.wording(language)
        lines = [
            f"{labels.version_label(v)}: {clean(w.title)}",
            f"  reference: {v.ref}",
            f"  in force: {v.period()}",
            f"  amended by: {labels.law_label(v.amended_by)}",
            f"  text: {w.status_label} ({w.language}); source: {clean(w.source)}",
            f"  wordings held: {', '.join(f'{k} ({o.status_label})' for k, o in v.wordings.items())}",
        ]
        if v.remarks:
            lines.append(f"  remark: {clean(v.remarks)}")
        for p in v.parts:
            lines += ["", f"  Part {p.number} [{p.id}]: {p.sanction}"]
            lines += ["    " + line for line in clean(w.part(p.id)).splitlines()]
            if p.elements:
                lines.append(f"    elements: {', '.join(p.elements)}")
            for c in p.circumstances:
                lines.append(f"    {c.label}) {clean(w.circumstance(p.id, c.label))}  [{', '.join(c.tags)}]")
        for n in v.notes:
            lines.append(f"  Note {n.label}: {clean(w.notes[n.label])}".replace("Note :", "Note:"))
        for d in v.definitions:
            lines.append(
                f"  {clean(d.label)} (defines {d.term!r}; covers {', '.join(d.tags)}): {clean(w.definitions[d.label])}"
            )
        if w.footnote:
            lines += ["", f"  {clean(w.footnote)}"]
        return "\n".join(lines)

    @render.register(Article)
    def _article(a: Article, color: bool = False) -> str:
        lines = [f"{labels.article_label(a.ref)}: {clean(a.title)} ({len(a.versions)} versions)"]
        lines += [f"  {v.ref:<28} {v.period()}; {labels.law_label(v.amended_by)}" for v in a.versions]
        return "\n".join(lines)

    @render.register(Corpus)
    def _corpus(c: Corpus, color: bool = False) -> str:
        lines = [repr(c)]
        lines += [f"  {a.ref:<14} {len(a.versions)} version(s)  {clean(a.title)}" for a in c]
        return "\n".join(lines)

    @render.register(Uncertainty)
    def _uncertainty(u: Uncertainty, color: bool = False) -> str:
        return f"{u.where}: {clean(u.what)}"


def _result_views() -> None:
    from kzlaw.alignment import DEFINITIONAL, Alignment, Coverage
    from kzlaw.changes import Change, Diff
    from kzlaw.penalties import PenaltyRow, PenaltyTable
    from kzlaw.present import official as _official  # noqa: F401  (registers the official-text views)
    from kzlaw.present.practice import text_view  # noqa: F401  (registers the enforcement views)

    @render.register(Change)
    def _change(c: Change, color: bool = False) -> str:
        return clean(c.summary)

    @render.register(Diff)
    def _diff(d: Diff, color: bool = False) -> str:
        lines = [
            f"{labels.version_label(d.old)} -> {labels.version_label(d.new)}",
            f"  ({d.old.ref} -> {d.new.ref})",
            "",
        ]
        lines += [f"  * {clean(c.summary)}" for c in d.changes] or ["  (no structural change)"]
        lines += ["", redline(d.text, color)]
        return "\n".join(lines)

    @render.register(Alignment)
    def _alignment(a: Alignment, color: bool = False) -> str:
        lines = [f"UN Trafficking Protocol, art. 3: {labels.article_label(a.ref)} ({a.ref})"]
        for r in a.elements.values():
            where = "; ".join(f"{e.place} ({e.tag})" for e in r.evidence[:3])
            lines.append(f"  {r.element:<32} {r.status:<13} {where}")
        lines.append("")
        lines += [f"  {rule.rule:<32} {rule.status:<13} {rule.explanation}" for rule in a.rules.values()]
        lines += ["", *[f"  - {s}" for s in a.summary]]
        return "\n".join(lines)

    @render.register(Coverage)
    def _coverage(c: Coverage, color: bool = False) -> str:
        key = "\n".join(f"  [{i + 1}] {ref}" for i, ref in enumerate(c.refs))
        head = " " * 32 + " ".join(f"[{i + 1}]".rjust(4) for i in range(len(c.refs)))
        rows = [head] + [
            f"{el:<32}" + " ".join(STATUS_MARKS[a[el].status].rjust(4) for a in c.alignments) for el in DEFINITIONAL
        ]
        legend = ", ".join(f"{STATUS_MARKS[s]} {STATUS_LABELS[s]}" for s in STATUS_MARKS)
        return "\n".join([*rows, "", key, "", legend])

    @render.register(PenaltyTable)
    def _penalty_table(t: PenaltyTable, color: bool = False) -> str:
        cols = ("untoc.serious_crime", "eu.directive_2011_36.base", "eu.directive_2011_36.aggravated", "kz.rape")
        names = ("UNTOC", "EU base", "EU aggr.", "rape")
        refw = max((len(r.ref) for r in t.rows), default=7)
        head = f"{'version':<{refw}}  {'part':<4}  {'imprisonment':<22}  {'gravity':<16}  " + "  ".join(
            f"{n:<14}" for n in names
        )
        lines = [head.rstrip(), "-" * len(head.rstrip())]
        for r in t.rows:
            marks = "  ".join(f"{r.benchmarks[c].outcome:<14}" for c in cols)
            lines.append(f"{r.ref:<{refw}}  {r.part:<4}  {r.range_text():<22}  {r.gravity:<16}  {marks}".rstrip())
        return "\n".join(lines)

    @render.register(PenaltyRow)
    def _penalty_row(r: PenaltyRow, color: bool = False) -> str:
        return _penalty_table(PenaltyTable((r,)))


_load_result_views = once(_result_views)  # the analysis results' views, registered on first need


_model_views()
