"""Law in practice, presented: the enforcement figures joined to the law, in every format.

Registers the views of :class:`~kzlaw.practice.EnforcementTable` on the singledispatch functions of
:mod:`kzlaw.present.text`, :mod:`~kzlaw.present.markdown`, :mod:`~kzlaw.present.html` and
:mod:`~kzlaw.present.frame`, and the JSON shapes of the figures, rows and tables on the one JSON converter. Gives
the report its section (:func:`enforcement_section`) and a chart drawn as plain SVG (:func:`enforcement_svg`: cases
by article against each article's maximum penalty, one panel per period), which needs no matplotlib.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kzlaw.words import months_text

if TYPE_CHECKING:  # pragma: no cover
    from kzlaw.corpus import Corpus
    from kzlaw.enforcement import Enforcement, Figure
    from kzlaw.practice import EnforcementTable, Row

__all__ = ["enforcement_section", "enforcement_svg", "figure_data", "row_data", "table_rows"]

_HEAD = ("period", "measure", "count", "article", "version in force", "maximum", "gravity")


def measure_words(name: str) -> str:
    """A derived measure's name as a reader says it: benchmark ids by their labels, articles by name.

    >>> measure_words("cases_opened: share under articles failing untoc.serious_crime")
    'cases opened: share under articles failing UN Convention: serious crime (maximum of 4 years or more)'
    """
    import re

    from kzlaw.penalties import BENCHMARKS
    from kzlaw.present.labels import article_label

    words = re.sub(r"\b[a-z]+(?:_[a-z]+)+(?=:)", lambda m: m.group().replace("_", " "), name)
    for bid, benchmark in BENCHMARKS.items():
        words = words.replace(bid, benchmark.label or bid)
    return re.sub(r"\bcc\d{4}/[0-9A-Za-z-]+", lambda m: article_label(m.group()), words)


def _maximum(r: Row) -> str:
    if r.life:
        return "life"
    if r.imprisonment_max_months is not None:
        return months_text(r.imprisonment_max_months)
    return "unknown" if r.version else ""


def _cells(r: Row) -> tuple[str, ...]:
    f = r.figure
    if r.status == "in force":
        where = r.version or ""
    elif r.status == "start uncertain":
        where = f"{r.version} (start uncertain)"
    else:
        where = f"{r.status}: {', '.join(r.candidates)}" if r.candidates else r.status
    return (f.period.label, f.measure.replace("_", " "), str(f.count), f.scope(), where, _maximum(r), r.gravity or "")


def _range(low: int | None, high: int | None, life: bool | None) -> str:
    if life is None:
        return "unknown"
    if life:
        return f"{months_text(low) if low else 'unstated'} to life"
    if high is None:
        return "no imprisonment"
    return f"{months_text(low)} to {months_text(high)}" if low else f"up to {months_text(high)}"


def figure_data(f: Figure) -> dict[str, Any]:
    """A figure as JSON: ``period``, ``ref``, ``measure``, ``count``, ``source`` and its other fields."""
    s = f.sentence
    return {
        "period": f.period.label,
        "period_start": f.period.start.isoformat() if f.period.start else None,
        "period_end": f.period.end.isoformat(),
        "ref": f.ref,
        "part": f.part,
        "refs_named": list(f.refs_named),
        "measure": f.measure,
        "count": f.count,
        "unit": f.unit,
        "exploitation": f.exploitation,
        "nationality": f.nationality,
        "sentence": None if s is None else {"kind": s.kind, "min_months": s.min_months, "max_months": s.max_months},
        "source": {"document": f.source.document, "locator": f.source.locator},
        "quote": f.quote,
        "note": f.note,
    }


def row_data(r: Row) -> dict[str, Any]:
    """A joined row as JSON: the figure's fields, then the version in force, its penalties, gravity and Protocol."""
    return {
        **figure_data(r.figure),
        "status": r.status,
        "article": r.article,
        "version": r.version,
        "candidates": list(r.candidates),
        "imprisonment_min_months": r.imprisonment_min_months,
        "imprisonment_max_months": r.imprisonment_max_months,
        "life_imprisonment": r.life,
        "gravity": r.gravity,
        "means_required": list(r.means_required),
        "all_acts": r.all_acts,
        "benchmarks": dict(r.benchmarks),
        "parts": [
            {
                "number": p.number,
                "imprisonment_min_months": p.min_months,
                "imprisonment_max_months": p.max_months,
                "life_imprisonment": p.life,
                "gravity": p.gravity,
                "non_custodial_option": p.non_custodial_option,
                "benchmarks": dict(p.benchmarks),
            }
            for p in r.parts
        ],
        "remarks": list(r.remarks),
    }


