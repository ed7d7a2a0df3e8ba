"""HTML: what notebooks, the report and ``--format html`` show, with the one stylesheet.

Statute text never becomes markup: every string from the data passes through :func:`esc`, which
also shows control characters and bidirectional overrides visibly instead of passing them on. Every
rule of the stylesheet is scoped under ``.kz.kz`` so that it wins over JupyterLab's own table
styles (``.jp-RenderedHTMLCommon td`` right-aligns cells); wide tables scroll in their own box.
"""

from __future__ import annotations

import functools
import html
import re
from typing import Any

from kzlaw.present import labels
from kzlaw.present.lazy import once
from kzlaw.words import STATUS_LABELS, STATUS_MARKS

__all__ = ["CSS", "esc", "page", "redline", "render", "side_by_side"]

#: The one stylesheet of kzlaw's HTML (notebook fragments, the report and standalone pages).
CSS = """
.kz.kz { font-family: system-ui, sans-serif; line-height: 1.45; max-width: 62em; text-align: left; color: #1a1a1a; }
.kz.kz h3, .kz.kz h4 { margin: .6em 0 .25em; }
.kz.kz .kz-meta { color: #555; font-size: .9em; margin: .2em 0; }
.kz.kz .kz-tag { display: inline-block; background: #eef; border-radius: 3px; padding: 0 .3em; margin: 0 .1em;
  font-size: .8em; }
.kz.kz .kz-text { white-space: pre-wrap; }
.kz.kz .kz-scroll { overflow-x: auto; max-width: 100%; }
.kz.kz .kz-tall { max-height: 30em; overflow-y: auto; }
.kz.kz table { border-collapse: collapse; margin: .4em 0; }
.kz.kz td, .kz.kz th { border: 1px solid #ccc; padding: .25em .5em; vertical-align: top; text-align: left; }
.kz.kz table td, .kz.kz table th { text-align: left; }
.kz.kz th { background: #f4f4f4; }
.kz.kz ins { background: #dff5df; text-decoration: underline; text-decoration-thickness: 2px; color: #064; }
.kz.kz del { background: #fbe0e0; text-decoration: line-through; color: #900; }
.kz.kz del + ins, .kz.kz ins + del { margin-left: .25em; }
.kz.kz .kz-constitutive { background: #cfc; } .kz.kz .kz-aggravating { background: #ffd9a0; }
.kz.kz .kz-absent { background: #f4c7c7; } .kz.kz .kz-unknown { background: #ddd; }
.kz.kz .kz-meets { background: #dff5df; } .kz.kz .kz-below { background: #fbe0e0; }
.kz.kz .kz-warn { color: #a40; }
.kz.kz .kz-ctl { color: #a40; border: 1px dotted #a40; font-size: .8em; }
.kz.kz table td.kz-cell { text-align: center; padding: 0 .3em; }
.kz.kz .kz-legend { font-size: .85em; color: #444; }
.kz.kz .kz-side td { width: 50%; }
"""

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def esc(text: object) -> str:
    """Escape a value for HTML, showing control characters and bidi overrides as visible codes."""
    escaped = html.escape(str(text))
    return _CONTROL.sub(lambda m: f'<span class="kz-ctl">U+{ord(m.group()):04X}</span>', escaped)


def page(title: str, body: str) -> str:
    """A standalone HTML5 page around a fragment, with the stylesheet once (the title is escaped)."""
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{esc(title)}</title>'
        f"<style>{CSS}</style></head><body>{body}</body></html>\n"
    )


def _box(inner: str, styled: bool = True) -> str:
    style = f"<style>{CSS}</style>" if styled else ""
    return f'<div class="kz kz">{style}{inner}</div>'


def _tags(tags: Any) -> str:
    return "".join(f'<span class="kz-tag" title="{esc(t)}">{esc(labels.tag_label(t))}</span>' for t in tags)


@functools.singledispatch
def render(obj: Any, standalone: bool = False, styled: bool = True, **options: Any) -> str:
    """The HTML of any kzlaw object (a fragment; a whole page with ``standalone=True``).

    ``styled=False`` leaves the stylesheet out (for pages that hold it once, like the report).
    """
    if _load_result_views():
        return render(obj, standalone=standalone, styled=styled, **options)
    raise TypeError(f"no HTML view of {type(obj).__name__}")


def _finish(title: str, inner: str, standalone: bool, styled: bool) -> str:
    return page(title, _box(inner, styled=False)) if standalone else _box(inner, styled)


