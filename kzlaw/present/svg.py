"""Charts as small inline SVG, drawn by kzlaw itself from the same numbers as the tables (no matplotlib).

The report draws three: :func:`penalty_ranges` (imprisonment ranges per part, benchmark lines and a legend of
the colours), :func:`penalty_history` (one small panel per article, each version's line ending where the version
ends) and :func:`coverage_heatmap` (Protocol elements by version). Every label passes through :func:`esc`, and
every coordinate is clamped into the chart, so a hostile part number, a date at 0001-01-01 or a maximum of 8e17
years draws at the edge instead of failing or injecting markup.
"""

from __future__ import annotations

import datetime as dt
import html
import math
import re
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from kzlaw.present import labels
from kzlaw.words import STATUS_LABELS

if TYPE_CHECKING:  # pragma: no cover
    from kzlaw.alignment import Coverage
    from kzlaw.corpus import Corpus
    from kzlaw.model import Article, Version
    from kzlaw.penalties import PenaltyRow

__all__ = ["COLOURS", "coverage_heatmap", "esc", "penalty_history", "penalty_ranges", "title"]

#: The colours of the charts, by what they mean (the legends say the same words).
COLOURS = {
    "base": "#2c7fb8",
    "aggravated": "#c0392b",
    "other": "#8fb8d8",
    "life": "#7b1e1e",
    "unknown": "#9e9e9e",
    "constitutive": "#2e7d32",
    "aggravating": "#f0a030",
    "absent": "#f4c7c7",
}
#: Benchmarks drawn as lines on the penalty charts: (months, words).
BENCHMARK_LINES = (
    (48, "4 years: UN Convention serious crime; US TIP Report"),
    (60, "5 years: EU Directive, base offence"),
    (120, "10 years: EU Directive, aggravated"),
)
_CAP = 1200.0  # months: anything beyond 100 years is drawn at the edge, marked as beyond it
_FONT = 'font-family="system-ui, sans-serif"'
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")  # not allowed in XML
_CHAR = 6.4  # an estimate of the width of a character at 11 px, for laying out legends


def esc(text: object) -> str:
    """XML-escape a value for SVG text or an attribute (quotes included); control characters dropped."""
    return html.escape(_CONTROL.sub("", str(text)), quote=True)


def _n(x: float) -> str:
    """A coordinate, finite and short."""
    if not math.isfinite(x):
        x = 0.0
    return f"{x:.1f}".rstrip("0").rstrip(".")


def _clamp(x: float, low: float, high: float) -> float:
    return low if not math.isfinite(x) or x < low else high if x > high else x


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _svg(width: float, height: float, title: str, body: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="kz-svg" viewBox="0 0 {_n(width)} {_n(height)}" '
        f'width="{_n(width)}" height="{_n(height)}" role="img" {_FONT} font-size="11">'
        f"<title>{esc(title)}</title>{body}</svg>"
    )


def _text(x: float, y: float, text: str, anchor: str = "start", extra: str = "") -> str:
    return f'<text x="{_n(x)}" y="{_n(y)}" text-anchor="{anchor}"{extra}>{esc(text)}</text>'


def _legend(items: Sequence[tuple[str, str]], x: float, y: float, width: float) -> tuple[str, float]:
    """Legend entries (swatch markup, words) flowed in rows within ``width``; returns markup and height."""
    out, cx, cy = [], x, y
    for swatch, words in items:
        w = 26 + len(words) * _CHAR
        if cx > x and cx + w > x + width:
            cx, cy = x, cy + 17
        out.append(f'<g transform="translate({_n(cx)},{_n(cy)})">{swatch}{_text(22, 9, words)}</g>')
        cx += w + 14
    return "".join(out), cy - y + 17


def _box(colour: str, extra: str = "") -> str:
    return f'<rect x="0" y="0" width="16" height="11" fill="{colour}"{extra}/>'


def _line(colour: str, dash: str = "") -> str:
    d = f' stroke-dasharray="{dash}"' if dash else ""
    return f'<line x1="0" y1="5.5" x2="16" y2="5.5" stroke="{colour}" stroke-width="2"{d}/>'


# --- penalty ranges -----------------------------------------------------------------------------


def _months(value: int | None) -> float:
    return float(value) if value is not None else 0.0


