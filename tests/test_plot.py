from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import attrs
import pytest

import kzlaw
import kzlaw.present.labels
from kzlaw.present import svg
from kzlaw.when import When

HOSTILE = '$\\frac{$<script>alert(1)</script>"&\x1b\x00'


def _row(**changes: object) -> kzlaw.PenaltyRow:
    row = kzlaw.compare_penalties("cc1997/128@2006-03-02").rows[0]
    return attrs.evolve(row, **changes)


def _parse(text: str) -> ET.Element:
    """The SVG parses as XML (so nothing broke out of a text node or an attribute)."""
    return ET.fromstring(text)


def test_penalty_ranges_escape_hostile_labels_and_survive_extremes() -> None:
    rows = [
        _row(part=HOSTILE, ref="cc1997/128@2006-03-02"),
        _row(part="2", imprisonment_max_months=8 * 10**17 * 12, imprisonment_min_months=10**18),
        _row(part="3", imprisonment_max_months=None, life=None, unknown=HOSTILE),
        _row(part="4", life=True, imprisonment_min_months=None),
        _row(part="5", imprisonment_max_months=0, imprisonment_min_months=0, min_stated=False),
    ]
    text = svg.penalty_ranges(rows, title=HOSTILE)
    root = _parse(text)
    assert "<script>" not in text
    assert "\x1b" not in text
    assert "\x00" not in text
    assert "&lt;script&gt;" in text
    assert "> 100 years" in "".join(root.itertext())  # the huge maximum is drawn at the edge, marked
    for value in ("nan", "inf", "e+"):
        assert value not in text


def test_penalty_ranges_has_a_legend_of_the_colours() -> None:
    text = svg.penalty_ranges(kzlaw.compare_penalties("cc2014/128@latest").rows)
    words = "".join(_parse(text).itertext())
    for label in ("base offence (part 1)", "most aggravated part", "other parts", "life imprisonment available"):
        assert label in words
    assert svg.COLOURS["base"] in text
    assert svg.COLOURS["aggravated"] in text


def test_penalty_history_is_one_figure_of_small_multiples(corpus: kzlaw.Corpus) -> None:
    articles = corpus.select(role="offence")
    text = svg.penalty_history(articles, corpus, today=dt.date(2026, 1, 1))
    root = _parse(text)
    assert text.count("<svg") == 1
    heads = [e for e in root.iter("{http://www.w3.org/2000/svg}text") if e.get("font-weight") == "600"]
    assert [(e.text or "").split(":")[0] for e in heads] == [
        kzlaw.present.labels.article_label(a.ref) for a in articles
    ]


def test_history_lines_end_where_versions_end(corpus: kzlaw.Corpus) -> None:
    # cc1997/275-1 ends with the 1997 code; its line must not run to "today" (2040 here).
    art = corpus.article("cc1997/275-1")
    late = svg.penalty_history([art, corpus.article("cc2014/128")], corpus, today=dt.date(2040, 1, 1))
    lines = [e for e in _parse(late).iter("{http://www.w3.org/2000/svg}line") if e.get("stroke") == "#c0392b"]
    first_panel = [float(e.get("x2", 0)) for e in lines if float(e.get("x2", 0)) < 316]
    assert first_panel
    assert max(first_panel) < 10 + 30 + (300 - 36) * 0.6


def test_history_survives_extreme_dates(corpus: kzlaw.Corpus) -> None:
    art = corpus.article("cc1997/270")
    v0 = art.versions[0]
    odd = attrs.evolve(v0, valid_from=When(dt.date(1, 1, 1), dt.date(1, 1, 1)))
    text = svg.penalty_history([attrs.evolve(art, versions=(odd, *art.versions[1:]))], corpus)
    _parse(text)
    assert "nan" not in text
    assert "inf" not in text


def test_coverage_heatmap_escapes_and_has_a_legend(corpus: kzlaw.Corpus) -> None:
    cov = kzlaw.align(["cc1997/128@2006-03-01", "cc1997/128@2006-03-02"])
    text = svg.coverage_heatmap(cov)
    words = "".join(_parse(text).itertext())
    for label in ("in the base offence", "only as an aggravating circumstance", "absent", "deception"):
        assert label in words
    assert svg.esc(HOSTILE).count("<") == 0
    assert "&quot;" in svg.esc('"')


# --- matplotlib, for notebooks ----------------------------------------------------------------

mpl = pytest.importorskip("matplotlib", reason="the matplotlib charts need the plot extra: pip install 'kzlaw[plot]'")


def test_plots_return_figures_that_show_inline() -> None:
    from matplotlib.figure import Figure

    from kzlaw.plot import plot_coverage, plot_penalties, plot_penalty_history, to_svg

    backend = mpl.get_backend()
    fig = plot_penalty_history("cc2014/135")
    assert isinstance(fig, Figure)
    assert fig.axes[0].get_title() == "Penalties of cc2014/135 and its lineage, by part"
    assert fig.axes[0].get_legend() is not None
    assert mpl.get_backend() == backend  # kzlaw never chooses a backend
    cov = kzlaw.align(["cc1997/128@2006-03-01", "cc1997/128@2006-03-02"])
    fig = plot_coverage(cov)
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == list(cov.refs)
    svg_text = to_svg(plot_penalties(kzlaw.compare_penalties("cc2014/120@2015-01-01")))
    assert svg_text.startswith("<svg")
    assert "life" in svg_text


def test_a_figure_reaches_the_inline_display_formatter() -> None:
    # What a notebook does: the inline backend is active and IPython formats the returned figure as a PNG.
    from IPython.core.interactiveshell import InteractiveShell
    from IPython.core.pylabtools import select_figure_formats

    from kzlaw.plot import plot_penalties

    before = mpl.get_backend()
    mpl.use("module://matplotlib_inline.backend_inline")
    try:
        shell = InteractiveShell.instance()
        select_figure_formats(shell, {"png"})
        fig = plot_penalties(kzlaw.compare_penalties("cc2014/120@2015-01-01"))
        assert mpl.get_backend() == "module://matplotlib_inline.backend_inline"  # kzlaw left it alone
        data, _ = shell.display_formatter.format(fig)
        assert data["image/png"][:4] in (b"\x89PNG", "iVBO")
    finally:
        InteractiveShell.clear_instance()
        mpl.use(before)


def test_plot_module_never_forces_a_backend() -> None:
    import inspect

    import kzlaw.plot

    assert "matplotlib.use(" not in inspect.getsource(kzlaw.plot).replace("``matplotlib.use()``", "")


def test_plot_functions_are_typed_figures() -> None:
    import typing

    import kzlaw.plot

    for name in ("plot_penalties", "plot_penalty_history", "plot_coverage"):
        hints = typing.get_type_hints(getattr(kzlaw.plot, name), globalns={**vars(kzlaw.plot), **_mpl_names()})
        assert hints["return"].__name__ == "Figure", name


def _mpl_names() -> dict[str, object]:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from kzlaw.alignment import Coverage
    from kzlaw.corpus import Corpus
    from kzlaw.penalties import PenaltyTable

    return {"Axes": Axes, "Figure": Figure, "Coverage": Coverage, "Corpus": Corpus, "PenaltyTable": PenaltyTable}
