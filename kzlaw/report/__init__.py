"""The main job: a report that reads like a brief (``kzlaw report -o DIR``).

The folder holds ``index.html`` (styles, script and charts inline, nothing fetched from the network),
``report.json`` (the same findings as compact data), the tables as CSV (``penalties.csv``,
``coverage.csv``, ``changes.csv``) and, in ``redlines/``, a Word document with tracked changes per
amendment, linked from it. The page opens with a summary of findings in plain language: what each
amendment changed, where the latest versions fall short of the UN Protocol, and which parts fall below
which penalty benchmark. The charts are drawn by :mod:`kzlaw.present.svg` from the same numbers (no
matplotlib needed). Printed, every collapsed section opens.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from kzlaw.alignment import align
from kzlaw.corpus import Corpus, resolve_corpus
from kzlaw.fsio import ensure_folder, output_folder, write_files
from kzlaw.model import Article
from kzlaw.penalties import BENCHMARKS, PenaltyTable
from kzlaw.present import frame, labels, svg
from kzlaw.present.html import esc, page, render
from kzlaw.present.redline_docx import redline_docx
from kzlaw.report.assets import PAGE_CSS, PRINT_SCRIPT
from kzlaw.report.findings import Finding, PenaltyRows, benchmark_findings, shortfalls
from kzlaw.report.sections import (
    Amendment,
    Citations,
    anchor,
    article_section,
    docx_name,
    sources_section,
    uncertainties_section,
)

__all__ = ["Progress", "build_report"]

#: Called as ``progress(done, total, ref)`` after each article.
Progress = Callable[[int, int, str], None]


def _articles(corpus: Corpus, refs: Sequence[str]) -> list[Article]:
    if not refs:
        return list(corpus.select(role="offence"))
    chosen: dict[str, Article] = {}
    for ref in refs:
        art = corpus.article(ref)
        chosen[art.ref] = art
    return list(chosen.values())


def enforcement(corpus: Corpus) -> str:
    """The enforcement section, from :func:`kzlaw.present.practice.enforcement_section` where that module exists."""
    try:
        from kzlaw.present import practice  # type: ignore[attr-defined, unused-ignore]
    except ImportError as err:
        if getattr(err, "name", None) not in ("kzlaw.present.practice", None):
            raise
        return ""
    section = str(practice.enforcement_section(corpus))
    return f"<div id='enforcement'>{section}</div>" if section else ""


def _findings_html(title: str, findings: Sequence[Finding]) -> str:
    parts = "".join(
        f"<h4>{esc(f.heading)}</h4><ul>{''.join(f'<li>{esc(p)}</li>' for p in f.points)}</ul>" for f in findings
    )
    return f"<h3>{esc(title)}</h3>{parts}"


def _summary(
    articles: Sequence[Article], amendments: Sequence[Amendment], corpus: Corpus, rows: PenaltyRows
) -> tuple[str, dict[str, Any]]:
    items, data = [], []
    for d, points in amendments:
        data.append({"version": d.new.ref, "label": labels.version_label(d.new), "points": list(points)})
        items.append(
            f"<li><a href='#{esc(anchor('a-' + d.new.ref))}'>{esc(labels.version_label(d.new))}</a>: "
            f"{esc('; '.join(points[:4]).rstrip('.'))}"
            + (f"; <a href='#{esc(anchor('a-' + d.new.ref))}'>{len(points) - 4} more</a>" if len(points) > 4 else "")
            + ".</li>"
        )
    gaps, bench = shortfalls(articles, corpus), benchmark_findings(articles, corpus, rows)
    html = (
        "<section class='kz-summary' id='summary'><h2>Summary of findings</h2>"
        f"<h3>What each amendment changed</h3><ul>{''.join(items) or '<li>No amendment is held.</li>'}</ul>"
        f"{_findings_html('Where the law falls short of the UN Protocol (art. 3)', gaps)}"
        f"{_findings_html('Penalties against the benchmarks', bench)}"
        "<p class='kz-meta'>Computed from kzlaw's data; each point links to, or is explained in, the sections below. "
        "The English of the 1997 Code is an unofficial translation, that of the 2014 Code kzlaw's own summary.</p>"
        "</section>"
    )
    record = {
        "amendments": data,
        "shortfalls": [{"heading": f.heading, "points": list(f.points)} for f in gaps],
        "benchmarks": [{"heading": f.heading, "points": list(f.points)} for f in bench],
    }
    return html, record


def _benchmarks_legend() -> str:
    rows = "".join(
        f"<tr><td>{esc(labels.benchmark_label(b.id))}<br><span class='kz-id'>{esc(b.id)}</span></td>"
        f"<td>{esc(b.rule)}</td><td>{esc(b.source)}</td></tr>"
        for b in BENCHMARKS.values()
    )
    return (
        "<h3>The benchmarks</h3><div class='kz-scroll'><table><tr><th>Benchmark</th><th>Rule</th><th>Source</th></tr>"
        f"{rows}</table></div>"
    )


def _akn_files(folder: Path, articles: Sequence[Article], corpus: Corpus) -> dict[Path, str | bytes]:
    """Every version's Akoma Ntoso documents, one per language, for ``akn/`` (none without the akn extra)."""
    try:
        from kzlaw.akn import akn_path, to_akn
    except ImportError:
        return {}
    return {
        folder / "akn" / akn_path(v, lang, corpus): to_akn(v, lang, corpus)
        for art in articles
        for v in art.versions
        for lang in v.wordings
    }


