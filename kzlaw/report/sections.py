"""The report's sections as HTML: one per article, and the sources, laws and uncertainties at the end.

Every string from the data passes through :func:`kzlaw.present.html.esc`. Citations are numbered
(``[3] Appendix 1, item 4``) and link to the list of sources, where each document shows its public
citation and, where known, its address; kzlaw's internal file paths are left out.
"""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Sequence
from typing import Any

from kzlaw.alignment import align
from kzlaw.changes import Diff, diffs
from kzlaw.corpus import Corpus
from kzlaw.model import Article, Source
from kzlaw.present import labels
from kzlaw.present.html import esc, redline, render, side_by_side
from kzlaw.present.svg import title
from kzlaw.report.findings import PenaltyRows, amendment_points, change_words, uncertainty_where

__all__ = [
    "Amendment",
    "Citations",
    "anchor",
    "article_section",
    "docx_name",
    "public",
    "sources_section",
    "uncertainties_section",
]

_SENTENCE = re.compile(r"(?<=[.;])\s+")
_PATH = re.compile(r"\s*\((?:[^()]*\s)?(?:shared|tests)/[^()]*\)|\b(?:shared|tests)/[\w./-]*[\w/]")


def public(text: str) -> str:
    """Text with kzlaw's internal file paths (``shared/...``, ``tests/...``) left out."""
    kept = [s for s in _SENTENCE.split(text) if not re.match(r"(kzlaw's copy|Vendored|Every slice)", s)]
    out = _PATH.sub(lambda m: "" if m.group().lstrip().startswith("(") else "kzlaw's reference notes", " ".join(kept))
    return out.strip()


def anchor(ref: str) -> str:
    """An HTML id for a reference: ``cc1997/128@2006-03-02`` -> ``v-cc1997-128-2006-03-02``."""
    return "v-" + re.sub(r"[^A-Za-z0-9_-]+", "-", ref).strip("-")


def docx_name(d: Diff) -> str:
    """The file name of an amendment's Word redline, inside the report's ``redlines/`` folder."""
    new_at = d.new.ref.partition("@")[2]
    old_at = d.old.ref.partition("@")[2]
    stem = f"{d.new.code}-{d.new.article}_{old_at}_to_{new_at}"
    return re.sub(r"[^A-Za-z0-9._-]+", "-", stem) + ".docx"


class Citations:
    """Numbers the source documents of a corpus, so tables cite ``[n] locator`` and link to the list."""

    def __init__(self, corpus: Corpus) -> None:
        self.numbers = {sid: i for i, sid in enumerate(corpus.sources, 1)}

    def cite(self, source: Source) -> str:
        """The citation of a source: its number, linked to the list, and its locator."""
        n = self.numbers.get(source.document)
        mark = f'<a href="#src-{esc(source.document)}">[{n}]</a>' if n else esc(source.document)
        return f"{mark} {esc(public(source.locator))}".strip()


def _lineage(art: Article, corpus: Corpus, cites: Citations) -> str:
    links = corpus.links(art.ref)
    if not links:
        return "<p class='kz-meta'>No predecessor or successor held.</p>"
    words = {"predecessor": "Succeeds", "successor": "Succeeded by"}
    items = "".join(
        f"<li>{words[link.relation]} <a href='#{esc(anchor(link.ref))}'>{esc(labels.article_label(link.ref))}</a> "
        f"<span class='kz-id'>{esc(link.ref)}</span> ({cites.cite(link.source)})</li>"
        for link in links
    )
    return f"<ul class='kz-meta'>{items}</ul>"


def _held(v: Any) -> str:
    return ", ".join(f"{o.language}: {o.status_label}" for o in v.wordings.values())


def akn_links(v: Any, corpus: Corpus) -> str:
    """Links to the version's Akoma Ntoso documents in the report's ``akn/`` folder (none without the akn extra)."""
    try:
        from kzlaw.akn import akn_path
    except ImportError:
        return ""
    return " ".join(
        f"<a href='{esc('akn/' + urllib.parse.quote(akn_path(v, lang, corpus).as_posix()))}'>{esc(lang)}</a>"
        for lang in v.wordings
    )


def _versions_table(art: Article, corpus: Corpus, cites: Citations) -> str:
    rows = "".join(
        f"<tr id='{esc(anchor(v.ref))}'><td>{esc(labels.version_label(v))}<br><span class='kz-id'>{esc(v.ref)}</span>"
        f"</td><td>{esc(v.period())}</td><td>{esc(_held(v))}</td><td>{cites.cite(v.source)}</td>"
        f"<td>{akn_links(v, corpus)}</td></tr>"
        for v in art.versions
    )
    return (
        "<div class='kz-scroll'><table><tr><th>Version</th><th>In force</th><th>Wordings held</th>"
        f"<th>Source of the legal state</th><th>Akoma Ntoso</th></tr>{rows}</table></div>"
    )


