from __future__ import annotations

import json
from pathlib import Path

import attrs
import pytest

import kzlaw
from kzlaw.cli import main
from kzlaw.report import build_report
from tests.htmlcheck import check


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_report(tmp_path_factory.mktemp("report"))


def test_report_is_well_formed_and_complete(report: Path) -> None:
    text = report.read_text(encoding="utf-8")
    parsed = check(text)
    corpus = kzlaw.load()
    for art in corpus.select(role="offence"):
        assert f'id="{art.ref}"' in text
        for v in art.versions:
            assert v.ref in text
    for heading in ("Coverage of the UN Protocol", "Penalties across articles", "Amendments", "Protocol alignment",
                    "Amending laws", "Sources"):  # fmt: skip
        assert heading in text
    assert "deception moved from the base offence (part 1) to part 2(h)" in text
    assert {"svg", "del", "ins", "details", "table"} <= set(parsed.tags)
    import re

    # Opens from disk: nothing is loaded from elsewhere (XML namespace names are identifiers, not loads).
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//|url\(\s*["']?(https?:)?//|@import""", text)
    assert text.count("<style>") <= 2 + text.count("<svg")


def test_report_json(report: Path) -> None:
    data = json.loads((report.parent / "report.json").read_text(encoding="utf-8"))
    assert {"articles", "coverage", "penalties"} <= set(data)
    (art128,) = [a for a in data["articles"] if a["ref"] == "cc1997/128"]
    assert art128["amendments"][0]["old"] == "cc1997/128@2006-03-01"
    assert art128["alignment"][0]["elements"]["means.deception"]["status"] == "constitutive"


def test_report_escapes_statute_text(tmp_path: Path) -> None:
    corpus = kzlaw.load()
    art = corpus.article("cc1997/271")
    from tests.conftest import reword

    v0 = art.versions[0]
    evil = reword(v0, title="<script>alert(1)</script>", parts={v0.parts[0].id: "</table><b>x"})
    evil_corpus = attrs.evolve(
        corpus, articles={**corpus.articles, art.ref: attrs.evolve(art, versions=(evil, *art.versions[1:]))}
    )
    index = build_report(tmp_path, ["cc1997/271"], evil_corpus)
    text = index.read_text(encoding="utf-8")
    check(text)
    assert "<script>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "&lt;/table&gt;&lt;b&gt;x" in text


def test_chosen_articles_and_progress(tmp_path: Path) -> None:
    seen: list[tuple[int, int, str]] = []
    index = build_report(tmp_path, ["cc1997/128@2006-03-02", "cc2014/128"], progress=lambda *a: seen.append(a))
    assert seen == [(1, 2, "cc1997/128"), (2, 2, "cc2014/128")]
    text = index.read_text(encoding="utf-8")
    assert 'id="cc2014/128"' in text
    assert 'id="cc1997/133"' not in text


def test_without_matplotlib_the_report_says_how_to_get_charts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import kzlaw.plot

    monkeypatch.setattr(kzlaw.plot, "available", lambda: False)
    text = build_report(tmp_path, ["cc1997/270"]).read_text(encoding="utf-8")
    assert "pip install 'kzlaw[plot]'" in text
    assert "<svg" not in text


def test_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "cc1997/270", "-o", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"report written to {tmp_path / 'out' / 'index.html'}")
    assert (tmp_path / "out" / "report.json").is_file()


def test_plots_return_figures() -> None:
    from kzlaw.plot import plot_coverage, plot_penalties, plot_penalty_history, to_svg

    fig = plot_penalty_history("cc2014/135")
    assert fig.axes[0].get_title() == "Penalties of cc2014/135 and its lineage, by part"
    cov = kzlaw.align(["cc1997/128@2006-03-01", "cc1997/128@2006-03-02"])
    fig = plot_coverage(cov)
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == list(cov.refs)
    svg = to_svg(plot_penalties(kzlaw.compare_penalties("cc2014/120@2015-01-01")))
    assert svg.startswith("<svg")
    assert "life" in svg
