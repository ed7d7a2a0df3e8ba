from __future__ import annotations

import csv
import importlib
import io
import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import kzlaw
from kzlaw.enforcement import Enforcement, Figure, Period, Sentence, load_enforcement
from kzlaw.errors import TotalExceededError, UnknownPeriodError
from kzlaw.practice import EnforcementTable, enforcement_table
from kzlaw.present.frame import csv_text
from kzlaw.present.practice import enforcement_section, enforcement_svg
from tests.htmlcheck import check

SOURCES = Path(__file__).parent / "sources"
WORDS = {
    n: {w}
    for n, w in enumerate(
        ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
    )
}
WORDS[1].add("a")


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def data() -> Enforcement:
    return load_enforcement()


@pytest.fixture(scope="module")
def t2009() -> EnforcementTable:
    return enforcement_table("2009")


def fig(data: Enforcement, period: str, measure: str, ref: str = "unspecified", **dims: object) -> Figure:
    want = {"part": None, "exploitation": "unspecified", "nationality": "unspecified", "sentence": None, **dims}
    found = [
        f
        for f in data.figures
        if (f.period.label, f.measure, f.ref) == (period, measure, ref)
        and all(getattr(f, k) == v for k, v in want.items())
    ]
    assert len(found) == 1, found
    return found[0]


def derived(table: EnforcementTable, name: str, period: str = "2009") -> tuple[float | None, str]:
    (d,) = [d for d in table.derived if d.name == name and d.period == period]
    return d.value, d.text


# --- every figure against the words of its source -------------------------------------------------------------------


def test_every_source_is_held_and_counted(data: Enforcement) -> None:
    counts = {
        doc: sum(f.source.document == doc for f in data.figures)
        for doc in ("iphr-2010", "tip-2023", "tip-2003", "mishra-2022")
    }
    assert counts == {"iphr-2010": 28, "tip-2023": 24, "tip-2003": 1, "mishra-2022": 2}
    assert len(data) == 55
    assert all((SOURCES / f"{doc}.txt").is_file() for doc in counts)