def _amendment(d: Diff, corpus: Corpus, found: Sequence[str]) -> str:
    points = "".join(f"<li>{esc(p)}</li>" for p in found)
    every = "".join(
        f"<li>{esc(change_words(c, corpus))} <span class='kz-id'>{esc(c.kind)}</span></li>" for c in d.changes
    )
    href = "redlines/" + urllib.parse.quote(docx_name(d))
    status = d.old.wording(d.language).status_label
    return (
        f"<div class='kz-amend' id='{esc(anchor('a-' + d.new.ref))}'>"
        f"<h4>{esc(labels.version_label(d.new))}</h4>"
        f"<p class='kz-meta'>Compared with {esc(labels.version_label(d.old))} "
        f"<span class='kz-id'>{esc(d.old.ref)} → {esc(d.new.ref)}</span> · "
        f"<a href='{esc(href)}'>Word redline with tracked changes (.docx)</a></p>"
        f"<ul>{points}</ul>"
        + (f"<details><summary>Every change ({len(d.changes)})</summary><ul>{every}</ul></details>" if every else "")
        + "<details open><summary>Redline</summary><p class='kz-legend'><ins>inserted words</ins> are underlined, "
        f"<del>deleted words</del> struck through. Compared: the {esc(status)} ({esc(d.language)}).</p>"
        f"<div class='kz-text'>{redline(d.text)}</div></details>"
        "<details><summary>Side by side, part by part</summary>"
        f"<div class='kz-scroll'>{side_by_side(d)}</div></details>"
        "</div>"
    )


Amendment = tuple[Diff, tuple[str, ...]]


def article_section(
    art: Article, corpus: Corpus, cites: Citations, rows: PenaltyRows
) -> tuple[str, dict[str, Any], list[Amendment]]:
    """One article's section, its JSON record and its amendments with what each changed in words."""
    changes = [(d, amendment_points(d, corpus, rows)) for d in diffs(art.ref, corpus)]
    texts = "".join(
        f"<details><summary>Text of {esc(labels.version_label(v))}</summary>{render(v, styled=False)}</details>"
        for v in art.versions
    )
    amendments = "".join(_amendment(d, corpus, points) for d, points in changes)
    coverage = align(art.versions, corpus)
    evidence = "".join(
        f"<details><summary>Evidence for {esc(labels.version_label_ref(a.ref))}</summary>{render(a, styled=False)}"
        "</details>"
        for a in coverage.alignments
    )
    table = rows.table(art.versions)
    unknown = "".join(
        f"<li>{esc(labels.version_label_ref(r.ref))}, part {esc(r.part)}: {esc(r.unknown)}</li>"
        for r in table.rows
        if r.unknown
    )
    body = (
        f'<section class="article" id="{esc(anchor(art.ref))}"><h2>{esc(labels.article_label(art.ref))}: '
        f"{esc(title(art))} <span class='kz-id'>{esc(art.ref)}</span></h2>"
        f"{_lineage(art, corpus, cites)}<h3>Versions</h3>{_versions_table(art, corpus, cites)}{texts}"
        f"<h3>Amendments</h3>{amendments or '<p>A single version is held.</p>'}"
        f"<h3>Protocol alignment</h3>{render(coverage, styled=False)}{evidence}"
        f"<h3>Penalties</h3>{render(table, styled=False)}"
        + (f"<p>What the sources leave unknown:</p><ul>{unknown}</ul>" if unknown else "")
        + "</section>"
    )
    data = {
        "ref": art.ref,
        "label": labels.article_label(art.ref),
        "versions": [v.ref for v in art.versions],
        "lineage": [{"relation": link.relation, "ref": link.ref} for link in corpus.links(art.ref)],
        "amendments": [
            {**d.to_dict(), "in_words": list(points), "docx": "redlines/" + docx_name(d)} for d, points in changes
        ],
        "alignment": [a.to_dict() for a in coverage.alignments],
        "penalties": table.to_dict(),
    }
    return body, data, changes


def sources_section(corpus: Corpus, cites: Citations) -> str:
    """The amending laws and the numbered sources, each with its public citation and address where known."""
    laws = "".join(
        f"<li><b>{esc(law.label)}</b> <span class='kz-id'>{esc(law.id)}</span>: {esc(law.title)}. "
        f"Adopted {esc(str(law.adopted or 'on a date the sources do not state'))}; in force {esc(str(law.in_force))}. "
        f"{esc(public(law.in_force.note))} ({cites.cite(law.source)})</li>"
        for law in corpus.laws.values()
    )
    items = []
    for sid, doc in corpus.sources.items():
        url = f" <a href='{esc(doc.url)}'>{esc(doc.url)}</a>" if doc.url.startswith(("https://", "http://")) else ""
        note = f"<br><small>{esc(public(doc.note))}</small>" if public(doc.note) else ""
        items.append(
            f"<li id='src-{esc(sid)}'>[{cites.numbers[sid]}] {esc(public(doc.citation))}.{url} "
            f"<span class='kz-id'>{esc(sid)}</span>{note}</li>"
        )
    return (
        f"<h2 id='laws'>Amending laws</h2><ul>{laws}</ul>"
        f"<h2 id='sources'>Sources</h2><ol class='kz-sources'>{''.join(items)}</ol>"
    )


def uncertainties_section(corpus: Corpus, articles: Sequence[Article]) -> str:
    """Every datum the sources do not confirm, in words, for the laws and the articles reported."""
    chosen = {a.ref for a in articles}
    rows = []
    for u in corpus.uncertainties():
        ref = u.where.split(" ")[0].split("@")[0]
        if "/" in ref and ref not in chosen:
            continue
        rows.append(
            f"<tr><td>{esc(uncertainty_where(u, corpus))}<br><span class='kz-id'>{esc(u.where)}</span></td>"
            f"<td>{esc(public(u.what))}</td></tr>"
        )
    if not rows:
        return "<h2 id='uncertainties'>Uncertainties</h2><p>The sources confirm every datum reported.</p>"
    return (
        "<h2 id='uncertainties'>Uncertainties</h2><p>What the sources do not confirm, and why. kzlaw shows such dates "
        "as windows and such figures as unknown; it never fills them in.</p>"
        "<div class='kz-scroll kz-tall'><table><tr><th>Where</th><th>What is not known</th></tr>"
        f"{''.join(rows)}</table></div>"
    )
