"""Charts for notebooks (needs the ``plot`` extra: ``pip install 'kzlaw[plot]'``; matplotlib is imported lazily).

Each function draws on ``ax`` if given (as pandas does), else on a new figure, and returns the
:class:`matplotlib.figure.Figure`, which a notebook displays inline. kzlaw never chooses a backend
(no ``matplotlib.use()``), so the notebook's own inline backend stays in charge. The HTML report
does not need matplotlib: it draws its charts as inline SVG (:mod:`kzlaw.present.svg`).
"""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import TYPE_CHECKING, Any

from kzlaw.errors import KzlawError

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from kzlaw.alignment import Coverage
    from kzlaw.corpus import Corpus
    from kzlaw.penalties import PenaltyTable

__all__ = ["available", "plot_coverage", "plot_enforcement", "plot_penalties", "plot_penalty_history", "to_svg"]

_STATUS = {"constitutive": 2, "aggravating": 1, "absent": 0}


def available() -> bool:
    """Whether matplotlib is installed."""
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        return False
    return True


def _pyplot() -> Any:
    try:  # never choose a backend: a notebook's inline backend must stay in charge
        import matplotlib.pyplot as plt
    except ImportError as err:  # pragma: no cover - depends on the environment
        raise KzlawError("charts need matplotlib: pip install 'kzlaw[plot]'") from err
    return plt


def _axes(ax: Axes | None, size: tuple[float, float], margins: dict[str, float] | None = None) -> tuple[Any, Any]:
    """A new figure with fixed margins (a layout engine would cost a second drawing pass), or ``ax``'s."""
    plt = _pyplot()
    if ax is None:
        fig, ax = plt.subplots(figsize=size)
        fig.subplots_adjust(**(margins or {}))
        return fig, ax
    return ax.figure, ax


def plot_penalties(table: PenaltyTable, ax: Axes | None = None) -> Figure:
    """Imprisonment ranges as horizontal bars, one per part (life marked, unknown and none labelled).

    Args:
        table: The rows to draw, from :func:`kzlaw.compare_penalties` or :func:`kzlaw.penalty_history`.
        ax: The matplotlib axes to draw on; a new figure by default.

    Returns:
        The figure (a notebook shows it inline).

    >>> import kzlaw
    >>> fig = plot_penalties(kzlaw.compare_penalties("cc1997/271@2010-01-01", "cc1997/128@2010-01-01"))
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()][-1]  # the first row is drawn at the top
    'cc1997/271@2010-01-01 part 1'
    """
    from matplotlib.patches import Patch

    rows = table.rows
    height = 0.28 * len(rows) + 1.0
    fig, axes = _axes(ax, (9, height), {"left": 0.34, "right": 0.97, "bottom": 0.6 / height, "top": 1 - 0.2 / height})
    top = max([r.imprisonment_max_months or 0 for r in rows] + [12])
    for i, r in enumerate(rows):
        y = len(rows) - 1 - i
        if r.life:
            low = r.imprisonment_min_months or 0
            axes.barh(y, top * 1.1 - low, left=low, color="#7b1e1e")
            axes.text(top * 1.1, y, " life", va="center", fontsize=8)
        elif r.imprisonment_max_months is not None:
            low = r.imprisonment_min_months or 0
            colour = "#c0392b" if r.is_most_aggravated else "#2c7fb8" if r.is_base else "#7fb3d5"
            axes.barh(y, r.imprisonment_max_months - low, left=low, color=colour, hatch=None if r.min_stated else "//")
        else:
            axes.text(0, y, "unknown" if r.unknown else "no imprisonment", va="center", fontsize=8, color="#666")
    axes.set_yticks(range(len(rows)), [f"{r.ref} part {r.part}" for r in reversed(rows)], fontsize=8)
    axes.set_xlabel("imprisonment (months); hatched: no stated minimum")
    axes.set_xlim(0, top * 1.75)  # room on the right for the legend
    axes.grid(axis="x", alpha=0.3)
    axes.legend(
        handles=[
            Patch(color="#2c7fb8", label="base offence (part 1)"),
            Patch(color="#c0392b", label="most aggravated part"),
            Patch(color="#7fb3d5", label="other parts"),
            Patch(color="#7b1e1e", label="life imprisonment"),
        ],
        fontsize=7,
        loc="center right",
    )
    return fig  # type: ignore[no-any-return]