def table_rows(t: EnforcementTable) -> list[dict[str, Any]]:
    """Flat rows for CSV and ``to_dataframe()``: one per figure, a column per benchmark."""
    from kzlaw.penalties import BENCHMARKS

    out = []
    for r in t.rows:
        f = r.figure
        out.append(
            {
                "period": f.period.label,
                "ref": f.ref,
                "part": f.part or "",
                "refs_named": "; ".join(f.refs_named),
                "measure": f.measure,
                "count": f.count,
                "unit": f.unit,
                "exploitation": f.exploitation,
                "nationality": f.nationality,
                "sentence": str(f.sentence) if f.sentence else "",
                "source": f.source.document,
                "locator": f.source.locator,
                "status": r.status,
                "version": r.version or "",
                "imprisonment_min_months": r.imprisonment_min_months,
                "imprisonment_max_months": r.imprisonment_max_months,
                "life_imprisonment": r.life,
                "gravity": r.gravity or "",
                "means_required": "; ".join(r.means_required),
                "all_acts": r.all_acts,
                **{b: r.benchmarks.get(b, "") for b in BENCHMARKS},
                "parts": "; ".join(
                    f"{p.number}: {_range(p.min_months, p.max_months, p.life)} ({p.gravity})" for p in r.parts
                ),
                "quote": f.quote,
                "remarks": "; ".join(r.remarks),
            }
        )
    return out


def esc(value: object) -> str:
    """:func:`kzlaw.present.html.esc` (imported on use: the format modules import this one as they register)."""
    from kzlaw.present.html import esc as html_esc

    return html_esc(value)


def _text(t: EnforcementTable, color: bool = False) -> str:
    from kzlaw.present import text

    rows = [_HEAD, *(tuple(text.clean(c) for c in _cells(r)) for r in t.rows)]
    widths = [max(len(x[i]) for x in rows) for i in range(len(_HEAD))]
    lines = [
        "  ".join(c.rjust(widths[i]) if i == 2 else c.ljust(widths[i]) for i, c in enumerate(x)).rstrip() for x in rows
    ]
    what = f"for {t.period}" if t.period else "for every period held"
    head = [f"Enforcement figures {what}, joined to the law in force ({len(t.rows)} figures)", ""]
    found = ["Findings:", *(f"  - {text.clean(x)}" for x in t.findings)] if t.findings else []
    derived = ["", "Derived measures (arithmetic shown):"]
    derived += [f"  [{d.period}, {d.source}] {measure_words(d.name)}: {text.clean(d.text)}" for d in t.derived]
    sources = sorted({r.figure.source.document for r in t.rows})
    tail = ["", f"Sources: {', '.join(sources)} (each figure's locator and words: --json)"]
    return "\n".join([*head, *found, *([""] if found else []), *lines, *derived, *tail])