def redline(ops: Any) -> str:
    """Diff operations as ``<del>``/``<ins>`` runs (insertions underlined, deletions struck through)."""
    tag = {-1: "del", 1: "ins"}
    return "".join(esc(t) if op == 0 else f"<{tag[op]}>{esc(t)}</{tag[op]}>" for op, t in ops)


def side_by_side(d: Any) -> str:
    """A diff as a two-column table, old | new, parts aligned by their stable ids (a new part has no left side)."""
    from kzlaw.redline import part_redlines

    rows = []
    for _, _, words in part_redlines(d.old, d.new, d.language):
        left = "".join(esc(t) if op == 0 else f"<del>{esc(t)}</del>" for op, t in words.ops if op <= 0)
        right = "".join(esc(t) if op == 0 else f"<ins>{esc(t)}</ins>" for op, t in words.ops if op >= 0)
        rows.append(f"<tr><td class='kz-text'>{left}</td><td class='kz-text'>{right}</td></tr>")
    return (
        "<h4>Side by side</h4><table class='kz-side'>"
        f"<tr><th>{esc(labels.version_label(d.old))}</th><th>{esc(labels.version_label(d.new))}</th></tr>"
        f"{''.join(rows)}</table>"
    )


_side_table = side_by_side

#: Short column headings for the benchmarks (the legend under each table gives the full label and rule).
_SHORT = {
    "untoc.serious_crime": "UN Convention (4 y)",
    "tip.prescribed_max4": "US TIP (4 y)",
    "eu.directive_2011_36.base": "EU base (5 y)",
    "eu.directive_2011_36.aggravated": "EU aggravated (10 y)",
    "kz.rape": "Rape article",
    "tvpa.stringent": "US TVPA",
}
_OUTCOME = {"not applicable": "n/a"}


def _model_views() -> None:
    from kzlaw.corpus import Corpus, Uncertainties, Uncertainty
    from kzlaw.model import Article, Version

    @render.register(Version)
    def _version(v: Version, standalone: bool = False, styled: bool = True, language: str | None = None) -> str:
        w = v.wording(language)
        rows = []
        for p in v.parts:
            circ = "".join(
                f"<li><b>{esc(c.label)})</b> {esc(w.circumstance(p.id, c.label))} {_tags(c.tags)}</li>"
                for c in p.circumstances
            )
            rows.append(
                f"<tr><td>{esc(p.number)}</td><td><div class='kz-text'>{esc(w.part(p.id))}</div>"
                + (f"<div>elements: {_tags(p.elements)}</div>" if p.elements else "")
                + (f"<ul>{circ}</ul>" if circ else "")
                + f"</td><td>{esc(p.sanction)}</td></tr>"
            )
        notes = "".join(f"<p><b>Note {esc(n.label)}</b> {esc(w.notes[n.label])}</p>" for n in v.notes)
        defs = "".join(
            f"<p><b>{esc(d.label)}</b> (defines <i>{esc(d.term)}</i>) {esc(w.definitions[d.label])} {_tags(d.tags)}</p>"
            for d in v.definitions
        )
        foot = f"<p class='kz-meta'>{esc(w.footnote)}</p>" if w.footnote else ""
        remark = f"<p class='kz-warn'>{esc(v.remarks)}</p>" if v.remarks else ""
        held = ", ".join(f"{lang} ({o.status_label})" for lang, o in v.wordings.items())
        inner = (
            f"<h3>{esc(labels.version_label(v))}: {esc(w.title)}</h3>"
            f"<p class='kz-meta'>{esc(v.ref)} · in force {esc(v.period())}</p>"
            f"<p class='kz-meta'>Text shown: {esc(w.status_label)} ({esc(w.language)}), source: {esc(w.source)}. "
            f"Wordings held: {esc(held)}.</p>{remark}"
            "<div class='kz-scroll'><table><tr><th>Part</th><th>Text</th><th>Sanction</th></tr>"
            f"{''.join(rows)}</table></div>"
            f"{notes}{defs}{foot}"
        )
        return _finish(v.ref, inner, standalone, styled)

    @render.register(Article)
    def _article(a: Article, standalone: bool = False, styled: bool = True) -> str:
        rows = "".join(
            f"<tr><td>{esc(v.ref)}</td><td>{esc(v.title)}</td><td>{esc(v.period())}</td>"
            f"<td>{esc(labels.law_label(v.amended_by))}</td><td>{len(v.parts)}</td>"
            f"<td>{esc(', '.join(v.wordings))}</td></tr>"
            for v in a.versions
        )
        inner = (
            f"<h3>{esc(labels.article_label(a.ref))}: {esc(a.title)}</h3><div class='kz-scroll'><table>"
            "<tr><th>Version</th><th>Title</th><th>In force</th><th>Amended by</th><th>Parts</th><th>Wordings</th></tr>"
            f"{rows}</table></div>"
        )
        return _finish(a.ref, inner, standalone, styled)

    @render.register(Corpus)
    def _corpus(c: Corpus, standalone: bool = False, styled: bool = True) -> str:
        rows = "".join(
            f"<tr><td>{esc(labels.article_label(a.ref))}</td><td>{esc(a.title)}</td><td>{len(a.versions)}</td>"
            f"<td>{esc(a.role)}</td></tr>"
            for a in c
        )
        n = len(c.uncertainties())
        inner = (
            f"<h3>kzlaw corpus: {len(c)} articles</h3><p class='kz-meta'>from {esc(c.origin)}; "
            f"{n} data the sources do not confirm (see <code>corpus.uncertainties()</code>)</p>"
            f"<div class='kz-scroll'><table><tr><th>Article</th><th>Title</th><th>Versions</th><th>Role</th></tr>"
            f"{rows}</table></div>"
        )
        return _finish("kzlaw corpus", inner, standalone, styled)

    @render.register(Uncertainties)
    def _uncertainties(us: Uncertainties, standalone: bool = False, styled: bool = True) -> str:
        rows = "".join(f"<tr><td>{esc(u.where)}</td><td>{esc(u.what)}</td></tr>" for u in us)
        inner = (
            f"<h3>{len(us)} data the sources do not confirm</h3><div class='kz-scroll kz-tall'><table>"
            f"<tr><th>Where</th><th>What is not known, and why</th></tr>{rows}</table></div>"
        )
        return _finish("Uncertainties", inner, standalone, styled)

    @render.register(Uncertainty)
    def _uncertainty(u: Uncertainty, standalone: bool = False, styled: bool = True) -> str:
        return _finish(u.where, f"<p><b>{esc(u.where)}</b>: {esc(u.what)}</p>", standalone, styled)


