"""Presentations of model objects: plain dicts (for JSON), terminal text and escaped HTML.

Statute text never becomes markup: every string from the data passes through :func:`html.escape`.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import Any

from kzlaw.model import TEXT_STATUSES, Article, Corpus, Penalty, Sanction, Version, When

__all__ = [
    "CSS",
    "article_html",
    "page",
    "penalty_dict",
    "sanction_dict",
    "version_dict",
    "version_html",
    "version_text",
    "when_dict",
]

#: The small stylesheet every HTML fragment of kzlaw relies on (class names prefixed ``kz-``).
CSS = """
.kz { font-family: system-ui, sans-serif; line-height: 1.4; max-width: 60em; }
.kz h3, .kz h4 { margin: .6em 0 .2em; }
.kz .kz-meta { color: #555; font-size: .9em; }
.kz .kz-tag { display: inline-block; background: #eef; border-radius: 3px; padding: 0 .3em; margin: 0 .1em;
  font-size: .8em; font-family: ui-monospace, monospace; }
.kz .kz-text { white-space: pre-wrap; }
.kz table { border-collapse: collapse; margin: .4em 0; }
.kz td, .kz th { border: 1px solid #ccc; padding: .2em .5em; vertical-align: top; text-align: left; }
.kz ins { background: #dfd; text-decoration: none; }
.kz del { background: #fdd; }
.kz .kz-constitutive { background: #cfc; } .kz .kz-aggravating { background: #ffd9a0; }
.kz .kz-absent { background: #f4c7c7; } .kz .kz-unknown { background: #ddd; }
.kz .kz-warn { color: #a40; }
.kz th.kz-v { writing-mode: vertical-rl; transform: rotate(180deg); font-weight: normal; padding: .3em .1em; }
.kz td.kz-ref { white-space: nowrap; } .kz td.kz-cell { text-align: center; padding: 0 .3em; }
"""

e = html.escape


def page(title: str, body: str) -> str:
    """A standalone HTML5 page around an HTML fragment (the title is escaped here)."""
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{e(title)}</title></head>'
        f"<body>{body}</body></html>\n"
    )


def when_dict(w: When | None) -> dict[str, Any] | None:
    """A :class:`~kzlaw.model.When` as a dict: ``date`` (when exact), bounds and note."""
    if w is None:
        return None
    return {
        "date": w.date.isoformat() if w.date else None,
        "earliest": w.earliest.isoformat() if w.earliest else None,
        "latest": w.latest.isoformat() if w.latest else None,
        "text": str(w),
        "note": w.note,
    }


def penalty_dict(p: Penalty) -> dict[str, Any]:
    """A penalty option as a dict, with its description in words."""
    low, high = p.months()
    return {
        "kind": p.kind,
        "minimum": p.minimum,
        "maximum": p.maximum,
        "unit": p.unit,
        "lifetime": p.lifetime,
        "optional": p.optional,
        "minimum_months": low,
        "maximum_months": high,
        "text": str(p),
        "note": p.note,
    }


def sanction_dict(s: Sanction) -> dict[str, Any]:
    """A sanction as a dict: options, imprisonment range in months, and what is unknown.

    ``imprisonment_min_months`` is ``None`` both where imprisonment is not an option and where the
    law states no minimum ("up to N"); ``imprisonment_option`` tells the two apart. Where the
    sanction is partly unknown both months are ``None`` and ``unknown`` says why.
    """
    low, high = s.imprisonment_months()
    known = s.imprisonment_known
    return {
        "options": [str(p) for p in s.main],
        "main": [penalty_dict(p) for p in s.main],
        "additional": [penalty_dict(p) for p in s.additional],
        "imprisonment_option": bool(s.imprisonment()),
        "imprisonment_min_months": low if known else None,
        "imprisonment_max_months": high if known else None,
        "life_imprisonment": s.life if known else None,
        "custodial_only": s.custodial_only if s.fully_known else None,
        "unknown": s.unknown or None,
    }


def version_dict(v: Version, corpus: Corpus | None = None) -> dict[str, Any]:
    """A version as a JSON-ready dict (the ``kzlaw show --json`` format)."""
    law = corpus.laws.get(v.amended_by) if corpus and v.amended_by else None
    doc = corpus.sources.get(v.source.document) if corpus else None
    return {
        "ref": v.ref,
        "article": v.article_ref,
        "code": v.code,
        "number": v.article,
        "title": v.title,
        "valid_from": when_dict(v.valid_from),
        "valid_to": when_dict(v.valid_to),
        "amended_by": None
        if v.amended_by is None
        else {
            "id": v.amended_by,
            "title": law.title if law else None,
            "adopted": law.adopted.isoformat() if law and law.adopted else None,
        },
        "language": v.language,
        "text_status": v.text_status,
        "text_status_label": TEXT_STATUSES[v.text_status],
        "source": {
            "document": v.source.document,
            "citation": doc.citation if doc else None,
            "locator": v.source.locator,
            "note": v.source.note,
        },
        "parts": [
            {
                "number": p.number,
                "id": p.id,
                "text": p.text,
                "elements": list(p.elements),
                "circumstances": [{"label": c.label, "text": c.text, "tags": list(c.tags)} for c in p.circumstances],
                "tags": sorted({*p.elements, *(t for c in p.circumstances for t in c.tags)}),
                **sanction_dict(p.sanction),
            }
            for p in v.parts
        ],
        "notes": [{"label": n.label, "text": n.text, "tags": list(n.tags)} for n in v.notes],
        "definitions": [
            {"term": d.term, "label": d.label, "text": d.text, "tags": list(d.tags), "applies_to": list(d.applies_to)}
            for d in v.definitions
        ],
        "remarks": v.remarks,
    }


def _tags(tags: Iterable[str]) -> str:
    return "".join(f'<span class="kz-tag">{e(t)}</span>' for t in tags)


def version_text(v: Version, corpus: Corpus | None = None) -> str:
    """A version for a terminal: header, period, law, source, then each part with its tags."""
    law = corpus.laws.get(v.amended_by) if corpus and v.amended_by else None
    lines = [
        f"{v.ref}  Article {v.article}. {v.title}",
        f"  in force: {v.period()}",
        f"  amended by: {law.title if law else v.amended_by or 'original text or not stated'}",
        f"  text: {TEXT_STATUSES[v.text_status]} ({v.language}); source: {v.source}",
    ]
    if v.remarks:
        lines.append(f"  remark: {v.remarks}")
    for p in v.parts:
        lines.append("")
        lines.append(f"  Part {p.number} [{p.id}]: {p.sanction}")
        if p.elements:
            lines.append(f"    elements: {', '.join(p.elements)}")
        for c in p.circumstances:
            lines.append(f"    {c.label}) {c.text}  [{', '.join(c.tags)}]")
    for n in v.notes:
        lines.append(f"  Note {n.label}: {n.text}".replace("Note :", "Note:"))
    for d in v.definitions:
        lines.append(f"  {d.label} (defines {d.term!r}; covers {', '.join(d.tags)})")
    return "\n".join(lines)


def version_html(v: Version, corpus: Corpus | None = None) -> str:
    """A version as an escaped HTML fragment (what a notebook shows)."""
    rows = []
    for p in v.parts:
        circ = "".join(f"<li><b>{e(c.label)})</b> {e(c.text)} {_tags(c.tags)}</li>" for c in p.circumstances)
        rows.append(
            f"<tr><td>{e(p.number)}<br><small>{e(p.id)}</small></td>"
            f'<td><div class="kz-text">{e(p.text)}</div>'
            + (f"<div>elements: {_tags(p.elements)}</div>" if p.elements else "")
            + (f"<ul>{circ}</ul>" if circ else "")
            + f"</td><td>{e(str(p.sanction))}</td></tr>"
        )
    notes = "".join(f"<p><b>Note {e(n.label)}</b> {e(n.text)}</p>" for n in v.notes)
    defs = "".join(
        f"<p><b>{e(d.label)}</b> (defines <i>{e(d.term)}</i>) {e(d.text)} {_tags(d.tags)}</p>" for d in v.definitions
    )
    remark = f'<p class="kz-warn">{e(v.remarks)}</p>' if v.remarks else ""
    return (
        f'<div class="kz"><style>{CSS}</style>'
        f"<h3>{e(v.ref)}: Article {e(v.article)}. {e(v.title)}</h3>"
        f'<p class="kz-meta">In force {e(v.period())}; amended by {e(v.amended_by or "—")}; '
        f"{e(TEXT_STATUSES[v.text_status])} ({e(v.language)}); source: {e(str(v.source))}</p>{remark}"
        f"<table><tr><th>Part</th><th>Text</th><th>Sanction</th></tr>{''.join(rows)}</table>"
        f"{notes}{defs}</div>"
    )


def article_html(a: Article) -> str:
    """An article as an escaped HTML fragment: a timeline table of its versions."""
    rows = "".join(
        f"<tr><td>{e(v.ref)}</td><td>{e(v.title)}</td><td>{e(v.period())}</td>"
        f"<td>{e(v.amended_by or '—')}</td><td>{len(v.parts)}</td></tr>"
        for v in a.versions
    )
    return (
        f'<div class="kz"><style>{CSS}</style><h3>{e(a.ref)}: {e(a.title)}</h3>'
        f"<table><tr><th>Version</th><th>Title</th><th>In force</th><th>Amended by</th><th>Parts</th></tr>"
        f"{rows}</table></div>"
    )