def _html(t: EnforcementTable, standalone: bool = False, styled: bool = True) -> str:
    from kzlaw.present.html import _finish

    heads = ("Period", "Measure", "Count", "Article", "Version in force", "Maximum", "Gravity", "Source")
    body = "".join(
        "<tr>"
        + "".join(f"<td>{esc(c)}</td>" for c in _cells(r))
        + f'<td title="{esc(r.figure.quote)}">{esc(r.figure.source)}</td></tr>'
        for r in t.rows
    )
    found = "".join(f"<li>{esc(x)}</li>" for x in t.findings)
    derived = "".join(
        f"<li>[{esc(d.period)}, {esc(d.source)}] <b>{esc(measure_words(d.name))}</b>: {esc(d.text)}</li>"
        for d in t.derived
    )
    inner = (
        (f"<h4>Findings</h4><ul>{found}</ul>" if found else "")
        + "<div class='kz-scroll'><table><tr>"
        + "".join(f"<th>{h}</th>" for h in heads)
        + f"</tr>{body}</table></div>"
        + f"<details><summary>Derived measures, with their arithmetic</summary><ul>{derived}</ul></details>"
    )
    return _finish(f"Enforcement {t.period or ''}".strip(), inner, standalone, styled)


def _markdown(t: EnforcementTable) -> str:
    from kzlaw.present import markdown

    cell = markdown.esc
    found = "\n".join(f"- {cell(x)}" for x in t.findings)
    head = "| " + " | ".join(h.capitalize() for h in _HEAD) + " |\n|" + "---|" * len(_HEAD)
    rows = "\n".join("| " + " | ".join(cell(c) for c in _cells(r)) + " |" for r in t.rows)
    return (f"{found}\n\n" if found else "") + f"{head}\n{rows}\n"


def _panels(t: EnforcementTable) -> list[tuple[str, tuple[Row, ...], float | None]]:
    """Each period's rows by article and the trafficking article's maximum in it (``None`` if not listed)."""
    from kzlaw.practice import TRAFFICKING_ARTICLE

    out = []
    for period, rows in t.by_article("cases_opened").items():
        traf = [r.top for r in rows if r.article and r.article.split("/")[1] == TRAFFICKING_ARTICLE and r.top >= 0]
        out.append((period, rows, traf[0] if traf else None))
    return out


def _bar_label(r: Row) -> str:
    number = r.figure.ref.split("/")[1]
    part = f" part {r.figure.part}" if r.figure.part else ""
    return f"art. {number}{part} (max {_maximum(r) or 'unknown'})"


def enforcement_svg(table: EnforcementTable) -> str:
    """Cases opened by article against each article's maximum penalty, one panel per period, as inline SVG.

    Bars are red where the article's maximum is below the trafficking article's, blue where it is not, grey where
    the maximum is unknown. Empty string when no period gives cases by article.
    """
    from kzlaw.present import labels

    panels = _panels(table)
    if not panels:
        return ""
    width, left, bar_h, gap = 640, 230, 16, 6
    parts: list[str] = []
    y = 10
    for period, rows, traf in panels:
        top = max(r.figure.count for r in rows) or 1
        code = labels.code_label(rows[0].figure.ref.split("/")[0])
        parts.append(
            f'<text x="0" y="{y + 12}" font-size="13" font-weight="bold">{esc(period)}: cases opened by article '
            f"of the {esc(code)}</text>"
        )
        y += 22
        for r in rows:
            colour = "#999" if r.top < 0 else "#c0392b" if traf is not None and r.top < traf else "#2c7fb8"
            length = (width - left - 50) * r.figure.count / top
            parts.append(
                f'<text x="{left - 6}" y="{y + 12}" font-size="11" text-anchor="end">{esc(_bar_label(r))}</text>'
                f'<rect x="{left}" y="{y}" width="{length:.1f}" height="{bar_h}" fill="{colour}">'
                f"<title>{esc(r.figure.scope())}: {r.figure.count} cases; {esc(r.version or r.status)}</title></rect>"
                f'<text x="{left + length + 4:.1f}" y="{y + 12}" font-size="11">{r.figure.count}</text>'
            )
            y += bar_h + gap
        y += 14
    legend = "red: maximum below the trafficking article's (art. 128); blue: not below; grey: maximum unknown"
    parts.append(f'<text x="0" y="{y + 4}" font-size="11" fill="#444">{esc(legend)}</text>')
    height = y + 14
    label = "Cases opened by article against the article's maximum penalty, one panel per period"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-label="{esc(label)}" font-family="sans-serif">'
        f"<title>{esc(label)}</title>{''.join(parts)}</svg>"
    )