def penalty_ranges(rows: Iterable[PenaltyRow], title: str = "Imprisonment by part") -> str:
    """Horizontal bars of the imprisonment range of each part, grouped by version, with benchmark lines."""
    rows = list(rows)
    finite = [_months(r.imprisonment_max_months) for r in rows if r.imprisonment_max_months is not None]
    top = _clamp(max([*finite, 144.0]), 144.0, _CAP) * 1.08
    left, plot, row_h = 250.0, 520.0, 15.0
    width = left + plot + 70

    def x(months: float) -> float:
        return left + _clamp(months, 0.0, top) / top * plot

    body, y = [], 34.0
    body.append(_text(4, 14, title, extra=' font-weight="600" font-size="12"'))
    ref = None
    for r in rows:
        if r.ref != ref:
            ref = r.ref
            body.append(_text(4, y + 11, _short(labels.version_label_ref(r.ref), 110), extra=' font-weight="600"'))
            y += row_h + 2
        body.append(_text(left - 8, y + 10, f"part {_short(r.part, 12)}", "end"))
        colour = COLOURS["aggravated" if r.is_most_aggravated else "base" if r.is_base else "other"]
        tip = f"{labels.article_label(r.article)}, part {r.part}: {r.range_text()}"
        low = _months(r.imprisonment_min_months)
        if r.life:
            body.append(
                f'<rect x="{_n(x(low))}" y="{_n(y + 2)}" width="{_n(x(top) - x(low))}" height="10" '
                f'fill="{COLOURS["life"]}"><title>{esc(tip)}</title></rect>'
            )
            body.append(_text(x(top) + 4, y + 10, "life"))
        elif r.imprisonment_max_months is not None:
            high = _months(r.imprisonment_max_months)
            start, end = x(low), x(high)
            style = "" if r.min_stated else f' fill-opacity="0.45" stroke="{colour}" stroke-dasharray="3 2"'
            body.append(
                f'<rect x="{_n(start)}" y="{_n(y + 2)}" width="{_n(max(end - start, 2.0))}" height="10" '
                f'fill="{colour}"{style}><title>{esc(tip)}</title></rect>'
            )
            if high > top:
                body.append(_text(x(top) + 4, y + 10, "> 100 years"))
        else:
            words = "unknown" if r.unknown else "no imprisonment"
            body.append(_text(left + 4, y + 10, words, extra=f' fill="{COLOURS["unknown"]}" font-style="italic"'))
        y += row_h
    plot_top, plot_bottom = 26.0, y + 4
    axis = []
    step = 24 if top <= 300 else 120
    for m in range(0, int(top) + 1, step):
        axis.append(
            f'<line x1="{_n(x(m))}" y1="{_n(plot_top)}" x2="{_n(x(m))}" y2="{_n(plot_bottom)}" stroke="#e4e4e4"/>'
        )
        axis.append(_text(x(m), plot_bottom + 13, f"{m // 12}", "middle"))
    axis.append(_text(left + plot / 2, plot_bottom + 27, "years of imprisonment", "middle"))
    for months, _words in BENCHMARK_LINES:
        if months <= top:
            axis.append(
                f'<line x1="{_n(x(months))}" y1="{_n(plot_top)}" x2="{_n(x(months))}" y2="{_n(plot_bottom)}" '
                'stroke="#333" stroke-dasharray="4 3"/>'
            )
    items = [
        (_box(COLOURS["base"]), "base offence (part 1)"),
        (_box(COLOURS["aggravated"]), "most aggravated part"),
        (_box(COLOURS["other"]), "other parts"),
        (_box(COLOURS["life"]), "life imprisonment available"),
        (
            _box(COLOURS["other"], f' fill-opacity="0.45" stroke="{COLOURS["other"]}" stroke-dasharray="3 2"'),
            "no minimum stated (bar from zero)",
        ),
        (_line("#333", "4 3"), "benchmark lines at 4, 5 and 10 years (see the benchmarks below)"),
    ]
    legend, h = _legend(items, 4, plot_bottom + 38, width - 8)
    return _svg(width, plot_bottom + 42 + h, title, "".join(axis) + "".join(body) + legend)


# --- penalty history ----------------------------------------------------------------------------


def _day(d: dt.date | None) -> float | None:
    return float(d.toordinal()) if d is not None else None


def _span(v: Version, art: Article, today: float) -> tuple[float, float, float, float] | None:
    """(first possible, first sure, last sure, last possible) day of a version, as ordinals."""
    start, end = v.valid_from, v.valid_to
    first = _day(start.earliest) or _day(start.latest)
    if first is None:
        return None
    code_end = _day(art.in_force_to)
    stop = min(today, code_end) if code_end is not None else today
    if end is None:
        last_sure = last = code_end if code_end is not None else today
    else:
        last_sure = _day(end.earliest) or _day(end.latest) or stop
        last = _day(end.latest) or max(stop, last_sure)
    sure = _day(start.latest) or last_sure
    sure = _clamp(sure, first, last)
    last_sure = _clamp(last_sure, sure, last)
    return first, sure, last_sure, last