def _csv(rows: Sequence[dict[str, Any]]) -> str:
    out = io.StringIO()
    if rows:
        fields = list(dict.fromkeys(k for r in rows for k in r))
        writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return out.getvalue()


def build_report(
    out: str | os.PathLike[str] = "report",
    refs: Sequence[str] = (),
    corpus: Corpus | None = None,
    progress: Progress | None = None,
) -> Path:
    """Write the report folder and return the path of its ``index.html``.

    Args:
        out: The folder to write (created if needed; the files named above are replaced).
        refs: Articles to include (any version date is ignored); all offence articles by default.
        corpus: The corpus to report on; the bundled one by default.
        progress: Called as ``progress(done, total, ref)`` after each article.
    """
    corpus = resolve_corpus(corpus)
    articles = _articles(corpus, refs)
    folder = output_folder(out)  # an empty name is refused, not read as the current folder
    ensure_folder(folder / "redlines")
    cites, rows = Citations(corpus), PenaltyRows(corpus)
    sections: list[str] = []
    data: list[dict[str, Any]] = []
    amendments: list[Amendment] = []
    for i, art in enumerate(articles, 1):
        section, record, changes = article_section(art, corpus, cites, rows)
        sections.append(section)
        data.append(record)
        amendments += changes
        if progress:
            progress(i, len(articles), art.ref)
    files: dict[Path, str | bytes] = {folder / "redlines" / docx_name(d): redline_docx([d]) for d, _ in amendments}
    files.update(_akn_files(folder, articles, corpus))
    offences = [a for a in articles if a.versions[0].parts]
    everything = [v for a in offences for v in a.versions]
    coverage = align(everything, corpus)
    table = rows.table(everything)
    edge = PenaltyTable(tuple(r for r in table.rows if r.is_base or r.is_most_aggravated))
    latest = rows.table([a.latest for a in offences])
    summary, summary_data = _summary(articles, amendments, corpus, rows)
    toc = "".join(
        f"<li><a href='#{esc(anchor(a.ref))}'>{esc(labels.article_label(a.ref))}</a>: {esc(svg.title(a))}</li>"
        for a in articles
    )
    statuses = sorted({w.status_label for v in everything for w in v.wordings.values()})
    body = (
        f'<div class="kz kz"><style>{PAGE_CSS}</style>{PRINT_SCRIPT}'
        "<h1>Kazakhstan's anti-trafficking criminal law: a report from kzlaw</h1>"
        f'<p class="kz-note">Generated {esc(dt.date.today().isoformat())} from {len(articles)} articles and '
        f"{len(everything)} versions. Texts in this report: {esc(', '.join(statuses))}. No official English text "
        "exists; dates the sources do not fix are shown as windows, and figures they do not confirm as unknown "
        "(see <a href='#uncertainties'>Uncertainties</a>). Tables: <a href='penalties.csv'>penalties.csv</a>, "
        "<a href='coverage.csv'>coverage.csv</a>, <a href='changes.csv'>changes.csv</a>; data: "
        "<a href='report.json'>report.json</a>.</p>"
        f"{summary}<nav><h2>Articles</h2><ul class='kz-toc'>{toc}</ul></nav>"
        "<h2 id='coverage'>Coverage of the UN Protocol's elements</h2>"
        f"<div class='kz-chart'>{svg.coverage_heatmap(coverage)}</div>"
        "<details class='kz-screen-only'><summary>The same as a table</summary>"
        f"{render(coverage, styled=False)}</details>"
        "<h2 id='penalties'>Penalties across articles</h2>"
        "<p>The latest version held of each article, part by part, against the benchmarks' thresholds.</p>"
        f"<div class='kz-chart'>{svg.penalty_ranges(latest.rows, 'Imprisonment by part, latest versions held')}</div>"
        f"{_benchmarks_legend()}"
        "<h3>Penalty history</h3><p>One panel per article; each line ends where its version ends.</p>"
        f"<div class='kz-chart'>{svg.penalty_history(offences, corpus, penalties=rows)}</div>"
        "<h3>Base and most aggravated parts of every version</h3>"
        f"{render(edge, styled=False)}"
        f"{enforcement(corpus)}"
        f"{''.join(sections)}"
        f"{uncertainties_section(corpus, articles)}{sources_section(corpus, cites)}</div>"
    )
    index = folder / "index.html"
    result = {"summary": summary_data, "articles": data, "coverage": coverage.to_dict(), "penalties": table.to_dict()}
    files[index] = page("kzlaw report: Kazakhstan's anti-trafficking criminal law", body)
    files[folder / "report.json"] = json.dumps(result, ensure_ascii=False, separators=(",", ":"))
    files[folder / "penalties.csv"] = _csv(frame.rows(table))
    files[folder / "coverage.csv"] = _csv(frame.rows(coverage))
    files[folder / "changes.csv"] = _csv([row for d, _ in amendments for row in frame.rows(d)])
    write_files(files, root=folder)  # all or nothing: a failure leaves the previous report as it was
    return index
