from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

import kzlaw
from kzlaw.enforcement import (
    Enforcement,
    EnforcementTable,
    Figure,
    TotalExceededError,
    UnknownPeriodError,
    enforcement,
    enforcement_command,
    load_enforcement,
)
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
    return enforcement("2009")


def fig(data: Enforcement, period: str, measure: str, ref: str = "unspecified", **dims: object) -> Figure:
    found = [
        f
        for f in data.figures
        if (f.period.label, f.measure, f.ref) == (period, measure, ref)
        and all(
            getattr(f, k) == v
            for k, v in {
                "part": None,
                "exploitation": "unspecified",
                "nationality": "unspecified",
                "sentence": None,
                **dims,
            }.items()
        )
    ]
    assert len(found) == 1, found
    return found[0]


def derived(table: EnforcementTable, name: str, period: str = "2009") -> tuple[float | None, str]:
    (d,) = [d for d in table.derived if d.name == name and d.period == period]
    return d.value, d.text


# --- every figure against the words of its source -------------------------------------------------------------------


def test_every_source_is_held_and_counted() -> None:
    figures = load_enforcement().figures
    counts = {
        doc: sum(f.source.document == doc for f in figures)
        for doc in ("iphr-2010", "tip-2023", "tip-2003", "mishra-2022")
    }
    assert counts == {"iphr-2010": 28, "tip-2023": 24, "tip-2003": 1, "mishra-2022": 2}
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
    by_article = [
        f for f in data.figures if f.period.label == "2009" and f.measure == "cases_opened" and f.ref != "unspecified"
    ]
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
        by_nationality = [
            fig(data, "2022", "victims_identified", exploitation=form, nationality=x).count
            for x in ("kazakhstani", "foreign")
        ]
        assert sum(by_nationality) == n
    assert [fig(data, "2022", "convictions", exploitation=e).count for e in ("sex_trafficking", "forced_labour")] == [
        5,
        1,
    ]
    # the seven prosecutions "for unspecified forms" are the remainder of the stated 18, not a stored figure
    split = [fig(data, "2022", "prosecutions", exploitation=e).count for e in ("sex_trafficking", "forced_labour")]
    assert fig(data, "2022", "prosecutions").count - sum(split) == 7
    assert "seven for unspecified forms" in norm((SOURCES / "tip-2023.txt").read_text(encoding="utf-8"))
    # sentences: 4 + 1 + 1 for the six convictions of 2022, 14 + 9 + 1 for the 21 + 3 of 2009
    sentences = [f for f in data.figures if f.measure == "sentences_imposed"]
    assert sum(f.count for f in sentences if f.period.label == "2022") == 6
    assert sum(f.count for f in sentences if f.period.label == "2009") == 21 + 3
    assert fig(data, "2003-2006", "sentences_imposed").count == 22
    assert fig(data, "to 11 June 2003 (report date)", "cases_to_court").count == 0


def test_the_same_2021_figures_from_two_sources(data: Enforcement) -> None:
    for measure, dims, n in (("prosecutions", {}, 49), ("convictions", {"exploitation": "sex_trafficking"}, 23)):
        found = {
            f.count
            for f in data.figures
            if (f.period.label, f.measure) == ("2021", measure) and all(getattr(f, k) == v for k, v in dims.items())
        }
        assert found == {n}


# --- the joined view ------------------------------------------------------------------------------------------------


def test_rows_are_joined_to_the_version_in_force(t2009: EnforcementTable) -> None:
    rows = {(r.figure.measure, r.figure.ref, r.figure.part): r for r in t2009.rows}
    r271 = rows["cases_opened", "cc1997/271", None]
    assert (r271.version, r271.imprisonment_max_months, r271.gravity) == ("cc1997/271@2009-12-31", 60, "medium gravity")
    assert r271.status == "start uncertain"  # the wording is attested only as the one 'prior to 1 January 2010'
    assert r271.benchmarks["untoc.serious_crime"] == "mixed"
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


def test_an_ambiguous_version_is_reported_not_picked(tmp_path: Path) -> None:
    file = write(tmp_path, [{**GOOD, "period": "2021", "ref": "cc2014/134", "quote": "x 3"}])
    (row,) = enforcement(data=load_enforcement(file)).rows
    assert row.status == "ambiguous"
    assert row.candidates == ("cc2014/134@292-VI", "cc2014/134@393-VI")
    assert row.version is None
    assert row.imprisonment_max_months is None