@pytest.mark.parametrize("index", range(55))
def test_figure_is_in_its_source(data: Enforcement, index: int) -> None:
    f = data.figures[index]
    text = norm((SOURCES / f"{f.source.document}.txt").read_text(encoding="utf-8"))
    assert norm(f.quote) in text, f.quote
    spelled = {str(f.count), *WORDS.get(f.count, ())}
    assert any(re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", f.quote, re.IGNORECASE) for w in spelled), f.quote
    assert f.source.locator


def test_the_2009_total_and_the_figures_by_article(data: Enforcement) -> None:
    by_article = [f for f in data.select("2009") if f.measure == "cases_opened" and f.ref != "unspecified"]
    assert sorted(f.count for f in by_article) == [7, 8, 8, 16, 20, 212]
    assert sum(f.count for f in by_article) == fig(data, "2009", "cases_opened").count == 271
    assert fig(data, "2009", "cases_opened", "cc1997/125", part="3").count == 8
    assert fig(data, "2009", "cases_to_court").count == 265


def test_sums_against_stated_totals(data: Enforcement) -> None:
    convicted = [fig(data, "2009", "convictions", r).count for r in ("cc1997/128", "cc1997/133", "cc1997/271")]
    assert sum(convicted) == fig(data, "2009", "convictions").count == 198
    assert fig(data, "2009", "convictions", "cc1997/271", part="2").count <= 182
    forms = [
        fig(data, "2022", "victims_identified", exploitation=e).count for e in ("sex_trafficking", "forced_labour")
    ]
    assert sum(forms) == fig(data, "2022", "victims_identified").count == 24
    for form, n in (("sex_trafficking", 21), ("forced_labour", 3)):
        split = [
            fig(data, "2022", "victims_identified", exploitation=form, nationality=x).count
            for x in ("kazakhstani", "foreign")
        ]
        assert sum(split) == n
    assert [fig(data, "2022", "convictions", exploitation=e).count for e in ("sex_trafficking", "forced_labour")] == [
        5,
        1,
    ]
    # the seven prosecutions "for unspecified forms" are the remainder of the stated 18, not a stored figure
    split = [fig(data, "2022", "prosecutions", exploitation=e).count for e in ("sex_trafficking", "forced_labour")]
    assert fig(data, "2022", "prosecutions").count - sum(split) == 7
    assert "seven for unspecified forms" in norm((SOURCES / "tip-2023.txt").read_text(encoding="utf-8"))
    sentences = [f for f in data.figures if f.measure == "sentences_imposed"]
    assert sum(f.count for f in sentences if f.period.label == "2022") == fig(data, "2022", "convictions").count == 6
    assert sum(f.count for f in sentences if f.period.label == "2009") == 21 + 3
    assert fig(data, "2003-2006", "sentences_imposed").count == 22
    assert fig(data, "to 11 June 2003 (report date)", "cases_to_court").count == 0


def test_the_same_2021_figures_from_two_sources(data: Enforcement) -> None:
    for measure, dims, n in (("prosecutions", {}, 49), ("convictions", {"exploitation": "sex_trafficking"}, 23)):
        found = {
            (f.source.document, f.count)
            for f in data.select("2021")
            if f.measure == measure and all(getattr(f, k) == v for k, v in dims.items())
        }
        assert found == {("tip-2023", n), ("mishra-2022", n)}


def test_periods_and_sentences_as_stated() -> None:
    assert Period.parse("2010-H1").start.isoformat() == "2010-01-01"
    assert Period.parse("2010-H1").end.isoformat() == "2010-06-30"
    assert Period.parse("2003-2006").day().isoformat() == "2004-12-31"
    s = Sentence("probation", 41, 41, "months")
    assert (s.min_months, s.max_months, str(s)) == (41, 41, "3 years 5 months probation")
    assert str(Sentence("imprisonment", 5, 10)) == "5-10 years imprisonment"


# --- the joined view ------------------------------------------------------------------------------------------------


def test_rows_are_joined_to_the_version_in_force(t2009: EnforcementTable) -> None:
    rows = {(r.figure.measure, r.figure.ref, r.figure.part): r for r in t2009.rows}
    r271 = rows["cases_opened", "cc1997/271", None]
    assert (r271.version, r271.imprisonment_max_months, r271.gravity) == ("cc1997/271@2009-12-31", 60, "medium gravity")
    assert r271.status == "start uncertain"  # the wording is attested only as the one 'prior to 1 January 2010'
    assert r271.benchmarks["untoc.serious_crime"] == "mixed"  # part 1 (3 years) below, part 2 (5 years) meets
    assert r271.benchmarks["eu.directive_2011_36.base"] == "below"
    r125 = rows["cases_opened", "cc1997/125", "3"]
    assert (r125.imprisonment_min_months, r125.imprisonment_max_months, r125.gravity) == (120, 180, "especially grave")
    assert [p.number for p in r125.parts] == ["3"]
    assert r125.means_required == ("means.abduction",)
    r128 = rows["cases_opened", "cc1997/128", None]
    assert (r128.version, r128.imprisonment_max_months, r128.means_required, r128.all_acts) == (
        "cc1997/128@2006-03-02",
        180,
        (),
        False,
    )
    assert rows["convictions", "cc1997/271", "2"].imprisonment_max_months == 60
    assert rows["cases_opened", "unspecified", None].status == "no article"
    named = [r for r in enforcement_table("2022").rows if r.figure.refs_named]
    assert {r.status for r in named} == {"several articles"}


def test_an_ambiguous_version_is_reported_not_picked(tmp_path: Path) -> None:
    file = write(tmp_path, [{**GOOD, "period": "2021", "ref": "cc2014/134", "quote": "x 3"}])
    (row,) = enforcement_table(data=load_enforcement(file)).rows
    assert row.status == "ambiguous"
    assert row.candidates == ("cc2014/134@292-VI", "cc2014/134@393-VI")
    assert (row.version, row.imprisonment_max_months, row.gravity) == (None, None, None)


# --- derived measures against hand computations ---------------------------------------------------------------------


def test_share_below_the_trafficking_article(t2009: EnforcementTable) -> None:
    value, text = derived(t2009, "cases_opened: share under articles with a lower maximum than cc1997/128")
    assert value == pytest.approx((8 + 7 + 212) / 271)  # arts. 126 (10 y), 270 (7 y), 271 (5 y) against 15 y
    assert "(8 + 7 + 212) / 271 = 227 / 271 = 83.8%" in text
    value, _ = derived(t2009, "convictions: share under articles with a lower maximum than cc1997/128")
    assert value == pytest.approx(182 / 198)  # 271 part 2 (8) is inside the 182 and not counted twice
    value, text = derived(
        enforcement_table("2010-H1"),
        "cases_opened: share under articles with a lower maximum than cc1997/128",
        "2010-H1",
    )
    assert value == pytest.approx((10 + 4 + 110) / (18 + 10 + 8 + 10 + 4 + 110))
    assert "no total stated" in text


def test_case_weighted_mean_maximum(t2009: EnforcementTable) -> None:
    value, text = derived(t2009, "cases_opened: mean maximum penalty weighted by count")
    assert value == pytest.approx((20 * 180 + 16 * 180 + 8 * 180 + 8 * 120 + 7 * 84 + 212 * 60) / 271)
    assert "= 81.9 months (6.8 years)" in text
    value, _ = derived(t2009, "convictions: mean maximum penalty weighted by count")
    assert value == pytest.approx((7 * 180 + 9 * 180 + 182 * 60) / 198)


def test_share_failing_benchmarks(t2009: EnforcementTable) -> None:
    def share(bid: str) -> float | None:
        return derived(t2009, f"cases_opened: share under articles failing {bid}")[0]

    assert share("eu.directive_2011_36.base") == pytest.approx((8 + 212) / (271 - 8))  # not applicable to 125 part 3
    assert share("eu.directive_2011_36.aggravated") == pytest.approx((7 + 212) / 271)
    assert share("kz.rape") == pytest.approx((8 + 212) / 271)  # 270 depends on the part
    assert share("untoc.serious_crime") == 0  # 126 and 271 pass in some parts only
    text = derived(t2009, "cases_opened: share under articles failing untoc.serious_crime")[1]
    assert "depends on the part: cc1997/126 (8), cc1997/271 (212)" in text
    assert not any(d.name.endswith("tvpa.stringent") for d in t2009.derived)  # a judgement, not a count


def test_convictions_against_cases_opened(t2009: EnforcementTable) -> None:
    name = "convictions against cases opened"
    assert derived(t2009, f"{name} (all articles)")[0] == pytest.approx(198 / 271)
    assert derived(t2009, f"{name} (cc1997/128)")[0] == pytest.approx(7 / 20)
    assert derived(t2009, f"{name} (cc1997/271)")[0] == pytest.approx(182 / 212)
    value, text = derived(t2009, f"{name} (cc1997/125 part 3)")
    assert value is None
    assert text.startswith("not comparable")
    value, text = derived(enforcement_table("2022"), name, "2022")
    assert value is None
    assert "no cases_opened" in text


def test_sentences_against_the_prescribed_range() -> None:
    t = enforcement_table("2022")
    texts = [d.text for d in t.derived if d.name == "sentences imposed against the prescribed range"]
    assert len(texts) == 3
    assert "cc2014/128@292-VI: 4-15 years; cc2014/134@393-VI: 3-12 years; cc2014/308@180-VI: up to 7 years" in texts[0]
    assert (
        "In 2022, 4 sentences of 4-15 years imprisonment: within the range of Criminal Code 2014, art. 128 (4-15 years); "
        "the longest (15 years) exceeds the maximum of Criminal Code 2014, art. 134 (12 years) and Criminal Code 2014, "
        "art. 308 (7 years)."
    ) in t.findings
    assert any(
        "the shortest (3 months) is below the minimum of Criminal Code 2014, art. 128 (4 years)" in x
        for x in t.findings
    )
    assert "no article" in next(d.text for d in enforcement_table("2009").derived if d.name.startswith("sentences"))


def test_findings_are_computed(t2009: EnforcementTable) -> None:
    assert round(100 * 212 / 271) == 78
    assert t2009.findings[0] == (
        "In 2009, 78% of cases opened (212 of 271) were under Criminal Code 1997, art. 271, whose maximum is 5 years, "
        "against 15 years under art. 128."
    )
    assert round(100 * 182 / 198) == 92
    assert t2009.findings[2].startswith("In 2009, 92% of persons convicted (182 of 198) were under Criminal Code 1997")
    assert (
        enforcement_table("2010-H1")
        .findings[0]
        .startswith(
            "In the first half of 2010, 69% of cases opened (110 of 160)"  # 110 / (18 + 10 + 8 + 10 + 4 + 110)
        )
    )
    assert "arts. 128, 134 and 308" in enforcement_table("2022").findings[-1]


def test_unknown_period() -> None:
    with pytest.raises(UnknownPeriodError, match="held: 2009, 2010-H1"):
        enforcement_table("2011")


def test_the_module_is_not_shadowed() -> None:
    assert importlib.import_module("kzlaw.enforcement") is sys.modules["kzlaw.enforcement"]
    assert not callable(sys.modules["kzlaw"].__dict__.get("enforcement", None))


# --- outputs --------------------------------------------------------------------------------------------------------


def test_json(t2009: EnforcementTable) -> None:
    d = json.loads(json.dumps(t2009.to_dict()))
    row = next(r for r in d["rows"] if r["ref"] == "cc1997/271" and r["measure"] == "cases_opened")
    keys = ("period", "ref", "measure", "count", "imprisonment_max_months", "gravity")
    assert {k: row[k] for k in keys} == {
        "period": "2009",
        "ref": "cc1997/271",
        "measure": "cases_opened",
        "count": 212,
        "imprisonment_max_months": 60,
        "gravity": "medium gravity",
    }
    assert row["source"] == {"document": "iphr-2010", "locator": row["source"]["locator"]}
    assert d["findings"][0] == t2009.findings[0]
    assert d["derived"][0]["value"] == pytest.approx(227 / 271)
    figures = json.loads(json.dumps(kzlaw.present.json.to_data(load_enforcement())))["figures"]
    assert len(figures) == 55
    assert {"period", "ref", "measure", "count", "source"} <= set(figures[0])


def test_csv_text_markdown_and_frame(t2009: EnforcementTable) -> None:
    rows = list(csv.DictReader(io.StringIO(csv_text(t2009))))
    assert len(rows) == len(t2009.rows) == 18
    r271 = next(r for r in rows if r["ref"] == "cc1997/271" and r["measure"] == "cases_opened")
    assert (r271["version"], r271["imprisonment_max_months"], r271["kz.rape"]) == (
        "cc1997/271@2009-12-31",
        "60",
        "below",
    )
    assert r271["parts"] == "1: up to 3 years (medium gravity); 2: up to 5 years (medium gravity)"
    text = t2009.to_text()
    assert t2009.findings[0] in text
    assert "Derived measures (arithmetic shown):" in text
    assert re.search(r"2009 +cases opened +212 +cc1997/271 +cc1997/271@2009-12-31 \(start uncertain\) +5 years", text)
    md = t2009.to_markdown()
    assert "| Period | Measure | Count |" in md
    assert md.count("\n|") == 2 + 18  # the head, its rule, a line per figure
    frame = t2009.to_dataframe()
    assert int(frame.loc[frame["ref"] == "cc1997/271", "count"].iloc[0]) == 212


def test_html_is_escaped_and_well_formed(tmp_path: Path) -> None:
    file = write(tmp_path, [{**GOOD, "quote": '<script>alert("x")</script> 3', "note": "<b>"}])
    page = enforcement_table(data=load_enforcement(file)).to_html()
    assert "<script>" not in page
    assert "&lt;script&gt;" in page
    check(page)
    assert check(enforcement_table("2009")._repr_html_()).tags.count("tr") == 19


def test_svg_chart(t2009: EnforcementTable) -> None:
    svg = enforcement_svg(enforcement_table())
    root = ET.fromstring(svg)
    bars = root.findall("{http://www.w3.org/2000/svg}rect")
    assert len(bars) == 12  # six articles in each of 2009 and 2010-H1
    fills = [b.get("fill") for b in bars[:6]]
    assert fills == ["#c0392b", "#2c7fb8", "#2c7fb8", "#2c7fb8", "#c0392b", "#c0392b"]  # 271, 128, 133, 125, 126, 270
    assert "art. 271 (max 5 years)" in svg
    assert enforcement_svg(enforcement_table("2022")) == ""


def test_plot_enforcement(t2009: EnforcementTable) -> None:
    pytest.importorskip("matplotlib", reason="charts need matplotlib: pip install 'kzlaw[plot]'")
    from kzlaw.plot_practice import plot_enforcement

    fig = plot_enforcement(enforcement_table())
    assert [a.get_title() for a in fig.axes] == ["2009: cases opened by article", "2010-H1: cases opened by article"]
    assert [p.get_width() for p in fig.axes[0].patches] == [212, 20, 16, 8, 8, 7]
    with pytest.raises(kzlaw.KzlawError, match="nothing to chart"):
        plot_enforcement(enforcement_table("2022"))
    with pytest.raises(kzlaw.KzlawError, match="give as many axes"):
        plot_enforcement(enforcement_table(), ax=fig.axes[0])


def test_report_section(tmp_path: Path) -> None:
    section = enforcement_section()
    check(section)
    assert section.startswith('<section id="practice"><h2>Law in practice</h2>')
    assert enforcement_table("2009").findings[0] in section
    assert "<svg" in section
    assert "iphr-2010</b> (28 figures)" in section
    # a corpus the figures do not fit: the section says why instead of failing the report
    folder = tmp_path / "statutes"
    (folder / "cc1997").mkdir(parents=True)
    (folder / "cc1997" / "128.toml").write_text(
        (kzlaw.loader.bundled_path() / "cc1997" / "128.toml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    small = enforcement_section(kzlaw.load(folder))
    check(small)
    assert "The enforcement figures are not shown" in small
    assert "is not in the corpus" in small


# --- validation -----------------------------------------------------------------------------------------------------

GOOD = {
    "period": "2009",
    "ref": "cc1997/128",
    "measure": "cases_opened",
    "count": 3,
    "unit": "cases",
    "source": {"document": "iphr-2010", "locator": "p. 7"},
    "quote": "3 cases",
}


def write(tmp_path: Path, figures: list[dict[str, object]]) -> Path:
    def value(v: object) -> str:
        if isinstance(v, dict):
            return "{ " + ", ".join(f"{k} = {value(x)}" for k, x in v.items()) + " }"
        if isinstance(v, bool):
            return str(v).lower()
        return str(v) if isinstance(v, int) else json.dumps(v)

    file = tmp_path / "enforcement.toml"
    file.write_text("".join("[[figure]]\n" + "".join(f"{k} = {value(v)}\n" for k, v in f.items()) for f in figures))
    return file


IMPRISONMENT = {"kind": "imprisonment", "minimum": 1, "maximum": 2}


@pytest.mark.parametrize(
    ("change", "error", "field", "words"),
    [
        ({"ref": "cc1997/999"}, kzlaw.UnknownNameError, "figure[0].ref", "'cc1997/999' is not in the corpus"),
        ({"ref": "cc1997/128@2009-01-01"}, kzlaw.UnknownNameError, "figure[0].ref", "names a version"),
        ({"ref": "article 128"}, kzlaw.StatuteSchemaError, "figure[0].ref", "is not a reference"),
        ({"part": "9"}, kzlaw.UnknownNameError, "figure[0].part", "has no part '9'"),
        ({"count": -1}, kzlaw.RangeError, "figure[0].count", "at least 0"),
        ({"count": True}, kzlaw.StatuteSchemaError, "figure[0].count", "expected a whole number"),
        ({"measure": "arrests"}, kzlaw.UnknownNameError, "figure[0].measure", "unknown measure 'arrests'"),
        ({"exploitation": "organs"}, kzlaw.UnknownNameError, "figure[0].exploitation", "unknown exploitation"),
        ({"unit": "people"}, kzlaw.UnknownNameError, "figure[0].unit", "unknown unit 'people'"),
        ({"ref": "cc2014/128"}, kzlaw.PeriodError, "figure[0].period", "outside the validity of Criminal Code 2014"),
        ({"period": "2016"}, kzlaw.PeriodError, "figure[0].period", "outside the validity of Criminal Code 1997"),
        ({"period": "2009-H3"}, kzlaw.PeriodError, "figure[0].period", "is not a period"),
        ({"quote": None}, kzlaw.StatuteSchemaError, "figure[0].quote", "required field 'quote' is missing"),
        ({"quote": "  "}, kzlaw.StatuteSchemaError, "figure[0].quote", "is empty: give the source's exact words"),
        (
            {"source": {"document": "nobody", "locator": "p. 1"}},
            kzlaw.UnknownNameError,
            "figure[0].source.document",
            "'nobody'",
        ),
        ({"source": {"document": "iphr-2010"}}, kzlaw.StatuteSchemaError, "figure[0].source.locator", "is empty"),
        ({"counts": 3}, kzlaw.StatuteSchemaError, "figure[0]", "unexpected field(s) counts"),
        ({"sentence": IMPRISONMENT}, kzlaw.StatuteSchemaError, "figure[0].sentence", "'sentences_imposed' only"),
        ({"refs_named": ["cc1997/271"]}, kzlaw.StatuteSchemaError, "figure[0].refs_named", "'unspecified'"),
        ({"ref": "unspecified", "part": "1"}, kzlaw.StatuteSchemaError, "figure[0].part", "needs the article"),
        (
            {"ref": "unspecified", "refs_named": ["cc1997/99"]},
            kzlaw.UnknownNameError,
            "figure[0].refs_named[0]",
            "not in the corpus",
        ),
        (
            {"measure": "sentences_imposed", "sentence": {**IMPRISONMENT, "minimum": 3}},
            kzlaw.RangeError,
            "figure[0].sentence.minimum",
            "3 to 2 is not a range",
        ),
        (
            {"measure": "sentences_imposed", "sentence": {"kind": "fine"}},
            kzlaw.UnknownNameError,
            "figure[0].sentence.kind",
            "unknown sentence kind 'fine'",
        ),
    ],
)
def test_bad_figures(tmp_path: Path, change: dict[str, object], error: type[Exception], field: str, words: str) -> None:
    bad = {k: v for k, v in {**GOOD, **change}.items() if v is not None}
    file = write(tmp_path, [GOOD, bad])
    with pytest.raises(error, match=re.escape(words)) as info:
        load_enforcement(file)
    assert isinstance(info.value, kzlaw.StatuteError)
    assert str(info.value).startswith(f"{file}: {field.replace('figure[0]', 'figure[1]')}:"), str(info.value)


def test_parts_above_a_stated_total(tmp_path: Path) -> None:
    total = {**GOOD, "ref": "unspecified", "count": 10}
    file = write(tmp_path, [total, {**GOOD, "count": 6}, {**GOOD, "ref": "cc1997/271", "count": 5}])
    with pytest.raises(TotalExceededError, match=re.escape("6 (figure[1]) + 5 (figure[2]) = 11 > 10")) as info:
        load_enforcement(file)
    assert str(info.value).startswith(f"{file}: figure[0].count:")
    # an article's part counts under the article when no figure for the whole article is given
    part = {**GOOD, "ref": "cc1997/125", "part": "3", "count": 5}
    with pytest.raises(TotalExceededError, match=re.escape("6 (figure[1]) + 5 (figure[2]) = 11 > 10")):
        load_enforcement(write(tmp_path, [total, {**GOOD, "count": 6}, part]))
    # ... but not on top of the whole article's figure
    within = {**GOOD, "part": "4", "count": 4}
    assert len(load_enforcement(write(tmp_path, [total, {**GOOD, "count": 6}, within]))) == 3
    # the same parts under another period are not held against this total
    other = {**GOOD, "ref": "cc1997/271", "count": 5, "period": "2010-H1"}
    assert len(load_enforcement(write(tmp_path, [total, {**GOOD, "count": 6}, other]))) == 3
    # forms of exploitation break down their total too
    forms = [{**total, "exploitation": "sex_trafficking", "count": 8}, {**total, "exploitation": "forced_labour"}]
    with pytest.raises(TotalExceededError, match=re.escape("8 (figure[1]) + 10 (figure[2]) = 18 > 10")):
        load_enforcement(write(tmp_path, [total, *forms]))


def test_sentences_above_their_total(tmp_path: Path) -> None:
    conv = {**GOOD, "ref": "unspecified", "measure": "convictions", "unit": "persons", "count": 2}
    sentence = {**conv, "measure": "sentences_imposed", "count": 3, "sentence": IMPRISONMENT}
    with pytest.raises(TotalExceededError, match="3 \\(figure\\[1\\]\\) = 3 > 2"):
        load_enforcement(write(tmp_path, [conv, sentence]))
    stated = {k: v for k, v in sentence.items() if k != "sentence"} | {"count": 2}
    with pytest.raises(TotalExceededError, match="= 3 > 2"):
        load_enforcement(write(tmp_path, [stated, sentence]))


def test_a_file_that_is_not_toml(tmp_path: Path) -> None:
    file = tmp_path / "enforcement.toml"
    file.write_text("[[figure]\n")
    with pytest.raises(kzlaw.StatuteSyntaxError, match="is not valid TOML"):
        load_enforcement(file)
    file.write_text("[figures]\n")
    with pytest.raises(kzlaw.StatuteSchemaError, match=re.escape("unexpected field(s) figures")):
        load_enforcement(file)
    file.write_text("x = " + "[" * 100_000 + "]" * 100_000)  # read as statute files are (kzlaw.tomlparse.read_toml)
    with pytest.raises(kzlaw.StatuteSyntaxError, match="nested too deeply") as caught:
        load_enforcement(file)
    assert str(file) in str(caught.value)