def plot_penalty_history(ref: str, corpus: Corpus | None = None, ax: Axes | None = None) -> Figure:
    """The maximum and minimum term of each part over time, across the article's lineage.

    Each version runs from its first sure day (or earliest possible one) to where it ends: its
    ``valid_to``, its code's repeal, or today only while it is in force. The line is dashed where
    the range is not confirmed.

    Args:
        ref: An article reference (``cc2014/135``); its predecessors and successors are drawn too.
        corpus: The corpus to read; the bundled one by default.
        ax: The matplotlib axes to draw on; a new figure by default.

    Returns:
        The figure (a notebook shows it inline).
    """
    from matplotlib.lines import Line2D

    from kzlaw.corpus import resolve_corpus
    from kzlaw.penalties import compare_penalties

    corpus = resolve_corpus(corpus)
    fig, axes = _axes(ax, (8, 3.5), {"left": 0.1, "right": 0.97, "bottom": 0.12, "top": 0.9})
    versions = corpus.history(ref)
    today = dt.date.today()
    starts = [v.reference_day() or today for v in versions]
    ends = [_end(v, corpus, today) for v in versions]
    for v, start, end in zip(versions, starts, ends, strict=True):
        for r in compare_penalties(v, corpus=corpus).rows:
            if r.imprisonment_max_months is None:
                continue
            style = "-" if not r.unknown else "--"
            axes.plot([start, end], [r.imprisonment_max_months] * 2, style, color="#c0392b", lw=1.5)
            axes.plot([start, end], [r.imprisonment_min_months or 0] * 2, style, color="#2c7fb8", lw=1)
            axes.text(start, r.imprisonment_max_months, f" {r.part}", fontsize=7, va="bottom")
    for start in starts:
        axes.axvline(start, color="#999", lw=0.5)
    axes.set_ylabel("months")
    axes.legend(
        handles=[
            Line2D([], [], color="#c0392b", lw=1.5, label="maximum"),
            Line2D([], [], color="#2c7fb8", lw=1, label="minimum"),
            Line2D([], [], color="#555", ls="--", lw=1, label="not confirmed"),
        ],
        fontsize=7,
        loc="upper left",
    )
    axes.set_title(f"Penalties of {ref} and its lineage, by part", fontsize=10)
    return fig  # type: ignore[no-any-return]


def _end(v: Any, corpus: Corpus, today: dt.date) -> dt.date:
    """Where a version's line ends: its valid_to (earliest bound), its code's repeal, else today."""
    if v.valid_to is not None:
        end = v.valid_to.earliest or v.valid_to.latest
        if end is not None:
            return end  # type: ignore[no-any-return]
    art = corpus.articles.get(v.article_ref)
    repeal = art.in_force_to if art is not None else None
    return min(repeal, today) if repeal is not None else today


def plot_coverage(coverage: Coverage, ax: Axes | None = None) -> Figure:
    """The coverage matrix as a heat map: provisions x Protocol elements (dark: constitutive).

    Args:
        coverage: A :class:`~kzlaw.alignment.Coverage` from :func:`kzlaw.align` over several versions.
        ax: The matplotlib axes to draw on; a new figure by default.

    Returns:
        The figure (a notebook shows it inline).
    """
    from kzlaw.alignment import DEFINITIONAL

    refs = coverage.refs
    height = 0.22 * len(refs) + 2.4
    fig, axes = _axes(
        ax,
        (0.4 * len(DEFINITIONAL) + 3, height),
        {"left": 0.25, "right": 0.98, "bottom": 2.0 / height, "top": 1 - 0.3 / height},
    )
    grid = [[_STATUS[coverage.cell(ref, el)] for el in DEFINITIONAL] for ref in refs]
    axes.imshow(grid, cmap="Greens", vmin=0, vmax=2, aspect="auto")
    axes.set_xticks(range(len(DEFINITIONAL)), DEFINITIONAL, rotation=70, ha="right", fontsize=7)
    axes.set_yticks(range(len(refs)), refs, fontsize=7)
    axes.set_title("Protocol elements: dark constitutive, light aggravating only, white absent", fontsize=9)
    return fig  # type: ignore[no-any-return]


def to_svg(fig: Figure) -> str:
    """The figure as inline SVG text (no XML prolog, deterministic ids), and close it.

    Args:
        fig: A figure from one of the functions above.

    Returns:
        The ``<svg>`` element as text.
    """
    plt = _pyplot()
    buf = io.StringIO()
    with plt.rc_context({"svg.hashsalt": "kzlaw", "svg.fonttype": "none"}):
        fig.savefig(buf, format="svg", metadata={"Date": None})
    plt.close(fig)
    text = buf.getvalue()
    return re.sub(r"<metadata>.*?</metadata>", "", text[text.index("<svg") :], flags=re.S)


def plot_enforcement(table: Any, ax: Any = None) -> Any:
    """Cases by article against the article's maximum penalty, one panel per period (see :mod:`kzlaw.plot_practice`)."""
    from kzlaw.plot_practice import plot_enforcement as draw

    return draw(table, ax)