def _result_views() -> None:
    from kzlaw.alignment import Alignment, Coverage
    from kzlaw.changes import Change, Diff
    from kzlaw.penalties import BENCHMARKS, PenaltyRow, PenaltyTable
    from kzlaw.present import official as _official  # noqa: F401  (registers the official-text views)
    from kzlaw.present.practice import html_view  # noqa: F401  (registers the enforcement views)

    @render.register(Change)
    def _change(c: Change, standalone: bool = False, styled: bool = True) -> str:
        return _finish(c.kind, f"<p>{esc(c.summary)}</p>", standalone, styled)

    @render.register(Diff)
    def _diff(d: Diff, standalone: bool = False, styled: bool = True, side_by_side: bool = False) -> str:
        items = "".join(f"<li>{esc(c.summary)}</li>" for c in d.changes)
        body = redline(d.text)
        legend = (
            "<p class='kz-legend'><ins>inserted words</ins> are underlined, <del>deleted words</del> struck "
            f"through. Compared: the {esc(d.old.wording(d.language).status_label)} ({esc(d.language)}).</p>"
        )
        side = _side_table(d) if side_by_side else ""
        inner = (
            f"<h3>{esc(labels.version_label(d.old))} → {esc(labels.version_label(d.new))}</h3>"
            f"<p class='kz-meta'>{esc(d.old.ref)} → {esc(d.new.ref)}</p>"
            f"<ul>{items or '<li>no structural change</li>'}</ul>{legend}<div class='kz-text'>{body}</div>{side}"
        )
        return _finish(f"{d.old.ref} → {d.new.ref}", inner, standalone, styled)

    @render.register(Alignment)
    def _alignment(a: Alignment, standalone: bool = False, styled: bool = True) -> str:
        rows = []
        for r in a.elements.values():
            evidence = "<br>".join(
                f"{esc(ev.place)}: <q>{esc(ev.words)}</q>"
                + "".join(f" <small>[{esc(lang)}: <q>{esc(q)}</q>]</small>" for lang, q in ev.official.items())
                for ev in r.evidence
            )
            remarks = "".join(f"<br><i>{esc(m)}</i>" for m in r.remarks)
            rows.append(
                f"<tr><td>{esc(labels.element_label(r.element))}<br><small>{esc(r.element)}</small></td>"
                f"<td class='kz-{esc(r.status)}'>{esc(STATUS_LABELS[r.status])}</td><td>{evidence}{remarks}</td></tr>"
            )
        rules = "".join(
            f"<tr><td>{esc(labels.element_label(r.rule))}</td><td>{esc(r.status)}</td><td>{esc(r.explanation)}</td></tr>"
            for r in a.rules.values()
        )
        summary = "".join(f"<li>{esc(s)}</li>" for s in a.summary)
        inner = (
            f"<h3>UN Trafficking Protocol, art. 3: {esc(labels.article_label(a.ref))}</h3>"
            f"<p class='kz-meta'>{esc(a.ref)}</p><ul>{summary}</ul><div class='kz-scroll'><table>"
            f"<tr><th>Protocol element</th><th>In this version</th><th>Evidence</th></tr>{''.join(rows)}</table>"
            f"<table><tr><th>Rule</th><th>Status</th><th>Why</th></tr>{rules}</table></div>"
        )
        return _finish(f"Protocol alignment of {a.ref}", inner, standalone, styled)

    @render.register(Coverage)
    def _coverage(c: Coverage, standalone: bool = False, styled: bool = True) -> str:
        from kzlaw.alignment import DEFINITIONAL

        head = "".join(
            f"<th title='{esc(labels.version_label_ref(ref))}'>{esc(labels.article_label(ref))}"
            f"<br><small>{esc(ref.partition('@')[2])}</small></th>"
            for ref in c.refs
        )
        rows = "".join(
            f"<tr><td>{esc(labels.element_label(el))}</td>"
            + "".join(
                f"<td class='kz-cell kz-{a[el].status}' title='{esc(STATUS_LABELS[a[el].status])}'>"
                f"{STATUS_MARKS[a[el].status]}</td>"
                for a in c.alignments
            )
            + "</tr>"
            for el in DEFINITIONAL
        )
        legend = ", ".join(f"{STATUS_MARKS[s]} {STATUS_LABELS[s]}" for s in STATUS_MARKS)
        inner = (
            f"<div class='kz-scroll'><table><tr><th>Protocol element</th>{head}</tr>{rows}</table></div>"
            f"<p class='kz-legend'>{esc(legend)}</p>"
        )
        return _finish("Coverage", inner, standalone, styled)

    @render.register(PenaltyTable)
    def _penalty_table(t: PenaltyTable, standalone: bool = False, styled: bool = True) -> str:
        ids = list(BENCHMARKS)
        head = "".join(f"<th title='{esc(labels.benchmark_label(i))}'>{esc(_SHORT.get(i, i))}</th>" for i in ids)
        legend = "".join(
            f"<li><b>{esc(_SHORT.get(i, i))}</b>: {esc(labels.benchmark_label(i))}; {esc(BENCHMARKS[i].rule)} "
            f"({esc(BENCHMARKS[i].source)}) <small>{esc(i)}</small></li>"
            for i in ids
        )
        body = "".join(
            f"<tr><td>{esc(labels.article_label(r.ref))}<br><small>{esc(r.ref)}</small></td><td>{esc(r.part)}</td>"
            f"<td>{esc('; '.join(r.options))}</td><td>{esc(r.range_text())}</td><td>{esc(r.gravity)}</td>"
            + "".join(
                f"<td class='kz-{esc(r.benchmarks[i].outcome)}' title='{esc(r.benchmarks[i].detail)}'>"
                f"{esc(_OUTCOME.get(r.benchmarks[i].outcome, r.benchmarks[i].outcome))}</td>"
                for i in ids
            )
            + "</tr>"
            for r in t.rows
        )
        inner = (
            "<div class='kz-scroll'><table><tr><th>Version</th><th>Part</th><th>Options</th><th>Imprisonment</th>"
            f"<th>Gravity</th>{head}</tr>{body}</table></div>"
            f"<details class='kz-legend'><summary>Benchmarks</summary><ul>{legend}</ul></details>"
        )
        return _finish("Penalties", inner, standalone, styled)

    @render.register(PenaltyRow)
    def _penalty_row(r: PenaltyRow, standalone: bool = False, styled: bool = True) -> str:
        return _penalty_table(PenaltyTable((r,)), standalone, styled)


_load_result_views = once(_result_views)  # the analysis results' views, registered on first need


_model_views()
