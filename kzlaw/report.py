"""The main job: a self-contained HTML report of the corpus (``kzlaw report -o DIR``).

The folder holds ``index.html`` (styles and charts inline, nothing fetched from the network) and
``report.json`` (the same findings as data). For each article: the timeline of its versions, each
amendment's structural changes and redline, its Protocol alignment with evidence, and its penalties;
across articles: the coverage matrix and a penalty chart. Charts need the ``plot`` extra; without
it the report says how to get them.
"""

from __future__ import annotations

import datetime as dt
import html
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from kzlaw.alignment import align
from kzlaw.changes import diffs
from kzlaw.corpus import Corpus, resolve_corpus
from kzlaw.fsio import ensure_folder, write_atomic
from kzlaw.model import Article
from kzlaw.penalties import PenaltyTable, compare_penalties
from kzlaw.present.html import CSS, page, render

__all__ = ["build_report"]

Progress = Callable[[int, int, str], None]
e = html.escape

_EXTRA_CSS = """
body { margin: 2em auto; max-width: 70em; padding: 0 1em; }
.kz { max-width: none; }
nav ul { columns: 3; }
details { margin: .3em 0; } summary { cursor: pointer; font-weight: 600; }
section.article { border-top: 2px solid #333; margin-top: 2em; }
.kz-note { background: #fff8e1; border-left: 4px solid #e0a800; padding: .5em 1em; }
svg { max-width: 100%; height: auto; }
"""


def _articles(corpus: Corpus, refs: Sequence[str]) -> list[Article]:
    if not refs:
        return list(corpus.select(role="offence"))
    chosen: dict[str, Article] = {}
    for ref in refs:
        art = corpus.article(ref)
        chosen[art.ref] = art
    return list(chosen.values())


def _chart(make: Callable[[], Any]) -> str:
    from kzlaw import plot

    if not plot.available():
        return (
            '<p class="kz-note">Charts need matplotlib: install the plot extra '
            "(<code>pip install 'kzlaw[plot]'</code>) and run the report again.</p>"
        )
    return f'<div class="kz-chart">{plot.to_svg(make())}</div>'


def _article_section(art: Article, corpus: Corpus) -> tuple[str, dict[str, Any]]:
    from kzlaw import plot

    links = corpus.links(art.ref)
    lineage = "; ".join(f"{link.relation} {link.ref} ({link.source})" for link in links) or "none held"
    timeline = "".join(
        f"<tr><td>{e(v.ref)}</td><td>{e(v.title)}</td><td>{e(str(v.valid_from))}</td>"
        f"<td>{e(str(v.valid_to) if v.valid_to else 'in force')}</td>"
        f"<td>{e(corpus.laws[v.amended_by].title if v.amended_by else 'not stated')}</td>"
        f"<td>{e(v.wording().status_label)}</td><td>{e(str(v.source))}</td></tr>"
        for v in art.versions
    )
    texts = "".join(
        f"<details><summary>Text of {e(v.ref)}</summary>{render(v, styled=False)}</details>" for v in art.versions
    )
    changes = diffs(art.ref, corpus)
    amendments = "".join(
        f"<details open><summary>{e(d.old.ref)} → {e(d.new.ref)}</summary>{render(d, styled=False)}</details>"
        for d in changes
    )
    coverage = align(art.versions, corpus)
    evidence = "".join(
        f"<details><summary>Evidence for {e(a.ref)}</summary>{render(a, styled=False)}</details>"
        for a in coverage.alignments
    )
    table = compare_penalties(*art.versions, corpus=corpus)
    history = _chart(lambda: plot.plot_penalty_history(art.ref, corpus)) if art.versions[0].parts else ""
    unknown = "".join(f"<li>{e(r.ref)} part {e(r.part)}: {e(r.unknown)}</li>" for r in table.rows if r.unknown)
    body = (
        f'<section class="article" id="{e(art.ref)}"><h2>{e(art.ref)}: {e(art.title)}</h2>'
        f"<p>Lineage: {e(lineage)}</p>"
        f"<h3>Versions</h3><table><tr><th>Version</th><th>Title</th><th>From</th><th>To</th><th>Amended by</th>"
        f"<th>Text</th><th>Source</th></tr>{timeline}</table>{texts}"
        f"<h3>Amendments</h3>{amendments or '<p>A single version is held.</p>'}"
        f"<h3>Protocol alignment</h3>{render(coverage, styled=False)}{evidence}"
        f"<h3>Penalties</h3>{render(table, styled=False)}"
        + (f"<p>Unknown:</p><ul>{unknown}</ul>" if unknown else "")
        + f"{history}</section>"
    )
    data = {
        "ref": art.ref,
        "versions": [v.ref for v in art.versions],
        "lineage": [{"relation": link.relation, "ref": link.ref} for link in links],
        "amendments": [d.to_dict() for d in changes],
        "alignment": [a.to_dict() for a in coverage.alignments],
        "penalties": table.to_dict(),
    }
    return body, data