def penalty_history(
    articles: Sequence[Article],
    corpus: Corpus,
    today: dt.date | None = None,
    penalties: Callable[[Version], Sequence[PenaltyRow]] | None = None,
) -> str:
    """Small multiples: one panel per article, the base and most aggravated ranges of each version over time.

    A line ends where its version ends: its ``valid_to``, its code's repeal, or today only while the
    version is in force. Dashed: the sources give only a window for the start or the end.
    ``penalties`` gives a version's rows (by default :func:`~kzlaw.penalties.compare_penalties`).
    """
    from kzlaw.penalties import compare_penalties

    rows_of = penalties or (lambda v: compare_penalties(v, corpus=corpus).rows)

    now = float((today or dt.date.today()).toordinal())
    panels = []
    for art in articles:
        items = []
        for v in art.versions:
            span = _span(v, art, now)
            rows = rows_of(v)
            if span is not None and rows:
                base = rows[0]
                top = next((r for r in rows if r.is_most_aggravated), base)
                items.append((v, span, base, top))
        if items:
            panels.append((art, items))
    if not panels:
        return ""
    days = [s for _, items in panels for _, span, _, _ in items for s in span]
    lo, hi = min(days), max(days)
    hi = max(hi, lo + 365)
    finite = [
        _months(r.imprisonment_max_months)
        for _, items in panels
        for _, _, b, t in items
        for r in (b, t)
        if r.imprisonment_max_months is not None
    ]
    ymax = _clamp(max([*finite, 60.0]), 60.0, _CAP) * 1.1
    cols, pw, ph, gap = 3, 300.0, 118.0, 16.0
    width = cols * (pw + gap) + 10
    out = []
    for i, (art, items) in enumerate(panels):
        ox, oy = 10 + (i % cols) * (pw + gap), 8 + (i // cols) * (ph + 34)
        out.append(_panel(art, items, ox, oy, pw, ph, lo, hi, ymax))
    rows_n = (len(panels) + cols - 1) // cols
    y = 8 + rows_n * (ph + 34)
    legend, h = _legend(
        [
            (_line(COLOURS["base"]), "base offence (part 1): maximum, with its range shaded"),
            (_line(COLOURS["aggravated"]), "most aggravated part: maximum, range shaded"),
            (_line("#555", "4 3"), "dashed: the sources give only a window for the start or end"),
            (_box(COLOURS["unknown"], ' fill-opacity="0.35"'), "penalty not known"),
            (_line("#bbb"), "thin grey line: a version starts"),
        ],
        10,
        y,
        width - 20,
    )
    return _svg(width, y + h + 4, "Penalty history, one panel per article", "".join(out) + legend)


def title(art: Article) -> str:
    """The article's title in English where the latest version holds it, else in its first wording."""
    for v in reversed(art.versions):
        if "en" in v.wordings:
            return v.wordings["en"].title
    return art.title


def _panel(
    art: Article,
    items: Sequence[tuple[Version, tuple[float, float, float, float], PenaltyRow, PenaltyRow]],
    ox: float,
    oy: float,
    pw: float,
    ph: float,
    lo: float,
    hi: float,
    ymax: float,
) -> str:
    def px(d: float) -> float:
        return ox + 30 + (_clamp(d, lo, hi) - lo) / (hi - lo) * (pw - 36)

    def py(m: float) -> float:
        return oy + 20 + ph - _clamp(m, 0.0, ymax) / ymax * ph

    name = f"{labels.article_label(art.ref)}: {title(art)}"
    out = [
        f'<text x="{_n(ox)}" y="{_n(oy + 10)}" font-size="10" font-weight="600">{esc(_short(name, 50))}'
        f"<title>{esc(name)}</title></text>",
        f'<rect x="{_n(ox + 30)}" y="{_n(oy + 20)}" width="{_n(pw - 36)}" height="{_n(ph)}" fill="none" '
        'stroke="#ccc"/>',
    ]
    for m in range(0, int(ymax) + 1, 60):
        out.append(_text(ox + 26, py(m) + 4, f"{m // 12}", "end", ' fill="#555" font-size="9"'))
    first_year = dt.date.fromordinal(int(lo)).year
    last_year = dt.date.fromordinal(int(hi)).year
    step = max(5, (last_year - first_year) // 4 // 5 * 5 or 5)
    for year in range((first_year + step - 1) // step * step, last_year + 1, step):
        d = float(dt.date(year, 1, 1).toordinal())
        out.append(_text(px(d), oy + ph + 32, str(year), "middle", ' fill="#555" font-size="9"'))
    for v, (first, sure, last_sure, last), base, top in items:
        tip = f"{labels.version_label(v)} ({v.period()})"
        out.append(
            f'<line x1="{_n(px(sure))}" y1="{_n(oy + 20)}" x2="{_n(px(sure))}" y2="{_n(oy + 20 + ph)}" stroke="#bbb">'
            f"<title>{esc(tip)}</title></line>"
        )
        for row, colour in ((top, COLOURS["aggravated"]), (base, COLOURS["base"])):
            if row.life is None:
                if row is not top and top.life is None:
                    continue  # one grey box per version
                out.append(
                    f'<rect x="{_n(px(first))}" y="{_n(oy + 20)}" width="{_n(px(last) - px(first))}" '
                    f'height="{_n(ph)}" fill="{COLOURS["unknown"]}" fill-opacity="0.35"><title>{esc(tip)}: '
                    "penalty not known</title></rect>"
                )
                continue
            high = ymax if row.life else _months(row.imprisonment_max_months)
            low = _months(row.imprisonment_min_months)
            what = f"{tip}, part {row.part}: {row.range_text()}"
            out.append(
                f'<rect x="{_n(px(sure))}" y="{_n(py(high))}" width="{_n(px(last_sure) - px(sure))}" '
                f'height="{_n(py(low) - py(high))}" fill="{colour}" fill-opacity="0.15"/>'
            )
            for a, b, dash in ((first, sure, True), (sure, last_sure, False), (last_sure, last, True)):
                if b > a:
                    style = ' stroke-dasharray="4 3"' if dash else ""
                    out.append(
                        f'<line x1="{_n(px(a))}" y1="{_n(py(high))}" x2="{_n(px(b))}" y2="{_n(py(high))}" '
                        f'stroke="{colour}" stroke-width="2"{style}><title>{esc(what)}</title></line>'
                    )
            if row.life:
                out.append(_text(px(sure) + 2, py(high) - 2, "life", extra=' font-size="9"'))
    return "".join(out)


# --- coverage heat map --------------------------------------------------------------------------


def _column_label(ref: str) -> str:
    from kzlaw.refs import parse_ref

    r = parse_ref(ref)
    code = labels.code_label(r.code).replace("Criminal Code ", "")
    return f"{code} art. {r.article} · {r.at or ''}".rstrip(" ·")


def coverage_heatmap(coverage: Coverage) -> str:
    """The coverage matrix as a heat map: Protocol elements (rows) by version (columns), with a legend."""
    from kzlaw.alignment import DEFINITIONAL

    refs = coverage.refs
    names = [_column_label(ref) for ref in refs]
    cell, left, head = 15.0, 290.0, 150.0
    width = max(left + cell * len(refs) + 20, 620.0)
    out = []
    for j, ref in enumerate(refs):
        cx = left + j * cell + cell / 2
        out.append(
            f'<text transform="translate({_n(cx + 3)},{_n(head - 4)}) rotate(-60)" font-size="9">'
            f"{esc(_short(names[j], 34))}<title>{esc(labels.version_label_ref(ref))}</title></text>"
        )
        if j and ref.split("@")[0] != refs[j - 1].split("@")[0]:
            out.append(
                f'<line x1="{_n(left + j * cell)}" y1="{_n(head)}" x2="{_n(left + j * cell)}" '
                f'y2="{_n(head + cell * len(DEFINITIONAL))}" stroke="#333"/>'
            )
    for i, el in enumerate(DEFINITIONAL):
        y = head + i * cell
        out.append(_text(left - 6, y + 11, _short(labels.element_label(el), 46), "end", ' font-size="10"'))
        for j, a in enumerate(coverage.alignments):
            status = a[el].status
            out.append(
                f'<rect x="{_n(left + j * cell)}" y="{_n(y)}" width="{_n(cell - 1)}" height="{_n(cell - 1)}" '
                f'fill="{COLOURS[status]}"><title>{esc(names[j])}: {esc(STATUS_LABELS[status])}</title></rect>'
            )
    bottom = head + cell * len(DEFINITIONAL) + 10
    legend, h = _legend(
        [(_box(COLOURS[s]), STATUS_LABELS[s]) for s in ("constitutive", "aggravating", "absent")]
        + [(_line("#333"), "a new article begins")],
        10,
        bottom,
        width - 20,
    )
    return _svg(width, bottom + h + 4, "Protocol elements by version", "".join(out) + legend)