def enforcement_section(corpus: Corpus | None = None) -> str:
    """The report's section "Law in practice": findings, chart, joined table and sources, as an HTML fragment."""
    from kzlaw.corpus import resolve_corpus
    from kzlaw.errors import KzlawError
    from kzlaw.practice import enforcement_table
    from kzlaw.present import html

    corpus = resolve_corpus(corpus)
    try:
        table = enforcement_table(None, corpus)
    except KzlawError as err:
        return (
            '<section id="practice"><h2>Law in practice</h2>'
            f'<p class="kz-note">The enforcement figures are not shown: {esc(err)}</p></section>'
        )
    intro = (
        "<p>How the articles are used: every figure the sources give (cases opened, convictions, sentences...), "
        "joined to the version of its article in force in the middle of its period. Figures the sources give only "
        "as totals stay totals; nothing is apportioned or estimated. Each derived measure shows its arithmetic.</p>"
    )
    findings = "".join(f"<li>{esc(x)}</li>" for x in table.findings)
    svg = enforcement_svg(table)
    docs: dict[str, int] = {}
    for r in table.rows:
        docs[r.figure.source.document] = docs.get(r.figure.source.document, 0) + 1
    sources = ""
    for doc, n in docs.items():
        d = corpus.sources[doc]
        link = f' <a href="{esc(d.url)}">{esc(d.url)}</a>' if d.url else ""
        sources += f"<li><b>{esc(doc)}</b> ({n} figures): {esc(d.citation)}{link}</li>"
    return (
        f'<section id="practice"><h2>Law in practice</h2>{intro}<h3>Findings</h3><ul>{findings}</ul>'
        + (f"<h3>Cases by article against the maximum penalty</h3><div class='kz-chart'>{svg}</div>" if svg else "")
        + f"<h3>Figures joined to the law in force</h3>{html.render(table, styled=False)}"
        + f"<h3>Sources</h3><ul>{sources}</ul></section>"
    )


def _json() -> None:
    from kzlaw.convert import json_converter
    from kzlaw.enforcement import Enforcement, Figure
    from kzlaw.practice import Derived, EnforcementTable, Row

    conv = json_converter()
    conv.register_unstructure_hook(Figure, figure_data)
    conv.register_unstructure_hook(Row, row_data)
    conv.register_unstructure_hook(
        Derived, lambda d: {"period": d.period, "source": d.source, "name": d.name, "value": d.value, "text": d.text}
    )

    def table(t: EnforcementTable) -> dict[str, Any]:
        return {
            "period": t.period,
            "file": t.file,
            "rows": [row_data(r) for r in t.rows],
            "derived": [conv.unstructure(d) for d in t.derived],
            "findings": list(t.findings),
        }

    def data(e: Enforcement) -> dict[str, Any]:
        return {"file": e.file, "figures": [figure_data(f) for f in e.figures]}

    conv.register_unstructure_hook(EnforcementTable, table)
    conv.register_unstructure_hook(Enforcement, data)


def _dispatch(module: str, name: str, view: Any) -> None:
    import importlib

    from kzlaw.practice import EnforcementTable

    getattr(importlib.import_module(f"kzlaw.present.{module}"), name).register(EnforcementTable, view)


#: What each format module's registration imports from here, and what looking it up registers.
_VIEWS: dict[str, Any] = {
    "text_view": lambda: _dispatch("text", "render", _text),
    "html_view": lambda: _dispatch("html", "render", _html),
    "markdown_view": lambda: _dispatch("markdown", "render", _markdown),
    "frame_view": lambda: _dispatch("frame", "rows", table_rows),
    "json_view": _json,
}


def __getattr__(name: str) -> Any:
    """``text_view``, ``html_view``, ``markdown_view``, ``frame_view``, ``json_view``: registers that format's views.

    Each format module imports its name in its own ``_register()``, when its singledispatch function exists (a
    plain import at this module's top would run before it does: markdown imports text, which would import this).
    """
    if name in _VIEWS:
        _VIEWS[name]()
        globals()[name] = True
        return True
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