# --- derived measures against hand computations ---------------------------------------------------------------------


def test_share_below_the_trafficking_article(t2009: EnforcementTable) -> None:
    value, text = derived(t2009, "cases_opened: share under articles with a lower maximum than cc1997/128")
    assert value == pytest.approx((8 + 7 + 212) / 271)  # arts. 126 (10 y), 270 (7 y), 271 (5 y) against 15 y
    assert "(8 + 7 + 212) / 271 = 227 / 271 = 83.8%" in text
    value, _ = derived(t2009, "convictions: share under articles with a lower maximum than cc1997/128")
    assert value == pytest.approx(182 / 198)
    value, text = derived(
        enforcement("2010-H1"), "cases_opened: share under articles with a lower maximum than cc1997/128", "2010-H1"
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
    assert (
        "depends on the part: cc1997/126 (8), cc1997/271 (212)"
        in derived(t2009, "cases_opened: share under articles failing untoc.serious_crime")[1]
    )


def test_convictions_against_cases_opened(t2009: EnforcementTable) -> None:
    name = "convictions against cases opened"
    assert derived(t2009, f"{name} (all articles)")[0] == pytest.approx(198 / 271)
    assert derived(t2009, f"{name} (cc1997/128)")[0] == pytest.approx(7 / 20)
    assert derived(t2009, f"{name} (cc1997/271)")[0] == pytest.approx(182 / 212)
    value, text = derived(t2009, f"{name} (cc1997/125 part 3)")
    assert value is None
    assert text.startswith("not comparable")
    value, text = derived(enforcement("2022"), name, "2022")
    assert value is None
    assert "no cases_opened" in text


def test_sentences_against_the_prescribed_range() -> None:
    t = enforcement("2022")
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
    assert "no article" in next(d.text for d in enforcement("2009").derived if d.name.startswith("sentences"))


def test_findings_of_2009(t2009: EnforcementTable) -> None:
    assert t2009.findings[0] == (
        "In 2009, 78% of cases opened (212 of 271) were under Criminal Code 1997, art. 271, whose maximum is 5 years, "
        "against 15 years under art. 128."
    )
    assert "In 2009, 92% of persons convicted (182 of 198) were under Criminal Code 1997, art. 271" in t2009.findings[2]
    assert round(100 * 212 / 271) == 78


# --- outputs --------------------------------------------------------------------------------------------------------


def test_outputs(t2009: EnforcementTable) -> None:
    d = json.loads(json.dumps(t2009.to_dict(), default=str))
    row = next(r for r in d["rows"] if r["ref"] == "cc1997/271" and r["measure"] == "cases_opened")
    assert {k: row[k] for k in ("period", "count", "imprisonment_max_months", "gravity")} == {
        "period": "2009",
        "count": 212,
        "imprisonment_max_months": 60,
        "gravity": "medium gravity",
    }
    assert row["source"] == {"document": "iphr-2010", "locator": row["source"]["locator"]}
    rows = t2009.to_rows()
    assert len(rows) == len(t2009.rows) == 18
    out = io.StringIO()
    csv.DictWriter(out, fieldnames=list(rows[0])).writerows(rows)
    assert "cc1997/271@2009-12-31" in out.getvalue()
    text = t2009.to_text()
    assert t2009.findings[0] in text
    assert "Derived:" in text
    frame = t2009.to_dataframe()
    assert int(frame.loc[frame["ref"] == "cc1997/271", "count"].iloc[0]) == 212


def test_html_is_escaped_and_well_formed(tmp_path: Path) -> None:
    file = write(tmp_path, [{**GOOD, "quote": '<script>alert("x")</script> 3', "note": "<b>"}])
    page = enforcement(data=load_enforcement(file)).to_html()
    assert "<script>" not in page
    assert "&lt;script&gt;" in page
    check(page)
    assert check(enforcement("2009")._repr_html_()).tags.count("tr") == 19


def test_cli(capsys: pytest.CaptureFixture[str]) -> None:
    assert enforcement_command(["2009"]) == 0
    assert "78% of cases opened (212 of 271)" in capsys.readouterr().out
    assert enforcement_command(["2009", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["findings"][0].startswith("In 2009, 78%")
    assert enforcement_command(["2010-H1", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [int(r["count"]) for r in rows] == [18, 10, 8, 10, 4, 110]
    assert enforcement_command(["1990"]) == 2
    assert "no figures for period '1990'" in capsys.readouterr().err


def test_unknown_period() -> None:
    with pytest.raises(UnknownPeriodError, match="held: 2009, 2010-H1"):
        enforcement("2011")


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
        return str(v) if isinstance(v, int) else json.dumps(v)

    file = tmp_path / "enforcement.toml"
    file.write_text("".join("[[figure]]\n" + "".join(f"{k} = {value(v)}\n" for k, v in f.items()) for f in figures))
    return file


@pytest.mark.parametrize(
    ("change", "error", "field", "words"),
    [
        ({"ref": "cc1997/999"}, kzlaw.UnknownNameError, "figure[0].ref", "not in the corpus"),
        ({"ref": "cc1997/128@2009-01-01"}, kzlaw.UnknownNameError, "figure[0].ref", "not in the corpus"),
        ({"part": "9"}, kzlaw.UnknownNameError, "figure[0].part", "has no part '9'"),
        ({"count": -1}, kzlaw.RangeError, "figure[0].count", "at least 0"),
        ({"measure": "arrests"}, kzlaw.UnknownNameError, "figure[0].measure", "unknown measure 'arrests'"),
        ({"exploitation": "organs"}, kzlaw.UnknownNameError, "figure[0].exploitation", "unknown exploitation"),
        ({"ref": "cc2014/128"}, kzlaw.PeriodError, "figure[0].period", "outside the validity of cc2014"),
        ({"period": "2016"}, kzlaw.PeriodError, "figure[0].period", "outside the validity of cc1997"),
        ({"period": "2009-H3"}, kzlaw.PeriodError, "figure[0].period", "is not a period"),
        ({"quote": ""}, kzlaw.StatuteSchemaError, "figure[0].quote", "required field missing"),
        ({"quote": None}, kzlaw.StatuteSchemaError, "figure[0].quote", "required field missing"),
        (
            {"source": {"document": "nobody", "locator": "p. 1"}},
            kzlaw.UnknownNameError,
            "figure[0].source",
            "sources.toml",
        ),
        ({"counts": 3}, kzlaw.StatuteSchemaError, "figure[0]", "unexpected field"),
    ],
)
def test_bad_figures(tmp_path: Path, change: dict[str, object], error: type[Exception], field: str, words: str) -> None:
    bad = {k: v for k, v in {**GOOD, **change}.items() if v is not None}
    file = write(tmp_path, [bad])
    with pytest.raises(error, match=re.escape(words)) as info:
        load_enforcement(file)
    assert isinstance(info.value, kzlaw.StatuteError)
    assert str(info.value).startswith(f"{file}: {field}:")


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
    assert len(load_enforcement(write(tmp_path, [total, {**GOOD, "count": 6}, within])).figures) == 3
    # the same parts under another source or period are not held against this total
    other = {**GOOD, "ref": "cc1997/271", "count": 5, "period": "2010-H1"}
    assert len(load_enforcement(write(tmp_path, [total, {**GOOD, "count": 6}, other])).figures) == 3


def test_sentences_above_the_convictions(tmp_path: Path) -> None:
    conv = {**GOOD, "ref": "unspecified", "measure": "convictions", "unit": "persons", "count": 2}
    sentence = {
        **conv,
        "measure": "sentences_imposed",
        "count": 3,
        "sentence": {"kind": "imprisonment", "min": 1, "max": 2},
    }
    with pytest.raises(TotalExceededError, match="3 > 2"):
        load_enforcement(write(tmp_path, [conv, sentence]))


def test_a_file_that_is_not_toml(tmp_path: Path) -> None:
    file = tmp_path / "enforcement.toml"
    file.write_text("[[figure]\n")
    with pytest.raises(kzlaw.StatuteSyntaxError, match="not valid TOML"):
        load_enforcement(file)