def build_report(
    out: str | Path = "report",
    refs: Sequence[str] = (),
    corpus: Corpus | None = None,
    progress: Progress | None = None,
) -> Path:
    """Write the report folder and return the path of its ``index.html``.

    Args:
        out: The folder to write (created if needed; its ``index.html`` and ``report.json`` are replaced).
        refs: Articles to include (any version date is ignored); all offence articles by default.
        corpus: The corpus to report on; the bundled one by default.
        progress: Called as ``progress(done, total, ref)`` after each article.
    """
    from kzlaw import plot

    corpus = resolve_corpus(corpus)
    articles = _articles(corpus, refs)
    folder = Path(out)
    ensure_folder(folder)
    sections, data = [], []
    for i, art in enumerate(articles, 1):
        section, record = _article_section(art, corpus)
        sections.append(section)
        data.append(record)
        if progress:
            progress(i, len(articles), art.ref)
    offences = [a for a in articles if a.versions[0].parts]
    everything = [v for a in offences for v in a.versions]
    coverage = align(everything, corpus)
    table = compare_penalties(*everything, corpus=corpus)
    edge_rows = PenaltyTable(tuple(r for r in table.rows if r.is_base or r.is_most_aggravated))
    nav = "".join(f'<li><a href="#{e(a.ref)}">{e(a.ref)}</a> {e(a.title)}</li>' for a in articles)
    sources = "".join(f"<li><b>{e(s.id)}</b>: {e(s.citation)}. {e(s.note)}</li>" for s in corpus.sources.values())
    laws = "".join(
        f"<li><b>{e(law.id)}</b>: {e(law.title)}; adopted {e(str(law.adopted or 'not stated'))}; "
        f"in force {e(str(law.in_force))}. {e(law.in_force.note)}</li>"
        for law in corpus.laws.values()
    )
    statuses = sorted({w.status_label for v in everything for w in v.wordings.values()})
    body = (
        f'<div class="kz kz"><style>{CSS}{_EXTRA_CSS}</style>'
        f"<h1>kzlaw report: Kazakhstan's anti-trafficking criminal law</h1>"
        f'<p class="kz-note">Generated {e(dt.date.today().isoformat())} from {len(articles)} articles and '
        f"{len(everything)} versions. Text kinds in this report: {e(', '.join(statuses))}. No official English "
        "text exists; dates the sources do not fix are shown as windows, and figures they do not confirm as "
        "unknown.</p>"
        f"<nav><h2>Articles</h2><ul>{nav}</ul></nav>"
        f"<h2>Coverage of the UN Protocol's elements</h2>{render(coverage, styled=False)}"
        f"{_chart(lambda: plot.plot_coverage(coverage))}"
        f"<h2>Penalties across articles (base and most aggravated parts)</h2>"
        f"{_chart(lambda: plot.plot_penalties(edge_rows))}"
        f"{''.join(sections)}"
        f"<h2>Amending laws</h2><ul>{laws}</ul><h2>Sources</h2><ul>{sources}</ul></div>"
    )
    index = folder / "index.html"
    write_atomic(index, page("kzlaw report", body), root=folder)
    summary = {"articles": data, "coverage": coverage.to_dict(), "penalties": table.to_dict()}
    write_atomic(folder / "report.json", json.dumps(summary, ensure_ascii=False, separators=(",", ":")), root=folder)
    return index
