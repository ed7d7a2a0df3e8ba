"""Charts (needs the ``plot`` extra: ``pip install 'kzlaw[plot]'``; matplotlib is imported lazily).

Each function draws on ``ax`` if given (as pandas does), else on a new figure, and returns the
``matplotlib.figure.Figure``. Figures render inline in notebooks and as SVG in the report.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import TYPE_CHECKING, Any

from kzlaw.errors import KzlawError

if TYPE_CHECKING:  # pragma: no cover
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


def _axes(ax: Any, size: tuple[float, float], margins: dict[str, float] | None = None) -> tuple[Any, Any]:
    """A new figure with fixed margins (a layout engine would cost a second drawing pass), or ``ax``'s."""
    plt = _pyplot()
    if ax is None:
        fig, ax = plt.subplots(figsize=size)
        fig.subplots_adjust(**(margins or {}))
        return fig, ax
    return ax.figure, ax


def plot_penalties(table: PenaltyTable, ax: Any = None) -> Any:
    """Imprisonment ranges as horizontal bars, one per part (life marked, unknown and none labelled).

    >>> import kzlaw
    >>> fig = plot_penalties(kzlaw.compare_penalties("cc1997/271@2010-01-01", "cc1997/128@2010-01-01"))
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()][-1]  # the first row is drawn at the top
    'cc1997/271@2010-01-01 part 1'
    """
    rows = table.rows
    height = 0.28 * len(rows) + 1.0
    fig, ax = _axes(ax, (9, height), {"left": 0.34, "right": 0.97, "bottom": 0.6 / height, "top": 1 - 0.2 / height})
    top = max([r.imprisonment_max_months or 0 for r in rows] + [12])
    for i, r in enumerate(rows):
        y = len(rows) - 1 - i
        if r.life:
            low = r.imprisonment_min_months or 0
            ax.barh(y, top * 1.1 - low, left=low, color="#7b1e1e")
            ax.text(top * 1.1, y, " life", va="center", fontsize=8)
        elif r.imprisonment_max_months is not None:
            low = r.imprisonment_min_months or 0
            colour = "#c0392b" if r.is_most_aggravated else "#2c7fb8" if r.is_base else "#7fb3d5"
            ax.barh(y, r.imprisonment_max_months - low, left=low, color=colour, hatch=None if r.min_stated else "//")
        else:
            ax.text(0, y, "unknown" if r.unknown else "no imprisonment", va="center", fontsize=8, color="#666")
    ax.set_yticks(range(len(rows)), [f"{r.ref} part {r.part}" for r in reversed(rows)], fontsize=8)
    ax.set_xlabel("imprisonment (months); hatched: no stated minimum")
    ax.set_xlim(0, top * 1.2)
    ax.grid(axis="x", alpha=0.3)
    return fig


def plot_penalty_history(ref: str, corpus: Corpus | None = None, ax: Any = None) -> Any:
    """The maximum and minimum term of each part over time, across the article's lineage.

    Each version runs from its first sure day (or earliest possible one) to the next version's;
    the line is dashed where the range is not confirmed.
    """
    from kzlaw.corpus import resolve_corpus
    from kzlaw.penalties import compare_penalties

    corpus = resolve_corpus(corpus)
    fig, ax = _axes(ax, (8, 3.5), {"left": 0.1, "right": 0.97, "bottom": 0.12, "top": 0.9})
    versions = corpus.history(ref)
    today = dt.date.today()
    starts = [v.reference_day() or today for v in versions]
    ends = [*starts[1:], today]
    for v, start, end in zip(versions, starts, ends, strict=True):
        for r in compare_penalties(v, corpus=corpus).rows:
            if r.imprisonment_max_months is None:
                continue
            style = "-" if not r.unknown else "--"
            ax.plot([start, end], [r.imprisonment_max_months] * 2, style, color="#c0392b", lw=1.5)
            ax.plot([start, end], [r.imprisonment_min_months or 0] * 2, style, color="#2c7fb8", lw=1)
            ax.text(start, r.imprisonment_max_months, f" {r.part}", fontsize=7, va="bottom")
    for start in starts:
        ax.axvline(start, color="#999", lw=0.5)
    ax.set_ylabel("months (red: maximum, blue: minimum)")
    ax.set_title(f"Penalties of {ref} and its lineage, by part", fontsize=10)
    return fig


def plot_coverage(coverage: Coverage, ax: Any = None) -> Any:
    """The coverage matrix as a heat map: provisions x Protocol elements (dark: constitutive)."""
    from kzlaw.alignment import DEFINITIONAL

    refs = coverage.refs
    height = 0.22 * len(refs) + 2.4
    fig, ax = _axes(
        ax,
        (0.4 * len(DEFINITIONAL) + 3, height),
        {"left": 0.25, "right": 0.98, "bottom": 2.0 / height, "top": 1 - 0.3 / height},
    )
    grid = [[_STATUS[coverage.cell(ref, el)] for el in DEFINITIONAL] for ref in refs]
    ax.imshow(grid, cmap="Greens", vmin=0, vmax=2, aspect="auto")
    ax.set_xticks(range(len(DEFINITIONAL)), DEFINITIONAL, rotation=70, ha="right", fontsize=7)
    ax.set_yticks(range(len(refs)), refs, fontsize=7)
    ax.set_title("Protocol elements: dark constitutive, light aggravating only, white absent", fontsize=9)
    return fig


def to_svg(fig: Any) -> str:
    """The figure as inline SVG text (no XML prolog, deterministic ids), and close it."""
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
