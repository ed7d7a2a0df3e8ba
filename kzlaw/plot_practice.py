"""The chart of law in practice (re-exported from :mod:`kzlaw.plot`; needs the ``plot`` extra).

matplotlib is imported only when a chart is drawn, and no backend is ever chosen here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from kzlaw.errors import KzlawError

if TYPE_CHECKING:  # pragma: no cover
    from kzlaw.practice import EnforcementTable

__all__ = ["plot_enforcement"]

_BELOW, _NOT_BELOW, _UNKNOWN = "#c0392b", "#2c7fb8", "#999999"


def plot_enforcement(table: EnforcementTable, ax: Any = None) -> Any:
    """Cases opened by article against each article's maximum penalty, one panel per period.

    Each bar is an article (or the part the source names) with its count of cases; its label gives the maximum
    penalty of the version in force then. Red bars: a maximum below the trafficking article's (art. 128); blue:
    not below; grey: unknown. ``ax`` is one Axes (for a table of one period) or a sequence of them, one per period.

    Returns:
        The ``matplotlib.figure.Figure``.

    Raises:
        KzlawError: matplotlib is not installed, no period of the table gives cases by article, or ``ax`` does not
            give one Axes per period.

    >>> import kzlaw
    >>> from kzlaw.practice import enforcement_table
    >>> fig = plot_enforcement(enforcement_table("2009"))
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()][0]  # the largest count is drawn at the top
    'art. 271 (max 5 years)'
    """
    from kzlaw.plot import _pyplot
    from kzlaw.present.practice import _bar_label, _panels

    panels = _panels(table)
    if not panels:
        raise KzlawError("no period of this table gives cases opened by article: nothing to chart")
    if ax is None:
        height = sum(0.32 * len(rows) + 0.9 for _, rows, _ in panels)
        fig, axes = _pyplot().subplots(len(panels), 1, figsize=(8, height), squeeze=False)
        axes = [a[0] for a in axes]
        fig.subplots_adjust(left=0.3, right=0.95, top=0.95, bottom=0.08, hspace=0.6)
    else:
        axes = list(ax) if isinstance(ax, Sequence) else [ax]
        if len(axes) != len(panels):
            raise KzlawError(f"the table has {len(panels)} periods with cases by article; give as many axes")
        fig = axes[0].figure
    for a, (period, rows, traf) in zip(axes, panels, strict=True):
        colours = [_UNKNOWN if r.top < 0 else _BELOW if traf is not None and r.top < traf else _NOT_BELOW for r in rows]
        y = list(range(len(rows)))[::-1]
        a.barh(y, [r.figure.count for r in rows], color=colours)
        a.set_yticks(y, [_bar_label(r) for r in rows], fontsize=8)
        for yy, r in zip(y, rows, strict=True):
            a.text(r.figure.count, yy, f" {r.figure.count}", va="center", fontsize=8)
        a.set_title(f"{period}: cases opened by article", fontsize=10)
        a.set_xlim(0, max(r.figure.count for r in rows) * 1.15)
    axes[-1].set_xlabel("cases opened (red: maximum below art. 128's; blue: not below; grey: unknown)", fontsize=8)
    return fig
